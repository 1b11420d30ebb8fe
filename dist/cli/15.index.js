export const id = 15;
export const ids = [15];
export const modules = {

/***/ 5639:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xL: () => (/* reexport */ ConfigError),
  oF: () => (/* reexport */ inputs/* DATABASE_INPUTS */.oF),
  f3: () => (/* binding */ LINT_LARGE_TABLE_DEFAULT),
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: checkModeInputs

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./lib/audit/cron.js
var cron = __webpack_require__(6843);
// EXTERNAL MODULE: ./lib/fleet/shard.js
var shard = __webpack_require__(7820);
// EXTERNAL MODULE: ./lib/lint/table-sizes.js
var table_sizes = __webpack_require__(9470);
// EXTERNAL MODULE: ./lib/publish/notify-policy.js
var notify_policy = __webpack_require__(4709);
// EXTERNAL MODULE: ./lib/shared/error-message.js
var error_message = __webpack_require__(9481);
// EXTERNAL MODULE: ./lib/config/aws-names.js
var aws_names = __webpack_require__(1662);
;// CONCATENATED MODULE: ./lib/config/config-error.js
// The one error a bad input raises: its message names the input(s) and repeats the bad value.
/** A bad input (or combination), naming the inputs so the caller knows which part of the run it disables. */
class ConfigError extends Error {
    inputs;
    name = 'ConfigError';
    constructor(message, inputs = []) {
        super(message);
        this.inputs = inputs;
    }
}

// EXTERNAL MODULE: ./lib/config/input-definitions.js
var input_definitions = __webpack_require__(4117);
;// CONCATENATED MODULE: ./lib/config/deprecated-inputs.js
// Old input names keep working: each is mapped onto the input that replaced it, with a warning naming both. An old
// and a new name given with different values is a config error naming both, never a silent choice between them.



/** The inputs with every deprecated name folded into its replacement, and one warning per deprecated name used. */
function resolveDeprecatedInputs(raw) {
    const resolved = { ...raw };
    const warnings = [];
    const givenAs = {};
    for (const old of input_definitions/* DEPRECATED_INPUTS */.eO) {
        const value = resolved[old.name]?.trim();
        delete resolved[old.name];
        if (!value)
            continue;
        const current = resolved[old.replacedBy]?.trim();
        if (old.kind === 'rename') {
            if (current && current !== value) {
                throw new ConfigError(`Inputs "${old.name}" (deprecated) and "${old.replacedBy}" are both set, to ${JSON.stringify(value)} and ${JSON.stringify(current)}: give only "${old.replacedBy}"`, [old.name, old.replacedBy]);
            }
            resolved[old.replacedBy] = value;
            givenAs[old.replacedBy] = old.name;
            warnings.push(`Input "${old.name}" is deprecated: use "${old.replacedBy}" (the same value, ${value})`);
            continue;
        }
        warnings.push(notifyOnSuccess(resolved, value));
    }
    return { raw: resolved, warnings, givenAs };
}
/** notify-on-success: `true` adds `success` to notify-on; `false` against a notify-on holding success is refused. */
function notifyOnSuccess(resolved, value) {
    const flag = value.toLowerCase();
    if (flag !== 'true' && flag !== 'false') {
        throw new ConfigError(`Invalid input "notify-on-success": ${JSON.stringify(value)} — expected true or false`, [
            'notify-on-success',
        ]);
    }
    const given = resolved['notify-on']?.trim() || 'drift,error';
    let events;
    try {
        events = (0,notify_policy/* parseNotifyOn */.wF)(given);
    }
    catch {
        // notify-on's own check reports its bad value, naming it.
        events = undefined;
    }
    if (flag === 'false') {
        if (events?.has('success')) {
            throw new ConfigError(`Inputs "notify-on-success" (deprecated) and "notify-on" disagree: "false" and ${JSON.stringify(given)}, which alerts on success: give only "notify-on"`, ['notify-on-success', 'notify-on']);
        }
        return `Input "notify-on-success" is deprecated: "false" changes nothing (notify-on "${given}" decides); remove it`;
    }
    const merged = events === undefined || events.has('success') ? given : `${given},success`;
    resolved['notify-on'] = merged;
    return `Input "notify-on-success" is deprecated: use "notify-on: ${merged}" (what "true" means now)`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/config/report-dir.js
// report-dir must stay inside the workspace: reports are written there, and a repository (or an input) that points
// it elsewhere — `..`, an absolute path, a committed symlink — would make the action write outside the checkout.


function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
// The real path of the deepest part of `path` that exists: where a write below it would really land.
function realExisting(path) {
    let current = path;
    while (!(0,external_node_fs_.existsSync)(current)) {
        const parent = (0,external_node_path_.dirname)(current);
        if (parent === current)
            return current;
        current = parent;
    }
    return (0,external_node_fs_.realpathSync)(current);
}
/** Throws (saying why) unless `dir`, and the environment's folder under it, resolve inside `workspace`. */
function checkReportDir(dir, workspace, environment) {
    const root = (0,external_node_path_.resolve)(workspace);
    const target = (0,external_node_path_.resolve)(root, dir);
    if (!inside(root, target))
        throw new Error(`it resolves to ${target}, outside the workspace ${root}`);
    const realRoot = realExisting(root);
    // The environment's folder too: the reports are written below it, so a symlink there leads out as well.
    for (const path of [target, (0,external_node_path_.join)(target, environment)]) {
        const real = realExisting(path);
        if (!inside(realRoot, real)) {
            throw new Error(`it leads through a symbolic link to ${real}, outside the workspace ${realRoot}`);
        }
    }
}

// EXTERNAL MODULE: ./lib/config/inputs.js
var inputs = __webpack_require__(6097);
;// CONCATENATED MODULE: ./lib/config/config.js
// Action inputs and CLI flags → one validated Config. Both front ends pass the same kebab-case names, so the
// defaults and the checks live here once. Every error names the input and repeats the bad value.













/** action.yml's default of `lint-large-table`. */
const LINT_LARGE_TABLE_DEFAULT = '1000000 rows or 1 GB';
/** Throws the held-back ConfigError of the mode that runs (see ParseOptions.deferModeInputs). */
function checkModeInputs(config, mode) {
    const scope = mode.startsWith('fleet')
        ? 'fleet'
        : mode === 'monitor'
            ? undefined
            : mode;
    const error = scope === undefined ? undefined : config.modeInputErrors?.[scope];
    if (error)
        throw error;
}
const identifier = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const field = {
    text: schemas/* string */.YjP().trim(),
    largeTable: schemas/* string */.YjP().transform((value, ctx) => {
        try {
            return (0,table_sizes/* parseLargeTable */.j1)(value);
        }
        catch {
            ctx.addIssue({ code: 'custom', message: 'rows and/or a size, like "1000000 rows or 1 GB"' });
            return core/* NEVER */.tm;
        }
    }),
    environment: schemas/* string */.YjP()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" or "-", at most 63, starting alphanumeric'),
    identifier: schemas/* string */.YjP().trim().regex(identifier, 'a plain SQL identifier (letters, digits, "_", "$"; at most 63)'),
    minutes: schemas/* string */.YjP()
        .trim()
        .regex(/^\d+$/, 'a whole number of minutes')
        .transform(Number)
        .pipe(schemas/* number */.aig().max(525_600, 'at most 525600 (a year)')),
    seconds: schemas/* string */.YjP()
        .trim()
        .regex(/^\d+$/, 'a whole number of seconds')
        .transform(Number)
        .pipe(schemas/* number */.aig().min(900, 'at least 900').max(43_200, 'at most 43200')),
    days: schemas/* string */.YjP()
        .trim()
        .regex(/^[1-9]\d*$/, 'a positive whole number of days')
        .transform(Number)
        .pipe(schemas/* number */.aig().max(36_500, 'at most 36500')),
    boolean: schemas/* string */.YjP()
        .trim()
        .toLowerCase()
        .pipe(schemas/* enum */.k5n(['true', 'false'], 'true or false'))
        .transform((v) => v === 'true'),
    timeoutSeconds: schemas/* string */.YjP()
        .trim()
        .regex(/^\d+$/, 'a whole number of seconds')
        .transform(Number)
        // Below 5 s there is no time left to store the report and alert; GitHub ends any job after 6 hours.
        .pipe(schemas/* number */.aig().min(5, 'at least 5').max(21_600, 'at most 21600 (6 hours)')),
    databaseUrl: schemas/* string */.YjP()
        .trim()
        .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL'),
    count: (max) => schemas/* string */.YjP()
        .trim()
        .regex(/^\d+$/, 'a whole number')
        .transform(Number)
        .pipe(schemas/* number */.aig().min(1, 'at least 1').max(max, `at most ${max}`)),
};
function read(raw, name, schema, fallback) {
    const value = raw[name]?.trim() ? raw[name] : fallback;
    if (value === undefined || value === '')
        return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const shown = name.endsWith('database-url') ? '(hidden: it may hold a password)' : JSON.stringify(value);
    const issue = parsed.error.issues[0];
    // A checker's own words (checkedBy) already say what is wrong; zod's say what was expected.
    const plain = issue?.code === 'custom' && issue.params?.plain === true;
    const reason = plain ? issue.message : `expected ${issue?.message ?? 'a valid value'}`;
    throw new ConfigError(`Invalid input "${name}": ${shown} — ${reason}`, [name]);
}
/** A zod schema from a checker that throws with its own wording (shared with the adapters that check again). */
function checkedBy(check) {
    return schemas/* string */.YjP()
        .trim()
        .transform((value, ctx) => {
        try {
            return check(value);
        }
        catch (error) {
            // The checkers name the input themselves ("Invalid s3-prefix "/x": ..."); keep only the reason.
            ctx.addIssue({
                code: 'custom',
                message: (0,error_message/* errorMessage */.g)(error).replace(/^Invalid [^:]*: /, ''),
                params: { plain: true },
            });
            return core/* NEVER */.tm;
        }
    });
}
/** Validates the raw inputs; throws ConfigError naming the first bad input. */
function parseConfig(inputs, options = {}) {
    const { raw, warnings, givenAs } = resolveDeprecatedInputs(inputs);
    try {
        return parseResolved(raw, warnings, options);
    }
    catch (error) {
        // A bad value given under an old name is reported under the name the user wrote.
        const old = error instanceof ConfigError ? error.inputs.map((name) => givenAs[name]).find(Boolean) : undefined;
        if (!(error instanceof ConfigError) || old === undefined)
            throw error;
        const current = error.inputs.find((name) => givenAs[name] === old);
        throw new ConfigError(`${error.message.replaceAll(`"${current}"`, `"${old}"`)} ("${old}" is the deprecated name of "${current}")`, [old, ...error.inputs]);
    }
}
function parseResolved(raw, warnings, options) {
    const modeInputErrors = {};
    // An input of one mode's group: a bad value is held for that mode, and its default stands in meanwhile.
    const get = (name, schema, fallback) => {
        const scope = (0,input_definitions/* inputScope */.lC)(name);
        if (scope === undefined)
            return read(raw, name, schema, fallback);
        try {
            return read(raw, name, schema, fallback);
        }
        catch (error) {
            if (!(error instanceof ConfigError))
                throw error;
            modeInputErrors[scope] ??= error;
            return read({}, name, schema, fallback);
        }
    };
    const text = (name, fallback) => get(name, field.text, fallback);
    const databaseUrl = read(raw, 'database-url', field.databaseUrl);
    const lambdaFunction = text('lambda-function');
    const pgliteDir = text('pglite');
    const targets = [databaseUrl && 'database-url', lambdaFunction && 'lambda-function', pgliteDir && 'pglite'];
    const given = targets.filter(Boolean);
    if (given.length > 1) {
        throw new ConfigError(`Give one database, not ${given.map((n) => `"${n}"`).join(' and ')}`, given);
    }
    let database;
    if (databaseUrl)
        database = { kind: 'postgres', url: databaseUrl };
    else if (lambdaFunction) {
        database = {
            kind: 'lambda',
            functionName: lambdaFunction,
            qualifier: text('lambda-qualifier'),
            payloadTemplate: text('lambda-payload-template'),
            rowsPath: text('lambda-rows-path'),
        };
    }
    else if (pgliteDir)
        database = { kind: 'pglite', dir: pgliteDir };
    const bucket = read(raw, 's3-bucket', checkedBy(aws_names/* validateBucketName */.EG));
    const lockMode = read(raw, 's3-object-lock-mode', schemas/* string */.YjP()
        .trim()
        .toUpperCase()
        .pipe(schemas/* enum */.k5n(['GOVERNANCE', 'COMPLIANCE'], 'GOVERNANCE or COMPLIANCE')));
    const lockDays = read(raw, 's3-object-lock-days', field.days);
    if ((lockMode === undefined) !== (lockDays === undefined)) {
        throw new ConfigError('Inputs "s3-object-lock-mode" and "s3-object-lock-days" go together: set both or neither', [
            's3-object-lock-mode',
            's3-object-lock-days',
        ]);
    }
    if (!bucket && (lockMode || text('s3-kms-key-id'))) {
        throw new ConfigError('Inputs "s3-kms-key-id" and "s3-object-lock-*" need "s3-bucket"', [
            's3-kms-key-id',
            's3-object-lock-mode',
            's3-object-lock-days',
        ]);
    }
    const kmsSigningKeyId = read(raw, 'kms-signing-key-id', schemas/* string */.YjP()
        .trim()
        .regex(/^(arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/+=,.@-]+|alias\/[\w/+=,.@-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/, 'a KMS key id, key ARN, alias name (alias/…) or alias ARN'));
    if (kmsSigningKeyId && !bucket && !text('report-dir')) {
        throw new ConfigError('Input "kms-signing-key-id" signs stored reports: it needs "s3-bucket" or "report-dir"', [
            'kms-signing-key-id',
        ]);
    }
    const audit = {
        period: get('audit-period', schemas/* string */.YjP()
            .trim()
            .regex(/^(last-quarter|last-month|\d{4}-Q[1-4])$/, 'last-quarter, last-month or YYYY-Qn (e.g. 2026-Q3)'), 'last-quarter'),
        schedule: get('audit-schedule', schemas/* string */.YjP()
            .trim()
            .refine((value) => {
            try {
                (0,cron/* cronTimes */.x)(value, new Date(0), new Date(0));
                return true;
            }
            catch {
                return false;
            }
        }, 'a five-field cron expression, as in on.schedule (e.g. "0 3 * * *")'), '0 3 * * *'),
        toleranceMinutes: get('audit-tolerance-minutes', field.minutes, '180'),
        retentionYears: get('audit-retention-years', schemas/* string */.YjP()
            .trim()
            .regex(/^\d+$/, 'a whole number of years')
            .transform(Number)
            .pipe(schemas/* number */.aig().max(100, 'at most 100')), '7'),
    };
    const prefix = read(raw, 's3-prefix', checkedBy(aws_names/* normalizePrefix */.iG), 'schema-drift/');
    const topicArn = read(raw, 'sns-topic-arn', checkedBy(aws_names/* validateTopicArn */.lS));
    // Read even when unused, so a typo is reported before it matters. A deprecated notify-on-success: true is
    // already folded in as the `success` event (deprecated-inputs.ts).
    const notifyOn = read(raw, 'notify-on', checkedBy((v) => {
        (0,notify_policy/* parseNotifyOn */.wF)(v);
        return v;
    }), 'drift,error');
    const expected = read(raw, 'structure-expected', schemas/* string */.YjP()
        .trim()
        .toLowerCase()
        .pipe(schemas/* enum */.k5n(['none', 'reference', 'snapshot', 'baseline'], 'none, reference, snapshot or baseline')), 'none');
    const referenceDatabaseUrl = read(raw, 'reference-database-url', field.databaseUrl);
    const snapshotFile = text('snapshot-file');
    if (expected === 'reference' && !referenceDatabaseUrl) {
        throw new ConfigError('Input "structure-expected" is "reference": set "reference-database-url" too', [
            'structure-expected',
        ]);
    }
    if (expected === 'snapshot' && !snapshotFile) {
        throw new ConfigError('Input "structure-expected" is "snapshot": set "snapshot-file" too', ['structure-expected']);
    }
    const baseline = read(raw, 'baseline', schemas/* string */.YjP()
        .trim()
        .toLowerCase()
        .pipe(schemas/* enum */.k5n(['keep', 're-record'], 'keep or re-record')), 'keep');
    if (baseline === 're-record' && expected !== 'baseline') {
        throw new ConfigError(`Input "baseline" is "re-record": it needs "structure-expected" baseline, not "${expected}"`);
    }
    const structure = expected === 'none'
        ? undefined
        : {
            expected,
            referenceDatabaseUrl,
            referenceSetupCommand: text('reference-setup-command'),
            snapshotFile,
            rerecordBaseline: baseline === 're-record',
        };
    const environment = read(raw, 'environment', field.environment, 'production');
    const fleet = {
        concurrency: get('concurrency', field.count(64), '8'),
        shard: get('shard', checkedBy(shard/* parseShard */.uK)),
        shards: get('shards', field.count(shard/* MAX_SHARDS */.hH)),
        slices: text('fleet-slices'),
    };
    const reportDir = text('report-dir');
    if (reportDir !== undefined && options.workspace !== undefined) {
        try {
            checkReportDir(reportDir, options.workspace, environment);
        }
        catch (error) {
            throw new ConfigError(`Invalid input "report-dir": ${JSON.stringify(reportDir)} — ${(0,error_message/* errorMessage */.g)(error)}`, [
                'report-dir',
            ]);
        }
    }
    const config = {
        migrations: text('migrations'),
        iniSection: text('ini-section'),
        versionLocations: text('version-locations')
            ?.split(/[\n,]/)
            .map((l) => l.trim())
            .filter((l) => l !== ''),
        environment,
        failOn: read(raw, 'fail-on', schemas/* string */.YjP()
            .trim()
            .pipe(schemas/* enum */.k5n(['drift', 'error', 'never'], 'drift, error or never')), 'drift'),
        pendingGraceMinutes: read(raw, 'pending-grace-minutes', field.minutes, '0'),
        reportDir,
        versionTable: read(raw, 'version-table', field.identifier, 'alembic_version'),
        versionTableSchema: read(raw, 'version-table-schema', field.identifier),
        database,
        aws: {
            region: text('aws-region'),
            roleToAssume: read(raw, 'role-to-assume', schemas/* string */.YjP()
                .trim()
                .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN (arn:aws:iam::123456789012:role/name)')),
            roleSessionName: read(raw, 'role-session-name', schemas/* string */.YjP()
                .trim()
                .regex(/^[\w+=,.@-]{2,64}$/, '2–64 characters of letters, digits and _+=,.@-')),
            roleDurationSeconds: read(raw, 'role-duration-seconds', field.seconds, '3600'),
            audience: text('audience', 'sts.amazonaws.com'),
        },
        s3: bucket
            ? {
                bucket,
                prefix,
                kmsKeyId: text('s3-kms-key-id'),
                objectLockMode: lockMode,
                objectLockDays: lockDays,
            }
            : undefined,
        sns: topicArn
            ? {
                topicArn,
                notifyOn,
                notifyOnSuccess: (0,notify_policy/* parseNotifyOn */.wF)(notifyOn).has('success'),
            }
            : undefined,
        kmsSigningKeyId,
        audit,
        structure,
        ignoreRulesFile: text('config'),
        pullRequest: {
            mode: read(raw, 'mode', schemas/* string */.YjP()
                .trim()
                .pipe(schemas/* enum */.k5n(['auto', 'monitor', 'pull-request', 'audit', 'fleet', 'fleet-plan', 'fleet-merge'], 'auto, monitor, pull-request, audit, fleet, fleet-plan or fleet-merge')), 'auto'),
            githubToken: text('github-token') ?? '',
            checkName: get('check-name', schemas/* string */.YjP().trim().max(100, 'at most 100 characters'), 'schema-drift'),
            comment: get('comment', field.boolean, 'true'),
            lintLargeTable: get('lint-large-table', field.largeTable, LINT_LARGE_TABLE_DEFAULT),
        },
        timeoutSeconds: read(raw, 'timeout-seconds', field.timeoutSeconds, '300'),
        fleet,
        warnings,
        modeInputErrors,
    };
    const held = Object.values(modeInputErrors)[0];
    if (held && !options.deferModeInputs)
        throw held;
    return config;
}


/***/ }),

/***/ 7401:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ openExecutor),
/* harmony export */   f: () => (/* binding */ describeTarget)
/* harmony export */ });
/* harmony import */ var _postgres_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7306);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2176);


