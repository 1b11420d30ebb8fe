#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

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

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

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

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

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

/***/ 490:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7771);

process.exitCode = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8822:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lv: () => (/* binding */ SNAPSHOT_FLAGS),
/* harmony export */   P8: () => (/* binding */ CHECK_FLAGS),
/* harmony export */   dc: () => (/* binding */ EXIT)
/* harmony export */ });
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(174);
// The flags of each CLI command, and the exit codes; a module of its own so the dispatcher loads nothing heavy.

const EXIT = { ok: 0, drift: 1, error: 2 };
const CHECK_FLAGS = [
    'migrations',
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

/***/ 7771:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runCli)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var _migrations_load_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8949);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(644);
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8822);
// The `schema-drift` CLI: the same engine as the action, with exit codes 0 no drift, 1 drift, 2 error.






const USAGE = `schema-drift ${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .TOOL_VERSION */ .w}

Usage:
  schema-drift heads --migrations PATH [--json]
  schema-drift check --migrations PATH (--database-url URL | --lambda-function NAME | --pglite DIR)
                     [--environment NAME] [--report-dir DIR] [--json]
                     [--version-table NAME] [--version-table-schema NAME] [--pending-grace MINUTES]
                     [--lambda-qualifier Q] [--lambda-payload-template JSON] [--lambda-rows-path PATH]
                     [--aws-region REGION]
                     [--structure-expected reference|snapshot|baseline] [--reference-database-url URL]
                     [--reference-setup-command CMD] [--snapshot-file FILE] [--config .schema-drift.yml]
  schema-drift snapshot (--database-url URL | --lambda-function NAME | --pglite DIR) --out FILE
                     [--include-schemas A,B] [--exclude-schemas A,B] [--max-response-bytes N]
  schema-drift diff EXPECTED ACTUAL [--json] [--config .schema-drift.yml]
  schema-drift audit (--s3-bucket B [--s3-prefix P] | --report-dir D) (--from D --to D | --period P)
                     [--environment E] [--schedule CRON] [--retention-years N] [--out DIR] [--json]

--migrations takes an alembic.ini, the folder holding it, or a versions folder (default: the alembic.ini in the
current folder or one below). Exit codes: 0 no drift (diff: equal), 1 drift (diff: different), 2 error.
`;
/** Runs one CLI command; resolves to the exit code. */
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
        io.stdout(USAGE);
        return command ? _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok : _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.error;
    }
    if (command === '--version') {
        io.stdout(`${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .TOOL_VERSION */ .w}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    }
    // Commands load their engine on demand: `heads` and `--version` stay small and fast (no pg, AWS SDK, PGlite).
    if (command === 'diff')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(255), __nccwpck_require__.e(688), __nccwpck_require__.e(603), __nccwpck_require__.e(947), __nccwpck_require__.e(215)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3215))).diffCommand(rest, io);
    if (command === 'audit')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(255), __nccwpck_require__.e(265), __nccwpck_require__.e(603), __nccwpck_require__.e(463), __nccwpck_require__.e(892)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9511))).auditCommand(rest, io);
    let values;
    try {
        const flags = command === 'snapshot' ? _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .SNAPSHOT_FLAGS */ .Lv : _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .CHECK_FLAGS */ .P8;
        const options = Object.fromEntries(flags.map((f) => [f, { type: 'string' }]));
        ({ values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...rest], options: { ...options, json: { type: 'boolean' } }, strict: true }));
    }
    catch (error) {
        io.stderr(`schema-drift ${command}: ${error.message}\n\n${USAGE}`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.error;
    }
    if (command === 'heads')
        return heads(values, io);
    if (command === 'check')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(255), __nccwpck_require__.e(688), __nccwpck_require__.e(603), __nccwpck_require__.e(947), __nccwpck_require__.e(463), __nccwpck_require__.e(221)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1221))).checkCommand(values, io);
    if (command === 'snapshot')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(255), __nccwpck_require__.e(688), __nccwpck_require__.e(603), __nccwpck_require__.e(947), __nccwpck_require__.e(215)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3215))).snapshotCommand(values, io);
    io.stderr(`schema-drift: unknown command "${command}"\n\n${USAGE}`);
    return _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.error;
}
async function heads(values, io) {
    const extra = Object.keys(values).filter((k) => k !== 'migrations' && k !== 'json');
    if (extra.length) {
        io.stderr(`schema-drift heads: --${extra[0]} is not an option of heads\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.error;
    }
    try {
        const { graph } = await (0,_migrations_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadMigrationGraph */ .v)(io.cwd, values.migrations);
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
        return _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    }
    catch (error) {
        io.stderr(`schema-drift heads: ${error.message}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.error;
    }
}


/***/ }),

/***/ 174:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ DATABASE_INPUTS)
/* harmony export */ });
/* unused harmony export INPUT_NAMES */
// The names of every action input (action.yml) — the one list the action reads; a test keeps it equal to action.yml.
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'migrations',
    'environment',
    'mode',
    'fail-on',
    'pending-grace',
    'report-dir',
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
    'sns-topic-arn',
    'notify-on',
    'notify-on-success',
    'structure-expected',
    'reference-database-url',
    'reference-setup-command',
    'snapshot-file',
    'config',
    'github-token',
    'check-name',
    'comment',
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

/***/ 1572:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ ancestors),
/* harmony export */   ZG: () => (/* binding */ buildGraph),
/* harmony export */   ub: () => (/* binding */ inApplyOrder)
/* harmony export */ });
/* unused harmony exports pathBetween, branchPoints, mergePoints */
const indexes = new WeakMap();
/** Alembic's alembic_version.version_num is VARCHAR(32). */
const MAX_ID_LENGTH = 32;
const ILLEGAL_ID = /[@\-+:\s]/;
function byString(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Builds the graph and its findings; `revisions` come in a stable order (the first of duplicate ids wins). */
function buildGraph(revisions, readerFindings = []) {
    const findings = readerFindings.slice();
    const error = (kind, message, at) => {
        findings.push({ severity: 'error', kind, message, file: at.file, line: at.line });
    };
    // Revisions are numbered in input order and edges kept as numbers in flat arrays: on 10,000 revisions this is
    // several times faster than maps of string arrays, most of all in a fresh process before the JIT has warmed up.
    const numberOf = new Map();
    const unique = [];
    let edgeCount = 0;
    for (const rev of revisions) {
        const first = numberOf.get(rev.id);
        if (first !== undefined) {
            error('duplicate-revision', `revision ${rev.id} in ${rev.file} is also defined in ${unique[first]?.file}`, rev);
            continue;
        }
        numberOf.set(rev.id, unique.length);
        unique.push(rev);
        edgeCount += rev.downRevisions.length + rev.dependsOn.length;
        if (rev.id.trim() === '' || ILLEGAL_ID.test(rev.id)) {
            error('invalid-revision-id', `revision id "${rev.id}" is empty or contains one of @ - + : or whitespace, which Alembic cannot address`, rev);
        }
        if (rev.id.length > MAX_ID_LENGTH) {
            error('revision-id-too-long', `revision id "${rev.id}" has ${rev.id.length} characters; alembic_version.version_num holds at most ${MAX_ID_LENGTH}`, rev);
        }
    }
    const n = unique.length;
    // Alembic resolves depends_on (and, since labels share its map, down_revision) through branch labels too.
    const labels = new Map();
    for (let i = 0; i < n; i++) {
        const rev = unique[i];
        for (const label of rev.branchLabels) {
            const owner = labels.get(label) ?? numberOf.get(label);
            if (owner !== undefined && owner !== i) {
                error('duplicate-branch-label', `branch label "${label}" of revision ${rev.id} is already used by ${unique[owner]?.id}`, rev);
                continue;
            }
            labels.set(label, i);
        }
    }
    // parents of i (down_revision then depends_on, resolved, without repeats) are edges[edgeStart[i]..edgeStart[i+1]).
    const edges = new Int32Array(edgeCount);
    const edgeStart = new Int32Array(n + 1);
    const hasChild = new Uint8Array(n);
    const resolved = new Map();
    let e = 0;
    for (let i = 0; i < n; i++) {
        const rev = unique[i];
        edgeStart[i] = e;
        const downRevisions = [];
        let same = true;
        for (const ref of rev.downRevisions) {
            const p = resolveRef(ref, rev, numberOf, labels, error);
            if (p === -1 || hasEdge(edges, edgeStart[i], e, p)) {
                same = false;
                continue;
            }
            edges[e++] = p;
            hasChild[p] = 1;
            const id = unique[p].id;
            if (id !== ref)
                same = false;
            downRevisions.push(id);
        }
        const downEnd = e;
        const dependsOn = [];
        for (const ref of rev.dependsOn) {
            const p = resolveRef(ref, rev, numberOf, labels, error);
            if (p === -1 || hasEdge(edges, downEnd, e, p) || dependsOn.includes(unique[p].id)) {
                same = false;
                continue;
            }
            const id = unique[p].id;
            if (id !== ref)
                same = false;
            dependsOn.push(id);
            if (!hasEdge(edges, edgeStart[i], downEnd, p))
                edges[e++] = p;
        }
        if (same) {
            // Nothing to resolve (the usual case): share the reader's object instead of copying 10,000 of them.
            resolved.set(rev.id, rev);
            continue;
        }
        resolved.set(rev.id, {
            id: rev.id,
            downRevisions,
            dependsOn,
            branchLabels: [...rev.branchLabels],
            file: rev.file,
            line: rev.line,
            message: rev.message,
        });
    }
    edgeStart[n] = e;
    // As Alembic: heads have no child through down_revision; bases declare no down_revision at all.
    const heads = [];
    const bases = [];
    for (let i = 0; i < n; i++) {
        const rev = unique[i];
        if (hasChild[i] === 0)
            heads.push(rev.id);
        if (rev.downRevisions.length === 0)
            bases.push(rev.id);
    }
    heads.sort(byString);
    bases.sort(byString);
    if (!isAcyclic(n, edges, edgeStart)) {
        const parents = new Map();
        for (let i = 0; i < n; i++) {
            const list = [];
            for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
                list.push(unique[edges[k]].id);
            }
            parents.set(unique[i].id, list);
        }
        for (const cycle of tarjan(parents)) {
            const at = resolved.get(cycle[0]);
            const message = cycle.length === 1
                ? `revision ${at.id} names itself as its parent or dependency`
                : `revisions ${cycle.join(', ')} form a cycle`;
            error('cycle', message, at);
        }
    }
    if (heads.length > 1) {
        for (const head of heads) {
            error('multiple-heads', `revision ${head} is one of ${heads.length} heads (${heads.join(', ')}); \`alembic upgrade head\` refuses to run until they are merged`, resolved.get(head));
        }
    }
    // The walk index (parents/children maps) is derived on first use: `heads` never needs it.
    return { revisions: resolved, heads, bases, findings };
}
/** Number of the revision `ref` names (an id or a branch label), or -1 with a missing-parent finding. */
function resolveRef(ref, from, numberOf, labels, error) {
    const p = numberOf.get(ref) ?? labels.get(ref);
    if (p !== undefined)
        return p;
    error('missing-parent', `revision ${ref} referenced from ${from.id} is not present`, from);
    return -1;
}
function hasEdge(edges, from, to, p) {
    for (let k = from; k < to; k++)
        if (edges[k] === p)
            return true;
    return false;
}
/** Kahn's count: cheap proof that a healthy history has no cycle, so Tarjan only runs on broken ones. */
function isAcyclic(n, edges, edgeStart) {
    // Children lists in the same flat layout, so that each revision is released once all its parents are.
    const childCount = new Int32Array(n + 1);
    const edgeEnd = edgeStart[n];
    for (let k = 0; k < edgeEnd; k++)
        childCount[edges[k]] = childCount[edges[k]] + 1;
    const childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++)
        childStart[i + 1] = childStart[i] + childCount[i];
    const fill = childStart.slice(0, n);
    const children = new Int32Array(edgeEnd);
    const pending = new Int32Array(n);
    const ready = new Int32Array(n);
    let top = 0;
    for (let i = 0; i < n; i++) {
        const from = edgeStart[i];
        const to = edgeStart[i + 1];
        pending[i] = to - from;
        if (to === from)
            ready[top++] = i;
        for (let k = from; k < to; k++) {
            const p = edges[k];
            children[fill[p]++] = i;
        }
    }
    let seen = 0;
    while (top > 0) {
        const i = ready[--top];
        seen++;
        for (let k = childStart[i]; k < childStart[i + 1]; k++) {
            const child = children[k];
            const left = pending[child] - 1;
            pending[child] = left;
            if (left === 0)
                ready[top++] = child;
        }
    }
    return seen === n;
}
function unique(ids) {
    const out = [];
    for (const id of ids)
        if (id !== null && !out.includes(id))
            out.push(id);
    return out;
}
/** Iterative Tarjan. */
function tarjan(parents) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const cycles = [];
    let counter = 0;
    for (const root of parents.keys()) {
        if (index.has(root))
            continue;
        const work = [{ id: root, next: 0 }];
        index.set(root, counter);
        low.set(root, counter++);
        stack.push(root);
        onStack.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const edges = parents.get(frame.id);
            if (frame.next < edges.length) {
                const to = edges[frame.next++];
                if (!index.has(to)) {
                    index.set(to, counter);
                    low.set(to, counter++);
                    stack.push(to);
                    onStack.add(to);
                    work.push({ id: to, next: 0 });
                }
                else if (onStack.has(to)) {
                    low.set(frame.id, Math.min(low.get(frame.id), index.get(to)));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent)
                low.set(parent.id, Math.min(low.get(parent.id), low.get(frame.id)));
            if (low.get(frame.id) === index.get(frame.id)) {
                const members = [];
                let member;
                do {
                    member = stack.pop();
                    onStack.delete(member);
                    members.push(member);
                } while (member !== frame.id);
                if (members.length > 1 || edges.includes(frame.id))
                    cycles.push(members.sort(byString));
            }
        }
    }
    return cycles.sort((a, b) => byString(a[0], b[0]));
}
function indexOf(graph) {
    let index = indexes.get(graph);
    if (!index) {
        // A graph built elsewhere (a test double, a deserialised one): derive the maps from its revisions.
        const parents = new Map();
        const children = new Map();
        for (const rev of graph.revisions.values())
            children.set(rev.id, []);
        for (const rev of graph.revisions.values()) {
            parents.set(rev.id, unique([...rev.downRevisions, ...rev.dependsOn]).filter((p) => graph.revisions.has(p)));
            for (const p of rev.downRevisions)
                children.get(p)?.push(rev.id);
        }
        index = { parents, children };
        indexes.set(graph, index);
    }
    return index;
}
/** Inclusive ancestry of ids through down_revision and depends_on edges; unknown ids are ignored. */
function ancestors(graph, ids) {
    const { parents } = indexOf(graph);
    const seen = new Set();
    const todo = [];
    for (const id of ids) {
        if (parents.has(id) && !seen.has(id)) {
            seen.add(id);
            todo.push(id);
        }
    }
    while (todo.length > 0) {
        for (const p of parents.get(todo.pop()) ?? []) {
            if (!seen.has(p)) {
                seen.add(p);
                todo.push(p);
            }
        }
    }
    return seen;
}
/** The given revisions in apply order (parents and dependencies first), deterministic. */
function inApplyOrder(graph, ids) {
    const { parents } = indexOf(graph);
    const wanted = new Set([...ids].filter((id) => parents.has(id)));
    const sortedParents = (id) => [...(parents.get(id) ?? [])].sort(byString);
    const done = new Set();
    const out = [];
    // Post-order DFS through the whole ancestry (so order holds through revisions outside `ids`), roots by id.
    for (const root of [...wanted].sort(byString)) {
        if (done.has(root))
            continue;
        const visiting = new Set([root]);
        const work = [{ id: root, edges: sortedParents(root), next: 0 }];
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.next < frame.edges.length) {
                const p = frame.edges[frame.next++];
                if (!done.has(p) && !visiting.has(p)) {
                    visiting.add(p);
                    work.push({ id: p, edges: sortedParents(p), next: 0 });
                }
                continue;
            }
            work.pop();
            done.add(frame.id);
            if (wanted.has(frame.id))
                out.push(graph.revisions.get(frame.id));
        }
    }
    return out;
}
/** Revisions applied by upgrading from `from` (null = empty database) to `to`, in apply order.
 *  Throws when `from` or `to` is not in the graph. */
