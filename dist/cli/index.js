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
    ..._config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .DATABASE_INPUTS */ .oF,
    'environment',
    'report-dir',
    'version-table',
    'version-table-schema',
    'pending-grace-minutes',
    // Deprecated spelling of --pending-grace-minutes: still read, with a warning (config/deprecated-inputs.ts).
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
    ..._config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .DATABASE_INPUTS */ .oF,
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
// text are redacted (src/database/redact.ts), and the unambiguous secrets of every URL given on the command line are
// also removed by value (an error may quote a password that is no longer part of a URL, e.g. a DNS error). stdout is left
// alone: it carries reports and diffs that are redacted where they are built, and JSON that must stay byte-exact.

const URL_ARGUMENT = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/|(?:^|\s)(?:ssl)?password\s*=/i;
/** The secret values carried by URL-like command-line arguments (`--flag=URL` included). */
function argumentSecrets(argv) {
    const secrets = new Set();
    for (const arg of argv) {
        const value = /^--[\w-]+=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
        if (!URL_ARGUMENT.test(value))
            continue;
        // A password that is an ordinary word (`postgres`) is redacted where it is a password, not wherever the word is.
        for (const secret of (0,redact/* databaseUrlSecrets */.I6)(value))
            if ((0,redact/* maskableByValue */.RG)(secret))
                secrets.add(secret);
    }
    // Longest first, so a secret that contains another is removed whole.
    return [...secrets].sort((a, b) => b.length - a.length);
}
/** Text with every URL and written credential redacted and, when given, every secret value replaced by ***. */
function scrubText(text, secrets = []) {
    // By position first: a password too plain to be removed by value (`postgres`) is removed where it is a password.
    let out = (0,redact/* redactCredentialsInText */.qP)((0,redact/* redactUrlsInText */.GP)(text));
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out;
}
/** The CLI's io with stderr scrubbed; a URL's plain password also where it stands as a word (plainUrlPasswords). */
function scrubbedIo(io, argv) {
    const secrets = argumentSecrets(argv);
    const words = argv.flatMap((arg) => {
        const value = /^--[\w-]+=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
        return URL_ARGUMENT.test(value) ? (0,redact/* plainUrlPasswords */.aN)(value) : [];
    });
    return { ...io, stderr: (text) => io.stderr((0,redact/* redactWords */.X7)(scrubText(text, secrets), words)) };
}

;// CONCATENATED MODULE: ./lib/cli/run-cli.js
// The `schema-drift` CLI: the same engine as the action, with exit codes 0 no drift, 1 drift, 2 error.