/** Credentials failures are their own stage in the report, not a database failure. */
async function credentials(factories) {
    try {
        return await factories.aws();
    }
    catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { stage: 'credentials' });
    }
}
async function openExecutor(target, factories) {
    switch (target.kind) {
        case 'postgres':
            return (0,_postgres_js__WEBPACK_IMPORTED_MODULE_0__/* .openPostgresExecutor */ .$)(target.url, factories.timeouts && {
                connectTimeoutMs: factories.timeouts.connectionMs,
                // 30 s at the default timeout-seconds, as documented; less in a shorter run.
                statementTimeoutMs: Math.min(30_000, 2 * factories.timeouts.requestMs),
            });
        case 'pglite':
            if (!factories.pglite)
                throw new Error('the embedded PGlite database is available in the CLI only');
            return factories.pglite(target.dir);
        case 'lambda': {
            // Loaded for this route only: a direct-URL run (the CLI's `snapshot`) never loads the AWS SDK (~2 MB of code).
            const { createLambdaClient, createLambdaExecutor } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(696), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 7691));
            return createLambdaExecutor({
                functionName: target.functionName,
                qualifier: target.qualifier,
                payloadTemplate: target.payloadTemplate,
                rowsPath: target.rowsPath,
                client: createLambdaClient(await credentials(factories), {
                    // A cold start plus the query: twice an AWS request's share of the run, at most the default minute.
                    timeoutMs: factories.timeouts && Math.min(60_000, 2 * factories.timeouts.requestMs),
                    connectionTimeoutMs: factories.timeouts?.connectionMs,
                }),
                retry: factories.timeouts && { totalTimeMs: factories.timeouts.retryTotalMs },
            });
        }
    }
}
/** How a target is shown before it is opened; never holds a password. */
function describeTarget(target) {
    switch (target.kind) {
        case 'postgres':
            return (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactDatabaseUrl */ .Aq)(target.url);
        case 'pglite':
            return `pglite:${target.dir}`;
        case 'lambda':
            return `lambda:${target.functionName}${target.qualifier ? `:${target.qualifier}` : ''}`;
    }
}


