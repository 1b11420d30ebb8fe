export const id = 392;
export const ids = [392];
export const modules = {

/***/ 3392:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPgliteExecutor: () => (/* binding */ openPgliteExecutor)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _electric_sql_pglite__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5038);



/** Embedded PGlite: `dataDir` a folder holding a database (or, with `create`, one to create), or undefined for in-memory. */
async function openPgliteExecutor(dataDir, options = {}) {
    const where = dataDir === undefined ? 'memory' : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dataDir);
    let db;
    try {
        if (dataDir !== undefined)
            await checkDataDir(where, options.create === true);
        db = await _electric_sql_pglite__WEBPACK_IMPORTED_MODULE_2__/* .PGlite */ .Eb.create(dataDir === undefined ? undefined : where);
    }
    catch (error) {
        throw new Error(`Could not open PGlite at ${where}: ${messageOf(error)}`);
    }
    let closed = false;
    return {
        db,
        async query(sql, params) {
            if (closed)
                throw new Error(`Query failed on pglite:${where}: the executor is closed`);
            try {
                // Same guarantee as the server adapter: whatever the SQL, nothing it does is kept.
                return await db.transaction(async (tx) => {
                    // The SELECT takes the snapshot, after which `SET TRANSACTION READ WRITE` is refused; tx.query is
                    // the extended protocol, one statement, so `COMMIT; CREATE ...` cannot step out either.
                    await tx.exec('SET TRANSACTION READ ONLY; SELECT 1');
                    const result = await tx.query(sql, params === undefined ? [] : [...params]);
                    await tx.rollback();
                    return result.rows;
                });
            }
            catch (error) {
                throw new Error(`Query failed on pglite:${where}: ${messageOf(error)}`);
            }
        },
        describe: () => `pglite:${where}`,
        async close() {
            if (closed)
                return;
            closed = true;
            await db.close();
        },
    };
}
/**
 * Throws (saying why) unless `dir` holds a PostgreSQL data directory (its `PG_VERSION` file, which initdb writes
 * first and PGlite looks for), or, with `create`, is missing or empty (then it is made).
 */
async function checkDataDir(dir, create) {
    const found = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).catch((error) => {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    });
    if (found === null) {
        if (!create)
            throw new Error('no such folder (a PGlite database folder holds a PG_VERSION file)');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
        return;
    }
    if (!found.isDirectory())
        throw new Error('it is not a folder');
    const version = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'PG_VERSION')).catch(() => null);
    if (version?.isFile())
        return;
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir);
    if (entries.length === 0 && create)
        return;
    throw new Error(entries.length === 0
        ? 'the folder is empty: it holds no PGlite database (no PG_VERSION file)'
        : 'the folder holds no PGlite database (no PG_VERSION file)');
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
