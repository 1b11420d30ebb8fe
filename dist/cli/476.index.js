export const id = 476;
export const ids = [476];
export const modules = {

/***/ 8083:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ isThrottleOrServerError),
/* harmony export */   b: () => (/* binding */ withRetry)
/* harmony export */ });
// Jittered exponential backoff shared by every AWS call we make. The SDK's own retries are switched off on our
// clients (maxAttempts: 1) so that one policy, with one time budget, decides.
const defaults = { attempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, totalTimeMs: 30_000 };
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Full-jitter exponential backoff within a bounded total time; the sleep is injectable so tests do not wait. */
async function withRetry(what, fn, options = {}) {
    const attempts = options.attempts ?? defaults.attempts;
    const baseDelayMs = options.baseDelayMs ?? defaults.baseDelayMs;
    const maxDelayMs = options.maxDelayMs ?? defaults.maxDelayMs;
    const totalTimeMs = options.totalTimeMs ?? defaults.totalTimeMs;
    if (!Number.isInteger(attempts) || attempts < 1) {
        throw new Error(`Could not ${what}: retry attempts must be a whole number of at least 1, got ${attempts}`);
    }
    const sleep = options.sleep ?? realSleep;
    const random = options.random ?? Math.random;
    const isRetryable = options.isRetryable ?? isThrottleOrServerError;
    const now = options.now ?? Date.now;
    const started = now();
    let slept = 0;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= attempts || !isRetryable(error))
                throw error;
            const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
            const delayMs = Math.floor(random() * cap);
            // An injected sleep does not pass real time, so count what we slept as well as the clock.
            const elapsed = Math.max(now() - started, slept);
            if (elapsed + delayMs > totalTimeMs)
                throw error;
            options.onRetry?.({ what, attempt, delayMs, error });
            await sleep(delayMs);
            slept += delayMs;
        }
    }
}
const throttleNames = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestThrottled',
    'RequestThrottledException',
    'TooManyRequestsException',
    'ProvisionedThroughputExceededException',
    'RequestLimitExceeded',
    'BandwidthLimitExceeded',
    'LimitExceededException',
    'SlowDown',
    'PriorRequestNotComplete',
    'EC2ThrottledException',
]);
// Connection-level failures where the request may never have reached the service.
const transientNames = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const transientCodes = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);
/** True for throttling, HTTP 429 and 5xx answers, and transient connection failures (reset, timeout). */
function isThrottleOrServerError(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    if (typeof e.name === 'string' && (throttleNames.has(e.name) || transientNames.has(e.name)))
        return true;
    if (typeof e.code === 'string' && (throttleNames.has(e.code) || transientCodes.has(e.code)))
        return true;
    if (e.$retryable?.throttling)
        return true;
    const status = e.$metadata?.httpStatusCode;
    return typeof status === 'number' && (status === 429 || status >= 500);
}


/***/ }),

/***/ 2476:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AUDIT_USAGE: () => (/* binding */ AUDIT_USAGE),
  auditCommand: () => (/* binding */ auditCommand)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./lib/publish/report-signature.js
var report_signature = __webpack_require__(6594);
// EXTERNAL MODULE: ./lib/publish/report-store.js
var report_store = __webpack_require__(1341);
;// CONCATENATED MODULE: ./lib/audit/local-source.js
// Reads an environment's stored reports from a local report folder (the layout the local store writes).




class LocalEvidenceSource {
    dir;
    constructor(dir) {
        this.dir = (0,external_node_path_.resolve)(dir);
    }
    describe() {
        return `local directory ${this.dir}`;
    }
    async listReports(environment, months) {
        const root = (0,report_store/* validateEnvironment */.qQ)(environment);
        const keys = [];
        for (const month of months) {
            const folder = (0,external_node_path_.join)(this.dir, root, ...month.split('/'));
            let names;
            try {
                names = (await (0,promises_.readdir)(folder, { recursive: true }));
            }
            catch (error) {
                if (error.code === 'ENOENT')
                    continue;
                throw new Error(`Could not list ${folder}: ${error.message}`);
            }
            for (const name of names) {
                const key = `${root}/${month}/${name.split('\\').join('/')}`;
                if ((0,report_store/* isDatedReportKey */.Gi)(key))
                    keys.push(key);
            }
        }
        return keys.sort();
    }
    async read(key) {
        try {
            return { key, bytes: await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, ...key.split('/'))) };
        }
        catch (error) {
            return { key, bytes: null, readError: error.message };
        }
    }
    async readSignature(key) {
        try {
            return await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, ...(0,report_signature/* signatureKey */.cx)(key).split('/')), 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return null;
            throw error;
        }
    }
    async pointer(environment) {
        const path = (0,external_node_path_.join)(this.dir, ...(0,report_store/* latestKey */.p8)(environment).split('/'));
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(path);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return null;
            throw new Error(`Could not read ${path}: ${error.message}`);
        }
        // A report copy (written before pointers) names no dated key in a local folder: it cannot anchor the chain.
        const parsed = await (0,report_store/* parsePointer */.vp)(bytes, `"${path}"`, `${environment}/`, () => undefined);
        return 'problem' in parsed ? parsed : { key: parsed.link.key, sha256: parsed.link.sha256 };
    }
}

;// CONCATENATED MODULE: ./lib/audit/period.js
// The period an audit covers: explicit dates, a calendar quarter, or the last full month or quarter.
const day = (text, flag) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        throw new Error(`Invalid --${flag} "${text}": use a date YYYY-MM-DD`);
    }
    return date;
};
const iso = (d) => d.toISOString().slice(0, 10);
/** Resolves --from/--to or --period (last-quarter, last-month, YYYY-Qn) against today. */
function resolvePeriod(options, now) {
    if (options.period && (options.from || options.to)) {
        throw new Error('Give either --period or --from/--to, not both');
    }
    if (options.from || options.to) {
        if (!options.from || !options.to)
            throw new Error('--from and --to go together');
        const from = day(options.from, 'from');
        const last = day(options.to, 'to');
        if (last < from)
            throw new Error(`Invalid period: --to ${options.to} is before --from ${options.from}`);
        const to = new Date(last.getTime() + 86_400_000);
        return { from, to, label: `${options.from} to ${options.to}` };
    }
    const period = options.period ?? 'last-quarter';
    const y = now.getUTCFullYear();
    const m = now.getUTCMonth();
    let from;
    let to;
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
    if (quarter) {
        from = new Date(Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1));
        to = new Date(Date.UTC(Number(quarter[1]), Number(quarter[2]) * 3, 1));
    }
    else if (period === 'last-month') {
        from = new Date(Date.UTC(y, m - 1, 1));
        to = new Date(Date.UTC(y, m, 1));
    }
    else if (period === 'last-quarter') {
        const start = Math.floor(m / 3) * 3;
        from = new Date(Date.UTC(y, start - 3, 1));
        to = new Date(Date.UTC(y, start, 1));
    }
    else {
        throw new Error(`Invalid --period "${period}": use last-quarter, last-month or YYYY-Qn (e.g. 2026-Q3)`);
    }
    const label = `${period} (${iso(from)} to ${iso(new Date(to.getTime() - 86_400_000))})`;
    return { from, to, label };
}