function pathBetween(graph, from, to) {
    for (const id of from === null ? [to] : [from, to]) {
        if (!graph.revisions.has(id))
            throw new Error(`Could not compute migration path: revision "${id}" is not in the graph`);
    }
    const target = ancestors(graph, [to]);
    if (from !== null)
        for (const applied of ancestors(graph, [from]))
            target.delete(applied);
    return inApplyOrder(graph, target);
}
/** Revisions with more than one child through down_revision, sorted. */
function branchPoints(graph) {
    const { children } = indexOf(graph);
    return [...children]
        .filter(([, c]) => c.length > 1)
        .map(([id]) => id)
        .sort(byString);
}
/** Revisions with more than one down_revision, sorted. */
function mergePoints(graph) {
    return [...graph.revisions.values()]
        .filter((r) => r.downRevisions.length > 1)
        .map((r) => r.id)
        .sort(byString);
}


/***/ }),

/***/ 8949:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  v: () => (/* binding */ loadMigrationGraph)
});

// UNUSED EXPORTS: listRevisionFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./lib/migrations/alembic/ini.js
// Reads an ini file with the semantics of Python's configparser.ConfigParser as Alembic creates it:
// `=` or `:` delimiters, option names lower-cased, full-line `#`/`;` comments only (an inline `# ...` stays part of
// the value), indented continuation lines joined with "\n", strict duplicates, and BasicInterpolation
// (`%(name)s`, `%%`) against the section plus [DEFAULT] plus the defaults Alembic passes (`here`).
class IniFile {
    path;
    sections;
    defaults;
    constructor(path, sections, defaults) {
        this.path = path;
        this.sections = sections;
        this.defaults = defaults;
    }
    hasSection(section) {
        return this.sections.has(section);
    }
    /** The interpolated value, or undefined when the option is absent (a valueless option reads as null). */
    get(section, option) {
        const key = option.toLowerCase();
        const own = this.sections.get(section);
        const raw = own?.has(key) ? own.get(key) : this.defaults.get(key);
        if (raw === undefined || raw === null)
            return raw;
        return this.interpolate(section, key, raw, 1);
    }
    lookup(section, key) {
        const own = this.sections.get(section);
        return own?.has(key) ? own.get(key) : this.defaults.get(key);
    }
    interpolate(section, option, value, depth) {
        if (depth > 10)
            throw new Error(`${this.where(section, option)}: interpolation is nested too deeply`);
        let out = '';
        let i = 0;
        while (i < value.length) {
            const p = value.indexOf('%', i);
            if (p === -1) {
                out += value.slice(i);
                break;
            }
            out += value.slice(i, p);
            const next = value[p + 1];
            if (next === '%') {
                out += '%';
                i = p + 2;
            }
            else if (next === '(') {
                const close = value.indexOf(')', p + 2);
                if (close === -1 || value[close + 1] !== 's') {
                    throw new Error(`${this.where(section, option)}: bad interpolation syntax in "${value}"`);
                }
                const name = value.slice(p + 2, close).toLowerCase();
                const ref = this.lookup(section, name);
                if (ref === undefined || ref === null) {
                    throw new Error(`${this.where(section, option)}: "%(${name})s" refers to an option that does not exist`);
                }
                out += ref.includes('%') ? this.interpolate(section, name, ref, depth + 1) : ref;
                i = close + 2;
            }
            else {
                throw new Error(`${this.where(section, option)}: '%' must be followed by '%' or '(' in "${value}"`);
            }
        }
        return out;
    }
    where(section, option) {
        return `"${this.path}" [${section}] ${option}`;
    }
}
const SECTION = /^\[(.+)\]$/;
/** Parses ini text; `defaults` are the constructor defaults (Alembic passes `here`). Throws naming file and line. */
function parseIni(text, path, defaults = {}) {
    const sections = new Map();
    const defaultSection = new Map(Object.entries(defaults).map(([k, v]) => [k.toLowerCase(), v]));
    const pending = new Map();
    let current = null;
    let option = null;
    let indentLevel = 0;
    const seenSections = new Set();
    let seenOptions = new Set();
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    for (let n = 0; n < lines.length; n++) {
        const line = lines[n];
        const trimmed = line.trim();
        const isComment = trimmed.startsWith('#') || trimmed.startsWith(';');
        if (trimmed === '' || isComment) {
            // configparser keeps empty lines inside a multi-line value (trailing ones are trimmed at join).
            if (!isComment && current && option !== null)
                current.get(option)?.push('');
            continue;
        }
        const indent = line.length - line.trimStart().length;
        if (current && option !== null && indent > indentLevel) {
            const values = current.get(option);
            if (values)
                values.push(trimmed);
            continue;
        }
        indentLevel = indent;
        const header = SECTION.exec(trimmed);
        if (header) {
            const name = header[1];
            if (seenSections.has(name))
                throw new Error(`"${path}" line ${n + 1}: section [${name}] appears twice`);
            seenSections.add(name);
            seenOptions = new Set();
            const target = name === 'DEFAULT' ? defaultSection : (sections.get(name) ?? new Map());
            sections.set(name, target);
            current = pending.get(target) ?? new Map();
            pending.set(target, current);
            option = null;
            continue;
        }
        if (!current)
            throw new Error(`"${path}" line ${n + 1}: text before the first [section] header`);
        const delimiter = firstDelimiter(trimmed);
        if (delimiter === -1) {
            throw new Error(`"${path}" line ${n + 1}: "${trimmed}" is neither a section header nor an option`);
        }
        const name = trimmed.slice(0, delimiter).trim().toLowerCase();
        if (name === '')
            throw new Error(`"${path}" line ${n + 1}: option without a name`);
        if (seenOptions.has(name))
            throw new Error(`"${path}" line ${n + 1}: option "${name}" appears twice in its section`);
        seenOptions.add(name);
        current.set(name, [trimmed.slice(delimiter + 1).trim()]);
        option = name;
    }
    for (const [target, values] of pending) {
        for (const [name, parts] of values)
            target.set(name, parts === null ? null : parts.join('\n').trimEnd());
    }
    sections.delete('DEFAULT');
    return new IniFile(path, sections, defaultSection);
}
function firstDelimiter(s) {
    const eq = s.indexOf('=');
    const colon = s.indexOf(':');
    if (eq === -1)
        return colon;
    if (colon === -1)
        return eq;
    return Math.min(eq, colon);
}

