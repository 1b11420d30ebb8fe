export const id = 343;
export const ids = [343];
export const modules = {

/***/ 6594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fs: () => (/* binding */ publicKeyFingerprint),
/* harmony export */   Lf: () => (/* binding */ checkReportSignature),
/* harmony export */   cx: () => (/* binding */ signatureKey),
/* harmony export */   hU: () => (/* binding */ serializeSignature),
/* harmony export */   rH: () => (/* binding */ signaturePayload),
/* harmony export */   uT: () => (/* binding */ parseSignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _report_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1341);
// Signed reports: each report's sha256 signed by a KMS key, the signature stored beside the JSON, verifiable with
// the public key alone. Pure, apart from the signer the caller passes in.


/** The bytes a version-2 signature signs (their sha256 is the digest KMS signs): key, environment and sha256. */
function signaturePayload(reportKey, environment, sha256) {
    return `schema-drift-signature/2\nkey=${reportKey}\nenvironment=${environment}\nsha256=${sha256}\n`;
}
/** The signature's key, beside the JSON. */
function signatureKey(jsonKey) {
    return jsonKey.replace(/\.json$/, '.sig.json');
}
function serializeSignature(signature) {
    return `${JSON.stringify(signature, null, 2)}\n`;
}
/** Parses a `.sig.json`, naming what is wrong with it. */
function parseSignature(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`${where} is not valid JSON`);
    }
    const version = value?.schema_drift_signature;
    if ((version !== 1 && version !== 2) ||
        typeof value.sha256 !== 'string' ||
        typeof value.signature !== 'string' ||
        typeof value.report_key !== 'string' ||
        (version === 2 && typeof value.environment !== 'string') ||
        value.algorithm !== 'ECDSA_SHA_256') {
        throw new Error(`${where} is not a schema-drift signature (ECDSA_SHA_256)`);
    }
    return value;
}
/**
 * Verifies a report stored under `reportKey` against its signature with only the public key (PEM). A version-2
 * signature must bind exactly this key, the report's own environment and its bytes' sha256. A version-1 signature
 * can only prove the bytes: `unbound`, which is not proof that the report belongs at `reportKey`.
 */
function checkReportSignature(reportBytes, reportKey, signature, publicKeyPem) {
    const digest = (0,_report_store_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .fg)(reportBytes);
    if (digest !== signature.sha256) {
        return { state: 'invalid', why: `the report's sha256 is ${digest}, but the signature is for ${signature.sha256}` };
    }
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(publicKeyPem);
    }
    catch (error) {
        throw new Error(`Could not read the public key: ${error instanceof Error ? error.message : String(error)}`);
    }
    const der = Buffer.from(signature.signature, 'base64');
    if (signature.schema_drift_signature === 1) {
        // KMS signed sha256(bytes) as a digest; verify() hashes the bytes with sha256 itself, which is the same check.
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', reportBytes, key, der)
            ? { state: 'unbound' }
            : { state: 'invalid', why: 'the signature does not match the report and this public key' };
    }
    if (signature.report_key !== reportKey) {
        return {
            state: 'invalid',
            why: `the signature is for the report stored at ${signature.report_key}, not at ${reportKey}`,
        };
    }
    let environment;
    try {
        environment = JSON.parse(Buffer.from(reportBytes).toString('utf8')).environment;
    }
    catch {
        return { state: 'invalid', why: 'the signed bytes are not a JSON report' };
    }
    if (environment !== signature.environment) {
        return {
            state: 'invalid',
            why: `the signature is for environment ${JSON.stringify(signature.environment)}, the report says ${JSON.stringify(environment)}`,
        };
    }
    if (!reportKey.split('/').slice(0, -4).includes(String(environment))) {
        return { state: 'invalid', why: `the key ${reportKey} is not under environment ${String(environment)}` };
    }
    const payload = signaturePayload(reportKey, String(environment), digest);
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', Buffer.from(payload, 'utf8'), key, der)
        ? { state: 'bound' }
        : {
            state: 'invalid',
            why: 'the signature does not match the report, its key and environment, and this public key',
        };
}
/** sha256 (hex) of the public key's DER (SPKI): names the key that verified, from the key itself. */
function publicKeyFingerprint(publicKeyPem) {
    const der = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(publicKeyPem).export({ type: 'spki', format: 'der' });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('hex');
}


