#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 1376:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9786:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream/promises");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 6762:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ rememberSecret),
/* harmony export */   Pj: () => (/* binding */ quoteRemote),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   fp: () => (/* binding */ redactSecrets)
/* harmony export */ });
// Turning AWS and Lambda failures into one-line messages that are safe to print.
const remembered = new Set();
/** Remembers a secret of this run (as core.setSecret does for logs) so redactSecrets removes it from messages. */
function rememberSecret(secret) {
    // Very short values would redact ordinary words.
    if (secret.length >= 8)
        remembered.add(secret);
}
const patterns = [
    // URL userinfo passwords: postgres://user:password@host
    [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, '$1***@'],
    // key=value, and "key": "value" as in JSON, for credential-like keys
    [
        /(\b(?:password|passwd|pwd|secret|secret_?access_?key|session_?token|security_?token|token|api_?key)=)[^\s"',;&]+/gi,
        '$1***',
    ],
    [
        /("(?:password|passwd|pwd|secret|secretAccessKey|secret_access_key|sessionToken|session_token|token|apiKey|api_key|authorization)"\s*:\s*")[^"]*/gi,
        '$1***',
    ],
    [/\b(Bearer\s+)[\w.~+/=-]+/g, '$1***'],
    // JWTs (OIDC tokens)
    [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '***'],
    // AWS access key ids
    [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '***'],
    // Long mixed-case base64 runs: secret access keys (40 chars) and session tokens. Lower-case hex (sha256) is kept.
    [
        /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]*[A-Z])(?=[A-Za-z0-9/+=]*[a-z])(?=[A-Za-z0-9/+=]*\d)[A-Za-z0-9/+=]{40,}/g,
        '***',
    ],
];
/** Removes remembered secrets and anything that looks like a credential from text meant for logs or reports. */
function redactSecrets(text, extra = []) {
    let out = text;
    for (const secret of [...remembered, ...extra]) {
        if (secret.length >= 8)
            out = out.split(secret).join('***');
    }
    for (const [pattern, replacement] of patterns)
        out = out.replace(pattern, replacement);
    return out;
}
/** Trims and shortens text quoted from a remote service, so one bad answer cannot flood a log. */
function quoteRemote(text, limit = 500) {
    const oneLine = text.trim().replace(/\s+/g, ' ');
    const safe = redactSecrets(oneLine);
    return safe.length > limit ? `${safe.slice(0, limit)}…` : safe;
}
/** "Name: message" for an SDK or Node error, redacted and trimmed. */
function describeError(error) {
    if (error instanceof Error) {
        const name = error.name && error.name !== 'Error' ? error.name : '';
        const code = error.code;
        const message = quoteRemote(error.message || String(code ?? ''));
        const label = name || (typeof code === 'string' ? code : '');
        if (!label)
            return message;
        return message.startsWith(label) ? message : `${label}: ${message}`;
    }
    return quoteRemote(String(error));
}


/***/ }),

/***/ 9069:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9794);

process.exitCode = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2529:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lv: () => (/* binding */ SNAPSHOT_FLAGS),
/* harmony export */   P8: () => (/* binding */ CHECK_FLAGS),
/* harmony export */   dc: () => (/* binding */ EXIT)
/* harmony export */ });
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6097);
// The flags of each CLI command, and the exit codes; a module of its own so the dispatcher loads nothing heavy.

const EXIT = { ok: 0, drift: 1, error: 2 };
const CHECK_FLAGS = [
    'migrations',
    'ini-section',
    'version-locations',
    ..._config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .DATABASE_INPUTS */ .o,
    'environment',
    'report-dir',
    'version-table',
    'version-table-schema',
    'pending-grace',
    'structure-expected',
    'reference-database-url',
    'reference-setup-command',
    'snapshot-file',
    'config',
    'baseline',
    // The fleet (`check --config FILE` with targets:).
    'concurrency',
    'shard',
    'timeout-seconds',
];
/** String options of `snapshot`. */
const SNAPSHOT_FLAGS = [
    ..._config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .DATABASE_INPUTS */ .o,
    'out',
    'include-schemas',
    'exclude-schemas',
    'max-response-bytes',
];


/***/ }),