;// CONCATENATED MODULE: ./lib/migrations/alembic/locate.js
// Finds the alembic.ini and reads where the revision files are, as Alembic's Config and ScriptDirectory do.



const locate_SECTION = 'alembic';
function fail(message) {
    throw new Error(`Could not read migrations: ${message}`);
}
function kind(p) {
    try {
        const s = (0,external_node_fs_.statSync)(p);
        return s.isDirectory() ? 'dir' : 'file';
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return null;
        fail(`cannot access "${p}": ${error.message}`);
    }
}
/** `input` is an alembic.ini, the folder holding it, or a versions folder; undefined = the alembic.ini at `root` or one
 *  folder below (clear error naming what was found when none or several). Absolute paths in the result. */
function resolveMigrationsInput(root, input) {
    const base = external_node_path_.resolve(root);
    if (input === undefined || input.trim() === '')
        return readAlembicIni(findDefaultIni(base));
    const target = external_node_path_.resolve(base, input);
    const what = kind(target);
    if (what === null)
        fail(`"${input}" not found (looked at ${target})`);
    if (what === 'file')
        return readAlembicIni(target);
    const ini = external_node_path_.join(target, 'alembic.ini');
    if (kind(ini) === 'file')
        return readAlembicIni(ini);
    // A script_location folder (env.py beside versions/) given without its ini.
    const versions = external_node_path_.join(target, 'versions');
    if (kind(external_node_path_.join(target, 'env.py')) === 'file' && kind(versions) === 'dir') {
        return { iniPath: null, scriptLocation: target, versionLocations: [versions], recursive: false };
    }
    return { iniPath: null, scriptLocation: external_node_path_.dirname(target), versionLocations: [target], recursive: false };
}
function findDefaultIni(base) {
    const atRoot = external_node_path_.join(base, 'alembic.ini');
    if (kind(atRoot) === 'file')
        return atRoot;
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(base, { withFileTypes: true })
            .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
            .map((e) => e.name)
            .sort();
    }
    catch (error) {
        fail(`cannot list "${base}": ${error.message}`);
    }
    const found = entries.map((d) => external_node_path_.join(base, d, 'alembic.ini')).filter((p) => kind(p) === 'file');
    if (found.length === 0)
        fail(`no alembic.ini in "${base}" or one folder below; pass the migrations input`);
    if (found.length > 1) {
        const list = found.map((p) => external_node_path_.relative(base, p)).join(', ');
        fail(`several alembic.ini files found (${list}); pass the migrations input to choose one`);
    }
    return found[0];
}
/** Reads an alembic.ini's [alembic] section into locations. */
function readAlembicIni(iniPath) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(iniPath, 'utf8');
    }
    catch (error) {
        fail(`cannot read "${iniPath}": ${error.message}`);
    }
    const here = external_node_path_.dirname(iniPath);
    let ini;
    try {
        ini = parseIni(text, iniPath, { here });
    }
    catch (error) {
        fail(error.message);
    }
    if (!ini.hasSection(locate_SECTION))
        fail(`"${iniPath}" has no [${locate_SECTION}] section`);
    const option = (name) => {
        try {
            return ini.get(locate_SECTION, name) ?? undefined;
        }
        catch (error) {
            fail(error.message);
        }
    };
    const scriptOption = option('script_location');
    if (!scriptOption)
        fail(`"${iniPath}" has no script_location in [${locate_SECTION}]`);
    // Alembic resolves a relative script_location (and version_locations) from the working directory; we resolve
    // from the ini file's folder so the result does not depend on where the action or CLI is started.
    const scriptLocation = external_node_path_.resolve(here, resourcePath(scriptOption, iniPath));
    const locationsOption = option('version_locations');
    let versionLocations;
    if (locationsOption) {
        versionLocations = splitLocations(locationsOption, option('path_separator'), option('version_path_separator'), iniPath)
            .map((l) => l.trim())
            .filter((l) => l !== '')
            .map((l) => external_node_path_.resolve(here, resourcePath(l, iniPath)));
    }
    else {
        versionLocations = [external_node_path_.join(scriptLocation, 'versions')];
    }
    return {
        iniPath,
        scriptLocation,
        versionLocations,
        recursive: option('recursive_version_locations')?.toLowerCase() === 'true',
        sourceless: option('sourceless') === 'true',
    };
}
const SEPARATORS = { space: ' ', newline: '\n', os: external_node_path_.delimiter, ':': ':', ';': ';' };
/** Alembic ≥ 1.16 reads `path_separator` first, then the older `version_path_separator`; neither = legacy split. */
function splitLocations(value, pathSep, legacySep, iniPath) {
    const setting = pathSep !== undefined ? 'path_separator' : 'version_path_separator';
    const chosen = pathSep ?? legacySep;
    if (chosen === undefined)
        return value.split(/, *| +/);
    const sep = SEPARATORS[chosen];
    if (sep === undefined) {
        fail(`"${iniPath}": "${chosen}" is not a valid ${setting}; expected space, newline, os, ':' or ';'`);
    }
    return value.split(sep);
}
/** `package:path` names a Python package resource; we can only follow it when the package folder is beside the ini. */
function resourcePath(value, iniPath) {
    if (external_node_path_.isAbsolute(value) || !value.includes(':') || /^[a-zA-Z]:[\\/]/.test(value))
        return value;
    const [pkg, ...rest] = value.split(':');
    const guess = external_node_path_.join(external_node_path_.dirname(iniPath), ...pkg.split('.'), ...rest);
    if (kind(guess) === null) {
        fail(`"${iniPath}": "${value}" is a Python package resource and "${guess}" does not exist`);
    }
    return guess;
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./lib/migrations/alembic/python-source.js
// Statically reads the module-level assignments Alembic takes from a revision file, without running Python.
// One linear pass finds the logical statements at column 0 (tracking strings, comments, brackets and line
// continuations so that text inside docstrings or bodies never counts); only the statements that can matter are
// then tokenized and parsed as Python literals.

const WATCHED = new Set(['revision', 'down_revision', 'branch_labels', 'depends_on']);
const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FORMFEED = 12;
const HASH = 35;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;
const SEMICOLON = 59;
/**
 * Prepares a revision file's bytes as Python reads them: BOM stripped, a PEP 263 coding cookie honoured (re-encoded
 * to UTF-8), invalid UTF-8 refused, CRLF and lone CR turned into LF. The scanner then works on the UTF-8 bytes
 * directly: every character Python's syntax uses is ASCII, which never occurs inside a multi-byte UTF-8 sequence.
 */
function decodePythonSource(bytes) {
    let start = 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        start = 3;
    let src = start === 0 && Buffer.isBuffer(bytes)
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
    const cookie = start === 0 ? codingCookie(src) : null;
    if (cookie && !/^utf[-_]?8(?:[-_].*)?$/i.test(cookie)) {
        try {
            // Python's codec names; ISO-8859-1 is exact in Buffer, other codecs go through the WHATWG decoder.
            const latin1 = /^(?:latin[-_]?1|iso[-_]?8859[-_]1|l1)$/i.test(cookie);
            const text = latin1 ? src.toString('latin1') : new TextDecoder(cookie, { fatal: true }).decode(src);
            src = Buffer.from(text, 'utf8');
        }
        catch (error) {
            return { error: `cannot decode with its declared coding "${cookie}": ${error.message}` };
        }
    }
    else if (!(0,external_node_buffer_namespaceObject.isUtf8)(src)) {
        return { error: 'is not valid UTF-8' };
    }
    if (src.indexOf(CR) !== -1)
        src = normaliseNewlines(src);
    return { src };
}
// A plain byte loop: measured against native indexOf + copy per line, it is faster both warm and in a fresh process
// (each Buffer.copy call costs more than the bytes of a line).
function normaliseNewlines(src) {
    const out = Buffer.allocUnsafe(src.length);
    let o = 0;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === CR) {
            out[o++] = NL;
            if (src[i + 1] === NL)
                i++;
        }
        else {
            out[o++] = c;
        }
    }
    return out.subarray(0, o);
}
function codingCookie(bytes) {
    // PEP 263: a comment on line 1 or 2 matching coding[:=]name. Most files start with a docstring: bail out early.
    let i = 0;
    for (let lineNo = 0; lineNo < 2; lineNo++) {
        while (bytes[i] === SPACE || bytes[i] === TAB || bytes[i] === FORMFEED)
            i++;
        if (bytes[i] !== HASH)
            return null;
        let end = i;
        while (end < bytes.length && bytes[end] !== NL)
            end++;
        const comment = Buffer.from(bytes.buffer, bytes.byteOffset + i, end - i).toString('latin1');
        const m = /coding[:=][ \t]*([-\w.]+)/.exec(comment);
        if (m)
            return m[1] ?? null;
        i = end + 1;
    }
    return null;
}
// Byte classes for the statement scanner: everything else (class 0) is skipped in a tight loop.
const C_NL = 1;
const C_HASH = 2;
const C_QUOTE = 3;
const C_BACKSLASH = 4;
const C_OPEN = 5;
const C_CLOSE = 6;
const C_SEMICOLON = 7;
const CLASS = new Uint8Array(256);
CLASS[NL] = C_NL;
CLASS[HASH] = C_HASH;
CLASS[SQUOTE] = C_QUOTE;
CLASS[DQUOTE] = C_QUOTE;
CLASS[BACKSLASH] = C_BACKSLASH;
for (const c of [40, 91, 123])
    CLASS[c] = C_OPEN;