const USAGE = `schema-drift ${tool_version/* TOOL_VERSION */.w}

Usage:
  schema-drift heads --migrations PATH [--name SECTION] [--version-locations A,B] [--json]
  schema-drift check --migrations PATH [--name SECTION] [--version-locations A,B]
                     (--database-url URL | --lambda-function NAME | --pglite DIR)
                     [--environment NAME] [--report-dir DIR] [--json]
                     [--version-table NAME] [--version-table-schema NAME] [--pending-grace-minutes MINUTES]
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
                     [--environment E] [--schedule CRON] [--retention-years N] [--timeout-seconds N] [--out DIR] [--json]
                     [--public-key PEM | --kms-signing-key-id KEY]
  schema-drift verify REPORT.json --public-key PEM [--signature REPORT.sig.json] [--key STORE-KEY]
  schema-drift lint [--migrations PATH] [--base REF | --all] [--database-url URL | --lambda-function NAME]
                     [--lint-large-table "1000000 rows or 1 GB"] [--config .schema-drift.yml]
                     [--timeout-seconds N] [--json]

--migrations takes an alembic.ini, the folder holding it, a script folder or a versions folder (default: the
alembic.ini in the current folder or one below). --name (or --ini-section) is the ini section, as Alembic's -n;
--version-locations overrides the ini's version_locations. Exit codes: 0 no drift (diff: equal; lint: no error
finding), 1 drift (diff: different; lint: error findings), 2 error.
`;
const COMMANDS = ['heads', 'check', 'snapshot', 'diff', 'plan', 'merge', 'audit', 'verify', 'lint'];
const isHelp = (arg) => arg === '--help' || arg === '-h';
const isCommand = (word) => COMMANDS.includes(word ?? '');
/** The usage of one command: audit and verify have their own longer text; the others their lines of USAGE. */
async function commandUsage(command) {
    if (command === 'audit')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(711), __nccwpck_require__.e(363), __nccwpck_require__.e(343), __nccwpck_require__.e(476)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2476))).AUDIT_USAGE;
    if (command === 'verify')
        return (await __nccwpck_require__.e(/* import() */ 589).then(__nccwpck_require__.bind(__nccwpck_require__, 1589))).VERIFY_USAGE;
    const lines = USAGE.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`  schema-drift ${command} `));
    let end = start + 1;
    while (end < lines.length && lines[end]?.startsWith('                     '))
        end++;
    // `check` has two forms (one database, a fleet): both are its usage.
    while (lines[end]?.startsWith(`  schema-drift ${command} `)) {
        end++;
        while (end < lines.length && lines[end]?.startsWith('                     '))
            end++;
    }
    const notes = USAGE.slice(USAGE.indexOf('--migrations takes'));
    return `Usage:\n${lines.slice(start, end).join('\n')}\n\n${notes}`;
}
/** Runs one CLI command; resolves to the exit code. Errors on stderr never show a database password. */
async function runCli(argv, rawIo) {
    const io = scrubbedIo(rawIo, argv);
    const [command, ...rest] = argv;
    if (!command) {
        // No command is a usage error: the usage goes where errors go.
        io.stderr(USAGE);
        return cli_flags/* EXIT */.dc.error;
    }
    // `schema-drift --help`, `-h`, `help`, and `help COMMAND`: asked for, so on stdout with exit 0.
    if (isHelp(command) || command === 'help') {
        const about = rest[0];
        if (about !== undefined && !isHelp(about)) {
            if (!isCommand(about)) {
                io.stderr(`schema-drift help: unknown command "${about}"\n\n${USAGE}`);
                return cli_flags/* EXIT */.dc.error;
            }
            io.stdout(await commandUsage(about));
            return cli_flags/* EXIT */.dc.ok;
        }
        io.stdout(USAGE);
        return cli_flags/* EXIT */.dc.ok;
    }
    // `COMMAND --help` (or -h) anywhere among the arguments, up to a `--`, answers with that command's usage, before
    // any other check: every command, so none exits 2 on a request for help.
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (isCommand(command) && options.some(isHelp)) {
        io.stdout(await commandUsage(command));
        return cli_flags/* EXIT */.dc.ok;
    }
    if (command === '--version') {
        io.stdout(`${tool_version/* TOOL_VERSION */.w}\n`);
        return cli_flags/* EXIT */.dc.ok;
    }
    if (!isCommand(command)) {
        io.stderr(`schema-drift: unknown command "${command}"\n\n${USAGE}`);
        return cli_flags/* EXIT */.dc.error;
    }
    // Commands load their engine on demand: `heads` and `--version` stay small and fast (no pg, AWS SDK, PGlite).
    if (command === 'diff')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(363), __nccwpck_require__.e(15), __nccwpck_require__.e(114)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8114))).diffCommand(rest, io);
    if (command === 'audit')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(711), __nccwpck_require__.e(363), __nccwpck_require__.e(343), __nccwpck_require__.e(476)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2476))).auditCommand(rest, io);
    if (command === 'verify')
        return (await __nccwpck_require__.e(/* import() */ 589).then(__nccwpck_require__.bind(__nccwpck_require__, 1589))).verifyCommand(rest, io);
    if (command === 'lint')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(38), __nccwpck_require__.e(363), __nccwpck_require__.e(57), __nccwpck_require__.e(15), __nccwpck_require__.e(195)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8195))).lintCommand(rest, io);
    if (command === 'plan')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(815), __nccwpck_require__.e(363), __nccwpck_require__.e(57), __nccwpck_require__.e(15), __nccwpck_require__.e(343), __nccwpck_require__.e(472), __nccwpck_require__.e(876)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3876))).planCommand(rest, io);
    if (command === 'merge')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(815), __nccwpck_require__.e(363), __nccwpck_require__.e(57), __nccwpck_require__.e(15), __nccwpck_require__.e(343), __nccwpck_require__.e(472), __nccwpck_require__.e(876)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3876))).mergeCommand(rest, io);
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
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(283), __nccwpck_require__.e(38), __nccwpck_require__.e(815), __nccwpck_require__.e(363), __nccwpck_require__.e(57), __nccwpck_require__.e(15), __nccwpck_require__.e(343), __nccwpck_require__.e(472), __nccwpck_require__.e(758)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9758))).checkCommand(values, io);
    // Only `check` has a list flag (--target).
    const single = values;
    if (command === 'heads')
        return heads(single, io);
    if (command === 'snapshot')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(915), __nccwpck_require__.e(363), __nccwpck_require__.e(15), __nccwpck_require__.e(114)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8114))).snapshotCommand(single, io);
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