/***/ 9794:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./lib/shared/tool-version.js
var tool_version = __nccwpck_require__(4050);
// EXTERNAL MODULE: ./lib/cli/flags.js
var cli_flags = __nccwpck_require__(2529);
// EXTERNAL MODULE: ./lib/database/redact.js
var redact = __nccwpck_require__(2176);
;// CONCATENATED MODULE: ./lib/cli/scrub.js
// Every error the CLI prints passes through here, so no command can show a database password: URLs anywhere in the
// text are redacted (src/database/redact.ts), and the secrets of every URL given on the command line are also
// removed by value (an error may quote a password that is no longer part of a URL, e.g. a DNS error). stdout is left
// alone: it carries reports and diffs that are redacted where they are built, and JSON that must stay byte-exact.

// A scheme, `://`, and everything up to whitespace or a quote: the widest span redactDatabaseUrl may need to see.
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'`<>]+/g;
const URL_ARGUMENT = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/|(?:^|\s)(?:ssl)?password\s*=/i;
/** The secret values carried by URL-like command-line arguments (`--flag=URL` included). */
function argumentSecrets(argv) {
    const secrets = new Set();
    for (const arg of argv) {
        const value = /^--[\w-]+=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
        if (URL_ARGUMENT.test(value))
            for (const secret of (0,redact/* databaseUrlSecrets */.I6)(value))
                secrets.add(secret);
    }
    // Longest first, so a secret that contains another is removed whole.
    return [...secrets].sort((a, b) => b.length - a.length);
}
/** Text with every URL redacted and, when given, every secret value replaced by ***. */
function scrubText(text, secrets = []) {
    let out = text.replace(URL_IN_TEXT, (url) => (0,redact/* redactDatabaseUrl */.Aq)(url));
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out;
}
/** The CLI's io with stderr scrubbed. */
function scrubbedIo(io, argv) {
    const secrets = argumentSecrets(argv);
    return { ...io, stderr: (text) => io.stderr(scrubText(text, secrets)) };
}

;// CONCATENATED MODULE: ./lib/cli/run-cli.js
// The `schema-drift` CLI: the same engine as the action, with exit codes 0 no drift, 1 drift, 2 error.