/***/ }),

/***/ 1341:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gi: () => (/* binding */ isDatedReportKey),
/* harmony export */   NF: () => (/* binding */ markdownKey),
/* harmony export */   PD: () => (/* binding */ previousReportReader),
/* harmony export */   R9: () => (/* binding */ baselinePointer),
/* harmony export */   TV: () => (/* binding */ chainPath),
/* harmony export */   Tj: () => (/* binding */ CHAIN_ATTEMPTS),
/* harmony export */   Xo: () => (/* binding */ validateTargetSegment),
/* harmony export */   b7: () => (/* binding */ FLEET_SEGMENT),
/* harmony export */   c0: () => (/* binding */ serializePointer),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   mF: () => (/* binding */ readBaseline),
/* harmony export */   o1: () => (/* binding */ snapshotKey),
/* harmony export */   p8: () => (/* binding */ latestKey),
/* harmony export */   qQ: () => (/* binding */ validateEnvironment),
/* harmony export */   t: () => (/* binding */ chainToHead),
/* harmony export */   vK: () => (/* binding */ htmlKey),
/* harmony export */   vp: () => (/* binding */ parsePointer),
/* harmony export */   x2: () => (/* binding */ baselineKey),
/* harmony export */   x8: () => (/* binding */ verifyPredecessor),
/* harmony export */   xH: () => (/* binding */ serializeReport),
/* harmony export */   y1: () => (/* binding */ reportKey),
/* harmony export */   z5: () => (/* binding */ validateEvidenceName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// Where reports are kept as evidence. Every store uses the same key layout, so a local folder and an S3 prefix
// hold the same tree: {environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json (write-once), the .md/.html beside
// it, and {environment}/latest.json: a small pointer naming the newest dated report and its sha256.

/** Reads the environment's previous report from a store (the verdict's memory of earlier runs); undefined without one. */
function previousReportReader(store, environment) {
    return store ? async () => (await store.latest(environment))?.report ?? null : undefined;
}
const ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Environment names become key segments: letters, digits, '.', '_', '-' only, so they can never escape a folder. */
function validateEnvironment(environment) {
    if (!ENVIRONMENT_PATTERN.test(environment) || environment.includes('..')) {
        throw new Error(`Invalid environment ${JSON.stringify(environment)}: use 1-100 letters, digits, '.', '_' or '-', ` +
            "starting with a letter or digit (no '/', '\\' or '..')");
    }
    return environment;
}
/** The name a fleet gives its own reports (`{environment}/fleet/…`): never a target's. */
const FLEET_SEGMENT = 'fleet';
/**
 * A fleet target's name becomes a key segment below its environment ({environment}/{target}/…), validated as an
 * environment is. It may not be all digits (it would sit among the environment's own year folders), end in .json
 * (beside latest.json and baseline.json) or be `fleet` (the fleet's own reports).
 */
function validateTargetSegment(target) {
    if (!ENVIRONMENT_PATTERN.test(target) ||
        target.includes('..') ||
        /^\d+$/.test(target) ||
        /\.json$/i.test(target) ||
        target.toLowerCase() === FLEET_SEGMENT) {
        throw new Error(`Invalid target name ${JSON.stringify(target)}: use 1-100 letters, digits, '.', '_' or '-', ` +
            `starting with a letter or digit (no '/', '\\' or '..', not all digits, not ending in .json, not "${FLEET_SEGMENT}")`);
    }
    return target;
}
/** Where one chain lives: `{environment}`, or `{environment}/{target}` for a fleet target (both validated). */
function chainPath(environment, target) {
    const base = validateEnvironment(environment);
    return target === undefined ? base : `${base}/${validateTargetSegment(target)}`;
}
/** Key of the latest copy for an environment (or a fleet target in it). */
function latestKey(environment, target) {
    return `${chainPath(environment, target)}/latest.json`;
}
/** Key of a report's own JSON object: {environment}[/{target}]/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json. */
function reportKey(report, target) {
    const environment = chainPath(report.environment, target);
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
/** A dated report key: {environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run}.json (not .snapshot.json or .sig.json). */
function isDatedReportKey(key) {
    return /\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json$/.test(key) && !/\.(snapshot|sig)\.json$/.test(key);
}
/** The catalog snapshot's key, beside the JSON. */
function snapshotKey(jsonKey) {
    return jsonKey.replace(/\.json$/, '.snapshot.json');
}
/** Key of the environment's (or fleet target's) baseline pointer (names the stored snapshot that is the baseline). */
function baselineKey(environment, target) {
    return `${chainPath(environment, target)}/baseline.json`;
}
const POINTER_FORMAT = 'schema-drift-baseline/1';
/** The pointer's JSON bytes for a snapshot stored under `snapshotKey` by `report`. */
function baselinePointer(report, snapshot, baseline, reportKey) {
    const pointer = {
        format: POINTER_FORMAT,
        environment: report.environment,
        snapshot_key: snapshot.key,
        snapshot_sha256: sha256Hex(snapshot.bytes),
        fingerprint: baseline.fingerprint,
        production_version: baseline.productionVersion,
        recorded_at: report.timestamp,
        report_key: reportKey,
    };
    return `${JSON.stringify(pointer, null, 2)}\n`;
}
/**
 * Reads a baseline through `read` (key → text, null when absent): the pointer, then the snapshot it names, whose
 * bytes must hash to what the pointer recorded. Anything else is an error, never a silent new baseline.
 */
async function readBaseline(environment, prefix, read, target) {
    const pointerKey = prefix + baselineKey(environment, target);
    const found = await read(pointerKey);
    if (found === null)
        return null;
    const bad = (why) => new Error(`Could not use the baseline pointer ${found.location}: ${why}`);
    let pointer;
    try {
        pointer = JSON.parse(found.text);
    }
    catch (error) {
        throw bad(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (pointer === null || typeof pointer !== 'object' || pointer.format !== POINTER_FORMAT) {
        throw bad(`not a ${POINTER_FORMAT} document`);
    }
    const { snapshot_key: key, snapshot_sha256: sha256, fingerprint, production_version, recorded_at } = pointer;
    // The key is used as a path by the local store: only a snapshot object of this environment, nothing that climbs.
    const keyPattern = new RegExp(`^${escapeRegExp(prefix + chainPath(environment, target))}/\\d{4}/\\d{2}/\\d{2}/[A-Za-z0-9._-]+\\.snapshot\\.json$`);
    if (typeof key !== 'string' || !keyPattern.test(key) || key.includes('..')) {
        throw bad(`snapshot_key ${JSON.stringify(key)} is not a snapshot of environment ${environment}`);
    }
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
        throw bad('snapshot_sha256 is missing');
    if (typeof fingerprint !== 'string' || fingerprint === '')
        throw bad('fingerprint is missing');
    if (production_version !== null && typeof production_version !== 'string')
        throw bad('production_version is invalid');
    if (typeof recorded_at !== 'string')
        throw bad('recorded_at is missing');
    const snapshot = await read(key);
    if (snapshot === null)
        throw bad(`the snapshot it names (${key}) does not exist`);
    const actual = sha256Hex(snapshot.text);
    if (actual !== sha256) {
        throw bad(`the snapshot ${snapshot.location} has sha256 ${actual}, the pointer recorded ${sha256}`);
    }
    // Every run stores its snapshot beside its report, drifted ones too: the (write-once) report beside this snapshot
    // must say that it recorded this baseline, or a pointer moved to a drifted run's snapshot would accept the drift.
    const reportKeyOfSnapshot = key.replace(/\.snapshot\.json$/, '.json');
    const recorder = await read(reportKeyOfSnapshot);
    let recorded = null;
    try {
        recorded = recorder === null ? null : JSON.parse(recorder.text);
    }
    catch {
        recorded = null;
    }
    const by = recorded?.structure?.baseline?.recorded;
    if (!by ||
        recorded?.structure?.actual_fingerprint !== fingerprint ||
        (by.production_version ?? null) !== production_version) {
        throw bad(`the report beside its snapshot (${reportKeyOfSnapshot}) does not record this baseline ` +
            `(fingerprint ${fingerprint.slice(0, 12)}, production version ${production_version ?? '(none)'})`);
    }
    return {
        key,
        location: snapshot.location,
        text: snapshot.text,
        fingerprint,
        productionVersion: production_version,
        recordedAt: recorded_at,
    };
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    'supersedes',
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
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}
function serializePointer(report, key, sha256) {
    const pointer = {
        schema_drift_pointer: 1,
        environment: report.environment,
        key,
        sha256,
        timestamp: report.timestamp,
        status: report.status,
    };
    return `${JSON.stringify(pointer, null, 2)}\n`;
}
/**
 * Reads latest.json: a pointer, or (written before pointers) a byte copy of the newest report whose key the store
 * knows another way (`legacyKey`). Returns the link it names, or why it cannot be believed.
 */
async function parsePointer(bytes, where, keyPrefix, legacyKey) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (error) {
        return { problem: `${where} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    const record = (value ?? {});
    let link;
    if (record.schema_drift_pointer === 1) {
        if (typeof record.key !== 'string' || typeof record.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(record.sha256)) {
            return { problem: `${where} is a pointer without a valid key and sha256` };
        }
        link = { key: record.key, sha256: record.sha256 };
    }
    else if (record.schema_version === 1 && typeof record.status === 'string') {
        const key = await legacyKey();
        if (key === undefined)
            return { problem: `${where} is a report copy that names no dated report` };
        link = { key, sha256: sha256Hex(bytes) };
    }
    else {
        return { problem: `${where} is neither a pointer nor a schema-drift report` };
    }
    // Only a dated report under our own prefix and environment is believed: a pointer elsewhere is a forgery.
    if (!link.key.startsWith(keyPrefix) || !link.key.endsWith('.json') || link.key.endsWith('/latest.json')) {
        return {
            problem: `${where} points at ${JSON.stringify(link.key)}, which is not a dated report under ${keyPrefix}`,
        };
    }
    return { link };
}
/** Checks a predecessor's bytes against the sha256 the pointer recorded and parses it; the problem otherwise. */
function verifyPredecessor(bytes, link, location) {
    const actual = sha256Hex(bytes);
    if (actual !== link.sha256) {
        return {
            problem: `the previous report ${location} was modified: its sha256 is ${actual}, the chain recorded ${link.sha256}`,
        };
    }
    let report;
    try {
        report = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        return { problem: `the previous report ${location} is not valid JSON` };
    }
    if (report === null ||
        typeof report !== 'object' ||
        report.schema_version !== 1 ||
        typeof report.status !== 'string') {
        return { problem: `the previous report ${location} is not a schema-drift report (schema_version 1)` };
    }
    return { previous: { report, key: link.key, location, sha256: actual } };
}
/** The report linked to the chain head it will follow (a caller-set previous_report is kept). */
function chainToHead(report, head) {
    if (report.previous_report !== undefined)
        return report;
    return { ...report, previous_report: head.link };
}
/** How many times a run re-chains after another run moved the pointer first, before it gives up. */
const CHAIN_ATTEMPTS = 5;
/** An evidence name below the environment: safe path segments only, never escaping the folder. */
function validateEvidenceName(name) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(name) || name.includes('..')) {
        throw new Error(`Invalid evidence name ${JSON.stringify(name)}`);
    }
    return name;
}


/***/ }),

/***/ 7325:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ renderHtml)
/* harmony export */ });
/* unused harmony export escapeHtml */
/* harmony import */ var _presentation_wording_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5767);

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
function escapeHtml(value) {
    return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
// Colours come in light and dark pairs; severity and state always carry their word too, for print and colour-blind
// readers. `overflow-wrap: break-word` is the last resort for prose only: it breaks a word only when the word
// alone is wider than the line. Table headers and code never break; their tables scroll instead.
const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--code:#eff2f5;--link:#0969da;
--synced:#1a7f37;--drift:#9a6700;--error:#cf222e;--security:#cf222e;--breaking:#bc4c00;--cosmetic:#59636e;--warning:#9a6700;--notice:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--head:#151b23;--code:#212830;--link:#4493f8;
--synced:#3fb950;--drift:#d29922;--error:#f85149;--security:#f85149;--breaking:#db6d28;--cosmetic:#9198a1;--warning:#d29922;--notice:#4493f8}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:100rem;padding:1rem clamp(.75rem,3vw,2rem);color:var(--fg);background:var(--bg);overflow-wrap:break-word}
h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
h3{font-size:1rem;margin:1.4rem 0 .5rem}h4{font-size:.95rem;margin:1.2rem 0 .4rem}
a{color:var(--link)}p,ul{margin:.5rem 0}li{margin:.2rem 0}
.scroll{overflow-x:auto;max-width:100%;margin:.5rem 0}
.scroll,pre{--sh:rgba(127,127,127,.45);background-image:linear-gradient(to right,var(--c,var(--bg)) 40%,transparent),linear-gradient(to left,var(--c,var(--bg)) 40%,transparent),radial-gradient(farthest-side at 0 50%,var(--sh),transparent),radial-gradient(farthest-side at 100% 50%,var(--sh),transparent);background-position:left center,right center,left center,right center;background-size:1.5rem 100%,1.5rem 100%,.6rem 100%,.6rem 100%;background-repeat:no-repeat;background-attachment:local,local,scroll,scroll}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal}
th{background:var(--head);white-space:nowrap;font-weight:600}
td.num{text-align:right;white-space:nowrap}td.prose{min-width:14rem}
tr.fixed td{border-bottom:0}tr.fix td{border-top:0;padding-top:0}
tr.fix td::before{content:attr(data-label);display:block;font-size:.8em;color:var(--muted);margin-bottom:.15rem}
code,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86em}
code{background:var(--code);border-radius:4px;padding:.05em .3em}
code{white-space:nowrap}code.words{white-space:normal}code.words>span,pre>span{white-space:nowrap}
p code,li code,blockquote code,footer code{display:inline-block;max-width:100%;overflow-x:auto;vertical-align:bottom}
pre{--c:var(--code);margin:0;padding:.45rem .6rem;background-color:var(--code);border-radius:4px;white-space:pre-wrap;overflow-wrap:normal;word-break:normal;overflow-x:auto}
blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:4px solid var(--error);background:var(--head)}
em.absent{color:var(--muted)}
.badge{display:inline-block;border-radius:1rem;padding:.05rem .7rem;font-weight:600;font-size:.9em;vertical-align:.1em}
.security,.breaking,.cosmetic,.error,.warning,.notice{font-weight:600}
.security{color:var(--security)}.breaking{color:var(--breaking)}.cosmetic{color:var(--cosmetic)}
.error{color:var(--error)}.warning{color:var(--warning)}.notice{color:var(--notice)}
td.security,td.breaking,td.cosmetic{white-space:nowrap}
/* After the severity colours: the state's word stays readable on its own colour (.error is both). */
.badge.synced,.badge.drift,.badge.error{color:var(--bg)}
.badge.synced{background:var(--synced)}.badge.drift{background:var(--drift)}.badge.error{background:var(--error)}
h2.error,h3.security,h3.breaking,h3.cosmetic,h3.error,h3.warning,h3.notice{border-left:4px solid currentColor;padding-left:.5rem}
table.facts th{width:1%}
@media screen and (max-width:40rem){table.facts,table.facts tbody,table.facts tr,table.facts th,table.facts td{display:block;width:auto}
table.facts tr{border-bottom:1px solid var(--line)}table.facts th,table.facts td{border:0}table.facts th{background:none;color:var(--muted);font-size:.85em;padding-bottom:0}
table.facts td code{display:inline-block;max-width:100%;overflow-x:auto;vertical-align:bottom}}
footer{margin-top:2rem;border-top:1px solid var(--line);padding-top:.6rem;color:var(--muted);font-size:.85em}
footer p{margin:.15rem 0}
@page{margin:16mm 14mm}
@media print{
:root{--fg:#000;--bg:#fff;--muted:#444;--line:#999;--head:#eee;--code:#f3f3f3;--link:#000}
body{font-size:10pt;max-width:none;padding:0}
.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
main>section:not(.lead){break-before:page}
h2,h3,h4{break-after:avoid}tr,pre,blockquote,li{break-inside:avoid}tr.fixed{break-after:avoid}
table.data tr.fixed{margin-bottom:0;border-bottom:0}table.data tr.fix{border-top:0}thead{display:table-header-group}
.scroll{overflow:visible}.scroll,pre{background-image:none}
td.prose{min-width:0}
a[href]::after{content:" <" attr(href) ">";font-size:.85em;color:var(--muted);overflow-wrap:anywhere}
table.data,table.data tbody,table.data tr,table.data td{display:block;width:auto}
table.data thead{display:none}table.data tr{border:1px solid var(--line);margin:0 0 .5rem}
table.data td{border:0;padding:.15rem .55rem;text-align:left}
table.data td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--fg)}
}`;
/** The whole document as one HTML page. */
function renderHtml(document) {
    const title = escapeHtml(`schema-drift: ${document.title}`);
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title><style>${STYLE}</style></head>
<body>
<header>
<h1><span class="badge ${escapeHtml(document.state)}">${escapeHtml(document.badge ?? document.state)}</span> ${escapeHtml(document.title)}</h1>
${factsTable(document.facts)}
</header>
<main>
${document.sections.map((s) => sectionHtml(s, 2)).join('\n')}
</main>
<footer>${document.footer.map((fact) => `<p>${footerFact(fact)}</p>`).join('')}</footer>
</body></html>
`;
}
function factsTable(facts) {
    const rows = facts.map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${inline(f.value)}</td></tr>`);
    return `<div class="scroll"><table class="facts">${rows.join('')}</table></div>`;
}
function sectionHtml(s, level) {
    const h = `h${Math.min(level, 6)}`;
    // Lead sections print on the first page, with the facts; the others start a page of their own.
    const lead = s.lead && level === 2 ? ' class="lead"' : '';
    const heading = `<${h}${s.mark ? ` class="${s.mark}"` : ''}>${escapeHtml(s.title)}</${h}>`;
    const blocks = s.blocks.map((b) => blockHtml(b, level)).join('\n');
    return `<section id="${escapeHtml(s.id)}"${lead}>${heading}\n${blocks}</section>`;
}
function blockHtml(block, level) {
    switch (block.type) {
        case 'paragraph':
            return `<p>${inline(block.text)}</p>`;
        case 'quote':
            return `<blockquote>${inline(block.text)}</blockquote>`;
        case 'list':
            return `<ul>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
        case 'table':
            return tableHtml(block);
        case 'comparisons':
            return comparisonsHtml(block.items);
        case 'section':
            return sectionHtml(block, level + 1);
    }
}
function tableHtml(block) {
    const head = [...(block.numbered ? ['#'] : []), ...block.columns.map((c) => c.title)];
    const rows = block.rows.map((row, i) => {
        const number = block.numbered ? `<td class="num" data-label="#">${i + 1}</td>` : '';
        const cells = row.map((cell, c) => {
            const column = block.columns[c];
            const kind = column?.align === 'right' ? ' class="num"' : isProse(cell) ? ' class="prose"' : '';
            return `<td${kind} data-label="${escapeHtml(column?.title ?? '')}">${inline(cell)}</td>`;
        });
        return `<tr>${number}${cells.join('')}</tr>`;
    });
    return scrollTable(head, rows);
}
// One row per difference: severity (word and colour), what differs and both values; its fix-up SQL follows in a
// row of the table's full width, so long statements wrap less and the columns above stay narrow.
function comparisonsHtml(items) {
    const marked = items.some((c) => c.mark !== undefined);
    const head = [...(marked ? ['Severity'] : []), 'Difference', 'Expected', 'Actual'];
    const rows = items.map((c) => {
        const cells = [
            marked ? markCell(c.mark) : '',
            `<td class="prose" data-label="Difference">${inline(c.title)}</td>`,
            `<td data-label="Expected">${inline(c.expected)}</td>`,
            `<td data-label="Actual">${inline(c.actual)}</td>`,
        ];
        const fix = c.code === null
            ? ''
            : `<tr class="fix"><td colspan="${head.length}" data-label="Fix-up SQL"><pre>${sqlHtml(c.code)}</pre></td></tr>`;
        return `<tr${fix ? ' class="fixed"' : ''}>${cells.join('')}</tr>${fix}`;
    });
    return scrollTable(head, rows);
}
function markCell(mark) {
    return mark === undefined ? '<td></td>' : `<td class="${mark}">${escapeHtml(mark)}</td>`;
}
// On paper, where nothing can scroll, each row of a data table prints as a block of labelled values instead.
function scrollTable(head, rows) {
    const headRow = `<tr>${head.map((title) => `<th scope="col">${escapeHtml(title)}</th>`).join('')}</tr>`;
    return `<div class="scroll"><table class="data"><thead>${headRow}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}
// The HTML is the full evidence: SQL is shown whole (control characters made visible), never cut for size.
function sqlHtml(sql) {
    return (0,_presentation_wording_js__WEBPACK_IMPORTED_MODULE_0__/* .fixSqlLines */ .Bt)(sql, Math.max(_presentation_wording_js__WEBPACK_IMPORTED_MODULE_0__/* .FIX_SQL_MAX_CHARS */ .Iz, sql.length + 1))
        .map(unbreakableWords)
        .join('\n');
}
/**
 * Code: never broken inside a word. Browsers also break after "-", "/" and other punctuation, which no CSS turns
 * off, so each word is its own unbreakable span and only the spaces between them may wrap.
 */
function codeHtml(value) {
    if (!value.includes(' '))
        return `<code>${escapeHtml(value)}</code>`;
    return `<code class="words">${unbreakableWords(value)}</code>`;
}
function unbreakableWords(line) {
    return line
        .split(/( +)/)
        .map((part) => (part === '' || part.startsWith(' ') ? part : `<span>${escapeHtml(part)}</span>`))
        .join('');
}
function isProse(text) {
    return text.some((part) => typeof part === 'string' && part.includes(' '));
}
function footerFact(fact) {
    return fact.label === '' ? inline(fact.value) : `${escapeHtml(fact.label)}: ${inline(fact.value)}`;
}
function inline(text) {
    return text.map(inlinePart).join('');
}
function inlinePart(part) {
    if (typeof part === 'string')
        return escapeHtml(part);
    if ('code' in part) {
        if (part.short === undefined || part.code.length <= part.short)
            return codeHtml(part.code);
        return `<code title="${escapeHtml(part.code)}">${escapeHtml(part.code.slice(0, part.short))}</code>`;
    }
    if ('strong' in part)
        return `<strong>${inline(part.strong)}</strong>`;
    if ('absent' in part)
        return `<em class="absent">${escapeHtml(part.absent)}</em>`;
    // Anything but http(s) (javascript:, data:) is left out entirely: the JSON beside this page keeps the value.
    if (/^https?:\/\//i.test(part.href))
        return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.link)}</a>`;
    return escapeHtml(part.link);
}


/***/ }),

/***/ 5032:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   Z$: () => (/* binding */ DEFAULT_MARKDOWN_MAX_BYTES),
/* harmony export */   c5: () => (/* binding */ fitToBudget),
/* harmony export */   nt: () => (/* binding */ DEFAULT_TEXT_MAX_BYTES)
/* harmony export */ });
/* unused harmony exports GITHUB_LIMITS, SNS_MESSAGE_MAX_BYTES, utf8Length, truncateUtf8 */
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


/***/ }),

/***/ 7690:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ prose),
/* harmony export */   Ge: () => (/* binding */ absent),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   ko: () => (/* binding */ strong),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   uW: () => (/* binding */ section)
/* harmony export */ });
// The presentation model: what a person reads, with no notion of Markdown, HTML or plain text. The report (and later
// fleet and audit documents) is turned into this once; every renderer renders only this, so the three renderings
// cannot drift apart in what they say or in the order they say it.
const code = (value, options = {}) => ({
    code: value,
    ...options,
});
const strong = (...text) => ({ strong: text });
const absent = (what = 'none') => ({ absent: what });
const link = (label, href) => ({ link: label, href });
/** Our own sentences mark commands and names with backticks; those become code, the rest stays words. */
function prose(sentence) {
    return sentence
        .split('`')
        .map((part, i) => (i % 2 === 1 ? code(part, { quote: true }) : part))
        .filter((part) => part !== '');
}
/** A section, leaving out blocks that have nothing to show. */
function section(id, title, blocks, options = {}) {
    return { type: 'section', id, title, ...options, blocks: blocks.filter((b) => b !== null) };
}
/** A table without the columns that have nothing to say (every cell empty). */
function table(columns, rows, options = {}) {
    const keep = columns.map((_, i) => rows.some((row) => (row[i] ?? []).length > 0));
    return {
        type: 'table',
        columns: columns.filter((_, i) => keep[i]),
        rows: rows.map((row) => row.filter((_, i) => keep[i])),
        ...options,
    };
}


/***/ }),

/***/ 5767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ fixSqlLines),
/* harmony export */   H6: () => (/* binding */ whatToDo),
/* harmony export */   Iz: () => (/* binding */ FIX_SQL_MAX_CHARS),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   M: () => (/* binding */ STRUCTURE_SEVERITY_TITLES),
/* harmony export */   Np: () => (/* binding */ bySeverity),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   _n: () => (/* binding */ structureStateExplanation),
/* harmony export */   gF: () => (/* binding */ structureBySeverity),
/* harmony export */   uI: () => (/* binding */ errorMeaning),
/* harmony export */   vH: () => (/* binding */ attrText),
/* harmony export */   zS: () => (/* binding */ statsText)
/* harmony export */ });
/* harmony import */ var _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4594);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5032);