/***/ 4117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y_: () => (/* binding */ INPUT_DEFINITIONS),
/* harmony export */   eO: () => (/* binding */ DEPRECATED_INPUTS),
/* harmony export */   lC: () => (/* binding */ inputScope)
/* harmony export */ });
/* unused harmony exports INPUT_GROUPS, GROUP_SCOPES, OUTPUT_DEFINITIONS */
// Every action input and output, once: action.yml's `inputs:`/`outputs:` blocks and the README's Inputs/Outputs
// tables are generated from this table (scripts/generate-inputs.ts), and INPUT_NAMES (what the action reads) is
// derived from it, so the three cannot disagree. Descriptions are Markdown; the generator quotes them for YAML.
/** The input groups, in the order action.yml and the README list them. */
const INPUT_GROUPS = [
    { id: 'what-and-where', title: 'What and where', about: 'every mode' },
    { id: 'database', title: 'Database', about: 'the database to read and how to reach it' },
    { id: 'aws-identity', title: 'AWS identity', about: 'the credentials every AWS call uses' },
    { id: 'evidence-and-alerts', title: 'Evidence and alerts', about: 'where reports are kept and who is alerted' },
    { id: 'structure', title: 'Structure', about: 'the structural comparison (monitor and fleet)' },
    {
        id: 'pull-requests',
        title: 'Pull requests',
        about: 'checked only when the pull-request check runs',
    },
    { id: 'fleet', title: 'Fleet', about: 'checked only in `mode: fleet`, `fleet-plan` and `fleet-merge`' },
    { id: 'audit', title: 'Audit', about: 'checked only in `mode: audit`' },
    {
        id: 'deprecated',
        title: 'Deprecated',
        about: 'old names that still work, with a warning naming the new one; giving both with different values is an error',
    },
];
/** The scope of each group whose inputs one mode alone reads; the other groups are checked on every run. */
const GROUP_SCOPES = {
    'pull-requests': 'pull-request',
    fleet: 'fleet',
    audit: 'audit',
};
const INPUT_DEFINITIONS = [
    // What and where
    {
        name: 'migrations',
        group: 'what-and-where',
        defaultText: 'the `alembic.ini` at the repository root or one folder below',
        description: "An `alembic.ini`, the folder holding it (Flask-Migrate's `migrations/` too), a script folder (`env.py` beside `versions/`) or a versions folder. Several or none found is an error that lists what was found.",
    },
    {
        name: 'ini-section',
        group: 'what-and-where',
        defaultText: '`[alembic]`',
        cliFlags: ['--name'],
        description: "Section of the alembic.ini to read, as Alembic's `-n`/`--name`, for an ini with one section per tree.",
    },
    {
        name: 'version-locations',
        group: 'what-and-where',
        defaultText: "the ini's `version_locations`",
        description: 'Version folders (one per line or comma-separated, from the repository root, or `package:path`) overriding the ini — for projects that set them in `env.py` code.',
    },
    {
        name: 'environment',
        group: 'what-and-where',
        default: 'production',
        description: "Name of the database's environment, shown in reports and alerts and used in report keys (letters, digits, `.`, `_`, `-`).",
    },
    {
        name: 'mode',
        group: 'what-and-where',
        default: 'auto',
        description: '`auto` (the pull-request check on `pull_request` events; otherwise the fleet when the config file lists `targets:`, monitor when it does not), `monitor`, `pull-request`, `audit` (verify the stored reports of `audit-period` and store an audit pack), `fleet` (every target of the config file, or the slice `shard` names), `fleet-plan` (output `matrix` of `shards` jobs) or `fleet-merge` (merge the slices of a matrix run and alert once). `monitor` with `targets:` in the config file is refused. `pull_request_target` is refused for the pull-request check: it would read untrusted migrations with secrets. The inputs of the Pull requests, Fleet and Audit groups are checked only when their mode runs.',
    },
    {
        name: 'fail-on',
        group: 'what-and-where',
        default: 'drift',
        description: 'When the step fails: `drift` (drift or error), `error` (only when the state could not be determined), or `never`.',
    },
    {
        name: 'pending-grace-minutes',
        group: 'what-and-where',
        default: '0',
        defaultInCode: true,
        description: 'Pending migrations whose files entered the branch fewer than this many minutes ago are reported but are not drift (a deploy in flight); 0 turns it off. Needs full git history (`fetch-depth: 0`) and a report store (`report-dir` or `s3-bucket`, which remembers when a migration was first seen pending); without them it is ignored with a warning. A commit dated later than the run earns no grace.',
    },
    {
        name: 'report-dir',
        group: 'what-and-where',
        defaultText: 'none (no local copy)',
        description: 'Folder, relative to the workspace, for the JSON report and its Markdown rendering (and, with `mode: audit`, the evidence to audit when there is no `s3-bucket`). A path that resolves outside the workspace (`..`, an absolute path elsewhere, a symbolic link leading out) is refused at the config stage.',
    },
    {
        name: 'config',
        group: 'what-and-where',
        defaultText: '`.schema-drift.yml` at the repository root, when it exists',
        description: "The config file: ignore rules for structural differences and findings, lint settings, and the fleet's `targets:` (docs/fleet.md).",
    },
    {
        name: 'timeout-seconds',
        group: 'what-and-where',
        default: '300',
        description: 'Seconds the whole run may take, every network call included (5–21600). A service that accepts the connection and never answers ends the run as `error` within it: the check gets the first 60 %, storing the report and sending the alert the rest, and a watchdog fails the step when it runs out. Each AWS request gets 1/20 of it (at most 30 s), each call with its retries 1/8 (at most 45 s). Pull-request mode stops linting at 80 %, with a `lint-timeout` error naming the file it was reading.',
    },
    // Database
    {
        name: 'database-url',
        group: 'database',
        description: '`postgres://` URL of the database to check (masked in logs). Give this or `lambda-function`. `sslmode` in the URL sets TLS as libpq does (`disable`; `prefer`/`require` encrypt without checking the certificate; `verify-ca`, `verify-full` check it, with `sslrootcert`), except that `prefer` never falls back to plain text and no `sslmode` means plain text. Every query runs in a READ ONLY transaction with `statement_timeout` 30 s and `lock_timeout` 5 s.',
    },
    {
        name: 'version-table',
        group: 'database',
        default: 'alembic_version',
        description: "Name of Alembic's version table.",
    },
    {
        name: 'version-table-schema',
        group: 'database',
        defaultText: "the database's `search_path`",
        description: 'Schema of the version table.',
    },
    {
        name: 'lambda-function',
        group: 'database',
        description: 'Name, ARN or alias ARN of the Lambda that runs SQL (the `rds-sql-api`). Give this or `database-url`.',
    },
    {
        name: 'lambda-qualifier',
        group: 'database',
        description: 'Version or alias of the Lambda function.',
    },
    {
        name: 'lambda-payload-template',
        group: 'database',
        default: '{"sql": "{{sql}}", "params": "{{params}}"}',
        description: 'JSON request template for the Lambda; every string value that is exactly `"{{sql}}"` becomes the SQL and `"{{params}}"` the parameter array.',
    },
    {
        name: 'lambda-rows-path',
        group: 'database',
        defaultText: 'detect the shapes listed in docs/rds-sql-api.md',
        description: "Dotted path to the rows in the Lambda's response (e.g. `body.rows`).",
    },
    // AWS identity
    {
        name: 'role-to-assume',
        group: 'aws-identity',
        description: 'ARN of the IAM role to assume through GitHub OIDC (needs `permissions: id-token: write`). Empty: the credentials already configured in the job (e.g. by `aws-actions/configure-aws-credentials`).',
    },
    {
        name: 'aws-region',
        group: 'aws-identity',
        defaultText: '`AWS_REGION` / `AWS_DEFAULT_REGION`',
        description: 'AWS region of the Lambda, bucket and topic.',
    },
    {
        name: 'role-session-name',
        group: 'aws-identity',
        defaultText: 'from the repository and run id',
        description: 'Session name for the assumed role (2–64 characters of letters, digits and `+=,.@_-`).',
    },
    {
        name: 'role-duration-seconds',
        group: 'aws-identity',
        default: '3600',
        description: "Lifetime of the assumed role's credentials, 900–43200 seconds.",
    },
    {
        name: 'audience',
        group: 'aws-identity',
        default: 'sts.amazonaws.com',
        description: 'Audience of the GitHub OIDC token.',
    },
    // Evidence and alerts
    {
        name: 's3-bucket',
        group: 'evidence-and-alerts',
        description: 'Bucket that keeps every report (versioned and encrypted, see docs/aws-setup.md). Empty: no S3 copy. With `mode: audit`, the evidence audited.',
    },
    {
        name: 's3-prefix',
        group: 'evidence-and-alerts',
        default: 'schema-drift/',
        description: 'Key prefix for reports in the bucket.',
    },
    {
        name: 's3-kms-key-id',
        group: 'evidence-and-alerts',
        description: 'KMS key id or ARN for SSE-KMS. Empty: SSE-S3 (`AES256`).',
    },
    {
        name: 's3-object-lock-mode',
        group: 'evidence-and-alerts',
        description: 'Object Lock retention mode for each report, `GOVERNANCE` or `COMPLIANCE` (the bucket must have Object Lock enabled). Set together with `s3-object-lock-days`.',
    },
    {
        name: 's3-object-lock-days',
        group: 'evidence-and-alerts',
        description: 'Days each report is retained under Object Lock.',
    },
    {
        name: 'kms-signing-key-id',
        group: 'evidence-and-alerts',
        description: "KMS asymmetric key (`ECC_NIST_P256`, `SIGN_VERIFY`) that signs each stored report's sha256 (`ECDSA_SHA_256`); the signature is stored beside the report as `.sig.json`, verifiable offline with `schema-drift verify`. Empty: reports are not signed.",
    },
    {
        name: 'sns-topic-arn',
        group: 'evidence-and-alerts',
        description: 'SNS topic that receives alerts (e.g. an email subscription). Empty: no alerts.',
    },
    {
        name: 'notify-on',
        group: 'evidence-and-alerts',
        default: 'drift,error',
        description: "When to alert, comma-separated: `drift`, `error`, `success` (the database is in sync, or drift cleared), `change` (only when the drift state differs from the previous report's, plus a resolved message when drift clears), or `always`. The old nightly job's `NOTIFY_ON_SUCCESS` is `drift,error,success`.",
    },
    // Structure
    {
        name: 'structure-expected',
        group: 'structure',
        default: 'none',
        description: 'What the live catalog is compared with: `none`, `reference` (a database built from the migrations, see `reference-database-url`), `snapshot` (a committed file made with `schema-drift snapshot`), or `baseline` (the snapshot stored with the previous report; the first run records it).',
    },
    {
        name: 'reference-database-url',
        group: 'structure',
        description: '`postgres://` URL of the reference database built from the migrations (masked), for `structure-expected: reference`.',
    },
    {
        name: 'reference-setup-command',
        group: 'structure',
        description: 'Shell command run from the repository root before the reference is read, with `{revision}` replaced by the production revision(s), e.g. `alembic upgrade {revision}`, so pending migrations are never structural drift.',
    },
    {
        name: 'snapshot-file',
        group: 'structure',
        description: 'The committed snapshot file, for `structure-expected: snapshot`.',
    },
    {
        name: 'baseline',
        group: 'structure',
        default: 'keep',
        description: "For `structure-expected: baseline`: `keep` compares with the stored baseline until the production version moves; `re-record` replaces it with this run's live catalog on purpose (after a reviewed out-of-band change).",
    },
    // Pull requests
    {
        name: 'github-token',
        group: 'pull-requests',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's own expression, evaluated by the runner
        default: '${{ github.token }}',
        description: 'Token for the check run and the PR comment (needs `checks: write` and `pull-requests: write`). On forks and Dependabot PRs it is read-only: both are skipped and the job status carries the verdict.',
    },
    {
        name: 'check-name',
        group: 'pull-requests',
        default: 'schema-drift',
        description: 'Name of the check run (at most 100 characters); also keys the sticky PR comment, so two jobs (say, two environments) keep separate comments.',
    },
    {
        name: 'comment',
        group: 'pull-requests',
        default: 'true',
        description: 'Post the result as one sticky PR comment, updated in place on every run (`true` or `false`).',
    },
    {
        name: 'lint-large-table',
        group: 'pull-requests',
        default: '1000000 rows or 1 GB',
        description: 'Migration safety: a lock or rewrite on a production table above this many rows or this size is an error, below it a warning (sizes from the catalog, never rows; docs/lint-rules.md).',
    },
    // Fleet
    {
        name: 'concurrency',
        group: 'fleet',
        default: '8',
        description: 'With `mode: fleet`: targets checked at the same time (1–64).',
    },
    {
        name: 'shard',
        group: 'fleet',
        description: 'With `mode: fleet`: `i/N`, check only slice i of N (from the `matrix` of `mode: fleet-plan`) and store the slice for `fleet-merge`; no alert and no fail-on in the slice job.',
    },
    {
        name: 'shards',
        group: 'fleet',
        defaultText: '`4` for `fleet-plan`',
        description: 'With `mode: fleet-plan`: how many jobs the matrix has (1–256). With `mode: fleet-merge`: how many slices to expect (required when the slices are read from S3).',
    },
    {
        name: 'fleet-slices',
        cliFlags: ['--from'],
        group: 'fleet',
        defaultText: "read this run's slices from `s3-bucket`",
        description: 'With `mode: fleet-merge`: a folder of downloaded slice artifacts (`shard-i-of-N.json` files, in subfolders too).',
    },
    // Audit
    {
        name: 'audit-period',
        cliFlags: ['--period'],
        group: 'audit',
        default: 'last-quarter',
        description: 'The period whose stored reports are verified: `last-quarter`, `last-month` or `YYYY-Qn`.',
    },
    {
        name: 'audit-schedule',
        cliFlags: ['--schedule'],
        group: 'audit',
        default: '0 3 * * *',
        description: 'The cron the nightly checks run on (five fields, as in `on.schedule`); a scheduled run without a report is a gap.',
    },
    {
        name: 'audit-tolerance-minutes',
        cliFlags: ['--tolerance-minutes'],
        group: 'audit',
        default: '180',
        description: "How many minutes after its scheduled time a run's report may be.",
    },
    {
        name: 'audit-retention-years',
        cliFlags: ['--retention-years'],
        group: 'audit',
        default: '7',
        description: 'Object Lock retention every report must have, in years.',
    },
];
const DEPRECATED_INPUTS = [
    {
        name: 'pending-grace',
        replacedBy: 'pending-grace-minutes',
        kind: 'rename',
        message: 'Use pending-grace-minutes (the same value, in minutes).',
        description: 'The old name of `pending-grace-minutes` (the same value).',
    },
    {
        name: 'notify-on-success',
        replacedBy: 'notify-on',
        kind: 'notify-on-success',
        message: 'Use notify-on with the success event, e.g. notify-on: drift,error,success.',
        description: '`true` adds `success` to `notify-on` (`drift,error,success` with the default). `false` with `success` in `notify-on` is an error.',
    },
];
const OUTPUT_DEFINITIONS = [
    { name: 'status', modes: 'every mode', description: '`synced`, `drift` or `error`.' },
    { name: 'drift-detected', modes: 'every mode', description: '`true` when status is `drift`.' },
    {
        name: 'codebase-head',
        modes: 'monitor, pull-request',
        description: "The repository's head revision (several joined with `,`).",
    },
    {
        name: 'production-version',
        modes: 'monitor, pull-request',
        description: "The database's applied revision(s), joined with `,`.",
    },
    {
        name: 'pending-count',
        modes: 'monitor, pull-request',
        description: 'Number of migrations the repository has and the database lacks.',
    },
    {
        name: 'report-path',
        modes: 'monitor, fleet, audit',
        description: 'Path of the JSON report written under `report-dir` (in fleet modes the fleet report, with `mode: audit` the pack).',
    },
    {
        name: 'report-url',
        modes: 'monitor, fleet, audit',
        description: '`s3://` URL of the JSON report stored in S3 (in fleet modes the fleet report, with `mode: audit` the pack).',
    },
    {
        name: 'audit-result',
        modes: 'audit',
        description: '`complete`; `incomplete` (gaps, open incidents, unbound signatures), `not-started` (no run due yet) or `empty` (the schedule never runs in the period); `tampered` (evidence altered, deleted or falsely superseded); or `error` (the store could not be read, or timeout-seconds ran out).',
    },
    { name: 'targets-total', modes: 'fleet, fleet-merge', description: 'Targets in the fleet report.' },
    { name: 'targets-drifted', modes: 'fleet, fleet-merge', description: 'Targets whose status is `drift`.' },
    {
        name: 'targets-error',
        modes: 'fleet, fleet-merge',
        description: 'Targets whose state could not be determined.',
    },
    {
        name: 'matrix',
        modes: 'fleet-plan',
        description: 'JSON for `strategy.matrix`: `{"include":[{"shard":"1/4"},…]}`, at most 256 jobs.',
    },
];
/** The mode scope of an input (or of the input a deprecated name stands for); undefined = checked on every run. */
function inputScope(name) {
    const replaced = DEPRECATED_INPUTS.find((d) => d.name === name)?.replacedBy ?? name;
    const group = INPUT_DEFINITIONS.find((d) => d.name === replaced)?.group;
    return group === undefined ? undefined : GROUP_SCOPES[group];
}


