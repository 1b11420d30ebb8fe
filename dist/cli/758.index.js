export const id = 758;
export const ids = [758,392];
export const modules = {

/***/ 9758:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkCommand: () => (/* binding */ checkCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5639);
/* harmony import */ var _config_run_info_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1108);
/* harmony import */ var _database_open_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7401);
/* harmony import */ var _database_pglite_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3392);
/* harmony import */ var _fleet_fleet_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3306);
/* harmony import */ var _git_added_times_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3953);
/* harmony import */ var _monitor_check_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7885);
/* harmony import */ var _monitor_structure_deps_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(342);
/* harmony import */ var _publish_deliver_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1710);
/* harmony import */ var _publish_local_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4084);
/* harmony import */ var _publish_report_store_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1341);
/* harmony import */ var _report_presentation_report_document_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6539);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4639);
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(2529);
// `schema-drift check`: the version (and structure) check with the report written locally.















async function checkCommand(values, io) {
    // A config file that lists targets makes this a fleet check (src/cli/fleet-commands.ts).
    let fleet;
    try {
        // The CLI's config file may be anywhere; only the action is confined to its workspace.
        fleet = await (0,_fleet_fleet_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .readFleetSpecs */ .$9)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd), values.config, { confined: false });
    }
    catch (error) {
        io.stderr(`schema-drift check: ${error.message}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_13__/* .EXIT */ .dc.error;
    }
    if (fleet.specs !== null)
        return (await __webpack_require__.e(/* import() */ 876).then(__webpack_require__.bind(__webpack_require__, 3876))).fleetCheckCommand(values, fleet, io);
    const fleetOnly = ['target', 'shard', 'concurrency'].find((f) => values[f] !== undefined);
    if (fleetOnly) {
        io.stderr(`schema-drift check: --${fleetOnly} needs --config FILE with a targets: list\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_13__/* .EXIT */ .dc.error;
    }
    const raw = Object.fromEntries(_flags_js__WEBPACK_IMPORTED_MODULE_13__/* .CHECK_FLAGS */ .P8.map((f) => [f, values[f]]));
    let config;
    try {
        config = (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .parseConfig */ .o4)(raw);
        if (!config.database)
            throw new _config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('check needs --database-url, --lambda-function or --pglite');
    }
    catch (error) {
        io.stderr(`schema-drift check: ${error.message}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_13__/* .EXIT */ .dc.error;
    }
    for (const warning of config.warnings ?? [])
        io.stderr(`schema-drift check: warning: ${warning}\n`);
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd);
    const store = config.reportDir ? new _publish_local_js__WEBPACK_IMPORTED_MODULE_9__/* .LocalReportStore */ .X((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root, config.reportDir)) : undefined;
    const log = values.json ? () => { } : (line) => io.stderr(`${line}\n`);
    const { report: checked, snapshot } = await (0,_monitor_check_js__WEBPACK_IMPORTED_MODULE_6__/* .runCheck */ .k)({
        root,
        config,
        run: (0,_config_run_info_js__WEBPACK_IMPORTED_MODULE_14__/* .runInfoFromEnv */ .P)(io.env, io.env.GITHUB_ACTIONS === 'true' ? undefined : 'cli'),
        now: () => new Date(),
        openExecutor: (target) => (0,_database_open_js__WEBPACK_IMPORTED_MODULE_2__/* .openExecutor */ .c)(target, {
            aws: async () => ({ region: config.aws.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '' }),
            pglite: _database_pglite_js__WEBPACK_IMPORTED_MODULE_3__.openPgliteExecutor,
        }),
        describeTarget: _database_open_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .f,
        readAddedTimes: _git_added_times_js__WEBPACK_IMPORTED_MODULE_5__/* .readAddedTimes */ .t,
        readPreviousReport: (0,_publish_report_store_js__WEBPACK_IMPORTED_MODULE_10__/* .previousReportReader */ .PD)(store, config.environment),
        structure: (0,_monitor_structure_deps_js__WEBPACK_IMPORTED_MODULE_7__/* .structureDeps */ .y)({ root, environment: config.environment, store, log }),
        log,
    });
    // The action's delivery path, with the local store only: the same attachments, chain and failure handling.
    const delivery = await (0,_publish_deliver_js__WEBPACK_IMPORTED_MODULE_8__/* .deliverReport */ .Q)(checked, { stores: store ? [store] : [] }, { snapshot });
    const report = delivery.report;
    const location = delivery.stored[0]?.result.location;
    if (values.json)
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
        io.stdout((0,_report_text_js__WEBPACK_IMPORTED_MODULE_12__/* .renderText */ .S5)((0,_report_presentation_report_document_js__WEBPACK_IMPORTED_MODULE_11__/* .reportDocument */ .c)(report, { reportLocation: location })));
    }
    if (delivery.errors.length > 0) {
        io.stderr(`schema-drift check: ${delivery.errors.join('\n')}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_13__/* .EXIT */ .dc.error;
    }
    return report.status === 'error' ? _flags_js__WEBPACK_IMPORTED_MODULE_13__/* .EXIT */ .dc.error : report.status === 'drift' ? _flags_js__WEBPACK_IMPORTED_MODULE_13__/* .EXIT */ .dc.drift : _flags_js__WEBPACK_IMPORTED_MODULE_13__/* .EXIT */ .dc.ok;
}


/***/ }),

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