/***/ }),

/***/ 7306:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ openPostgresExecutor)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2176);
// TLS follows the URL's `sslmode` with libpq's meaning, the one the same URL has for psql and for Alembic
// (psycopg2): `disable` plain; `prefer` and `require` encrypted without checking the certificate; `verify-ca`
// checks the chain (needs `sslrootcert=<file>`); `verify-full` checks chain and host name against Node's CAs or
// `sslrootcert`. pg 8.23 on its own treats prefer/require/verify-ca as verify-full (and warns), which rejects the
// certificates RDS serves unless its CA bundle is given; we opt into pg's `uselibpqcompat` instead.
// Two differences from libpq remain: `prefer` never falls back to plain text, and no `sslmode` means plain text
// (libpq would try TLS first).


/** Connects through `pg`; every query runs in a READ ONLY transaction with statement_timeout and lock_timeout. */
async function openPostgresExecutor(url, options = {}) {
    const shown = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactDatabaseUrl */ .Aq)(url);
    // A password that is an ordinary word is not removed by value: `postgres` would hide the user and database names.
    const secrets = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .databaseUrlSecrets */ .I6)(url).filter(_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .maskableByValue */ .RG);
    // Driver and DNS errors may quote the URL or part of it; the server's may quote a conninfo string.
    const scrub = (error) => (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(messageOf(error), secrets);
    const connectFailure = (cause) => new Error(`Could not connect to PostgreSQL at ${shown}: ${scrub(cause)}`);
    const statementTimeoutMs = timeout('statementTimeoutMs', options.statementTimeoutMs, 30_000);
    const lockTimeoutMs = timeout('lockTimeoutMs', options.lockTimeoutMs, 5_000);
    const connectTimeoutMs = timeout('connectTimeoutMs', options.connectTimeoutMs, 10_000);
    if (!/^postgres(?:ql)?:\/\//i.test(url)) {
        throw connectFailure('expected a postgres:// or postgresql:// URL');
    }
    // Refused before any lookup: pg would send the rest of such a password to DNS as a host name.
    const ambiguous = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .ambiguousUrlPassword */ .Hp)(url);
    if (ambiguous)
        throw connectFailure(`the URL cannot be read safely: ${ambiguous}`);
    let client;
    try {
        client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
            connectionString: withLibpqSslSemantics(url),
            connectionTimeoutMillis: connectTimeoutMs || undefined,
            // A client-side backstop for a connection that goes silent, where the server's statement_timeout cannot help.
            query_timeout: statementTimeoutMs ? statementTimeoutMs + 5_000 : undefined,
            keepAlive: true,
            application_name: 'schema-drift',
        });
    }
    catch (error) {
        throw connectFailure(error);
    }
    // Without a listener, a connection dropped between queries would be an uncaught 'error' and end the process.
    let lost;
    client.on('error', (error) => {
        lost = error;
    });
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => { });
        throw connectFailure(error);
    }
    // The trailing SELECT takes the transaction's snapshot, after which `SET TRANSACTION READ WRITE` is refused.
    const begin = `BEGIN READ ONLY; SET LOCAL statement_timeout = ${statementTimeoutMs}; SET LOCAL lock_timeout = ${lockTimeoutMs}; SELECT 1`;
    let closed = false;
    // One transaction at a time on the one connection: interleaved BEGINs would run a query outside READ ONLY.
    let queue = Promise.resolve();
    const run = async (sql, params) => {
        if (closed)
            throw new Error(`Query failed on ${shown}: the executor is closed`);
        if (lost !== undefined)
            throw new Error(`Query failed on ${shown}: connection lost: ${scrub(lost)}`);
        try {
            await client.query(begin);
            // The extended protocol takes one statement, so `COMMIT; CREATE ...` cannot step out of the transaction.
            const result = await client.query({
                text: sql,
                values: params === undefined ? [] : [...params],
                queryMode: 'extended',
            });
            return result.rows;
        }
        catch (error) {
            if (messageOf(error) === 'Query read timeout') {
                // The connection went silent: a ROLLBACK would queue behind the lost query forever.
                lost = error;
                void client.end().catch(() => { });
            }
            throw new Error(`Query failed on ${shown}: ${scrub(lost ?? error)}`);
        }
        finally {
            if (lost === undefined) {
                await client.query('ROLLBACK').catch((error) => {
                    lost ??= error;
                });
            }
        }
    };
    return {
        query(sql, params) {
            const next = queue.then(() => run(sql, params));
            queue = next.catch(() => { });
            return next;
        },
        describe: () => shown,
        async close() {
            if (closed)
                return;
            closed = true;
            await queue;
            // end() waits for the server's goodbye, which a dead peer never sends.
            let timer;
            await Promise.race([
                client.end().catch(() => { }),
                new Promise((done) => {
                    timer = setTimeout(done, 2_000);
                }),
            ]);
            clearTimeout(timer);
        },
    };
}
function withLibpqSslSemantics(url) {
    const hash = url.indexOf('#');
    const head = hash < 0 ? url : url.slice(0, hash);
    const tail = hash < 0 ? '' : url.slice(hash);
    if (!/[?&]sslmode=/.test(head) || /[?&]uselibpqcompat=/.test(head))
        return url;
    return `${head}${head.includes('?') ? '&' : '?'}uselibpqcompat=true${tail}`;
}
function timeout(name, value, fallback) {
    if (value === undefined)
        return fallback;
    if (!Number.isInteger(value) || value < 0) {
        throw new Error(`Invalid PostgreSQL option ${name}: ${String(value)} (expected a whole number of milliseconds >= 0)`);
    }
    return value;
}
function messageOf(error) {
    if (!(error instanceof Error))
        return String(error);
    // Node reports a refused `localhost` (tried over IPv6 and IPv4) as an AggregateError with an empty message.
    if (error.message === '' && error instanceof AggregateError) {
        return error.errors.map(messageOf).join('; ') || 'connection failed';
    }
    const code = error.code;
    return error.message || (typeof code === 'string' ? code : error.name);
}