for (const c of [41, 93, 125])
    CLASS[c] = C_CLOSE;
CLASS[SEMICOLON] = C_SEMICOLON;
/** Scans prepared source (see decodePythonSource) for the module docstring and watched assignments. */
function scanModule(text) {
    const scan = { assignments: new Map(), docstring: null, errors: [] };
    const n = text.length;
    let i = 0;
    let line = 1;
    let first = true;
    outer: while (i < n) {
        let col = 0;
        while (i < n) {
            const c = text[i];
            if (c === SPACE)
                col++;
            else if (c === TAB)
                col = col - (col % 8) + 8;
            else if (c === FORMFEED)
                col = 0;
            else
                break;
            i++;
        }
        if (i >= n)
            break;
        let c = text[i];
        if (c === NL) {
            i++;
            line++;
            continue;
        }
        if (c === HASH) {
            const eol = text.indexOf(NL, i);
            i = eol === -1 ? n : eol;
            continue;
        }
        const indented = col > 0;
        let start = i;
        let startLine = line;
        let depth = 0;
        let openLine = 0;
        while (true) {
            while (i < n && CLASS[text[i]] === 0)
                i++;
            if (i >= n) {
                if (depth > 0)
                    scan.errors.push({ message: `bracket opened on line ${openLine} is never closed`, line: openLine });
                statement(scan, text, start, n, startLine, indented, first);
                break outer;
            }
            c = text[i];
            switch (CLASS[c]) {
                case C_NL:
                    line++;
                    i++;
                    if (depth === 0) {
                        statement(scan, text, start, i - 1, startLine, indented, first);
                        first = false;
                        continue outer;
                    }
                    break;
                case C_HASH: {
                    const eol = text.indexOf(NL, i);
                    i = eol === -1 ? n : eol;
                    break;
                }
                case C_QUOTE:
                    i = skipString(text, i, line, scan.errors);
                    line += stringNewlines;
                    break;
                case C_BACKSLASH:
                    if (text[i + 1] === NL)
                        line++;
                    i += 2;
                    break;
                case C_OPEN:
                    if (depth === 0)
                        openLine = line;
                    depth++;
                    i++;
                    break;
                case C_CLOSE:
                    if (depth > 0)
                        depth--;
                    else
                        scan.errors.push({ message: `unmatched '${String.fromCharCode(c)}'`, line });
                    i++;
                    break;
                default:
                    // Semicolon.
                    if (depth === 0) {
                        statement(scan, text, start, i, startLine, indented, first);
                        first = false;
                        i++;
                        while (i < n && (text[i] === SPACE || text[i] === TAB))
                            i++;
                        start = i;
                        startLine = line;
                    }
                    else {
                        i++;
                    }
            }
        }
    }
    return scan;
}
function statement(scan, text, start, end, line, indented, isFirst) {
    if (indented)
        return;
    // Cheap filter before tokenizing: only a watched name, or a string as the first statement, can matter.
    if (isFirst && startsLikeString(text, start)) {
        if (!plainDocstring(scan, text, start, end))
            handleStatement(scan, text, start, end, line, isFirst);
        return;
    }
    const name = watchedNameAt(text, start);
    if (name !== null && !plainAssignment(scan, text, name, start + name.length, end, line)) {
        handleStatement(scan, text, start, end, line, isFirst);
    }
}
const WATCHED_BYTES = [...WATCHED].map((name) => ({ name, bytes: Buffer.from(name, 'latin1') }));
/** The watched name the statement at `at` starts with, or null. */
function watchedNameAt(text, at) {
    const c = text[at];
    if (c !== 114 && c !== 100 && c !== 98)
        return null;
    for (const { name, bytes } of WATCHED_BYTES) {
        let k = 0;
        while (k < bytes.length && text[at + k] === bytes[k])
            k++;
        if (k === bytes.length && !isNameChar(text[at + k]))
            return name;
    }
    return null;
}
/** Past spaces, tabs, form feeds and backslash-newline continuations (all whitespace to the tokenizer). */
function skipBlanks(text, i, end) {
    while (i < end) {
        const c = text[i];
        if (c === BACKSLASH && text[i + 1] === NL)
            i++;
        else if (c !== SPACE && c !== TAB && c !== FORMFEED)
            break;
        i++;
    }
    return i;
}
/** True when only blanks or a comment remain in [i, end). */
function restIsBlank(text, i, end) {
    i = skipBlanks(text, i, end);
    return i >= end || text[i] === HASH;
}
// Fast paths for the forms nearly every revision file uses (`name = 'id'`, `name: str = 'id'`, `name = None`, a
// plain docstring). They give exactly what tokenize + parse would, and decline (returning false) anything else,
// which then takes the general path: the tokenizer is the slowest part of a read and most statements never need it.
function plainAssignment(scan, text, name, i, end, line) {
    i = skipBlanks(text, i, end);
    if (text[i] === 58) {
        i = skipAnnotation(text, i + 1, end);
        if (i === -1)
            return false;
    }
    if (text[i] !== 61 || text[i + 1] === 61)
        return false;
    i = skipBlanks(text, i + 1, end);
    const c = text[i];
    if (c === 78 &&
        text[i + 1] === 111 &&
        text[i + 2] === 110 &&
        text[i + 3] === 101 &&
        !isNameChar(text[i + 4]) &&
        restIsBlank(text, i + 4, end)) {
        scan.assignments.set(name, { value: { kind: 'none' }, line });
        return true;
    }
    // One string literal or several side by side (implicit concatenation), then nothing but a comment.
    let value = null;
    while (i < end) {
        let q = i;
        let prefix = '';
        const p = text[q];
        if (p === 114 || p === 82) {
            prefix = 'r';
            q++;
        }
        else if (p === 117 || p === 85) {
            prefix = 'u';
            q++;
        }
        const quote = text[q];
        if (quote !== SQUOTE && quote !== DQUOTE)
            break;
        const stop = skipString(text, q, line, null);
        if (stop > end)
            return false;
        const part = decodeStringBody(text, q, stop, prefix);
        value = value === null ? part : value + part;
        i = skipBlanks(text, stop, end);
    }
    if (value === null || !(i >= end || text[i] === HASH))
        return false;
    scan.assignments.set(name, { value: { kind: 'str', value }, line });
    return true;
}
/**
 * Index of the `=` ending a simple annotation (names, dots, commas, `|` and brackets, as in `Union[str, None]`)
 * that starts at `i`, or -1 for anything else.
 */
