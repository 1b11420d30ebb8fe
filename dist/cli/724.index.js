export const id = 724;
export const ids = [724];
export const modules = {

/***/ 6843:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ cronTimes)
/* harmony export */ });
// When a schedule was meant to run: the five-field cron of a GitHub `schedule` trigger (UTC), expanded over a period.
const FIELDS = [
    { min: 0, max: 59 }, // minute
    { min: 0, max: 23 }, // hour
    { min: 1, max: 31 }, // day of month
    { min: 1, max: 12 }, // month
    { min: 0, max: 7 }, // day of week (0 and 7 are Sunday)
];
function parseField(text, field, expression) {
    const values = new Set();
    for (const part of text.split(',')) {
        const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
        if (!match)
            throw new Error(`Invalid schedule "${expression}": "${part}" is not a cron field`);
        const [, whole, a, b, step] = match;
        const from = whole === '*' ? field.min : Number(a);
        const to = whole === '*' ? field.max : b !== undefined ? Number(b) : step !== undefined ? field.max : from;
        const by = step === undefined ? 1 : Number(step);
        if (from < field.min || to > field.max || from > to || by < 1) {
            throw new Error(`Invalid schedule "${expression}": "${part}" is outside ${field.min}-${field.max}`);
        }
        for (let v = from; v <= to; v += by)
            values.add(v);
    }
    return { values, any: text === '*' };
}
/** Every time in [from, to) at which the cron expression fires, in UTC. */
function cronTimes(expression, from, to) {
    const parts = expression.trim().split(/\s+/);
    if (parts.length !== 5)
        throw new Error(`Invalid schedule "${expression}": a cron expression has five fields`);
    const [minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, FIELDS[i], expression));
    if (!minutes || !hours || !days || !months || !weekdays)
        throw new Error(`Invalid schedule "${expression}"`);
    if (weekdays.values.has(7))
        weekdays.values.add(0);
    const times = [];
    const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    for (; day < to; day.setUTCDate(day.getUTCDate() + 1)) {
        if (!months.values.has(day.getUTCMonth() + 1))
            continue;
        const domOk = days.values.has(day.getUTCDate());
        const dowOk = weekdays.values.has(day.getUTCDay());
        // As cron: when both day fields are restricted, either may match.
        const dayOk = days.any ? dowOk : weekdays.any ? domOk : domOk || dowOk;
        if (!dayOk)
            continue;
        for (const h of [...hours.values].sort((x, y) => x - y)) {
            for (const m of [...minutes.values].sort((x, y) => x - y)) {
                const at = new Date(day.getTime() + h * 3_600_000 + m * 60_000);
                if (at >= from && at < to)
                    times.push(at);
            }
        }
    }
    return times;
}


/***/ }),

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

/***/ 6414:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   cg: () => (/* binding */ OBJECT_KINDS),
/* harmony export */   is: () => (/* binding */ PRIVILEGE_KINDS)
/* harmony export */ });
// The catalog snapshot: schema metadata only (never row data), keyed by names so it is independent of OIDs and
// of the order objects were created in.
/** Kinds that record who may do what: every difference in one is a security difference. */
const PRIVILEGE_KINDS = [
    'privilege',
    'column privilege',
    'function privilege',
    'schema privilege',
    'type privilege',
    'default privilege',
];
/** Kinds in the order a snapshot lists them (and a diff reports them). */
const OBJECT_KINDS = [
    'schema',
    'extension',
    'enum',
    'domain',
    'composite type',
    'sequence',
    'table',
    'column',
    'constraint',
    'index',
    'view',
    'materialized view',
    'function',
    'trigger',
    'rule',
    'policy',
    'privilege',
    'column privilege',
    'function privilege',
    'schema privilege',
    'type privilege',
    'default privilege',
];
/**
 * Unique key of an object within a snapshot. Names cannot contain NUL, so NUL-joined parts are unique; a diff builds
 * one per object on each side, and JSON text here cost a fifth of the diff.
 */
function objectKey(object) {
    return `${object.kind}\u0000${object.path.join('\u0000')}`;
}


/***/ }),

/***/ 8649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mw: () => (/* binding */ globMatches),
  E$: () => (/* binding */ parseSnapshot),
  by: () => (/* binding */ snapshotJson),
  cG: () => (/* binding */ snapshotJsonLines),
  W9: () => (/* binding */ takeSnapshot)
});

// UNUSED EXPORTS: DEFAULT_RESPONSE_BUDGET, buildSnapshot

// EXTERNAL MODULE: ./lib/database/row-shape.js
var row_shape = __webpack_require__(937);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/catalog/fingerprint.js

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++)
            text += (i ? ',' : '') + canonicalJson(value[i]);
        return `${text}]`;
    }
    return objectJson(value, undefined);
}
// Plain loops and one key sort: a snapshot has tens of thousands of objects, and the entries/filter/map form of this
// was most of the time spent taking and comparing one. The default sort orders by UTF-16 code units, like `<`.
function objectJson(value, skip) {
    const keys = Object.keys(value).sort();
    let text = '{';
    let first = true;
    for (const key of keys) {
        const v = value[key];
        if (v === undefined || key === skip)
            continue;
        text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
        first = false;
    }
    return `${text}}`;
}
/**
 * What the fingerprint covers: compared attributes only — no ddl text, no column order, no server version. The
 * canonical JSON of [kind, path, attrs], written without copying attrs.
 */
