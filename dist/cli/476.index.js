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

/***/ 233:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ awsTimeouts),
/* harmony export */   e: () => (/* binding */ requestHandlerOptions)
/* harmony export */ });
// Time limits for every AWS call, derived from the run's budget (input timeout-seconds), so an endpoint that
// accepts the connection and never answers costs a bounded, known share of the run.
/**
 * Limits for a run of `totalMs`: at the default 300 s, 10 s to connect, 15 s per request, 37.5 s per call with
 * its retries — so one call, its last attempt included, ends within a fifth of the run.
 */
function awsTimeouts(totalMs) {
    return {
        connectionMs: Math.max(1_000, Math.min(10_000, Math.floor(totalMs / 20))),
        requestMs: Math.max(1_000, Math.min(30_000, Math.floor(totalMs / 20))),
        retryTotalMs: Math.max(1_000, Math.min(45_000, Math.floor(totalMs / 8))),
    };
}
/** The SDK clients' requestHandler options: without throwOnRequestTimeout the handler only warns and keeps waiting. */
function requestHandlerOptions(timeouts) {
    return {
        connectionTimeout: timeouts.connectionMs,
        requestTimeout: timeouts.requestMs,
        // Idle socket (a body that stops arriving after the headers): the request timer ends at the headers.
        socketTimeout: timeouts.requestMs,
        throwOnRequestTimeout: true,
    };
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
// EXTERNAL MODULE: ./lib/report/presentation/document.js
var presentation_document = __webpack_require__(7690);
;// CONCATENATED MODULE: ./lib/audit/audit-document.js
// The audit pack as a presentation document: the same Markdown (job summary), plain text (alert) and printable HTML
// renderers as the nightly report, so the pack reads and prints like the reports it covers.

const STATE = {
    complete: 'synced',
    incomplete: 'drift',
    tampered: 'error',
    error: 'error',
    'not-started': 'drift',
    empty: 'drift',
};
const RESULT_TEXT = {
    complete: 'complete and intact',
    incomplete: 'incomplete: gaps or open incidents',
    tampered: 'evidence altered, deleted or forged',
    error: 'the store could not be read completely, so the evidence cannot be judged',
    'not-started': 'not started: no scheduled run has come due yet, so nothing is proven',
    empty: 'empty: the schedule has no run in this period, so nothing is proven',
};
/** The headline sentence of a pack no independent witness backs. */
const UNANCHORED = 'unanchored: no witness independent of the store (Object Lock, object versions, run history) was available, so this audit cannot prove that no report was deleted or rewritten by someone with write access to the store';
const plain = (value) => (value ? [value] : [(0,presentation_document/* absent */.Ge)()]);
/** The pack's document; `location`, when given, is where the pack itself was stored. */
function auditDocument(pack, options = {}) {
    const c = pack.counts;
    return {
        title: `Schema drift audit of ${pack.environment}, ${pack.period.label}: ${RESULT_TEXT[pack.result]}${pack.anchored ? '' : ' (unanchored)'}`,
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
            {
                label: 'Independent witnesses',
                value: [
                    [
                        pack.witnesses.signatures ? 'signatures' : '',
                        pack.witnesses.object_lock ? 'Object Lock' : '',
                        pack.witnesses.object_versions ? 'object versions' : '',
                        pack.witnesses.run_history ? 'run history' : '',
                    ]
                        .filter(Boolean)
                        .join(', ') || 'none',
                ],
            },
            ...(options.location ? [{ label: 'Audit pack', value: [(0,presentation_document/* code */.aY)(options.location)] }] : []),
        ],
        sections: [
            (0,presentation_document/* section */.uW)('what-to-do', 'What to do', [
                ...(pack.anchored ? [] : [{ type: 'paragraph', text: [(0,presentation_document/* strong */.ko)(`This pack is ${UNANCHORED}.`)] }]),
                { type: 'list', items: pack.actions.map((a) => [a]) },
            ], {
                lead: true,
                mark: pack.result === 'tampered' || pack.result === 'error'
                    ? 'error'
                    : pack.result === 'complete'
                        ? undefined
                        : 'warning',
            }),
            (0,presentation_document/* section */.uW)('findings', 'Findings', [
                pack.issues.length === 0
                    ? { type: 'paragraph', text: ['None: every report of the period is present, intact and chained.'] }
                    : (0,presentation_document/* table */.tp)([{ title: 'Kind' }, { title: 'Class' }, { title: 'What' }], pack.issues.map((i) => [[(0,presentation_document/* code */.aY)(i.kind)], [i.class], [i.message]])),
            ]),
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
            (0,presentation_document/* section */.uW)('controls', 'What this evidence supports', pack.result === 'complete'
                ? [
                    {
                        type: 'paragraph',
                        text: ['These records support the controls below: evidence for an assessor, not a certification.'],
                    },
                    (0,presentation_document/* table */.tp)([{ title: 'Framework' }, { title: 'Control' }, { title: 'Supported by' }], pack.controls.map((k) => [[k.framework], [k.control], [k.supports]])),
                ]
                : [
                    {
                        type: 'paragraph',
                        text: [
                            `Nothing can be claimed from this pack: it is ${RESULT_TEXT[pack.result]}. Only a complete pack supports controls; do what is listed above first.`,
                        ],
                    },
                ]),
            (0,presentation_document/* section */.uW)('tampered', 'Reports whose evidence is lost', [
                pack.tampered_reports.length === 0
                    ? { type: 'paragraph', text: ['None.'] }
                    : (0,presentation_document/* table */.tp)([{ title: 'Report' }, { title: 'State' }, { title: 'Why' }], pack.tampered_reports.map((t) => [[(0,presentation_document/* code */.aY)(t.key)], [t.state], [t.why]])),
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
    chainPrefix(environment) {
        return `${(0,report_store/* validateEnvironment */.qQ)(environment)}/`;
    }
    async read(key) {
        try {
            return { key, bytes: await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, ...key.split('/'))) };
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return { key, bytes: null, missing: true };
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
// The audit itself, pure: given the stored report objects a source read (the period's, those after it back from
// latest.json, and the predecessors they link to), verify each object, walk the chain from the pointer, and find
// deletions, alterations, gaps, orphans and incidents. No I/O: the sources read.



const verify_sha256Hex = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
const verify_iso = (d) => `${d.toISOString().slice(0, 19)}Z`;
/** The time a dated key's name carries ({timestamp}-{run}.json), for a report whose bytes cannot be believed. */
function keyTime(key) {
    const match = /\/(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z[^/]*\.json$/.exec(key);
    return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}Z` : undefined;
}
/** The audit's working state: the issues found so far and what is known of each object. */
class Findings {
    issues = [];
    /** Objects whose bytes are not those written (or cannot be a report): key → why. */
    altered = new Map();
    /** Objects the chain proves were stored and that are gone: key → who links to them. */
    deleted = new Map();
    add(kind, cls, message, extra = {}) {
        this.issues.push({ kind, class: cls, message, ...extra });
    }
    alter(key, why, kind = 'tampered') {
        if (this.altered.has(key))
            return;
        this.altered.set(key, why);
        this.add(kind, 'tampered', `${key}: ${why}`, { key });
    }
    delete(key, linkedFrom, message) {
        if (this.deleted.has(key))
            return;
        this.deleted.set(key, linkedFrom);
        this.add('deleted', 'tampered', message ??
            `${key} does not exist, but ${linkedFrom} links to it: the chain proves it was stored, and it was deleted`, { key, at: keyTime(key) });
    }
}
/** Step 1: every object on its own — readable, a report, the bytes its store and its writer recorded, signed. */
function readObjects(items, f) {
    const parsed = new Map();
    for (const item of items) {
        if (item.missing)
            continue;
        if (item.bytes === null) {
            f.add('unreadable', 'error', `${item.key} could not be read: ${item.readError ?? 'unknown error'}`, {
                key: item.key,
            });
            continue;
        }
        const sha256 = verify_sha256Hex(item.bytes);
        if (item.storedChecksum !== undefined) {
            const base64 = Buffer.from(sha256, 'hex').toString('base64');
            if (base64 !== item.storedChecksum) {
                f.alter(item.key, `its bytes (sha256 ${base64}) differ from the checksum the store kept (${item.storedChecksum})`);
            }
        }
        if (item.recordedSha256 !== undefined && item.recordedSha256 !== sha256) {
            f.alter(item.key, `its bytes (sha256 ${sha256}) differ from the sha256 recorded when it was written (${item.recordedSha256})`);
        }
        let report;
        try {
            report = JSON.parse(Buffer.from(item.bytes).toString('utf8'));
        }
        catch {
            f.alter(item.key, 'is not valid JSON, but a report was written there');
            continue;
        }
        if (report?.schema_version !== 1 || typeof report.timestamp !== 'string' || typeof report.status !== 'string') {
            f.alter(item.key, 'is not a schema-drift report, but one was written there');
            continue;
        }
        if (item.signature?.state === 'invalid')
            f.alter(item.key, item.signature.why, 'signature');
        else if (item.signature?.state === 'unreadable') {
            f.add('signature', 'error', `the signature of ${item.key} could not be read: ${item.signature.why}`, {
                key: item.key,
            });
        }
        else if (item.signature?.state === 'unbound') {
            f.add('signature', 'incomplete', `${item.key} has a version-1 signature: it proves the bytes were signed, not that they belong at this key`, { key: item.key });
        }
        else if (item.signature?.state === 'missing') {
            f.add('signature', 'incomplete', `${item.key} has no signature beside it`, { key: item.key });
        }
        parsed.set(item.key, { item, sha256, report });
    }
    return parsed;
}
/**
 * Step 2: the chain, from the pointer back to the first report before the period. Every link must name an object
 * that exists and has the sha256 recorded; the reports reached are the chain (head first).
 */
function walkChain(input, byKey, parsed, f) {
    const chain = [];
    if (input.pointer && 'problem' in input.pointer)
        f.add('chain-break', 'tampered', input.pointer.problem);
    const pointer = input.pointer && 'key' in input.pointer ? input.pointer : null;
    if (!pointer) {
        const stored = [...parsed.values()].filter((p) => p.item.position !== 'before');
        if (input.pointer === null && stored.length > 0) {
            f.add('chain-break', 'tampered', `latest.json is missing although ${stored.length} reports are stored`);
        }
        return chain;
    }
    let cursor = pointer.key;
    let expected = pointer.sha256;
    let from = 'latest.json';
    const seen = new Set();
    for (;;) {
        const item = byKey.get(cursor);
        if (!item) {
            f.add('chain-break', 'tampered', `${from} links to ${cursor}, which is not a dated report of this chain`, {
                key: from === 'latest.json' ? undefined : from,
            });
            break;
        }
        if (item.missing) {
            f.delete(cursor, from);
            break;
        }
        const p = parsed.get(cursor);
        if (!p)
            break; // unreadable or not a report: already an issue of its own
        if (p.sha256 !== expected) {
            f.alter(cursor, `its bytes (sha256 ${p.sha256}) are not those ${from} recorded (${expected})`, 'chain-break');
        }
        chain.push(cursor);
        seen.add(cursor);
        if (item.position === 'before')
            break;
        const link = p.report.previous_report;
        if (!link)
            break;
        if (seen.has(link.key)) {
            f.add('chain-break', 'tampered', `${cursor} links back to ${link.key}, a later report of the chain (a cycle)`);
            break;
        }
        from = cursor;
        cursor = link.key;
        expected = link.sha256;
    }
    return chain;
}
/**
 * A report's `supersedes` is a claim, checked, never believed: each key it names must be an earlier attempt of the
 * same run (same run id, environment and timestamp: the store re-chains the same report) that lost a race — stored,
 * not in the chain, not the claimant itself, chained to a report of the chain older than the claimant's own
 * predecessor. Only a claimant on the chain may claim. Returns the attempts proven superseded; a false claim is
 * tampering (the store never writes one).
 */
function checkSupersedes(chain, parsed, f) {
    const superseded = new Set();
    const index = new Map(chain.map((key, i) => [key, i]));
    for (const [key, { report }] of parsed) {
        for (const claimed of report.supersedes ?? []) {
            const loser = parsed.get(claimed);
            const ownPrevious = report.previous_report?.key;
            const loserPrevious = loser?.report.previous_report?.key;
            const why = claimed === key
                ? 'it names itself'
                : !index.has(key)
                    ? 'the claimant is not on the chain latest.json reaches'
                    : index.has(claimed)
                        ? 'that report is on the chain'
                        : !loser
                            ? f.deleted.has(claimed) || f.altered.has(claimed)
                                ? 'that report was deleted or altered'
                                : 'that report does not exist'
                            : loser.report.run?.run_id !== report.run?.run_id ||
                                loser.report.timestamp !== report.timestamp ||
                                loser.report.environment !== report.environment
                                ? 'that report is not an earlier attempt of the same run (run id, timestamp and environment differ)'
                                : ownPrevious === undefined ||
                                    loserPrevious === undefined ||
                                    !index.has(ownPrevious) ||
                                    !index.has(loserPrevious) ||
                                    (index.get(loserPrevious) ?? 0) <= (index.get(ownPrevious) ?? 0)
                                    ? "that report is not chained to a report of the chain older than the claimant's predecessor (it lost no race)"
                                    : null;
            if (why === null)
                superseded.add(claimed);
            else {
                f.add('false-supersedes', 'tampered', `${key} claims to supersede ${claimed}, but ${why}`, {
                    key,
                    at: report.timestamp,
                });
            }
        }
    }
    return superseded;
}
/** Step 3: the links of the reports the chain does not reach (forks, orphans, superseded attempts). */
function checkOtherLinks(byKey, parsed, inChain, f) {
    const successors = new Map();
    for (const [key, { report, item }] of parsed) {
        const link = report.previous_report;
        if (!link || item.position === 'before')
            continue;
        if (!inChain.has(key)) {
            const target = byKey.get(link.key);
            if (target?.missing)
                f.delete(link.key, key);
            const found = parsed.get(link.key);
            if (found && found.sha256 !== link.sha256 && !f.altered.has(key)) {
                // The chain vouches for its own reports: a different sha256 here is this report's false claim.
                if (inChain.has(link.key)) {
                    f.alter(key, `it links to ${link.key} with sha256 ${link.sha256}, but the chain holds that report with ${found.sha256}`, 'chain-break');
                }
                else {
                    f.add('chain-break', 'tampered', `${key} links to ${link.key} with sha256 ${link.sha256}, but that object has ${found.sha256}`, { key });
                }
            }
        }
        successors.set(link.key, [...(successors.get(link.key) ?? []), key]);
    }
    return successors;
}
const byTime = (a, b) => a.report.timestamp < b.report.timestamp
    ? -1
    : a.report.timestamp > b.report.timestamp
        ? 1
        : a.item.key < b.item.key
            ? -1
            : 1;
/** Builds the audit pack; its `result` gives the exit code (see auditExitCode). */
function auditEvidence(input) {
    const f = new Findings();
    const items = input.items.map((i) => ({ ...i, position: i.position ?? 'period' }));
    const byKey = new Map(items.map((i) => [i.key, i]));
    const parsed = readObjects(items, f);
    // The store's version history: a dated report is written once, so a second version or a delete marker is tampering
    // (latest.json's own history is expected and not read).
    for (const [key, history] of input.versions ?? []) {
        const at = keyTime(key) ?? '';
        if (at < verify_iso(input.period.from) || at >= verify_iso(input.period.to))
            continue;
        if (history.deleteMarkers > 0) {
            f.delete(key, "the store's version history", `${key} was deleted: the store's version history holds ${history.deleteMarkers} delete marker(s) for it`);
        }
        else if (history.versions > 1) {
            f.alter(key, `the store holds ${history.versions} versions of it, but a dated report is written once`);
        }
    }
    const chain = walkChain(input, byKey, parsed, f);
    const inChain = new Set(chain);
    const successors = checkOtherLinks(byKey, parsed, inChain, f);
    const superseded = checkSupersedes(chain, parsed, f);
    for (const [key, next] of successors) {
        const live = next.filter((k) => !superseded.has(k) && !f.altered.has(k));
        if (live.length > 1) {
            f.add('fork', 'incomplete', `${live.length} reports continue the chain from ${key}: ${live.sort().join(', ')}`, {
                key,
            });
        }
    }
    // The period's reports whose bytes are those written; an altered one is listed apart and counted nowhere.
    const inPeriod = [...parsed.values()]
        .filter((p) => p.item.position === 'period' && !f.altered.has(p.item.key))
        .sort(byTime);
    const audited = inPeriod.map(({ item, sha256, report }) => {
        const place = inChain.has(item.key)
            ? 'in-chain'
            : superseded.has(item.key)
                ? 'superseded'
                : 'orphan';
        if (place === 'orphan') {
            f.add('orphan', 'incomplete', successors.has(item.key)
                ? `${item.key} is on a branch of the chain that latest.json does not reach (a fork)`
                : `${item.key} was stored but never linked: its run stopped before moving latest.json, or latest.json was rewritten`, { key: item.key, at: report.timestamp });
        }
        return {
            key: item.key,
            sha256,
            timestamp: report.timestamp,
            status: report.status,
            state: report.version?.state ?? null,
            // Structural drift is drift: the row leads with it, as the report's own headline does, never "in sync at …".
            summary: report.structure?.state === 'drifted'
                ? `schema drifted: ${report.structure.summary}; ${report.version?.summary ?? report.status}`
                : (report.version?.summary ?? report.error?.message ?? report.status),
            run_id: report.run?.run_id ?? '',
            run_url: report.run?.run_url ?? '',
            sha: report.run?.sha ?? '',
            place,
            signature: item.signature?.state ?? null,
        };
    });
    checkRetention(inPeriod, input.retentionYears, f);
    // Slots: each scheduled run is filled by at most one report, and each report fills at most one slot. A report the
    // chain proves was stored (deleted or altered since) fills its slot as such: that is tampering, not a gap.
    const inPeriodTime = (t) => t >= verify_iso(input.period.from) && t < verify_iso(input.period.to);
    const candidates = [
        ...audited
            .filter((r) => r.place !== 'superseded')
            .map((r) => ({ key: r.key, at: r.timestamp, state: 'report' })),
        ...[...f.deleted.keys()].flatMap((key) => candidate(key, 'deleted', inPeriodTime)),
        ...[...f.altered.keys()]
            .filter((key) => byKey.get(key)?.position === 'period')
            .flatMap((key) => candidate(key, 'tampered', inPeriodTime)),
    ];
    const allScheduled = (0,cron/* cronTimes */.x)(input.schedule, input.period.from, input.period.to);
    const scheduled = allScheduled.filter((t) => t <= input.now);
    const slots = matchSlots(scheduled, candidates, input.toleranceMinutes);
    for (const slot of slots.filter((s) => s.state === 'missing')) {
        f.add('gap', 'incomplete', `no report for the run scheduled at ${slot.at}`, { at: slot.at });
    }
    const found = slots.filter((s) => s.state === 'report').length;
    const runs = audited.filter((r) => r.place !== 'superseded');
    const incidents = findIncidents(inPeriod.filter((p) => !superseded.has(p.item.key)), f);
    const errors = inPeriod
        .filter((p) => p.report.status === 'error' && !superseded.has(p.item.key))
        .map(({ item, report }) => ({
        at: report.timestamp,
        stage: report.error?.stage ?? 'unknown',
        message: report.error?.message ?? '',
        key: item.key,
    }));
    const timeline = new Map();
    for (const r of runs)
        timeline.set(r.timestamp.slice(0, 10), [...(timeline.get(r.timestamp.slice(0, 10)) ?? []), r.status]);
    const count = (status) => runs.filter((r) => r.status === status).length;
    const has = (cls) => f.issues.some((i) => i.class === cls);
    // Nothing to prove is not proof: a period before its first scheduled run, or one the schedule never runs in.
    const result = has('tampered')
        ? 'tampered'
        : has('error')
            ? 'error'
            : scheduled.length === 0 && (input.period.from > input.now || allScheduled.length > 0)
                ? 'not-started'
                : scheduled.length === 0
                    ? 'empty'
                    : f.issues.length > 0
                        ? 'incomplete'
                        : 'complete';
    const tamperedReports = [
        ...[...f.altered]
            .filter(([key]) => byKey.get(key)?.position === 'period')
            .map(([key, why]) => ({ key, state: 'altered', why })),
        ...[...f.deleted]
            .filter(([key]) => inPeriodTime(keyTime(key) ?? ''))
            .map(([key, from]) => ({ key, state: 'deleted', why: `${from} links to it` })),
    ];
    // Object Lock witnesses only when every report of the period is locked now (whatever retention is required).
    const lockChecked = inPeriod.length > 0 &&
        inPeriod.every((p) => p.item.retainUntil instanceof Date && p.item.retainUntil.getTime() > input.now.getTime());
    const witnesses = {
        signatures: (input.signaturesChecked ?? false) &&
            inPeriod.length > 0 &&
            inPeriod.every((p) => p.item.signature?.state === 'valid'),
        object_lock: lockChecked && !f.issues.some((i) => i.kind === 'retention'),
        object_versions: input.versions !== undefined && input.versions !== null,
        run_history: false,
    };
    const anchored = witnesses.object_lock || witnesses.object_versions || witnesses.run_history;
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
            gaps: slots.filter((slot) => slot.state === 'missing').length,
            synced: count('synced'),
            drift: count('drift'),
            error: count('error'),
            incidents: incidents.length,
            open_incidents: incidents.filter((i) => i.resolved_at === null).length,
        },
        issues: f.issues,
        incidents,
        errors,
        ignore_rules: ignoreRules(inPeriod.filter((p) => !superseded.has(p.item.key))),
        timeline: [...timeline].map(([date, statuses]) => ({ date, runs: statuses.length, statuses })),
        tampered_reports: tamperedReports,
        witnesses,
        anchored,
        actions: [],
        slots,
        reports: audited,
        controls: result === 'complete' ? CONTROLS : [],
        pack_sha256: '',
    };
    pack.actions = whatToDo(pack);
    return { ...pack, pack_sha256: verify_sha256Hex(serializePack(pack)) };
}
const some = (items, max = 5) => items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
/** What an auditor or owner does next, most urgent first; one line when there is nothing to do. */
function whatToDo(pack) {
    const actions = [];
    const of = (kind) => pack.issues.filter((i) => i.kind === kind);
    if (pack.tampered_reports.length > 0) {
        actions.push(`Treat as a security incident: ${pack.tampered_reports.length} report(s) of the period were altered or deleted (${some(pack.tampered_reports.map((t) => `${t.key} ${t.state}`))}); compare with the store's access logs (CloudTrail data events) and object versions.`);
    }
    const forged = pack.issues.filter((i) => i.class === 'tampered' &&
        !['tampered', 'deleted'].includes(i.kind) &&
        !pack.tampered_reports.some((t) => t.key === i.key));
    if (forged.length > 0) {
        actions.push(`Investigate ${forged.length} broken link(s) or false claim(s) in the chain: ${some(forged.map((i) => i.message), 2)}.`);
    }
    const unreadable = pack.issues.filter((i) => i.class === 'error');
    if (unreadable.length > 0) {
        actions.push(`Give the audit read access to the whole store and run it again: ${unreadable.length} object(s) could not be read (${some(unreadable.map((i) => i.message), 2)}).`);
    }
    if (pack.result === 'not-started')
        actions.push('Run the audit again once the period has begun and its first scheduled run has reported.');
    if (pack.result === 'empty')
        actions.push(`Check --schedule (${pack.schedule}): it has no run in this period, so nothing is proven.`);
    const gaps = of('gap');
    if (gaps.length > 0) {
        actions.push(`Explain the ${gaps.length} scheduled run(s) without a report (the workflow's run history for those times): ${some(gaps.map((i) => i.at ?? ''))}.`);
    }
    const open = of('open-incident');
    if (open.length > 0)
        actions.push(`Resolve or explain the open drift incident(s): ${some(open.map((i) => i.message), 2)}.`);
    const orphans = of('orphan');
    if (orphans.length > 0)
        actions.push(`Explain the ${orphans.length} report(s) latest.json does not reach: ${some(orphans.map((i) => i.key ?? ''))}.`);
    const missing = [...of('signature'), ...of('retention')].filter((i) => i.class === 'incomplete');
    if (missing.length > 0)
        actions.push(`Supply the missing evidence (signatures, retention): ${some(missing.map((i) => i.message), 2)}.`);
    if (!pack.anchored) {
        actions.push('Anchor the store: with S3 Object Lock (COMPLIANCE) on every report, or object versioning, the audit can prove that nothing was deleted; without it a deleted report and a rewound latest.json may not show.');
    }
    if (actions.length === 0 || (actions.length === 1 && !pack.anchored && pack.result === 'complete')) {
        actions.unshift('Nothing is missing: file this pack as the evidence of the period.');
    }
    return actions;
}
/** Object Lock retention: each object must be kept for the required years after it was written. */
function checkRetention(reports, years, f) {
    for (const { item, report } of reports) {
        if (item.retentionError !== undefined) {
            f.add('retention', 'error', `the retention of ${item.key} could not be read: ${item.retentionError}`, {
                key: item.key,
            });
            continue;
        }
        // 0 years: no retention required (a store without Object Lock audited on purpose).
        if (item.retainUntil === undefined || years === 0)
            continue;
        const required = new Date(report.timestamp);
        required.setUTCFullYear(required.getUTCFullYear() + years);
        if (item.retainUntil === null || item.retainUntil.getTime() < required.getTime() - 86_400_000) {
            f.add('retention', 'incomplete', `${item.key} is retained ${item.retainUntil === null ? 'without Object Lock' : `until ${verify_iso(item.retainUntil)}`}, short of ${years} years (${verify_iso(required)})`, { key: item.key });
        }
    }
}
/** Ignore rules that hid a difference in some report: what, why, until when, how often. */
function ignoreRules(reports) {
    const rules = new Map();
    for (const { report } of reports) {
        for (const rule of report.structure?.ignored ?? []) {
            const id = `${rule.kind}\u0000${rule.object}\u0000${rule.reason}\u0000${rule.expires}`;
            const seen = rules.get(id);
            if (seen)
                seen.reports++;
            else
                rules.set(id, { object: rule.object, kind: rule.kind, reason: rule.reason, expires: rule.expires, reports: 1 });
        }
    }
    return [...rules.values()];
}
function candidate(key, state, inPeriod) {
    const at = keyTime(key);
    return at !== undefined && inPeriod(at) ? [{ key, at, state }] : [];
}
/**
 * One-to-one: slots in time order, each taking the earliest unused report inside its window (15 minutes before the
 * scheduled time to `tolerance` after it). With windows of equal length this fills as many slots as any matching can.
 */
function matchSlots(scheduled, candidates, toleranceMinutes) {
    const sorted = [...candidates].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
    const times = sorted.map((c) => Date.parse(c.at));
    const used = new Array(sorted.length).fill(false);
    let first = 0;
    return scheduled.map((at) => {
        const start = at.getTime() - 15 * 60_000;
        const end = at.getTime() + toleranceMinutes * 60_000;
        while (first < sorted.length && ((times[first] ?? 0) < start || used[first]))
            first++;
        for (let i = first; i < sorted.length && (times[i] ?? 0) <= end; i++) {
            if (used[i] || (times[i] ?? 0) < start)
                continue;
            used[i] = true;
            const c = sorted[i];
            return { at: verify_iso(at), key: c.key, state: c.state };
        }
        return { at: verify_iso(at), key: null, state: 'missing' };
    });
}
/** What a report found drifted, by what it checked. */
function drifted(report) {
    const aspects = [];
    if (report.version?.drift)
        aspects.push('version');
    if (report.structure?.state === 'drifted')
        aspects.push('structure');
    if (aspects.length === 0 && report.status === 'drift')
        aspects.push('status');
    return aspects;
}
/** Whether a report checked this aspect and found it in order. */
function resolves(report, aspect) {
    if (report.status === 'error')
        return false;
    if (aspect === 'version')
        return report.version !== null && report.version?.state !== 'error' && !report.version?.drift;
    if (aspect === 'structure')
        return report.structure?.state === 'clean';
    return report.status === 'synced';
}
/**
 * Incidents: from the first report that saw drift until a later report that checked the same things (a run without
 * the structure check cannot resolve a structural difference) found them in order.
 */
function findIncidents(reports, f) {
    const incidents = [];
    let open = null;
    for (const { report } of reports) {
        const seen = drifted(report);
        if (open) {
            for (const aspect of [...open.aspects])
                if (!seen.includes(aspect) && resolves(report, aspect))
                    open.aspects.delete(aspect);
        }
        if (seen.length > 0) {
            if (!open) {
                open = {
                    incident: {
                        started_at: report.timestamp,
                        resolved_at: null,
                        duration_hours: null,
                        what: [],
                        runs: [],
                        commits: [],
                    },
                    aspects: new Set(),
                };
                incidents.push(open.incident);
            }
            const incident = open.incident;
            for (const aspect of seen)
                open.aspects.add(aspect);
            const what = [
                report.version?.drift ? report.version.summary : '',
                report.structure?.state === 'drifted' ? report.structure.summary : '',
            ].filter(Boolean);
            for (const w of what)
                if (!incident.what.includes(w))
                    incident.what.push(w);
            if (report.run?.run_id && !incident.runs.includes(report.run.run_id))
                incident.runs.push(report.run.run_id);
            if (report.run?.sha && !incident.commits.includes(report.run.sha))
                incident.commits.push(report.run.sha);
        }
        else if (open && open.aspects.size === 0) {
            open.incident.resolved_at = report.timestamp;
            open.incident.duration_hours =
                Math.round((Date.parse(report.timestamp) - Date.parse(open.incident.started_at)) / 36_000) / 100;
            open = null;
        }
    }
    for (const incident of incidents.filter((i) => i.resolved_at === null)) {
        f.add('open-incident', 'incomplete', `drift since ${incident.started_at} is not resolved: ${incident.what.join('; ')}`, {
            at: incident.started_at,
        });
    }
    return incidents;
}
/** The pack's JSON bytes; its pack_sha256 is the sha256 of these bytes with pack_sha256 set to "". */
function serializePack(pack) {
    return `${JSON.stringify(pack, null, 2)}\n`;
}
/**
 * Exit code of `audit`: 0 complete and intact; 1 gaps, open incidents, or nothing to prove yet; 2 tampered or
 * unreadable (`error`).
 */
function auditExitCode(pack) {
    return pack.result === 'complete' ? 0 : pack.result === 'tampered' || pack.result === 'error' ? 2 : 1;
}

;// CONCATENATED MODULE: ./lib/audit/run-audit.js
// One audit: read the chain from latest.json back through the period, and every report stored in the period, from
// a source; then verify them (verify.ts, pure).



/**
 * Reads and verifies. The chain is read from latest.json back to the report before the period, so a period that
 * has ended is proven through the reports after it (the first of them links to the period's last). Throws only
 * when nothing can be audited: the reports cannot be listed or latest.json cannot be read (the caller says
 * `error`, never `tampered`).
 */
async function runAudit(source, options) {
    const from = options.period.from.toISOString().slice(0, 10);
    const to = new Date(options.period.to.getTime() - 1).toISOString().slice(0, 10);
    const position = (key) => {
        const date = keyDate(key) ?? '';
        return date < from ? 'before' : date > to ? 'after' : 'period';
    };
    // Everything stored from the period's start until now: the period's reports and those after it that lead to it.
    const until = new Date(Math.max(options.now.getTime(), options.period.to.getTime()));
    const months = monthsBetween(options.period.from, until);
    const pointer = await source.pointer(options.environment);
    const versions = source.versions ? await source.versions(options.environment) : null;
    const listed = (await source.listReports(options.environment, months)).filter((key) => position(key) !== 'before');
    const concurrency = options.concurrency ?? 16;
    const readItem = async (key) => {
        const where = position(key);
        const item = await source.read(key, { retention: options.checkRetention && where === 'period' });
        item.position = where;
        if (where === 'period' && options.publicKeyPem !== undefined && item.bytes !== null) {
            item.signature = await checkSignature(source, item.key, item.bytes, options.publicKeyPem);
        }
        return item;
    };
    const items = new Map();
    for (const item of await mapBounded(listed, concurrency, readItem))
        items.set(item.key, item);
    // Follow every link to an object not read yet: the chain from the pointer, and each report's predecessor. Only
    // keys of this chain's dated reports are followed (a link elsewhere is reported, never read).
    const chainKey = new RegExp(`^${escapeRegExp(source.chainPrefix(options.environment))}\\d{4}/\\d{2}/\\d{2}/[A-Za-z0-9._-]+\\.json$`);
    const follow = (key) => typeof key === 'string' && chainKey.test(key) && !key.includes('..') && !items.has(key);
    let pending = pointer && 'key' in pointer && follow(pointer.key) ? [pointer.key] : [];
    while (pending.length > 0) {
        for (const item of await mapBounded(pending, concurrency, readItem))
            items.set(item.key, item);
        const next = new Set();
        for (const key of pending) {
            const item = items.get(key);
            // A report before the period is read only to verify the link into the period: its own links are not followed.
            if (!item || item.bytes === null || item.position === 'before')
                continue;
            const link = previousKey(item.bytes);
            if (follow(link))
                next.add(link);
        }
        pending = [...next];
    }
    const predecessors = new Set();
    for (const item of items.values()) {
        if (item.bytes === null || item.position === 'before')
            continue;
        const link = previousKey(item.bytes);
        if (follow(link))
            predecessors.add(link);
    }
    for (const item of await mapBounded([...predecessors], concurrency, readItem))
        items.set(item.key, item);
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
        items: [...items.values()],
        pointer,
        versions,
    });
}
function previousKey(bytes) {
    try {
        return JSON.parse(Buffer.from(bytes).toString('utf8')).previous_report
            ?.key;
    }
    catch {
        return undefined; // Not JSON: auditEvidence reports it.
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
async function checkSignature(source, key, bytes, publicKeyPem) {
    let text;
    try {
        text = await source.readSignature(key);
    }
    catch (error) {
        // Could not be read (denied, timed out): unknown, not forged.
        return { state: 'unreadable', why: error instanceof Error ? error.message : String(error) };
    }
    if (text === null)
        return { state: 'missing' };
    try {
        const check = (0,report_signature/* checkReportSignature */.Lf)(bytes, key, (0,report_signature/* parseSignature */.uT)(text, (0,report_signature/* signatureKey */.cx)(key)), publicKeyPem);
        return check.state === 'bound' ? { state: 'valid' } : check;
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
                const signature = serializeSignature(await this.signer.sign(key, sha256, report.environment));
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
    chainPrefix(environment) {
        return `${this.prefix}${(0,report_store/* validateEnvironment */.qQ)(environment)}/`;
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
            if (error.name === 'NoSuchKey')
                return { key, bytes: null, missing: true };
            return { key, bytes: null, readError: `Could not read s3://${this.bucket}/${key}: ${(0,errors/* describeError */.Uc)(error)}` };
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
    async versions(environment) {
        const where = `s3://${this.bucket}`;
        const status = await (0,retry/* withRetry */.b)(`read the versioning of ${where}`, () => this.client.send(new dist_cjs/* GetBucketVersioningCommand */._rj({ Bucket: this.bucket })), this.retry).catch((error) => {
            // Not allowed to ask (no s3:GetBucketVersioning): the witness is unavailable and the pack says unanchored.
            if (error.name === 'AccessDenied')
                return null;
            throw new Error(`Could not read the versioning of ${where}: ${(0,errors/* describeError */.Uc)(error)}`);
        });
        if (status === null)
            return null;
        if (status.Status !== 'Enabled' && status.Status !== 'Suspended')
            return null;
        const prefix = this.chainPrefix(environment);
        const history = new Map();
        const entry = (key) => {
            const found = history.get(key) ?? { versions: 0, deleteMarkers: 0 };
            history.set(key, found);
            return found;
        };
        let keyMarker;
        let versionMarker;
        do {
            const page = await (0,retry/* withRetry */.b)(`list the versions of ${where}/${prefix}`, () => this.client.send(new dist_cjs/* ListObjectVersionsCommand */.uc$({
                Bucket: this.bucket,
                Prefix: prefix,
                KeyMarker: keyMarker,
                VersionIdMarker: versionMarker,
            })), this.retry).catch((error) => {
                throw new Error(`Could not list the versions of ${where}/${prefix}: ${(0,errors/* describeError */.Uc)(error)}`);
            });
            for (const v of page.Versions ?? [])
                if (v.Key && (0,report_store/* isDatedReportKey */.Gi)(v.Key))
                    entry(v.Key).versions++;
            for (const d of page.DeleteMarkers ?? [])
                if (d.Key && (0,report_store/* isDatedReportKey */.Gi)(d.Key))
                    entry(d.Key).deleteMarkers++;
            keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
            versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
        } while (keyMarker || versionMarker);
        return history;
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

// EXTERNAL MODULE: ./lib/aws/timeouts.js
var timeouts = __webpack_require__(233);
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
                     [--retention-years 7] [--timeout-seconds 900] [--out DIR] [--json]
                     [--public-key KEY.pem | --kms-signing-key-id KEY]

Verifies every report of the period (sha256 against the store's checksum and the chain's links), walks the chain,
and lists gaps against the schedule, breaks, forks, orphans, short retention and drift incidents. --out writes
audit.json, audit.html and audit.csv. Exit codes: 0 complete and intact; 1 gaps or open incidents; 2 tampered
(altered, deleted or forged evidence) or error (the store could not be read: the cause is printed). With --public-key (or the KMS key, whose public half is read once) every report's .sig.json is checked:
a missing signature is a gap, an invalid one is tampering. The whole audit stops at --timeout-seconds (each S3
request at a twentieth of it, at most 30 s): a store that does not answer is an error, never a hang.
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
    'timeout-seconds': { type: 'string' },
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
        const timeoutSeconds = wholeNumber(values['timeout-seconds'], 'timeout-seconds', 900, 86_400);
        if (timeoutSeconds === 0)
            throw new Error('Invalid --timeout-seconds "0": a whole number from 1 to 86400');
        const client = values['s3-bucket']
            ? new dist_cjs/* S3Client */.YxF({
                region: values['aws-region'] ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1',
                forcePathStyle: Boolean(io.env.AWS_ENDPOINT_URL_S3 || io.env.AWS_ENDPOINT_URL),
                maxAttempts: 1,
                requestHandler: (0,timeouts/* requestHandlerOptions */.e)((0,timeouts/* awsTimeouts */.Y)(timeoutSeconds * 1000)),
            })
            : null;
        const source = client
            ? new S3EvidenceSource(client, (0,aws_names/* validateBucketName */.EG)(values['s3-bucket'] ?? ''), values['s3-prefix'])
            : new LocalEvidenceSource((0,external_node_path_.resolve)(io.cwd, values['report-dir'] ?? '.'));
        let timer;
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`the audit did not finish within --timeout-seconds ${timeoutSeconds}`)), timeoutSeconds * 1000);
        });
        const audited = (async () => {
            const publicKeyPem = await auditPublicKey(values, io);
            return runAudit(source, {
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
        })();
        audited.catch(() => undefined); // after the deadline its failure is no longer anyone's to report
        let pack;
        try {
            pack = await Promise.race([audited, deadline]);
        }
        finally {
            clearTimeout(timer);
            client?.destroy();
        }
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
            io.stdout(`${environment}, ${pack.period.label}: ${pack.result}${pack.anchored ? '' : ` (${UNANCHORED})`}\n` +
                pack.actions.map((a) => `to do: ${a}\n`).join('') +
                `reports: ${c.reports} (${c.synced} synced, ${c.drift} drift, ${c.error} error); scheduled runs with a report: ${c.runs_found} of ${c.scheduled_runs}\n` +
                `incidents: ${c.incidents} (${c.open_incidents} open)\n` +
                pack.issues.map((i) => `${i.class}: ${i.kind}: ${i.message}\n`).join('') +
                `pack sha256: ${pack.pack_sha256}\n`);
        }
        return auditExitCode(pack);
    }
    catch (error) {
        // Bad flags, or a store that could not be listed or whose latest.json could not be read: the result is error.
        io.stderr(`schema-drift audit: error: ${error instanceof Error ? error.message : String(error)}\n`);
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
