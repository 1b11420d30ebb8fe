export const id = 472;
export const ids = [472];
export const modules = {

/***/ 1109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GX: () => (/* binding */ parseConfigFileTargets),
/* harmony export */   Oz: () => (/* binding */ targetNameProblem)
/* harmony export */ });
/* unused harmony exports TARGET_INPUT_KEYS, TARGET_NAME */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9691);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5639);
// The `targets:` list of the config file (input `config`, default `.schema-drift.yml`): a fleet. Read with a real YAML
// parser (JSON is YAML too); the `ignore:` and `lint:` blocks of the same file are read by their own parsers, which
// skip this one. Keys are the action's input names; the step's inputs are the defaults for every target.
// A URL is never written in the file: the route names the environment variable (a secret) that holds it.



/** Input names a target may override, as written in the file. */
const TARGET_INPUT_KEYS = [
    'environment',
    'migrations',
    'ini-section',
    'version-locations',
    'version-table',
    'version-table-schema',
    'structure-expected',
    'snapshot-file',
    'lambda-function',
    'lambda-qualifier',
    'lambda-payload-template',
    'lambda-rows-path',
    'aws-region',
    'role-to-assume',
];
const OTHER_KEYS = ['name', 'database-url-env', 'discover'];
/** Target names are key segments of the report store: no slash, no `..`, at most 100 characters. */
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function targetNameProblem(name) {
    if (!TARGET_NAME.test(name))
        return 'letters, digits, ".", "_" or "-", at most 100, starting alphanumeric';
    if (name.includes('..'))
        return 'must not contain ".."';
    return null;
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
// Numbers and booleans are what YAML makes of `version-table: 2024` or `aws-region: no`; the inputs are text.
const scalarText = zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()], 'a string')
    .transform((v) => String(v).trim())
    .pipe(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, 'must not be empty'));
const discoverSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    schemas: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().trim().min(1, 'a LIKE pattern, e.g. tenant_%').optional(),
    databases: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().trim().min(1, 'a LIKE pattern, e.g. tenant_%').optional(),
}, 'a map: {schemas: PATTERN} or {databases: PATTERN}')
    .strict()
    .refine((d) => (d.schemas === undefined) !== (d.databases === undefined), 'exactly one of "schemas" or "databases"')
    .transform((d) => d.schemas !== undefined ? { schemas: d.schemas } : { databases: d.databases });
/** Reads the `targets:` list; null when the file has none (not a fleet). Throws ConfigError naming file, target, key. */
function parseConfigFileTargets(text, file) {
    const fail = (message) => {
        throw new _config_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`Invalid config file "${file}": ${message}`, ['config']);
    };
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false });
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        const at = first?.linePos?.[0];
        fail(`${at ? `line ${at.line}: ` : ''}not valid YAML (${first?.message.split('\n')[0]})`);
    }
    const root = doc.contents;
    if (root === null || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        if (root === null)
            return null;
        return fail('expected a map of top-level keys (ignore, lint, targets)');
    }
    const node = root.get('targets', true);
    if (node === undefined)
        return null;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
        return fail('"targets" must be a list of "- name: …" entries');
    if (node.items.length === 0)
        return fail('"targets" is empty: a fleet of no targets checks nothing');
    const specs = [];
    const seen = new Map();
    node.items.forEach((item, index) => {
        const offset = item.range?.[0];
        const source = `${file}${offset === undefined ? '' : ` line ${lines.linePos(offset).line}`}`;
        const value = item.toJSON?.() ?? item;
        const spec = readEntry(value, index, source, fail);
        const before = seen.get(spec.name);
        if (before)
            fail(`target "${spec.name}" (${source}) has the same name as the target at ${before}`);
        seen.set(spec.name, source);
        specs.push(spec);
    });
    return specs;
}
function readEntry(value, index, source, fail) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return fail(`targets[${index}] (${source}) is not a map of keys`);
    }
    const entry = value;
    const rawName = entry.name;
    const name = typeof rawName === 'string' ? rawName.trim() : '';
    const label = name ? `target "${name}" (${source})` : `targets[${index}] (${source})`;
    if (rawName === undefined)
        fail(`${label}: "name" is required`);
    const nameProblem = targetNameProblem(name);
    if (nameProblem)
        fail(`${label}: key "name" ${JSON.stringify(rawName)} — ${nameProblem}`);
    const inputs = {};
    let databaseUrlEnv;
    let discover;
    for (const [key, raw] of Object.entries(entry)) {
        if (key === 'name')
            continue;
        if (key === 'database-url' || key === 'reference-database-url') {
            fail(`${label}: key "${key}" — a URL is never written in the config file (it would be committed with its ` +
                `password); put it in a secret and name the environment variable with "${key}-env"`);
        }
        if (key === 'database-url-env') {
            const parsed = scalarText.pipe(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(ENV_NAME, 'an environment variable name')).safeParse(raw);
            if (!parsed.success)
                fail(`${label}: key "${key}" ${JSON.stringify(raw)} — ${issueOf(parsed.error)}`);
            databaseUrlEnv = parsed.data;
            continue;
        }
        if (key === 'discover') {
            const parsed = discoverSchema.safeParse(raw);
            if (!parsed.success)
                fail(`${label}: key "discover" — ${issueOf(parsed.error)}`);
            discover = parsed.data;
            continue;
        }
        if (!TARGET_INPUT_KEYS.includes(key)) {
            fail(`${label}: unknown key "${key}" (expected ${[...OTHER_KEYS, ...TARGET_INPUT_KEYS].join(', ')})`);
        }
        const text = inputText(key, raw);
        if (text === null)
            fail(`${label}: key "${key}" ${JSON.stringify(raw)} — expected a non-empty string`);
        // Any URL — whatever the key — may carry a password into the repository.
        if (/:\/\//.test(text)) {
            fail(`${label}: key "${key}" holds a URL; a URL is never written in the config file (use database-url-env)`);
        }
        inputs[key] = text;
    }
    if (discover && 'databases' in discover && !databaseUrlEnv) {
        fail(`${label}: key "discover" — {databases: …} needs "database-url-env" (the server's URL, database replaced)`);
    }
    return { name, inputs, databaseUrlEnv, discover, source };
}
/** The input's text: scalars as text, a list of version-locations one a line, a payload template as JSON. */
function inputText(key, raw) {
    if (key === 'version-locations' && Array.isArray(raw)) {
        const parts = raw.map((p) => scalarText.safeParse(p));
        return parts.every((p) => p.success) && parts.length > 0 ? parts.map((p) => p.data).join('\n') : null;
    }
    if (key === 'lambda-payload-template' && raw !== null && typeof raw === 'object')
        return JSON.stringify(raw);
    const parsed = scalarText.safeParse(raw);
    return parsed.success ? parsed.data : null;
}
function issueOf(error) {
    const issue = error.issues[0];
    return issue ? `expected ${issue.message}` : 'invalid';
}


/***/ }),

/***/ 1108:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ runInfoFromEnv)
/* harmony export */ });
/* harmony import */ var _shared_tool_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4050);

function runInfoFromEnv(env, trigger) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    return {
        trigger: trigger ?? env.GITHUB_EVENT_NAME ?? 'cli',
        repository,
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        run_id: runId,
        run_url: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
        tool_version: _shared_tool_version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_VERSION */ .w,
    };
}


/***/ }),

/***/ 5204:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hx: () => (/* binding */ readVersionTable),
/* harmony export */   up: () => (/* binding */ rowProblem),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
/* harmony import */ var _shared_error_message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9481);
/* harmony import */ var _row_shape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(937);


// PostgreSQL truncates identifiers past NAMEDATALEN - 1 bytes, which would silently read another table.
const MAX_IDENTIFIER_BYTES = 63;
/** Reads the applied revisions. Missing table -> exists false; empty -> []; several rows -> all of them. */
async function readVersionTable(executor, ref) {
    const table = validIdentifier(ref.table, 'version-table');
    const schema = ref.schema === undefined || ref.schema === '' ? undefined : validIdentifier(ref.schema, 'version-table-schema');
    const asked = schema === undefined ? displayIdentifier(table) : `${displayIdentifier(schema)}.${displayIdentifier(table)}`;
    // Names are exact identifiers, as SQLAlchemy quotes them: `MyTable` means "MyTable", not mytable.
    // quote_ident runs server-side on bound parameters, so user input never becomes SQL text here.
    const lookup = schema === undefined
        ? { sql: 'pg_catalog.quote_ident($1::text)', params: [table] }
        : { sql: "pg_catalog.quote_ident($1::text) || '.' || pg_catalog.quote_ident($2::text)", params: [schema, table] };
    let found;
    try {
        found = await executor.query(`select pg_catalog.format('%I.%I', n.nspname, c.relname) as qualified_name
         from pg_catalog.pg_class c
         join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.oid = pg_catalog.to_regclass(${lookup.sql})`, lookup.params);
        found = (0,_row_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRows */ .U)(found, { qualified_name: 'text' }, 'the lookup answered');
    }
    catch (error) {
        throw new Error(`Could not look up version table ${asked}: ${(0,_shared_error_message_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error)}`);
    }
    if (found.length === 0)
        return { exists: false, versions: [], invalid: [], qualifiedName: asked };
    const qualifiedName = found[0]?.qualified_name;
    // A row without the name (a Lambda that maps NULL or drops the column) is an answer we cannot read, not "absent".
    if (typeof qualifiedName !== 'string' || qualifiedName === '') {
        throw new Error(`Could not look up version table ${asked}: the lookup answered ${JSON.stringify(found[0]) ?? 'nothing'} without a qualified_name`);
    }
    // Identifiers cannot be bound; quoteIdent on validated names (no NUL) cannot be escaped from.
    const target = schema === undefined ? quoteIdent(table) : `${quoteIdent(schema)}.${quoteIdent(table)}`;
    let rows;
    try {
        rows = await executor.query(`select version_num::text as version_num from ${target}`);
        // A row without the column (or with a non-text value) is an error, not a dropped row; null is judged later.
        rows = (0,_row_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRows */ .U)(rows, { version_num: 'text?' }, 'the table answered');
    }
    catch (error) {
        throw new Error(`Could not read version table ${qualifiedName}: ${(0,_shared_error_message_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error)}`);
    }
    // Every row is accounted for: a value Alembic could not have written is reported, never dropped or trimmed.
    const versions = [];
    const invalid = [];
    for (const row of rows) {
        const problem = rowProblem(row);
        if (problem === null)
            versions.push(row.version_num);
        else
            invalid.push(problem);
    }
    versions.sort();
    return { exists: true, versions, invalid, qualifiedName };
}
/** Why a version row is not a usable revision id (null, empty, not text, padded), or null when it is one. */
function rowProblem(row) {
    if (row === null || typeof row !== 'object' || !('version_num' in row)) {
        return `a row without version_num (${JSON.stringify(row) ?? String(row)})`;
    }
    const value = row.version_num;
    if (value === null || value === undefined)
        return 'NULL';
    if (typeof value !== 'string')
        return `${JSON.stringify(value) ?? String(value)} (a ${typeof value}, not text)`;
    if (value === '')
        return '"" (empty)';
    if (value !== value.trim())
        return `${JSON.stringify(value)} (leading or trailing whitespace)`;
    return null;
}
function validIdentifier(value, input) {
    const shown = JSON.stringify(value);
    if (typeof value !== 'string' || value.trim() === '')
        throw new Error(`Invalid ${input} ${shown}: must not be empty`);
    if (value !== value.trim())
        throw new Error(`Invalid ${input} ${shown}: leading or trailing spaces`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects
    if (/[\u0000-\u001f\u007f]/.test(value))
        throw new Error(`Invalid ${input} ${shown}: contains a control character`);
    if (value.includes('.')) {
        const hint = input === 'version-table' ? '; give the schema in version-table-schema' : '';
        throw new Error(`Invalid ${input} ${shown}: a name, not a dotted path${hint}`);
    }
    if (Buffer.byteLength(value, 'utf8') > MAX_IDENTIFIER_BYTES) {
        throw new Error(`Invalid ${input} ${shown}: longer than PostgreSQL's ${MAX_IDENTIFIER_BYTES}-byte identifier limit`);
    }
    return value;
}
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
function displayIdentifier(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : quoteIdent(name);
}


/***/ }),