function comparedContent(object) {
    const skip = object.kind === 'table' ? 'column_order' : undefined;
    const path = object.path;
    const sorted = Array.isArray(path) && path.every(flat) ? sortedFlatCopy(object.attrs, skip) : undefined;
    if (sorted)
        return JSON.stringify([object.kind, path, sorted]);
    return `[${JSON.stringify(object.kind)},${canonicalJson(path)},${objectJson(object.attrs, skip)}]`;
}
// Sorted key lists by the object's own key order: attrs of one kind always have the same keys in the same order.
const sortedKeys = new Map();
/** A value JSON.stringify writes exactly as canonicalJson does: no object whose keys would need sorting. */
function flat(v) {
    if (typeof v === 'function' || typeof v === 'symbol')
        return false;
    return (v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')));
}
/**
 * A copy of an object of primitives and arrays of primitives (every attrs) with its keys in sorted order, which
 * JSON.stringify then writes as objectJson would, on its fast path: the per-object sort and concatenation were most
 * of the fingerprint's time. Undefined when the object holds anything else.
 */
function sortedFlatCopy(value, skip) {
    const own = Object.keys(value);
    // Assigning "__proto__" to the copy would set its prototype instead of a key.
    for (const key of own)
        if (key === '__proto__' || !flat(value[key]))
            return undefined;
    const shape = own.join('\u0000');
    let keys = sortedKeys.get(shape);
    // A key holding NUL could make two key lists join alike: the cached list must be exactly these keys.
    if (!keys || keys.length !== own.length || !keys.every((k) => Object.hasOwn(value, k))) {
        keys = [...own].sort();
        if (sortedKeys.size < 1000)
            sortedKeys.set(shape, keys);
    }
    const copy = {};
    for (const key of keys)
        if (key !== skip)
            copy[key] = value[key];
    return copy;
}
/** SHA-256 (hex) of a snapshot's compared content; equal for snapshots a diff finds equal. */
function snapshotFingerprint(snapshot) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    // Fed in batches: one update per object cost more than the hashing itself.
    let batch = '';
    for (const object of snapshot.objects) {
        batch += `${comparedContent(object)}\n`;
        if (batch.length > 65_536) {
            hash.update(batch);
            batch = '';
        }
    }
    hash.update(batch);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./lib/catalog/model.js
var model = __webpack_require__(6414);
;// CONCATENATED MODULE: ./lib/catalog/normalise.js
const ACTIONS = {
    a: 'NO ACTION',
    r: 'RESTRICT',
    c: 'CASCADE',
    n: 'SET NULL',
    d: 'SET DEFAULT',
};
const MATCH = { f: 'FULL', p: 'PARTIAL', s: 'SIMPLE' };
const CONTYPES = {
    p: 'primary key',
    u: 'unique',
    f: 'foreign key',
    c: 'check',
    x: 'exclusion',
};
const VOLATILITY = { i: 'immutable', s: 'stable', v: 'volatile' };
const PARALLEL = { s: 'safe', r: 'restricted', u: 'unsafe' };
const PROKIND = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };
const RELKIND = { r: 'table', p: 'partitioned table', f: 'foreign table' };
const TRIGGER_ENABLED = { O: 'origin', D: 'disabled', R: 'replica', A: 'always' };
const POLICY_COMMAND = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };
const RULE_ENABLED = TRIGGER_ENABLED;
const REPLICA_IDENTITY = { n: 'nothing', f: 'full', i: 'index' };
const STORAGE = { p: 'plain', e: 'external', m: 'main', x: 'extended' };
// PostgreSQL 17 added MAINTAIN; "everything the server has" is spelled ALL so 15 and 18 compare equal.
const ALL_TABLE_PRIVILEGES = ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'];
const ALL_SEQUENCE_PRIVILEGES = ['SELECT', 'UPDATE', 'USAGE'];
const str = (v) => (v === null || v === undefined ? null : String(v));
const bool = (v) => v === true || v === 't' || v === 'true';
const list = (v) => (Array.isArray(v) ? v.map(String) : []);
const code = (map, v) => v === null || v === undefined ? null : (map[String(v)] ?? String(v));
/** One raw item from the introspection queries → a snapshot object (null for an unknown item type). */
function normaliseItem(raw) {
    const schema = String(raw.schema ?? '');
    const name = String(raw.name ?? '');
    switch (raw.t) {
        case 'schema':
            return { kind: 'schema', path: [name], attrs: { comment: str(raw.comment), owner: str(raw.owner) } };
        case 'extension':
            return { kind: 'extension', path: [name], attrs: { version: str(raw.version), schema: str(raw.schema) } };
        case 'enum':
            return {
                kind: 'enum',
                path: [schema, name],
                attrs: { labels: list(raw.labels), comment: str(raw.comment), owner: str(raw.owner) },
            };
        case 'composite type':
            return {
                kind: 'composite type',
                path: [schema, name],
                attrs: { attributes: list(raw.attributes), comment: str(raw.comment), owner: str(raw.owner) },
            };
        case 'domain':
            return {
                kind: 'domain',
                path: [schema, name],
                attrs: {
                    base_type: str(raw.base_type),
                    not_null: bool(raw.not_null),
                    default: str(raw.default),
                    collation: str(raw.collation),
                    checks: (Array.isArray(raw.checks) ? raw.checks : []).map((c) => {
                        const [n, d] = c;
                        return `${n}: ${d}`;
                    }),
                    comment: str(raw.comment),
                    owner: str(raw.owner),
                },
            };
        case 'sequence':
            return {
                kind: 'sequence',
                path: [schema, name],
                attrs: {
                    type: str(raw.type),
                    start: str(raw.start),
                    increment: str(raw.increment),
                    min: str(raw.min),
                    max: str(raw.max),
                    cache: str(raw.cache),
                    cycle: bool(raw.cycle),
                    owned_by: Array.isArray(raw.owned_by) ? list(raw.owned_by) : null,
                    comment: str(raw.comment),
                    owner: str(raw.owner),
                },
            };
        case 'table':
            return {
                kind: 'table',
                path: [schema, name],
                attrs: {
                    relkind: code(RELKIND, raw.relkind),
                    partition_key: str(raw.partition_key),
                    partition_of: Array.isArray(raw.partition_of) ? list(raw.partition_of) : null,
                    partition_bound: str(raw.partition_bound),
                    rls_enabled: bool(raw.rls_enabled),
                    rls_forced: bool(raw.rls_forced),
                    unlogged: bool(raw.unlogged),
                    options: list(raw.options).sort(),
                    comment: str(raw.comment),
                    owner: str(raw.owner),
                    tablespace: str(raw.tablespace),
                    access_method: str(raw.access_method),
                    replica_identity: code(REPLICA_IDENTITY, raw.replica_identity),
                    inherits: list(raw.inherits),
                    column_order: list(raw.columns),
                },
            };
        case 'privilege':
            return normalisePrivilege(raw);
        case 'column': {
            const type = str(raw.type);
            return {
                kind: 'column',
                path: [schema, String(raw.table), name],
                attrs: {
                    type,
                    not_null: bool(raw.not_null),
                    default: normaliseDefault(str(raw.default), type),
                    generated: str(raw.generated),
                    generated_kind: raw.generated_kind === 's' ? 'stored' : raw.generated_kind === 'v' ? 'virtual' : null,
                    identity: raw.identity === 'a' ? 'always' : raw.identity === 'd' ? 'by default' : null,
                    collation: str(raw.collation),
                    comment: str(raw.comment),
                    statistics: raw.statistics === null || raw.statistics === undefined ? null : Number(raw.statistics),
                    storage: code(STORAGE, raw.storage),
                },
            };
        }
        case 'constraint': {
            const fk = raw.contype === 'f';
            const def = String(raw.def ?? '');
            return {
                kind: 'constraint',
                path: [schema, String(raw.table), name],
                attrs: {
                    type: code(CONTYPES, raw.contype),
                    // For a foreign key the actions are their own attributes, so a changed ON DELETE is named as such.
                    definition: fk ? str(raw.fk_key) : def.replace(/ NOT VALID$/, ''),
                    on_delete: fk ? code(ACTIONS, raw.on_delete) : null,
                    on_update: fk ? code(ACTIONS, raw.on_update) : null,
                    match: fk ? code(MATCH, raw.match) : null,
                    deferrable: bool(raw.deferrable),
                    deferred: bool(raw.deferred),
                    validated: bool(raw.validated),
                    comment: str(raw.comment),
                },
                ddl: def,
            };
        }
        case 'index': {
            const def = String(raw.def ?? '');
            const predicate = str(raw.predicate);
            const where = predicate === null ? -1 : def.lastIndexOf(' WHERE ');
            return {
                kind: 'index',
                path: [schema, name],
                attrs: {
                    table: list(raw.table).join('.'),
                    definition: where >= 0 ? def.slice(0, where) : def,
                    predicate,
                    unique: bool(raw.unique),
                    valid: bool(raw.valid),
                    comment: str(raw.comment),
                    tablespace: str(raw.tablespace),
                    clustered: bool(raw.clustered),
                },
                ddl: def,
            };
        }
        case 'view':
        case 'materialized view': {
            const options = list(raw.options);
            const option = (key) => {
                const found = options.find((o) => o.toLowerCase().startsWith(`${key}=`));
                return found === undefined ? null : found.slice(key.length + 1).toLowerCase();
            };
            const flag = (key) => {
                const v = option(key);
                return v === 'true' || v === 'on' || v === '1' || v === 'yes';
            };
            const known = ['security_invoker', 'security_barrier', 'check_option'];
            return {
                kind: raw.t,
                path: [schema, name],
                attrs: {
                    definition: normaliseViewDefinition(str(raw.def)),
                    security_invoker: flag('security_invoker'),
                    security_barrier: flag('security_barrier'),
                    check_option: option('check_option'),
                    options: options.filter((o) => !known.some((k) => o.toLowerCase().startsWith(`${k}=`))).sort(),
                    comment: str(raw.comment),
                    owner: str(raw.owner),
                    ...(raw.t === 'materialized view' ? { tablespace: str(raw.tablespace) } : {}),
                },
                ddl: str(raw.def) ?? undefined,
            };
        }
        case 'function': {
            const args = String(raw.args ?? '');
            return {
                kind: 'function',
                path: [schema, `${name}(${args})`],
                attrs: {
                    kind: code(PROKIND, raw.prokind),
                    result: str(raw.result),
                    language: str(raw.language),
                    volatility: code(VOLATILITY, raw.volatility),
                    security_definer: bool(raw.security_definer),
                    strict: bool(raw.strict),
                    leakproof: bool(raw.leakproof),
                    parallel: code(PARALLEL, raw.parallel),
                    config: list(raw.config).sort(),
                    body_sha256: str(raw.body_sha256),
                    comment: str(raw.comment),
                    owner: str(raw.owner),
                },
                ddl: str(raw.ddl) ?? undefined,
            };
        }
        case 'trigger':
            return {
                kind: 'trigger',
                path: [schema, String(raw.table), name],
                attrs: {
                    definition: str(raw.def),
                    enabled: code(TRIGGER_ENABLED, raw.enabled),
                    comment: str(raw.comment),
                },
                ddl: str(raw.def) ?? undefined,
            };
        case 'rule':
            return {
                kind: 'rule',
                path: [schema, String(raw.table), name],
                attrs: {
                    definition: str(raw.def),
                    enabled: code(RULE_ENABLED, raw.enabled),
                    comment: str(raw.comment),
                },
                ddl: str(raw.def) ?? undefined,
            };
        case 'policy':
            return {
                kind: 'policy',
                path: [schema, String(raw.table), name],
                attrs: {
                    command: code(POLICY_COMMAND, raw.command),
                    permissive: bool(raw.permissive),
                    roles: list(raw.roles).sort(),
                    using: str(raw.using),
                    with_check: str(raw.with_check),
                },
            };
        default:
            return null;
    }
}
const ALL_FOR = {
    table: ALL_TABLE_PRIVILEGES,
    sequence: ALL_SEQUENCE_PRIVILEGES,
    'default tables': ALL_TABLE_PRIVILEGES,
    'default sequences': ALL_SEQUENCE_PRIVILEGES,
};
/** A table or sequence grantee holding every privilege the server has is spelled ALL (see ALL_TABLE_PRIVILEGES). */
function privilegeList(objectType, values) {
    const set = list(values).sort();
    const all = ALL_FOR[objectType];
    return all && set.length > 0 && all.every((p) => set.includes(p)) ? ['ALL'] : set;
}
/** One grantee's privileges on one object, where they differ from the object's default (see the privileges query). */
function normalisePrivilege(raw) {
    const objectType = String(raw.object_type ?? '');
    const schema = String(raw.schema ?? '');
    const name = str(raw.name);
    const grantee = String(raw.grantee ?? '');
    const attrs = {
        privileges: privilegeList(objectType, raw.privileges),
        grantable: privilegeList(objectType, raw.grantable),
    };
    const ddl = privilegeList(objectType, raw.defaults).join(', ');
    if (objectType === 'table' || objectType === 'sequence') {
        return {
            kind: 'privilege',
            path: [schema, name ?? '', grantee],
            attrs: { object_type: objectType, ...attrs },
            ddl,
        };
    }
    if (objectType === 'column') {
        return { kind: 'column privilege', path: [schema, name ?? '', String(raw.sub ?? ''), grantee], attrs, ddl };
    }
    if (objectType === 'function' || objectType === 'procedure') {
        return {
            kind: 'function privilege',
            path: [schema, name ?? '', grantee],
            attrs: { object_type: objectType, ...attrs },
            ddl,
        };
    }
    if (objectType === 'schema')
        return { kind: 'schema privilege', path: [schema, grantee], attrs, ddl };
    if (objectType === 'type')
        return { kind: 'type privilege', path: [schema, name ?? '', grantee], attrs, ddl };
    if (objectType.startsWith('default ')) {
        // [role, schema ('' for all schemas), objects, grantee]
        return { kind: 'default privilege', path: [name ?? '', schema, objectType.slice(8), grantee], attrs, ddl };
    }
    // Fail closed: a privilege we cannot place must not vanish from the snapshot.
    throw new Error(`Could not take a catalog snapshot (privileges): unknown object type "${objectType}"`);
}
/** A literal default cast to the column's own type (`'x'::text` on a text column) is just the literal. */
function normaliseDefault(value, columnType) {
    if (value === null)
        return null;
    const match = /^('(?:[^']|'')*')::(.+)$/s.exec(value);
    if (!match || columnType === null)
        return value;
    const cast = stripTypmod(match[2] ?? '');
    return cast === stripTypmod(columnType) ? (match[1] ?? value) : value;
}
function stripTypmod(type) {
    return type.replace(/\(\d+(?:,\s*\d+)?\)/g, '').trim();
}
const IDENT = '(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)';
const SINGLE_FROM = new RegExp(`\\bFROM (?:${IDENT}\\.)?(${IDENT})(?: (?:AS )?(${IDENT}))?(?=$| WHERE| GROUP| ORDER| LIMIT| HAVING| WINDOW| OFFSET| FETCH| FOR|\\))`);
/**
 * Whitespace in a stored view definition is layout, not meaning. PostgreSQL 16 stopped qualifying columns when a
 * query reads one relation (`SELECT id FROM public.t` where 15 wrote `SELECT t.id ...`), so for a view over a
 * single relation the redundant qualifier is dropped whatever the version.
 */