function skipAnnotation(text, i, end) {
    let depth = 0;
    while (i < end) {
        const c = text[i];
        if (c === 61)
            return depth === 0 && text[i + 1] !== 61 ? i : -1;
        if (c === 91 || c === 40)
            depth++;
        else if (c === 93 || c === 41) {
            if (--depth < 0)
                return -1;
        }
        else if (!(isNameChar(c) || c === SPACE || c === TAB || c === 46 || c === 44 || c === 124))
            return -1;
        i++;
    }
    return -1;
}
function plainDocstring(scan, text, start, end) {
    const c = text[start];
    if (c !== SQUOTE && c !== DQUOTE)
        return false;
    const stop = skipString(text, start, 0, null);
    if (stop > end || !restIsBlank(text, stop, end))
        return false;
    scan.docstring = decodeStringBody(text, start, stop, '');
    return true;
}
function startsLikeString(text, at) {
    for (let i = at; i < at + 3; i++) {
        const c = text[i];
        if (c === SQUOTE || c === DQUOTE)
            return true;
        if (!isNameStart(c))
            return false;
    }
    return false;
}
/** Newlines inside the string last skipped by skipString (saves a second pass to count lines). */
let stringNewlines = 0;
/**
 * Index just past the string literal whose opening quote is at `i`; records an error when it never closes. Sets
 * `stringNewlines` to the line breaks it spans.
 */