/***/ }),

/***/ 4951:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ errorSummary),
/* harmony export */   rW: () => (/* binding */ summarizeTarget),
/* harmony export */   tv: () => (/* binding */ buildFleetReport)
/* harmony export */ });
/* unused harmony exports compareSummaries, worstStatus, fleetFingerprint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// The fleet report: one line per target, worst first, built from the targets' own reports (a run) or from the lines
// of slice reports (a merge). Pure. docs/fleet-report.schema.json documents the JSON.

const RANK = { error: 0, drift: 1, synced: 2 };
/** Worst first (error, drift, synced), then by name (code-point order, the same on every machine). */
function compareSummaries(a, b) {
    return RANK[a.status] - RANK[b.status] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
/** The worst of the statuses; `synced` only for a non-empty list of synced ones (an empty fleet proves nothing). */
function worstStatus(statuses) {
    if (statuses.length === 0)
        return 'error';
    return statuses.reduce((worst, s) => (RANK[s] < RANK[worst] ? s : worst), 'synced');
}
/** The fleet line of one target's report. */
function summarizeTarget(target, report, stored = null) {
    const version = report.version;
    const structure = report.structure;
    const firstLine = (text) => text.split('\n')[0] ?? '';
    return {
        name: target.name,
        environment: target.environment,
        status: report.status,
        version_state: version?.state ?? null,
        summary: firstLine(report.error?.message ?? version?.summary ?? report.status),
        codebase_heads: version?.codebase_heads ?? splitIds(report.codebase_head),
        production_versions: version?.database_versions ?? splitNullable(report.production_version),
        pending: version?.pending.length ?? 0,
        structural_differences: structure && (structure.state === 'clean' || structure.state === 'drifted') ? structure.differences.length : null,
        report_location: stored?.location ?? null,
        report_sha256: stored?.sha256 ?? null,
        error: report.error ? { stage: report.error.stage, message: report.error.message } : null,
        fingerprint: report.fingerprint,
    };
}
/** A line for a target that has no report of its own (never checked: a missing shard, a discovery that failed). */
function errorSummary(name, environment, error) {
    return {
        name,
        environment,
        status: 'error',
        version_state: null,
        summary: error.message,
        codebase_heads: [],
        production_versions: null,
        pending: 0,
        structural_differences: null,
        report_location: null,
        report_sha256: null,
        error,
        fingerprint: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
            .update(JSON.stringify(['unchecked', name, error.stage, error.message]))
            .digest('hex'),
    };
}
/**
 * sha256 of the fleet's outcome: each target's name, status and drift-state fingerprint (sorted by name) and the
 * fleet errors — never when, by which run, or in how many shards, so an unchanged fleet keeps its fingerprint.
 */
function fleetFingerprint(targets, errors) {
    const lines = targets.map((t) => [t.name, t.status, t.fingerprint]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const fleetErrors = errors.map((e) => `${e.stage}\u0000${e.message}`).sort();
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify({ targets: lines, errors: fleetErrors }))
        .digest('hex');
}
/** Assembles the fleet report; status is `error` when any fleet-level error was recorded. */
function buildFleetReport(input) {
    const targets = [...input.targets].sort(compareSummaries);
    const count = (status) => targets.filter((t) => t.status === status).length;
    const status = input.errors.length > 0 ? 'error' : emptySlice(input) ? 'synced' : worstStatus(targets.map((t) => t.status));
    return {
        schema_drift_fleet: 1,
        generated_at: input.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        run: { ...input.run },
        config: input.config,
        status,
        // Any target drifted, even when another one's error makes the fleet `error`: the drift is certain.
        drift_detected: count('drift') > 0,
        totals: { targets: targets.length, synced: count('synced'), drift: count('drift'), error: count('error') },
        fingerprint: fleetFingerprint(targets, input.errors),
        shards: input.shards,
        discovered: [...new Set(input.discovered)].sort(),
        targets,
        errors: [...input.errors],
    };
}
/**
 * A slice that no target of a non-empty fleet hashes to (fewer targets than shards): it checked nothing and nothing
 * failed, which is normal, so it is `synced` with no targets — in the action and the CLI alike. Proof is the merge's:
 * it is never `synced` without targets and names any discovered target no shard checked.
 */
function emptySlice(input) {
    return (input.targets.length === 0 && input.shards !== null && input.shards.index !== null && input.discovered.length > 0);
}
function splitIds(value) {
    return value ? value.split(',').filter((v) => v !== '') : [];
}
function splitNullable(value) {
    return value === null ? null : splitIds(value);
}


/***/ }),