function normaliseViewDefinition(def) {
    if (def === null)
        return null;
    const flat = def
        .replace(/\s+/g, ' ')
        .replace(/\s*;\s*$/, '')
        .trim();
    if ((flat.match(/\bFROM\b/g) ?? []).length !== 1 || /\bJOIN\b|\bSELECT\b.*\bSELECT\b/.test(flat))
        return flat;
    const from = SINGLE_FROM.exec(flat);
    if (!from)
        return flat;
    const qualifier = from[2] ?? from[1] ?? '';
    const escaped = qualifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return flat.replace(new RegExp(`(?<![\\w."$])${escaped}\\.(?=[a-z_"])`, 'g'), '');
}

;// CONCATENATED MODULE: ./lib/catalog/queries.js
// Introspection queries: only SELECTs against the system catalogs, one per group of object kinds. Each section's
// inner query yields o: one object as a positional JSON array. wrapSection() turns it into a query answering one
// chunk of the section's objects as a single json_agg row, cut so that no response exceeds the size budget.
/**
 * Keeps pg_get_*def output schema-qualified whatever the session's search_path (the Lambda's is unknown). As an
 * uncorrelated subquery it runs once, before the first row is read; set per row it cost a third of the snapshot.
 */
const PIN = "(SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)) IS NOT NULL";
const USER_SCHEMA = (ns) => `${ns}.nspname NOT IN ('pg_catalog', 'information_schema') AND ${ns}.nspname NOT LIKE 'pg\\_toast%' AND ${ns}.nspname NOT LIKE 'pg\\_temp\\_%'`;
/** Extension members are the extension's business, not the migrations'. */
const NOT_EXTENSION_MEMBER = (catalog, oid) => `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;
/** Builds `json_build_array(type, v1, v2, ...)` and the field names it stands for, from (name, SQL) pairs. */
function positional(type, pairs) {
    return {
        sql: `json_build_array('${type}', ${pairs.map(([, e]) => e).join(', ')})`,
        names: pairs.map(([n]) => n),
    };
}
/** A comment, read by a LEFT JOIN on pg_description (a per-row obj_description call costs an index probe each). */
const DESCRIPTION = (alias, catalog, oid, sub = '0') => `LEFT JOIN pg_description ${alias} ON ${alias}.objoid = ${oid} AND ${alias}.classoid = '${catalog}'::regclass AND ${alias}.objsubid = ${sub}`;
const TABLE = positional('table', [
    ['schema', 'n.nspname'],
    ['name', 'c.relname'],
    ['relkind', 'c.relkind'],
    ['partition_key', "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END"],
    [
        'partition_of',
        `(SELECT json_build_array(pn.nspname, pc.relname) FROM pg_inherits i
                          JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                          WHERE i.inhrelid = c.oid AND c.relispartition)`,
    ],
    ['partition_bound', 'CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END'],
    ['rls_enabled', 'c.relrowsecurity'],
    ['rls_forced', 'c.relforcerowsecurity'],
    ['unlogged', "c.relpersistence = 'u'"],
    ['options', 'c.reloptions'],
    ['comment', 'd.description'],
    ['owner', 'pg_get_userbyid(c.relowner)'],
    [
        'tablespace',
        'CASE WHEN c.reltablespace <> 0 THEN (SELECT spcname FROM pg_tablespace WHERE oid = c.reltablespace) END',
    ],
    // heap is the default everywhere (a partitioned table has no access method of its own before 17)
    ['access_method', "(SELECT amname FROM pg_am WHERE oid = c.relam AND amname <> 'heap')"],
    ['replica_identity', "nullif(c.relreplident, 'd')"],
    [
        'inherits',
        `(SELECT json_agg(format('%I.%I', pn.nspname, pc.relname) ORDER BY i.inhseqno) FROM pg_inherits i
                    JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                    WHERE i.inhrelid = c.oid AND NOT c.relispartition)`,
    ],
    [
        'columns',
        `(SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)`,
    ],
]);
const COLUMN = positional('column', [
    ['schema', 'n.nspname'],
    ['table', 'c.relname'],
    ['name', 'a.attname'],
    ['type', 'format_type(a.atttypid, a.atttypmod)'],
    ['not_null', 'a.attnotnull'],
    // A default cannot refer to a column, so it needs no relation to deparse against: ~30 ms less on 10k defaults.
    ['default', "CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END"],
    ['generated', "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END"],
    ['generated_kind', "nullif(a.attgenerated, '')"],
    ['identity', "nullif(a.attidentity, '')"],
    ['collation', "CASE WHEN co.oid IS NOT NULL THEN format('%I.%I', cn.nspname, co.collname) END"],
    ['comment', 'd.description'],
    // -1 (15, 16) and NULL (17+) both mean the default target
    ['statistics', 'nullif(a.attstattarget::int, -1)'],
    ['storage', 'CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END'],
]);
const CONSTRAINT = positional('constraint', [
    ['schema', 'n.nspname'],
    ['table', 'c.relname'],
    ['name', 'co.conname'],
    ['contype', 'co.contype'],
    ['def', 'pg_get_constraintdef(co.oid)'],
    [
        'fk_key',
        `CASE WHEN co.contype = 'f' THEN format('(%s) REFERENCES %s(%s)',
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i)
            JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n),
           (SELECT format('%I.%I', fn.nspname, fc.relname) FROM pg_class fc
            JOIN pg_namespace fn ON fn.oid = fc.relnamespace WHERE fc.oid = co.confrelid),
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i)
            JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n)) END`,
    ],
    ['on_delete', "CASE WHEN co.contype = 'f' THEN co.confdeltype END"],
    ['on_update', "CASE WHEN co.contype = 'f' THEN co.confupdtype END"],
    ['match', "CASE WHEN co.contype = 'f' THEN co.confmatchtype END"],
    ['deferrable', 'co.condeferrable'],
    ['deferred', 'co.condeferred'],
    ['validated', 'co.convalidated'],
    ['comment', 'd.description'],
]);
const INDEX = positional('index', [
    ['schema', 'n.nspname'],
    ['name', 'ic.relname'],
    ['table', 'json_build_array(tn.nspname, tc.relname)'],
    ['def', 'pg_get_indexdef(i.indexrelid)'],
    ['predicate', 'pg_get_expr(i.indpred, i.indrelid)'],
    ['unique', 'i.indisunique'],
    ['valid', 'i.indisvalid'],
    ['comment', 'd.description'],
    [
        'tablespace',
        'CASE WHEN ic.reltablespace <> 0 THEN (SELECT spcname FROM pg_tablespace WHERE oid = ic.reltablespace) END',
    ],
    ['clustered', 'i.indisclustered'],
]);
const SCHEMA = positional('schema', [
    ['name', 'n.nspname'],
    ['comment', 'd.description'],
    ['owner', 'pg_get_userbyid(n.nspowner)'],
]);
const EXTENSION = positional('extension', [
    ['name', 'x.extname'],
    ['version', 'x.extversion'],
    ['schema', 'n.nspname'],
]);
/** Enums and domains share one field list; the type is `enum` or `domain`. */
const TYPE = positional('type', [
    ['schema', 'n.nspname'],
    ['name', 't.typname'],
    ['labels', '(SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)'],
    ['base_type', "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END"],
    ['not_null', 't.typnotnull'],
    ['default', 't.typdefault'],
    [
        'collation',
        `(SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co
                       JOIN pg_namespace cn ON cn.oid = co.collnamespace JOIN pg_type bt ON bt.oid = t.typbasetype
                       WHERE co.oid = t.typcollation AND t.typcollation <> bt.typcollation)`,
    ],
    [
        'checks',
        `(SELECT json_agg(json_build_array(c.conname, pg_get_constraintdef(c.oid)) ORDER BY c.conname)
                    FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c')`,
    ],
    ['comment', 'd.description'],
    ['owner', 'pg_get_userbyid(t.typowner)'],
    [
        'attributes',
        `(SELECT json_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
                               || CASE WHEN a.attcollation <> at.typcollation
                                  THEN ' COLLATE ' || (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co
                                       JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)
                                  ELSE '' END ORDER BY a.attnum)
                       FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                       WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)`,
    ],
]);
const SEQUENCE = positional('sequence', [
    ['schema', 'n.nspname'],
    ['name', 'c.relname'],
    ['type', 'format_type(s.seqtypid, NULL)'],
    ['start', 's.seqstart::text'],
    ['increment', 's.seqincrement::text'],
    ['min', 's.seqmin::text'],
    ['max', 's.seqmax::text'],
    ['cache', 's.seqcache::text'],
    ['cycle', 's.seqcycle'],
    ['owner', 'pg_get_userbyid(c.relowner)'],
    [
        'owned_by',
        `(SELECT json_build_array(tn.nspname, tc.relname, a.attname)
                      FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid
                      JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refobjsubid > 0
                        AND d.deptype = 'a' LIMIT 1)`,
    ],
    ['comment', 'sd.description'],
]);
/** Views and materialized views share one field list. */
const VIEW = positional('view', [
    ['schema', 'n.nspname'],
    ['name', 'c.relname'],
    ['def', 'pg_get_viewdef(c.oid)'],
    ['options', 'c.reloptions'],
    ['comment', 'd.description'],
    ['owner', 'pg_get_userbyid(c.relowner)'],
    [
        'tablespace',
        'CASE WHEN c.reltablespace <> 0 THEN (SELECT spcname FROM pg_tablespace WHERE oid = c.reltablespace) END',
    ],
]);
const FUNCTION = positional('function', [
    ['schema', 'n.nspname'],
    ['name', 'p.proname'],
    ['args', 'pg_get_function_identity_arguments(p.oid)'],
    ['prokind', 'p.prokind'],
    ['result', 'pg_get_function_result(p.oid)'],
    ['language', 'l.lanname'],
    ['volatility', 'p.provolatile'],
    ['security_definer', 'p.prosecdef'],
    ['strict', 'p.proisstrict'],
    ['leakproof', 'p.proleakproof'],
    ['parallel', 'p.proparallel'],
    ['config', 'p.proconfig'],
    [
        'body_sha256',
        `encode(sha256(convert_to(btrim(replace(
           CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) ELSE p.prosrc END,
           E'\\r\\n', E'\\n'), E' \\n\\t'), 'UTF8')), 'hex')`,
    ],
    ['comment', 'd.description'],
    ['owner', 'pg_get_userbyid(p.proowner)'],
    ['ddl', "CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END"],
]);
const TRIGGER = positional('trigger', [
    ['schema', 'n.nspname'],
    ['table', 'c.relname'],
    ['name', 't.tgname'],
    ['def', 'pg_get_triggerdef(t.oid)'],
    ['enabled', 't.tgenabled'],
    ['comment', 'd.description'],
]);
const POLICY = positional('policy', [
    ['schema', 'n.nspname'],
    ['table', 'c.relname'],
    ['name', 'p.polname'],
    ['command', 'p.polcmd'],
    ['permissive', 'p.polpermissive'],
    [
        'roles',
        `(SELECT json_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r)::text END ORDER BY 1)
                   FROM unnest(p.polroles) r)`,
    ],
    ['using', 'pg_get_expr(p.polqual, p.polrelid)'],
    ['with_check', 'pg_get_expr(p.polwithcheck, p.polrelid)'],
]);
const RULE = positional('rule', [
    ['schema', 'n.nspname'],
    ['table', 'c.relname'],
    ['name', 'r.rulename'],
    ['def', 'pg_get_ruledef(r.oid)'],
    ['enabled', 'r.ev_enabled'],
    ['comment', 'd.description'],
]);
/**
 * One row per (object, grantee) whose privileges differ from what the object would have with no GRANT or REVOKE at
 * all (acldefault): so an owner's revoked rights and a function's EXECUTE revoked from PUBLIC show, while an ACL
 * that a GRANT and its REVOKE left equal to the default does not. `defaults` is that default, for the fix-up.
 */
