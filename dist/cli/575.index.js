export const id = 575;
export const ids = [575];
export const modules = {

/***/ 4575:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkCommand: () => (/* binding */ checkCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/database/version-table.js
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
    }
    catch (error) {
        throw new Error(`Could not look up version table ${asked}: ${messageOf(error)}`);
    }
    const qualifiedName = found[0]?.qualified_name;
    if (qualifiedName === undefined)
        return { exists: false, versions: [], qualifiedName: asked };
    // Identifiers cannot be bound; quoteIdent on validated names (no NUL) cannot be escaped from.
    const target = schema === undefined ? quoteIdent(table) : `${quoteIdent(schema)}.${quoteIdent(table)}`;
    let rows;
    try {
        rows = await executor.query(`select version_num::text as version_num from ${target}`);
    }
    catch (error) {
        throw new Error(`Could not read version table ${qualifiedName}: ${messageOf(error)}`);
    }
    const versions = rows
        .map((row) => row.version_num)
        .filter((value) => typeof value === 'string')
        .sort();
    return { exists: true, versions, qualifiedName };
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
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./lib/migrations/graph.js
var migrations_graph = __webpack_require__(4705);
;// CONCATENATED MODULE: ./lib/drift/version.js
// The version verdict: where the database's applied Alembic revisions stand against the repository's graph.

/** Decides the version state; pure, so every state is unit-testable without a database. */
function decideVersion(graph, applied, options) {
    const heads = [...graph.heads];
    const versions = [...applied.versions].sort();
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
    });
    const cycle = graph.findings.find((f) => f.kind === 'cycle');
    if (cycle)
        return section('error', `the migration graph has a cycle: ${cycle.message}`);
    if (heads.length === 0)
        return section('error', 'the repository has no head revision');
    const target = (0,migrations_graph/* ancestors */.T1)(graph, heads);
    const toPending = (ids) => (0,migrations_graph/* inApplyOrder */.ub)(graph, ids).map((r) => pendingItem(r, options));
    if (!applied.exists || versions.length === 0) {
        // A missing table is more often a wrong database or table name than a fresh database: say where to look.
        const why = applied.exists
            ? `${applied.qualifiedName} is empty`
            : `${applied.qualifiedName} does not exist (a fresh database, the wrong database, or check the version-table / version-table-schema inputs)`;
        return section('uninitialized', `uninitialized: ${why}`, toPending(target));
    }
    const unknown = versions.filter((v) => !graph.revisions.has(v));
    if (unknown.length > 0) {
        const n = unknown.length;
        return section('ahead', `ahead: the database has ${n} revision${n === 1 ? '' : 's'} the repository lacks (${unknown.join(', ')})`, [], unknown);
    }
    const done = (0,migrations_graph/* ancestors */.T1)(graph, versions);
    const pending = toPending([...target].filter((id) => !done.has(id)));
    if (heads.length > 1) {
        return section('branched', `branched: the repository has ${heads.length} heads (${heads.join(', ')})`, pending);
    }
    const offBranch = versions.filter((v) => !target.has(v));
    if (offBranch.length > 0) {
        return section('branched', `branched: the database is on ${offBranch.join(', ')}, which the repository head ${heads[0]} does not include`, pending);
    }
    if (pending.length === 0)
        return section('synced', `in sync at ${versions.join(', ')}`);
    const n = pending.length;
    const inGrace = pending.filter((p) => p.within_grace).length;
    const graceNote = inGrace === 0 ? '' : inGrace === n ? ' (all within pending-grace)' : ` (${inGrace} within pending-grace)`;
    return section('behind', `behind by ${n} migration${n === 1 ? '' : 's'}${graceNote}`, pending);
}
function pendingItem(revision, options) {
    const added = options.addedAt.get(revision.file) ?? null;
    const ageMs = added ? options.now.getTime() - added.getTime() : Number.POSITIVE_INFINITY;
    return {
        revision: revision.id,
        down_revisions: revision.downRevisions,
        file: revision.file,
        line: revision.line,
        message: revision.message,
        added_at: added ? added.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
        within_grace: options.pendingGraceMinutes > 0 && ageMs < options.pendingGraceMinutes * 60_000,
    };
}

// EXTERNAL MODULE: ./lib/migrations/load.js + 5 modules
var load = __webpack_require__(1035);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/report/fingerprint.js
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
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(state)).digest('hex');
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

