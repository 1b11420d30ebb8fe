export const id = 114;
export const ids = [114];
export const modules = {

/***/ 8114:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diffCommand: () => (/* binding */ diffCommand),
/* harmony export */   renderDiffText: () => (/* binding */ renderDiffText),
/* harmony export */   snapshotCommand: () => (/* binding */ snapshotCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7975);
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6462);
/* harmony import */ var _catalog_sql_quote_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7630);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5639);
/* harmony import */ var _database_open_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7401);
/* harmony import */ var _drift_ignore_rules_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7507);
/* harmony import */ var _drift_structure_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4594);
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2529);
// `schema-drift snapshot` and `schema-drift diff`: the structural engine on its own, for committed snapshot files
// and ad-hoc comparisons. Exit codes as everywhere: 0 equal, 1 different, 2 error.













const list = (value) => typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
/** `schema-drift snapshot (--database-url | --lambda-function | --pglite) --out FILE`. */
async function snapshotCommand(values, io, deps = {}) {
    const fail = (message) => {
        io.stderr(`schema-drift snapshot: ${message}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_12__/* .EXIT */ .dc.error;
    };
    const unknown = Object.keys(values).filter((k) => values[k] !== undefined && !_flags_js__WEBPACK_IMPORTED_MODULE_12__/* .SNAPSHOT_FLAGS */ .Lv.includes(k));
    if (unknown.length)
        return fail(`--${unknown[0]} is not an option of snapshot`);
    const out = values.out;
    if (typeof out !== 'string' || !out)
        return fail('--out FILE is required');
    let target;
    let region;
    let budget;
    try {
        const raw = Object.fromEntries(_config_config_js__WEBPACK_IMPORTED_MODULE_8__/* .DATABASE_INPUTS */ .oF.map((k) => [k, typeof values[k] === 'string' ? values[k] : undefined]));
        const config = (0,_config_config_js__WEBPACK_IMPORTED_MODULE_8__/* .parseConfig */ .o4)(raw);
        if (!config.database)
            throw new Error('snapshot needs --database-url, --lambda-function or --pglite');
        target = config.database;
        region = config.aws.region;
        if (values['max-response-bytes'] !== undefined) {
            budget = Number(values['max-response-bytes']);
            if (!Number.isInteger(budget) || budget < 1024) {
                throw new Error(`--max-response-bytes "${values['max-response-bytes']}" is not a whole number >= 1024`);
            }
        }
    }
    catch (error) {
        return fail(error.message);
    }
    let executor;
    try {
        executor = await (deps.openExecutor
            ? deps.openExecutor(target)
            : (0,_database_open_js__WEBPACK_IMPORTED_MODULE_9__/* .openExecutor */ .c)(target, {
                aws: async () => ({ region: region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '' }),
                // PGlite's code is loaded only for --pglite.
                pglite: async (dir) => (await Promise.all(/* import() */[__webpack_require__.e(38), __webpack_require__.e(392)]).then(__webpack_require__.bind(__webpack_require__, 3392))).openPgliteExecutor(dir),
            }));
        const snapshot = await (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .takeSnapshot */ .W9)(executor, {
            responseBudgetBytes: budget,
            includeSchemas: list(values['include-schemas']),
            excludeSchemas: list(values['exclude-schemas']),
        });
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, out);
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_3__.Readable.from((0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .snapshotJsonLines */ .cG)(snapshot)), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(path));
        }
        catch (error) {
            throw new Error(`Could not write snapshot "${out}": ${error.message}`);
        }
        io.stderr(`snapshot of ${executor.describe()}: ${snapshot.objects.length} objects, fingerprint ${snapshot.fingerprint}, ` +
            `${snapshot.stats.queries} queries, largest response ${snapshot.stats.largest_response_bytes} bytes → ${out}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_12__/* .EXIT */ .dc.ok;
    }
    catch (error) {
        return fail(error.message);
    }
    finally {
        await executor?.close().catch(() => { });
    }
}
/** `schema-drift diff EXPECTED ACTUAL [--json] [--config FILE]`: compares two snapshot files. */
async function diffCommand(args, io) {
    const fail = (message) => {
        io.stderr(`schema-drift diff: ${message}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_12__/* .EXIT */ .dc.error;
    };
    let positionals;
    let values;
    try {
        ({ positionals, values } = (0,node_util__WEBPACK_IMPORTED_MODULE_5__.parseArgs)({
            args: [...args],
            options: { json: { type: 'boolean' }, config: { type: 'string' } },
            allowPositionals: true,
            strict: true,
        }));
    }
    catch (error) {
        return fail(error.message);
    }
    if (positionals.length !== 2)
        return fail('expected two snapshot files: EXPECTED ACTUAL');
    try {
        // In argument order, so an error always names the first bad argument (a race would name either).
        const expected = await readSnapshot(io.cwd, positionals[0]);
        const actual = await readSnapshot(io.cwd, positionals[1]);
        const configPath = values.config ?? ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, '.schema-drift.yml')) ? '.schema-drift.yml' : undefined);
        let rules = [];
        if (configPath) {
            let text;
            try {
                text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, configPath), 'utf8');
            }
            catch (error) {
                throw new Error(`Could not read ignore rules "${configPath}": ${error.code ?? error.message}`);
            }
            rules = (0,_drift_ignore_rules_js__WEBPACK_IMPORTED_MODULE_10__/* .parseIgnoreRules */ .R0)(text, configPath);
        }
        const diff = (0,_drift_structure_js__WEBPACK_IMPORTED_MODULE_11__/* .diffSnapshots */ .V1)(expected, actual, { rules });
        if (values.json)
            io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
        else
            io.stdout(renderDiffText(diff));
        return diff.equal ? _flags_js__WEBPACK_IMPORTED_MODULE_12__/* .EXIT */ .dc.ok : _flags_js__WEBPACK_IMPORTED_MODULE_12__/* .EXIT */ .dc.drift;
    }
    catch (error) {
        return fail(error.message);
    }
}
async function readSnapshot(cwd, file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, file), 'utf8');
    }
    catch (error) {
        throw new Error(`Could not read snapshot "${file}": ${error.code ?? error.message}`);
    }
    return (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSnapshot */ .E$)(text, file);
}
/** Control characters from hostile names never reach the terminal raw. */
const shown = (value) => (0,_catalog_sql_quote_js__WEBPACK_IMPORTED_MODULE_7__/* .commentText */ .br)(typeof value === 'string' ? value : JSON.stringify(value));
function line(d) {
    const what = d.attribute === null ? `${d.change} ${d.kind} ${shown(d.object)}` : `${d.kind} ${shown(d.object)}: ${d.attribute}`;
    const values = d.change === 'changed' ? ` (expected ${shown(d.expected)}, actual ${shown(d.actual)})` : '';
    const seen = d.possible_rename ?? d.possible_move;
    const how = d.possible_rename && d.possible_move ? 'renamed and moved' : d.possible_move ? 'moved' : 'renamed';
    const rename = seen ? ` (possibly ${how}: in the database as ${shown(seen)})` : '';
    const fix = d.fix_sql
        .split('\n')
        .map((l) => `      ${l}`)
        .join('\n');
    return `  - ${what}${values}${rename} [fix-up: ${d.safety}]\n${fix}\n`;
}
/** Plain-text rendering: differences by severity, each with its fix-up SQL. */
function renderDiffText(diff) {
    let text = diff.equal
        ? `No structural differences (fingerprint ${diff.actual_fingerprint}).\n`
        : `${diff.differences.length} structural difference(s): ${_drift_structure_js__WEBPACK_IMPORTED_MODULE_11__/* .SEVERITIES */ .oC.map((s) => `${diff.counts[s]} ${s}`).join(', ')}\n`;
    for (const severity of _drift_structure_js__WEBPACK_IMPORTED_MODULE_11__/* .SEVERITIES */ .oC) {
        const items = diff.differences.filter((d) => d.severity === severity);
        if (!items.length)
            continue;
        text += `\n${severity}:\n${items.map(line).join('')}`;
    }
    if (!diff.equal) {
        const script = diff.fix_script
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n');
        text += `\nfix-up script, in dependency order (destructive statements commented out):\n${script}\n`;
    }
    if (diff.notices.length)
        text += `\nnotices:\n${diff.notices.map(line).join('')}`;
    if (diff.ignored.length) {
        text += `\nignored by rules: ${diff.ignored.length}\n`;
        for (const i of diff.ignored)
            text += `  - ${i.difference.kind} ${shown(i.difference.object)} (${shown(i.rule.reason)})\n`;
    }
    for (const w of diff.warnings)
        text += `warning: ${shown(w.message)}${w.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : ''}\n`;
    return text;
}


/***/ })

};