const PRIVILEGE = positional('privilege', [
    ['object_type', 'o.object_type'],
    ['schema', 'o.schema'],
    ['name', 'o.name'],
    ['sub', 'o.sub'],
    ['grantee', 'g.grantee'],
    ['privileges', 'g.privileges'],
    ['grantable', 'g.grantable'],
    ['defaults', 'g.defaults'],
]);
/** A positional item whose type is computed per row: the SQL of `item` with its literal type replaced. */
function retyped(item, literal, typeSql) {
    return item.sql.replace(`json_build_array('${literal}', `, `json_build_array(${typeSql}, `);
}
const SECTIONS = [
    {
        name: 'namespaces',
        fields: {
            schema: SCHEMA.names,
            extension: EXTENSION.names,
            enum: TYPE.names,
            domain: TYPE.names,
            'composite type': TYPE.names,
            sequence: SEQUENCE.names,
        },
        inner: `
SELECT ${SCHEMA.sql} AS o
FROM pg_namespace n ${DESCRIPTION('d', 'pg_namespace', 'n.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')}
UNION ALL
SELECT ${EXTENSION.sql}
FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
UNION ALL
SELECT ${retyped(TYPE, 'type', "CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'composite type' END")}
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace ${DESCRIPTION('d', 'pg_type', 't.oid')}
WHERE ${PIN} AND (t.typtype IN ('e', 'd')
       -- a stand-alone composite type (a table's row type is the table's)
       OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))
  AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
UNION ALL
SELECT ${SEQUENCE.sql}
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('sd', 'pg_class', 'c.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
  -- identity sequences belong to their column (its identity attribute)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.deptype = 'i')`,
    },
    {
        name: 'tables',
        fields: { table: TABLE.names },
        inner: `
SELECT ${TABLE.sql} AS o
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ${DESCRIPTION('d', 'pg_class', 'c.oid')}
WHERE ${PIN} AND c.relkind IN ('r', 'p', 'f') AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
    },
    {
        name: 'columns',
        fields: { column: COLUMN.names },
        inner: `
SELECT ${COLUMN.sql} AS o
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
-- a collation is reported only where it differs from the type's own
LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
${DESCRIPTION('d', 'pg_class', 'a.attrelid', 'a.attnum')}
WHERE ${PIN} AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f')
  AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
    },
    {
        name: 'constraints',
        fields: { constraint: CONSTRAINT.names },
        inner: `
SELECT ${CONSTRAINT.sql} AS o
FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('d', 'pg_constraint', 'co.oid')}
-- PostgreSQL 18 also records NOT NULL as constraints (contype n); nullability is the column's not_null
WHERE ${PIN} AND co.contype IN ('p', 'u', 'f', 'c', 'x') AND ${USER_SCHEMA('n')}
  AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
    },
    {
        name: 'indexes',
        fields: { index: INDEX.names },
        inner: `
SELECT ${INDEX.sql} AS o
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
${DESCRIPTION('d', 'pg_class', 'ic.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'ic.oid')}
  -- the index behind a primary key, unique or exclusion constraint is reported as that constraint
  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid
                  AND co.contype IN ('p', 'u', 'x'))`,
    },
    {
        name: 'views',
        fields: { view: VIEW.names, 'materialized view': VIEW.names },
        inner: `
SELECT ${retyped(VIEW, 'view', "CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END")} AS o
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ${DESCRIPTION('d', 'pg_class', 'c.oid')}
WHERE ${PIN} AND c.relkind IN ('v', 'm') AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
    },
    {
        name: 'functions',
        fields: { function: FUNCTION.names },
        inner: `
SELECT ${FUNCTION.sql} AS o
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
${DESCRIPTION('d', 'pg_proc', 'p.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}`,
    },
    {
        name: 'triggers, rules and policies',
        fields: { trigger: TRIGGER.names, rule: RULE.names, policy: POLICY.names },
        inner: `
SELECT ${TRIGGER.sql} AS o
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('d', 'pg_trigger', 't.oid')}
WHERE ${PIN} AND NOT t.tgisinternal AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
UNION ALL
SELECT ${RULE.sql}
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('d', 'pg_rewrite', 'r.oid')}
-- _RETURN is the rule that makes a view a view: the view's definition
WHERE ${PIN} AND r.rulename <> '_RETURN' AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
UNION ALL
SELECT ${POLICY.sql}
FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${PIN} AND ${USER_SCHEMA('n')}`,
    },
    {
        name: 'privileges',
        fields: { privilege: PRIVILEGE.names },
        inner: `
WITH acl AS (
  SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END AS object_type, n.nspname AS schema,
         c.relname AS name, NULL::text AS sub, c.relowner AS owner, c.relacl AS acl,
         CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char" AS default_type
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${USER_SCHEMA('n')}
    AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
  UNION ALL
  SELECT 'column', n.nspname, c.relname, a.attname, c.relowner, a.attacl, 'c'
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND ${USER_SCHEMA('n')}
    AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname,
         p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, p.proowner, p.proacl, 'f'
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE ${PIN} AND p.proacl IS NOT NULL AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
  UNION ALL
  SELECT 'schema', n.nspname, NULL, NULL, n.nspowner, n.nspacl, 'n'
  FROM pg_namespace n
  WHERE n.nspacl IS NOT NULL AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')}
  UNION ALL
  SELECT 'type', n.nspname, t.typname, NULL, t.typowner, t.typacl, 'T'
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typacl IS NOT NULL AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
  UNION ALL
  -- default privileges: schema '' for the role's global entry, which replaces the built-in default (so is compared
  -- with it); an entry for one schema adds to it (so is compared with nothing)
  -- an object class a later major adds is kept under its code letter, never dropped
  SELECT 'default ' || CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                                             WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' WHEN 'L' THEN 'large objects'
                                             ELSE da.defaclobjtype::text END,
         coalesce(n.nspname, ''), pg_get_userbyid(da.defaclrole), NULL, da.defaclrole, da.defaclacl,
         CASE WHEN da.defaclnamespace = 0 THEN CASE da.defaclobjtype WHEN 'S' THEN 's' ELSE da.defaclobjtype END END
  FROM pg_default_acl da LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
)
SELECT ${PRIVILEGE.sql} AS o
FROM acl o CROSS JOIN LATERAL (
  SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END AS grantee,
         coalesce(json_agg(DISTINCT x.privilege_type) FILTER (WHERE x.side = 'a'), '[]') AS privileges,
         coalesce(json_agg(DISTINCT x.privilege_type) FILTER (WHERE x.side = 'a' AND x.is_grantable), '[]') AS grantable,
         coalesce(json_agg(DISTINCT x.privilege_type) FILTER (WHERE x.side = 'd'), '[]') AS defaults
  FROM (SELECT 'a' AS side, e.grantee, e.privilege_type, e.is_grantable FROM aclexplode(o.acl) e
        UNION ALL
        SELECT 'd', e.grantee, e.privilege_type, e.is_grantable
        FROM aclexplode(CASE WHEN o.default_type IS NOT NULL THEN acldefault(o.default_type, o.owner) END) e) x
  GROUP BY x.grantee
  HAVING array_agg(DISTINCT x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END) FILTER (WHERE x.side = 'a')
         IS DISTINCT FROM
         array_agg(DISTINCT x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END) FILTER (WHERE x.side = 'd')
) g
WHERE ${PIN}`,
    },
];
/**
 * One chunk of a section: $1 the chunk size in bytes, $2 the chunk number. Answers one row: the number of chunks,
 * the server version and this chunk's objects as the text of a JSON array. Chunks follow the running size of the
 * objects in the order of their text, so a chunk holds at most $1 bytes plus one object. A section that fits in one
 * chunk (the usual case) skips the ordering: the snapshot sorts its objects itself.
 */
function wrapSection(section) {
    // Null attributes are left out of object items (normalisation reads a missing key as null): about half the bytes.
    const text = section.fields ? 'o::text' : 'json_strip_nulls(o)::text';
    // Each item is rendered to text once; its size and the response are both taken from that text. Chunks are cut in
    // the order of that text: a total order (equal texts are equal objects, so their order cannot change a chunk), and
    // unlike a separate sort key it costs nothing when the section fits in one chunk.
    return `WITH items AS MATERIALIZED (SELECT ${text} AS o FROM (${section.inner}
) AS section),
total AS (SELECT coalesce(sum(octet_length(o)), 0) <= $1::bigint AS single FROM items),
chunked AS (
  SELECT o, ((sum(octet_length(o)) OVER (ORDER BY o COLLATE "C" ROWS UNBOUNDED PRECEDING) - 1) / $1::bigint)::int
           AS chunk
  FROM items
)
SELECT CASE WHEN (SELECT single FROM total) THEN 1
            ELSE (SELECT coalesce(max(chunk), 0) + 1 FROM chunked) END AS chunks,
       current_setting('server_version_num') AS server_version_num,
       CASE WHEN (SELECT single FROM total) THEN (SELECT '[' || string_agg(o, ',') || ']' FROM items)
            ELSE (SELECT '[' || string_agg(o, ',' ORDER BY o COLLATE "C") || ']' FROM chunked WHERE chunk = $2::int)
       END AS items`;
}

;// CONCATENATED MODULE: ./lib/catalog/snapshot.js





const DEFAULT_RESPONSE_BUDGET = 4 * 1024 * 1024;
// Chunks are cut on the objects' JSON size in the database; the response that carries them adds row framing and
// may escape the JSON once more (a Lambda answering {"body": "..."}), so chunks aim well under the budget.
const CHUNK_SHARE = 0.75;
// A row without these (or with another type) is an answer we cannot read, not an empty section.
const CHUNK_COLUMNS = { chunks: 'integer', server_version_num: 'integer', items: 'json?' };
/** Reads the catalog through `executor` into a deterministic Snapshot. */
async function takeSnapshot(executor, options = {}) {
    const budget = options.responseBudgetBytes ?? DEFAULT_RESPONSE_BUDGET;
    if (!Number.isInteger(budget) || budget < 1024) {
        throw new Error(`Could not take a catalog snapshot: response budget ${budget} is not a whole number >= 1024`);
    }
    const chunkBytes = Math.max(512, Math.floor(budget * CHUNK_SHARE));
    let queries = 0;
    let largest = 0;
    let total = 0;
    let serverVersion = 0;
    const raw = [];
    const ask = async (section, chunk) => {
        try {
            const rows = await executor.query(wrapSection(section), [chunkBytes, chunk]);
            return (0,row_shape/* checkRows */.U)(rows, CHUNK_COLUMNS, 'the answer');
        }
        catch (error) {
            throw new Error(`Could not take a catalog snapshot (${section.name}, chunk ${chunk + 1}) on ${executor.describe()}: ${error.message}`);
        }
    };
    // Every section's first chunk is asked for at once: the executor runs them one after another, so the database
    // works on the next section while this process parses the previous one.
    const firsts = SECTIONS.map((section) => {
        const pending = ask(section, 0);
        pending.catch(() => { });
        return pending;
    });
    for (const [index, section] of SECTIONS.entries()) {
        let chunks = 1;
        for (let chunk = 0; chunk < chunks; chunk++) {
            const rows = chunk === 0 ? await firsts[index] : await ask(section, chunk);
            queries++;
            const size = responseBytes(rows);
            largest = Math.max(largest, size);
            total += size;
            const row = rows[0];
            if (!row)
                throw new Error(`Could not take a catalog snapshot (${section.name}): the query returned no row`);
            const count = Number(row.chunks);
            if (chunk === 0)
                chunks = Number.isInteger(count) && count > 0 ? count : 1;
            serverVersion = Number(row.server_version_num) || serverVersion;
            const items = typeof row.items === 'string' ? JSON.parse(row.items) : row.items;
            if (items !== null && items !== undefined && !Array.isArray(items)) {
                throw new Error(`Could not take a catalog snapshot (${section.name}): items is not a JSON array`);
            }
            for (const item of items ?? [])
                raw.push(section.fields ? fromPositional(item, section) : item);
        }
    }
    const objects = filterObjects(raw.map(normaliseItem).filter((o) => o !== null), options);
    return buildSnapshot(objects, serverVersion, {
        queries,
        largest_response_bytes: largest,
        total_response_bytes: total,
        response_budget_bytes: budget,
    });
}
/**
 * The size of the rows as JSON, the response measure, without writing the items text out again escaped: re-encoding
 * megabytes of it only to count them was a tenth of the client's time. Equal to Buffer.byteLength(JSON.stringify(rows)).
 */
function responseBytes(rows) {
    const row = rows[0];
    if (rows.length !== 1 || !row || typeof row.items !== 'string')
        return Buffer.byteLength(JSON.stringify(rows));
    const escaped = jsonStringBytes(row.items);
    if (escaped === undefined)
        return Buffer.byteLength(JSON.stringify(rows));
    // The row with empty items, keys in the same order, plus what the items text adds inside its quotes.
    return Buffer.byteLength(JSON.stringify([{ ...row, items: '' }])) + escaped - 2;
}
// Characters JSON.stringify escapes other than '"' and '\\': controls (\n, \u0001) and surrogates (lone ones as \udxxx).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const SPECIAL = /[\u0000-\u001f\ud800-\udfff]/;
/** UTF-8 bytes of JSON.stringify(text), quotes included; undefined for text holding controls or surrogates. */
function jsonStringBytes(text) {
    if (SPECIAL.test(text))
        return undefined;
    let escapes = 0;
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1))
        escapes++;
    for (let i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1))
        escapes++;
    return Buffer.byteLength(text) + escapes + 2;
}
/** A positional item [type, ...values] → the keyed record normalisation reads. */
function fromPositional(item, section) {
    if (!Array.isArray(item))
        return item;
    const names = section.fields?.[String(item[0])];
    if (!names)
        throw new Error(`Could not take a catalog snapshot (${section.name}): unknown item type "${item[0]}"`);
    const record = { t: item[0] };
    for (let i = 0; i < names.length; i++)
        record[names[i]] = item[i + 1];
    return record;
}
/** Sorts objects and computes the fingerprint; the one way a Snapshot value is made. */
function buildSnapshot(objects, serverVersionNum, stats) {
    const sorted = sortObjects(objects);
    return {
        format: 'schema-drift-snapshot',
        format_version: 1,
        fingerprint: snapshotFingerprint({ objects: sorted }),
        server_version_num: serverVersionNum,
        stats,
        objects: sorted,
    };
}
/** The snapshot as JSON text in pieces, one catalog object per line: a 40,000-object snapshot never becomes one
 *  giant string (peak memory), and two snapshot files diff line by line. */