const USAGE = `schema-drift ${tool_version/* TOOL_VERSION */.w}

Usage:
  schema-drift heads --migrations PATH [--name SECTION] [--version-locations A,B] [--json]
  schema-drift check --migrations PATH [--name SECTION] [--version-locations A,B]
                     (--database-url URL | --lambda-function NAME | --pglite DIR)
                     [--environment NAME] [--report-dir DIR] [--json]
                     [--version-table NAME] [--version-table-schema NAME] [--pending-grace MINUTES]
                     [--lambda-qualifier Q] [--lambda-payload-template JSON] [--lambda-rows-path PATH]
                     [--aws-region REGION]
                     [--structure-expected reference|snapshot|baseline] [--reference-database-url URL]
                     [--reference-setup-command CMD] [--snapshot-file FILE] [--config .schema-drift.yml]
                     [--baseline keep|re-record]
  schema-drift check --config FILE [--target NAME]... [--shard i/N] [--concurrency N] [--timeout-seconds S]
                     [--report-dir DIR] [--json] [the flags above: every target's defaults]
  schema-drift plan --config FILE [--shards N]
  schema-drift merge --from DIR [--shards N] [--report-dir DIR] [--environment NAME] [--json]
  schema-drift snapshot (--database-url URL | --lambda-function NAME | --pglite DIR) --out FILE
                     [--include-schemas A,B] [--exclude-schemas A,B] [--max-response-bytes N]
  schema-drift diff EXPECTED ACTUAL [--json] [--config .schema-drift.yml]
  schema-drift audit (--s3-bucket B [--s3-prefix P] | --report-dir D) (--from D --to D | --period P)
                     [--environment E] [--schedule CRON] [--retention-years N] [--out DIR] [--json]
                     [--public-key PEM | --kms-signing-key-id KEY]
  schema-drift verify REPORT.json --public-key PEM [--signature REPORT.sig.json]
  schema-drift lint [--migrations PATH] [--base REF | --all] [--database-url URL | --lambda-function NAME]
                     [--lint-large-table "1000000 rows or 1 GB"] [--config .schema-drift.yml] [--json]

--migrations takes an alembic.ini, the folder holding it, a script folder or a versions folder (default: the
alembic.ini in the current folder or one below). --name (or --ini-section) is the ini section, as Alembic's -n;
--version-locations overrides the ini's version_locations. Exit codes: 0 no drift (diff: equal; lint: no error
finding), 1 drift (diff: different; lint: error findings), 2 error.
`;
const COMMANDS = ['heads', 'check', 'snapshot', 'diff', 'plan', 'merge'];
const isHelp = (arg) => arg === '--help' || arg === '-h';
/** The usage block of one command (its lines of USAGE), with the shared notes. */
function commandUsage(command) {
    const lines = USAGE.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`  schema-drift ${command} `));
    let end = start + 1;
    while (end < lines.length && lines[end]?.startsWith('                     '))
        end++;
    const notes = USAGE.slice(USAGE.indexOf('--migrations takes'));
    return `Usage:\n${lines.slice(start, end).join('\n')}\n\n${notes}`;
}
/** Runs one CLI command; resolves to the exit code. Errors on stderr never show a database password. */
async function runCli(argv, rawIo) {
    const io = scrubbedIo(rawIo, argv);
    const [command, ...rest] = argv;
    if (!command || isHelp(command) || command === 'help') {
        io.stdout(USAGE);
        return command ? cli_flags/* EXIT */.dc.ok : cli_flags/* EXIT */.dc.error;
    }
    // `COMMAND --help` anywhere among the arguments answers with that command's usage, before any other check.
    if (COMMANDS.includes(command) && rest.some(isHelp)) {
        io.stdout(commandUsage(command));
        return cli_flags/* EXIT */.dc.ok;
    }
    if (command === '--version') {
        io.stdout(`${tool_version/* TOOL_VERSION */.w}\n`);
        return cli_flags/* EXIT */.dc.ok;
    }
    // Commands load their engine on demand: `heads` and `--version` stay small and fast (no pg, AWS SDK, PGlite).
    if (command === 'diff')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(88), __nccwpck_require__.e(927), __nccwpck_require__.e(114)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8114))).diffCommand(rest, io);
    if (command === 'audit')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(711), __nccwpck_require__.e(88), __nccwpck_require__.e(343), __nccwpck_require__.e(476)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2476))).auditCommand(rest, io);
    if (command === 'verify')
        return (await __nccwpck_require__.e(/* import() */ 589).then(__nccwpck_require__.bind(__nccwpck_require__, 1589))).verifyCommand(rest, io);
    if (command === 'lint')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(38), __nccwpck_require__.e(88), __nccwpck_require__.e(57), __nccwpck_require__.e(927), __nccwpck_require__.e(246)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6246))).lintCommand(rest, io);
    if (command === 'plan')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(815), __nccwpck_require__.e(88), __nccwpck_require__.e(57), __nccwpck_require__.e(927), __nccwpck_require__.e(343), __nccwpck_require__.e(472), __nccwpck_require__.e(782)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8782))).planCommand(rest, io);
    if (command === 'merge')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(815), __nccwpck_require__.e(88), __nccwpck_require__.e(57), __nccwpck_require__.e(927), __nccwpck_require__.e(343), __nccwpck_require__.e(472), __nccwpck_require__.e(782)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8782))).mergeCommand(rest, io);
    let values;
    try {
        const flags = command === 'snapshot' ? cli_flags/* SNAPSHOT_FLAGS */.Lv : cli_flags/* CHECK_FLAGS */.P8;
        const options = Object.fromEntries(flags.map((f) => [f, { type: 'string' }]));
        if (command !== 'snapshot')
            options.name = { type: 'string' };
        // `--target` picks fleet targets, and may be given more than once.
        if (command === 'check')
            options.target = { type: 'string', multiple: true };
        options.json = { type: 'boolean' };
        ({ values } = (0,external_node_util_.parseArgs)({ args: [...rest], options, strict: true }));
    }
    catch (error) {
        io.stderr(`schema-drift ${command}: ${error.message}\n\n${USAGE}`);
        return cli_flags/* EXIT */.dc.error;
    }
    // `--name` is Alembic's spelling of the ini section (`-n`); `--ini-section` is the action input's.
    if (values.name !== undefined) {
        if (values['ini-section'] !== undefined) {
            io.stderr(`schema-drift ${command}: give --name or --ini-section, not both\n`);
            return cli_flags/* EXIT */.dc.error;
        }
        values['ini-section'] = values.name;
        delete values.name;
    }
    if (command === 'check')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(38), __nccwpck_require__.e(815), __nccwpck_require__.e(88), __nccwpck_require__.e(57), __nccwpck_require__.e(927), __nccwpck_require__.e(343), __nccwpck_require__.e(472), __nccwpck_require__.e(758)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9758))).checkCommand(values, io);
    // Only `check` has a list flag (--target).
    const single = values;
    if (command === 'heads')
        return heads(single, io);
    if (command === 'snapshot')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(88), __nccwpck_require__.e(927), __nccwpck_require__.e(114)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8114))).snapshotCommand(single, io);
    io.stderr(`schema-drift: unknown command "${command}"\n\n${USAGE}`);
    return cli_flags/* EXIT */.dc.error;
}
async function heads(values, io) {
    const own = ['migrations', 'ini-section', 'version-locations', 'json'];
    const extra = Object.keys(values).filter((k) => !own.includes(k));
    if (extra.length) {
        io.stderr(`schema-drift heads: --${extra[0]} is not an option of heads\n`);
        return cli_flags/* EXIT */.dc.error;
    }
    try {
        // The migration reader (with its Python parser) is loaded by the commands that read migrations, not at startup.
        const { loadMigrationGraph } = await Promise.all(/* import() */[__nccwpck_require__.e(283), __nccwpck_require__.e(57)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5057));
        const { graph } = await loadMigrationGraph(io.cwd, values.migrations, {
            section: values['ini-section']?.trim() || undefined,
            versionLocations: splitLocations(values['version-locations']),
        });
        const result = {
            heads: [...graph.heads].sort(),
            bases: [...graph.bases].sort(),
            revisions: graph.revisions.size,
            findings: graph.findings,
        };
        if (values.json)
            io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else {
            io.stdout(`heads (${result.heads.length}): ${result.heads.join(', ') || '(none)'}\n`);
            io.stdout(`bases (${result.bases.length}): ${result.bases.join(', ') || '(none)'}\n`);
            io.stdout(`revisions: ${result.revisions}\n`);
            for (const f of graph.findings) {
                io.stdout(`${f.severity}: ${f.kind}: ${f.message}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}\n`);
            }
        }
        // Findings are printed, not an exit status: `heads` answers a question, `check` gives verdicts.
        return cli_flags/* EXIT */.dc.ok;
    }
    catch (error) {
        io.stderr(`schema-drift heads: ${error.message}\n`);
        return cli_flags/* EXIT */.dc.error;
    }
}
/** The `version-locations` value as a list (one per line or comma-separated), as parseConfig reads the input. */
function splitLocations(value) {
    const list = value
        ?.split(/[\n,]/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    return list && list.length > 0 ? list : undefined;
}


/***/ }),