/***/ }),

/***/ 6097:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   oF: () => (/* binding */ DATABASE_INPUTS)
/* harmony export */ });
/* unused harmony exports INPUT_NAMES, DEPRECATED_INPUT_NAMES, ACTION_INPUT_NAMES */
/* harmony import */ var _input_definitions_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4117);
// The names of the action's inputs, from the one table (input-definitions.ts) action.yml is generated from.

/** Every current input name, in action.yml's order: what parseConfig reads and checks. */
const INPUT_NAMES = _input_definitions_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_DEFINITIONS */ .Y_.map((d) => d.name);
/** Old names still read (each with a warning naming its replacement); listed last in action.yml. */
const DEPRECATED_INPUT_NAMES = _input_definitions_js__WEBPACK_IMPORTED_MODULE_0__/* .DEPRECATED_INPUTS */ .eO.map((d) => d.name);
/** What the action reads from the runner: action.yml's `inputs:` exactly, current names then deprecated ones. */
const ACTION_INPUT_NAMES = [...INPUT_NAMES, ...DEPRECATED_INPUT_NAMES];
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
/* harmony export */   GP: () => (/* binding */ redactUrlsInText),
/* harmony export */   Hp: () => (/* binding */ ambiguousUrlPassword),
/* harmony export */   I6: () => (/* binding */ databaseUrlSecrets),
/* harmony export */   RG: () => (/* binding */ maskableByValue),
/* harmony export */   Rd: () => (/* binding */ redactText),
/* harmony export */   X7: () => (/* binding */ redactWords),
/* harmony export */   aN: () => (/* binding */ plainUrlPasswords),
/* harmony export */   qP: () => (/* binding */ redactCredentialsInText),
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
    // PGPASSWORD=…, password='…' (SQL doubles a quote inside), password: "…", DB_PASSWORD = …, and a quoted key not
    // written as JSON: Python's {'password': '…'}, which a Lambda's error may quote from its connect() arguments
    [
        /(\b[\w.-]*(?:password|passwd|pwd)[\w.-]*['"]?\s*[:=]\s*)('(?:[^'\\]|\\.|'')*'?|"(?:[^"\\]|\\.)*"?|[^\s,;&)}\]]+)/gi,
        `$1${MASK}`,
    ],
];
// A scheme, `://`, and everything up to whitespace or a quote: the widest span redactDatabaseUrl may need to see.
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'`<>]+/g;
/** Text with every URL in it shown as redactDatabaseUrl shows one: password and password= values ***. Never throws. */
function redactUrlsInText(text) {
    return String(text).replace(URL_IN_TEXT, (url) => redactDatabaseUrl(url));
}
/** Credentials written as text, by position only: URL passwords, password keys and assignments. Never throws. */
function redactCredentialsInText(text) {
    let out = String(text);
    for (const [pattern, replacement] of TEXT_PATTERNS)
        out = out.replace(pattern, replacement);
    return out;
}
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
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .fp)(redactCredentialsInText(out));
}
/**
 * The passwords of a URL too plain to be masked by value everywhere (maskableByValue): they are still replaced where
 * they stand as a whole word in text another program wrote (a setup command's output, a Lambda's error), which may
 * quote the password outside any URL. A password equal to the URL's user name is left to the patterns: replacing it
 * would hide the user in every message, and such a password is no secret from anyone who reads the URL.
 */