function* snapshotJsonLines(snapshot) {
    const { objects, ...header } = snapshot;
    const head = JSON.stringify(header, null, 2);
    yield `${head.slice(0, -2)},\n  "objects": [\n`;
    for (let i = 0; i < objects.length; i++) {
        yield `    ${JSON.stringify(objects[i])}${i + 1 < objects.length ? ',' : ''}\n`;
    }
    yield '  ]\n}\n';
}
/** The snapshot as one JSON text (see snapshotJsonLines). */
function snapshotJson(snapshot) {
    return [...snapshotJsonLines(snapshot)].join('');
}
function sortObjects(objects) {
    const rank = new Map(model/* OBJECT_KINDS */.cg.map((k, i) => [k, i]));
    const byKey = new Map();
    for (const o of objects)
        byKey.set((0,model/* objectKey */.T5)(o), o);
    const keyed = [];
    for (const [key, o] of byKey)
        keyed.push({ o, key, rank: rank.get(o.kind) ?? 99, plain: plainPath(o.path) });
    keyed.sort((a, b) => a.rank - b.rank || comparePaths(a, b));
    return keyed.map((k) => k.o);
}
// Paths sort as their JSON texts do. JSON.stringify escapes '"', '\\', controls and lone surrogates, and ends each
// string with '"'; strings free of those and of ' ' and '!' (which sort below '"') order exactly like their JSON.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const NOT_PLAIN = /[\u0000-\u0022\\\ud800-\udfff]/;
function plainPath(path) {
    if (!Array.isArray(path))
        return false;
    for (const element of path)
        if (typeof element !== 'string' || NOT_PLAIN.test(element))
            return false;
    return true;
}
/**
 * Compares two objects' paths as JSON.stringify(path) texts compare, without writing 40,000 JSON texts. For plain
 * paths of one kind and length the object keys compare alike: an element that is a prefix of the other is followed by NUL or
 * ends the key, both below any plain character, as its closing '"' is in JSON.
 */
