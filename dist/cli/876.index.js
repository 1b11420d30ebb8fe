export const id = 876;
export const ids = [876];
export const modules = {

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

/***/ 3876:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fleetCheckCommand: () => (/* binding */ fleetCheckCommand),
  mergeCommand: () => (/* binding */ mergeCommand),
  planCommand: () => (/* binding */ planCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/config/config.js + 3 modules
var config_config = __webpack_require__(5639);
// EXTERNAL MODULE: ./lib/config/run-info.js
var run_info = __webpack_require__(1108);
// EXTERNAL MODULE: ./lib/database/open.js
var database_open = __webpack_require__(7401);
// EXTERNAL MODULE: ./lib/shared/error-message.js
var error_message = __webpack_require__(9481);
;// CONCATENATED MODULE: ./lib/shared/time-limit.js
// A time limit around work that has none of its own (or whose own may fail): the caller goes on, and reports.
/** Thrown when the limit passes first; `name` matches the SDK's, so retry policies see the same kind of failure. */
class TimeLimitError extends Error {
    name = 'TimeoutError';
}
/**
 * Settles like `work`, or rejects after `ms` with a TimeLimitError "<what> within N s" (what: "X gave no answer").
 * The work itself is not stopped (a socket is closed by its own timeout, or by the process exit at the end).
 */
function time_limit_withTimeLimit(what, ms, work) {
    let timer;
    const limit = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new TimeLimitError(`${what} within ${seconds(ms)}`)), Math.max(0, ms));
    });
    return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
function seconds(ms) {
    return ms < 10_000 ? `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s` : `${Math.round(ms / 1000)} s`;
}

;// CONCATENATED MODULE: ./lib/monitor/bounded-adapters.js


/**
 * The store with each call limited; after one call gave no answer the store is given up for the run, so the next
 * calls fail at once instead of each waiting out its own limit.
 */
function boundedStore(store, limitMs) {
    let givenUp = null;
    const call = async (what, work) => {
        if (givenUp !== null)
            throw new Error(`Could not ${what} in ${store.describe()}: skipped, ${givenUp}`);
        try {
            return await time_limit_withTimeLimit(`${store.describe()} gave no answer`, limitMs(), work());
        }
        catch (error) {
            if (!gaveNoAnswer(error))
                throw error;
            givenUp = 'it gave no answer earlier in this run';
            throw error instanceof TimeLimitError ? new Error(`Could not ${what}: ${(0,error_message/* errorMessage */.g)(error)}`) : error;
        }
    };
    return {
        latest: (environment) => call('read the latest report', () => store.latest(environment)),
        head: (environment) => call('read the evidence chain', () => store.head(environment)),
        save: (report, attachments, head) => call('store the report', () => store.save(report, attachments, head)),
        storeEvidence: (environment, name, body, contentType) => call(`store ${name}`, () => store.storeEvidence(environment, name, body, contentType)),
        baseline: (environment) => call('read the baseline', () => store.baseline(environment)),
        describe: () => store.describe(),
    };
}
/** Our time limit, or the SDK's request timeout, anywhere in the error's cause chain. */
function gaveNoAnswer(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        if (e instanceof TimeLimitError || e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') {
            return true;
        }
    }
    return false;
}
/** The notifier with its publish limited. */
function boundedNotifier(notifier, limitMs) {
    return {
        publish: async (message) => {
            try {
                return await time_limit_withTimeLimit(`${notifier.describe()} gave no answer`, limitMs(), notifier.publish(message));
            }
            catch (error) {
                if (error instanceof TimeLimitError)
                    throw new Error(`Could not send the alert: ${(0,error_message/* errorMessage */.g)(error)}`);
                throw error;
            }
        },
        describe: () => notifier.describe(),
    };
}
/** An executor opener (a DatabaseTarget, or a reference URL) with the opening, every query and the close limited. */
function boundedOpenExecutor(open, describeTarget, limitMs) {
    return async (target) => {
        const shown = describeTarget(target);
        const executor = await time_limit_withTimeLimit(`${shown} gave no answer`, limitMs(), open(target));
        return {
            query: (sql, params) => time_limit_withTimeLimit(`${executor.describe()} gave no answer`, limitMs(), executor.query(sql, params)),
            describe: () => executor.describe(),
            // A close that waits for a query still running must not hold the run: what is left ends with the process.
            close: () => time_limit_withTimeLimit('close', Math.min(2_000, limitMs()), executor.close()).catch(() => { }),
        };
    };
}
/** Any async function with its calls limited. */
function bounded(what, fn, limitMs) {
    return (...args) => withTimeLimit(`${what} gave no answer`, limitMs(), fn(...args));
}

// EXTERNAL MODULE: ./lib/aws/timeouts.js
var timeouts = __webpack_require__(233);
;// CONCATENATED MODULE: ./lib/monitor/budget.js
// The time budget of one monitor run (input timeout-seconds). The check gets the first 60%, so that whatever hangs
// there, the `error` report is still stored (remote stores until 80%, the local copy until 90%) and the alert sent
// (until 97%); at 100% a watchdog fails the step whatever is still running.

const phaseEnds = { check: 0.6, 'remote-store': 0.8, 'local-store': 0.9, alert: 0.97 };
/** The budget of a run of `totalSeconds` that started at `startedAt` (ms, on `now`'s clock). */
function runBudget(totalSeconds, startedAt, now = Date.now) {
    const totalMs = totalSeconds * 1000;
    const remainingMs = (phase) => Math.max(0, startedAt + phaseEnds[phase] * totalMs - now());
    return {
        totalMs,
        timeouts: (0,timeouts/* awsTimeouts */.Y)(totalMs),
        remainingMs,
        // A fifth of the run: room for the SDK's own retries of one call, but one store cannot eat the others' time.
        deliveryCallMs: (phase) => Math.min(totalMs / 5, remainingMs(phase)),
        totalRemainingMs: () => Math.max(0, startedAt + totalMs - now()),
    };
}

// EXTERNAL MODULE: ./lib/publish/notify-policy.js
var notify_policy = __webpack_require__(4709);
// EXTERNAL MODULE: ./lib/report/markdown.js
var markdown = __webpack_require__(3021);
// EXTERNAL MODULE: ./lib/report/limits.js
var limits = __webpack_require__(5032);
// EXTERNAL MODULE: ./lib/report/presentation/document.js
var presentation_document = __webpack_require__(7690);
// EXTERNAL MODULE: ./lib/report/presentation/report-document.js
var report_document = __webpack_require__(6539);
// EXTERNAL MODULE: ./lib/report/presentation/wording.js
var wording = __webpack_require__(5767);
;// CONCATENATED MODULE: ./lib/report/presentation/fleet-document.js




const SUMMARY_MAX_CHARS = 300;
/** "production fleet: 3 of 148 targets drifted, 1 error" — also the alert's base. */
function fleetHeadline(fleet, environment) {
    const { targets, drift, error } = fleet.totals;
    const problems = [
        drift > 0 ? `${drift} of ${targets} targets drifted` : '',
        error > 0 ? (0,wording/* plural */.LS)(error, 'target error', 'target errors') : '',
        fleet.errors.length > 0 ? (0,wording/* plural */.LS)(fleet.errors.length, 'fleet error') : '',
    ].filter(Boolean);
    let what;
    if (problems.length > 0)
        what = problems.join(', ');
    else if (targets === 0)
        what = 'no targets checked';
    else
        what = fleet.status === 'synced' ? `all ${(0,wording/* plural */.LS)(targets, 'target')} in sync` : fleet.status;
    return (0,limits/* clip */.$Q)(`${(0,wording/* oneLine */.TN)(environment)} fleet: ${what}`, 200);
}
/** The fleet report as a document: headline, counts, fleet-level errors, then the targets table. */
function fleetDocument(fleet, options) {
    const sections = [errorsSection(fleet), targetsSection(fleet, options)];
    return {
        title: fleetHeadline(fleet, options.environment),
        state: fleet.status,
        facts: facts(fleet),
        sections: sections.filter((s) => s !== null),
        footer: (0,report_document/* runFooter */.V)(fleet.run, fleet.fingerprint, { label: 'Fleet report', location: options.reportLocation }),
    };
}
function facts(fleet) {
    const { targets, synced, drift, error } = fleet.totals;
    const out = [
        { label: 'Status', value: [(0,presentation_document/* strong */.ko)(fleet.status)] },
        { label: 'Targets', value: [`${targets} (${synced} synced, ${drift} drift, ${error} error)`] },
        { label: 'Config', value: [(0,presentation_document/* code */.aY)(fleet.config)] },
    ];
    if (fleet.shards !== null) {
        const { count, index, merged } = fleet.shards;
        out.push({
            label: 'Shards',
            value: [index === null ? `${merged.length} of ${count} merged` : `slice ${index} of ${count}`],
        });
    }
    out.push({ label: 'Checked at', value: [fleet.generated_at] });
    return out;
}
function errorsSection(fleet) {
    if (fleet.errors.length === 0)
        return null;
    const items = fleet.errors.map((e) => [(0,presentation_document/* strong */.ko)(e.stage), ` ${(0,limits/* clip */.$Q)((0,wording/* oneLine */.TN)(e.message), 2000)}`]);
    return (0,presentation_document/* section */.uW)('fleet-errors', `Fleet errors (${fleet.errors.length})`, [{ type: 'list', items }], {
        lead: true,
        mark: 'error',
    });
}
function targetsSection(fleet, options) {
    const columns = [
        { title: 'Target' },
        { title: 'State' },
        { title: 'Head' },
        { title: 'Version' },
        { title: 'Pending', align: 'right' },
        { title: 'Structural differences', align: 'right' },
        { title: 'Report' },
        { title: 'Summary' },
    ];
    const rows = fleet.targets.map((t) => [
        [(0,presentation_document/* code */.aY)(t.name)],
        [stateOf(t)],
        ids(t.codebase_heads),
        t.production_versions === null ? [(0,presentation_document/* absent */.Ge)('not read')] : ids(t.production_versions),
        [String(t.pending)],
        [t.structural_differences === null ? (0,presentation_document/* absent */.Ge)('not checked') : String(t.structural_differences)],
        reportCell(t, options),
        [(0,limits/* clip */.$Q)((0,wording/* oneLine */.TN)(t.error ? `${t.error.stage}: ${t.error.message}` : t.summary), SUMMARY_MAX_CHARS)],
    ]);
    const blocks = [(0,presentation_document/* table */.tp)(columns, rows)];
    return (0,presentation_document/* section */.uW)('targets', `Targets (${fleet.targets.length}, worst first)`, blocks, { lead: true });
}
function stateOf(t) {
    const state = t.version_state === null || t.version_state === t.status ? t.status : `${t.status} (${t.version_state})`;
    return t.status === 'synced' ? state : (0,presentation_document/* strong */.ko)(state);
}
function reportCell(t, options) {
    if (t.report_location === null)
        return [(0,presentation_document/* absent */.Ge)('not stored')];
    const href = options.reportHref?.(t);
    return href === undefined ? [(0,presentation_document/* code */.aY)(t.report_location)] : [(0,presentation_document/* link */.nf)('report', href)];
}
function ids(values) {
    if (values.length === 0)
        return [(0,presentation_document/* absent */.Ge)()];
    return values.flatMap((id, i) => (i === 0 ? [(0,presentation_document/* code */.aY)(id)] : [', ', (0,presentation_document/* code */.aY)(id)]));
}