function plainUrlPasswords(url) {
    const user = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^:@/]*):/.exec(url)?.[1] ?? '';
    let decodedUser = user;
    try {
        decodedUser = decodeURIComponent(user);
    }
    catch {
        // A malformed escape: compare the raw form only.
    }
    return databaseUrlSecrets(url).filter((password) => !maskableByValue(password) &&
        password.length >= MIN_SECRET_LENGTH &&
        password !== user &&
        password !== decodedUser);
}
/** Text with each word of `words` replaced by *** where it stands whole (not inside a longer word or a URL scheme). */
function redactWords(text, words) {
    let out = text;
    for (const word of words) {
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'gu'), MASK);
    }
    return out;
}
/** Shorter secret values are not replaced by value: they would hide ordinary words (the patterns still apply). */
const MIN_SECRET_LENGTH = 4;
/**
 * Whether a password is masked by value (handed to core.setSecret and replaced wherever it appears) as well as where
 * it is a password. By value, `postgres` turns every `postgresql://` in the log into `***ql://` and every user named
 * postgres into ***, and says the password to anyone who reads the masked text. So a password is masked by value only
 * when it cannot be an ordinary word: at least 8 characters, and either two kinds of character (lower case, upper
 * case, digits, others) or at least 16 characters (a passphrase). The others — `postgres`, `password`, `secret` — are
 * redacted by position only, which every place a password is printed does: URL userinfo and password=/sslpassword=
 * values (redactDatabaseUrl), and the same written inside messages (redactText's patterns, the CLI's scrubText).
 */
function maskableByValue(password) {
    if (password.length < 8)
        return false;
    if (password.length >= 16)
        return true;
    const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(password)).length;
    return kinds >= 2;
}


/***/ }),

/***/ 4050:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
/** The tool's version, recorded in every report (kept equal to package.json by a test). */
const TOOL_VERSION = '1.0.0';


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