function comparePaths(a, b) {
    if (a.plain && b.plain && a.o.kind === b.o.kind && a.o.path.length === b.o.path.length) {
        return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    }
    const x = JSON.stringify(a.o.path);
    const y = JSON.stringify(b.o.path);
    return x < y ? -1 : x > y ? 1 : 0;
}
/** Glob with `*` and `?`, whole-string, case-sensitive. */
function globMatches(pattern, text) {
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 's').test(text);
}
function filterObjects(objects, options) {
    const include = options.includeSchemas ?? [];
    const exclude = options.excludeSchemas ?? [];
    const excludeObjects = options.excludeObjects ?? [];
    if (!include.length && !exclude.length && !excludeObjects.length)
        return objects;
    return objects.filter((o) => {
        // Extensions live in a schema but are not owned by it; schema patterns apply to everything else.
        if (o.kind !== 'extension') {
            const schema = o.path[0] ?? '';
            if (include.length && !include.some((p) => globMatches(p, schema)))
                return false;
            if (exclude.some((p) => globMatches(p, schema)))
                return false;
        }
        const dotted = o.path.join('.');
        return !excludeObjects.some((p) => globMatches(p, dotted) || globMatches(p, o.path.slice(0, 2).join('.')));
    });
}
/** Reads a snapshot written by `schema-drift snapshot`, checking its shape and recomputing the fingerprint. */
function parseSnapshot(text, source) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`Could not read snapshot "${source}": not JSON (${error.message})`);
    }
    const s = value;
    if (s?.format !== 'schema-drift-snapshot' || s.format_version !== 1 || !Array.isArray(s.objects)) {
        throw new Error(`Could not read snapshot "${source}": not a schema-drift snapshot (format_version 1)`);
    }
    for (const [i, o] of s.objects.entries()) {
        if (!o || typeof o.kind !== 'string' || !Array.isArray(o.path) || typeof o.attrs !== 'object' || !o.attrs) {
            throw new Error(`Could not read snapshot "${source}": object ${i} has no kind, path or attrs`);
        }
        if (!model/* OBJECT_KINDS */.cg.includes(o.kind)) {
            throw new Error(`Could not read snapshot "${source}": object ${i} has unknown kind "${String(o.kind)}"`);
        }
    }
    const stats = s.stats ?? { queries: 0, largest_response_bytes: 0, total_response_bytes: 0, response_budget_bytes: 0 };
    return buildSnapshot(s.objects, Number(s.server_version_num) || 0, stats);
}