/***/ 7820:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IS: () => (/* binding */ shardOf),
/* harmony export */   T4: () => (/* binding */ planMatrix),
/* harmony export */   WE: () => (/* binding */ mergeFleetReports),
/* harmony export */   hH: () => (/* binding */ MAX_SHARDS),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _fleet_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4951);
// Scale-out over a GitHub Actions matrix: the plan (one job per shard), the shard a target belongs to, and the merge
// of the slice reports into one fleet report that proves every discovered target was checked exactly once.


/** GitHub Actions allows at most 256 jobs per matrix. */
const MAX_SHARDS = 256;
/** Reads `i/N` (1 ≤ i ≤ N ≤ 256); throws naming the bad value. */
function parseShard(value) {
    const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
    if (!match)
        throw new Error(`Invalid shard ${JSON.stringify(value)}: expected i/N, e.g. 1/4`);
    const index = Number(match[1]);
    const count = Number(match[2]);
    if (count < 1 || count > MAX_SHARDS) {
        throw new Error(`Invalid shard ${JSON.stringify(value)}: N must be 1 to ${MAX_SHARDS} (GitHub's matrix limit)`);
    }
    if (index < 1 || index > count)
        throw new Error(`Invalid shard ${JSON.stringify(value)}: i must be 1 to ${count}`);
    return { index, count };
}
/**
 * The shard a target belongs to: sha256 of its name, mod N. It depends on the name alone, so adding or removing a
 * tenant never moves another one to a different shard.
 */