;// CONCATENATED MODULE: ./lib/report/build.js

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
    return { ...withoutFingerprint, fingerprint: fingerprintOf(withoutFingerprint) };
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/catalog/snapshot.js + 3 modules
var snapshot = __webpack_require__(8649);
// EXTERNAL MODULE: ./lib/drift/ignore-rules.js
var ignore_rules = __webpack_require__(7507);
// EXTERNAL MODULE: ./lib/drift/structure.js + 1 modules
var structure = __webpack_require__(6610);
;// CONCATENATED MODULE: ./lib/structure-check.js
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
/** Ignore rules from the `config` input, or `.schema-drift.yml` at the root when it exists. */
async function readIgnoreRules(root, file) {
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
    return (0,ignore_rules/* parseIgnoreRules */.R)(text, (0,external_node_path_.relative)(root, path).split('\\').join('/'));
}
async function expectedSnapshot(config, root, productionVersions, productionVersion, deps) {
    switch (config.expected) {
        case 'snapshot': {
            const path = (0,external_node_path_.resolve)(root, config.snapshotFile);
            let text;
            try {
                text = await (0,promises_.readFile)(path, 'utf8');
            }
            catch (error) {
                throw new Error(`Could not read snapshot-file "${config.snapshotFile}": ${error.message}`);
            }
            return { snapshot: (0,snapshot/* parseSnapshot */.E$)(text, config.snapshotFile), location: config.snapshotFile };
        }
        case 'baseline': {
            const baseline = await deps.loadBaseline();
            if (!baseline)
                return { skip: 'no baseline yet: this run records the first one' };
            if (baseline.productionVersion !== productionVersion) {
                return {
                    skip: `the version moved from ${baseline.productionVersion ?? '(none)'} to ${productionVersion ?? '(none)'} since the baseline; this run records a new one`,
                };
            }
            return { snapshot: (0,snapshot/* parseSnapshot */.E$)(baseline.text, baseline.location), location: baseline.location };
        }
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
                return { snapshot: await (0,snapshot/* takeSnapshot */.W9)(reference), location: deps.describeReference(url) };
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
    const actual = await (0,snapshot/* takeSnapshot */.W9)(input.executor);
    const productionVersion = input.productionVersions.length ? [...input.productionVersions].sort().join(',') : null;
    const expected = await expectedSnapshot(config, input.root, input.productionVersions, productionVersion, input.deps);
    if ('skip' in expected)
        return { section: skipped(config.expected, expected.skip, actual), actual, findings: [] };
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
    return { section, actual, findings: diff.warnings };
}

;// CONCATENATED MODULE: ./lib/check.js
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
        const loaded = await stage('migrations', 'Could not read migrations', () => (0,load/* loadMigrationGraph */.v)(root, config.migrations));
        graph = loaded.graph;
        const shown = (p) => (0,external_node_path_.relative)(root, p).split('\\').join('/') || '.';
        migrationsSource = loaded.location.iniPath
            ? shown(loaded.location.iniPath)
            : loaded.location.versionLocations.map(shown).join(', ');
        findings.push(...graph.findings);
        log(`Read ${graph.revisions.size} revisions; heads: ${graph.heads.join(', ') || '(none)'}`);
        const target = config.database;
        if (!target)
            throw new StageError('config', 'No database to check: set database-url or lambda-function');
        executor = await stage('database', `Could not open ${databaseSource}`, () => deps.openExecutor(target));
        databaseSource = executor.describe();
        const opened = executor;
        applied = await stage('database', `Could not read the version table from ${databaseSource}`, () => readVersionTable(opened, { table: config.versionTable, schema: config.versionTableSchema }));
        log(`Database ${databaseSource}: ${applied.exists ? applied.versions.join(', ') || '(empty)' : '(no version table)'}`);
        const currentGraph = graph;
        const appliedVersions = applied;
        version = await stage('version', 'Could not decide the version state', async () => {
            let addedAt = new Map();
            if (config.pendingGraceMinutes > 0) {
                const added = await deps.readAddedTimes(root, loaded.location.versionLocations);
                addedAt = added.times;
                if (added.unavailable) {
                    findings.push({
                        severity: 'warning',
                        kind: 'pending-grace-unavailable',
                        message: `pending-grace is ignored: ${added.unavailable}`,
                    });
                }
            }
            return decideVersion(currentGraph, appliedVersions, {
                pendingGraceMinutes: config.pendingGraceMinutes,
                now: deps.now(),
                addedAt,
            });
        });
        if (version.state === 'error')
            error = { stage: 'version', message: version.summary };
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
    const report = buildReport({
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

// EXTERNAL MODULE: ./lib/config/config.js
var config_config = __webpack_require__(8674);
// EXTERNAL MODULE: ./lib/version.js
var version = __webpack_require__(3411);
;// CONCATENATED MODULE: ./lib/config/run-info.js

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
        tool_version: version/* TOOL_VERSION */.w,
    };
}

// EXTERNAL MODULE: ./lib/database/open.js + 4 modules
var database_open = __webpack_require__(9917);
// EXTERNAL MODULE: ./lib/database/pglite.js
var pglite = __webpack_require__(3392);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./lib/git/added-times.js
// When each migration file entered the branch, from git history — the clock behind pending-grace.




const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** One `git log` over the given folders; a shallow clone is refused because its oldest commit "adds" every file. */
async function readAddedTimes(root, folders) {
    const times = new Map();
    const git = (cwd, args) => run('git', ['-C', cwd, ...args], { maxBuffer: 256 * 1024 * 1024 });
    try {
        const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim();
        if (shallow === 'true') {
            return { times, unavailable: 'the checkout is shallow; set `fetch-depth: 0` on actions/checkout' };
        }
        const top = (await git(root, ['rev-parse', '--show-toplevel'])).stdout.trim();
        // git prints real paths from the top level; compare like with like even when root sits behind a symlink.
        const realRoot = await (0,promises_.realpath)(root);
        const paths = await Promise.all(folders.map(async (f) => (0,external_node_path_.relative)(top, await (0,promises_.realpath)(f)) || '.'));
        // Newest first: the last time we see a path is the commit that first added it.
        const { stdout } = await git(top, [
            'log',
            '--diff-filter=A',
            '--format=%x00%ct',
            '--name-only',
            '--no-renames',
            '--',
            ...paths,
        ]);
        let when = null;
        for (const line of stdout.split('\n')) {
            if (line.startsWith('\0'))
                when = new Date(Number(line.slice(1)) * 1000);
            else if (line && when)
                times.set((0,external_node_path_.relative)(realRoot, (0,external_node_path_.join)(top, line)).split('\\').join('/'), when);
        }
        return { times, unavailable: null };
    }
    catch (error) {
        const message = error.stderr?.trim() || error.message;
        return { times, unavailable: `git history could not be read in ${root}: ${message.split('\n')[0]}` };
    }
}

;// CONCATENATED MODULE: ./lib/report/limits.js
// Size limits of the places a rendering goes, and the helpers renderers use to stay inside them.
// Sizes are measured in UTF-8 bytes: never fewer than characters, so a byte budget also holds for character limits.
/** GitHub's documented limits (step summary per step, check run output, issue/PR comment body). */
const GITHUB_LIMITS = {
    stepSummaryBytes: 1024 * 1024,
    checkRunSummaryChars: 65_535,
    commentChars: 65_536,
    annotationTitleChars: 255,
    annotationsPerRequest: 50,
};
/** SNS rejects messages over 256 KiB (body and attributes together). */
const SNS_MESSAGE_MAX_BYTES = 256 * 1024;
/** Default Markdown budget: the step summary limit with room for whatever else the step appends. */
const DEFAULT_MARKDOWN_MAX_BYTES = GITHUB_LIMITS.stepSummaryBytes - 16 * 1024;
/** Default plain-text budget: safely below SNS's limit, leaving room for the subject and message attributes. */
const DEFAULT_TEXT_MAX_BYTES = SNS_MESSAGE_MAX_BYTES - 16 * 1024;
function utf8Length(value) {
    return Buffer.byteLength(value, 'utf8');
}
/** Cuts `value` to at most `maxBytes` UTF-8 bytes (marker included) at a code point boundary. */
function truncateUtf8(value, maxBytes, marker = '\n… truncated\n') {
    if (utf8Length(value) <= maxBytes)
        return value;
    const room = maxBytes - utf8Length(marker);
    if (room <= 0)
        return sliceToBytes(marker, maxBytes);
    return sliceToBytes(value, room) + marker;
}
function sliceToBytes(value, maxBytes) {
    let bytes = 0;
    let end = 0;
    for (const char of value) {
        const size = utf8Length(char);
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        end += char.length;
    }
    return value.slice(0, end);
}
/** Shortens one value to `maxChars` characters, ending with '…' when cut. */
function clip(value, maxChars) {
    const chars = Array.from(value);
    return chars.length <= maxChars ? value : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}
/**
 * Renders with the largest list limit (0..`largest`) whose output fits `maxBytes`, so every list is cut evenly
 * rather than the first one starving the rest; falls back to a hard cut when even empty lists do not fit.
 */
function fitToBudget(render, largest, maxBytes) {
    const full = render(largest);
    if (utf8Length(full) <= maxBytes)
        return full;
    let low = 0;
    let high = largest - 1;
    let best = null;
    while (low <= high) {
        const mid = Math.floor((low + high) / 2);
        const out = render(mid);
        if (utf8Length(out) <= maxBytes) {
            best = out;
            low = mid + 1;
        }
        else {
            high = mid - 1;
        }
    }
    return best ?? truncateUtf8(render(0), maxBytes);
}

;// CONCATENATED MODULE: ./lib/report/text.js


const LIST_CAPS = { pending: 500, unknown: 200, findings: 50, differences: 200, notices: 50, ignored: 100 };
/** A fix-up SQL statement longer than this is cut at a line (a CREATE FUNCTION can be long); the JSON has it whole. */
const FIX_SQL_MAX_CHARS = 2000;
const VALUE_MAX_CHARS = 500;
const ERROR_MAX_CHARS = 4000;
/** One-line headline, e.g. "production: behind by 3 migrations" / "production: in sync at 20251230_1900". */
function headline(report) {
    const env = oneLine(report.environment);
    const version = report.version;
    let what;
    if (report.status === 'error' || version === null || version.state === 'error') {
        what = `could not determine the state (${oneLine(report.error?.stage ?? 'version')} error)`;
    }
    else {
        const pending = version.pending.length;
        switch (version.state) {
            case 'synced':
                what = `in sync at ${oneLine(report.production_version ?? '(none)')}`;
                break;
            case 'behind':
                what = version.drift
                    ? `behind by ${plural(pending, 'migration')}`
                    : `${plural(pending, 'migration')} pending within grace`;
                break;
            case 'ahead':
                what = `ahead: ${plural(version.unknown.length, 'revision')} unknown to the repository`;
                break;
            case 'branched':
                what =
                    version.codebase_heads.length > 1
                        ? `branched: the repository has ${version.codebase_heads.length} heads`
                        : 'branched: the database is on a branch the repository head does not include';
                break;
            case 'uninitialized':
                what = 'uninitialized: no Alembic version recorded';
                break;
        }
        what += structuralHeadline(report.structure);
    }
    return clip(`${env}: ${what}`, 200);
}
// Short on purpose: the headline is also a mail subject, 84 characters after "[schema-drift] ".
function structuralHeadline(structure) {
    if (structure?.state !== 'drifted')
        return '';
    const security = structure.differences.filter((d) => d.severity === 'security').length;
    return `; ${plural(structure.differences.length, 'structural difference')}${security > 0 ? ` (${security} security)` : ''}`;
}
/** What a person should do about this report's state, one paragraph per entry. */
function whatToDo(report) {
    const version = report.version;
    if (report.status === 'error' || version === null || version.state === 'error') {
        return [
            'The state could not be determined. This is not a pass: never treat it as synced.',
            `Fix the cause named by the error (stage "${oneLine(report.error?.stage ?? 'version')}") and run the check again.`,
        ];
    }
    const structure = report.structure;
    if (structure?.state !== 'drifted')
        return versionAdvice(report, version);
    const advice = version.state === 'synced'
        ? [
            'The version table is at the repository head, but the live catalog differs from the expected schema: a change made outside the migrations?',
        ]
        : versionAdvice(report, version);
    if (structure.differences.some((d) => d.severity === 'security')) {
        advice.push('Start with the security differences (grants, row-level security, policies, security definer, security_invoker): they decide who can read or change data.');
    }
    advice.push('Review each structural difference. Apply its fix-up SQL through a new migration, so the repository records it, ' +
        'or add an ignore rule with a reason and an expiry date in `.schema-drift.yml` (input `config`).');
    return advice;
}
function versionAdvice(report, version) {
    switch (version.state) {
        case 'synced':
            return [
                report.structure?.state === 'clean'
                    ? 'Nothing to do: the database is at the repository head and its catalog matches the expected schema.'
                    : 'Nothing to do: the database is at the repository head.',
            ];
        case 'behind':
            if (!version.drift) {
                return [
                    `The pending migrations entered the branch less than ${version.pending_grace_minutes} minutes ago (a deploy in flight?). ` +
                        'They are reported as drift if they are still pending after that.',
                ];
            }
            return [
                'Deploy the pending migrations: run `alembic upgrade head` against this database (or the deploy that does it), then run the check again.',
            ];
        case 'ahead':
            return [
                'The database has revisions the repository lacks: a rollback of the code, or a branch deployed from elsewhere.',
                'Find the branch that holds those revisions and merge it, or downgrade the database deliberately.',
            ];
        case 'branched':
            return [
                'The revision history has diverged. If the repository has several heads, create a merge revision with `alembic merge heads` and deploy it.',
                'If the database sits on another branch, find the deploy that put it there.',
            ];
        case 'uninitialized':
            return [
                'The version table is missing or empty: is this the right database and schema (inputs version-table, version-table-schema)?',
                'If the schema was created outside Alembic, record its revision with `alembic stamp`.',
            ];
        case 'error':
            return [];
    }
}
/** What an error at each pipeline stage means for the reader. */
function errorMeaning(stage) {
    const meanings = {
        config: 'the inputs are invalid, so nothing was checked',
        migrations: "the repository's migrations could not be read",
        credentials: 'no AWS credentials could be had (OIDC token or role assumption), so the database was not reached',
        database: 'the database could not be reached or queried',
        version: "the database's version could not be compared with the repository",
        structure: 'the live catalog could not be compared with the expected schema',
        publish: 'the result could not be stored or sent',
        internal: 'an unexpected error stopped the check',
    };
    return meanings[stage] ?? 'the check stopped before the state was known';
}
/** Plain text for an email (SNS): what was found, pending/unknown revisions, run URL, report location, what to do. */
function renderText(report, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_TEXT_MAX_BYTES;
    const largest = Math.max(LIST_CAPS.pending, LIST_CAPS.unknown, LIST_CAPS.findings);
    return fitToBudget((limit) => textWithLimit(report, options.reportLocation, limit), largest, maxBytes);
}
function textWithLimit(report, reportLocation, limit) {
    const v = report.version;
    const out = [headline(report), ''];
    const facts = [
        ['Status', statusText(report)],
        ['Environment', report.environment],
        ['Codebase head', report.codebase_head ?? '(none)'],
        ['Production version', report.production_version ?? '(none)'],
        ['Database', report.source.database],
        ['Migrations', `${report.source.migrations} (${plural(report.source.revisions, 'revision')})`],
    ];
    if (v !== null)
        facts.push(['Version table', v.version_table]);
    facts.push(['Checked at', report.timestamp]);
    for (const [label, value] of facts)
        out.push(`${`${label}:`.padEnd(20)}${value1(value)}`);
    if (report.error !== null) {
        out.push('', 'Error:');
        out.push(`  Stage: ${value1(report.error.stage)}`);
        out.push(`  Message: ${clip(oneLine(report.error.message), ERROR_MAX_CHARS)}`);
        out.push(`  What it means: ${errorMeaning(report.error.stage)}; the state could not be determined.`);
    }
    if (v !== null && v.pending.length > 0) {
        out.push('', `Pending migrations (${v.pending.length}, in apply order):`);
        const shown = v.pending.slice(0, Math.min(limit, LIST_CAPS.pending));
        shown.forEach((p, i) => {
            out.push(`  ${i + 1}. ${value1(p.revision)}  ${value1(p.message) || '(no message)'}`);
            out.push(`     ${value1(p.file)}:${p.line} · ${addedText(p)}`);
        });
        more(out, v.pending.length - shown.length);
    }
    if (v !== null && v.unknown.length > 0) {
        out.push('', 'Unknown revisions (in the database, not in the repository):');
        const shown = v.unknown.slice(0, Math.min(limit, LIST_CAPS.unknown));
        for (const id of shown)
            out.push(`  - ${value1(id)}`);
        more(out, v.unknown.length - shown.length);
    }
    if (report.structure !== null)
        structureText(out, report.structure, limit);
    if (report.findings.length > 0) {
        const ordered = bySeverity(report.findings);
        out.push('', `Findings (${ordered.length}):`);
        const shown = ordered.slice(0, Math.min(limit, LIST_CAPS.findings));
        for (const f of shown)
            out.push(`  [${f.severity}] ${value1(f.kind)}: ${value1(f.message)}${whereText(f)}`);
        more(out, ordered.length - shown.length);
    }
    out.push('', 'What to do:');
    for (const line of whatToDo(report))
        out.push(`  ${line}`);
    out.push('');
    if (report.run.run_url !== '')
        out.push(`Run: ${value1(report.run.run_url)}`);
    if (reportLocation !== undefined)
        out.push(`Report: ${value1(reportLocation)}`);
    const commit = [
        report.run.repository,
        report.run.sha && `at ${report.run.sha}`,
        report.run.ref && `(${report.run.ref})`,
    ]
        .filter((part) => part !== '')
        .map(value1)
        .join(' ');
    if (commit !== '')
        out.push(`Commit: ${commit}`);
    out.push(`Trigger: ${value1(report.run.trigger)}`);
    if (report.run.tool_version !== '')
        out.push(`Tool: schema-drift-action ${value1(report.run.tool_version)}`);
    out.push(`Fingerprint: ${report.fingerprint}`);
    return `${out.join('\n')}\n`;
}
function statusText(report) {
    const states = [
        report.version === null ? null : `version state: ${report.version.state}`,
        report.structure === null ? null : `structure: ${report.structure.state}`,
    ].filter((state) => state !== null);
    return states.length === 0 ? report.status : `${report.status} (${states.join(', ')})`;
}
function more(out, hidden, indent = '  ') {
    if (hidden > 0)
        out.push(`${indent}… and ${hidden} more`);
}
function structureText(out, s, limit) {
    out.push('', `Structure: ${value1(s.state)} — ${value1(s.summary)}`);
    const location = s.expected_location === null ? '' : ` ${value1(s.expected_location)}`;
    out.push(`  Expected from:    ${value1(s.expected_source)}${location}`);
    if (s.expected_fingerprint !== null || s.actual_fingerprint !== null) {
        out.push(`  Fingerprints:     expected ${shortHash(s.expected_fingerprint)}, actual ${shortHash(s.actual_fingerprint)}`);
    }
    if (s.stats !== null)
        out.push(`  Catalog read in:  ${statsText(s.stats)}`);
    const explanation = structureStateExplanation(s);
    if (explanation !== null)
        out.push(`  ${explanation}`);
    const differences = structureBySeverity(s.differences);
    const shown = differences.slice(0, Math.min(limit, LIST_CAPS.differences));
    let current = null;
    for (const d of shown) {
        if (d.severity !== current) {
            current = d.severity;
            const total = differences.filter((x) => x.severity === current).length;
            out.push('', `  ${STRUCTURE_SEVERITY_TITLES[current] ?? value1(current)} (${total}):`);
        }
        differenceText(out, d);
    }
    more(out, differences.length - shown.length, '    ');
    if (s.notices.length > 0) {
        out.push('', `  Notices (${s.notices.length}, not drift):`);
        const notices = s.notices.slice(0, Math.min(limit, LIST_CAPS.notices));
        for (const d of notices)
            out.push(`    - ${differenceTitle(d, value1)}: ${valueText(d.expected)} → ${valueText(d.actual)}`);
        more(out, s.notices.length - notices.length, '    ');
    }
    if (s.ignored.length > 0) {
        out.push('', `  Ignored by rules (${s.ignored.length}):`);
        const ignored = s.ignored.slice(0, Math.min(limit, LIST_CAPS.ignored));
        for (const i of ignored) {
            const attribute = i.attribute === null ? '' : ` (${value1(i.attribute)})`;
            const expires = i.expires === null ? 'no expiry' : `expires ${value1(i.expires)}`;
            out.push(`    - ${value1(i.kind)} ${value1(i.object)}${attribute}: ${value1(i.reason)}; ${expires}`);
        }
        more(out, s.ignored.length - ignored.length, '    ');
    }
}
function differenceText(out, d) {
    out.push(`    - ${differenceTitle(d, value1)}`);
    out.push(`      expected: ${valueText(d.expected)}`);
    out.push(`      actual:   ${valueText(d.actual)}`);
    out.push('      fix-up SQL:');
    for (const line of fixSqlLines(d.fix_sql))
        out.push(`        ${line}`);
}
function valueText(value) {
    const shown = attrText(value);
    return shown === null ? '(none)' : value1(shown);
}
function shortHash(hash) {
    return hash === null ? '(none)' : value1(hash.slice(0, 12));
}
/** Severity titles, for renderers that group differences. */
const STRUCTURE_SEVERITY_TITLES = {
    security: 'Security',
    breaking: 'Breaking',
    cosmetic: 'Cosmetic',
};
/**
 * "missing privilege public.documents" / "changed column public.t.c, attribute type": words made safe by `word`,
 * names (object, attribute) by `name`.
 */
function differenceTitle(d, word, name = word) {
    const attribute = d.attribute === null ? '' : `, attribute ${name(d.attribute)}`;
    return `${word(d.change)} ${word(d.kind)} ${name(d.object)}${attribute}`;
}
/** Differences ordered security, breaking, cosmetic; the given order (kind, object) is kept within a severity. */
function structureBySeverity(differences) {
    const rank = (severity) => {
        const index = structure/* SEVERITIES */.oC.indexOf(severity);
        return index === -1 ? structure/* SEVERITIES */.oC.length : index;
    };
    return [...differences].sort((a, b) => rank(a.severity) - rank(b.severity));
}
/** An attribute value as one string (lists joined with ", "); null when there is no value. */
function attrText(value) {
    if (value === null)
        return null;
    return Array.isArray(value) ? value.join(', ') : String(value);
}
/**
 * Fix-up SQL as display lines: every line break (CR included) splits, other control characters and bidi overrides
 * (which could make a name read differently from what runs) become U+FFFD, and a long statement is cut at a line
 * with a SQL comment saying how much is left out.
 */
function fixSqlLines(sql, maxChars = FIX_SQL_MAX_CHARS) {
    const text = sql
        .replace(/\r\n?/g, '\n')
        .replace(/(?![\t\n])[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu, '\uFFFD');
    const lines = text.split('\n');
    const kept = [];
    let used = 0;
    for (const line of lines) {
        if (used + line.length > maxChars) {
            // A first line longer than the budget is clipped rather than dropped, so the statement's start still shows.
            if (kept.length === 0) {
                kept.push(clip(line, maxChars));
                used = maxChars - 1;
            }
            kept.push(`-- … ${text.length - used} more characters in the JSON report`);
            return kept;
        }
        kept.push(line);
        used += line.length + 1;
    }
    return kept;
}
/** What a state other than drifted means, or null when the counts say it all. */
function structureStateExplanation(s) {
    switch (s.state) {
        case 'skipped':
            return s.expected_source === 'baseline'
                ? 'Nothing was compared: this run recorded the live catalog as the baseline, and the next run compares with it.'
                : 'Nothing was compared: there was no expected schema to compare with.';
        case 'error':
            return 'The structure check could not be made (see the error): the catalog is not known to match.';
        case 'clean':
            return s.notices.length > 0
                ? 'The live catalog matches the expected schema, apart from the notices below.'
                : 'The live catalog matches the expected schema.';
        case 'drifted':
            return null;
    }
}
/** "9 queries, largest response 12.1 KiB, 44.6 KiB in all". */
function statsText(stats) {
    const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
    return `${plural(stats.queries, 'query', 'queries')}, largest response ${kib(stats.largest_response_bytes)}, ${kib(stats.total_response_bytes)} in all`;
}
function addedText(p) {
    const added = p.added_at === null ? 'added: unknown' : `added ${value1(p.added_at)}`;
    return p.within_grace ? `${added} (within grace)` : added;
}
function whereText(f) {
    if (f.file === undefined)
        return '';
    return ` (${value1(f.file)}${f.line === undefined ? '' : `:${f.line}`})`;
}
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/** Findings ordered error, warning, notice; the original order is kept within a severity. */
function bySeverity(findings) {
    return [...findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
}
/** Control characters (newlines included) become spaces, so a value from the repository or database stays on one line. */
function oneLine(value) {
    return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}
function value1(value) {
    return clip(oneLine(value), VALUE_MAX_CHARS);
}
function plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}

;// CONCATENATED MODULE: ./lib/report/html.js

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
function escapeHtml(value) {
    return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa}code,pre{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace}pre{white-space:pre-wrap;margin:0}
.badge{display:inline-block;border-radius:1rem;padding:.1rem .7rem;color:#fff;font-weight:600}
.synced{background:#1a7f37}.drift{background:#bf8700}.error{background:#cf222e}
.security{color:#cf222e;font-weight:600}.breaking{color:#bc4c00;font-weight:600}.cosmetic{color:#57606a}
footer{margin-top:2rem;color:#57606a;font-size:12px}`;
const cell = (value) => `<td>${escapeHtml(value)}</td>`;
const codeCell = (value) => `<td><code>${escapeHtml(value)}</code></td>`;
const shown = (value) => (Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value));
function factsTable(report) {
    const rows = [
        ['Status', `${report.status}${report.version ? ` (${report.version.state})` : ''}`, false],
        ['Environment', report.environment, true],
        ['Codebase head', report.codebase_head ?? '—', true],
        ['Production version', report.production_version ?? '—', true],
        ['Database', report.source.database, true],
        ['Migrations', `${report.source.migrations} (${report.source.revisions} revisions)`, true],
        ['Checked at', report.timestamp, false],
        ['Fingerprint', report.fingerprint, true],
    ];
    return `<table>${rows.map(([k, v, c]) => `<tr><th>${escapeHtml(k)}</th>${c ? codeCell(v) : cell(v)}</tr>`).join('')}</table>`;
}
function pendingSection(report) {
    const pending = report.version?.pending ?? [];
    if (pending.length === 0)
        return '';
    const rows = pending
        .map((p, i) => `<tr>${cell(i + 1)}${codeCell(p.revision)}${cell(p.message)}${codeCell(`${p.file}:${p.line}`)}${cell(p.within_grace ? `${p.added_at} (within grace)` : (p.added_at ?? 'unknown'))}</tr>`)
        .join('');
    return `<h2>Pending migrations (${pending.length}, in apply order)</h2><table><tr><th>#</th><th>Revision</th><th>Message</th><th>File</th><th>Added</th></tr>${rows}</table>`;
}
function differenceRows(differences) {
    return differences
        .map((d) => `<tr><td class="${escapeHtml(d.severity)}">${escapeHtml(d.severity)}</td>${cell(d.change)}${cell(d.kind)}${codeCell(d.object)}${codeCell(d.attribute ?? '—')}${codeCell(shown(d.expected))}${codeCell(shown(d.actual))}<td><pre>${escapeHtml(d.fix_sql)}</pre></td></tr>`)
        .join('');
}
function structureSection(report) {
    const s = report.structure;
    if (!s)
        return '';
    const head = '<tr><th>Severity</th><th>Change</th><th>Kind</th><th>Object</th><th>Attribute</th><th>Expected</th><th>Actual</th><th>Fix-up SQL</th></tr>';
    const parts = [
        `<h2>Structure: ${escapeHtml(s.state)}</h2>`,
        `<p>${escapeHtml(s.summary)} — expected from <b>${escapeHtml(s.expected_source)}</b>${s.expected_location ? ` <code>${escapeHtml(s.expected_location)}</code>` : ''}.</p>`,
    ];
    if (s.differences.length)
        parts.push(`<table>${head}${differenceRows(s.differences)}</table>`);
    if (s.notices.length)
        parts.push(`<h3>Notices</h3><table>${head}${differenceRows(s.notices)}</table>`);
    if (s.ignored.length) {
        parts.push(`<h3>Ignored by rules (${s.ignored.length})</h3><table><tr><th>Kind</th><th>Object</th><th>Reason</th><th>Expires</th></tr>${s.ignored
            .map((i) => `<tr>${cell(i.kind)}${codeCell(i.object)}${cell(i.reason)}${cell(i.expires ?? '—')}</tr>`)
            .join('')}</table>`);
    }
    return parts.join('\n');
}
function findingsSection(findings) {
    if (findings.length === 0)
        return '';
    const rows = bySeverity(findings)
        .map((f) => `<tr>${cell(f.severity)}${cell(f.kind)}${cell(f.message)}${codeCell(f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '—')}</tr>`)
        .join('');
    return `<h2>Findings (${findings.length})</h2><table><tr><th>Severity</th><th>Kind</th><th>Message</th><th>Where</th></tr>${rows}</table>`;
}
/** The whole report as one HTML document. */
function renderHtml(report) {
    const runLink = /^https?:\/\//.test(report.run.run_url)
        ? `<a href="${escapeHtml(report.run.run_url)}">${escapeHtml(report.run.run_url)}</a>`
        : escapeHtml(report.run.trigger);
    const unknown = report.version?.unknown.length
        ? `<h2>Revisions the repository lacks</h2><ul>${report.version.unknown.map((u) => `<li><code>${escapeHtml(u)}</code></li>`).join('')}</ul>`
        : '';
    const error = report.error
        ? `<h2>Error</h2><p><b>${escapeHtml(report.error.stage)}</b>: ${escapeHtml(report.error.message)}</p><p>${escapeHtml(errorMeaning(report.error.stage))}</p>`
        : '';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`schema-drift: ${headline(report)}`)}</title><style>${STYLE}</style></head>
<body>
<h1><span class="badge ${escapeHtml(report.status)}">${escapeHtml(report.status)}</span> ${escapeHtml(headline(report))}</h1>
${factsTable(report)}
${error}
${pendingSection(report)}
${unknown}
${structureSection(report)}
${findingsSection(report.findings)}
<h2>What to do</h2><ul>${whatToDo(report)
        .map((line) => `<li>${escapeHtml(line)}</li>`)
        .join('')}</ul>
<footer>Run: ${runLink} · ${escapeHtml(report.run.tool_version ? `schema-drift-action ${report.run.tool_version}` : '')}</footer>
</body></html>
`;
}

;// CONCATENATED MODULE: ./lib/report/markdown.js


const markdown_LIST_CAPS = { pending: 1000, unknown: 200, findings: 100, differences: 500, notices: 100, ignored: 200 };
const markdown_VALUE_MAX_CHARS = 300;
const markdown_ERROR_MAX_CHARS = 4000;
const ICONS = { synced: '✅', drift: '❌', error: '🛑' };
const SEVERITY_TITLES = { error: 'Errors', warning: 'Warnings', notice: 'Notices' };
/** Job-summary Markdown; at most `maxLength` UTF-8 bytes (so also characters), cutting lists with "… and N more". */
function renderMarkdown(report, options = {}) {
    const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_BYTES;
    const largest = Math.max(...Object.values(markdown_LIST_CAPS));
    return fitToBudget((limit) => markdownWithLimit(report, limit), largest, maxLength);
}
function markdownWithLimit(report, limit) {
    const v = report.version;
    const out = [`## ${ICONS[report.status] ?? ''} ${escapeMarkdown(headline(report))}`, ''];
    const s = report.structure;
    const states = [
        v === null ? null : escapeMarkdown(v.state),
        s === null ? null : `structure ${escapeMarkdown(s.state)}`,
    ];
    const shownStates = states.filter((state) => state !== null);
    const facts = [
        ['Status', `**${report.status}**${shownStates.length > 0 ? ` (${shownStates.join(', ')})` : ''}`],
        ['Environment', code(report.environment)],
        ['Codebase head', idList(report.codebase_head)],
        ['Production version', idList(report.production_version)],
        ['Database', code(report.source.database)],
        ['Migrations', `${code(report.source.migrations)} (${markdown_plural(report.source.revisions, 'revision')})`],
    ];
    if (v !== null) {
        facts.push(['Version table', code(v.version_table)]);
        if (v.pending.length > 0)
            facts.push(['Pending', String(v.pending.length)]);
        if (v.unknown.length > 0)
            facts.push(['Unknown', String(v.unknown.length)]);
    }
    if (s !== null)
        facts.push(['Structure', escapeMarkdown(s.summary)]);
    facts.push(['Checked at', escapeMarkdown(report.timestamp)]);
    out.push('| | |', '|---|---|');
    for (const [label, value] of facts)
        out.push(`| ${label} | ${value} |`);
    if (report.error !== null) {
        out.push('', '### Error', '');
        out.push(`The **${escapeMarkdown(report.error.stage)}** stage failed: ${escapeMarkdown(errorMeaning(report.error.stage))}.`);
        out.push('');
        out.push(`> ${escapeMarkdown(clip(report.error.message, markdown_ERROR_MAX_CHARS))}`);
    }
    out.push('', '### What to do', '');
    for (const line of whatToDo(report))
        out.push(escapeAdvice(line), '');
    out.pop();
    if (v !== null && v.pending.length > 0) {
        out.push('', `### Pending migrations (${v.pending.length}, in apply order)`, '');
        out.push('| # | Revision | Message | File | Added |', '|---:|---|---|---|---|');
        const shown = v.pending.slice(0, Math.min(limit, markdown_LIST_CAPS.pending));
        shown.forEach((p, i) => {
            out.push(`| ${i + 1} | ${code(p.revision)} | ${escapeMarkdown(p.message)} | ${code(`${p.file}:${p.line}`)} | ${added(p)} |`);
        });
        markdown_more(out, v.pending.length - shown.length);
    }
    if (v !== null && v.unknown.length > 0) {
        out.push('', `### Unknown revisions (${v.unknown.length}: in the database, not in the repository)`, '');
        const shown = v.unknown.slice(0, Math.min(limit, markdown_LIST_CAPS.unknown));
        for (const id of shown)
            out.push(`- ${code(id)}`);
        markdown_more(out, v.unknown.length - shown.length);
    }
    if (s !== null)
        structureMarkdown(out, s, limit);
    if (report.findings.length > 0) {
        out.push('', `### Findings (${report.findings.length})`);
        const shown = bySeverity(report.findings).slice(0, Math.min(limit, markdown_LIST_CAPS.findings));
        let current = null;
        for (const f of shown) {
            if (f.severity !== current) {
                current = f.severity;
                const total = report.findings.filter((x) => x.severity === current).length;
                out.push('', `#### ${SEVERITY_TITLES[current] ?? escapeMarkdown(current)} (${total})`, '');
            }
            out.push(`- **${escapeMarkdown(f.kind)}** ${escapeMarkdown(f.message)}${where(f)}`);
        }
        markdown_more(out, report.findings.length - shown.length);
    }
    out.push('', '---', '', footer(report));
    return `${out.join('\n')}\n`;
}
function structureMarkdown(out, s, limit) {
    out.push('', `### Structure: ${escapeMarkdown(s.state)}`, '');
    const location = s.expected_location === null ? '' : ` ${code(s.expected_location)}`;
    const about = [`Expected from **${escapeMarkdown(s.expected_source)}**${location}`];
    if (s.expected_fingerprint !== null || s.actual_fingerprint !== null) {
        about.push(`fingerprints: expected ${markdown_shortHash(s.expected_fingerprint)}, actual ${markdown_shortHash(s.actual_fingerprint)}`);
    }
    if (s.stats !== null)
        about.push(`catalog read in ${escapeMarkdown(statsText(s.stats))}`);
    out.push(`${about.join(' · ')}.`);
    const explanation = structureStateExplanation(s);
    if (explanation !== null)
        out.push('', escapeMarkdown(explanation));
    const differences = structureBySeverity(s.differences);
    const shown = differences.slice(0, Math.min(limit, markdown_LIST_CAPS.differences));
    let current = null;
    for (const d of shown) {
        if (d.severity !== current) {
            current = d.severity;
            const total = differences.filter((x) => x.severity === current).length;
            out.push('', `#### ${STRUCTURE_SEVERITY_TITLES[current] ?? escapeMarkdown(current)} (${total})`);
        }
        out.push('', `- ${differenceLine(d)}`, '', ...fencedSql(d.fix_sql, '  '));
    }
    markdown_more(out, differences.length - shown.length);
    if (s.notices.length > 0) {
        out.push('', `#### Notices (${s.notices.length}, not drift)`, '');
        const notices = s.notices.slice(0, Math.min(limit, markdown_LIST_CAPS.notices));
        for (const d of notices)
            out.push(`- ${differenceLine(d)}`);
        markdown_more(out, s.notices.length - notices.length);
    }
    if (s.ignored.length > 0) {
        out.push('', `#### Ignored by rules (${s.ignored.length})`, '');
        const ignored = s.ignored.slice(0, Math.min(limit, markdown_LIST_CAPS.ignored));
        for (const i of ignored) {
            const attribute = i.attribute === null ? '' : `, attribute ${code(i.attribute)}`;
            const expires = i.expires === null ? 'no expiry' : `expires ${escapeMarkdown(i.expires)}`;
            out.push(`- ${escapeMarkdown(i.kind)} ${code(i.object)}${attribute}: ${escapeMarkdown(i.reason)} (${expires})`);
        }
        markdown_more(out, s.ignored.length - ignored.length);
    }
}
function differenceLine(d) {
    const title = differenceTitle(d, escapeMarkdown, code);
    return `**${title}** — expected ${attrCode(d.expected)} → actual ${attrCode(d.actual)}`;
}
function attrCode(value) {
    const text = attrText(value);
    return text === null ? '*none*' : code(text);
}
function markdown_shortHash(hash) {
    return hash === null ? '*none*' : code(hash.slice(0, 12));
}
/**
 * SQL in a fenced block, indented to sit inside a list item. The fence is longer than any run of backticks in the
 * SQL, so no name can close it early; line breaks (CR too) become real lines, so none can end the list item.
 */
function fencedSql(sql, indent = '') {
    const lines = fixSqlLines(sql);
    const longestRun = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return [`${indent}${fence}sql`, ...lines.map((line) => (line === '' ? '' : `${indent}${line}`)), `${indent}${fence}`];
}
function footer(report) {
    const parts = [];
    const url = safeUrl(report.run.run_url);
    const runLabel = report.run.run_id === '' ? 'Run' : `Run ${escapeMarkdown(report.run.run_id)}`;
    if (url !== null)
        parts.push(`[${runLabel}](${url})`);
    else if (report.run.run_url !== '')
        parts.push(`${runLabel}: ${code(report.run.run_url)}`);
    if (report.run.sha !== '')
        parts.push(`commit ${code(report.run.sha.slice(0, 12))}`);
    parts.push(`trigger ${code(report.run.trigger)}`);
    if (report.run.tool_version !== '')
        parts.push(`schema-drift-action ${escapeMarkdown(report.run.tool_version)}`);
    parts.push(`fingerprint ${code(report.fingerprint.slice(0, 12))}`);
    return parts.join(' · ');
}
function markdown_more(out, hidden) {
    if (hidden > 0)
        out.push('', `… and ${hidden} more`);
}
function added(p) {
    const at = p.added_at === null ? '' : escapeMarkdown(p.added_at);
    if (!p.within_grace)
        return at || 'unknown';
    return at === '' ? 'within grace' : `${at} (within grace)`;
}
function where(f) {
    if (f.file === undefined)
        return '';
    return ` — ${code(f.line === undefined ? f.file : `${f.file}:${f.line}`)}`;
}
function idList(joined) {
    if (joined === null)
        return '*none*';
    return joined.split(',').map(code).join(', ');
}
// Our own advice uses `code` spans for commands; everything else in it is plain prose we wrote.
function escapeAdvice(line) {
    return line
        .split('`')
        .map((part, i) => (i % 2 === 1 ? code(part) : escapeMarkdown(part)))
        .join('');
}
/**
 * Escapes text for inline Markdown (table cell or list item): one line, HTML special characters as entities, and
 * every character that could start Markdown syntax — including the table's pipe — backslash-escaped.
 */
function escapeMarkdown(value) {
    return clip(oneLine(value), markdown_VALUE_MAX_CHARS * 4)
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
    const text = clip(oneLine(value), markdown_VALUE_MAX_CHARS);
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
function markdown_plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./lib/publish/notify-policy.js
const notifyOnValues = (/* unused pure expression or super */ null && (['drift', 'error', 'always', 'change']));
const defaultNotifyOn = 'drift,error';
/** Parses the notify-on input ("drift,error" default; "always"; "change"), naming the bad value on error. */
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
/** Decides whether this report alerts, given the previous stored report (null when there is none) and the policy. */
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
    if (notifyOnSuccess && (kind === 'synced' || kind === 'resolved')) {
        return { send: true, kind, reason: 'notify-on-success is true' };
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

;// CONCATENATED MODULE: ./lib/publish/report-store.js
// Where reports are kept as evidence. Every store uses the same key layout, so a local folder and an S3 prefix
// hold the same tree: {environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json, the .md beside it, and
// {environment}/latest.json (a byte-for-byte copy of the newest report).

const ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Environment names become key segments: letters, digits, '.', '_', '-' only, so they can never escape a folder. */
function validateEnvironment(environment) {
    if (!ENVIRONMENT_PATTERN.test(environment) || environment.includes('..')) {
        throw new Error(`Invalid environment ${JSON.stringify(environment)}: use 1-100 letters, digits, '.', '_' or '-', ` +
            "starting with a letter or digit (no '/', '\\' or '..')");
    }
    return environment;
}
/** Key of the latest copy for an environment. */
function latestKey(environment) {
    return `${validateEnvironment(environment)}/latest.json`;
}
/** Key of a report's own JSON object: {environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json. */
function reportKey(report) {
    const environment = validateEnvironment(report.environment);
    const match = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}Z$/.exec(report.timestamp);
    if (match === null) {
        throw new Error(`Could not store report: timestamp ${JSON.stringify(report.timestamp)} is not YYYY-MM-DDTHH:MM:SSZ`);
    }
    const [, yyyy, mm, dd] = match;
    // ':' is not allowed in Windows file names; run ids come from outside, so only safe characters survive.
    const stamp = report.timestamp.replaceAll(':', '-');
    const runId = report.run.run_id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'local';
    return `${environment}/${yyyy}/${mm}/${dd}/${stamp}-${runId}.json`;
}
/** The Markdown rendering's key, beside the JSON. */
function markdownKey(jsonKey) {
    return jsonKey.replace(/\.json$/, '.md');
}
/** The HTML rendering's key, beside the JSON. */
function htmlKey(jsonKey) {
    return jsonKey.replace(/\.json$/, '.html');
}
/** The catalog snapshot's key, beside the JSON. */
function snapshotKey(jsonKey) {
    return jsonKey.replace(/\.json$/, '.snapshot.json');
}
/** Key of the environment's baseline snapshot (the newest one stored). */
function latestSnapshotKey(environment) {
    return `${validateEnvironment(environment)}/latest-snapshot.json`;
}
const KEY_ORDER = [
    // Report
    'schema_version',
    'status',
    'drift_detected',
    'timestamp',
    'codebase_head',
    'production_version',
    'environment',
    'source',
    'version',
    'structure',
    'findings',
    'error',
    'run',
    'previous_report',
    'fingerprint',
    // source
    'database',
    'migrations',
    'revisions',
    // version
    'state',
    'drift',
    'summary',
    'codebase_heads',
    'database_versions',
    'pending',
    'unknown',
    'version_table',
    'pending_grace_minutes',
    // pending revision
    'revision',
    'down_revisions',
    // finding
    'severity',
    'kind',
    // shared by pending revision and finding
    'file',
    'line',
    'message',
    'added_at',
    'within_grace',
    // error
    'stage',
    // run
    'trigger',
    'repository',
    'sha',
    'ref',
    'run_id',
    'run_url',
    'tool_version',
    // previous_report
    'key',
    'sha256',
];
const RANK = new Map(KEY_ORDER.map((key, i) => [key, i]));
/** The JSON bytes exactly as stored (stable key order, 2-space indent, trailing newline). */
function serializeReport(report) {
    return `${JSON.stringify(ordered(report), null, 2)}\n`;
}
// Known keys in the model's order, then any others alphabetically: the same report always gives the same bytes.
function ordered(value) {
    if (Array.isArray(value))
        return value.map(ordered);
    if (value === null || typeof value !== 'object')
        return value;
    const entries = Object.entries(value).sort(([a], [b]) => {
        const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
        const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
        return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
    });
    return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v)]));
}
function sha256Hex(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/** The report with previous_report filled from the store's latest, unless the caller already set it. */
function chainTo(report, previous) {
    if (report.previous_report !== undefined)
        return report;
    const ref = previous === null ? null : { key: previous.key, sha256: previous.sha256 };
    return { ...report, previous_report: ref };
}

;// CONCATENATED MODULE: ./lib/publish/deliver.js
// Stores the report and sends the alert with the failure semantics of issue 3: a failed store never stops the
// alert, a failed alert never un-stores the report, and every failure is returned so the step fails with it.






const deliver_messageOf = (error) => (error instanceof Error ? error.message : String(error));
/** Stores the report everywhere it should go, then alerts; never throws. */
async function deliverReport(report, plan, extras = {}) {
    const errors = [];
    let previous = null;
    let previousRead = false;
    const evidence = plan.stores[0];
    if (evidence) {
        try {
            previous = await evidence.latest(report.environment);
            previousRead = true;
        }
        catch (error) {
            errors.push(deliver_messageOf(error));
        }
    }
    // Each store records its own previous_report when it saves: the chain is per store. The evidence store gets the
    // latest it already answered, so the alert decision and the stored chain name the same report, read once.
    const attachments = {
        markdown: renderMarkdown(report),
        html: renderHtml(report),
        snapshot: extras.snapshot ? (0,snapshot/* snapshotJson */.by)(extras.snapshot) : undefined,
    };
    const stored = [];
    for (const store of plan.stores) {
        try {
            const toSave = store === evidence && previousRead ? chainTo(report, previous) : report;
            stored.push({ store, result: await store.save(toSave, attachments) });
        }
        catch (error) {
            // A store that fails to read its latest again says so in the same words: one line per distinct failure.
            const message = deliver_messageOf(error);
            if (!errors.includes(message))
                errors.push(message);
        }
    }
    let notification = null;
    if (plan.alerts) {
        const { notifier, notifyOn, notifyOnSuccess } = plan.alerts;
        const decision = decideNotification(report, previous?.report ?? null, notifyOn, notifyOnSuccess);
        notification = decision;
        if (decision.send) {
            const location = stored[0]?.result.location;
            try {
                const sent = await notifier.publish({
                    subject: notificationSubject(report, decision.kind),
                    body: renderText(report, { reportLocation: location }),
                    report: report,
                });
                notification = { ...decision, messageId: sent.messageId };
            }
            catch (error) {
                errors.push(deliver_messageOf(error));
            }
        }
    }
    return { stored, notification, errors };
}

;// CONCATENATED MODULE: ./lib/publish/local.js
// Report store on the local filesystem, laid out exactly as the S3 store lays out its keys.




/** Keeps reports under a directory: {dir}/{environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json and latest.json. */
class LocalReportStore {
    #dir;
    constructor(dir) {
        this.#dir = (0,external_node_path_.resolve)(dir);
    }
    describe() {
        return `local directory ${this.#dir}`;
    }
    async latest(environment) {
        const path = this.#path(latestKey(environment));
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(path);
        }
        catch (error) {
            if (isCode(error, 'ENOENT'))
                return null;
            throw new Error(`Could not read the latest report "${path}": ${local_messageOf(error)}`);
        }
        let report;
        try {
            report = JSON.parse(bytes.toString('utf8'));
        }
        catch (error) {
            throw new Error(`Could not read the latest report "${path}": not valid JSON (${local_messageOf(error)})`);
        }
        if (report === null || typeof report !== 'object' || typeof report.timestamp !== 'string') {
            throw new Error(`Could not read the latest report "${path}": not a schema-drift report`);
        }
        const sha256 = sha256Hex(bytes);
        const key = (await this.#keyHolding(report, sha256)) ?? latestKey(environment);
        return { report, key, location: this.#path(key), sha256 };
    }
    async save(report, attachments) {
        validateEnvironment(report.environment);
        const previous = report.previous_report === undefined ? await this.latest(report.environment) : null;
        const json = serializeReport(chainTo(report, previous));
        const sha256 = sha256Hex(json);
        try {
            const key = await this.#writeUnique(reportKey(report), json);
            await (0,promises_.writeFile)(this.#path(markdownKey(key)), attachments.markdown, 'utf8');
            if (attachments.html !== undefined)
                await (0,promises_.writeFile)(this.#path(htmlKey(key)), attachments.html, 'utf8');
            if (attachments.snapshot !== undefined) {
                await (0,promises_.writeFile)(this.#path(snapshotKey(key)), attachments.snapshot, 'utf8');
                await this.#writeAtomically(latestSnapshotKey(report.environment), attachments.snapshot);
            }
            await this.#writeAtomically(latestKey(report.environment), json);
            return { key, location: this.#path(key), sha256 };
        }
        catch (error) {
            throw new Error(`Could not store the report in ${this.describe()}: ${local_messageOf(error)}`);
        }
    }
    async latestSnapshot(environment) {
        const path = this.#path(latestSnapshotKey(environment));
        try {
            return { text: await (0,promises_.readFile)(path, 'utf8'), location: path };
        }
        catch (error) {
            if (isCode(error, 'ENOENT'))
                return null;
            throw new Error(`Could not read the baseline snapshot "${path}": ${local_messageOf(error)}`);
        }
    }
    #path(key) {
        return (0,external_node_path_.join)(this.#dir, ...key.split('/'));
    }
    // Two runs in the same second with the same run id must not overwrite each other's evidence.
    async #writeUnique(key, json) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.#path(key)), { recursive: true });
        for (let n = 1; n <= 100; n++) {
            const candidate = n === 1 ? key : key.replace(/\.json$/, `-${n}.json`);
            try {
                await (0,promises_.writeFile)(this.#path(candidate), json, { encoding: 'utf8', flag: 'wx' });
                return candidate;
            }
            catch (error) {
                if (!isCode(error, 'EEXIST'))
                    throw error;
                if ((await (0,promises_.readFile)(this.#path(candidate), 'utf8')) === json)
                    return candidate;
            }
        }
        throw new Error(`"${this.#path(key)}" and 99 numbered variants already exist`);
    }
    // latest.json is replaced in one rename, so a reader never sees half a report.
    async #writeAtomically(key, json) {
        const path = this.#path(key);
        const temporary = `${path}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
        try {
            await (0,promises_.writeFile)(temporary, json, 'utf8');
            await (0,promises_.rename)(temporary, path);
        }
        catch (error) {
            await (0,promises_.rm)(temporary, { force: true });
            throw error;
        }
    }
    // latest.json is a copy: find the report object with the same bytes (its own key, or a numbered variant).
    async #keyHolding(report, sha256) {
        let expected;
        try {
            expected = reportKey(report);
        }
        catch {
            return null;
        }
        const folder = expected.slice(0, expected.lastIndexOf('/'));
        const base = expected.slice(folder.length + 1, -'.json'.length);
        let names;
        try {
            names = await (0,promises_.readdir)(this.#path(folder));
        }
        catch {
            return null;
        }
        const candidates = names
            .filter((name) => name.startsWith(base) && name.endsWith('.json'))
            .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
        for (const name of candidates) {
            const bytes = await (0,promises_.readFile)((0,external_node_path_.join)(this.#path(folder), name));
            if (sha256Hex(bytes) === sha256)
                return `${folder}/${name}`;
        }
        return null;
    }
}
function isCode(error, code) {
    return typeof error === 'object' && error !== null && error.code === code;
}
function local_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./lib/database/postgres.js
var postgres = __webpack_require__(7306);
// EXTERNAL MODULE: ./lib/database/redact.js
var redact = __webpack_require__(2176);
;// CONCATENATED MODULE: ./lib/structure-deps.js
// The adapters the structure check needs, shared by the action and the CLI: the reference database, the setup
// command that builds it, and the baseline kept by the evidence store.



const SETUP_TIMEOUT_MS = 15 * 60_000;
/** Runs a shell command from `cwd`, streaming its output to `log`; rejects with its exit code and last output. */
function runShellCommand(command, cwd, log) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let tail = '';
        const collect = (chunk) => {
            const text = chunk.toString('utf8');
            tail = (tail + text).slice(-2000);
            for (const line of text.split('\n'))
                if (line.trim())
                    log(line);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        const timer = setTimeout(() => child.kill('SIGKILL'), SETUP_TIMEOUT_MS);
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (code === 0)
                resolve();
            else
                reject(new Error(`exit ${code ?? signal}: ${tail.trim().split('\n').slice(-5).join(' | ')}`));
        });
    });
}
function structureDeps(options) {
    return {
        openReference: (url) => (0,postgres/* openPostgresExecutor */.$)(url),
        describeReference: redact/* redactDatabaseUrl */.A,
        runSetupCommand: (command) => runShellCommand(command, options.root, options.log),
        loadBaseline: async () => {
            const store = options.store;
            if (!store)
                throw new Error('structure-expected "baseline" needs a report store: set s3-bucket or report-dir');
            const snapshot = await store.latestSnapshot(options.environment);
            if (!snapshot)
                return null;
            const previous = await store.latest(options.environment);
            return { ...snapshot, productionVersion: previous?.report.production_version ?? null };
        },
    };
}

// EXTERNAL MODULE: ./lib/cli/flags.js
var flags = __webpack_require__(2529);
;// CONCATENATED MODULE: ./lib/cli/check-command.js
// `schema-drift check`: the version (and structure) check with the report written locally.












async function checkCommand(values, io) {
    const raw = Object.fromEntries(flags/* CHECK_FLAGS */.P8.map((f) => [f, values[f]]));
    let config;
    try {
        config = (0,config_config/* parseConfig */.o4)(raw);
        if (!config.database)
            throw new config_config/* ConfigError */.xL('check needs --database-url, --lambda-function or --pglite');
    }
    catch (error) {
        io.stderr(`schema-drift check: ${error.message}\n`);
        return flags/* EXIT */.dc.error;
    }
    const root = (0,external_node_path_.resolve)(io.cwd);
    const store = config.reportDir ? new LocalReportStore((0,external_node_path_.resolve)(root, config.reportDir)) : undefined;
    const log = values.json ? () => { } : (line) => io.stderr(`${line}\n`);
    const { report, snapshot } = await runCheck({
        root,
        config,
        run: runInfoFromEnv(io.env, io.env.GITHUB_ACTIONS === 'true' ? undefined : 'cli'),
        now: () => new Date(),
        openExecutor: (target) => (0,database_open/* openExecutor */.c)(target, {
            aws: async () => ({ region: config.aws.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '' }),
            pglite: pglite/* openPgliteExecutor */.H,
        }),
        describeTarget: database_open/* describeTarget */.f,
        readAddedTimes: readAddedTimes,
        structure: structureDeps({ root, environment: config.environment, store, log }),
        log,
    });
    // The action's delivery path, with the local store only: the same attachments, chain and failure handling.
    const delivery = await deliverReport(report, { stores: store ? [store] : [] }, { snapshot });
    const location = delivery.stored[0]?.result.location;
    if (values.json)
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
        io.stdout(renderText(report, { reportLocation: location }));
    }
    if (delivery.errors.length > 0) {
        io.stderr(`schema-drift check: ${delivery.errors.join('\n')}\n`);
        return flags/* EXIT */.dc.error;
    }
    return report.status === 'error' ? flags/* EXIT */.dc.error : report.status === 'drift' ? flags/* EXIT */.dc.drift : flags/* EXIT */.dc.ok;
}


/***/ })

};