/***/ 3306:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ readFleetSpecs),
/* harmony export */   KZ: () => (/* binding */ fleetMatrix)
/* harmony export */ });
/* unused harmony exports DEFAULT_CONFIG_FILE, DEFAULT_SHARDS, fleetModeFor, runFleetPlanMode */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5639);
/* harmony import */ var _config_config_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1109);
/* harmony import */ var _publish_report_store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1341);
/* harmony import */ var _shared_error_message_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9481);
/* harmony import */ var _shard_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7820);
// Which targets a run has, and the matrix of a fleet: the config file's `targets:` read once for every front end
// (action modes, CLI), the mode a run takes when the file lists targets, and `mode: fleet-plan`'s matrix.








const DEFAULT_CONFIG_FILE = '.schema-drift.yml';
/** Shards `fleet-plan` lays out when input `shards` is not given. */
const DEFAULT_SHARDS = 4;
/**
 * Reads the targets of the config file (input `config`, default `.schema-drift.yml` at the root). The action's file
 * must be inside its workspace (`confined`, the default); the CLI's may be anywhere (`confined: false`), as a user
 * keeps files where they like. A named file that does not exist is an error, the default one may be absent.
 */
async function readFleetSpecs(root, configInput, options = {}) {
    const file = configInput ?? DEFAULT_CONFIG_FILE;
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(root, file);
    const fromRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, full).split('\\').join('/');
    const outside = fromRoot.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(fromRoot);
    if (outside && options.confined !== false) {
        throw new _config_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`Invalid input "config": ${JSON.stringify(file)} is outside the repository`, ['config']);
    }
    // A file outside the root is named by its full path: `../../x.yml` would say little in a report.
    const shown = outside ? full : fromRoot;
    if (configInput === undefined && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(full))
        return { file: shown, specs: null };
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(full, 'utf8');
    }
    catch (error) {
        throw new _config_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`Could not read the config file "${shown}": ${error.message}`, ['config']);
    }
    const specs = (0,_config_config_file_js__WEBPACK_IMPORTED_MODULE_4__/* .parseConfigFileTargets */ .GX)(text, shown);
    // Names become store folders: refused here, before any database is touched, not when the first report is stored.
    for (const spec of specs ?? []) {
        try {
            (0,_publish_report_store_js__WEBPACK_IMPORTED_MODULE_5__/* .validateTargetSegment */ .Xo)(spec.name);
        }
        catch (error) {
            throw new _config_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`Invalid config file "${shown}": target "${spec.name}" (${spec.source}): ${(0,_shared_error_message_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .g)(error)}`, ['config']);
        }
    }
    return { file: shown, specs };
}
/**
 * The fleet mode a run takes: the explicit fleet modes; `auto` outside pull requests when the config file lists
 * targets; null otherwise. `monitor` with `targets:` is refused rather than checking one database and ignoring the
 * fleet the file describes.
 */
function fleetModeFor(mode, eventName, hasTargets) {
    if (mode === 'fleet' || mode === 'fleet-plan' || mode === 'fleet-merge')
        return mode;
    if (!hasTargets)
        return null;
    if (mode === 'auto' && !eventName.startsWith('pull_request'))
        return 'fleet';
    if (mode === 'monitor') {
        throw new ConfigError('Input "mode" is monitor but the config file lists targets: use mode fleet (or auto) to check the fleet, ' +
            'or remove targets: to check one database', ['mode', 'config']);
    }
    return null;
}
/** The matrix for `strategy.matrix` (`{"include":[{"shard":"1/4"},…]}`), ≤ 256 jobs. */
function fleetMatrix(specs, shards) {
    return JSON.stringify((0,_shard_js__WEBPACK_IMPORTED_MODULE_6__/* .planMatrix */ .T4)(specs, shards ?? DEFAULT_SHARDS));
}
/** `mode: fleet-plan`: sets output `matrix`, or fails the step naming why (never a matrix that checks nothing). */
function runFleetPlanMode(core, fleet, shards) {
    try {
        if (fleet.specs === null) {
            throw new Error(`mode: fleet-plan needs a targets: list in the config file ("${fleet.file}" has none)`);
        }
        const matrix = fleetMatrix(fleet.specs, shards);
        core.setOutput('matrix', matrix);
        core.info(`matrix: ${matrix}`);
    }
    catch (error) {
        core.setOutput('matrix', '');
        core.setOutput('status', 'error');
        core.setFailed(errorMessage(error));
    }
}


/***/ }),

/***/ 3953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ readAddedTimes)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
// When each migration file entered the branch, from git history — the clock behind pending-grace.




const run = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/** One `git log` over the given folders; a shallow clone is refused because its oldest commit "adds" every file. */
async function readAddedTimes(root, folders) {
    const times = new Map();
    const commits = new Map();
    const git = (cwd, args) => run('git', ['-C', cwd, ...args], { maxBuffer: 256 * 1024 * 1024 });
    try {
        const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim();
        if (shallow === 'true') {
            return { times, commits, unavailable: 'the checkout is shallow; set `fetch-depth: 0` on actions/checkout' };
        }
        const top = (await git(root, ['rev-parse', '--show-toplevel'])).stdout.trim();
        // git prints real paths from the top level; compare like with like even when root sits behind a symlink.
        const realRoot = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root);
        const paths = await Promise.all(folders.map(async (f) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(top, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(f)) || '.'));
        // Newest first: the last time we see a path is the commit that first added it.
        const { stdout } = await git(top, [
            'log',
            '--diff-filter=A',
            '--format=%x00%ct %H',
            '--name-only',
            '--no-renames',
            '--',
            ...paths,
        ]);
        let when = null;
        let commit = '';
        for (const line of stdout.split('\n')) {
            if (line.startsWith('\0')) {
                const [seconds = '', sha = ''] = line.slice(1).split(' ');
                when = new Date(Number(seconds) * 1000);
                commit = sha;
            }
            else if (line && when) {
                const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(realRoot, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(top, line)).split('\\').join('/');
                times.set(path, when);
                commits.set(path, commit);
            }
        }
        return { times, commits, unavailable: null };
    }
    catch (error) {
        const message = error.stderr?.trim() || error.message;
        return { times, commits, unavailable: `git history could not be read in ${root}: ${message.split('\n')[0]}` };
    }
}


/***/ }),

/***/ 7885:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ runCheck)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/database/version-table.js
var version_table = __webpack_require__(5204);
// EXTERNAL MODULE: ./lib/drift/ignore-rules.js
var ignore_rules = __webpack_require__(7507);
;// CONCATENATED MODULE: ./lib/drift/deciding-findings.js

/**
 * Error kinds that leave the heads and every parent link certain, so the verdict can still be given:
 * - `multiple-heads`: the heads are known; the verdict itself follows `alembic upgrade heads` (see version.ts).
 * - `revision-id-too-long`: the id is read exactly; it cannot be stored in VARCHAR(32), so it stays pending (drift).
 */