function skipString(text, i, line, errors) {
    const n = text.length;
    const q = text[i];
    let lines = 0;
    if (text[i + 1] === q && text[i + 2] === q) {
        let j = i + 3;
        while (j < n) {
            const c = text[j];
            if (c === BACKSLASH) {
                if (text[j + 1] === NL)
                    lines++;
                j += 2;
            }
            else if (c === q && text[j + 1] === q && text[j + 2] === q) {
                stringNewlines = lines;
                return j + 3;
            }
            else {
                if (c === NL)
                    lines++;
                j++;
            }
        }
        stringNewlines = lines;
        errors?.push({ message: 'triple-quoted string is never closed', line });
        return n;
    }
    let j = i + 1;
    while (j < n) {
        const c = text[j];
        if (c === BACKSLASH) {
            if (text[j + 1] === NL)
                lines++;
            j += 2;
        }
        else if (c === q) {
            stringNewlines = lines;
            return j + 1;
        }
        else if (c === NL)
            break;
        else
            j++;
    }
    stringNewlines = lines;
    errors?.push({ message: 'string is never closed', line });
    return Math.min(j, n);
}
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
function isNameStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isNameChar(c) {
    return isNameStart(c) || (c >= 48 && c <= 57);
}
const KNOWN_NAMES = [...WATCHED, 'None'].map((name) => ({ name, bytes: Buffer.from(name, 'latin1') }));
/** The shared string for a name every revision file repeats, without decoding it again; null for any other. */
function knownName(text, start, end) {
    const length = end - start;
    for (const known of KNOWN_NAMES) {
        const bytes = known.bytes;
        if (bytes.length !== length || bytes[0] !== text[start])
            continue;
        let k = 1;
        while (k < length && bytes[k] === text[start + k])
            k++;
        if (k === length)
            return known.name;
    }
    return null;
}
function tokenize(text, start, end, line) {
    const tokens = [];
    let i = start;
    while (i < end) {
        const c = text[i];
        if (c === NL) {
            line++;
            i++;
        }
        else if (c === SPACE || c === TAB || c === FORMFEED) {
            i++;
        }
        else if (c === BACKSLASH) {
            if (text[i + 1] === NL)
                line++;
            i += 2;
        }
        else if (c === HASH) {
            while (i < end && text[i] !== NL)
                i++;
        }
        else if (isNameStart(c)) {
            let j = i + 1;
            while (j < end && isNameChar(text[j]))
                j++;
            const word = knownName(text, i, j) ?? text.toString('utf8', i, j);
            const next = text[j];
            if ((next === SQUOTE || next === DQUOTE) && STRING_PREFIXES.has(word.toLowerCase())) {
                const stop = Math.min(skipString(text, j, line, null), end);
                tokens.push({
                    t: 'str',
                    v: decodeStringBody(text, j, stop, word.toLowerCase()),
                    prefix: word.toLowerCase(),
                    line,
                });
                for (let k = j; k < stop; k++)
                    if (text[k] === NL)
                        line++;
                i = stop;
            }
            else {
                tokens.push({ t: 'name', v: word, line });
                i = j;
            }
        }
        else if (c === SQUOTE || c === DQUOTE) {
            const stop = Math.min(skipString(text, i, line, null), end);
            tokens.push({ t: 'str', v: decodeStringBody(text, i, stop, ''), prefix: '', line });
            for (let k = i; k < stop; k++)
                if (text[k] === NL)
                    line++;
            i = stop;
        }
        else if (c >= 48 && c <= 57) {
            let j = i + 1;
            while (j < end && (isNameChar(text[j]) || text[j] === 46))
                j++;
            tokens.push({ t: 'other', v: text.toString('utf8', i, j), line });
            i = j;
        }
        else if (c === 61 && text[i + 1] === 61) {
            tokens.push({ t: 'op', v: '==', line });
            i += 2;
        }
        else {
            tokens.push({ t: 'op', v: String.fromCharCode(text[i]), line });
            i++;
        }
    }
    return tokens;
}
/** The value of a string literal spanning [start, stop) (quotes included), escapes applied unless raw. */
function decodeStringBody(text, start, stop, prefix) {
    const q = text[start];
    const triple = text[start + 1] === q && text[start + 2] === q && stop - start >= 6;
    const open = triple ? 3 : 1;
    const closed = stop - start >= open * 2 && text[stop - 1] === q;
    const body = text.toString('utf8', start + open, closed ? stop - open : stop);
    if (prefix.includes('r') || !body.includes('\\'))
        return body;
    return applyEscapes(body);
}
const SIMPLE_ESCAPES = {
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\n': '',
};
function applyEscapes(body) {
    let out = '';
    let i = 0;
    while (i < body.length) {
        const c = body[i];
        if (c !== '\\' || i + 1 >= body.length) {
            out += c;
            i++;
            continue;
        }
        const e = body[i + 1];
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
            out += simple;
            i += 2;
        }
        else if (e === 'x' || e === 'u' || e === 'U') {
            const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = body.slice(i + 2, i + 2 + len);
            const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? Number.parseInt(hex, 16) : Number.NaN;
            if (Number.isNaN(code) || code > 0x10ffff) {
                out += `\\${e}`;
                i += 2;
            }
            else {
                out += String.fromCodePoint(code);
                i += 2 + len;
            }
        }
        else if (e >= '0' && e <= '7') {
            let j = i + 1;
            while (j < i + 4 && j < body.length && body[j] >= '0' && body[j] <= '7')
                j++;
            out += String.fromCharCode(Number.parseInt(body.slice(i + 1, j), 8));
            i = j;
        }
        else {
            // Unknown escapes (and \N{...}) stay as written, as Python keeps unknown ones.
            out += `\\${e}`;
            i += 2;
        }
    }
    return out;
}
function handleStatement(scan, text, start, end, line, isFirst) {
    const tokens = tokenize(text, start, end, line);
    const head = tokens[0];
    if (!head)
        return;
    if (isFirst && head.t === 'str') {
        if (tokens.every((t) => t.t === 'str' && !t.prefix.includes('b') && !t.prefix.includes('f'))) {
            scan.docstring = tokens.map((t) => t.v).join('');
        }
        return;
    }
    if (head.t !== 'name' || !WATCHED.has(head.v))
        return;
    let k = 1;
    const next = tokens[1];
    if (next?.t === 'op' && next.v === ':') {
        // Annotated assignment: skip the annotation up to the `=` outside brackets; a bare annotation assigns nothing.
        let depth = 0;
        k = 2;
        for (; k < tokens.length; k++) {
            const t = tokens[k];
            if (t.t !== 'op')
                continue;
            if (t.v === '(' || t.v === '[' || t.v === '{')
                depth++;
            else if (t.v === ')' || t.v === ']' || t.v === '}')
                depth--;
            else if (t.v === '=' && depth === 0)
                break;
        }
        if (k >= tokens.length)
            return;
    }
    else if (!(next?.t === 'op' && next.v === '=')) {
        return;
    }
    const value = parseValue(tokens, k + 1);
    scan.assignments.set(head.v, { value, line: head.line });
}
class NotLiteral extends Error {
}
function parseValue(tokens, from) {
    const p = { tokens, i: from };
    try {
        if (p.i >= tokens.length)
            throw new NotLiteral('no value after "="');
        const value = asValue(parseExprList(p, null));
        const extra = tokens[p.i];
        if (extra)
            throw new NotLiteral(`unexpected "${extra.v}" in the value`);
        return value;
    }
    catch (error) {
        if (error instanceof NotLiteral)
            return { kind: 'error', reason: error.message };
        throw error;
    }
}
/** A bare or parenthesised item list is a tuple only when it has a comma (or is empty), as in Python. */
function asValue(list) {
    if (!list.sawComma && list.items.length === 1)
        return list.items[0];
    return { kind: 'seq', items: list.items };
}
/** Comma-separated items up to `close` (or the end). */
function parseExprList(p, close) {
    const items = [];
    let sawComma = false;
    while (true) {
        const t = p.tokens[p.i];
        if (!t || (t.t === 'op' && t.v === close))
            break;
        items.push(parseAtom(p));
        const sep = p.tokens[p.i];
        if (sep?.t === 'op' && sep.v === ',') {
            sawComma = true;
            p.i++;
            continue;
        }
        break;
    }
    return { items, sawComma };
}
function parseAtom(p) {
    const t = p.tokens[p.i];
    if (!t)
        throw new NotLiteral('value ends early');
    if (t.t === 'str') {
        let value = '';
        while (true) {
            const s = p.tokens[p.i];
            if (s?.t !== 'str')
                break;
            if (s.prefix.includes('b'))
                throw new NotLiteral('bytes are not a revision identifier');
            if (s.prefix.includes('f'))
                throw new NotLiteral('an f-string needs Python to evaluate');
            value += s.v;
            p.i++;
        }
        return { kind: 'str', value };
    }
    if (t.t === 'name' && t.v === 'None') {
        p.i++;
        return { kind: 'none' };
    }
    if (t.t === 'op' && (t.v === '(' || t.v === '[' || t.v === '{')) {
        const close = t.v === '(' ? ')' : t.v === '[' ? ']' : '}';
        p.i++;
        const list = parseExprList(p, close);
        const end = p.tokens[p.i];
        if (!(end?.t === 'op' && end.v === close))
            throw new NotLiteral(`"${t.v}" is not closed`);
        p.i++;
        if (close === '}' && list.items.length === 0)
            throw new NotLiteral('{} is a dict');
        // Lists and sets are sequences even with one item; a parenthesised single value is just that value.
        return close === ')' ? asValue(list) : { kind: 'seq', items: list.items };
    }
    throw new NotLiteral(`"${t.v}" is not a literal`);
}