/***/ }),

/***/ 1662:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EG: () => (/* binding */ validateBucketName),
/* harmony export */   iG: () => (/* binding */ normalizePrefix),
/* harmony export */   lS: () => (/* binding */ validateTopicArn)
/* harmony export */ });
// Names AWS gives meaning to (bucket, key prefix, topic ARN), checked before anything is sent. parseConfig checks
// the inputs with these; the adapters check again, so a caller that skips parseConfig cannot send a bad one.
const defaultPrefix = 'schema-drift/';
/** Checks an S3 bucket name against S3's naming rules, naming the bad value. */
function validateBucketName(bucket) {
    const problem = bucket.length < 3 || bucket.length > 63
        ? 'must be 3-63 characters'
        : !/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket)
            ? "may hold only lower-case letters, digits, '.' and '-', starting and ending with a letter or digit"
            : bucket.includes('..')
                ? "must not contain '..'"
                : /^\d+\.\d+\.\d+\.\d+$/.test(bucket)
                    ? 'must not look like an IP address'
                    : null;
    if (problem)
        throw new Error(`Invalid s3-bucket "${bucket}": a bucket name ${problem}`);
    return bucket;
}
/** Normalises s3-prefix: '' is the bucket root, a missing trailing '/' is added, a leading '/' is refused. */
function normalizePrefix(prefix) {
    if (prefix === undefined)
        return defaultPrefix;
    if (prefix === '')
        return '';
    if (prefix.startsWith('/')) {
        throw new Error(`Invalid s3-prefix "${prefix}": must not start with '/' (S3 keys have no leading slash)`);
    }
    if (/[\p{Cc}\\]/u.test(prefix)) {
        throw new Error(`Invalid s3-prefix ${JSON.stringify(prefix)}: control characters and '\\' are not allowed`);
    }
    const normalized = prefix.endsWith('/') ? prefix : `${prefix}/`;
    if (normalized
        .split('/')
        .slice(0, -1)
        .some((segment) => segment === '' || segment === '.' || segment === '..')) {
        throw new Error(`Invalid s3-prefix "${prefix}": empty, '.' and '..' path segments are not allowed`);
    }
    return normalized;
}
const topicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
/** Checks an SNS topic ARN (input sns-topic-arn), naming the bad value. */
function validateTopicArn(topicArn) {
    if (!topicArnPattern.test(topicArn)) {
        throw new Error(`Invalid sns-topic-arn: "${topicArn}" is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)`);
    }
    return topicArn;
}


/***/ }),

/***/ 937:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ checkRows)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6762);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2176);
// The columns a query must answer with. A row that lacks one, or holds a value of another type, means the answer
// is not what we asked for (a Lambda that renamed or dropped a column, a proxy that stringified it): reading on
// would drop that row or read it as empty, which could turn an unreadable table into "no versions" or "no objects".


/** The rows as asked for; throws naming the row, the column and what was found instead. */
function checkRows(rows, columns, what) {
    rows.forEach((row, index) => {
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
            throw new Error(`${what}: row ${index} is ${shapeOf(row)}, not a row keyed by column name`);
        }
        const record = row;
        for (const [column, spec] of Object.entries(columns)) {
            const nullable = spec.endsWith('?');
            const kind = (nullable ? spec.slice(0, -1) : spec);
            if (!Object.hasOwn(record, column)) {
                const has = Object.keys(record)
                    .slice(0, 10)
                    .map((k) => (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteRemote */ .Pj)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(k), 64));
                throw new Error(`${what}: row ${index} has no column "${column}" (it has: ${has.join(', ') || 'no columns'}); the answer is not the query's`);
            }
            const value = record[column];
            if (value === null) {
                if (nullable)
                    continue;
                throw new Error(`${what}: row ${index} column "${column}" is null, expected ${kind}`);
            }
            if (!fits(kind, value)) {
                throw new Error(`${what}: row ${index} column "${column}" is ${shapeOf(value)}, expected ${kind}`);
            }
        }
    });
    return rows;
}
function fits(kind, value) {
    switch (kind) {
        case 'text':
            return typeof value === 'string';
        case 'integer':
            return ((typeof value === 'number' && Number.isInteger(value)) ||
                typeof value === 'bigint' ||
                (typeof value === 'string' && /^-?\d+$/.test(value)));
        case 'json':
            return value !== undefined;
    }
}
function shapeOf(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'missing';
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return `the text ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteRemote */ .Pj)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(JSON.stringify(value)), 80)}`;
    return `the ${typeof value} ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteRemote */ .Pj)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(value)), 80)}`;
}


/***/ }),

/***/ 7507:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ isDate),
/* harmony export */   Kq: () => (/* binding */ applyIgnoreRules),
/* harmony export */   R0: () => (/* binding */ parseIgnoreRules),
/* harmony export */   d_: () => (/* binding */ scalar),
/* harmony export */   eJ: () => (/* binding */ stripComment),
/* harmony export */   lF: () => (/* binding */ applyFindingRules),
/* harmony export */   wj: () => (/* binding */ parseFindingRules),
/* harmony export */   z2: () => (/* binding */ asWaived)
/* harmony export */ });
/* harmony import */ var _catalog_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6414);
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8649);
// Ignore rules from `.schema-drift.yml` (or the same content as JSON). No YAML library ships with the action, so
// the file is read in a documented subset of YAML:
//
//   # comments and blank lines are ignored
//   ignore:
//     - object: public.audit_log*      # glob (* and ?) on the dotted raw name; required
//       kind: index                    # one object kind, or * (default *)
//       attribute: comment             # optional: only differences in this attribute
//       reason: "DBA-managed index"    # required: why this drift is accepted
//       expires: 2026-06-30            # optional YYYY-MM-DD: the rule applies through this day
//
//   # a migration file whose error finding is accepted: the only way past a finding that would make the verdict error
//     - file: migrations/versions/0042_*.py   # glob (* and ?) on the repository-relative path; required
//       finding: unparseable-revision-file     # one finding kind, or * (default *)
//       reason: "generated by our vendored tool, checked by hand"   # required
//       expires: 2026-06-30                    # optional, as above
//
// Values are plain scalars or quoted ("..." with \" \\ \n escapes, or '...' with '' for a quote). Anything else —
// nested maps, flow collections, anchors, multi-line scalars — is refused with its line number. A file starting
// with `{` is read as JSON: {"ignore": [{"object": ..., "kind": ..., "reason": ..., "expires": ...}]}.