/** A fix-up SQL statement longer than this is cut at a line (a CREATE FUNCTION can be long); the JSON has it whole. */
const FIX_SQL_MAX_CHARS = 2000;
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
                // Structural drift is drift: the headline leads with it, and the version part only says where migrations are.
                what =
                    report.structure?.state === 'drifted'
                        ? `at head ${oneLine(report.production_version ?? '(none)')}`
                        : `in sync at ${oneLine(report.production_version ?? '(none)')}`;
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
        const structural = structuralHeadline(report.structure);
        if (structural)
            what = version.state === 'synced' ? `${structural}; ${what}` : `${what}; ${structural}`;
    }
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`${env}: ${what}`, 200);
}
// Short on purpose: the headline is also a mail subject, 84 characters after "[schema-drift] ".
function structuralHeadline(structure) {
    if (structure?.state !== 'drifted')
        return '';
    const security = structure.differences.filter((d) => d.severity === 'security').length;
    return `schema drifted (${plural(structure.differences.length, 'difference')}${security > 0 ? `, ${security} security` : ''})`;
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
/** Severity titles, for documents that group differences. */
const STRUCTURE_SEVERITY_TITLES = {
    security: 'Security',
    breaking: 'Breaking',
    cosmetic: 'Cosmetic',
};
/** Differences ordered security, breaking, cosmetic; the given order (kind, object) is kept within a severity. */
function structureBySeverity(differences) {
    const rank = (severity) => {
        const index = _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(severity);
        return index === -1 ? _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.length : index;
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
                kept.push((0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(line, maxChars));
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
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/** Findings ordered error, warning, notice; the original order is kept within a severity. */
function bySeverity(findings) {
    return [...findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
}
/** Control characters (newlines included) become spaces, so a value from the repository or database stays on one line. */
function oneLine(value) {
    return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}
function plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}


/***/ })

};