// EXTERNAL MODULE: ./lib/report/text.js
var report_text = __webpack_require__(4639);
;// CONCATENATED MODULE: ./lib/fleet/fleet-alert.js



const SUBJECT_LIMIT = 99;
const SUBJECT_PREFIX = '[schema-drift] ';
/** Whether the fleet run alerts, given the previous fleet report (null when there is none or it is unreadable). */
function decideFleetNotification(fleet, previous, policy) {
    return (0,notify_policy/* decideNotification */.MC)(fleet, previous, policy.notifyOn, policy.notifyOnSuccess);
}
/**
 * "[schema-drift] production fleet: 3 of 148 targets drifted: t1, t2, t3 +2" — printable ASCII, ≤ 99 characters;
 * the names are the worst targets (the fleet report lists them worst first).
 */
function fleetSubject(fleet, environment, kind) {
    const head = (0,notify_policy/* sanitizeSubjectText */.d6)(fleetHeadline(fleet, environment));
    let subject = `${SUBJECT_PREFIX}${kind === 'resolved' ? `${head} (resolved)` : head}`;
    if (subject.length > SUBJECT_LIMIT)
        return `${subject.slice(0, SUBJECT_LIMIT - 3).trimEnd()}...`;
    const bad = fleet.targets.filter((t) => t.status !== 'synced').map((t) => (0,notify_policy/* sanitizeSubjectText */.d6)(t.name));
    if (bad.length === 0)
        return subject;
    // As many names as fit whole, then how many were left out.
    let shown = 0;
    for (const name of bad) {
        const rest = bad.length - shown - 1;
        const candidate = `${subject}${shown === 0 ? ': ' : ', '}${name}`;
        if (`${candidate}${rest > 0 ? ` +${rest}` : ''}`.length > SUBJECT_LIMIT)
            break;
        subject = candidate;
        shown++;
    }
    const left = bad.length - shown;
    return left > 0 && shown > 0 ? `${subject} +${left}` : subject;
}
/** The alert for the run: subject, body, and the attributes SNS filters and dedupes on. */
function fleetAlert(fleet, environment, kind, reportLocation) {
    return {
        subject: fleetSubject(fleet, environment, kind),
        body: (0,report_text/* renderText */.S5)(fleetDocument(fleet, { environment, reportLocation })),
        report: null,
        facts: {
            status: fleet.status,
            state: `${fleet.totals.drift}/${fleet.totals.targets} drifted, ${fleet.totals.error} error`,
            environment,
            deduplication: `${environment}\nfleet\n${fleet.run.run_id}\n${fleet.generated_at}`,
        },
    };
}

// EXTERNAL MODULE: ./lib/publish/deliver.js
var deliver = __webpack_require__(1710);
// EXTERNAL MODULE: ./lib/publish/report-store.js
var report_store = __webpack_require__(1341);
// EXTERNAL MODULE: ./lib/report/html.js
var html = __webpack_require__(7325);
// EXTERNAL MODULE: ./lib/fleet/fleet-report.js
var fleet_report = __webpack_require__(4951);
;// CONCATENATED MODULE: ./lib/fleet/fleet-delivery.js
// Where a fleet run's evidence goes. Each target's report is stored through the ordinary stores, scoped to
// {environment}/{target}/ so it has its own evidence chain (latest.json pointer, conditional moves, predecessor
// verified), without an alert of its own. The fleet report is stored write-once under {environment}/fleet/, with a
// fleet/latest.json pointer (key + sha256) the next run verifies before its notify-on policy compares fingerprints.
// Slices of a matrix run go to {environment}/fleet/runs/{run_id}/shard-{i}-of-{N}.json.







/** The folder (below the fleet's environment) that holds the fleet's own reports; no target may take this name. */
const FLEET_FOLDER = report_store/* FLEET_SEGMENT */.b7;
const POINTER_NAME = `${FLEET_FOLDER}/latest.json`;
const POINTER_FORMAT = 'schema-drift-fleet-pointer/1';
/** The stage of a fleet error about tampered or missing evidence (a target's chain, the fleet pointer). */
const EVIDENCE_STAGE = 'evidence';
/** The fleet report's JSON bytes as stored (2-space indent, trailing newline). */
function serializeFleetReport(fleet) {
    return `${JSON.stringify(fleet, null, 2)}\n`;
}
/** The evidence name of a slice: fleet/runs/{run_id}/shard-{i}-of-{N}.json. */
function sliceName(runId, index, count) {
    const run = runId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'local';
    return (0,report_store/* validateEvidenceName */.z5)(`${FLEET_FOLDER}/runs/${run}/shard-${index}-of-${count}.json`);
}
/** A store that can keep target chains and fleet pointers (the S3 and local stores can). */
function capable(store) {
    const { forTarget, readEvidence, replaceEvidence } = store;
    if (!forTarget || !readEvidence || !replaceEvidence) {
        throw new Error(`${store.describe()} cannot keep a fleet's evidence (no per-target chains)`);
    }
    return {
        forTarget: forTarget.bind(store),
        readEvidence: readEvidence.bind(store),
        replaceEvidence: replaceEvidence.bind(store),
    };
}
/**
 * Stores every target's report in every store, `concurrency` at a time, each in its own chain; never throws.
 * `wrap` limits each scoped store (the run's time budget).
 */
async function storeTargetReports(run, stores, options) {
    const errors = [];
    const broken = [];
    const wrap = options.wrap ?? ((scoped) => scoped);
    const located = new Map();
    const work = run.reports.map(({ target, report, snapshot }) => async () => {
        let scoped;
        try {
            scoped = stores.map((store) => wrap(capable(store).forTarget(target.name), store));
        }
        catch (error) {
            errors.push(`Could not store the report of target ${target.name}: ${(0,error_message/* errorMessage */.g)(error)}`);
            return;
        }
        // The snapshot is stored beside the report, and becomes the target's baseline when the report recorded one.
        const delivery = await (0,deliver/* deliverReport */.Q)(report, { stores: scoped }, { snapshot }).catch((error) => ({ report, stored: [], notification: null, errors: [(0,error_message/* errorMessage */.g)(error)] }));
        for (const e of delivery.errors)
            errors.push(`target ${target.name}: ${e}`);
        for (const f of delivery.report.findings) {
            if (f.kind === 'evidence-chain-broken')
                broken.push({ stage: EVIDENCE_STAGE, message: `target ${target.name}: ${f.message}` });
        }
        const first = delivery.stored[0]?.result;
        if (first)
            located.set(target.name, { location: first.location, sha256: first.sha256 });
    });
    await inParallel(work, options.concurrency);
    const targets = run.fleet.targets.map((t) => {
        const where = located.get(t.name);
        return where ? { ...t, report_location: where.location, report_sha256: where.sha256 } : t;
    });
    // A target's broken chain is a fleet error: the slice carries it to the merge, and the fleet alert is forced.
    const withTargets = { ...run.fleet, targets };
    const fleet = broken.length === 0
        ? withTargets
        : (0,fleet_report/* buildFleetReport */.tv)({
            now: new Date(withTargets.generated_at),
            run: withTargets.run,
            config: withTargets.config,
            targets: withTargets.targets,
            discovered: withTargets.discovered,
            errors: [...withTargets.errors, ...broken.sort((a, b) => (a.message < b.message ? -1 : 1))],
            shards: withTargets.shards,
        });
    return { fleet, errors };
}
/**
 * Stores the fleet report (JSON, Markdown and HTML) write-once under {environment}/fleet/{yyyy}/{mm}/{dd}/, then
 * points fleet/latest.json at it. Throws naming the store on failure.
 */