function shardOf(name, count) {
    return ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(name).digest().readUInt32BE(0) % count) + 1;
}
/** The matrix for `strategy.matrix`: one job per shard, never more than 256. */
function planMatrix(targets, shards) {
    if (!Number.isInteger(shards) || shards < 1)
        throw new Error(`Invalid shard count ${shards}: a whole number ≥ 1`);
    if (shards > MAX_SHARDS) {
        throw new Error(`Invalid shard count ${shards}: GitHub Actions runs at most ${MAX_SHARDS} jobs per matrix`);
    }
    if (targets.length === 0)
        throw new Error('Nothing to plan: the config file lists no targets');
    return { include: Array.from({ length: shards }, (_, i) => ({ shard: `${i + 1}/${shards}` })) };
}
/**
 * One fleet report from the slices of a matrix run. Fail closed: a missing or repeated shard, slices of different
 * counts, configs or runs, a target checked twice, and a target some slice discovered but none checked are all errors.
 */
function mergeFleetReports(slices, options) {
    const errors = [];
    const add = (message) => errors.push({ stage: 'merge', message });
    if (slices.length === 0)
        add('no slice reports to merge');
    const counts = [...new Set(slices.map((s) => s.shards?.count ?? null))];
    const configs = [...new Set(slices.map((s) => s.config))];
    const notSlices = slices.filter((s) => s.shards === null || s.shards.index === null);
    if (notSlices.length)
        add(`${notSlices.length} of the reports are not shard slices (no shard index)`);
    if (counts.length > 1)
        add(`the slices come from different shard counts: ${counts.map(String).join(', ')}`);
    if (configs.length > 1)
        add(`the slices come from different config files: ${configs.join(', ')}`);
    // One fleet check is one workflow run: a slice of another run (a stale artifact left in fleet-slices) checked
    // another commit at another time. An empty run id (the CLI outside Actions) says nothing either way.
    const runs = [...new Set(slices.map((s) => s.run?.run_id ?? '').filter((id) => id !== ''))].sort();
    if (runs.length > 1)
        add(`the slices come from different runs: ${runs.join(', ')}`);
    const count = Math.max(0, ...counts.map((c) => c ?? 0));
    const byIndex = new Map();
    for (const slice of slices) {
        const index = slice.shards?.index;
        if (index === null || index === undefined)
            continue;
        if (byIndex.has(index))
            add(`shard ${index}/${count} is given twice`);
        else
            byIndex.set(index, slice);
    }
    for (let i = 1; i <= count; i++)
        if (!byIndex.has(i))
            add(`shard ${i}/${count} is missing: its targets were not checked`);
    const used = [...byIndex.values()];
    const seen = new Map();
    for (const [index, slice] of byIndex) {
        for (const line of slice.targets) {
            const before = seen.get(line.name);
            if (!before) {
                seen.set(line.name, { line, shard: index });
                continue;
            }
            const message = `target "${line.name}" was checked by shards ${before.shard}/${count} and ${index}/${count}`;
            add(message);
            seen.set(line.name, {
                line: (0,_fleet_report_js__WEBPACK_IMPORTED_MODULE_1__/* .errorSummary */ .N5)(line.name, line.environment, { stage: 'merge', message }),
                shard: index,
            });
        }
    }
    const discovered = [...new Set(used.flatMap((s) => s.discovered))].sort();
    for (const name of discovered) {
        if (seen.has(name))
            continue;
        const message = `target "${name}" was discovered but not checked by any shard`;
        seen.set(name, { line: (0,_fleet_report_js__WEBPACK_IMPORTED_MODULE_1__/* .errorSummary */ .N5)(name, '', { stage: 'merge', message }), shard: 0 });
    }
    // A failure every slice met (a discovery query) is one failure of the fleet, not N.
    const sliceErrors = new Map();
    for (const e of used.flatMap((s) => s.errors))
        sliceErrors.set(`${e.stage}\u0000${e.message}`, e);
    return (0,_fleet_report_js__WEBPACK_IMPORTED_MODULE_1__/* .buildFleetReport */ .tv)({
        now: options.now,
        run: options.run,
        config: configs[0] ?? '',
        targets: [...seen.values()].map((s) => s.line),
        discovered,
        errors: [...sliceErrors.values(), ...errors],
        shards: { count, index: null, merged: [...byIndex.keys()].sort((a, b) => a - b) },
    });
}