const NON_DECIDING_KINDS = ['multiple-heads', 'revision-id-too-long'];
/** Sorts the graph's findings into those that decide the verdict, those ignored by a rule, and rule warnings. */
function decidingFindings(findings, rules, today) {
    const errors = findings.filter((f) => f.severity === 'error' && !NON_DECIDING_KINDS.includes(f.kind));
    const { kept, ignored, warnings } = (0,ignore_rules/* applyFindingRules */.lF)(errors, rules, today);
    const waived = new Map(ignored.map(({ finding, rule }) => [finding, rule]));
    return {
        shown: findings.map((f) => {
            const rule = waived.get(f);
            return rule ? (0,ignore_rules/* asWaived */.z2)(f, rule) : f;
        }),
        deciding: kept,
        ignored: ignored.map(({ finding, rule }) => ({
            finding,
            rule: { file: rule.file, finding: rule.finding, reason: rule.reason, expires: rule.expires ?? null },
        })),
        warnings,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./lib/drift/rules-file.js
// Reads the rules of `.schema-drift.yml` (input `config`): the `file:` rules for the version verdict (monitor) and the
// pull-request check alike, so a finding one mode lets past the other does too, and the `object:` rules for the
// structure check. One reader, so every mode finds the same file and fails on it with the same words.




/** The rules `parse` reads from the `config` input's file, or from `.schema-drift.yml` at the root when it exists. */
async function readRules(root, file, parse) {
    const path = (0,external_node_path_.resolve)(root, file ?? '.schema-drift.yml');
    if (!file && !(0,external_node_fs_.existsSync)(path))
        return [];
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new Error(`Could not read ignore rules (input "config") "${file ?? path}": ${error.message}`);
    }
    return parse(text, (0,external_node_path_.relative)(root, path).split('\\').join('/'));
}
/** Migration file rules (`file:`), which let an error finding past the verdict. */
const readFindingRules = (root, file) => readRules(root, file, ignore_rules/* parseFindingRules */.wj);
/** Structure rules (`object:`), which accept a structural difference. */
const readIgnoreRules = (root, file) => readRules(root, file, ignore_rules/* parseIgnoreRules */.R0);

// EXTERNAL MODULE: ./lib/migrations/graph.js
var migrations_graph = __webpack_require__(4705);
;// CONCATENATED MODULE: ./lib/drift/version.js

/** Decides the version state; pure, so every state is unit-testable without a database. */
function decideVersion(graph, applied, options) {
    const heads = [...graph.heads];
    const versions = [...applied.versions].sort();
    const deciding = options.decidingFindings ?? [];
    const section = (state, summary, pending = [], unknown = []) => ({
        state,
        drift: state === 'synced' ? false : state === 'behind' ? pending.some((p) => !p.within_grace) : true,
        summary,
        codebase_heads: heads,
        database_versions: versions,
        pending,
        unknown,
        version_table: applied.qualifiedName,
        pending_grace_minutes: options.pendingGraceMinutes,
        deciding_findings: state === 'error' ? [...deciding] : [],
        ignored_findings: [...(options.ignoredFindings ?? [])],
    });
    if (deciding.length > 0)
        return section('error', decidingSummary(deciding));
    const cycle = graph.findings.find((f) => f.kind === 'cycle');
    if (cycle)
        return section('error', `the migration graph has a cycle: ${cycle.message}`);
    if (heads.length === 0)
        return section('error', 'the repository has no head revision');
    const target = (0,migrations_graph/* ancestors */.T1)(graph, heads);
    const toPending = (ids) => (0,migrations_graph/* inApplyOrder */.ub)(graph, ids).map((r) => pendingItem(r, options));
    const invalid = applied.invalid ?? [];
    if (invalid.length > 0) {
        return section('error', `${applied.qualifiedName} holds ${invalid.length === 1 ? 'a row' : 'rows'} Alembic could not have written: ${invalid.join(', ')}`);
    }
    if (!applied.exists || versions.length === 0) {
        // A missing table is more often a wrong database or table name than a fresh database: say where to look.
        const why = applied.exists
            ? `${applied.qualifiedName} is empty`
            : `${applied.qualifiedName} does not exist (a fresh database, the wrong database, or check the version-table / version-table-schema inputs)`;
        return section('uninitialized', `uninitialized: ${why}`, toPending(target));
    }
    const repeated = versions.filter((v, i) => versions[i - 1] === v);
    if (repeated.length > 0) {
        return section('error', `${applied.qualifiedName} holds ${[...new Set(repeated)].join(', ')} more than once`);
    }
    const unknown = versions.filter((v) => !graph.revisions.has(v));
    const nearMisses = unknown.map((v) => nearMiss(graph, v)).filter((m) => m !== null);
    if (nearMisses.length > 0)
        return section('error', `${applied.qualifiedName}: ${nearMisses.join('; ')}`);
    if (unknown.length > 0) {
        const n = unknown.length;
        return section('ahead', `ahead: the database has ${n} revision${n === 1 ? '' : 's'} the repository lacks (${unknown.join(', ')})`, [], unknown);
    }
    const overlaps = overlapping(graph, versions);
    if (overlaps.length > 0) {
        return section('error', `${applied.qualifiedName} rows overlap: ${overlaps.join('; ')}; Alembic's upgrade refuses such a table ("overlaps with other requested revisions")`);
    }
    const done = (0,migrations_graph/* ancestors */.T1)(graph, versions);
    const pending = toPending([...target].filter((id) => !done.has(id)));
    const accidental = (0,migrations_graph/* accidentalHeads */.yA)(graph);
    if (pending.length === 0) {
        // `alembic upgrade heads` has nothing to do; unmerged unlabelled heads stay a multiple-heads finding.
        const note = accidental.length > 1
            ? ` (every one of the ${accidental.length} unmerged heads is applied; see the multiple-heads finding)`
            : (0,migrations_graph/* effectiveHeads */.RI)(graph).length > 1
                ? ` (every labelled branch head applied)`
                : '';
        return section('synced', `in sync at ${versions.join(', ')}${note}`);
    }
    if (accidental.length > 1) {
        return section('branched', `branched: the repository has ${accidental.length} heads without branch labels (${accidental.join(', ')})`, pending);
    }
    const n = pending.length;
    const inGrace = pending.filter((p) => p.within_grace).length;
    const graceNote = inGrace === 0 ? '' : inGrace === n ? ' (all within pending-grace)' : ` (${inGrace} within pending-grace)`;
    return section('behind', `behind by ${n} migration${n === 1 ? '' : 's'}${graceNote}`, pending);
}
function decidingSummary(findings) {
    const first = findings[0];
    const where = (f) => (f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : 'the migrations');
    const files = [...new Set(findings.map(where))];
    const more = findings.length > 1
        ? ` (${findings.length} error findings in ${files.slice(0, 10).join(', ')}${files.length > 10 ? ', …' : ''})`
        : '';
    return `the migration graph could not be read completely: ${first.kind} in ${where(first)}: ${first.message}${more}`;
}
/** Why an unknown row is not plainly "ahead": Alembic would read it as, or confuse it with, a known revision. */
function nearMiss(graph, value) {
    const lower = value.toLowerCase();
    const sameLetters = [];
    const prefixed = [];
    for (const id of graph.revisions.keys()) {
        if (id.toLowerCase() === lower)
            sameLetters.push(id);
        // Alembic resolves an unknown id by unique prefix (ids longer than 3): the row would silently stand for it.
        else if (id.length > 3 && id.startsWith(value))
            prefixed.push(id);
    }
    if (sameLetters.length > 0) {
        return `row "${value}" differs only in case from revision ${sameLetters.sort().join(', ')}; Alembic compares ids exactly`;
    }
    if (prefixed.length > 0) {
        return `row "${value}" is no revision id but a prefix of ${prefixed.sort().slice(0, 5).join(', ')}, which Alembic would resolve it to (or refuse as ambiguous)`;
    }
    return null;
}
/** Pairs of rows where one is an ancestor of another (through down_revision or depends_on). */
function overlapping(graph, versions) {
    if (versions.length < 2)
        return [];
    const out = [];
    for (const v of versions) {
        const below = (0,migrations_graph/* ancestors */.T1)(graph, [v]);
        const covered = versions.filter((w) => w !== v && below.has(w));
        if (covered.length > 0)
            out.push(`${v} already includes ${covered.join(', ')}`);
    }
    return out;
}
function pendingItem(revision, options) {
    const now = options.now.getTime();
    const added = options.addedAt.get(revision.file) ?? null;
    const firstSeen = options.firstSeenPending?.get(revision.id) ?? options.now;
    const graceMs = options.pendingGraceMinutes * 60_000;
    // A commit date is whatever the committer wrote: one later than this run proves nothing about the file's age.
    const trustedAge = added !== null && added.getTime() <= now ? now - added.getTime() : Number.POSITIVE_INFINITY;
    const withinGrace = options.graceEnforceable !== false &&
        graceMs > 0 &&
        trustedAge < graceMs &&
        now - Math.min(firstSeen.getTime(), now) < graceMs;
    return {
        revision: revision.id,
        down_revisions: revision.downRevisions,
        file: revision.file,
        line: revision.line,
        message: revision.message,
        added_at: added ? isoSeconds(added) : null,
        first_seen_pending_at: isoSeconds(firstSeen.getTime() <= now ? firstSeen : options.now),
        within_grace: withinGrace,
    };
}
/** Warnings for pending files whose commit is dated later than the run: such a date never earns grace. */
function futureCommitFindings(section, now, addedBy) {
    if (section.pending_grace_minutes <= 0)
        return [];
    return section.pending
        .filter((p) => p.added_at !== null && Date.parse(p.added_at) > now.getTime())
        .map((p) => ({
        severity: 'warning',
        kind: 'pending-grace-future-commit',
        message: `${p.file} (revision ${p.revision}) was added by commit ${addedBy.get(p.file) ?? '(unknown)'} dated ${p.added_at}, later than this run (${isoSeconds(now)}); a commit date is set by the committer, so it earns no pending-grace`,
        file: p.file,
        line: p.line,
    }));
}
/**
 * First-seen-pending times recorded by the previous report, by revision id; or why there is no such record: a
 * previous report without a verdict carried no pending list, so a sighting before it would be lost.
 */
function firstSeenFrom(previous) {
    const firstSeen = new Map();
    if (previous !== null && (previous.version === null || previous.version.state === 'error')) {
        return {
            firstSeen,
            unavailable: `the previous report (${previous.timestamp}) has no version verdict, so when pending migrations were first seen is not known`,
        };
    }
    for (const p of previous?.version?.pending ?? []) {
        // Reports written before first_seen_pending_at existed saw it pending at least at their own timestamp.
        const seen = new Date(p.first_seen_pending_at ?? previous?.timestamp ?? '');
        if (!Number.isNaN(seen.getTime()))
            firstSeen.set(p.revision, seen);
    }
    return { firstSeen, unavailable: null };
}
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// EXTERNAL MODULE: ./lib/migrations/load.js + 5 modules
var load = __webpack_require__(5057);
// EXTERNAL MODULE: ./lib/report/build.js
var build = __webpack_require__(8134);
// EXTERNAL MODULE: ./lib/catalog/snapshot.js + 4 modules
var catalog_snapshot = __webpack_require__(6462);
;// CONCATENATED MODULE: ./lib/catalog/rename-schema.js

/** The schemas a snapshot holds (its `schema` objects), sorted. */
function userSchemas(snapshot) {
    return snapshot.objects
        .filter((o) => o.kind === 'schema')
        .map((o) => o.path[0] ?? '')
        .sort();
}
/** The snapshot with schema `from` named `to`: object paths, schema attributes and qualified references. */
function renameSchema(snapshot, from, to) {
    if (from === to)
        return snapshot;
    const replaceIn = referenceReplacer(from, to);
    const objects = snapshot.objects.map((object) => {
        const path = [...object.path];
        // Default privileges are keyed [role, schema, type, grantee]; an extension's name is not in a schema.
        const at = object.kind === 'default privilege' ? 1 : object.kind === 'extension' ? -1 : 0;
        if (at >= 0 && path[at] === from)
            path[at] = to;
        const attrs = {};
        for (const [key, value] of Object.entries(object.attrs)) {
            attrs[key] = key === 'schema' && value === from ? to : renameValue(value, from, to, replaceIn);
        }
        const renamed = { kind: object.kind, path, attrs };
        if (object.ddl !== undefined)
            renamed.ddl = replaceIn(object.ddl);
        return renamed;
    });
    return (0,catalog_snapshot/* buildSnapshot */.tX)(objects, snapshot.server_version_num, snapshot.stats);
}
function renameValue(value, from, to, replaceIn) {
    if (typeof value === 'string')
        return replaceIn(value);
    // A path held as parts ([schema, table, column], e.g. a sequence's owned_by) starts with the schema's raw name.
    if (Array.isArray(value))
        return value.map((v, i) => (i === 0 && v === from ? to : replaceIn(v)));
    return value;
}
// How PostgreSQL writes a name in a definition (quote_ident): bare when it is lower-case plain, else double-quoted.
function rendered(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
/**
 * Replaces `from.` where it starts a qualified name (not `x.from.` nor part of a longer identifier), in each way it is
 * spelled: quoted, bare or raw, and inside a string literal (`'"it''s".seq'::regclass`, quotes doubled).
 */
function referenceReplacer(from, to) {
    const quoted = `"${from.replace(/"/g, '""')}"`;
    const pairs = [[quoted, rendered(to)]];
    // A key word (`user`) is quoted even when lower-case plain: look for both spellings. Some attributes hold the raw
    // dotted name (an index's `table`), where a name that needs quotes appears without them.
    pairs.push(rendered(from) !== quoted ? [from, rendered(to)] : [from, to]);
    if (quoted.includes("'"))
        pairs.push([quoted.replace(/'/g, "''"), rendered(to).replace(/'/g, "''")]);
    const patterns = pairs.map(([spelling, target]) => {
        const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = spelling.startsWith('"')
            ? new RegExp(`${escaped}\\.`, 'g')
            : new RegExp(`(?<![A-Za-z0-9_$."])${escaped}\\.`, 'g');
        return { spelling, target, pattern };
    });
    return (text) => {
        let out = text;
        for (const { spelling, target, pattern } of patterns) {
            if (out.includes(spelling))
                out = out.replace(pattern, () => `${target}.`);
        }
        return out;
    };
}

// EXTERNAL MODULE: ./lib/drift/structure.js + 6 modules
var structure = __webpack_require__(4594);
;// CONCATENATED MODULE: ./lib/monitor/structure-check.js
// The structure stage of the check: the live catalog (through the same executor as the version read) against the
// expected schema — a reference database built from the migrations, a committed snapshot file, or the baseline stored
// by the previous run. Adapters come in as parameters, as in check.ts.






const SAFE_REVISION = /^[A-Za-z0-9_.]+$/;
function skipped(source, summary, actual) {
    return {
        state: 'skipped',
        expected_source: source,
        summary,
        expected_location: null,
        expected_fingerprint: null,
        actual_fingerprint: actual.fingerprint,
        counts: { security: 0, breaking: 0, cosmetic: 0 },
        differences: [],
        notices: [],
        ignored: [],
        stats: statsOf(actual),
    };
}
const statsOf = (s) => ({
    queries: s.stats.queries,
    largest_response_bytes: s.stats.largest_response_bytes,
    total_response_bytes: s.stats.total_response_bytes,
});
/**
 * The stored baseline, kept until it is replaced on purpose: when none exists yet, when the production version moved
 * since it was recorded, or on `baseline: re-record`. A run that finds drift never records, so the drift stays drift
 * on every later run. A baseline the previous report used that is now missing is an error, not a fresh start.
 */
async function baselineSnapshot(config, productionVersion, deps) {
    const { stored, previouslyInUse } = await deps.loadBaseline();
    const comparedWith = stored && {
        key: stored.key,
        fingerprint: stored.fingerprint,
        production_version: stored.productionVersion,
        recorded_at: stored.recordedAt,
    };
    const record = (reason) => ({
        compared_with: comparedWith,
        recorded: { reason, production_version: productionVersion },
    });
    if (config.rerecordBaseline) {
        return {
            skip: stored
                ? `baseline re-recorded on request (baseline: re-record), replacing ${stored.fingerprint.slice(0, 12)} recorded at ${stored.recordedAt}`
                : 'baseline recorded on request (baseline: re-record); none was recorded before',
            baseline: record('re-record'),
        };
    }
    if (!stored) {
        if (previouslyInUse) {
            throw new Error(`the baseline the previous report used (${previouslyInUse}) is no longer recorded; ` +
                'record a new one on purpose with baseline: re-record (CLI: --baseline re-record)');
        }
        return { skip: 'no baseline yet: this run records the first one', baseline: record('first') };
    }
    if (stored.productionVersion !== productionVersion) {
        return {
            skip: `the version moved from ${stored.productionVersion ?? '(none)'} to ${productionVersion ?? '(none)'} since the baseline; this run records a new one`,
            baseline: record('version-moved'),
        };
    }
    const snapshot = (0,catalog_snapshot/* parseSnapshot */.E$)(stored.text, stored.location);
    if (snapshot.fingerprint !== stored.fingerprint) {
        throw new Error(`the baseline snapshot ${stored.location} has fingerprint ${snapshot.fingerprint}, its pointer recorded ${stored.fingerprint}`);
    }
    return { snapshot, location: stored.key, baseline: { compared_with: comparedWith, recorded: null } };
}
async function expectedSnapshot(config, root, productionVersions, productionVersion, deps) {
    switch (config.expected) {
        case 'snapshot': {
            const path = (0,external_node_path_.resolve)(root, config.snapshotFile);
            if (deps.readSnapshotFile) {
                return { snapshot: await deps.readSnapshotFile(path, config.snapshotFile), location: config.snapshotFile };
            }
            let text;
            try {
                text = await (0,promises_.readFile)(path, 'utf8');
            }
            catch (error) {
                throw new Error(`Could not read snapshot-file "${config.snapshotFile}": ${error.message}`);
            }
            return { snapshot: (0,catalog_snapshot/* parseSnapshot */.E$)(text, config.snapshotFile), location: config.snapshotFile };
        }
        case 'baseline':
            return baselineSnapshot(config, productionVersion, deps);
        case 'reference': {
            const url = config.referenceDatabaseUrl;
            if (config.referenceSetupCommand) {
                if (productionVersions.length === 0)
                    return { skip: 'production has no applied revision to build the reference at' };
                const unsafe = productionVersions.find((v) => !SAFE_REVISION.test(v));
                if (unsafe)
                    throw new Error(`Refusing to put revision ${JSON.stringify(unsafe)} into reference-setup-command`);
                const command = config.referenceSetupCommand.replaceAll('{revision}', productionVersions.join(' '));
                try {
                    await deps.runSetupCommand(command);
                }
                catch (error) {
                    throw new Error(`reference-setup-command failed: ${error.message}`);
                }
            }
            const reference = await deps.openReference(url);
            try {
                return { snapshot: await (0,catalog_snapshot/* takeSnapshot */.W9)(reference), location: deps.describeReference(url) };
            }
            finally {
                await reference.close().catch(() => { });
            }
        }
    }
}
/** Takes the live snapshot and compares it with the expected one; throws with a message naming what failed. */
async function checkStructure(input) {
    const { config } = input;
    const rules = await readIgnoreRules(input.root, input.ignoreRulesFile);
    const snapshotOf = input.deps.takeSnapshot ?? catalog_snapshot/* takeSnapshot */.W9;
    let actual = await snapshotOf(input.executor, input.schema === undefined ? {} : { includeSchemas: [input.schema] });
    const productionVersion = input.productionVersions.length ? [...input.productionVersions].sort().join(',') : null;
    const expected = await expectedSnapshot(config, input.root, input.productionVersions, productionVersion, input.deps);
    if (input.schema !== undefined && 'snapshot' in expected) {
        const names = userSchemas(expected.snapshot);
        if (names.length !== 1) {
            throw new Error(`a tenant schema is compared with an expected snapshot of exactly one schema; ${expected.location} holds ${names.length}: ${names.join(', ') || '(none)'}`);
        }
        actual = renameSchema(actual, input.schema, names[0]);
    }
    if ('skip' in expected) {
        const section = skipped(config.expected, expected.skip, actual);
        return { section: withBaseline(section, expected.baseline), actual, findings: [] };
    }
    const diff = (0,structure/* diffSnapshots */.V1)(expected.snapshot, actual, { rules, today: input.now });
    const n = diff.differences.length;
    const counted = ['security', 'breaking', 'cosmetic']
        .filter((s) => diff.counts[s] > 0)
        .map((s) => `${diff.counts[s]} ${s}`)
        .join(', ');
    const section = {
        state: diff.equal ? 'clean' : 'drifted',
        expected_source: config.expected,
        summary: diff.equal
            ? `no structural differences${diff.ignored.length ? ` (${diff.ignored.length} ignored by rules)` : ''}`
            : `${n} structural difference${n === 1 ? '' : 's'} (${counted})`,
        expected_location: expected.location,
        expected_fingerprint: diff.expected_fingerprint,
        actual_fingerprint: diff.actual_fingerprint,
        counts: diff.counts,
        differences: diff.differences,
        notices: diff.notices,
        ignored: diff.ignored.map((i) => ({
            object: i.difference.object,
            kind: i.difference.kind,
            attribute: i.difference.attribute,
            reason: i.rule.reason,
            expires: i.rule.expires ?? null,
        })),
        stats: statsOf(actual),
    };
    return { section: withBaseline(section, expected.baseline), actual, findings: diff.warnings };
}
const withBaseline = (section, baseline) => baseline ? { ...section, baseline } : section;

;// CONCATENATED MODULE: ./lib/monitor/check.js
// The version check pipeline shared by the action and the CLI: migrations + database facts → verdict → report.
// Adapters come in as parameters, so this file touches neither @actions/* nor the AWS SDK. Every stage's failure
// becomes an `error` report here — never a thrown exception, never `synced`.









class StageError extends Error {
    stage;
    constructor(stage, message) {
        super(message);
        this.stage = stage;
    }
}
async function stage(name, what, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (error instanceof StageError)
            throw error;
        const message = error instanceof Error ? error.message : String(error);
        // An adapter may name a more precise stage (e.g. credentials while opening the Lambda route).
        const tagged = error.stage;
        throw new StageError(typeof tagged === 'string' ? tagged : name, message.startsWith('Could not') ? message : `${what}: ${message}`);
    }
}
/** Runs the version check; resolves to a report in every case. */
async function runCheck(deps) {
    const { config, root } = deps;
    const log = deps.log ?? (() => { });
    let graph = null;
    let migrationsSource = config.migrations ?? '(auto)';
    let databaseSource = config.database ? deps.describeTarget(config.database) : '(none)';
    let applied = null;
    let version = null;
    let structure = null;
    let snapshot = null;
    let executor = null;
    let error = null;
    const findings = [];
    try {
        const loaded = await stage('migrations', 'Could not read migrations', () => (deps.loadGraph ?? load.loadMigrationGraph)(root, config.migrations, {
            section: config.iniSection,
            versionLocations: config.versionLocations,
        }));
        graph = loaded.graph;
        const shown = (p) => (0,external_node_path_.relative)(root, p).split('\\').join('/') || '.';
        migrationsSource = loaded.location.iniPath
            ? shown(loaded.location.iniPath)
            : loaded.location.versionLocations.map(shown).join(', ');
        log(`Read ${graph.revisions.size} revisions; heads: ${graph.heads.join(', ') || '(none)'}`);
        const graphFindings = graph.findings;
        let gate;
        try {
            const rules = await stage('config', 'Could not read ignore rules', () => readFindingRules(root, config.ignoreRulesFile));
            gate = decidingFindings(graphFindings, rules, deps.now());
            // A file a rule lets past counts as absent: its revision (perhaps with fields we could not read) is not decided on.
            const waivedFiles = new Set(gate.ignored.flatMap((i) => (i.finding.file ? [i.finding.file] : [])));
            const decidedGraph = (0,migrations_graph/* withoutFiles */.Oj)(graph, waivedFiles);
            if (decidedGraph !== graph) {
                graph = decidedGraph;
                gate = decidingFindings(graph.findings, rules, deps.now());
            }
        }
        catch (caught) {
            findings.push(...graphFindings);
            throw caught;
        }
        findings.push(...gate.shown, ...gate.warnings);
        const target = config.database;
        if (!target)
            throw new StageError('config', 'No database to check: set database-url or lambda-function');
        executor = await stage('database', `Could not open ${databaseSource}`, () => deps.openExecutor(target));
        databaseSource = executor.describe();
        const opened = executor;
        applied = await stage('database', `Could not read the version table from ${databaseSource}`, () => deps.readVersions
            ? deps.readVersions()
            : (0,version_table/* readVersionTable */.Hx)(opened, { table: config.versionTable, schema: config.versionTableSchema }));
        log(`Database ${databaseSource}: ${applied.exists ? applied.versions.join(', ') || '(empty)' : '(no version table)'}`);
        const currentGraph = graph;
        const appliedVersions = applied;
        version = await stage('version', 'Could not decide the version state', async () => {
            const now = deps.now();
            const grace = config.pendingGraceMinutes > 0 ? await graceFacts(deps, root, loaded.location.versionLocations) : null;
            if (grace?.unavailable) {
                findings.push({
                    severity: 'warning',
                    kind: 'pending-grace-unavailable',
                    message: `pending-grace is ignored: ${grace.unavailable}`,
                });
            }
            const decided = decideVersion(currentGraph, appliedVersions, {
                pendingGraceMinutes: config.pendingGraceMinutes,
                now,
                addedAt: grace?.addedAt ?? new Map(),
                firstSeenPending: grace?.firstSeen ?? new Map(),
                graceEnforceable: grace !== null && grace.unavailable === null,
                decidingFindings: gate.deciding,
                ignoredFindings: gate.ignored,
            });
            if (grace)
                findings.push(...futureCommitFindings(decided, now, grace.commits));
            return decided;
        });
        if (version.state === 'error')
            error = versionError(version.summary, gate);
        if (config.structure && error === null) {
            const structureConfig = config.structure;
            if (!deps.structure)
                throw new StageError('structure', 'The structure check is not available here');
            const structureDeps = deps.structure;
            const versions = appliedVersions.versions;
            try {
                const outcome = await stage('structure', 'Could not check the structure', () => checkStructure({
                    config: structureConfig,
                    ignoreRulesFile: config.ignoreRulesFile,
                    root,
                    executor: opened,
                    schema: deps.tenantSchema,
                    productionVersions: versions,
                    now: deps.now(),
                    deps: structureDeps,
                }));
                structure = outcome.section;
                snapshot = outcome.actual;
                findings.push(...outcome.findings);
                log(`Structure (${structureConfig.expected}): ${structure.summary}`);
            }
            catch (caught) {
                structure = failedStructure(structureConfig.expected, caught instanceof Error ? caught.message : String(caught));
                throw caught;
            }
        }
    }
    catch (caught) {
        error =
            caught instanceof StageError
                ? { stage: caught.stage, message: caught.message }
                : { stage: 'internal', message: caught instanceof Error ? caught.message : String(caught) };
    }
    finally {
        await executor?.close().catch(() => { });
    }
    const report = (0,build/* buildReport */.F)({
        environment: config.environment,
        now: deps.now(),
        run: deps.run,
        source: { database: databaseSource, migrations: migrationsSource, revisions: graph?.revisions.size ?? 0 },
        codebaseHeads: graph?.heads ?? [],
        databaseVersions: applied ? applied.versions : null,
        version,
        structure,
        findings,
        error,
    });
    return { report, graph, snapshot };
}
// A deciding graph finding is a migrations failure, whatever the database said.
function versionError(summary, gate) {
    return { stage: gate.deciding.length > 0 ? 'migrations' : 'version', message: summary };
}
/** What pending-grace rests on: git's added times, and when earlier runs first saw each revision pending. */
async function graceFacts(deps, root, folders) {
    const added = await deps.readAddedTimes(root, folders);
    const facts = {
        addedAt: added.times,
        commits: added.commits,
        firstSeen: new Map(),
        unavailable: added.unavailable,
    };
    if (facts.unavailable)
        return facts;
    if (!deps.readPreviousReport) {
        facts.unavailable =
            'no report store keeps the previous report (set report-dir or s3-bucket), so the time a migration was first seen pending cannot be enforced';
        return facts;
    }
    try {
        const record = firstSeenFrom(await deps.readPreviousReport());
        facts.firstSeen = record.firstSeen;
        facts.unavailable = record.unavailable;
    }
    catch (error) {
        facts.unavailable = `the previous report could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    return facts;
}
function failedStructure(source, message) {
    return {
        state: 'error',
        expected_source: source,
        summary: `the structure could not be checked: ${message}`,
        expected_location: null,
        expected_fingerprint: null,
        actual_fingerprint: null,
        counts: { security: 0, breaking: 0, cosmetic: 0 },
        differences: [],
        notices: [],
        ignored: [],
        stats: null,
    };
}


/***/ }),

/***/ 342:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ structureDeps)
/* harmony export */ });
/* unused harmony export runShellCommand */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var _database_postgres_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7306);
/* harmony import */ var _database_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2176);
/* harmony import */ var _publish_report_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1341);
// The adapters the structure check needs, shared by the action and the CLI: the reference database, the setup
// command that builds it, and the baseline kept by the evidence store.




const SETUP_TIMEOUT_MS = 15 * 60_000;
/**
 * Runs a shell command from `cwd`, streaming its output to `log`; rejects with its exit code and last output. The
 * output is redacted here (URL passwords, PGPASSWORD=…): setup scripts echo connection strings, and the tail ends
 * up in the report's error.
 */
function runShellCommand(command, cwd, log) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        // Whole lines only, per stream: a password cut between two chunks would escape the patterns.
        const tail = [];
        const emit = (line) => {
            if (!line.trim())
                return;
            const clean = (0,_database_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactText */ .Rd)(line);
            log(clean);
            tail.push(clean.length > 400 ? `${clean.slice(0, 400)}…` : clean);
            if (tail.length > 5)
                tail.shift();
        };
        const collector = () => {
            let partial = '';
            return {
                data: (chunk) => {
                    const lines = (partial + chunk.toString('utf8')).split('\n');
                    partial = lines.pop() ?? '';
                    for (const line of lines)
                        emit(line);
                },
                flush: () => {
                    emit(partial);
                    partial = '';
                },
            };
        };
        const out = collector();
        const err = collector();
        child.stdout.on('data', out.data);
        child.stderr.on('data', err.data);
        const timer = setTimeout(() => child.kill('SIGKILL'), SETUP_TIMEOUT_MS);
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            out.flush();
            err.flush();
            if (code === 0)
                resolve();
            else
                reject(new Error(`exit ${code ?? signal}: ${tail.join(' | ')}`));
        });
    });
}
function structureDeps(options) {
    return {
        openReference: (url) => (0,_database_postgres_js__WEBPACK_IMPORTED_MODULE_1__/* .openPostgresExecutor */ .$)(url),
        describeReference: _database_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactDatabaseUrl */ .Aq,
        runSetupCommand: (command) => runShellCommand(command, options.root, options.log),
        loadBaseline: async () => {
            const store = options.store;
            if (!store)
                throw new Error('structure-expected "baseline" needs a report store: set s3-bucket or report-dir');
            const stored = await store.baseline(options.environment);
            const previous = await store.latest(options.environment);
            const used = previous?.report.structure?.baseline;
            // The key the previous run compared with, or the snapshot it recorded beside its own report.
            const previouslyInUse = used?.recorded ? (0,_publish_report_store_js__WEBPACK_IMPORTED_MODULE_3__/* .snapshotKey */ .o1)(previous?.key ?? '') : (used?.compared_with?.key ?? null);
            return { stored, previouslyInUse };
        },
    };
}


/***/ }),

/***/ 1710:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ deliverReport)
/* harmony export */ });
/* unused harmony export withChainFindings */
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6462);
/* harmony import */ var _report_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4458);
/* harmony import */ var _report_html_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7325);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3021);
/* harmony import */ var _report_presentation_report_document_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6539);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4639);
/* harmony import */ var _shared_error_message_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9481);
/* harmony import */ var _notify_policy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4709);
// Stores the report and sends the alert with the failure semantics of issue 3: a failed store never stops the
// alert, a failed alert never un-stores the report, and every failure is returned so the step fails with it.








/** The report with one security finding per reason its evidence chain cannot be trusted (fingerprint updated). */
function withChainFindings(report, broken, store) {
    if (broken.length === 0)
        return report;
    const findings = broken.map((why) => ({
        severity: 'error',
        kind: 'evidence-chain-broken',
        message: `Evidence chain broken in ${store}: ${why}. Find out who changed or removed the evidence; storing this run's report does not depend on it.`,
    }));
    const { fingerprint: _old, ...rest } = { ...report, findings: [...report.findings, ...findings] };
    return { ...rest, fingerprint: (0,_report_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprintOf */ .a)(rest) };
}
/** Stores the report everywhere it should go, then alerts; never throws. */
async function deliverReport(report, plan, extras = {}) {
    const errors = [];
    let head = null;
    const evidence = plan.stores[0];
    if (evidence) {
        try {
            head = await evidence.head(report.environment);
        }
        catch (error) {
            errors.push((0,_shared_error_message_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error));
        }
    }
    // A broken chain is a security finding on this run's report; storing the report never depends on the old one.
    const broken = head?.broken ?? [];
    const final = evidence ? withChainFindings(report, broken, evidence.describe()) : report;
    if (broken.length > 0)
        errors.push(`Evidence chain broken in ${evidence?.describe()}: ${broken.join('; ')}`);
    const previous = head?.previous ?? null;
    // Each store records its own previous_report when it saves: the chain is per store. The evidence store gets the
    // head it already read, so the alert decision and the stored chain name the same report, read once.
    const document = (0,_report_presentation_report_document_js__WEBPACK_IMPORTED_MODULE_4__/* .reportDocument */ .c)(final);
    // The snapshot becomes the baseline only when the report says this run recorded one (structure-check.ts decides).
    const recorded = report.structure?.baseline?.recorded;
    const attachments = {
        markdown: (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .renderMarkdown */ .Gc)(document),
        html: (0,_report_html_js__WEBPACK_IMPORTED_MODULE_2__/* .renderHtml */ .K)(document),
        snapshot: extras.snapshot ? (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotJson */ .by)(extras.snapshot) : undefined,
        baseline: recorded && extras.snapshot
            ? { fingerprint: extras.snapshot.fingerprint, productionVersion: recorded.production_version }
            : undefined,
    };
    const stored = [];
    for (const store of plan.stores) {
        try {
            const result = store === evidence && head !== null
                ? await store.save(final, attachments, head)
                : await store.save(final, attachments);
            stored.push({ store, result });
        }
        catch (error) {
            // A store that fails to read its latest again says so in the same words: one line per distinct failure.
            const message = (0,_shared_error_message_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error);
            if (!errors.includes(message))
                errors.push(message);
        }
    }
    let notification = null;
    if (plan.alerts) {
        const { notifier, notifyOn, notifyOnSuccess } = plan.alerts;
        let decision = (0,_notify_policy_js__WEBPACK_IMPORTED_MODULE_7__/* .decideNotification */ .MC)(final, previous?.report ?? null, notifyOn, notifyOnSuccess);
        // Tampered evidence is alerted whatever the policy: it is the one thing an auditor must hear about at once.
        if (broken.length > 0 && !decision.send) {
            decision = {
                send: true,
                kind: final.status === 'synced' ? 'synced' : final.status,
                reason: 'evidence chain broken',
            };
        }
        notification = decision;
        if (decision.send) {
            const location = stored[0]?.result.location;
            try {
                const sent = await notifier.publish({
                    subject: (0,_notify_policy_js__WEBPACK_IMPORTED_MODULE_7__/* .notificationSubject */ .eV)(final, decision.kind),
                    body: (0,_report_text_js__WEBPACK_IMPORTED_MODULE_5__/* .renderText */ .S5)((0,_report_presentation_report_document_js__WEBPACK_IMPORTED_MODULE_4__/* .reportDocument */ .c)(final, { reportLocation: location })),
                    report: final,
                });
                notification = { ...decision, messageId: sent.messageId };
            }
            catch (error) {
                errors.push((0,_shared_error_message_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error));
            }
        }
    }
    return { report: final, stored, notification, errors };
}