;// CONCATENATED MODULE: ./lib/migrations/alembic/revision-file.js

// Alembic's legacy rule: a file without `revision` still counts when its name is a hex id.
const LEGACY_NAME = /^([a-f0-9]+)\.py$/;
/** Reads a revision file's bytes; `file` is the path shown in findings, `fileName` its base name. */
function readRevisionFile(bytes, file, fileName) {
    const findings = [];
    const decoded = decodePythonSource(bytes);
    if ('error' in decoded)
        return unparseable(findings, file, decoded.error, 1);
    const scan = scanModule(decoded.src);
    for (const error of scan.errors) {
        findings.push({
            severity: 'error',
            kind: 'unparseable-revision-file',
            message: `${file} cannot be imported by Python: ${error.message}`,
            file,
            line: error.line,
        });
    }
    const revisionAssignment = scan.assignments.get('revision');
    let id;
    let line;
    if (!revisionAssignment) {
        const legacy = LEGACY_NAME.exec(fileName);
        if (!legacy?.[1])
            return unparseable(findings, file, 'has no module-level `revision = "..."` assignment', 1);
        id = legacy[1];
        line = 1;
    }
    else {
        const v = revisionAssignment.value;
        if (v.kind !== 'str')
            return unparseable(findings, file, `sets \`revision\` to ${describe(v)}, not a string`, revisionAssignment.line);
        id = v.value;
        line = revisionAssignment.line;
    }
    const down = scan.assignments.get('down_revision');
    if (!down)
        return unparseable(findings, file, 'has no module-level `down_revision` assignment (use None for a base)', line);
    const downRevisions = identifiers(down, 'down_revision', file, findings);
    const branchLabels = identifiers(scan.assignments.get('branch_labels'), 'branch_labels', file, findings);
    const dependsOn = identifiers(scan.assignments.get('depends_on'), 'depends_on', file, findings);
    if (!downRevisions || !branchLabels || !dependsOn)
        return { revision: null, findings };
    return {
        revision: { id, downRevisions, dependsOn, branchLabels, file, line, message: firstLine(scan.docstring) },
        findings,
    };
}
/** First line of the trimmed docstring, as a string of its own. */
function firstLine(docstring) {
    const doc = docstring?.trim() ?? '';
    const newline = doc.indexOf('\n');
    const line = (newline === -1 ? doc : doc.slice(0, newline)).trim();
    // A slice of 13+ characters keeps the whole docstring alive in V8; joining first copies just the line, which
    // saves about 1.5 MB across 10,000 revisions (and with it a young-generation growth step).
    return line.length < 13 ? line : `${line} `.slice(0, -1);
}
// Module-level helpers rather than closures: this runs once per file, 10,000 times for a large history.
function unparseable(findings, file, message, line) {
    findings.push({ severity: 'error', kind: 'unparseable-revision-file', message: `${file} ${message}`, file, line });
    return { revision: null, findings };
}
function describe(v) {
    if (v.kind === 'error')
        return `something that is not a plain literal (${v.reason})`;
    if (v.kind === 'none')
        return 'None';
    if (v.kind === 'seq')
        return 'a sequence';
    return 'a string';
}
/**
 * The identifiers in a `down_revision` / `branch_labels` / `depends_on` value, following Alembic's `to_tuple` and
 * `tuple_rev_as_scalar`: None, '' and () mean none. Null (with a finding) when the value is not usable.
 */