async function storeFleetReport(store, environment, fleet) {
    const { replaceEvidence } = capable(store);
    const json = serializeFleetReport(fleet);
    const sha256 = (0,report_store/* sha256Hex */.fg)(json);
    const name = datedName(fleet);
    const document = fleetDocument(fleet, { environment });
    const location = await store.storeEvidence(environment, name, json, 'application/json');
    // storeEvidence may have picked a numbered variant: the pointer names what was written.
    const stored = storedName(location, environment) ?? name;
    await store.storeEvidence(environment, stored.replace(/\.json$/, '.md'), (0,markdown/* renderMarkdown */.Gc)(document), 'text/markdown; charset=utf-8');
    await store.storeEvidence(environment, stored.replace(/\.json$/, '.html'), (0,html/* renderHtml */.K)(document), 'text/html');
    const pointer = {
        format: POINTER_FORMAT,
        name: stored,
        sha256,
        generated_at: fleet.generated_at,
        status: fleet.status,
    };
    await replaceEvidence(environment, POINTER_NAME, `${JSON.stringify(pointer, null, 2)}\n`, 'application/json');
    return { location, sha256 };
}
/**
 * The previous fleet report, verified against the sha256 its pointer recorded: `null` when there is none yet;
 * `problem` when the pointer or the report cannot be believed (the caller alerts and fails the step).
 */
async function previousFleetReport(store, environment) {
    const { readEvidence } = capable(store);
    const found = await readEvidence(environment, POINTER_NAME);
    if (found === null)
        return { report: null };
    let pointer;
    try {
        pointer = JSON.parse(found.text);
    }
    catch {
        return { report: null, problem: `${found.location} is not valid JSON` };
    }
    const { name, sha256 } = pointer ?? {};
    if (pointer?.format !== POINTER_FORMAT ||
        typeof name !== 'string' ||
        !/^fleet\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9._-]+\.json$/.test(name) ||
        typeof sha256 !== 'string') {
        return { report: null, problem: `${found.location} is not a fleet pointer naming a fleet report` };
    }
    const dated = await readEvidence(environment, name);
    if (dated === null)
        return { report: null, problem: `the previous fleet report ${name}, named by ${found.location}, does not exist` };
    const actual = (0,report_store/* sha256Hex */.fg)(dated.text);
    if (actual !== sha256) {
        return {
            report: null,
            problem: `the previous fleet report ${dated.location} was modified: its sha256 is ${actual}, the pointer recorded ${sha256}`,
        };
    }
    try {
        const report = JSON.parse(dated.text);
        if (report?.schema_drift_fleet !== 1)
            throw new Error('not a fleet report');
        return { report };
    }
    catch {
        return { report: null, problem: `the previous fleet report ${dated.location} is not a fleet report` };
    }
}
/** Stores one slice of a matrix run, write-once; resolves to its location. */
async function storeSlice(store, environment, fleet) {
    const shards = fleet.shards;
    if (shards === null || shards.index === null)
        throw new Error('Could not store the slice: the report is not a slice');
    return store.storeEvidence(environment, sliceName(fleet.run.run_id, shards.index, shards.count), serializeFleetReport(fleet), 'application/json');
}
/** Reads slice i of N of a run from the store; null when it was never stored. */
async function readSlice(store, environment, runId, index, count) {
    return capable(store).readEvidence(environment, sliceName(runId, index, count));
}
function datedName(fleet) {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(fleet.generated_at);
    if (match === null) {
        throw new Error(`Could not store the fleet report: generated_at ${JSON.stringify(fleet.generated_at)} is not ISO`);
    }
    const [, yyyy, mm, dd, h, m, s] = match;
    const run = fleet.run.run_id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'local';
    return (0,report_store/* validateEvidenceName */.z5)(`${FLEET_FOLDER}/${yyyy}/${mm}/${dd}/${yyyy}-${mm}-${dd}T${h}-${m}-${s}Z-${run}.json`);
}
/** The evidence name inside a stored location (…/{environment}/fleet/…), or null when it cannot be found. */
function storedName(location, environment) {
    const marker = `/${environment}/${FLEET_FOLDER}/`;
    const at = location.replaceAll('\\', '/').lastIndexOf(marker);
    return at < 0 ? null : location.replaceAll('\\', '/').slice(at + environment.length + 2);
}
/** Runs the tasks, at most `limit` at a time. */
async function inParallel(tasks, limit) {
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const task = tasks[next++];
            await task?.();
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}

;// CONCATENATED MODULE: ./lib/fleet/fleet-outcome.js

/** The most target names a failure message lists; the summary table has them all. */
const NAMES_IN_MESSAGE = 10;
/** Every fleet output, always set (the one-target outputs empty), so a later step can rely on them. */
function fleetOutputs(fleet, where) {
    return {
        status: fleet.status,
        'drift-detected': String(fleet.drift_detected),
        'targets-total': String(fleet.totals.targets),
        'targets-drifted': String(fleet.totals.drift),
        'targets-error': String(fleet.totals.error),
        'codebase-head': '',
        'production-version': '',
        'pending-count': '',
        'report-path': where.reportPath ?? '',
        'report-url': where.reportUrl ?? '',
    };
}
/** The step's failures: the fleet verdict under fail-on first, then each delivery failure once. */
function fleetFailures(fleet, failOn, environment, deliveryErrors) {
    const failures = [];
    const names = (status) => {
        const bad = fleet.targets.filter((t) => t.status === status).map((t) => t.name);
        const more = bad.length > NAMES_IN_MESSAGE ? ` and ${bad.length - NAMES_IN_MESSAGE} more` : '';
        return `${bad.slice(0, NAMES_IN_MESSAGE).join(', ')}${more}`;
    };
    if (fleet.status === 'error' && failOn !== 'never') {
        const parts = [
            fleet.totals.error > 0
                ? `${fleet.totals.error} of ${fleet.totals.targets} targets could not be checked (${names('error')})`
                : '',
            ...fleet.errors.map((e) => `${e.stage}: ${e.message}`),
        ].filter(Boolean);
        failures.push(`Could not determine the schema state of the ${environment} fleet: ${parts.join('; ') || 'error'}`);
    }
    // Drift is certain even when another target's error makes the fleet `error`: say it too.
    if (fleet.totals.drift > 0 && failOn === 'drift') {
        failures.push(`Schema drift in ${fleet.totals.drift} of ${fleet.totals.targets} targets of the ${environment} fleet: ${names('drift')}`);
    }
    for (const failure of deliveryErrors)
        if (!failures.includes(failure))
            failures.push(failure);
    return failures;
}
/** The fleet report of a run that checked nothing: `error`, naming the stage and why. */
function fleetErrorReport(world, stage, message) {
    const shard = world.config.fleet.shard;
    return {
        schema_drift_fleet: 1,
        generated_at: world
            .now()
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z'),
        run: world.run,
        config: world.config.ignoreRulesFile ?? '.schema-drift.yml',
        status: 'error',
        drift_detected: false,
        totals: { targets: 0, synced: 0, drift: 0, error: 0 },
        fingerprint: (0,report_store/* sha256Hex */.fg)(`fleet error\n${stage}\n${message}`),
        shards: shard ? { count: shard.count, index: shard.index, merged: [] } : null,
        discovered: [],
        targets: [],
        errors: [{ stage, message }],
    };
}

;// CONCATENATED MODULE: ./lib/fleet/action.js
// The fleet modes of the action. `fleet` checks every target (or, with `shard: i/N`, one slice of them), stores each
// target's report in its own chain and the fleet report beside them, sends ONE alert for the run, writes one summary
// table and sets the fleet outputs. `fleet-merge` reads the slices of a matrix run, merges them and publishes the
// fleet report the same way. Everything comes in as a parameter; it never throws and never prints a stack trace.