/***/ 6097:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ DATABASE_INPUTS)
/* harmony export */ });
/* unused harmony export INPUT_NAMES */
// The names of every action input (action.yml) — the one list the action reads; a test keeps it equal to action.yml.
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'migrations',
    'ini-section',
    'version-locations',
    'environment',
    'mode',
    'fail-on',
    'pending-grace',
    'report-dir',
    'timeout-seconds',
    'database-url',
    'version-table',
    'version-table-schema',
    'lambda-function',
    'lambda-qualifier',
    'lambda-payload-template',
    'lambda-rows-path',
    'role-to-assume',
    'aws-region',
    'role-session-name',
    'role-duration-seconds',
    'audience',
    's3-bucket',
    's3-prefix',
    's3-kms-key-id',
    's3-object-lock-mode',
    's3-object-lock-days',
    'kms-signing-key-id',
    'audit-period',
    'audit-schedule',
    'audit-tolerance-minutes',
    'audit-retention-years',
    'sns-topic-arn',
    'notify-on',
    'notify-on-success',
    'structure-expected',
    'reference-database-url',
    'reference-setup-command',
    'snapshot-file',
    'baseline',
    'config',
    'concurrency',
    'shard',
    'shards',
    'fleet-slices',
    'github-token',
    'check-name',
    'comment',
    'lint-large-table',
]));
/** The inputs (and CLI flags) that name the database to read and how to reach it. */
const DATABASE_INPUTS = [
    'database-url',
    'lambda-function',
    'lambda-qualifier',
    'lambda-payload-template',
    'lambda-rows-path',
    'pglite',
    'aws-region',
];