/***/ }),

/***/ 9470:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ readTableSizes),
/* harmony export */   ih: () => (/* binding */ tableKey),
/* harmony export */   j1: () => (/* binding */ parseLargeTable),
/* harmony export */   jt: () => (/* binding */ describeSize)
/* harmony export */ });
/* unused harmony export DEFAULT_LARGE_TABLE */
const DEFAULT_LARGE_TABLE = { rows: 1_000_000, bytes: 1024 ** 3 };
/** The key a table is looked up by: a quoted, schema-qualified name when the schema is known. */
function tableKey(t) {
    const quote = (s) => `"${s.replaceAll('"', '""')}"`;
    // The parser already folded unquoted SQL names; SQLAlchemy quotes names that are not lower case. So quoting the
    // name as written finds the table PostgreSQL created.
    return t.schema ? `${quote(t.schema)}.${quote(t.name)}` : quote(t.name);
}
// to_regclass resolves each name as PostgreSQL would (search_path for unqualified names) and answers NULL for a
// table that does not exist, instead of failing the whole query.
const SIZES_SQL = `select t.name, c.reltuples::float8 as reltuples, pg_total_relation_size(c.oid)::float8 as bytes
from unnest($1::text[]) as t(name)
join pg_class c on c.oid = to_regclass(t.name) and c.relkind in ('r', 'p', 'm')`;
/** Reads the sizes of `tables` in one query; throws (with the executor's redacted description) on failure. */
async function readTableSizes(executor, tables) {
    const keys = [...new Set(tables.map(tableKey))].sort();
    const sizes = new Map();
    if (keys.length === 0)
        return sizes;
    const rows = await executor.query(SIZES_SQL, [
        keys,
    ]);
    for (const row of rows) {
        const tuples = Number(row.reltuples);
        const bytes = Number(row.bytes);
        if (typeof row.name !== 'string' || !Number.isFinite(tuples) || !Number.isFinite(bytes)) {
            throw new Error(`table sizes: unexpected row ${JSON.stringify(row)} from ${executor.describe()}`);
        }
        // reltuples is -1 until the table is first analysed (PostgreSQL 14+); 0 before that on older servers.
        sizes.set(row.name, { rows: tuples < 0 ? null : Math.round(tuples), bytes });
    }
    return sizes;
}
/** Reads `lint-large-table`: "1000000 rows or 1 GB", "500000 rows", "10 GB" (units B, kB, MB, GB, TB). */
function parseLargeTable(value) {
    const limit = {};
    // Thousands separators first ("1,000,000 rows"), then the parts ("… rows, 1 GB" or "… rows or 1 GB").
    const plain = value.replaceAll(/(\d),(?=\d{3}\b)/g, '$1');
    for (const part of plain.split(/\s*(?:,|\bor\b)\s*/i).filter((p) => p.trim() !== '')) {
        const m = /^(\d[\d_]*)\s*(rows?|b|kb|mb|gb|tb)$/i.exec(part.trim());
        if (!m)
            throw new Error(`"${value}" is not a size like "1000000 rows or 1 GB" (part "${part}")`);
        const n = Number((m[1] ?? '').replaceAll('_', ''));
        const unit = (m[2] ?? '').toLowerCase();
        if (unit.startsWith('row'))
            limit.rows = n;
        else
            limit.bytes = n * 1024 ** ['b', 'kb', 'mb', 'gb', 'tb'].indexOf(unit);
    }
    if (limit.rows === undefined && limit.bytes === undefined)
        throw new Error(`"${value}" gives no rows and no size`);
    return { rows: limit.rows ?? Number.POSITIVE_INFINITY, bytes: limit.bytes ?? Number.POSITIVE_INFINITY };
}
function describeSize(size) {
    const rows = size.rows === null ? 'rows unknown (never analysed)' : `~${size.rows.toLocaleString('en-US')} rows`;
    return `${rows}, ${formatBytes(size.bytes)}`;
}
function formatBytes(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let i = 0;
    while (value >= 1024 && i < units.length - 1) {
        value /= 1024;
        i++;
    }
    return `${i === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[i]}`;
}