// EXTERNAL MODULE: ./lib/report/html.js
var html = __webpack_require__(7325);
// EXTERNAL MODULE: ./lib/report/presentation/document.js
var presentation_document = __webpack_require__(7690);
;// CONCATENATED MODULE: ./lib/audit/audit-document.js
// The audit pack as a presentation document: the same Markdown (job summary), plain text (alert) and printable HTML
// renderers as the nightly report, so the pack reads and prints like the reports it covers.

const STATE = {
    complete: 'synced',
    incomplete: 'drift',
    tampered: 'error',
};
const RESULT_TEXT = {
    complete: 'complete and intact',
    incomplete: 'incomplete: gaps or open incidents',
    tampered: 'evidence altered or unreadable',
};
const plain = (value) => (value ? [value] : [(0,presentation_document/* absent */.Ge)()]);
/** The pack's document; `location`, when given, is where the pack itself was stored. */
function auditDocument(pack, options = {}) {
    const c = pack.counts;
    return {
        title: `Schema drift audit of ${pack.environment}, ${pack.period.label}: ${RESULT_TEXT[pack.result]}`,
        state: STATE[pack.result],
        badge: pack.result,
        facts: [
            { label: 'Environment', value: [pack.environment] },
            { label: 'Period', value: [`${pack.period.label}, UTC`] },
            { label: 'Evidence store', value: [(0,presentation_document/* code */.aY)(pack.store)] },
            { label: 'Schedule', value: [(0,presentation_document/* code */.aY)(pack.schedule), `, reports due within ${pack.tolerance_minutes} min`] },
            {
                label: 'Scheduled runs with a report',
                value: [(0,presentation_document/* strong */.ko)(`${c.runs_found} of ${c.scheduled_runs}`), ` (${c.gaps} missing)`],
            },
            { label: 'Reports', value: [`${c.reports}: ${c.synced} synced, ${c.drift} drift, ${c.error} error`] },
            { label: 'Incidents', value: [`${c.incidents} (${c.open_incidents} open)`] },
            { label: 'Signatures', value: [pack.signatures_checked ? 'checked against the public key' : 'not checked'] },
            ...(options.location ? [{ label: 'Audit pack', value: [(0,presentation_document/* code */.aY)(options.location)] }] : []),
        ],
        sections: [
            (0,presentation_document/* section */.uW)('findings', 'Findings', [
                pack.issues.length === 0
                    ? { type: 'paragraph', text: ['None: every report of the period is present, intact and chained.'] }
                    : (0,presentation_document/* table */.tp)([{ title: 'Kind' }, { title: 'Class' }, { title: 'What' }], pack.issues.map((i) => [[(0,presentation_document/* code */.aY)(i.kind)], [i.class], [i.message]])),
            ], {
                lead: true,
                mark: pack.result === 'tampered' ? 'error' : pack.result === 'incomplete' ? 'warning' : undefined,
            }),
            (0,presentation_document/* section */.uW)('incidents', 'Drift incidents', [
                pack.incidents.length === 0
                    ? { type: 'paragraph', text: ['No drift in the period.'] }
                    : (0,presentation_document/* table */.tp)([
                        { title: 'Started' },
                        { title: 'Resolved' },
                        { title: 'Hours', align: 'right' },
                        { title: 'What drifted' },
                        { title: 'Runs' },
                        { title: 'Commits' },
                    ], pack.incidents.map((i) => [
                        [i.started_at],
                        i.resolved_at ? [i.resolved_at] : [(0,presentation_document/* strong */.ko)('open')],
                        i.duration_hours === null ? [] : [String(i.duration_hours)],
                        [i.what.join('; ')],
                        [i.runs.join(', ')],
                        i.commits.flatMap((sha, n) => (n === 0 ? [(0,presentation_document/* code */.aY)(sha, { short: 12 })] : [' ', (0,presentation_document/* code */.aY)(sha, { short: 12 })])),
                    ])),
            ]),
            (0,presentation_document/* section */.uW)('errors', 'Nights that could not decide', [
                pack.errors.length === 0
                    ? { type: 'paragraph', text: ['None.'] }
                    : (0,presentation_document/* table */.tp)([{ title: 'When' }, { title: 'Stage' }, { title: 'Cause' }], pack.errors.map((e) => [[e.at], [e.stage], [e.message]])),
            ]),
            (0,presentation_document/* section */.uW)('ignore-rules', 'Ignore rules in force', [
                pack.ignore_rules.length === 0
                    ? { type: 'paragraph', text: ['None.'] }
                    : (0,presentation_document/* table */.tp)([
                        { title: 'Object' },
                        { title: 'Kind' },
                        { title: 'Reason' },
                        { title: 'Expires' },
                        { title: 'Reports', align: 'right' },
                    ], pack.ignore_rules.map((r) => [
                        [(0,presentation_document/* code */.aY)(r.object)],
                        [r.kind],
                        [r.reason],
                        plain(r.expires),
                        [String(r.reports)],
                    ])),
            ]),
            (0,presentation_document/* section */.uW)('controls', 'What this evidence supports', [
                {
                    type: 'paragraph',
                    text: ['These records support the controls below: evidence for an assessor, not a certification.'],
                },
                (0,presentation_document/* table */.tp)([{ title: 'Framework' }, { title: 'Control' }, { title: 'Supported by' }], pack.controls.map((k) => [[k.framework], [k.control], [k.supports]])),
            ]),
            (0,presentation_document/* section */.uW)('reports', 'Every report covered', [
                (0,presentation_document/* table */.tp)([
                    { title: 'Timestamp' },
                    { title: 'Status' },
                    { title: 'State' },
                    { title: 'Run' },
                    { title: 'Place' },
                    { title: 'Signature' },
                    { title: 'sha256' },
                ], pack.reports.map((r) => [
                    [r.timestamp],
                    [r.status],
                    plain(r.state),
                    r.run_url.startsWith('https://') ? [(0,presentation_document/* link */.nf)(r.run_id, r.run_url)] : plain(r.run_id),
                    [r.place],
                    r.signature ? [r.signature] : [],
                    [(0,presentation_document/* code */.aY)(r.sha256)],
                ])),
            ]),
        ],
        footer: [
            { label: 'Generated', value: [`${pack.generated_at} by schema-drift ${pack.tool_version}`] },
            { label: 'Pack sha256', value: [(0,presentation_document/* code */.aY)(pack.pack_sha256)] },
        ],
    };
}

;// CONCATENATED MODULE: ./lib/audit/render-pack.js
// The audit pack as a printable, self-contained HTML page and as a CSV timeline; pure functions of the pack.