/***/ }),

/***/ 2176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ redactDatabaseUrl),
/* harmony export */   Hp: () => (/* binding */ ambiguousUrlPassword),
/* harmony export */   I6: () => (/* binding */ databaseUrlSecrets),
/* harmony export */   Rd: () => (/* binding */ redactText),
/* harmony export */   vb: () => (/* binding */ MIN_SECRET_LENGTH)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6762);
// Redaction is done on the raw text rather than through `new URL()`: a password with an unencoded `@`, `/` or `#`
// is read differently by libpq, by the WHATWG parser and by people, and a URL that does not parse must still be
// shown without its secret. Where readings differ we hide the widest span any of them could take as a password.

const MASK = '***';
const SECRET_KEYS = new Set(['password', 'sslpassword']);
/** A database URL fit to show: password (and any password=/sslpassword= query value) replaced by ***. Never throws. */
function redactDatabaseUrl(url) {
    try {
        if (typeof url !== 'string')
            return MASK;
        const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
        if (scheme)
            return redactUri(scheme[0], url.slice(scheme[0].length));
        if (/^\s*[A-Za-z_]+\s*=/.test(url))
            return redactKeyValueDsn(url);
        if (url.trim() === '')
            return url;
        // Neither a URL nor a key=value string: it may be a mistyped secret, so show none of it.
        return MASK;
    }
    catch {
        return MASK;
    }
}
function redactUri(scheme, rest) {
    // The last `@` is the widest reading of where credentials end (WHATWG takes the last one in the authority,
    // libpq the first before a `/`); everything between the first `:` and it may be a password.
    const at = rest.lastIndexOf('@');
    let credentials = '';
    let remainder = rest;
    if (at >= 0) {
        const userinfo = rest.slice(0, at);
        const colon = userinfo.indexOf(':');
        credentials = colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}@` : `${userinfo}@`;
        remainder = rest.slice(at + 1);
    }
    return `${scheme}${credentials}${redactQuery(remainder)}`;
}
function redactQuery(text) {
    const question = text.indexOf('?');
    if (question < 0)
        return text;
    const hash = text.indexOf('#', question);
    const query = hash < 0 ? text.slice(question + 1) : text.slice(question + 1, hash);
    const fragment = hash < 0 ? '' : text.slice(hash);
    const pairs = query.split('&').map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0)
            return pair;
        return isSecretKey(pair.slice(0, eq)) ? `${pair.slice(0, eq)}=${MASK}` : pair;
    });
    return `${text.slice(0, question + 1)}${pairs.join('&')}${fragment}`;
}
function isSecretKey(rawKey) {
    let key = rawKey.replace(/\+/g, ' ');
    try {
        key = decodeURIComponent(key);
    }
    catch {
        // A malformed escape: compare the raw text, as URLSearchParams would keep it.
    }
    return SECRET_KEYS.has(key.trim().toLowerCase());
}
// libpq's `key=value` form: values may be single-quoted with backslash escapes.
function redactKeyValueDsn(dsn) {
    return dsn.replace(/(^|\s)((?:ssl)?password)(\s*=\s*)('(?:[^'\\]|\\.)*'?|\S*)/gi, (_match, lead, key, eq) => `${lead}${key}${eq}${MASK}`);
}
/** The secret values a database URL carries (password, password=/sslpassword= values), raw and decoded, for scrubbing messages. */
function databaseUrlSecrets(url) {
    const found = new Set();
    const add = (value) => {
        if (value === '')
            return;
        found.add(value);
        for (const form of [value, value.replace(/\+/g, ' ')]) {
            try {
                found.add(decodeURIComponent(form));
            }
            catch {
                // Keep only the raw form of a malformed escape.
            }
        }
    };
    try {
        const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
        if (scheme) {
            const rest = url.slice(scheme[0].length);
            const at = rest.lastIndexOf('@');
            const userinfo = at >= 0 ? rest.slice(0, at) : '';
            const colon = userinfo.indexOf(':');
            if (colon >= 0)
                add(userinfo.slice(colon + 1));
            const remainder = at >= 0 ? rest.slice(at + 1) : rest;
            const question = remainder.indexOf('?');
            if (question >= 0) {
                for (const pair of remainder.slice(question + 1).split(/[&#]/)) {
                    const eq = pair.indexOf('=');
                    if (eq >= 0 && isSecretKey(pair.slice(0, eq)))
                        add(pair.slice(eq + 1));
                }
            }
        }
        else {
            for (const match of url.matchAll(/(?:^|\s)(?:ssl)?password\s*=\s*('(?:[^'\\]|\\.)*'?|\S*)/gi)) {
                const value = match[1] ?? '';
                add(value);
                if (value.startsWith("'"))
                    add(value.replace(/^'|'$/g, '').replace(/\\(.)/g, '$1'));
            }
        }
    }
    catch {
        // Best effort: the caller still shows only redacted URLs.
    }
    return [...found];
}
/**
 * Why a database URL cannot be read the same way by every client, or null. A password with an unencoded `/`, `?`
 * or `#` ends the authority early for the WHATWG parser that `pg` uses: the rest of the password becomes the host
 * (`ENOTFOUND <rest-of-password>`, and a DNS query carrying it) or the database name. We refuse such a URL before
 * connecting rather than send part of a secret to a resolver.
 */
function ambiguousUrlPassword(url) {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
    if (!scheme)
        return null;
    const rest = url.slice(scheme[0].length);
    const at = rest.lastIndexOf('@');
    if (at < 0)
        return null;
    const authorityEnd = rest.search(/[/?#]/);
    if (authorityEnd < 0 || authorityEnd > at)
        return null;
    // Without a `:` before that `@` there is no password to split (`postgres://h/db?application_name=a@b`).
    if (!rest.slice(0, at).includes(':'))
        return null;
    return 'its password holds an unencoded "/", "?" or "#" (percent-encode it: %2F, %3F, %23), so clients would read part of it as the host or database';
}
// Credentials written as text inside messages (a Lambda's error, a setup command's output, a driver's error).
const TEXT_PATTERNS = [
    // URL userinfo up to the LAST `@` of the token: a password may hold unencoded `@`, `/`, `:`.
    [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"'`<>]*:)[^\s"'`<>]*@/gi, `$1${MASK}@`],
    // JSON keys: "DB_PASSWORD": "…", "pgpassword":"…"
    [/("[\w.-]*(?:password|passwd|pwd)[\w.-]*"\s*:\s*")(?:[^"\\]|\\.)*"/gi, `$1${MASK}"`],
    // PGPASSWORD=…, password='…' (SQL doubles a quote inside), password: "…", DB_PASSWORD = …
    [
        /(\b[\w.-]*(?:password|passwd|pwd)[\w.-]*\s*[:=]\s*)('(?:[^'\\]|\\.|'')*'?|"(?:[^"\\]|\\.)*"?|[^\s,;&)}\]]+)/gi,
        `$1${MASK}`,
    ],
];
/**
 * Text fit for a log, report or alert: every known secret value replaced by ***, then anything written like a
 * credential (URL passwords, password keys, AWS keys and tokens). Never throws.
 */
function redactText(text, secrets = []) {
    let out = String(text);
    // Longest first, so a password inside a URL that is also a secret does not leave the URL's other half.
    const values = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    for (const secret of values)
        out = out.split(secret).join(MASK);
    for (const [pattern, replacement] of TEXT_PATTERNS)
        out = out.replace(pattern, replacement);
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .fp)(out);
}
/** Shorter secret values are not replaced by value: they would hide ordinary words (the patterns still apply). */
const MIN_SECRET_LENGTH = 4;


/***/ }),

/***/ 4050:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
/** The tool's version, recorded in every report (kept equal to package.json by a test). */
const TOOL_VERSION = '0.1.0';


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; (typeof current == 'object' || typeof current == 'function') && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9069);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