/***/ }),

/***/ 4084:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ LocalReportStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _report_signature_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6594);
/* harmony import */ var _report_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1341);
// Report store on the local filesystem, laid out exactly as the S3 store lays out its keys.





/** Keeps reports under a directory: {dir}/{environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json and latest.json. */
class LocalReportStore {
    #dir;
    #signer;
    /** A fleet target: its chain lives in {dir}/{environment}/{target}/ (see chainPath). */
    #target;
    constructor(dir, options = {}) {
        this.#dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);
        this.#signer = options.signer;
        this.#target = options.target === undefined ? undefined : (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .validateTargetSegment */ .Xo)(options.target);
    }
    describe() {
        return `local directory ${this.#dir}`;
    }
    /** The same folder and signer, keeping a fleet target's chain in {environment}/{target}/. */
    forTarget(target) {
        return new LocalReportStore(this.#dir, { signer: this.#signer, target });
    }
    async latest(environment) {
        return (await this.head(environment)).previous;
    }
    /** Reads latest.json and the dated report it names, and verifies them; never throws for a broken chain. */
    async head(environment) {
        const chain = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .chainPath */ .TV)(environment, this.#target);
        const path = this.#path((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .latestKey */ .p8)(environment, this.#target));
        let bytes;
        try {
            bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path);
        }
        catch (error) {
            if (isCode(error, 'ENOENT')) {
                const orphaned = await this.#anyDatedReport(chain);
                return {
                    previous: null,
                    link: null,
                    pointer: { state: 'absent' },
                    broken: orphaned ? [`"${path}" is missing although dated reports exist under "${this.#path(chain)}"`] : [],
                };
            }
            return {
                previous: null,
                link: null,
                pointer: { state: 'unknown' },
                broken: [`Could not read "${path}": ${messageOf(error)}`],
            };
        }
        const head = {
            previous: null,
            link: null,
            pointer: { state: 'present', version: (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Hex */ .fg)(bytes) },
            broken: [],
        };
        const parsed = await (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePointer */ .vp)(bytes, `"${path}"`, `${chain}/`, () => this.#legacyKey(bytes));
        if ('problem' in parsed)
            return { ...head, broken: [parsed.problem] };
        head.link = parsed.link;
        const location = this.#path(parsed.link.key);
        let dated;
        try {
            dated = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(location);
        }
        catch (error) {
            const why = isCode(error, 'ENOENT') ? 'does not exist' : `could not be read: ${messageOf(error)}`;
            return { ...head, broken: [`the previous report "${location}", named by "${path}", ${why}`] };
        }
        const verified = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyPredecessor */ .x8)(dated, parsed.link, `"${location}"`);
        if ('problem' in verified)
            return { ...head, broken: [verified.problem] };
        return { ...head, previous: { ...verified.previous, location } };
    }
    async save(report, attachments, head) {
        const environment = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .validateEnvironment */ .qQ)(report.environment);
        try {
            let current = head ?? (await this.head(environment));
            const superseded = [];
            for (let attempt = 1; attempt <= _report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .CHAIN_ATTEMPTS */ .Tj; attempt++) {
                const chained = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .chainToHead */ .t)(attempt === 1 ? report : { ...report, previous_report: undefined }, current);
                const final = superseded.length > 0 ? { ...chained, supersedes: [...superseded] } : chained;
                const json = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .serializeReport */ .xH)(final);
                const sha256 = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Hex */ .fg)(json);
                const key = await this.#writeUnique((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .reportKey */ .y1)(report, this.#target), json);
                if (this.#signer) {
                    const signature = await this.#signer.sign(key, sha256, report.environment);
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(this.#path((0,_report_signature_js__WEBPACK_IMPORTED_MODULE_3__/* .signatureKey */ .cx)(key)), (0,_report_signature_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeSignature */ .hU)(signature), {
                        encoding: 'utf8',
                        flag: 'wx',
                    });
                }
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(this.#path((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .markdownKey */ .NF)(key)), attachments.markdown, 'utf8');
                if (attachments.html !== undefined)
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(this.#path((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .htmlKey */ .vK)(key)), attachments.html, 'utf8');
                if (attachments.snapshot !== undefined) {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(this.#path((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .snapshotKey */ .o1)(key)), attachments.snapshot, 'utf8');
                }
                if (await this.#movePointer(environment, current, (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .serializePointer */ .c0)(final, key, sha256))) {
                    // The baseline pointer names the report that won the chain, once it is the latest.
                    if (attachments.baseline && attachments.snapshot !== undefined) {
                        const snapshot = { key: (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .snapshotKey */ .o1)(key), bytes: attachments.snapshot };
                        await this.#writeAtomically((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .baselineKey */ .x2)(environment, this.#target), (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .baselinePointer */ .R9)(final, snapshot, attachments.baseline, key));
                    }
                    return { key, location: this.#path(key), sha256 };
                }
                superseded.push(key);
                current = await this.head(environment);
            }
            throw new Error(`other runs moved latest.json first ${_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .CHAIN_ATTEMPTS */ .Tj} times (reports stored: ${superseded.join(', ')})`);
        }
        catch (error) {
            throw new Error(`Could not store the report in ${this.describe()}: ${messageOf(error)}`);
        }
    }
    async storeEvidence(environment, name, body) {
        const key = `${(0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .chainPath */ .TV)(environment, this.#target)}/${(0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .validateEvidenceName */ .z5)(name)}`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(this.#path(key)), { recursive: true });
        for (let n = 1; n <= 100; n++) {
            const candidate = n === 1 ? key : key.replace(/(\.[a-z]+)$/, `-${n}$1`);
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(this.#path(candidate), body, { encoding: 'utf8', flag: 'wx' });
                return this.#path(candidate);
            }
            catch (error) {
                if (!isCode(error, 'EEXIST'))
                    throw new Error(`Could not store ${this.#path(candidate)}: ${messageOf(error)}`);
            }
        }
        throw new Error(`Could not store ${this.#path(key)}: it and 99 numbered variants already exist`);
    }
    async baseline(environment) {
        return (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .readBaseline */ .mF)(environment, '', async (key) => {
            const path = this.#path(key);
            try {
                return { text: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8'), location: path };
            }
            catch (error) {
                if (isCode(error, 'ENOENT'))
                    return null;
                throw new Error(`Could not read the baseline "${path}": ${messageOf(error)}`);
            }
        }, this.#target);
    }
    /** Reads a piece of evidence stored by storeEvidence (or a pointer replaced by replaceEvidence); null if absent. */
    async readEvidence(environment, name) {
        const path = this.#path(`${(0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .chainPath */ .TV)(environment, this.#target)}/${(0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .validateEvidenceName */ .z5)(name)}`);
        try {
            return { text: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8'), location: path };
        }
        catch (error) {
            if (isCode(error, 'ENOENT'))
                return null;
            throw new Error(`Could not read "${path}": ${messageOf(error)}`);
        }
    }
    /** Overwrites a small pointer in one rename (never evidence itself: it moves every run). */
    async replaceEvidence(environment, name, body) {
        const key = `${(0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .chainPath */ .TV)(environment, this.#target)}/${(0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .validateEvidenceName */ .z5)(name)}`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(this.#path(key)), { recursive: true });
        await this.#writeAtomically(key, body);
        return this.#path(key);
    }
    #path(key) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#dir, ...key.split('/'));
    }
    // Two runs in the same second with the same run id must not overwrite each other's evidence.
    async #writeUnique(key, json) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(this.#path(key)), { recursive: true });
        for (let n = 1; n <= 100; n++) {
            const candidate = n === 1 ? key : key.replace(/\.json$/, `-${n}.json`);
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(this.#path(candidate), json, { encoding: 'utf8', flag: 'wx' });
                return candidate;
            }
            catch (error) {
                if (!isCode(error, 'EEXIST'))
                    throw error;
                if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(this.#path(candidate), 'utf8')) === json)
                    return candidate;
            }
        }
        throw new Error(`"${this.#path(key)}" and 99 numbered variants already exist`);
    }
    // latest.json is replaced in one rename, so a reader never sees half a report.
    async #writeAtomically(key, json) {
        const path = this.#path(key);
        const temporary = `${path}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temporary, json, 'utf8');
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, path);
        }
        catch (error) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true });
            throw error;
        }
    }
    /**
     * Replaces latest.json only if it still holds what `head` read: a lock file (exclusive create) makes the compare
     * and the rename one step against other runs on this machine. False when another run moved it first.
     */
    async #movePointer(environment, head, pointer) {
        const path = this.#path((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .latestKey */ .p8)(environment, this.#target));
        const lock = `${path}.lock`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
        for (let waited = 0;; waited += 50) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(lock, String(process.pid), { flag: 'wx' });
                break;
            }
            catch (error) {
                if (!isCode(error, 'EEXIST'))
                    throw error;
                // A lock older than a minute was left by a run that died; nothing holds it for that long.
                const age = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
                if (age > 60_000 || waited > 10_000)
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(lock, { force: true });
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
        }
        try {
            const now = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path).then((bytes) => (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Hex */ .fg)(bytes), (error) => {
                if (isCode(error, 'ENOENT'))
                    return null;
                throw error;
            });
            const expected = head.pointer.state === 'present' ? head.pointer.version : null;
            if (head.pointer.state !== 'unknown' && now !== expected)
                return false;
            await this.#writeAtomically((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .latestKey */ .p8)(environment, this.#target), pointer);
            return true;
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(lock, { force: true });
        }
    }
    async #anyDatedReport(chain) {
        const years = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(this.#path(chain)).catch(() => []);
        return years.some((name) => /^\d{4}$/.test(name));
    }
    // Before pointers, latest.json was a byte copy of the newest report: find the dated object with the same bytes.
    async #legacyKey(bytes) {
        try {
            const report = JSON.parse(bytes.toString('utf8'));
            return (await this.#keyHolding(report, (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Hex */ .fg)(bytes))) ?? undefined;
        }
        catch {
            return undefined;
        }
    }
    // latest.json is a copy: find the report object with the same bytes (its own key, or a numbered variant).
    async #keyHolding(report, sha256) {
        let expected;
        try {
            expected = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .reportKey */ .y1)(report, this.#target);
        }
        catch {
            return null;
        }
        const folder = expected.slice(0, expected.lastIndexOf('/'));
        const base = expected.slice(folder.length + 1, -'.json'.length);
        let names;
        try {
            names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(this.#path(folder));
        }
        catch {
            return null;
        }
        const candidates = names
            .filter((name) => name.startsWith(base) && name.endsWith('.json'))
            .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
        for (const name of candidates) {
            const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.#path(folder), name));
            if ((0,_report_store_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Hex */ .fg)(bytes) === sha256)
                return `${folder}/${name}`;
        }
        return null;
    }
}
function isCode(error, code) {
    return typeof error === 'object' && error !== null && error.code === code;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 8134:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ buildReport)
/* harmony export */ });
/* unused harmony export utcSeconds */
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4458);

/**
 * Builds the report; status is 'error' whenever the state could not be determined (a failed stage, a version or
 * structure check in error), so it is never read as synced; else 'drift' when the version or the structure drifted.
 */
function buildReport(input) {
    const structure = input.structure ?? null;
    const error = input.error ?? missingVerdictError(input.version) ?? silentStructureError(structure);
    const status = statusOf(error, input.version, structure);
    const withoutFingerprint = {
        schema_version: 1,
        status,
        drift_detected: status === 'drift',
        timestamp: utcSeconds(input.now),
        codebase_head: joinIds(input.codebaseHeads),
        production_version: input.databaseVersions === null ? null : joinIds(input.databaseVersions),
        environment: input.environment,
        source: { ...input.source },
        version: input.version,
        structure,
        findings: [...input.findings],
        error,
        run: { ...input.run },
    };
    return { ...withoutFingerprint, fingerprint: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprintOf */ .a)(withoutFingerprint) };
}
function statusOf(error, version, structure) {
    if (error !== null || version === null || version.state === 'error' || structure?.state === 'error')
        return 'error';
    // A skipped structure check (e.g. the run that records the first baseline) compared nothing: not drift.
    return version.drift || structure?.state === 'drifted' ? 'drift' : 'synced';
}
// A report with neither a verdict nor an error would otherwise have no honest status: say why it is 'error'.
function missingVerdictError(version) {
    return version === null ? { stage: 'version', message: 'No version verdict was produced' } : null;
}
// Same reason: a structure check in error makes the report an error, which must say why even if no stage did.
function silentStructureError(structure) {
    return structure?.state === 'error'
        ? { stage: 'structure', message: 'The structure check failed without an error message' }
        : null;
}
function joinIds(ids) {
    return ids.length === 0 ? null : ids.join(',');
}
/** ISO 8601 in UTC with second precision, as the old nightly report wrote it: 2025-12-31T19:05:18Z. */
function utcSeconds(date) {
    if (Number.isNaN(date.getTime()))
        throw new Error('Could not build report: the clock gave an invalid date');
    return `${date.toISOString().slice(0, 19)}Z`;
}


/***/ }),

/***/ 4458:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ fingerprintOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// The fingerprint lets a notifier tell "same drift as last night" from "something changed" without comparing
// whole reports: it covers the drift state only, never when or by which run it was observed.

/** sha256 hex of the drift state only — never timestamp, run, previous_report, or the structure check's costs. */
function fingerprintOf(report) {
    const version = report.version;
    const state = {
        status: report.status,
        environment: report.environment,
        version_state: version?.state ?? null,
        codebase_heads: sorted(version?.codebase_heads ?? splitIds(report.codebase_head)),
        database_versions: sorted(version?.database_versions ?? splitIds(report.production_version)),
        // Apply order is part of the drift (it is what a deploy would run), so pending keeps its order.
        pending: version?.pending.map((p) => p.revision) ?? [],
        unknown: sorted(version?.unknown ?? []),
        error: report.error === null ? null : { stage: report.error.stage, message: report.error.message },
        findings: report.findings
            .filter((f) => f.severity === 'error')
            .map((f) => `${f.kind}\u0000${f.file ?? ''}`)
            .sort(),
    };
    // Only when present, so reports without a structure check keep the fingerprints they always had (and a
    // notify-on: change setup does not alert once for nothing after an upgrade).
    if (report.structure)
        state.structure = structureState(report.structure);
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(state)).digest('hex');
}
// What was found, not how it was measured: no stats, no snapshot fingerprints (a baseline moves with every accepted
// change), no ignored entries or notices (not drift). Sorted, so the order differences were listed in does not count.
function structureState(structure) {
    return {
        state: structure.state,
        differences: structure.differences
            .map((d) => JSON.stringify([d.severity, d.change, d.kind, d.object, d.attribute, d.expected, d.actual]))
            .sort(),
    };
}
function splitIds(joined) {
    return joined === null || joined === '' ? [] : joined.split(',');
}
function sorted(ids) {
    return [...ids].sort();
}


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* unused harmony exports fencedSql, escapeMarkdown, code */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5032);
/* harmony import */ var _presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5767);
// Job-summary Markdown, rendered from the presentation document. Everything that comes from the repository or the
// database is escaped so it can neither break a table nor inject HTML; lists are cut to fit GitHub's size limits.


/** The most rows of one list shown even when more would fit: a summary, not the evidence (that is the JSON). */
const LIST_CAP = 500;
const VALUE_MAX_CHARS = 300;
const ICONS = { synced: '✅', drift: '❌', error: '🛑' };
/** Job-summary Markdown; at most `maxLength` UTF-8 bytes (so also characters), cutting lists with "… and N more". */
function renderMarkdown(document, options = {}) {
    const maxLength = options.maxLength ?? _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_MARKDOWN_MAX_BYTES */ .Z$;
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .fitToBudget */ .c5)((limit) => markdownWithLimit(document, Math.min(limit, LIST_CAP)), LIST_CAP, maxLength);
}
function markdownWithLimit(document, limit) {
    const parts = [
        [`## ${ICONS[document.state] ?? ''} ${escapeMarkdown(document.title)}`],
        ['| | |', '|---|---|', ...document.facts.map((f) => `| ${f.label} | ${inline(f.value)} |`)],
        ...document.sections.map((s) => sectionLines(s, 3, limit)),
        ['---'],
        [document.footer.map(footerFact).join(' · ')],
    ];
    return `${joinParagraphs(parts).join('\n')}\n`;
}
function joinParagraphs(parts) {
    return parts.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : ['', ...p]));
}
function sectionLines(s, level, limit) {
    return joinParagraphs([
        [`${'#'.repeat(Math.min(level, 6))} ${escapeMarkdown(s.title)}`],
        ...s.blocks.map((b) => blockLines(b, level, limit)),
    ]);
}
function blockLines(block, level, limit) {
    switch (block.type) {
        case 'paragraph':
            return [inline(block.text)];
        case 'quote':
            return [`> ${inline(block.text)}`];
        case 'list':
            return withMore(block.items.slice(0, limit).map((item) => `- ${inline(item)}`), block.items.length - limit);
        case 'table':
            return withMore(tableLines(block, limit), block.rows.length - limit);
        case 'comparisons':
            return withMore(comparisonLines(block.items.slice(0, limit)), block.items.length - limit);
        case 'section':
            return sectionLines(block, level + 1, limit);
    }
}
function tableLines(block, limit) {
    const columns = [...(block.numbered ? [{ title: '#', align: 'right' }] : []), ...block.columns];
    const rows = block.rows
        .slice(0, limit)
        .map((row, i) => [...(block.numbered ? [String(i + 1)] : []), ...row.map(inline)]);
    return [
        // A '#' inside a cell starts nothing, and the number column is titled with it.
        `| ${columns.map((c) => (c.title === '#' ? '#' : escapeMarkdown(c.title))).join(' | ')} |`,
        `|${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`,
        ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ];
}
function comparisonLines(items) {
    const line = (c) => `- **${inline(c.title)}** — expected ${inline(c.expected)} → actual ${inline(c.actual)}`;
    // Items with SQL stand apart (blank lines around the fence); items without stay a tight list.
    if (items.every((c) => c.code === null))
        return items.map(line);
    return joinParagraphs(items.map((c) => [line(c), ...(c.code === null ? [] : ['', ...fencedSql(c.code, '  ')])]));
}
function withMore(lines, hidden) {
    return hidden > 0 ? [...lines, '', `… and ${hidden} more`] : lines;
}
function footerFact(fact) {
    return fact.label === '' ? inline(fact.value) : `${fact.label.toLowerCase()} ${inline(fact.value)}`;
}
function inline(text) {
    return text.map(inlinePart).join('');
}
function inlinePart(part) {
    if (typeof part === 'string')
        return escapeMarkdown(part);
    if ('code' in part)
        return code(part.short === undefined ? part.code : part.code.slice(0, part.short));
    if ('strong' in part)
        return `**${inline(part.strong)}**`;
    if ('absent' in part)
        return `*${escapeMarkdown(part.absent)}*`;
    const url = safeUrl(part.href);
    if (url !== null)
        return `[${escapeMarkdown(part.link)}](${url})`;
    return `${escapeMarkdown(part.link)}: ${code(part.href)}`;
}
/**
 * SQL in a fenced block, indented to sit inside a list item. The fence is longer than any run of backticks in the
 * SQL, so no name can close it early; line breaks (CR too) become real lines, so none can end the list item.
 */
function fencedSql(sql, indent = '') {
    const lines = (0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .fixSqlLines */ .Bt)(sql);
    const longestRun = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return [`${indent}${fence}sql`, ...lines.map((line) => (line === '' ? '' : `${indent}${line}`)), `${indent}${fence}`];
}
/**
 * Escapes text for inline Markdown (table cell or list item): one line, HTML special characters as entities, and
 * every character that could start Markdown syntax — including the table's pipe — backslash-escaped.
 */
function escapeMarkdown(value) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)((0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(value), VALUE_MAX_CHARS * 4)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~#!]/g, '\\$&');
}
// Inside a backtick span only backticks, the table's pipe (and a backslash before it) and HTML need care.
const PLAIN_CODE = /^[^`|\\<>&]+$/;
/**
 * An identifier, path or URL shown as code. Plain values use a backtick span; anything else becomes <code> with
 * every other character as a numeric entity, which neither backticks, pipes, backslashes nor HTML can escape from.
 */
function code(value) {
    const text = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)((0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(value), VALUE_MAX_CHARS);
    if (text.trim() === '')
        return '*empty*';
    if (PLAIN_CODE.test(text))
        return `\`${text}\``;
    const encoded = Array.from(text)
        .map((char) => (/^[A-Za-z0-9 ._/:,=-]$/.test(char) ? char : `&#${char.codePointAt(0)};`))
        .join('');
    return `<code>${encoded}</code>`;
}
/** An http(s) URL safe as a Markdown link destination, or null. */
function safeUrl(value) {
    if (!/^https?:\/\//i.test(value))
        return null;
    try {
        return new URL(value).href.replace(/[()[\]|<>`*_\\ ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 6539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ runFooter),
/* harmony export */   c: () => (/* binding */ reportDocument)
/* harmony export */ });
/* harmony import */ var _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4594);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5032);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7690);
/* harmony import */ var _wording_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5767);




const ERROR_MAX_CHARS = 4000;
/** Hashes are shown by their first characters where room is tight; plain text and the JSON carry them whole. */
const HASH_SHORT = 12;
const FINDING_TITLES = { error: 'Errors', warning: 'Warnings', notice: 'Notices' };
/** The report as a document: headline, facts, then error, advice and the details, then where it came from. */
function reportDocument(report, options = {}) {
    const v = report.version;
    const s = report.structure;
    const sections = [
        errorSection(report),
        (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('what-to-do', 'What to do', (0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .whatToDo */ .H6)(report).map((line) => ({ type: 'paragraph', text: (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .prose */ .CS)(line) })), { lead: true }),
        v === null ? null : pendingSection(v),
        v === null ? null : unknownSection(v),
        s === null ? null : structureSection(s),
        findingsSection(report.findings),
    ];
    return {
        title: (0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .headline */ .Pl)(report),
        state: report.status,
        facts: facts(report),
        sections: sections.filter((x) => x !== null),
        footer: runFooter(report.run, report.fingerprint, { label: 'Report', location: options.reportLocation }),
    };
}
function facts(report) {
    const v = report.version;
    const s = report.structure;
    const states = [v?.state, s === null ? undefined : `structure ${s.state}`].filter((x) => x !== undefined);
    const out = [
        { label: 'Status', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .strong */ .ko)(report.status), ...(states.length > 0 ? [` (${states.join(', ')})`] : [])] },
        { label: 'Environment', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(report.environment)] },
        { label: 'Codebase head', value: ids(report.codebase_head) },
        { label: 'Production version', value: ids(report.production_version) },
        { label: 'Database', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(report.source.database)] },
        {
            label: 'Migrations',
            value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(report.source.migrations), ` (${(0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(report.source.revisions, 'revision')})`],
        },
    ];
    if (v !== null) {
        out.push({ label: 'Version table', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(v.version_table)] });
        if (v.pending.length > 0)
            out.push({ label: 'Pending', value: [String(v.pending.length)] });
        if (v.unknown.length > 0)
            out.push({ label: 'Unknown', value: [String(v.unknown.length)] });
    }
    if (s !== null)
        out.push({ label: 'Structure', value: [s.summary] });
    out.push({ label: 'Checked at', value: [report.timestamp] });
    return out;
}
function errorSection(report) {
    if (report.error === null)
        return null;
    const { stage, message } = report.error;
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('error', 'Error', [
        { type: 'paragraph', text: ['The ', (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .strong */ .ko)(stage), ` stage failed: ${(0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMeaning */ .uI)(stage)}.`] },
        { type: 'quote', text: [(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(message, ERROR_MAX_CHARS)] },
    ], { lead: true, mark: 'error' });
}
function pendingSection(v) {
    if (v.pending.length === 0)
        return null;
    // When-added is read only with pending-grace on; without it every row would say "unknown", so the column goes.
    const addedKnown = v.pending.some((p) => p.added_at !== null || p.within_grace);
    const rows = v.pending.map((p) => [
        [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(p.revision)],
        [p.message],
        [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(`${p.file}:${p.line}`)],
        addedKnown ? [added(p)] : [],
    ]);
    const columns = [{ title: 'Revision' }, { title: 'Message' }, { title: 'File' }, { title: 'Added' }];
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('pending', `Pending migrations (${v.pending.length}, in apply order)`, [
        (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(columns, rows, { numbered: true }),
    ]);
}
function added(p) {
    const at = p.added_at ?? '';
    if (!p.within_grace)
        return at || 'unknown';
    return at === '' ? 'within grace' : `${at} (within grace)`;
}
function unknownSection(v) {
    if (v.unknown.length === 0)
        return null;
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('unknown', `Unknown revisions (${v.unknown.length}: in the database, not in the repository)`, [
        { type: 'list', items: v.unknown.map((id) => [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(id)]) },
    ]);
}
function structureSection(s) {
    const explanation = (0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .structureStateExplanation */ ._n)(s);
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('structure', `Structure: ${s.state}`, [
        { type: 'paragraph', text: structureSource(s) },
        explanation === null ? null : { type: 'paragraph', text: [explanation] },
        ...differenceGroups(s.differences),
        noticesSection(s),
        ignoredSection(s),
    ]);
}
/** "Expected from reference postgres://… · fingerprints: expected …, actual … · catalog read in …." */
function structureSource(s) {
    const about = [
        'Expected from ',
        (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .strong */ .ko)(s.expected_source),
        ...(s.expected_location === null ? [] : [' ', (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(s.expected_location)]),
    ];
    if (s.expected_fingerprint !== null || s.actual_fingerprint !== null) {
        about.push(' · fingerprints: expected ', hash(s.expected_fingerprint), ', actual ', hash(s.actual_fingerprint));
    }
    if (s.stats !== null)
        about.push(` · catalog read in ${(0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .statsText */ .zS)(s.stats)}`);
    about.push('.');
    return about;
}
/** One sub-section per severity that has differences, security first. */
function differenceGroups(differences) {
    const ordered = (0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .structureBySeverity */ .gF)(differences);
    return _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.map((severity) => {
        const items = ordered.filter((d) => d.severity === severity);
        if (items.length === 0)
            return null;
        return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)(`structure-${severity}`, `${_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .STRUCTURE_SEVERITY_TITLES */ .M[severity]} (${items.length})`, [{ type: 'comparisons', items: items.map((d) => comparison(d, true)) }], { mark: severity });
    });
}
function noticesSection(s) {
    if (s.notices.length === 0)
        return null;
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('structure-notices', `Notices (${s.notices.length}, not drift)`, [
        { type: 'comparisons', items: s.notices.map((d) => comparison(d, false)) },
    ]);
}
function ignoredSection(s) {
    if (s.ignored.length === 0)
        return null;
    const items = s.ignored.map((i) => [
        `${i.kind} `,
        (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(i.object),
        ...(i.attribute === null ? [] : [', attribute ', (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(i.attribute)]),
        `: ${i.reason} (${i.expires === null ? 'no expiry' : `expires ${i.expires}`})`,
    ]);
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('structure-ignored', `Ignored by rules (${s.ignored.length})`, [{ type: 'list', items }]);
}
function comparison(d, withFix) {
    return {
        mark: d.severity,
        title: [
            `${d.change} ${d.kind} `,
            (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(d.object),
            ...(d.attribute === null ? [] : [', attribute ', (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(d.attribute)]),
            ...(d.possible_rename || d.possible_move
                ? [
                    ` (possibly ${d.possible_rename && d.possible_move ? 'renamed and moved' : d.possible_move ? 'moved' : 'renamed'}: in the database as `,
                    (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(d.possible_rename ?? d.possible_move ?? ''),
                    ')',
                ]
                : []),
            // Whether running the fix-up blocks writes or would lose data (then it is commented out), in every format.
            ...(withFix ? [`; fix-up ${d.safety}`] : []),
        ],
        expected: attr(d.expected),
        actual: attr(d.actual),
        code: withFix ? d.fix_sql : null,
    };
}
function attr(value) {
    const text = (0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .attrText */ .vH)(value);
    return text === null ? [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .absent */ .Ge)()] : [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(text)];
}
function findingsSection(findings) {
    if (findings.length === 0)
        return null;
    const ordered = (0,_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .bySeverity */ .Np)(findings);
    const severities = [...new Set(ordered.map((f) => f.severity))];
    const blocks = severities.map((severity) => {
        const items = ordered.filter((f) => f.severity === severity);
        return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)(`findings-${severity}`, `${FINDING_TITLES[severity] ?? severity} (${items.length})`, [{ type: 'list', items: items.map(findingText) }], { mark: severity });
    });
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .section */ .uW)('findings', `Findings (${findings.length})`, blocks);
}
function findingText(f) {
    const where = f.file === undefined ? [] : [' — ', (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(f.line === undefined ? f.file : `${f.file}:${f.line}`)];
    return [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .strong */ .ko)(f.kind), ` ${f.message}`, ...where];
}
/** The footer of a run's document: run link, where it is stored (`label`), commit, trigger, tool and fingerprint. */
function runFooter(run, fingerprint, stored) {
    const out = [];
    if (run.run_url !== '')
        out.push({ label: '', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .link */ .nf)(run.run_id === '' ? 'Run' : `Run ${run.run_id}`, run.run_url)] });
    if (stored.location !== undefined)
        out.push({ label: stored.label, value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(stored.location)] });
    if (run.sha !== '')
        out.push({ label: 'Commit', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(run.sha, { short: HASH_SHORT })] });
    out.push({ label: 'Trigger', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(run.trigger)] });
    if (run.tool_version !== '')
        out.push({ label: '', value: [`schema-drift-action ${run.tool_version}`] });
    out.push({ label: 'Fingerprint', value: [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(fingerprint, { short: HASH_SHORT })] });
    return out;
}
function hash(value) {
    return value === null ? (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .absent */ .Ge)() : (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(value, { short: HASH_SHORT });
}
function ids(joined) {
    if (joined === null)
        return [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .absent */ .Ge)()];
    return joined.split(',').flatMap((id, i) => (i === 0 ? [(0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(id)] : [', ', (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(id)]));
}


/***/ }),

/***/ 4639:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S5: () => (/* binding */ renderText)
/* harmony export */ });
/* unused harmony exports TEXT_WIDTH, wrap */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5032);
/* harmony import */ var _presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5767);
// Plain text for email (the SNS body) and the CLI, rendered from the presentation document. No Markdown syntax; the
// first line names environment and state, the facts follow, then what to do; lines are wrapped at spaces to 78
// characters where the content allows (a long identifier or SQL line is never broken, since it must stay copyable).


/** The most rows of one list shown even when more would fit: an alert, not the evidence (that is the JSON). */
const LIST_CAP = 200;
const VALUE_MAX_CHARS = 500;
/** Mail clients wrap or cut beyond this (RFC 5322 recommends 78). */
const TEXT_WIDTH = 78;
const LABEL_WIDTH = 20;
/** The document as plain text, at most `maxBytes` UTF-8 bytes, cutting lists with "… and N more". */
function renderText(document, options = {}) {
    const maxBytes = options.maxBytes ?? _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_TEXT_MAX_BYTES */ .nt;
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .fitToBudget */ .c5)((limit) => textWithLimit(document, Math.min(limit, LIST_CAP)), LIST_CAP, maxBytes);
}
function textWithLimit(document, limit) {
    const out = [(0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(document.title), ''];
    for (const fact of document.facts) {
        out.push(...wrap(words(fact.value), `${fact.label}:`.padEnd(LABEL_WIDTH), ' '.repeat(LABEL_WIDTH)));
    }
    for (const s of document.sections)
        out.push('', ...sectionLines(s, '', limit));
    out.push('');
    for (const fact of document.footer)
        out.push(...footerLines(fact));
    return `${out.join('\n')}\n`;
}
function sectionLines(s, indent, limit) {
    // A title that already has a colon ("Structure: drifted") reads as a heading without another.
    const out = [`${indent}${(0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(s.title)}${s.title.includes(':') ? '' : ':'}`];
    const inner = `${indent}  `;
    s.blocks.forEach((block, i) => {
        const previous = s.blocks[i - 1];
        // Paragraphs and sub-sections stand apart; the first block sits right under the heading.
        if (i > 0 && (block.type === 'section' || block.type === 'paragraph' || previous?.type === 'section')) {
            out.push('');
        }
        out.push(...blockLines(block, inner, limit));
    });
    return out;
}
function blockLines(block, indent, limit) {
    switch (block.type) {
        case 'paragraph':
            return wrap(words(block.text, true), indent, indent);
        case 'quote':
            return wrap(words(block.text), `${indent}  `, `${indent}  `);
        case 'list':
            return withMore(block.items.slice(0, limit).flatMap((item) => wrap(words(item), `${indent}- `, `${indent}  `)), block.items.length - limit, indent);
        case 'table':
            return withMore(tableLines(block, indent, limit), block.rows.length - limit, indent);
        case 'comparisons':
            return withMore(block.items.slice(0, limit).flatMap((c) => comparisonLines(c, indent)), block.items.length - limit, indent);
        case 'section':
            return sectionLines(block, indent, limit);
    }
}
/** A row reads as a list item: its first two columns name it, the others follow as "Label: value" lines. */
function tableLines(block, indent, limit) {
    return block.rows.slice(0, limit).flatMap((row, i) => {
        const marker = block.numbered ? `${i + 1}. ` : '- ';
        const rest = `${indent}${' '.repeat(marker.length)}`;
        const name = row
            .slice(0, 2)
            .map((cell) => words(cell))
            .filter((cell) => cell !== '')
            .join('  ');
        const details = row.slice(2).flatMap((cell, c) => {
            const value = words(cell);
            const title = block.columns[c + 2]?.title ?? '';
            return value === '' ? [] : wrap(value, `${rest}${title}: `, `${rest}  `);
        });
        return [...wrap(name, `${indent}${marker}`, rest), ...details];
    });
}
function comparisonLines(c, indent) {
    const inner = `${indent}  `;
    const out = [
        ...wrap(words(c.title), `${indent}- `, inner),
        ...wrap(words(c.expected), `${inner}expected: `, `${inner}  `),
        ...wrap(words(c.actual), `${inner}actual:   `, `${inner}  `),
    ];
    if (c.code !== null) {
        out.push(`${inner}fix-up SQL:`);
        // SQL is shown as it runs: never re-wrapped, since a break inside a string or comment would change it.
        for (const line of (0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .fixSqlLines */ .Bt)(c.code))
            out.push(`${inner}  ${line}`);
    }
    return out;
}
function withMore(lines, hidden, indent) {
    return hidden > 0 ? [...lines, `${indent}… and ${hidden} more`] : lines;
}
function footerLines(fact) {
    const value = words(fact.value);
    return fact.label === '' ? wrap(value, '', '  ') : wrap(value, `${fact.label}: `, '  ');
}
/** The text as one line of words; `sentence`: code is set off with quotes, as in prose, and hashes shortened. */
function words(text, sentence = false) {
    return text.map((part) => word(part, sentence)).join('');
}
function word(part, sentence) {
    if (typeof part === 'string')
        return value1(part);
    if ('code' in part) {
        // Inside a sentence a hash is shortened like everywhere else; alone on its line it is shown whole.
        const shown = sentence && part.short !== undefined ? part.code.slice(0, part.short) : part.code;
        return sentence && part.quote ? `"${value1(shown)}"` : value1(shown);
    }
    if ('strong' in part)
        return words(part.strong, sentence);
    if ('absent' in part)
        return `(${value1(part.absent)})`;
    return `${value1(part.link)}: ${value1(part.href)}`;
}
/**
 * Lines of at most TEXT_WIDTH characters, broken at spaces only: the first starts with `first`, the others with
 * `rest`. A word longer than the room is kept whole on its own line.
 */
function wrap(value, first, rest) {
    const lines = [];
    let prefix = first;
    let line = '';
    for (const token of value.split(' ')) {
        const candidate = line === '' ? token : `${line} ${token}`;
        if (line !== '' && prefix.length + candidate.length > TEXT_WIDTH) {
            lines.push(`${prefix}${line}`);
            prefix = rest;
            line = token;
        }
        else {
            line = candidate;
        }
    }
    lines.push(`${prefix}${line}`.trimEnd());
    return lines;
}
function value1(value) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)((0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(value), VALUE_MAX_CHARS);
}


/***/ })

};
