export const id = 589;
export const ids = [589];
export const modules = {

/***/ 1589:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VERIFY_USAGE: () => (/* binding */ VERIFY_USAGE),
/* harmony export */   verifyCommand: () => (/* binding */ verifyCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var _publish_report_signature_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6594);
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2529);
// `schema-drift verify FILE --public-key PEM`: checks a stored report against its signature offline, so an auditor
// needs only the report, its .sig.json and the public key (no AWS access). The signature must bind the report's key
// (where it is stored), its environment and its bytes: a genuine report copied to another path is not genuine there.






const VERIFY_USAGE = `Usage:
  schema-drift verify REPORT.json --public-key KEY.pem [--signature REPORT.sig.json] [--key STORE-KEY]

Checks that REPORT.json is exactly the report that was signed, and signed for where it is: its sha256, the key it
was stored under and its environment are what the ECDSA signature binds, verified with the public key (from
\`aws kms get-public-key\`). The key is read from the file's path (its last folders must be the stored key, e.g.
production/2026/09/30/….json, as \`aws s3 cp --recursive\` keeps them); give --key when the file was saved elsewhere.
A version-1 signature (made before the binding) proves only the bytes and is not accepted as genuine.
Exit codes: 0 genuine, 2 altered, moved, unsigned, unbound or unreadable.
`;
/** Reads a regular file without ever blocking on a FIFO or device (opened non-blocking, checked before reading). */
async function readRegularFile(path, what) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        throw new Error(`Could not read the ${what} "${path}": ${error.message}`);
    }
    try {
        if (!(await handle.stat()).isFile())
            throw new Error(`the ${what} "${path}" is not a regular file`);
        return await handle.readFile();
    }
    finally {
        await handle.close();
    }
}
async function verifyCommand(args, io) {
    try {
        const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
            args: [...args],
            options: {
                'public-key': { type: 'string' },
                signature: { type: 'string' },
                key: { type: 'string' },
                help: { type: 'boolean' },
            },
            allowPositionals: true,
            strict: true,
        });
        if (values.help) {
            io.stdout(VERIFY_USAGE);
            return _flags_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
        }
        const [file, ...extra] = positionals;
        if (!file || extra.length > 0)
            throw new Error('give exactly one report file');
        if (!values['public-key'])
            throw new Error('--public-key is required (the PEM from `aws kms get-public-key`)');
        const reportPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, file);
        const signaturePath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, values.signature ?? (0,_publish_report_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .signatureKey */ .cx)(file));
        const bytes = await readRegularFile(reportPath, 'report');
        const signature = (0,_publish_report_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSignature */ .uT)((await readRegularFile(signaturePath, 'signature')).toString('utf8'), `"${signaturePath}"`);
        const publicKey = (await readRegularFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(io.cwd, values['public-key']), 'public key')).toString('utf8');
        // Where the report is: the key given, or the signed key when the file's path ends with it (else the path).
        const pathSegments = reportPath.split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
        const signedSegments = signature.report_key.split('/');
        const pathEndsWithSignedKey = signedSegments.length <= pathSegments.length &&
            signedSegments.every((s, i) => pathSegments[pathSegments.length - signedSegments.length + i] === s);
        const storedKey = values.key ?? (pathEndsWithSignedKey ? signature.report_key : reportPath);
        const check = (0,_publish_report_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .checkReportSignature */ .Lf)(bytes, storedKey, signature, publicKey);
        if (check.state !== 'bound') {
            const why = check.state === 'unbound'
                ? 'a version-1 signature: it proves these bytes were signed, but not that they belong at this key or in this environment'
                : check.why;
            io.stderr(`schema-drift verify: NOT GENUINE: ${reportPath}: ${why}\n`);
            return _flags_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.error;
        }
        io.stdout(`genuine: ${reportPath} is the report stored at ${storedKey} (environment ${signature.environment}, sha256 ${signature.sha256}), signed by the key with SPKI sha256 ${(0,_publish_report_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .publicKeyFingerprint */ .Fs)(publicKey)}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
    }
    catch (error) {
        io.stderr(`schema-drift verify: ${error instanceof Error ? error.message : String(error)}\n`);
        return _flags_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.error;
    }
}


/***/ }),

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


/***/ })

};