/** Runs `mode: fleet` or `mode: fleet-merge`; never throws — every failure fails the step with `status` set. */
async function runFleetMode(deps, mode) {
    const { core, config } = deps;
    const budget = runBudget(config.timeoutSeconds, deps.clock(), deps.clock);
    const outcome = { fleet: null, alerts: 0, failures: [] };
    let done = false;
    const fail = (messages) => {
        outcome.failures = messages;
        core.setOutput('status', outcome.fleet?.status ?? 'error');
        core.setFailed(messages.join('\n'));
    };
    const watchdog = setTimeout(() => {
        if (done)
            return;
        done = true;
        fail([
            ...outcome.failures,
            `schema-drift stopped: timeout-seconds (${config.timeoutSeconds}) ran out before the fleet run finished`,
        ]);
        deps.exit(1);
    }, budget.totalMs);
    try {
        let delivering = false;
        const limitFor = (phase) => () => delivering ? budget.deliveryCallMs(phase) : budget.remainingMs('check');
        let identity;
        const aws = () => {
            identity ??= time_limit_withTimeLimit('AWS (the OIDC token or STS) gave no answer', budget.remainingMs('check'), deps.awsIdentity(budget.timeouts));
            return identity;
        };
        // Targets in other accounts or regions assume their own identity, once per distinct one.
        const identities = new Map();
        const identityKey = (c) => JSON.stringify([
            c.aws.region,
            c.aws.roleToAssume,
            c.aws.roleSessionName,
            c.aws.roleDurationSeconds,
            c.aws.audience,
        ]);
        const awsFor = (target) => () => {
            const key = identityKey(target);
            if (key === identityKey(config))
                return aws();
            let found = identities.get(key);
            if (found === undefined) {
                found = time_limit_withTimeLimit('AWS (the OIDC token or STS) gave no answer', budget.remainingMs('check'), deps.awsIdentity(budget.timeouts, target));
                identities.set(key, found);
            }
            return found;
        };
        const planned = await deps.planDelivery(aws, budget.timeouts);
        // The stores unwrapped keep their fleet abilities (per-target chains, pointers); each call is limited below.
        const remote = planned.remote;
        const local = planned.local;
        const stores = [remote, local].filter((s) => s !== undefined);
        const errors = [...planned.setupErrors];
        const redact = deps.redact ?? { report: (r) => r, fleet: (f) => f };
        const environment = config.environment;
        const shard = mode === 'fleet' ? (config.fleet.shard ?? null) : null;
        let fleet;
        if (mode === 'fleet') {
            const world = {
                aws,
                awsFor,
                timeouts: budget.timeouts,
                limitMs: () => budget.remainingMs('check'),
                shard,
                concurrency: config.fleet.concurrency,
                evidenceFor: (target) => {
                    const evidence = stores[0]?.forTarget?.(target.name);
                    return evidence && boundedStore(evidence, limitFor('remote-store'));
                },
                log: (line) => core.info(line),
            };
            const grace = Math.min(2_000, config.timeoutSeconds * 50);
            let run;
            try {
                run = await time_limit_withTimeLimit('the fleet did not finish', budget.remainingMs('check') + grace, deps.runFleet(world));
            }
            catch (error) {
                run = {
                    fleet: fleetErrorReport(deps, 'fleet', `${(0,error_message/* errorMessage */.g)(error)} (timeout-seconds ${config.timeoutSeconds})`),
                    reports: [],
                };
            }
            run = {
                fleet: redact.fleet(run.fleet),
                reports: run.reports.map((r) => ({ ...r, report: redact.report(r.report) })),
            };
            delivering = true;
            const stored = await storeTargetReports(run, stores, {
                concurrency: config.fleet.concurrency,
                wrap: (scoped, store) => boundedStore(scoped, limitFor(store === local ? 'local-store' : 'remote-store')),
            });
            errors.push(...stored.errors);
            fleet = stored.fleet;
        }
        else {
            fleet = redact.fleet(await mergeFromSlices(deps, stores[0], errors, () => budget.remainingMs('check')));
            delivering = true;
        }
        outcome.fleet = fleet;
        core.info(`${environment} fleet: ${fleet.status} (${fleet.totals.targets} targets: ${fleet.totals.synced} synced, ${fleet.totals.drift} drift, ${fleet.totals.error} error)`);
        // A slice is stored for the merge; the fleet's verdict, report and alert come from the merge job.
        if (shard !== null) {
            const where = {};
            for (const store of stores) {
                try {
                    const location = await time_limit_withTimeLimit(`${store.describe()} gave no answer`, budget.deliveryCallMs(store === local ? 'local-store' : 'remote-store'), storeSlice(store, environment, fleet));
                    where[store === local ? 'local' : 'remote'] = location;
                }
                catch (error) {
                    errors.push(`Could not store slice ${shard.index}/${shard.count} in ${store.describe()}: ${(0,error_message/* errorMessage */.g)(error)}`);
                }
            }
            if (stores.length === 0)
                errors.push('A shard job must store its slice: set s3-bucket or report-dir');
            setOutputs(deps, fleet, where);
            await writeSummary(deps, fleet, where.remote ?? where.local, errors);
            if (!done && errors.length > 0)
                fail(errors);
            return outcome;
        }
        const evidence = stores[0];
        let previous = null;
        let tampered = false;
        if (evidence) {
            try {
                const found = await time_limit_withTimeLimit(`${evidence.describe()} gave no answer`, budget.deliveryCallMs('remote-store'), previousFleetReport(evidence, environment));
                previous = found.report;
                if (found.problem) {
                    tampered = true;
                    errors.push(`Evidence chain broken in ${evidence.describe()}: ${found.problem}`);
                }
            }
            catch (error) {
                errors.push(`Could not read the previous fleet report: ${(0,error_message/* errorMessage */.g)(error)}`);
            }
        }
        const where = {};
        for (const store of stores) {
            try {
                const stored = await time_limit_withTimeLimit(`${store.describe()} gave no answer`, budget.deliveryCallMs(store === local ? 'local-store' : 'remote-store'), storeFleetReport(store, environment, fleet));
                where[store === local ? 'local' : 'remote'] = stored.location;
            }
            catch (error) {
                errors.push(`Could not store the fleet report in ${store.describe()}: ${(0,error_message/* errorMessage */.g)(error)}`);
            }
        }
        if (planned.notifier && config.sns) {
            outcome.alerts = await alertOnce(deps, boundedNotifier(planned.notifier, () => budget.deliveryCallMs('alert')), fleet, previous, where.remote ?? where.local, errors, tampered);
        }
        setOutputs(deps, fleet, where);
        await writeSummary(deps, fleet, where.remote ?? where.local, errors);
        const failures = fleetFailures(fleet, config.failOn, environment, errors);
        if (fleet.status === 'error' && failures.length === 0)
            core.error(`${environment} fleet: ${fleet.status}`);
        if (done)
            return outcome;
        if (failures.length > 0)
            fail(failures);
    }
    catch (error) {
        if (!done)
            fail([`schema-drift failed unexpectedly: ${(0,error_message/* errorMessage */.g)(error)}`]);
    }
    finally {
        done = true;
        clearTimeout(watchdog);
    }
    return outcome;
}
/** The slices from input `fleet-slices` (a folder) or from the evidence store (this run's id), merged. */
async function mergeFromSlices(deps, evidence, errors, limitMs) {
    const { config } = deps;
    const count = config.fleet.shards;
    const texts = [];
    const missing = [];
    const failed = (message) => fleetErrorReport(deps, 'merge', message);
    if (config.fleet.slices !== undefined) {
        try {
            texts.push(...(await time_limit_withTimeLimit('reading fleet-slices gave no answer', limitMs(), deps.readSliceFiles(config.fleet.slices))));
        }
        catch (error) {
            return failed(`Could not read fleet-slices ${config.fleet.slices}: ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    else if (evidence && count !== undefined) {
        for (let index = 1; index <= count; index++) {
            try {
                const found = await time_limit_withTimeLimit(`${evidence.describe()} gave no answer`, limitMs(), readSlice(evidence, config.environment, deps.run.run_id || 'local', index, count));
                if (found === null)
                    missing.push(`shard ${index}/${count}`);
                else
                    texts.push(found);
            }
            catch (error) {
                return failed(`Could not read shard ${index}/${count}: ${(0,error_message/* errorMessage */.g)(error)}`);
            }
        }
    }
    else {
        return failed('mode: fleet-merge needs the slices: set fleet-slices (a folder of downloaded artifacts), or s3-bucket and shards');
    }
    const slices = [];
    for (const { text, location } of texts) {
        try {
            const slice = JSON.parse(text);
            if (slice?.schema_drift_fleet !== 1)
                throw new Error('not a fleet report (schema_drift_fleet 1)');
            slices.push(slice);
        }
        catch (error) {
            return failed(`Could not read the slice ${location}: ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    // The plan's shard count, when given, is what every slice must come from: a slice of another plan is not ours.
    const foreign = slices.filter((s) => count !== undefined && s.shards?.count !== count);
    if (foreign.length > 0) {
        return failed(`The slices come from ${[...new Set(foreign.map((s) => s.shards?.count ?? 'no'))].join(', ')} shards, input shards is ${count}`);
    }
    const merged = deps.mergeSlices(slices);
    // A slice that was never stored is named even when the merge cannot tell which one it was (none were found).
    if (missing.length > 0 && !merged.errors.some((e) => missing.some((m) => e.message.includes(m)))) {
        errors.push(`Missing slices: ${missing.join(', ')}`);
    }
    return merged;
}
async function alertOnce(deps, notifier, fleet, previous, location, errors, tampered) {
    const sns = deps.config.sns;
    if (!sns)
        return 0;
    let decision = decideFleetNotification(fleet, previous, {
        notifyOn: (0,notify_policy/* parseNotifyOn */.wF)(sns.notifyOn),
        notifyOnSuccess: sns.notifyOnSuccess,
    });
    // Tampered evidence is alerted whatever the policy, as in monitor mode: an auditor must hear about it at once.
    if (!decision.send && (tampered || fleet.errors.some((e) => e.stage === EVIDENCE_STAGE))) {
        decision = {
            send: true,
            kind: fleet.status === 'synced' ? 'synced' : fleet.status,
            reason: 'evidence chain broken',
        };
    }
    deps.core.info(`alert: ${decision.send ? 'sent' : 'not sent'} (${decision.reason})`);
    if (!decision.send)
        return 0;
    try {
        await notifier.publish(fleetAlert(fleet, deps.config.environment, decision.kind, location));
        return 1;
    }
    catch (error) {
        errors.push((0,error_message/* errorMessage */.g)(error));
        return 0;
    }
}
function setOutputs(deps, fleet, where) {
    const local = where.local === undefined ? undefined : (0,external_node_path_.relative)(deps.root, where.local);
    const reportPath = local !== undefined && !(0,external_node_path_.isAbsolute)(local) && !local.startsWith('..') ? local : where.local;
    for (const [name, value] of Object.entries(fleetOutputs(fleet, { reportPath, reportUrl: where.remote }))) {
        deps.core.setOutput(name, value);
    }
}
async function writeSummary(deps, fleet, location, errors) {
    const region = deps.config.aws.region;
    // An s3:// location opens in the S3 console (the bucket is private): the summary's link to each stored report.
    const reportHref = (t) => consoleUrl(t.report_location, region);
    try {
        await deps.core.writeSummary((0,markdown/* renderMarkdown */.Gc)(fleetDocument(fleet, { environment: deps.config.environment, reportLocation: location, reportHref })));
    }
    catch (error) {
        errors.push(`Could not write the job summary: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}
/** The S3 console page of an s3:// object in `region`; undefined for anything else (a local path stays text). */
function consoleUrl(location, region) {
    const match = location === null ? null : /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
    if (!match || !region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
        return undefined;
    const [, bucket, key] = match;
    return `https://${region}.console.aws.amazon.com/s3/object/${bucket}?region=${region}&prefix=${encodeURIComponent(key ?? '')}`;
}

// EXTERNAL MODULE: ./lib/monitor/structure-deps.js
var structure_deps = __webpack_require__(342);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/catalog/snapshot.js + 4 modules
var catalog_snapshot = __webpack_require__(6462);
// EXTERNAL MODULE: ./lib/config/config-file.js
var config_file = __webpack_require__(1109);
// EXTERNAL MODULE: ./lib/migrations/load.js + 5 modules
var load = __webpack_require__(5057);
// EXTERNAL MODULE: ./lib/monitor/check.js + 5 modules
var check = __webpack_require__(7885);
// EXTERNAL MODULE: ./lib/report/build.js
var build = __webpack_require__(8134);
// EXTERNAL MODULE: ./lib/database/row-shape.js
var row_shape = __webpack_require__(937);
;// CONCATENATED MODULE: ./lib/fleet/discover.js


// The schemas PostgreSQL keeps for itself, as the catalog snapshot leaves them out.
const SYSTEM_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";
function checkPattern(pattern, what) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects
    if (pattern === '' || /[\u0000-\u001f\u007f]/.test(pattern)) {
        throw new Error(`Invalid discover ${what} pattern ${JSON.stringify(pattern)}: a non-empty LIKE pattern`);
    }
}
/** The schemas LIKE `pattern`, with the version table each holds (to_regclass, as the version check resolves it). */
async function discoverSchemas(executor, pattern, versionTable) {
    checkPattern(pattern, 'schemas');
    let rows;
    try {
        rows = await executor.query(`select n.nspname::text as schema,
              (select pg_catalog.format('%I.%I', vn.nspname, vc.relname)
                 from pg_catalog.pg_class vc join pg_catalog.pg_namespace vn on vn.oid = vc.relnamespace
                where vc.oid = pg_catalog.to_regclass(pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident($2::text))
              ) as version_table
         from pg_catalog.pg_namespace n
        where n.nspname like $1::text and ${SYSTEM_SCHEMAS}
        order by n.nspname collate "C"`, [pattern, versionTable]);
        rows = (0,row_shape/* checkRows */.U)(rows, { schema: 'text', version_table: 'text?' }, 'the discovery query answered');
    }
    catch (error) {
        throw new Error(`Could not list the schemas LIKE ${JSON.stringify(pattern)} on ${executor.describe()}: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
    return rows.map((r) => ({ schema: r.schema, versionTable: r.version_table }));
}
/** The databases LIKE `pattern` that accept connections (templates left out). */
async function discoverDatabases(executor, pattern) {
    checkPattern(pattern, 'databases');
    let rows;
    try {
        rows = await executor.query(`select datname::text as name from pg_catalog.pg_database
        where datname like $1::text and datallowconn and not datistemplate
        order by datname collate "C"`, [pattern]);
        rows = (0,row_shape/* checkRows */.U)(rows, { name: 'text' }, 'the discovery query answered');
    }
    catch (error) {
        throw new Error(`Could not list the databases LIKE ${JSON.stringify(pattern)} on ${executor.describe()}: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
    return rows.map((r) => r.name);
}
/**
 * `{entry}.{member}` as a key segment: letters, digits and `_` are kept, every other byte (`.` and `-` included) is
 * written `-XX`, so two members never share a name and the name never holds `/` or `..`.
 */
function tenantTargetName(entry, member) {
    const escaped = [...Buffer.from(member, 'utf8')]
        .map((byte) => {
        const c = String.fromCharCode(byte);
        return /[A-Za-z0-9_]/.test(c) ? c : `-${byte.toString(16).padStart(2, '0')}`;
    })
        .join('');
    return `${entry}.${escaped}`;
}
/** The server URL with its database replaced (the path of a postgres:// URL). */
function urlForDatabase(url, database) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new Error('the database-url-env value is not a URL a database can be put into');
    }
    parsed.pathname = `/${encodeURIComponent(database)}`;
    return parsed.toString();
}

// EXTERNAL MODULE: ./lib/fleet/shard.js
var fleet_shard = __webpack_require__(7820);
;// CONCATENATED MODULE: ./lib/fleet/targets.js
// One target's Config: the step's raw inputs overridden by the target's keys, run through parseConfig — the same
// checks as a one-target run, never a copy of them. The URL comes from the environment variable the target names.

// A target that names its own route replaces the step's whole route, so a step default never joins it as a second one.
const ROUTE_INPUTS = ['database-url', 'lambda-function', 'pglite'];
/** The URL a `database-url-env` names; throws naming the variable, never printing its value. */
function urlFromEnvironment(spec, env) {
    const name = spec.databaseUrlEnv;
    if (name === undefined)
        return undefined;
    const value = env[name];
    if (value === undefined || value.trim() === '') {
        throw new config_config/* ConfigError */.xL(`target "${spec.name}" (${spec.source}): database-url-env "${name}" is ${value === undefined ? 'not set' : 'empty'} in the environment`, ['config']);
    }
    return value.trim();
}
/** The raw inputs of one target (before validation). */
function targetInputs(step, spec, env, overrides = {}) {
    const raw = { ...step };
    const url = overrides.databaseUrl ?? urlFromEnvironment(spec, env);
    if (url !== undefined || spec.inputs['lambda-function'] !== undefined) {
        for (const name of ROUTE_INPUTS)
            delete raw[name];
    }
    Object.assign(raw, spec.inputs);
    if (url !== undefined)
        raw['database-url'] = url;
    if (overrides.schema !== undefined)
        raw['version-table-schema'] = overrides.schema;
    return raw;
}
/** Validates one target's inputs; a ConfigError names the file, the target and the input. */
function targetConfig(step, spec, env, overrides = {}, options = {}) {
    const raw = targetInputs(step, spec, env, overrides);
    try {
        // The step's own inputs were checked for its mode already; a target is a one-target check.
        return (0,config_config/* parseConfig */.o4)(raw, { ...options, deferModeInputs: true });
    }
    catch (error) {
        if (!(error instanceof config_config/* ConfigError */.xL))
            throw error;
        // The URL came from the variable: say so, so the user looks at the secret, not at a missing input.
        const message = error.message.replace(/^Invalid input "database-url"/, spec.databaseUrlEnv ? `Invalid database-url-env "${spec.databaseUrlEnv}"` : 'Invalid input "database-url"');
        throw new config_config/* ConfigError */.xL(`target "${spec.name}" (${spec.source}): ${message}`, error.inputs);
    }
}

// EXTERNAL MODULE: ./lib/database/version-table.js
var version_table = __webpack_require__(5204);
;// CONCATENATED MODULE: ./lib/fleet/tenant-versions.js



/** Schemas per query: a few hundred keeps the SQL text (and a Lambda's payload) small. */
const VERSION_CHUNK = 200;
async function readTenantVersions(executor, schemas, table, chunkSize = VERSION_CHUNK) {
    const result = new Map();
    const withTable = [];
    for (const s of schemas) {
        // Discovery found no version table: uninitialized, as readVersionTable says for a missing table.
        if (s.versionTable === null) {
            result.set(s.schema, {
                exists: false,
                versions: [],
                invalid: [],
                qualifiedName: `${(0,version_table/* quoteIdent */.v4)(s.schema)}.${(0,version_table/* quoteIdent */.v4)(table)}`,
            });
        }
        else
            withTable.push(s);
    }
    for (let start = 0; start < withTable.length; start += chunkSize) {
        const chunk = withTable.slice(start, start + chunkSize);
        try {
            const read = await readChunk(executor, chunk, table);
            for (const [schema, value] of read)
                result.set(schema, value);
        }
        catch (error) {
            const failure = new Error(`Could not read the version tables of ${chunk.length} tenant schema(s) (${chunk[0]?.schema}…${chunk.at(-1)?.schema}): ${(0,error_message/* errorMessage */.g)(error)}`);
            for (const s of chunk)
                result.set(s.schema, failure);
        }
    }
    return result;
}
async function readChunk(executor, chunk, table) {
    // Identifiers cannot be bound; quoteIdent on catalog names (no NUL) cannot be escaped from. The tag is a number.
    const sql = chunk
        .map((s, i) => `select ${i} as i, version_num::text as version_num from ${(0,version_table/* quoteIdent */.v4)(s.schema)}.${(0,version_table/* quoteIdent */.v4)(table)}`)
        .join('\nunion all\n');
    const rows = (0,row_shape/* checkRows */.U)(await executor.query(sql), { i: 'integer', version_num: 'text?' }, 'the version tables answered');
    const reads = chunk.map((s) => ({ exists: true, versions: [], invalid: [], qualifiedName: s.versionTable }));
    for (const row of rows) {
        const index = Number(row.i);
        const read = reads[index];
        if (!Number.isInteger(index) || read === undefined) {
            throw new Error(`a row is tagged ${JSON.stringify(row.i)}, not one of the ${chunk.length} schemas asked for`);
        }
        const problem = (0,version_table/* rowProblem */.up)(row);
        if (problem === null)
            read.versions.push(row.version_num);
        else
            read.invalid.push(problem);
    }
    for (const read of reads)
        read.versions.sort();
    return new Map(chunk.map((s, i) => [s.schema, reads[i]]));
}

;// CONCATENATED MODULE: ./lib/fleet/run-fleet.js
// Runs a fleet: the config file's targets (tenants discovered), each through the one-target check of
// src/monitor/check.ts with bounded concurrency and a time limit, never stopping at the first failure. Tenant
// schemas on one executor share it: one discovery query, their version tables in a few UNION ALL queries, one catalog
// snapshot; the migrations and the expected snapshot are parsed once for every target that shares them.
// Adapters come in as parameters, as in check.ts.














const DEFAULT_CONCURRENCY = 8;
/** Runs every target of the fleet (or of its shard); resolves to the fleet report and each target's report. */
async function runFleet(deps) {
    const log = deps.log ?? (() => { });
    const errors = [];
    const groups = [];
    try {
        const planned = await expandTargets(deps, errors, groups);
        const discovered = planned.map((p) => p.target.name);
        const selected = run_fleet_select(planned, deps, errors);
        log(`Fleet ${deps.configFile}: ${planned.length} target(s)${deps.shard ? `, shard ${deps.shard.index}/${deps.shard.count}: ${selected.length}` : ''}`);
        await readGroupVersions(selected, groups);
        const shared = sharedParsing(deps.loadGraph ?? load.loadMigrationGraph);
        const reports = await pool(selected, deps.concurrency ?? DEFAULT_CONCURRENCY, (p) => checkTarget(p, deps, shared));
        const fleet = (0,fleet_report/* buildFleetReport */.tv)({
            now: deps.now(),
            run: deps.run,
            config: deps.configFile,
            targets: reports.map(({ target, report }) => (0,fleet_report/* summarizeTarget */.rW)(target, report)),
            discovered,
            errors,
            shards: deps.shard ? { count: deps.shard.count, index: deps.shard.index, merged: [] } : null,
        });
        return { fleet, reports };
    }
    finally {
        await Promise.all(groups.map((g) => g.executor.close().catch(() => { })));
    }
}
/** The config's targets with the discovered tenants in place of their entries; discovery failures are fleet errors. */
async function expandTargets(deps, errors, groups) {
    const expanded = await Promise.all(deps.specs.map(async (spec) => {
        if (!spec.discover) {
            const config = configOf(deps, spec);
            return [{ target: fleetTarget(spec, spec.name, config, deps.inputs), config }];
        }
        try {
            const limit = deps.targetTimeoutMs ?? 60_000;
            return await time_limit_withTimeLimit(`discovery of "${spec.name}" gave no answer`, limit, discover(deps, spec, groups, errors));
        }
        catch (error) {
            errors.push({
                stage: 'discovery',
                message: `target "${spec.name}" (${spec.source}): ${(0,error_message/* errorMessage */.g)(error)}; its targets are unknown`,
            });
            return [];
        }
    }));
    // Names are unique in the file; a discovered one may still meet another entry's (`a.b` + `c` vs `a` + `b.c`).
    const byName = new Map();
    for (const planned of expanded.flat()) {
        const before = byName.get(planned.target.name);
        if (before) {
            errors.push({
                stage: 'config',
                message: `target name "${planned.target.name}" comes from both "${before.target.entry}" and "${planned.target.entry}"; the second is not checked`,
            });
            continue;
        }
        byName.set(planned.target.name, planned);
    }
    return [...byName.values()];
}
async function discover(deps, spec, groups, errors) {
    // A member whose name cannot be a store key is a fleet error, not a line: every line's name is a key segment.
    const usable = (name, member) => {
        const problem = (0,config_file/* targetNameProblem */.Oz)(name);
        if (problem) {
            errors.push({
                stage: 'discovery',
                message: `target "${spec.name}" (${spec.source}): ${JSON.stringify(member)} gives the target name "${name}", which is not usable (${problem}); it is not checked`,
            });
        }
        return problem === null;
    };
    const config = targetConfig(deps.inputs, spec, deps.env, {}, deps.parseOptions);
    const database = config.database;
    if (!database)
        throw new Error('no route: set database-url-env or lambda-function');
    const pattern = spec.discover;
    const serverUrl = database.kind === 'postgres' ? database.url : null;
    if ('databases' in pattern && serverUrl === null) {
        throw new Error(`discover: {databases: …} needs the database-url-env route (a server URL whose database is replaced); the ${database.kind} route reaches one database`);
    }
    const executor = await deps.openExecutor(database, config);
    if ('schemas' in pattern) {
        const group = { executor, config, discovered: new Map() };
        groups.push(group);
        const found = await discoverSchemas(executor, pattern.schemas, config.versionTable);
        // A pattern that matches nothing (a typo, a wrong database) would make a fleet that checks nothing look synced.
        if (found.length === 0)
            throw new Error(`no schema LIKE ${JSON.stringify(pattern.schemas)} on ${executor.describe()}`);
        return found.flatMap((schema) => {
            group.discovered.set(schema.schema, schema);
            const name = tenantTargetName(spec.name, schema.schema);
            if (!usable(name, schema.schema))
                return [];
            // The schema is a catalog fact, not an input: any name PostgreSQL holds is read (quoted), even one that
            // version-table-schema's plain-identifier rule would refuse when written by hand.
            const tenantConfig = { ...config, versionTableSchema: schema.schema };
            const target = { ...fleetTarget(spec, name, tenantConfig, deps.inputs), schema: schema.schema };
            return [{ target, config: tenantConfig, group }];
        });
    }
    try {
        const names = await discoverDatabases(executor, pattern.databases);
        if (names.length === 0)
            throw new Error(`no database LIKE ${JSON.stringify(pattern.databases)} on ${executor.describe()}`);
        return names.flatMap((db) => {
            const name = tenantTargetName(spec.name, db);
            if (!usable(name, db))
                return [];
            const dbConfig = memberConfig(deps, spec, { databaseUrl: urlForDatabase(serverUrl, db) });
            return [{ target: { ...fleetTarget(spec, name, dbConfig, deps.inputs), database: db }, config: dbConfig }];
        });
    }
    finally {
        await executor.close().catch(() => { });
    }
}
function configOf(deps, spec) {
    try {
        return targetConfig(deps.inputs, spec, deps.env, {}, deps.parseOptions);
    }
    catch (error) {
        if (error instanceof config_config/* ConfigError */.xL)
            return error;
        return new config_config/* ConfigError */.xL(`target "${spec.name}" (${spec.source}): ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}
function memberConfig(deps, spec, overrides) {
    try {
        return targetConfig(deps.inputs, spec, deps.env, overrides, deps.parseOptions);
    }
    catch (error) {
        return error instanceof config_config/* ConfigError */.xL ? error : new config_config/* ConfigError */.xL((0,error_message/* errorMessage */.g)(error));
    }
}
function fleetTarget(spec, name, config, inputs) {
    const environment = config instanceof config_config/* ConfigError */.xL
        ? (spec.inputs.environment ?? inputs.environment?.trim() ?? 'production') || 'production'
        : config.environment;
    return { name, environment, entry: spec.name };
}
/** The shard's and the --target filter's targets; an unknown --target name is a fleet error. */
function run_fleet_select(planned, deps, errors) {
    let selected = planned;
    if (deps.only && deps.only.length > 0) {
        const names = new Set(planned.map((p) => p.target.name));
        for (const name of deps.only) {
            if (!names.has(name))
                errors.push({ stage: 'config', message: `target "${name}" is not in the fleet` });
        }
        const wanted = new Set(deps.only);
        selected = selected.filter((p) => wanted.has(p.target.name));
    }
    const shard = deps.shard;
    if (shard)
        selected = selected.filter((p) => (0,fleet_shard/* shardOf */.IS)(p.target.name, shard.count) === shard.index);
    return selected;
}
/** Each group's selected tenants' version tables, in UNION ALL chunks: no query per tenant. */
async function readGroupVersions(selected, groups) {
    for (const group of groups) {
        const schemas = selected.flatMap((p) => p.group === group && p.target.schema ? [group.discovered.get(p.target.schema)] : []);
        group.versions = await readTenantVersions(group.executor, schemas, group.config.versionTable);
    }
}
function sharedParsing(load) {
    const graphs = new Map();
    const files = new Map();
    return {
        loadGraph: (root, migrations, options) => {
            const key = JSON.stringify([
                root,
                migrations ?? null,
                options?.section ?? null,
                options?.versionLocations ?? null,
            ]);
            let graph = graphs.get(key);
            if (!graph) {
                graph = load(root, migrations, options);
                graphs.set(key, graph);
            }
            return graph;
        },
        readSnapshotFile: (path, shown) => {
            let snapshot = files.get(path);
            if (!snapshot) {
                snapshot = (0,promises_.readFile)(path, 'utf8').then((text) => (0,catalog_snapshot/* parseSnapshot */.E$)(text, shown), (error) => {
                    throw new Error(`Could not read snapshot-file "${shown}": ${(0,error_message/* errorMessage */.g)(error)}`);
                });
                files.set(path, snapshot);
            }
            return snapshot;
        },
    };
}
/** One target's check under its time limit; every failure becomes its `error` report. */
async function checkTarget(planned, deps, shared) {
    const { target, config } = planned;
    const log = deps.log ?? (() => { });
    if (config instanceof config_config/* ConfigError */.xL) {
        return { target, report: failedReport(deps, target, null, { stage: 'config', message: config.message }) };
    }
    const group = planned.group;
    const checkDeps = {
        root: deps.root,
        config,
        run: deps.run,
        now: deps.now,
        openExecutor: group ? async () => borrowed(group.executor) : (database) => deps.openExecutor(database, config),
        describeTarget: deps.describeTarget,
        readAddedTimes: deps.readAddedTimes,
        readPreviousReport: deps.readPreviousReport?.(target, config),
        log: (line) => log(`[${target.name}] ${line}`),
        loadGraph: shared.loadGraph,
    };
    const structure = deps.structureDeps?.(target, config);
    if (structure) {
        checkDeps.structure = { readSnapshotFile: shared.readSnapshotFile, ...structure };
        if (group && target.schema) {
            checkDeps.structure.takeSnapshot = (_executor, options) => schemaSnapshot(group, options.includeSchemas ?? []);
        }
    }
    if (group && target.schema) {
        const schema = target.schema;
        checkDeps.tenantSchema = schema;
        checkDeps.readVersions = async () => {
            const read = group.versions?.get(schema);
            if (read === undefined)
                throw new Error(`the version table of schema "${schema}" was not read`);
            if (read instanceof Error)
                throw read;
            return read;
        };
    }
    const limit = deps.targetTimeoutMs ?? config.timeoutSeconds * 1000;
    try {
        const outcome = await time_limit_withTimeLimit(`target "${target.name}" gave no answer`, limit, (0,check/* runCheck */.k)(checkDeps));
        return { target, report: outcome.report, snapshot: outcome.snapshot };
    }
    catch (error) {
        const stage = error instanceof TimeLimitError ? 'timeout' : 'internal';
        return { target, report: failedReport(deps, target, config, { stage, message: (0,error_message/* errorMessage */.g)(error) }) };
    }
}
/** The shared executor lent to one check: its close() leaves it open for the other tenants. */
function borrowed(executor) {
    return {
        query: (sql, params) => executor.query(sql, params),
        describe: () => executor.describe(),
        close: async () => { },
    };
}
/** The group's catalog read once (every schema), then cut to the tenant's: exact names, not glob patterns. */
async function schemaSnapshot(group, schemas) {
    group.catalog ??= (0,catalog_snapshot/* takeSnapshot */.W9)(group.executor);
    const whole = await group.catalog;
    const wanted = new Set(schemas);
    const objects = whole.objects.filter((o) => {
        if (o.kind === 'extension')
            return true;
        const schema = o.kind === 'default privilege' ? o.path[1] : o.path[0];
        return wanted.has(schema ?? '');
    });
    return (0,catalog_snapshot/* buildSnapshot */.tX)(objects, whole.server_version_num, whole.stats);
}
/** The report of a target that could not be checked at all (its config, its time limit). */
function failedReport(deps, target, config, error) {
    return (0,build/* buildReport */.F)({
        environment: target.environment,
        now: deps.now(),
        run: deps.run,
        source: {
            database: config?.database ? deps.describeTarget(config.database) : '(none)',
            migrations: config?.migrations ?? '(auto)',
            revisions: 0,
        },
        codebaseHeads: [],
        databaseVersions: null,
        version: null,
        structure: null,
        findings: [],
        error,
    });
}
/** Runs `work` over `items`, at most `limit` at once, keeping the items' order in the results. */
async function pool(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./lib/fleet/fleet-engine.js




/** The engine as the fleet mode calls it. */
function fleetEngine(options) {
    const structure = options.structureDeps ?? structure_deps/* structureDeps */.y;
    return (world) => runFleet({
        root: options.root,
        configFile: options.file,
        specs: options.specs,
        inputs: options.inputs,
        env: options.env,
        parseOptions: { workspace: options.workspace },
        run: options.run,
        now: options.now,
        openExecutor: (database, config) => boundedOpenExecutor((target) => options.openExecutor(target, { aws: world.awsFor(config), timeouts: world.timeouts }), options.describeTarget, world.limitMs)(database),
        describeTarget: options.describeTarget,
        readAddedTimes: options.readAddedTimes,
        readPreviousReport: (target) => (0,report_store/* previousReportReader */.PD)(world.evidenceFor(target), target.environment),
        structureDeps: (target) => structure({
            root: options.root,
            environment: target.environment,
            store: world.evidenceFor(target),
            log: world.log,
        }),
        concurrency: world.concurrency,
        shard: world.shard ?? undefined,
        only: options.only,
        log: world.log,
    });
}

// EXTERNAL MODULE: ./lib/fleet/fleet-plan.js
var fleet_plan = __webpack_require__(3306);
;// CONCATENATED MODULE: ./lib/fleet/slice-files.js
// The slice reports of a matrix run as downloaded artifacts: every shard-{i}-of-{N}.json under a folder (each
// download-artifact puts its artifact in a folder of its own), read for `mode: fleet-merge` / `schema-drift merge`.


const SLICE_FILE = /^shard-\d+-of-\d+(-\d+)?\.json$/;
/** Every slice file under `dir` (recursively), in path order; throws naming the folder when it cannot be read. */
async function readSliceFiles(dir) {
    let names;
    try {
        names = (await (0,promises_.readdir)(dir, { recursive: true }));
    }
    catch (error) {
        throw new Error(`Could not list ${dir}: ${error.message}`);
    }
    const files = names.filter((name) => SLICE_FILE.test(name.split(/[\\/]/).pop() ?? '')).sort();
    return Promise.all(files.map(async (name) => {
        const location = (0,external_node_path_.join)(dir, name);
        return { text: await (0,promises_.readFile)(location, 'utf8'), location };
    }));
}

// EXTERNAL MODULE: ./lib/git/added-times.js
var added_times = __webpack_require__(3953);
// EXTERNAL MODULE: ./lib/publish/local.js
var local = __webpack_require__(4084);
// EXTERNAL MODULE: ./lib/aws/errors.js
var errors = __webpack_require__(6762);
// EXTERNAL MODULE: ./lib/database/redact.js
var redact = __webpack_require__(2176);
;// CONCATENATED MODULE: ./lib/publish/redactor.js
// The one place secrets are taken out of what the action writes: the report (and so its stored objects, the
// summary and the SNS alert, all rendered from it) and, through the log writer, every line on stdout.


/** Inputs whose values are secrets: redacted by value wherever they appear, and masked in the runner's log. */
const SECRET_INPUTS = (/* unused pure expression or super */ null && (['database-url', 'reference-database-url', 'github-token']));
/** Inputs that are connection URLs: the password and password= values inside them are secrets too. */
const URL_INPUTS = new Set(['database-url', 'reference-database-url']);
class Redactor {
    secrets = new Set();
    /** URL passwords too plain to mask everywhere: replaced where they stand as a word in text other programs wrote. */
    plainPasswords = new Set();
    /**
     * Every secret value an input carries: the whole value, and a URL's password in its raw and decoded forms when it
     * is unambiguous (maskableByValue); a password that is an ordinary word is redacted where it is a password, and
     * remembered so free text (errors quoting other programs) loses it where it stands as a word.
     */
    secretsOfInput(name, value) {
        if (!value)
            return [];
        const found = [value, value.trim()];
        if (URL_INPUTS.has(name)) {
            found.push(...(0,redact/* databaseUrlSecrets */.I6)(value).filter(redact/* maskableByValue */.RG));
            for (const password of (0,redact/* plainUrlPasswords */.aN)(value))
                this.plainPasswords.add(password);
        }
        return [...new Set(found)].filter((s) => s !== '');
    }
    /** Remembers a secret of this run; from now on it is replaced by *** in everything this redactor sees. */
    add(secret) {
        if (secret.length < redact/* MIN_SECRET_LENGTH */.vb)
            return;
        this.secrets.add(secret);
        // Also known to quoteRemote, which shortens remote texts: a secret cut in half there would escape by value here.
        (0,errors/* rememberSecret */.Gz)(secret);
    }
    /** Free text (log lines, error messages): secret values and anything written like a credential. */
    text(text) {
        return (0,redact/* redactWords */.X7)((0,redact/* redactText */.Rd)(text, this.secrets), this.plainPasswords);
    }
    /**
     * Rendered documents (Markdown, HTML) and report fields: secret values, and the passwords of URLs (a password too
     * plain to be a secret by value is still one there); not password keys, so a column named `password` keeps its diff.
     */
    values(text) {
        let out = (0,redact/* redactUrlsInText */.GP)(text);
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
            out = out.split(secret).join('***');
        return out;
    }
    /**
     * The report with every string cleared of secret values, and the texts that quote other systems (the error,
     * a section's summary when it failed, finding messages) also cleared of anything written like a credential.
     */
    report(report) {
        const clean = deepMapStrings(report, (s) => this.values(s));
        if (clean.error)
            clean.error = { ...clean.error, message: this.text(clean.error.message) };
        if (clean.version?.state === 'error')
            clean.version = { ...clean.version, summary: this.text(clean.version.summary) };
        if (clean.structure?.state === 'error') {
            clean.structure = { ...clean.structure, summary: this.text(clean.structure.summary) };
        }
        clean.findings = clean.findings.map((f) => ({ ...f, message: this.text(f.message) }));
        return clean;
    }
    /** A fleet report, cleared as a report is: its error messages and target summaries quote other systems. */
    fleet(fleet) {
        const clean = deepMapStrings(fleet, (s) => this.values(s));
        clean.errors = clean.errors.map((e) => ({ ...e, message: this.text(e.message) }));
        clean.targets = clean.targets.map((t) => ({
            ...t,
            summary: t.status === 'error' ? this.text(t.summary) : t.summary,
            error: t.error === null ? null : { ...t.error, message: this.text(t.error.message) },
        }));
        return clean;
    }
}
function deepMapStrings(value, map) {
    if (typeof value === 'string')
        return map(value);
    if (Array.isArray(value))
        return value.map((item) => deepMapStrings(item, map));
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMapStrings(v, map)]));
    }
    return value;
}

// EXTERNAL MODULE: ./lib/cli/flags.js
var flags = __webpack_require__(2529);
;// CONCATENATED MODULE: ./lib/cli/fleet-commands.js
// The fleet from the command line: `check --config FILE` with a `targets:` list, `plan`, `merge`. They run the
// action's fleet mode with the CLI's world (report-dir as the only store, no alert), so the stored tree, the chains
// and the merge rules are the action's; exit codes are `check`'s (0 synced, 1 drift, 2 error).

















/** `check --config FILE` when the file lists targets (`--target NAME` repeatable, `--shard i/N`, `--concurrency`). */
async function fleetCheckCommand(values, fleet, io) {
    const raw = Object.fromEntries(flags/* CHECK_FLAGS */.P8.map((f) => [f, values[f]]));
    let config;
    try {
        // No workspace: a CLI user's report-dir may be anywhere, as for a one-database check (the action's is confined).
        config = (0,config_config/* parseConfig */.o4)({ ...raw, 'fail-on': 'never' });
    }
    catch (error) {
        io.stderr(`schema-drift check: ${(0,error_message/* errorMessage */.g)(error)}\n`);
        return flags/* EXIT */.dc.error;
    }
    for (const warning of config.warnings ?? [])
        io.stderr(`schema-drift check: warning: ${warning}\n`);
    const only = values.target ?? [];
    const root = (0,external_node_path_.resolve)(io.cwd);
    const run = (0,run_info/* runInfoFromEnv */.P)(io.env, io.env.GITHUB_ACTIONS === 'true' ? undefined : 'cli');
    const deps = cliWorld(config, run, io, values.json === true);
    deps.runFleet = fleetEngine({
        root,
        // A CLI user's report-dir may be anywhere; only the action confines it to its workspace.
        workspace: undefined,
        file: fleet.file,
        specs: fleet.specs ?? [],
        inputs: raw,
        env: io.env,
        run,
        now: () => new Date(),
        openExecutor: (target, world) => (0,database_open/* openExecutor */.c)(target, {
            aws: world.aws,
            timeouts: world.timeouts,
            // PGlite's code is loaded only for a target on --pglite.
            pglite: async (dir) => (await Promise.all(/* import() */[__webpack_require__.e(38), __webpack_require__.e(392)]).then(__webpack_require__.bind(__webpack_require__, 3392))).openPgliteExecutor(dir),
        }),
        describeTarget: database_open/* describeTarget */.f,
        readAddedTimes: added_times/* readAddedTimes */.t,
        only,
    });
    for (const spec of fleet.specs ?? []) {
        const url = spec.databaseUrlEnv === undefined ? undefined : io.env[spec.databaseUrlEnv];
        if (url)
            for (const secret of deps.secrets.secretsOfInput('database-url', url))
                deps.secrets.add(secret);
    }
    return finish(await runFleetMode(deps, 'fleet'), config, io, values.json === true);
}
/** `schema-drift plan --config FILE [--shards N]`: prints the matrix JSON for `strategy.matrix`. */
async function planCommand(args, io) {
    try {
        const { values } = (0,external_node_util_.parseArgs)({
            args: [...args],
            options: { config: { type: 'string' }, shards: { type: 'string' } },
            strict: true,
        });
        const config = (0,config_config/* parseConfig */.o4)({ config: values.config, shards: values.shards });
        const fleet = await (0,fleet_plan/* readFleetSpecs */.$9)((0,external_node_path_.resolve)(io.cwd), config.ignoreRulesFile, { confined: false });
        if (fleet.specs === null)
            throw new Error(`the config file "${fleet.file}" lists no targets:`);
        io.stdout(`${(0,fleet_plan/* fleetMatrix */.KZ)(fleet.specs, config.fleet.shards)}\n`);
        return flags/* EXIT */.dc.ok;
    }
    catch (error) {
        io.stderr(`schema-drift plan: ${(0,error_message/* errorMessage */.g)(error)}\n`);
        return flags/* EXIT */.dc.error;
    }
}
/** `schema-drift merge --from DIR [--shards N] [--report-dir DIR] [--environment E] [--json]`. */
async function mergeCommand(args, io) {
    let config;
    let json;
    try {
        const { values } = (0,external_node_util_.parseArgs)({
            args: [...args],
            options: {
                from: { type: 'string' },
                shards: { type: 'string' },
                'report-dir': { type: 'string' },
                environment: { type: 'string' },
                'timeout-seconds': { type: 'string' },
                json: { type: 'boolean' },
            },
            strict: true,
        });
        if (!values.from)
            throw new Error('merge needs --from DIR (the downloaded slice reports)');
        json = values.json === true;
        // No workspace: report-dir may be anywhere on the command line (the action's is confined).
        config = (0,config_config/* parseConfig */.o4)({
            'fleet-slices': (0,external_node_path_.resolve)(io.cwd, values.from),
            shards: values.shards,
            'report-dir': values['report-dir'],
            environment: values.environment,
            'timeout-seconds': values['timeout-seconds'],
            'fail-on': 'never',
        });
    }
    catch (error) {
        io.stderr(`schema-drift merge: ${(0,error_message/* errorMessage */.g)(error)}\n`);
        return flags/* EXIT */.dc.error;
    }
    const run = (0,run_info/* runInfoFromEnv */.P)(io.env, io.env.GITHUB_ACTIONS === 'true' ? undefined : 'cli');
    return finish(await runFleetMode(cliWorld(config, run, io, json), 'fleet-merge'), config, io, json);
}
/** The fleet mode's world on the command line: report-dir is the only store, no alert, output on stdout. */
function cliWorld(config, run, io, json) {
    const root = (0,external_node_path_.resolve)(io.cwd);
    const secrets = new Redactor();
    const log = json ? () => { } : (line) => io.stderr(`${line}\n`);
    const core = {
        info: log,
        notice: log,
        warning: (message) => log(`warning: ${message}`),
        error: (message) => log(`error: ${message}`),
        setFailed: () => { },
        setOutput: () => { },
        setSecret: (secret) => secrets.add(secret),
        writeSummary: async () => { },
    };
    return {
        root,
        config,
        run,
        core,
        now: () => new Date(),
        clock: Date.now,
        // The default AWS credentials of the shell (profile, SSO, environment), as `check` uses them.
        awsIdentity: async (_timeouts, identity = config) => ({
            region: identity.aws.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '',
        }),
        planDelivery: async () => ({
            local: config.reportDir ? new local/* LocalReportStore */.X((0,external_node_path_.resolve)(root, config.reportDir)) : undefined,
            setupErrors: [],
        }),
        runFleet: async () => {
            throw new Error('no fleet engine');
        },
        mergeSlices: (slices) => (0,fleet_shard/* mergeFleetReports */.WE)(slices, { now: new Date(), run }),
        readSliceFiles: readSliceFiles,
        redact: { report: (r) => secrets.report(r), fleet: (f) => secrets.fleet(f) },
        exit: (code) => process.exit(code === 0 ? flags/* EXIT */.dc.ok : flags/* EXIT */.dc.error),
        secrets,
    };
}
/** Prints the fleet report; the exit code from its status, or 2 when anything could not be stored. */
function finish(outcome, config, io, json) {
    const fleet = outcome.fleet;
    if (fleet === null) {
        io.stderr(`schema-drift: ${outcome.failures.join('\n') || 'the fleet run failed'}\n`);
        return flags/* EXIT */.dc.error;
    }
    if (json)
        io.stdout(`${JSON.stringify(fleet, null, 2)}\n`);
    else
        io.stdout((0,report_text/* renderText */.S5)(fleetDocument(fleet, { environment: config.environment })));
    // fail-on is never here: every failure left is a store or slice that could not be written.
    if (outcome.failures.length > 0) {
        io.stderr(`schema-drift: ${outcome.failures.join('\n')}\n`);
        return flags/* EXIT */.dc.error;
    }
    return fleet.status === 'error' ? flags/* EXIT */.dc.error : fleet.status === 'drift' ? flags/* EXIT */.dc.drift : flags/* EXIT */.dc.ok;
}


/***/ })

};