const FIELDS = new Set(['object', 'kind', 'attribute', 'reason', 'expires', 'file', 'finding']);
const FINDING_RULE_FIELDS = new Set(['file', 'finding', 'reason', 'expires']);
/** Structure rules (`object:`) of `.schema-drift.yml` (subset above) or its JSON form; throws naming file and line. */
function parseIgnoreRules(text, file) {
    return parseRules(text, file).filter((r) => 'object' in r);
}
/** Finding rules (`file:`) of the same file. */
function parseFindingRules(text, file) {
    return parseRules(text, file).filter((r) => 'finding' in r);
}
function parseRules(text, file) {
    const fail = (line, message) => {
        throw new Error(`Could not read ignore rules "${file}"${line ? ` line ${line}` : ''}: ${message}`);
    };
    const entries = [];
    if (text.trimStart().startsWith('{')) {
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            return fail(undefined, `not valid JSON (${error.message})`);
        }
        const list = value.ignore ?? [];
        if (!Array.isArray(list))
            return fail(undefined, '"ignore" is not a list');
        list.forEach((item, i) => {
            if (!item || typeof item !== 'object' || Array.isArray(item))
                fail(undefined, `ignore[${i}] is not an object`);
            const fields = {};
            for (const [k, v] of Object.entries(item)) {
                if (typeof v !== 'string')
                    fail(undefined, `ignore[${i}].${k} is not a string`);
                fields[k] = v;
            }
            entries.push({ fields, line: 0 });
        });
    }
    else {
        let inIgnore = false;
        let inLint = false;
        let current;
        let itemIndent = -1;
        for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
            const line = index + 1;
            const content = stripComment(rawLine, line, fail).trimEnd();
            if (content.trim() === '')
                continue;
            const indent = content.length - content.trimStart().length;
            const body = content.trim();
            if (indent === 0) {
                const top = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(body);
                if (!top)
                    fail(line, `expected "key:" at the top level, found ${JSON.stringify(body)}`);
                inIgnore = top[1] === 'ignore';
                // The `lint:` block belongs to src/lint/config.ts, which reads it with its own parser.
                inLint = top[1] === 'lint';
                if (inIgnore && top[2] !== '' && top[2] !== '[]')
                    fail(line, '"ignore:" must be followed by a list of "- " items');
                if (!inIgnore && !inLint)
                    fail(line, `unknown top-level key "${top[1]}" (only "ignore" and "lint" are read)`);
                current = undefined;
                continue;
            }
            if (inLint)
                continue;
            if (!inIgnore)
                fail(line, 'indented line outside "ignore:"');
            let rest = body;
            if (body.startsWith('- ') || body === '-') {
                current = { fields: {}, line };
                entries.push(current);
                itemIndent = indent + 2;
                rest = body.slice(1).trim();
                if (rest === '')
                    continue;
            }
            else if (!current || indent !== itemIndent) {
                fail(line, 'expected "- key: value" or a key aligned with the item above');
            }
            const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(rest);
            if (!pair || !current)
                fail(line, `expected "key: value", found ${JSON.stringify(rest)}`);
            const key = pair[1] ?? '';
            if (key in current.fields)
                fail(line, `"${key}" given twice`);
            current.fields[key] = scalar(pair[2] ?? '', line, fail);
        }
    }
    return entries.map(({ fields, line }, i) => {
        const where = line || undefined;
        const label = line ? '' : `ignore[${i}]: `;
        for (const key of Object.keys(fields)) {
            if (!FIELDS.has(key))
                fail(where, `${label}unknown field "${key}" (expected ${[...FIELDS].join(', ')})`);
        }
        if (fields.file !== undefined)
            return findingRule(fields, file, line, (m) => fail(where, `${label}${m}`));
        if (!fields.object)
            fail(where, `${label}"object" is required (a structure rule), or "file" for a migration file rule`);
        if (!fields.reason)
            fail(where, `${label}"reason" is required: say why this drift is accepted`);
        const kind = fields.kind ?? '*';
        if (kind !== '*' && !_catalog_model_js__WEBPACK_IMPORTED_MODULE_1__/* .OBJECT_KINDS */ .cg.includes(kind)) {
            fail(where, `${label}unknown kind "${kind}" (expected * or one of ${_catalog_model_js__WEBPACK_IMPORTED_MODULE_1__/* .OBJECT_KINDS */ .cg.join(', ')})`);
        }
        if (fields.expires !== undefined && !isDate(fields.expires)) {
            fail(where, `${label}expires "${fields.expires}" is not a date YYYY-MM-DD`);
        }
        return {
            object: fields.object ?? '',
            kind,
            ...(fields.attribute ? { attribute: fields.attribute } : {}),
            reason: fields.reason ?? '',
            ...(fields.expires ? { expires: fields.expires } : {}),
            file,
            ...(line ? { line } : {}),
        };
    });
}
function findingRule(fields, source, line, fail) {
    for (const key of Object.keys(fields)) {
        if (!FINDING_RULE_FIELDS.has(key)) {
            fail(`"${key}" does not belong in a file rule (expected ${[...FINDING_RULE_FIELDS].join(', ')})`);
        }
    }
    if (!fields.file)
        fail('"file" must not be empty');
    if (!fields.reason)
        fail('"reason" is required: say why this finding is accepted');
    const finding = fields.finding ?? '*';
    if (!/^(\*|[a-z][a-z0-9-]*)$/.test(finding))
        fail(`finding "${finding}" is not a finding kind (e.g. unparseable-revision-file) or *`);
    if (fields.expires !== undefined && !isDate(fields.expires))
        fail(`expires "${fields.expires}" is not a date YYYY-MM-DD`);
    return {
        file: fields.file ?? '',
        finding,
        reason: fields.reason ?? '',
        ...(fields.expires ? { expires: fields.expires } : {}),
        source,
        ...(line ? { line } : {}),
    };
}
/**
 * Splits findings into those still standing and those an active file rule covers; an expired rule no longer applies
 * and becomes an `expired-ignore-rule` warning at the rule's line.
 */
function applyFindingRules(findings, rules, today) {
    const day = today.toISOString().slice(0, 10);
    const active = rules.filter((r) => r.expires === undefined || r.expires >= day);
    const warnings = rules
        .filter((r) => r.expires !== undefined && r.expires < day)
        .map((r) => ({
        severity: 'warning',
        kind: 'expired-ignore-rule',
        message: `Ignore rule for ${r.finding === '*' ? 'findings' : r.finding} in "${r.file}" expired on ${r.expires} and no longer applies (reason was: ${r.reason})`,
        ...(r.source ? { file: r.source } : {}),
        ...(r.line ? { line: r.line } : {}),
    }));
    const kept = [];
    const ignored = [];
    for (const f of findings) {
        // A finding without a file (the tree as a whole) cannot be waived file by file.
        const rule = f.file === undefined
            ? undefined
            : active.find((r) => (r.finding === '*' || r.finding === f.kind) && (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .globMatches */ .mw)(r.file, f.file));
        if (rule)
            ignored.push({ finding: f, rule });
        else
            kept.push(f);
    }
    return { kept, ignored, warnings };
}
/** The finding as shown once a rule lets it past: a notice naming the rule, its expiry and its reason. */
function asWaived(finding, rule) {
    const where = `${rule.source ?? 'an ignore rule'}${rule.line ? `:${rule.line}` : ''}`;
    const until = rule.expires ? ` until ${rule.expires}` : '';
    return {
        ...finding,
        severity: 'notice',
        message: `${finding.message} (ignored by ${where}${until}: ${rule.reason})`,
    };
}
function isDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return false;
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
function stripComment(line, n, fail) {
    let quote = null;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) {
            if (c === '\\' && quote === '"')
                i++;
            else if (c === quote)
                quote = null;
        }
        else if (c === '"' || c === "'")
            quote = c;
        else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? '')))
            return line.slice(0, i);
        else if (c === '\t' && line.slice(0, i).trim() === '')
            fail(n, 'tabs are not allowed for indentation');
    }
    return line;
}
function scalar(raw, line, fail) {
    const value = raw.trim();
    if (value.startsWith('"')) {
        if (!/^"(?:[^"\\]|\\.)*"$/.test(value))
            return fail(line, `unterminated or malformed string ${value}`);
        return value.slice(1, -1).replace(/\\(.)/g, (_m, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
    }
    if (value.startsWith("'")) {
        if (!/^'(?:[^']|'')*'$/.test(value))
            return fail(line, `unterminated or malformed string ${value}`);
        return value.slice(1, -1).replaceAll("''", "'");
    }
    if (/^[[{&*!|>]/.test(value))
        return fail(line, `unsupported YAML value ${value} (use a plain or quoted string)`);
    return value;
}
function ruleMatches(rule, d) {
    if (rule.kind !== '*' && rule.kind !== d.kind)
        return false;
    if (rule.attribute !== undefined && rule.attribute !== d.attribute)
        return false;
    return (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .globMatches */ .mw)(rule.object, d.path.join('.'));
}
/** Splits differences into kept and ignored; expired rules do not apply and each becomes a warning. */
function applyIgnoreRules(differences, rules, today) {
    const day = today.toISOString().slice(0, 10);
    const active = rules.filter((r) => r.expires === undefined || r.expires >= day);
    const warnings = rules
        .filter((r) => r.expires !== undefined && r.expires < day)
        .map((r) => ({
        severity: 'warning',
        kind: 'expired-ignore-rule',
        message: `Ignore rule for ${r.kind === '*' ? '' : `${r.kind} `}"${r.object}" expired on ${r.expires} and no longer applies (reason was: ${r.reason})`,
        ...(r.file ? { file: r.file } : {}),
        ...(r.line ? { line: r.line } : {}),
    }));
    const kept = [];
    const ignored = [];
    for (const d of differences) {
        const rule = active.find((r) => ruleMatches(r, d));
        if (!rule)
            kept.push(d);
        else {
            const { object, kind, attribute, reason, expires } = rule;
            ignored.push({
                difference: d,
                rule: { object, kind, reason, ...(attribute ? { attribute } : {}), ...(expires ? { expires } : {}) },
            });
        }
    }
    return { kept, ignored, warnings };
}


/***/ })

};