/** A page meant to be printed and filed: the presentation document's HTML, like every report's. */
function renderAuditHtml(pack, options = {}) {
    return (0,html/* renderHtml */.K)(auditDocument(pack, options));
}
const csvCell = (value) => /[",\n\r]/.test(value) || /^[=+\-@]/.test(value)
    ? `"${value.replace(/^([=+\-@])/, "'$1").replaceAll('"', '""')}"`
    : value;
/** One line per report of the period, oldest first (a leading = + - @ is quoted so spreadsheets show, not run, it). */
function renderAuditCsv(pack) {
    const header = ['timestamp', 'status', 'state', 'summary', 'place', 'run_id', 'commit', 'key', 'sha256'];
    const lines = pack.reports.map((r) => [r.timestamp, r.status, r.state ?? '', r.summary, r.place, r.run_id, r.sha, r.key, r.sha256].map(csvCell).join(','));
    return `${[header.join(','), ...lines].join('\n')}\n`;
}

;// CONCATENATED MODULE: ./lib/audit/evidence-source.js
/** The date folder of a dated key, YYYY-MM-DD. */
function keyDate(key) {
    const match = /\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\.json$/.exec(key);
    return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
/** Runs `fn` over `items` with at most `limit` at once, keeping order. */
async function mapBounded(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/** The 'YYYY/MM' folders that hold the days from `from` (inclusive) to `to` (exclusive). */
function monthsBetween(from, to) {
    const months = [];
    const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
    while (cursor < to) {
        months.push(`${cursor.getUTCFullYear()}/${String(cursor.getUTCMonth() + 1).padStart(2, '0')}`);
        cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
    return months;
}

;// CONCATENATED MODULE: ./lib/audit/audit-model.js
// The audit pack: what a quarter of stored reports proves, in one document an auditor can keep and check alone.
const CONTROLS = [
    {
        framework: 'HIPAA',
        control: '§164.308(a)(1)(ii)(D) Information system activity review',
        supports: 'a nightly, recorded review of the production schema against the approved migrations',
    },
    {
        framework: 'HIPAA',
        control: '§164.312(b) Audit controls',
        supports: 'tamper-evident, chained records of every check, verifiable from the stored objects alone',
    },
    {
        framework: 'HIPAA',
        control: '§164.312(c)(1) Integrity',
        supports: 'detection of unapproved changes to the database structure that holds ePHI',
    },
    {
        framework: 'SOC 2',
        control: 'CC7.1 Detection of configuration changes',
        supports: 'schema drift detected and reported each night',
    },
    {
        framework: 'SOC 2',
        control: 'CC7.2 Monitoring for anomalies',
        supports: 'alerts on drift and on failed checks; incidents with start, resolution and duration',
    },
    {
        framework: 'SOC 2',
        control: 'CC8.1 Change management',
        supports: 'production changes traced to reviewed migrations and commits',
    },
    {
        framework: 'ISO 27001:2022',
        control: 'A.8.9 Configuration management',
        supports: 'the production schema compared with its defined configuration',
    },
    {
        framework: 'ISO 27001:2022',
        control: 'A.8.32 Change management',
        supports: 'out-of-band changes surfaced and tracked to resolution',
    },
    {
        framework: 'ISO 27001:2022',
        control: 'A.5.33 Protection of records',
        supports: 'write-once, checksummed, retained evidence with a verifiable chain',
    },
];

// EXTERNAL MODULE: ./lib/audit/cron.js
var cron = __webpack_require__(6843);
;// CONCATENATED MODULE: ./lib/audit/verify.js
// The audit itself, pure: given every stored report object of a period (and the predecessors they link to), verify
// each object, walk the chain, and find gaps, breaks, forks, orphans and incidents. No I/O: the sources read.



const verify_sha256Hex = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
const verify_iso = (d) => `${d.toISOString().slice(0, 19)}Z`;
/** Builds the audit pack; its `result` gives the exit code (complete 0, incomplete 1, tampered 2). */
function auditEvidence(input) {
    const issues = [];
    const tampered = (kind, message, key) => issues.push({ kind, class: 'tampered', message, key });
    const incomplete = (kind, message, extra = {}) => issues.push({ kind, class: 'incomplete', message, ...extra });
    // 1. Every object on its own: readable, a report, and the bytes its store and its writer recorded.
    const parsed = new Map();
    for (const item of input.items) {
        if (item.bytes === null) {
            tampered('unreadable', `${item.key} could not be read: ${item.readError ?? 'unknown error'}`, item.key);
            continue;
        }
        const sha256 = verify_sha256Hex(item.bytes);
        if (item.storedChecksum !== undefined) {
            const base64 = Buffer.from(sha256, 'hex').toString('base64');
            if (base64 !== item.storedChecksum) {
                tampered('tampered', `${item.key}: its bytes (sha256 ${base64}) differ from the checksum the store kept (${item.storedChecksum})`, item.key);
                continue;
            }
        }
        if (item.recordedSha256 !== undefined && item.recordedSha256 !== sha256) {
            tampered('tampered', `${item.key}: its bytes (sha256 ${sha256}) differ from the sha256 recorded when it was written (${item.recordedSha256})`, item.key);
            continue;
        }
        let report;
        try {
            report = JSON.parse(Buffer.from(item.bytes).toString('utf8'));
        }
        catch {
            tampered('unreadable', `${item.key} is not valid JSON`, item.key);
            continue;
        }
        if (report?.schema_version !== 1 || typeof report.timestamp !== 'string' || typeof report.status !== 'string') {
            tampered('unreadable', `${item.key} is not a schema-drift report`, item.key);
            continue;
        }
        if (item.signature?.state === 'invalid') {
            tampered('signature', `${item.key}: ${item.signature.why}`, item.key);
        }
        else if (item.signature?.state === 'missing') {
            incomplete('signature', `${item.key} has no signature beside it`, { key: item.key });
        }
        parsed.set(item.key, { item, sha256, report });
    }
    // 2. The chain: every link must name an object whose bytes have the recorded sha256.
    const successors = new Map();
    const superseded = new Set();
    for (const [key, { report }] of parsed) {
        for (const s of report.supersedes ?? [])
            superseded.add(s);
        const link = report.previous_report;
        if (!link)
            continue;
        const target = parsed.get(link.key);
        const wasRead = input.items.some((i) => i.key === link.key);
        if (!target) {
            if (!wasRead)
                tampered('chain-break', `${key} links to ${link.key}, which does not exist`, key);
            // An unreadable or altered target is already an issue of its own.
            continue;
        }
        if (target.sha256 !== link.sha256) {
            tampered('chain-break', `${key} links to ${link.key} with sha256 ${link.sha256}, but that object now has ${target.sha256}`, key);
        }
        successors.set(link.key, [...(successors.get(link.key) ?? []), key]);
    }
    for (const [key, next] of successors) {
        const live = next.filter((k) => !superseded.has(k));
        if (live.length > 1) {
            incomplete('fork', `${live.length} reports continue the chain from ${key}: ${live.sort().join(', ')}`, { key });
        }
    }
    // 3. Which reports the chain reaches from latest.json; the rest are superseded attempts or orphans.
    const inChain = new Set();
    if (input.pointer && 'problem' in input.pointer)
        tampered('chain-break', input.pointer.problem);
    const pointer = input.pointer && 'key' in input.pointer ? input.pointer : null;
    let cursor = pointer?.key;
    if (pointer && !parsed.has(pointer.key) && !input.items.some((i) => i.key === pointer?.key)) {
        tampered('chain-break', `latest.json names ${pointer.key}, which does not exist`);
    }
    if (pointer && parsed.get(pointer.key) && parsed.get(pointer.key)?.sha256 !== pointer.sha256) {
        tampered('chain-break', `latest.json records sha256 ${pointer.sha256} for ${pointer.key}, which now has ${parsed.get(pointer.key)?.sha256}`);
    }
    while (cursor && parsed.has(cursor) && !inChain.has(cursor)) {
        inChain.add(cursor);
        cursor = parsed.get(cursor)?.report.previous_report?.key;
    }
    const inPeriod = [...parsed.values()]
        .filter((p) => !p.item.outsidePeriod)
        .sort((a, b) => a.report.timestamp < b.report.timestamp
        ? -1
        : a.report.timestamp > b.report.timestamp
            ? 1
            : a.item.key < b.item.key
                ? -1
                : 1);
    const audited = inPeriod.map(({ item, sha256, report }) => {
        const place = inChain.has(item.key)
            ? 'in-chain'
            : superseded.has(item.key)
                ? 'superseded'
                : 'orphan';
        if (place === 'orphan') {
            const named = successors.has(item.key);
            incomplete('orphan', named
                ? `${item.key} is on a branch of the chain that latest.json does not reach (a fork)`
                : `${item.key} was stored but never linked: its run stopped before moving latest.json, or latest.json was rewritten`, { key: item.key, at: report.timestamp });
        }
        return {
            key: item.key,
            sha256,
            timestamp: report.timestamp,
            status: report.status,
            state: report.version?.state ?? null,
            summary: report.version?.summary ?? report.error?.message ?? report.status,
            run_id: report.run?.run_id ?? '',
            run_url: report.run?.run_url ?? '',
            sha: report.run?.sha ?? '',
            place,
            signature: item.signature?.state ?? null,
        };
    });
    // 4. Object Lock retention: each object must be kept for the required years after it was written.
    for (const { item, report } of inPeriod) {
        if (item.retentionError !== undefined) {
            incomplete('retention', `the retention of ${item.key} could not be read: ${item.retentionError}`, {
                key: item.key,
            });
            continue;
        }
        if (item.retainUntil === undefined)
            continue;
        const written = new Date(report.timestamp);
        const required = new Date(written);
        required.setUTCFullYear(required.getUTCFullYear() + input.retentionYears);
        if (item.retainUntil === null || item.retainUntil.getTime() < required.getTime() - 86_400_000) {
            incomplete('retention', `${item.key} is retained ${item.retainUntil === null ? 'without Object Lock' : `until ${verify_iso(item.retainUntil)}`}, short of ${input.retentionYears} years (${verify_iso(required)})`, { key: item.key });
        }
    }
    // 5. Gaps: every scheduled run must have a report within the tolerance after it.
    const runs = audited.filter((r) => r.place !== 'superseded');
    const times = runs.map((r) => new Date(r.timestamp).getTime()).sort((a, b) => a - b);
    const scheduled = (0,cron/* cronTimes */.x)(input.schedule, input.period.from, input.period.to).filter((t) => t <= input.now);
    let found = 0;
    for (const at of scheduled) {
        const start = at.getTime() - 15 * 60_000;
        const end = at.getTime() + input.toleranceMinutes * 60_000;
        if (times.some((t) => t >= start && t <= end))
            found++;
        else
            incomplete('gap', `no report for the run scheduled at ${verify_iso(at)}`, { at: verify_iso(at) });
    }
    // 6. Incidents: from the first drift to the first synced report after it, on the chain's own reports.
    const incidents = [];
    let open = null;
    const errors = [];
    const ignoreRules = new Map();
    for (const { item, report } of inPeriod.filter((p) => !superseded.has(p.item.key))) {
        for (const rule of report.structure?.ignored ?? []) {
            const id = `${rule.kind}\u0000${rule.object}\u0000${rule.reason}\u0000${rule.expires}`;
            const seen = ignoreRules.get(id);
            if (seen)
                seen.reports++;
            else
                ignoreRules.set(id, {
                    object: rule.object,
                    kind: rule.kind,
                    reason: rule.reason,
                    expires: rule.expires,
                    reports: 1,
                });
        }
        if (report.status === 'error') {
            errors.push({
                at: report.timestamp,
                stage: report.error?.stage ?? 'unknown',
                message: report.error?.message ?? '',
                key: item.key,
            });
            continue;
        }
        if (report.status === 'drift') {
            if (!open) {
                open = {
                    started_at: report.timestamp,
                    resolved_at: null,
                    duration_hours: null,
                    what: [],
                    runs: [],
                    commits: [],
                };
                incidents.push(open);
            }
            const what = [
                report.version?.drift ? report.version.summary : '',
                report.structure?.state === 'drifted' ? report.structure.summary : '',
            ].filter(Boolean);
            for (const w of what)
                if (!open.what.includes(w))
                    open.what.push(w);
            if (report.run?.run_id && !open.runs.includes(report.run.run_id))
                open.runs.push(report.run.run_id);
            if (report.run?.sha && !open.commits.includes(report.run.sha))
                open.commits.push(report.run.sha);
        }
        else if (report.status === 'synced' && open) {
            open.resolved_at = report.timestamp;
            open.duration_hours = Math.round((Date.parse(report.timestamp) - Date.parse(open.started_at)) / 36_000) / 100;
            open = null;
        }
    }
    for (const incident of incidents.filter((i) => i.resolved_at === null)) {
        incomplete('open-incident', `drift since ${incident.started_at} is not resolved: ${incident.what.join('; ')}`, {
            at: incident.started_at,
        });
    }
    const timeline = new Map();
    for (const r of runs)
        timeline.set(r.timestamp.slice(0, 10), [...(timeline.get(r.timestamp.slice(0, 10)) ?? []), r.status]);
    const count = (status) => runs.filter((r) => r.status === status).length;
    const result = issues.some((i) => i.class === 'tampered')
        ? 'tampered'
        : issues.length > 0
            ? 'incomplete'
            : 'complete';
    const pack = {
        schema: 'schema-drift-audit/v1',
        environment: input.environment,
        store: input.store,
        period: { from: verify_iso(input.period.from), to: verify_iso(input.period.to), label: input.period.label },
        schedule: input.schedule,
        tolerance_minutes: input.toleranceMinutes,
        signatures_checked: input.signaturesChecked ?? false,
        retention_years: input.retentionYears,
        generated_at: verify_iso(input.now),
        tool_version: input.toolVersion,
        result,
        counts: {
            reports: audited.length,
            scheduled_runs: scheduled.length,
            runs_found: found,
            gaps: scheduled.length - found,
            synced: count('synced'),
            drift: count('drift'),
            error: count('error'),
            incidents: incidents.length,
            open_incidents: incidents.filter((i) => i.resolved_at === null).length,
        },
        issues,
        incidents,
        errors,
        ignore_rules: [...ignoreRules.values()],
        timeline: [...timeline].map(([date, statuses]) => ({ date, runs: statuses.length, statuses })),
        reports: audited,
        controls: CONTROLS,
        pack_sha256: '',
    };
    return { ...pack, pack_sha256: verify_sha256Hex(serializePack(pack)) };
}
/** The pack's JSON bytes; its pack_sha256 is the sha256 of these bytes with pack_sha256 set to "". */
function serializePack(pack) {
    return `${JSON.stringify(pack, null, 2)}\n`;
}
/** Exit code of `audit`: 0 complete and intact, 1 gaps or open incidents, 2 tampered or unreadable. */
function auditExitCode(pack) {
    return pack.result === 'complete' ? 0 : pack.result === 'incomplete' ? 1 : 2;
}

;// CONCATENATED MODULE: ./lib/audit/run-audit.js
// One audit: read the period's reports (and the predecessors they link to) from a source, then verify them.



/** Reads and verifies; throws only when the reports could not even be listed. */
async function runAudit(source, options) {
    const from = options.period.from.toISOString().slice(0, 10);
    const to = new Date(options.period.to.getTime() - 1).toISOString().slice(0, 10);
    const months = monthsBetween(options.period.from, options.period.to);
    const keys = (await source.listReports(options.environment, months)).filter((key) => {
        const date = keyDate(key);
        return date !== null && date >= from && date <= to;
    });
    const concurrency = options.concurrency ?? 16;
    const items = await mapBounded(keys, concurrency, async (key) => {
        const item = await source.read(key, { retention: options.checkRetention });
        if (options.publicKeyPem !== undefined && item.bytes !== null) {
            item.signature = await checkSignature(source, item.key, item.bytes, options.publicKeyPem);
        }
        return item;
    });
    // The first reports of the period link to the last ones before it: read those too, to verify the links.
    const have = new Set(keys);
    const linked = new Set();
    for (const item of items) {
        if (item.bytes === null)
            continue;
        try {
            const link = JSON.parse(Buffer.from(item.bytes).toString('utf8'))
                .previous_report?.key;
            if (typeof link === 'string' && !have.has(link))
                linked.add(link);
        }
        catch {
            // Not JSON: auditEvidence reports it.
        }
    }
    const outside = await mapBounded([...linked], concurrency, async (key) => ({
        ...(await source.read(key, { retention: false })),
        outsidePeriod: true,
    }));
    return auditEvidence({
        environment: options.environment,
        store: source.describe(),
        period: options.period,
        schedule: options.schedule,
        toleranceMinutes: options.toleranceMinutes,
        retentionYears: options.retentionYears,
        now: options.now,
        toolVersion: options.toolVersion,
        signaturesChecked: options.publicKeyPem !== undefined,
        // A link to an object that is not there reads as bytes null: keep only those that exist, so a missing one is
        // reported as a broken link rather than as unreadable.
        items: [
            ...items,
            ...outside.filter((o) => o.bytes !== null || !/NoSuchKey|ENOENT|does not exist/i.test(o.readError ?? '')),
        ],
        pointer: await source.pointer(options.environment),
    });
}
async function checkSignature(source, key, bytes, publicKeyPem) {
    try {
        const text = await source.readSignature(key);
        if (text === null)
            return { state: 'missing' };
        const problem = (0,report_signature/* signatureProblem */.o1)(bytes, (0,report_signature/* parseSignature */.uT)(text, (0,report_signature/* signatureKey */.cx)(key)), publicKeyPem);
        return problem === null ? { state: 'valid' } : { state: 'invalid', why: problem };
    }
    catch (error) {
        return { state: 'invalid', why: error instanceof Error ? error.message : String(error) };
    }
}

// EXTERNAL MODULE: ./lib/aws/errors.js
var errors = __webpack_require__(6762);
// EXTERNAL MODULE: ./lib/aws/retry.js
var retry = __webpack_require__(8083);
// EXTERNAL MODULE: ./lib/config/aws-names.js
var aws_names = __webpack_require__(1662);
;// CONCATENATED MODULE: ./lib/publish/s3.js
// Report store on S3: compliance evidence in a (versioned, encrypted, optionally Object Locked) bucket. Same key
// layout as the local store under a prefix; every report records the sha256 of the latest.json it replaced.









/** An S3Client for the store: our retry policy only (SDK retries off), bounded connection and request times. */
function createS3Client(aws, options) {
    // No endpoint here: AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3 must keep working (LocalStack, MinIO, tests).
    return new S3Client({
        ...aws,
        maxAttempts: 1,
        // Path-style when an endpoint override is set: LocalStack and MinIO do not serve virtual-hosted buckets.
        forcePathStyle: options.pathStyle,
        requestHandler: requestHandlerOptions(options.timeouts),
    });
}
const dayMs = 86_400_000;
// Metadata on latest.json naming the dated object it copies, so the next report can name it in previous_report.
/** Object metadata naming a report copy's dated key (latest.json written before pointers). */
const REPORT_KEY_METADATA = 'report-key';
function validateObjectLock(mode, days) {
    if (mode === undefined && days === undefined)
        return null;
    if (mode === undefined || days === undefined) {
        throw new Error(`Invalid Object Lock settings: s3-object-lock-mode and s3-object-lock-days go together (got mode ${mode ?? 'unset'}, days ${days ?? 'unset'})`);
    }
    if (mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') {
        throw new Error(`Invalid s3-object-lock-mode "${mode}": use GOVERNANCE or COMPLIANCE`);
    }
    if (!Number.isInteger(days) || days < 1 || days > 36_500) {
        throw new Error(`Invalid s3-object-lock-days "${days}": a whole number of days from 1 to 36500`);
    }
    return { mode, days };
}
// S3 user metadata travels in HTTP headers: keep it printable ASCII.
function metadataValue(value) {
    const clean = (value ?? '').replace(/[^\x20-\x7e]/g, '?').trim();
    return clean === '' ? 'unknown' : clean.slice(0, 256);
}
function isNoSuchKey(error) {
    const e = error;
    return e?.name === 'NoSuchKey' || e?.Code === 'NoSuchKey';
}
class S3ReportStore {
    client;
    bucket;
    prefix;
    kmsKeyId;
    objectLock;
    runId;
    now;
    retry;
    signer;
    target;
    options;
    constructor(options) {
        this.options = options;
        this.signer = options.signer;
        this.target = options.target === undefined ? undefined : validateTargetSegment(options.target);
        this.client = options.client;
        this.bucket = validateBucketName(options.bucket);
        this.prefix = normalizePrefix(options.prefix);
        const kmsKeyId = options.kmsKeyId?.trim();
        this.kmsKeyId = kmsKeyId === '' ? undefined : kmsKeyId;
        this.objectLock = validateObjectLock(options.objectLockMode, options.objectLockDays);
        if (!/^[A-Za-z0-9._-]{1,100}$/.test(options.runId)) {
            throw new Error(`Invalid run id "${options.runId}": 1-100 letters, digits, '.', '_' or '-' (it becomes part of a key)`);
        }
        this.runId = options.runId;
        this.now = options.now ?? (() => new Date());
        this.retry = options.retry ?? {};
    }
    describe() {
        return `s3://${this.bucket}/${this.prefix}`;
    }
    /** The same bucket, client and signer, keeping a fleet target's chain under {environment}/{target}/. */
    forTarget(target) {
        return new S3ReportStore({ ...this.options, target });
    }
    /** The verified predecessor named by latest.json; null when there is none or the chain is broken. */
    async latest(environment) {
        return (await this.head(environment)).previous;
    }
    /** Reads latest.json and the dated report it names, and verifies both; never throws for a broken chain. */
    async head(environment) {
        const key = this.prefix + latestKey(environment, this.target);
        const where = this.url(key);
        const environmentPrefix = `${this.prefix}${chainPath(environment, this.target)}/`;
        let pointer;
        try {
            pointer = await this.read(key);
        }
        catch (error) {
            return {
                previous: null,
                link: null,
                pointer: { state: 'unknown' },
                broken: [`Could not read ${where}: ${describeError(error)}`],
            };
        }
        if (pointer === null) {
            // No pointer: a new chain, unless dated reports of this environment exist (latest.json was deleted).
            const orphaned = await this.anyDatedReport(environmentPrefix).catch(() => false);
            return {
                previous: null,
                link: null,
                pointer: { state: 'absent' },
                broken: orphaned
                    ? [`${where} is missing although dated reports exist under ${this.url(environmentPrefix)}`]
                    : [],
            };
        }
        const head = {
            previous: null,
            link: null,
            pointer: pointer.etag ? { state: 'present', version: pointer.etag } : { state: 'unknown' },
            broken: [],
        };
        const integrity = checksumProblem(pointer, where);
        if (integrity)
            return { ...head, broken: [integrity] };
        const parsed = await parsePointer(pointer.bytes, where, environmentPrefix, () => pointer.metadata[REPORT_KEY_METADATA]);
        if ('problem' in parsed)
            return { ...head, broken: [parsed.problem] };
        head.link = parsed.link;
        const location = this.url(parsed.link.key);
        let dated;
        try {
            dated = await this.read(parsed.link.key);
        }
        catch (error) {
            return { ...head, broken: [`Could not read the previous report ${location}: ${describeError(error)}`] };
        }
        if (dated === null)
            return { ...head, broken: [`the previous report ${location}, named by ${where}, does not exist`] };
        const datedIntegrity = checksumProblem(dated, location);
        if (datedIntegrity)
            return { ...head, broken: [datedIntegrity] };
        const verified = verifyPredecessor(dated.bytes, parsed.link, location);
        if ('problem' in verified)
            return { ...head, broken: [verified.problem] };
        return { ...head, previous: verified.previous };
    }
    /**
     * Writes the dated JSON (never over another object: If-None-Match) and its renderings, then moves latest.json to
     * it only if it still holds what `head` read (If-Match); when another run moved it first, re-chains to that run's
     * report under a new key and tries again, a bounded number of times.
     */
    async save(report, attachments, head) {
        const environment = validateEnvironment(report.environment);
        let current = head ?? (await this.head(environment));
        const baseKey = this.prefix + reportKey({ ...report, run: { ...report.run, run_id: this.runId } }, this.target);
        const superseded = [];
        for (let attempt = 1; attempt <= CHAIN_ATTEMPTS; attempt++) {
            const chained = chainToHead(attempt === 1 ? report : { ...report, previous_report: undefined }, current);
            const final = superseded.length > 0 ? { ...chained, supersedes: [...superseded] } : chained;
            const json = Buffer.from(serializeReport(final), 'utf8');
            const sha256 = sha256Hex(json);
            const metadata = {
                status: metadataValue(report.status),
                commit: metadataValue(report.run.sha),
                fingerprint: metadataValue(report.fingerprint),
                environment: metadataValue(environment),
                'report-sha256': sha256,
            };
            const key = await this.putNew(baseKey, json, metadata);
            if (this.signer) {
                const signature = serializeSignature(await this.signer.sign(key, sha256));
                await this.put(signatureKey(key), Buffer.from(signature, 'utf8'), 'application/json', metadata, true);
            }
            await this.put(markdownKey(key), Buffer.from(attachments.markdown, 'utf8'), 'text/markdown; charset=utf-8', metadata, true);
            if (attachments.html !== undefined) {
                await this.put(htmlKey(key), Buffer.from(attachments.html, 'utf8'), 'text/html; charset=utf-8', metadata, true);
            }
            if (attachments.snapshot !== undefined) {
                const snapshot = Buffer.from(attachments.snapshot, 'utf8');
                await this.put(snapshotKey(key), snapshot, 'application/json', metadata, true);
            }
            // latest.json last: it only ever points at a report whose own object is already stored.
            const pointer = Buffer.from(serializePointer(final, key, sha256), 'utf8');
            const condition = current.pointer.state === 'present'
                ? { IfMatch: current.pointer.version }
                : current.pointer.state === 'absent'
                    ? { IfNoneMatch: '*' }
                    : {};
            try {
                await this.put(this.prefix + latestKey(environment, this.target), pointer, 'application/json', { ...metadata, [REPORT_KEY_METADATA]: key }, false, condition);
            }
            catch (error) {
                if (!isConditionFailed(error))
                    throw error;
                superseded.push(key);
                current = await this.head(environment);
                continue;
            }
            // The baseline pointer names the report that won the chain, once it is the latest.
            if (attachments.baseline && attachments.snapshot !== undefined) {
                const baseline = baselinePointer(final, { key: snapshotKey(key), bytes: attachments.snapshot }, attachments.baseline, key);
                await this.put(this.prefix + baselineKey(environment, this.target), Buffer.from(baseline), 'application/json', metadata, false);
            }
            return { key, location: this.url(key), sha256 };
        }
        throw new Error(`Could not move ${this.url(this.prefix + latestKey(environment, this.target))} to the new report: other runs moved it first ${CHAIN_ATTEMPTS} times (reports stored: ${superseded.join(', ')})`);
    }
    async storeEvidence(environment, name, body, contentType) {
        const key = `${this.prefix}${chainPath(environment, this.target)}/${validateEvidenceName(name)}`;
        const metadata = { environment: metadataValue(environment), sha256: sha256Hex(body) };
        const stored = await this.putNew(key, Buffer.from(body, 'utf8'), metadata, contentType);
        return this.url(stored);
    }
    /** Reads a piece of evidence stored by storeEvidence (or a pointer replaced by replaceEvidence); null if absent. */
    async readEvidence(environment, name) {
        const key = `${this.prefix}${chainPath(environment, this.target)}/${validateEvidenceName(name)}`;
        let found;
        try {
            found = await this.read(key);
        }
        catch (error) {
            throw new Error(`Could not read ${this.url(key)}: ${describeError(error)}`, { cause: error });
        }
        if (found === null)
            return null;
        const integrity = checksumProblem(found, this.url(key));
        if (integrity)
            throw new Error(integrity);
        return { text: Buffer.from(found.bytes).toString('utf8'), location: this.url(key) };
    }
    /** Overwrites a small pointer (never evidence itself: no retention, since it moves every run). */
    async replaceEvidence(environment, name, body, contentType) {
        const key = `${this.prefix}${chainPath(environment, this.target)}/${validateEvidenceName(name)}`;
        const metadata = { environment: metadataValue(environment), sha256: sha256Hex(body) };
        await this.put(key, Buffer.from(body, 'utf8'), contentType, metadata, false);
        return this.url(key);
    }
    /** The baseline an earlier run recorded (pointer and snapshot); null when there is none yet. */
    async baseline(environment) {
        return readBaseline(environment, this.prefix, async (key) => {
            try {
                const text = await withRetry(`read ${this.url(key)}`, async () => {
                    try {
                        const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
                        return (await response.Body?.transformToString('utf8')) ?? '';
                    }
                    catch (error) {
                        if (isNoSuchKey(error))
                            return null;
                        throw error;
                    }
                }, this.retry);
                return text === null ? null : { text, location: this.url(key) };
            }
            catch (error) {
                throw new Error(`Could not read the baseline ${this.url(key)}: ${describeError(error)}`, { cause: error });
            }
        }, this.target);
    }
    url(key) {
        return `s3://${this.bucket}/${key}`;
    }
    /** Reads an object with its checksum, ETag and metadata; null when it does not exist. */
    async read(key) {
        return withRetry(`read ${this.url(key)}`, async () => {
            try {
                const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }));
                // Read inside the retry: a connection reset mid-body is as transient as a 503.
                const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
                const composite = response.ChecksumType === 'COMPOSITE' || response.ChecksumSHA256?.includes('-');
                return {
                    bytes,
                    checksum: composite ? undefined : response.ChecksumSHA256,
                    etag: response.ETag,
                    metadata: response.Metadata ?? {},
                };
            }
            catch (error) {
                if (isNoSuchKey(error))
                    return null;
                throw error;
            }
        }, this.retry);
    }
    async anyDatedReport(environmentPrefix) {
        // Only this chain's own {yyyy}/{mm}/{dd}/ reports count: fleet targets keep their chains in folders beside them.
        // Keys come sorted, and year folders sort before any folder that starts with a letter, so the walk stops early.
        let token;
        do {
            const page = await withRetry(`list ${this.url(environmentPrefix)}`, () => this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: environmentPrefix, ContinuationToken: token })), this.retry);
            for (const object of page.Contents ?? []) {
                const rest = (object.Key ?? '').slice(environmentPrefix.length);
                if (/^\d{4}\/\d{2}\/\d{2}\/[^/]+\.json$/.test(rest) && !/\.(snapshot|sig)\.json$/.test(rest))
                    return true;
                if (rest > '9')
                    return false;
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return false;
    }
    /** Writes a dated report under `key`, or `-2`, `-3`… when another object already holds that key: never over it. */
    async putNew(key, body, metadata, contentType = 'application/json') {
        for (let n = 1; n <= 100; n++) {
            const candidate = n === 1 ? key : key.replace(/(\.[a-z]+)$/, `-${n}$1`);
            try {
                await this.put(candidate, body, contentType, metadata, true, { IfNoneMatch: '*' });
                return candidate;
            }
            catch (error) {
                if (!isConditionFailed(error))
                    throw error;
            }
        }
        throw new Error(`Could not write report to ${this.url(key)}: it and 99 numbered variants already exist`);
    }
    async put(key, body, contentType, metadata, retained, condition = {}) {
        const input = {
            ...condition,
            Bucket: this.bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
            Metadata: metadata,
            // Our own digest rather than the SDK's: S3 then refuses the write unless it stored exactly the bytes we hashed.
            ChecksumAlgorithm: 'SHA256',
            ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
            ...(this.kmsKeyId
                ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.kmsKeyId }
                : { ServerSideEncryption: 'AES256' }),
            // latest.json is overwritten every run; the dated objects are the evidence that must outlive it.
            ...(this.objectLock && retained
                ? {
                    ObjectLockMode: this.objectLock.mode,
                    ObjectLockRetainUntilDate: new Date(this.now().getTime() + this.objectLock.days * dayMs),
                }
                : {}),
        };
        try {
            await withRetry(`write ${this.url(key)}`, () => this.client.send(new PutObjectCommand(input)), this.retry);
        }
        catch (error) {
            // A failed condition is an answer, not a failure: the caller picks another key or re-chains.
            if (isConditionFailed(error))
                throw error;
            throw new Error(`Could not write report to ${this.url(key)}: ${describeError(error)}`, { cause: error });
        }
    }
}
function checksumProblem(read, where) {
    if (read.checksum === undefined)
        return null;
    const actual = createHash('sha256').update(read.bytes).digest('base64');
    return read.checksum === actual
        ? null
        : `${where}: the bytes read (sha256 ${actual}) do not match the checksum S3 stored (${read.checksum})`;
}
/** S3's answer to a write whose If-Match / If-None-Match did not hold (412), or that raced another (409). */
function isConditionFailed(error) {
    const e = error;
    const status = e?.$metadata?.httpStatusCode;
    return (e?.name === 'PreconditionFailed' || e?.name === 'ConditionalRequestConflict' || status === 412 || status === 409);
}