/***/ }),

/***/ 4709:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MC: () => (/* binding */ decideNotification),
/* harmony export */   d6: () => (/* binding */ sanitizeSubjectText),
/* harmony export */   eV: () => (/* binding */ notificationSubject),
/* harmony export */   wF: () => (/* binding */ parseNotifyOn)
/* harmony export */ });
const notifyOnValues = ['drift', 'error', 'success', 'always', 'change'];
const defaultNotifyOn = 'drift,error';
/** Parses the notify-on input ("drift,error" default; "success"; "always"; "change"), naming the bad value on error. */
function parseNotifyOn(input) {
    const text = input.trim() === '' ? defaultNotifyOn : input;
    const result = new Set();
    for (const part of text.split(',')) {
        const value = part.trim().toLowerCase();
        if (value === '')
            continue;
        if (!notifyOnValues.includes(value)) {
            throw new Error(`Invalid notify-on: "${part.trim()}" is not one of ${notifyOnValues.join(', ')} (got "${input}")`);
        }
        result.add(value);
    }
    if (result.size === 0)
        throw new Error(`Invalid notify-on: "${input}" names no event`);
    return result;
}
/** Decides whether this report (or fleet report) alerts, given the previous stored report (null when there is none) and the policy. */
function decideNotification(report, previous, notifyOn, notifyOnSuccess) {
    // A synced report after a drift or error one tells subscribers the problem went away.
    const kind = report.status === 'synced'
        ? previous !== null && previous.status !== 'synced'
            ? 'resolved'
            : 'synced'
        : report.status;
    if (notifyOn.has('always'))
        return { send: true, kind, reason: 'notify-on includes always' };
    if (kind === 'drift' && notifyOn.has('drift'))
        return { send: true, kind, reason: 'drift detected' };
    if (kind === 'error' && notifyOn.has('error'))
        return { send: true, kind, reason: 'the check failed' };
    if (notifyOn.has('change')) {
        if (kind === 'resolved') {
            return { send: true, kind, reason: `drift cleared (previous report was ${previous?.status})` };
        }
        if (previous === null && kind !== 'synced') {
            return { send: true, kind, reason: 'no previous report to compare with' };
        }
        if (previous !== null && previous.fingerprint !== report.fingerprint) {
            return { send: true, kind, reason: 'fingerprint differs from the previous report' };
        }
    }
    // `success` (the old nightly job's NOTIFY_ON_SUCCESS): every in-sync run alerts, a resolved one included.
    if ((notifyOnSuccess || notifyOn.has('success')) && (kind === 'synced' || kind === 'resolved')) {
        return { send: true, kind, reason: 'notify-on includes success' };
    }
    const why = notifyOn.has('change') && previous !== null
        ? 'fingerprint unchanged since the previous report'
        : `notify-on "${[...notifyOn].join(',')}" does not cover status ${report.status}`;
    return { send: false, kind: 'none', reason: why };
}
const subjectLimit = 99;
const subjectPrefix = '[schema-drift] ';
const environmentLimit = 40;
/**
 * Printable ASCII only: SNS rejects control characters and line breaks in subjects, and some receivers rewrite
 * non-ASCII ones, so anything else (including bidi overrides in hostile names) becomes '?'.
 */
function sanitizeSubjectText(text) {
    return [...text]
        .map((char) => (/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char) ? ' ' : char))
        .map((char) => (/^[\x20-\x7e]$/.test(char) ? char : '?'))
        .join('')
        .replace(/ {2,}/g, ' ')
        .trim();
}
function cut(text, limit) {
    return text.length <= limit ? text : `${text.slice(0, limit - 3).trimEnd()}...`;
}
function stateText(report, kind) {
    const summary = report.version?.summary?.trim();
    const at = report.production_version ? ` at ${report.production_version}` : '';
    switch (kind) {
        case 'error':
            return `ERROR - state could not be determined${report.error ? ` (${report.error.stage})` : ''}`;
        case 'drift': {
            // The version may be in sync while the structure drifted: name whichever parts drifted.
            const parts = [
                report.version?.drift && summary ? summary : '',
                report.structure?.state === 'drifted' ? report.structure.summary : '',
            ].filter(Boolean);
            return parts.length ? parts.join('; ') : `drift detected (${report.version?.state ?? 'unknown'})`;
        }
        case 'resolved':
            return `drift resolved, in sync${at}`;
        case 'synced':
            return `in sync${at}`;
        case 'none':
            return report.status === 'synced' ? `in sync${at}` : report.status;
    }
}
/** ≤ 99 chars, no control characters, e.g. "[schema-drift] production: behind by 3 migrations". */
function notificationSubject(report, kind) {
    const environment = cut(sanitizeSubjectText(report.environment) || 'unknown', environmentLimit);
    // An error report is an error whatever kind the caller passes: never let a subject call it in sync.
    const effectiveKind = report.status === 'error' ? 'error' : kind;
    const subject = `${subjectPrefix}${environment}: ${sanitizeSubjectText(stateText(report, effectiveKind))}`;
    return cut(subject, subjectLimit);
}


/***/ }),

/***/ 9481:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
// The one way to turn a caught value into words for a user: the message only, never a stack trace.
/** The message of an Error (or its code or name when the message is empty), else the value as text. */
function errorMessage(error) {
    if (!(error instanceof Error))
        return typeof error === 'string' ? error : safeString(error);
    // Node reports a refused `localhost` (tried over IPv6 and IPv4) as an AggregateError with an empty message.
    if (error.message === '' && error instanceof AggregateError) {
        const inner = error.errors.map(errorMessage).filter(Boolean).join('; ');
        if (inner)
            return inner;
    }
    const code = error.code;
    return error.message || (typeof code === 'string' ? code : '') || error.name || 'unknown error';
}
function safeString(value) {
    try {
        return String(value);
    }
    catch {
        // Object.create(null) and objects with a throwing toString.
        return Object.prototype.toString.call(value);
    }
}


/***/ })

};
