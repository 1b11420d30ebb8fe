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



/** Embedded PGlite: `dataDir` a folder (created if missing) or undefined for in-memory. */
async function openPgliteExecutor(dataDir) {
    const where = dataDir === undefined ? 'memory' : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dataDir);
    let db;
    try {
        if (dataDir !== undefined)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(where, { recursive: true });
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
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