;// CONCATENATED MODULE: ./lib/audit/s3-source.js
// Reads an environment's stored reports from S3 for an audit: list, then each object with its checksum, the sha256
// recorded at write time and its Object Lock retention.







class S3EvidenceSource {
    client;
    bucket;
    retry;
    prefix;
    constructor(client, bucket, prefix, retry = {}) {
        this.client = client;
        this.bucket = bucket;
        this.retry = retry;
        this.prefix = (0,aws_names/* normalizePrefix */.iG)(prefix);
    }
    describe() {
        return `s3://${this.bucket}/${this.prefix}`;
    }
    async listReports(environment, months) {
        const base = `${this.prefix}${(0,report_store/* validateEnvironment */.qQ)(environment)}/`;
        const perMonth = await mapBounded(months, 4, (month) => this.list(`${base}${month}/`));
        return perMonth.flat().sort();
    }
    async list(prefix) {
        const keys = [];
        let token;
        do {
            const page = await (0,retry/* withRetry */.b)(`list s3://${this.bucket}/${prefix}`, () => this.client.send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token })), this.retry).catch((error) => {
                throw new Error(`Could not list s3://${this.bucket}/${prefix}: ${(0,errors/* describeError */.Uc)(error)}`);
            });
            for (const o of page.Contents ?? [])
                if (o.Key && (0,report_store/* isDatedReportKey */.Gi)(o.Key))
                    keys.push(o.Key);
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return keys;
    }
    async read(key, options) {
        try {
            const response = await (0,retry/* withRetry */.b)(`read s3://${this.bucket}/${key}`, async () => {
                const r = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }));
                return { r, bytes: (await r.Body?.transformToByteArray()) ?? new Uint8Array() };
            }, this.retry);
            const composite = response.r.ChecksumType === 'COMPOSITE' || response.r.ChecksumSHA256?.includes('-');
            const item = {
                key,
                bytes: response.bytes,
                storedChecksum: composite ? undefined : response.r.ChecksumSHA256,
                recordedSha256: response.r.Metadata?.['report-sha256'],
            };
            if (options.retention) {
                try {
                    item.retainUntil = await this.retainUntil(key);
                }
                catch (error) {
                    item.retentionError = (0,errors/* describeError */.Uc)(error);
                }
            }
            return item;
        }
        catch (error) {
            return { key, bytes: null, readError: (0,errors/* describeError */.Uc)(error) };
        }
    }
    async readSignature(key) {
        const sigKey = (0,report_signature/* signatureKey */.cx)(key);
        try {
            const r = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: sigKey }));
            return (await r.Body?.transformToString('utf8')) ?? '';
        }
        catch (error) {
            if (error.name === 'NoSuchKey')
                return null;
            throw new Error(`Could not read s3://${this.bucket}/${sigKey}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    async pointer(environment) {
        const key = this.prefix + (0,report_store/* latestKey */.p8)(environment);
        const location = `s3://${this.bucket}/${key}`;
        let bytes;
        let metadata;
        try {
            const r = await (0,retry/* withRetry */.b)(`read ${location}`, () => this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key })), this.retry);
            bytes = (await r.Body?.transformToByteArray()) ?? new Uint8Array();
            metadata = r.Metadata ?? {};
        }
        catch (error) {
            if (error.name === 'NoSuchKey')
                return null;
            throw new Error(`Could not read ${location}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
        // A report copy written before pointers names its dated key in the object's metadata, as the store wrote it.
        const parsed = await (0,report_store/* parsePointer */.vp)(bytes, location, `${this.prefix}${environment}/`, () => metadata[REPORT_KEY_METADATA]);
        return 'problem' in parsed ? parsed : { key: parsed.link.key, sha256: parsed.link.sha256 };
    }
    async retainUntil(key) {
        try {
            const r = await this.client.send(new dist_cjs/* GetObjectRetentionCommand */.zsK({ Bucket: this.bucket, Key: key }));
            return r.Retention?.RetainUntilDate ?? null;
        }
        catch (error) {
            const name = error.name ?? '';
            // No lock configuration, or no retention on this object: it is not retained.
            if (/NoSuchObjectLockConfiguration|ObjectLockConfigurationNotFound|InvalidRequest/.test(name))
                return null;
            throw error;
        }
    }
}

// EXTERNAL MODULE: ./lib/shared/tool-version.js
var tool_version = __webpack_require__(4050);
// EXTERNAL MODULE: ./lib/cli/flags.js
var flags = __webpack_require__(2529);
;// CONCATENATED MODULE: ./lib/cli/audit-command.js
// `schema-drift audit`: verifies a period of stored reports and writes the audit pack (JSON, HTML, CSV).














const AUDIT_USAGE = `Usage:
  schema-drift audit (--s3-bucket B [--s3-prefix P] [--aws-region R] | --report-dir D)
                     (--from YYYY-MM-DD --to YYYY-MM-DD | --period last-quarter|last-month|YYYY-Qn)
                     [--environment production] [--schedule '0 3 * * *'] [--tolerance-minutes 180]
                     [--retention-years 7] [--out DIR] [--json]
                     [--public-key KEY.pem | --kms-signing-key-id KEY]

Verifies every report of the period (sha256 against the store's checksum and the chain's links), walks the chain,
and lists gaps against the schedule, breaks, forks, orphans, short retention and drift incidents. --out writes
audit.json, audit.html and audit.csv. Exit codes: 0 complete and intact, 1 gaps or open incidents, 2 tampered or
unreadable. With --public-key (or the KMS key, whose public half is read once) every report's .sig.json is checked:
a missing signature is a gap, an invalid one is tampering.
`;
const OPTIONS = {
    's3-bucket': { type: 'string' },
    's3-prefix': { type: 'string' },
    'aws-region': { type: 'string' },
    'report-dir': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    period: { type: 'string' },
    environment: { type: 'string' },
    schedule: { type: 'string' },
    'tolerance-minutes': { type: 'string' },
    'retention-years': { type: 'string' },
    out: { type: 'string' },
    'public-key': { type: 'string' },
    'kms-signing-key-id': { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
};
function wholeNumber(value, flag, fallback, max) {
    if (value === undefined)
        return fallback;
    if (!/^\d+$/.test(value.trim()) || Number(value) > max) {
        throw new Error(`Invalid --${flag} "${value}": a whole number from 0 to ${max}`);
    }
    return Number(value);
}
async function auditCommand(args, io) {
    try {
        const { values } = (0,external_node_util_.parseArgs)({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false });
        if (values.help) {
            io.stdout(AUDIT_USAGE);
            return flags/* EXIT */.dc.ok;
        }
        if (Boolean(values['s3-bucket']) === Boolean(values['report-dir'])) {
            throw new Error('give one store: --s3-bucket or --report-dir');
        }
        const now = new Date();
        const period = resolvePeriod({ from: values.from, to: values.to, period: values.period }, now);
        const environment = values.environment ?? 'production';
        const source = values['s3-bucket']
            ? new S3EvidenceSource(new dist_cjs/* S3Client */.YxF({
                region: values['aws-region'] ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1',
                forcePathStyle: Boolean(io.env.AWS_ENDPOINT_URL_S3 || io.env.AWS_ENDPOINT_URL),
                maxAttempts: 1,
            }), (0,aws_names/* validateBucketName */.EG)(values['s3-bucket']), values['s3-prefix'])
            : new LocalEvidenceSource((0,external_node_path_.resolve)(io.cwd, values['report-dir'] ?? '.'));
        const publicKeyPem = await auditPublicKey(values, io);
        const pack = await runAudit(source, {
            publicKeyPem,
            environment,
            period,
            schedule: values.schedule ?? '0 3 * * *',
            toleranceMinutes: wholeNumber(values['tolerance-minutes'], 'tolerance-minutes', 180, 10_080),
            retentionYears: wholeNumber(values['retention-years'], 'retention-years', 7, 100),
            checkRetention: Boolean(values['s3-bucket']),
            now,
            toolVersion: tool_version/* TOOL_VERSION */.w,
        });
        if (values.out) {
            const dir = (0,external_node_path_.resolve)(io.cwd, values.out);
            await (0,promises_.mkdir)(dir, { recursive: true });
            await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'audit.json'), serializePack(pack));
            await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'audit.html'), renderAuditHtml(pack));
            await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'audit.csv'), renderAuditCsv(pack));
        }
        if (values.json)
            io.stdout(serializePack(pack));
        else {
            const c = pack.counts;
            io.stdout(`${environment}, ${pack.period.label}: ${pack.result}\n` +
                `reports: ${c.reports} (${c.synced} synced, ${c.drift} drift, ${c.error} error); scheduled runs with a report: ${c.runs_found} of ${c.scheduled_runs}\n` +
                `incidents: ${c.incidents} (${c.open_incidents} open)\n` +
                pack.issues.map((i) => `${i.class}: ${i.kind}: ${i.message}\n`).join('') +
                `pack sha256: ${pack.pack_sha256}\n`);
        }
        return auditExitCode(pack);
    }
    catch (error) {
        io.stderr(`schema-drift audit: ${error instanceof Error ? error.message : String(error)}\n`);
        return flags/* EXIT */.dc.error;
    }
}
async function auditPublicKey(values, io) {
    if (values['public-key'] && values['kms-signing-key-id']) {
        throw new Error('give --public-key or --kms-signing-key-id, not both');
    }
    let pem;
    if (values['public-key']) {
        const path = (0,external_node_path_.resolve)(io.cwd, values['public-key']);
        pem = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
            throw new Error(`Could not read --public-key "${path}": ${error.message}`);
        });
    }
    else if (values['kms-signing-key-id']) {
        const { KMSClient } = await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.t.bind(__webpack_require__, 2632, 19));
        const { KmsReportSigner } = await Promise.all(/* import() */[__webpack_require__.e(632), __webpack_require__.e(185)]).then(__webpack_require__.bind(__webpack_require__, 185));
        const region = values['aws-region'] ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1';
        pem = await new KmsReportSigner(new KMSClient({ region, maxAttempts: 1 }), values['kms-signing-key-id']).publicKeyPem();
    }
    if (pem !== undefined) {
        try {
            (0,external_node_crypto_.createPublicKey)(pem);
        }
        catch (error) {
            throw new Error(`The public key is not a PEM public key: ${error.message}`);
        }
    }
    return pem;
}


/***/ })

};