function identifiers(assignment, name, file, findings) {
    if (!assignment)
        return [];
    const v = assignment.value;
    if (v.kind === 'error')
        return badValue(findings, file, name, assignment.line, describe(v));
    if (v.kind === 'none')
        return [];
    if (v.kind === 'str')
        return v.value === '' ? [] : [v.value];
    const out = [];
    for (const item of v.items) {
        if (item.kind !== 'str') {
            return badValue(findings, file, name, assignment.line, `a sequence holding ${describe(item)}; every entry must be a string`);
        }
        if (!out.includes(item.value))
            out.push(item.value);
    }
    // An array grown by push keeps room for 16 more entries; the exact-size copy is what stays in the graph.
    return out.slice();
}
function badValue(findings, file, name, line, why) {
    findings.push({
        severity: 'error',
        kind: 'unparseable-revision-file',
        message: `${file} sets \`${name}\` to ${why}`,
        file,
        line,
    });
    return null;
}

// EXTERNAL MODULE: ./lib/migrations/graph.js
var graph = __nccwpck_require__(1572);
;// CONCATENATED MODULE: ./lib/migrations/load.js
// Reads an Alembic tree from disk into a MigrationGraph: lists revision files as Alembic does, reads and parses each
// statically and builds the graph.
//
// Files are read synchronously into one reused buffer. Measured on 10,000 revision files (page cache warm, 2 cores):
// fs.promises.readFile through a pool of 64 took ~1,000 ms, callback fs.readFile through a pool ~250 ms, and this
// ~50 ms: each async read costs four libuv threadpool round trips (open, fstat, read, close) for a 1 KB file.





/** Reads the tree and builds the graph. File paths in revisions/findings are relative to `root`, forward slashes. */
async function loadMigrationGraph(root, input) {
    const base = external_node_path_.resolve(root);
    const location = resolveMigrationsInput(base, input);
    const findings = [];
    const files = findRevisionFiles(base, location, findings);
    const revisions = [];
    const reader = new FileReader();
    for (const file of files) {
        const result = readRevisionFile(reader.read(`${file.dir}${external_node_path_.sep}${file.name}`), file.rel, file.name);
        if (result.revision)
            revisions.push(result.revision);
        for (const f of result.findings)
            findings.push(f);
    }
    return { graph: (0,graph/* buildGraph */.ZG)(revisions, findings), location };
}
function relative(base, abs) {
    const rel = external_node_path_.relative(base, abs);
    return external_node_path_.sep === '/' ? rel : rel.split(external_node_path_.sep).join('/');
}
function load_fail(message) {
    throw new Error(`Could not read migrations: ${message}`);
}
/** Revision files in Alembic's sense (`*.py`, not `.#*` nor `__init__*`), sorted by path for stable output. */
function listRevisionFiles(base, location, findings) {
    return findRevisionFiles(base, location, findings).map((f) => ({
        abs: `${f.dir}${path.sep}${f.name}`,
        rel: f.rel,
        name: f.name,
    }));
}
function findRevisionFiles(base, location, findings) {
    const existing = location.versionLocations.filter((dir) => (0,external_node_fs_.existsSync)(dir));
    if (existing.length === 0) {
        const shown = location.versionLocations.map((d) => `"${relative(base, d) || '.'}"`).join(', ');
        load_fail(`versions folder ${shown} not found${location.iniPath ? ` (from "${location.iniPath}")` : ''}`);
    }
    const seenDirs = new Set();
    const out = [];
    for (const top of existing) {
        const dirs = [top];
        while (dirs.length > 0) {
            const dir = dirs.pop();
            let real;
            try {
                real = (0,external_node_fs_.realpathSync)(dir);
            }
            catch {
                real = dir;
            }
            // Alembic warns and ignores a file reached twice through overlapping version_locations.
            if (seenDirs.has(real))
                continue;
            seenDirs.add(real);
            let entries;
            try {
                entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
            }
            catch (error) {
                load_fail(`cannot list "${relative(base, dir)}": ${error.message}`);
            }
            // Only sourceless trees need the folder's names as a set.
            const names = location.sourceless ? new Set(entries.map((e) => e.name)) : new Set();
            const relDir = relative(base, dir);
            const relPrefix = relDir === '' ? '' : `${relDir}/`;
            for (const entry of entries) {
                const name = entry.name;
                if (entry.isDirectory() || (entry.isSymbolicLink() && isDir(`${dir}${external_node_path_.sep}${name}`))) {
                    const abs = `${dir}${external_node_path_.sep}${name}`;
                    if (location.recursive && name !== '__pycache__')
                        dirs.push(abs);
                    else if (location.sourceless && name === '__pycache__')
                        compiledOnly(base, abs, names, findings);
                    continue;
                }
                if (name.startsWith('.#') || name.startsWith('__init__'))
                    continue;
                if (name.endsWith('.py'))
                    out.push({ dir, prefix: relPrefix, rel: relPrefix + name, name });
                else if (location.sourceless && /\.py[co]$/.test(name) && !names.has(name.slice(0, -1))) {
                    compiledFinding(base, `${dir}${external_node_path_.sep}${name}`, findings);
                }
            }
        }
    }
    if (out.length === 0) {
        const shown = existing.map((d) => `"${relative(base, d) || '.'}"`).join(', ');
        load_fail(`no revision files (*.py) in ${shown}`);
    }
    // Same folder (the usual case): compare names, so the joined paths are never flattened just to be sorted.
    return out.sort((a, b) => (a.prefix === b.prefix ? byString(a.name, b.name) : byString(a.rel, b.rel)));
}
function byString(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function isDir(p) {
    try {
        return (0,external_node_fs_.readdirSync)(p) !== undefined;
    }
    catch {
        return false;
    }
}
function compiledOnly(base, cacheDir, sourceNames, findings) {
    const stems = new Set([...sourceNames].map((n) => n.split('.')[0]));
    for (const name of (0,external_node_fs_.readdirSync)(cacheDir)) {
        if (!stems.has(name.split('.')[0]) && /\.py[co]$/.test(name))
            compiledFinding(base, external_node_path_.join(cacheDir, name), findings);
    }
}
function compiledFinding(base, abs, findings) {
    const file = relative(base, abs);
    findings.push({
        severity: 'error',
        kind: 'unparseable-revision-file',
        message: `${file} is a compiled revision (sourceless = true) without its .py source; it cannot be read without Python`,
        file,
        line: 1,
    });
}
/** Reads whole files into one growing buffer; the returned view is valid until the next read. */
class FileReader {
    buffer = Buffer.allocUnsafe(64 * 1024);
    read(p) {
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(p, external_node_fs_.constants.O_RDONLY);
        }
        catch (error) {
            load_fail(`cannot read "${p}": ${error.message}`);
        }
        try {
            let length = 0;
            while (true) {
                if (length === this.buffer.length) {
                    const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
                    this.buffer.copy(bigger, 0, 0, length);
                    this.buffer = bigger;
                }
                const room = this.buffer.length - length;
                const got = (0,external_node_fs_.readSync)(fd, this.buffer, length, room, null);
                length += got;
                // A regular file gives a short read only at its end: stop there rather than pay a syscall to see 0.
                if (got < room)
                    break;
            }
            return this.buffer.subarray(0, length);
        }
        catch (error) {
            load_fail(`cannot read "${p}": ${error.message}`);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}


/***/ }),

/***/ 644:
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
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
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
/******/ var __webpack_exports__ = __nccwpck_require__(490);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
