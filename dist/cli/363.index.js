export const id = 363;
export const ids = [363];
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

/***/ 6462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tX: () => (/* binding */ buildSnapshot),
  mw: () => (/* binding */ globMatches),
  E$: () => (/* binding */ parseSnapshot),
  by: () => (/* binding */ snapshotJson),
  cG: () => (/* binding */ snapshotJsonLines),
  W9: () => (/* binding */ takeSnapshot)
});

// UNUSED EXPORTS: DEFAULT_RESPONSE_BUDGET

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
    const fingerprint = new Fingerprint();
    for (const object of snapshot.objects)
        fingerprint.add(object);
    return fingerprint.digest();
}
/** The fingerprint fed object by object in snapshot order, so a snapshot can be hashed while it is being read. */
class Fingerprint {
    hash = (0,external_node_crypto_.createHash)('sha256');
    // Fed in batches: one update per object cost more than the hashing itself.
    batch = '';
    add(object) {
        this.batch += `${comparedContent(object)}\n`;
        if (this.batch.length > 65_536) {
            this.hash.update(this.batch);
            this.batch = '';
        }
    }
    digest() {
        this.hash.update(this.batch);
        this.batch = '';
        return this.hash.digest('hex');
    }
}

;// CONCATENATED MODULE: ./lib/catalog/json-items.js
// The items of a JSON array text, parsed one at a time. A snapshot's answer is one array of tens of thousands of small
// items; parsed whole, the tree of every item lives while the first ones are read, survives the young generation's
// collections and is copied into the old one, where it is garbage that counts towards peak memory until a full
// collection. Parsed one by one, each item dies young.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const SPACE = /^[ \t\n\r]*$/;
/**
 * Yields each element of the JSON array `text` as JSON.parse would give it; throws where JSON.parse(text) would
 * (a malformed element, separator, bracket or trailing text), naming the offset.
 */
function* jsonArrayItems(text) {
    const first = text.search(/[^ \t\n\r]/);
    if (first < 0 || text.charCodeAt(first) !== 0x5b)
        throw new SyntaxError("the text does not start with '['");
    let depth = 0;
    let start = first + 1;
    let items = 0;
    for (let i = first + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            // Jump to the closing quote: one not escaped by an odd number of backslashes.
            let end = text.indexOf('"', i + 1);
            while (end > 0 && escaped(text, end))
                end = text.indexOf('"', end + 1);
            if (end < 0)
                throw new SyntaxError(`unterminated string at offset ${i}`);
            i = end;
        }
        else if (OPEN.has(c))
            depth++;
        else if (depth > 0 && CLOSE.has(c))
            depth--;
        else if (depth === 0 && (c === COMMA || c === 0x5d)) {
            const piece = text.slice(start, i);
            // `[]` (and `[ ]`) has no element; anywhere else an empty piece is a stray comma, which JSON.parse refuses.
            if (c === COMMA || items > 0 || !SPACE.test(piece)) {
                yield parseItem(piece, start);
                items++;
            }
            start = i + 1;
            if (c === 0x5d) {
                if (!SPACE.test(text.slice(i + 1)))
                    throw new SyntaxError(`unexpected text after the array at offset ${i + 1}`);
                return;
            }
        }
    }
    throw new SyntaxError('unterminated array');
}
function escaped(text, quote) {
    let backslashes = 0;
    for (let j = quote - 1; text.charCodeAt(j) === BACKSLASH; j--)
        backslashes++;
    return backslashes % 2 === 1;
}
// The parser's message quotes the text, which is the remote's: only the offset is named.
function parseItem(piece, offset) {
    try {
        return JSON.parse(piece);
    }
    catch {
        throw new SyntaxError(`the element at offset ${offset} is not valid JSON`);
    }
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
/** An identity sequence's options as the clauses ALTER COLUMN … SET takes, in a fixed order. */
function identityOptions(raw) {
    const [start, increment, min, max, cache, cycle] = raw;
    return [
        `START WITH ${start}`,
        `INCREMENT BY ${increment}`,
        `MINVALUE ${min}`,
        `MAXVALUE ${max}`,
        `CACHE ${cache}`,
        cycle === true ? 'CYCLE' : 'NO CYCLE',
    ];
}
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
                    // Only identity columns carry the key, so other columns' snapshots (and fingerprints) are unchanged.
                    ...(Array.isArray(raw.identity_options) ? { identity_options: identityOptions(raw.identity_options) } : {}),
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
    // what a dump restores of an identity column's sequence (its type follows the column). refclassid first: it leads
    // pg_depend's reference index; without it the columns section took 625 ms instead of 190 on 2,000 tables.
    [
        'identity_options',
        `CASE WHEN a.attidentity <> '' THEN (SELECT json_build_array(s.seqstart::text, s.seqincrement::text,
       s.seqmin::text, s.seqmax::text, s.seqcache::text, s.seqcycle) FROM pg_depend dd
       JOIN pg_sequence s ON s.seqrelid = dd.objid
       WHERE dd.refclassid = 'pg_class'::regclass AND dd.refobjid = c.oid AND dd.refobjsubid = a.attnum
         AND dd.classid = 'pg_class'::regclass
         AND dd.deptype = 'i') END`,
    ],
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
         -- text, not name: a routine's "name(args)" in this column must not be cut at 63 bytes
         c.relname::text AS name, NULL::text AS sub, c.relowner AS owner, c.relacl AS acl,
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
    const ask = async (section, chunk) => {
        let rows;
        try {
            rows = (0,row_shape/* checkRows */.U)(await executor.query(wrapSection(section), [chunkBytes, chunk]), CHUNK_COLUMNS, 'the answer');
        }
        catch (error) {
            throw new Error(`Could not take a catalog snapshot (${section.name}, chunk ${chunk + 1}) on ${executor.describe()}: ${error.message}`);
        }
        // The rows are not kept: only the answer's text, until its items are read.
        return readAnswer(rows, section);
    };
    // Every section's first chunk is asked for at once: the executor runs them one after another, so the database
    // works on the next section while this process reads the previous one.
    const firsts = SECTIONS.map((section) => {
        const pending = ask(section, 0);
        pending.catch(() => { });
        return pending;
    });
    const keep = objectFilter(options);
    const sorted = new SortedSections();
    for (const [index, section] of SECTIONS.entries()) {
        const objects = [];
        let chunks = 1;
        for (let chunk = 0; chunk < chunks; chunk++) {
            const answer = chunk === 0 ? await firsts[index] : await ask(section, chunk);
            firsts[index] = undefined;
            queries++;
            largest = Math.max(largest, answer.size);
            total += answer.size;
            if (chunk === 0)
                chunks = answer.chunks;
            serverVersion = answer.serverVersion || serverVersion;
            // Each item is parsed and normalised as its answer arrives, one at a time so that each item's tree dies
            // young, in slices that give the event loop back: the executor sends the next query between slices, so the
            // server works on it meanwhile and little is left to do after the last answer.
            let read = 0;
            try {
                for (const item of answer.items) {
                    const object = normaliseItem(section.fields ? fromPositional(item, section) : item);
                    if (object !== null && keep(object))
                        objects.push(object);
                    if (++read % SLICE === 0)
                        await yieldToEventLoop();
                }
            }
            catch (error) {
                if (!(error instanceof SyntaxError))
                    throw error;
                throw new Error(`Could not take a catalog snapshot (${section.name}): items is not a JSON array: ${error.message}`);
            }
        }
        await sorted.add(objects);
    }
    return sorted.build(serverVersion, {
        queries,
        largest_response_bytes: largest,
        total_response_bytes: total,
        response_budget_bytes: budget,
    });
}
function readAnswer(rows, section) {
    const size = responseBytes(rows);
    const row = rows[0];
    if (!row)
        throw new Error(`Could not take a catalog snapshot (${section.name}): the query returned no row`);
    const count = Number(row.chunks);
    const items = row.items;
    if (typeof items !== 'string' && items !== null && items !== undefined && !Array.isArray(items)) {
        throw new Error(`Could not take a catalog snapshot (${section.name}): items is not a JSON array`);
    }
    return {
        size,
        chunks: Number.isInteger(count) && count > 0 ? count : 1,
        serverVersion: Number(row.server_version_num) || 0,
        // The text `null` is JSON for no items, as SQL NULL is.
        items: typeof items === 'string' && items.trim() !== 'null'
            ? jsonArrayItems(items)
            : (Array.isArray(items) ? items : []),
    };
}
/**
 * Items read between two turns of the event loop, about a millisecond of work. Each query takes the executor three
 * round trips (BEGIN, the SELECT, ROLLBACK), one per turn: with slices of 2,000 the server waited between one answer
 * and the next query about 230 ms in all on the 2,000-table bench, with 250 about 120 ms.
 */
const SLICE = 250;
const yieldToEventLoop = () => new Promise((done) => setImmediate(done));
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
const RANK = new Map(model/* OBJECT_KINDS */.cg.map((k, i) => [k, i]));
const rankOf = (o) => RANK.get(o.kind) ?? 99;
/**
 * The snapshot built section by section. The sections' kinds follow OBJECT_KINDS, so the snapshot's order is each
 * section's objects sorted, one section after the other: each is sorted and fingerprinted as soon as it is read,
 * while the server answers the next query, instead of all of them after the last answer (a third of the client's
 * time). Should one section's kinds not all come after the previous ones', the whole is sorted at the end instead.
 */
class SortedSections {
    objects = [];
    fingerprint = new Fingerprint();
    lastRank = -1;
    inOrder = true;
    async add(section) {
        const sorted = sortObjects(section);
        if (sorted.length === 0)
            return;
        if (rankOf(sorted[0]) <= this.lastRank)
            this.inOrder = false;
        this.lastRank = Math.max(this.lastRank, rankOf(sorted[sorted.length - 1]));
        for (let i = 0; i < sorted.length; i++) {
            const object = sorted[i];
            this.objects.push(object);
            if (this.inOrder) {
                this.fingerprint.add(object);
                if (i % SLICE === SLICE - 1)
                    await yieldToEventLoop();
            }
        }
    }
    build(serverVersionNum, stats) {
        if (!this.inOrder)
            return buildSnapshot(this.objects, serverVersionNum, stats);
        return {
            format: 'schema-drift-snapshot',
            format_version: 1,
            fingerprint: this.fingerprint.digest(),
            server_version_num: serverVersionNum,
            stats,
            objects: this.objects,
        };
    }
}
/** Sorts objects and computes the fingerprint; the one way a Snapshot value is made from a list of objects. */
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
/** The snapshot as JSON text in pieces of whole lines, one catalog object per line: a 40,000-object snapshot never
 *  becomes one giant string (peak memory), and two snapshot files diff line by line. Pieces of about 64 KB: one per
 *  line made writing the file a third of the CLI's time. */
function* snapshotJsonLines(snapshot) {
    const { objects, ...header } = snapshot;
    const head = JSON.stringify(header, null, 2);
    let piece = `${head.slice(0, -2)},\n  "objects": [\n`;
    for (let i = 0; i < objects.length; i++) {
        piece += `    ${JSON.stringify(objects[i])}${i + 1 < objects.length ? ',' : ''}\n`;
        if (piece.length >= PIECE_CHARS) {
            yield piece;
            piece = '';
        }
    }
    yield `${piece}  ]\n}\n`;
}
const PIECE_CHARS = 65_536;
/** The snapshot as one JSON text (see snapshotJsonLines). */
function snapshotJson(snapshot) {
    return [...snapshotJsonLines(snapshot)].join('');
}
function sortObjects(objects) {
    for (const o of objects)
        if (!plainPath(o.path))
            return sortByKey(objects);
    // Every path plain (all of PostgreSQL's ordinary names): sorted without writing a key per object, whose strings
    // were a third of what a snapshot keeps alive while it is sorted. Equal rank means equal kind, and plain paths are
    // equal exactly when their object keys are; the index keeps the order of reading among equals.
    const entries = objects.map((o, index) => ({ o, rank: rankOf(o), index }));
    entries.sort((a, b) => a.rank - b.rank || comparePlainPaths(a.o.path, b.o.path) || a.index - b.index);
    const sorted = [];
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        const next = entries[i + 1];
        // Of two objects with one key, the later read replaces the earlier, as in sortByKey.
        if (next && next.rank === entry.rank && comparePlainPaths(next.o.path, entry.o.path) === 0)
            continue;
        sorted.push(entry.o);
    }
    return sorted;
}
/** Plain paths compared as their JSON texts compare: element by element when of one length (see comparePaths). */
function comparePlainPaths(a, b) {
    if (a.length !== b.length)
        return compareJson(a, b);
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
/** Any paths: deduplicated by object key, sorted by kind, then path. */
function sortByKey(objects) {
    const byKey = new Map();
    for (const o of objects)
        byKey.set((0,model/* objectKey */.T5)(o), o);
    const keyed = [];
    for (const [key, o] of byKey)
        keyed.push({ o, key, rank: rankOf(o), plain: plainPath(o.path) });
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
    return compareJson(a.o.path, b.o.path);
}
function compareJson(a, b) {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
}
/** Glob with `*` and `?`, whole-string, case-sensitive. */
function globMatches(pattern, text) {
    return globPattern(pattern).test(text);
}
function globPattern(pattern) {
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 's');
}
/** Whether an object passes the snapshot's include and exclude patterns (compiled once, not per object). */
function objectFilter(options) {
    const compile = (patterns) => (patterns ?? []).map(globPattern);
    const include = compile(options.includeSchemas);
    const exclude = compile(options.excludeSchemas);
    const excludeObjects = compile(options.excludeObjects);
    if (!include.length && !exclude.length && !excludeObjects.length)
        return () => true;
    return (o) => {
        // Extensions live in a schema but are not owned by it; schema patterns apply to everything else.
        if (o.kind !== 'extension') {
            const schema = o.path[0] ?? '';
            if (include.length && !include.some((p) => p.test(schema)))
                return false;
            if (exclude.some((p) => p.test(schema)))
                return false;
        }
        const dotted = o.path.join('.');
        const table = o.path.slice(0, 2).join('.');
        return !excludeObjects.some((p) => p.test(dotted) || p.test(table));
    };
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

/***/ 7630:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ quoteQualified),
/* harmony export */   br: () => (/* binding */ commentText),
/* harmony export */   ce: () => (/* binding */ quoteLiteral),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
// Quoting for the SQL we write ourselves (fix-up statements). Over-quoting is harmless, under-quoting is not, so
// every keyword PostgreSQL does not list as unreserved is quoted, and anything not a plain lower-case name too.
// Reserved, column-name and type/function-name keywords of PostgreSQL 15–18 (unreserved ones need no quotes).
const KEYWORDS = new Set(`all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast
  char character check coalesce collate collation column concurrently constraint create cross current_catalog
  current_date current_role current_schema current_time current_timestamp current_user dec decimal default
  deferrable desc distinct do else end except exists extract false fetch float for foreign freeze from full grant
  greatest group grouping having ilike in initially inner inout int integer intersect interval into is isnull join
  json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize
  json_table json_value lateral leading least left like limit localtime localtimestamp merge_action national natural
  nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay placing
  position precision primary real references returning right row select session_user setof similar smallint some
  substring symmetric system_user table tablesample then time timestamp to trailing treat trim true union unique user
  using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest
  xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`.split(/\s+/));
/** An identifier as PostgreSQL's quote_ident would write it (quotes doubled inside). */
function quoteIdent(name) {
    if (/^[a-z_][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name))
        return name;
    return `"${name.replaceAll('"', '""')}"`;
}
/** Dotted, quoted name: ["public", "my table"] → public."my table". */
function quoteQualified(parts) {
    return parts.map(quoteIdent).join('.');
}
/** A string literal; with standard_conforming_strings (the default since 9.1) only quotes need doubling. */
function quoteLiteral(value) {
    return `'${value.replaceAll("'", "''")}'`;
}
/** Text safe inside a `-- comment` line: a newline in a hostile name must not end the comment. */
function commentText(text) {
    return text.replace(/[\r\n\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : ' '));
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
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6462);
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
        let inTargets = false;
        let current;
        let itemIndent = -1;
        for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
            const line = index + 1;
            const content = stripComment(rawLine, line, fail).trimEnd();
            if (content.trim() === '')
                continue;
            const indent = content.length - content.trimStart().length;
            const body = content.trim();
            // YAML allows a block list at the indentation of its key: `targets:` then `- name: …` at column 0.
            if (indent === 0 && inTargets && (body === '-' || body.startsWith('- ')))
                continue;
            if (indent === 0) {
                const top = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(body);
                if (!top)
                    fail(line, `expected "key:" at the top level, found ${JSON.stringify(body)}`);
                inIgnore = top[1] === 'ignore';
                // The `lint:` block belongs to src/lint/config.ts, which reads it with its own parser.
                inLint = top[1] === 'lint';
                // The `targets:` block (a fleet) belongs to src/config/config-file.ts, which reads it with a YAML parser.
                inTargets = top[1] === 'targets';
                if (inIgnore && top[2] !== '' && top[2] !== '[]')
                    fail(line, '"ignore:" must be followed by a list of "- " items');
                if (!inIgnore && !inLint && !inTargets)
                    fail(line, `unknown top-level key "${top[1]}" (only "ignore", "lint" and "targets" are read)`);
                current = undefined;
                continue;
            }
            if (inLint || inTargets)
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


/***/ }),

/***/ 4594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oC: () => (/* binding */ SEVERITIES),
  V1: () => (/* binding */ diffSnapshots)
});

// UNUSED EXPORTS: severityOf

// EXTERNAL MODULE: ./lib/catalog/sql-quote.js
var sql_quote = __webpack_require__(7630);
;// CONCATENATED MODULE: ./lib/catalog/fixup-statement.js
// One fix-up statement and its safety class. Fix-up SQL is safe by construction: every statement says whether it
// only changes the catalog (`safe`), takes a lock that blocks writes to a table while it runs (`locks`), or can lose
// data (`destructive`); destructive statements are written commented out with the reason, never runnable as offered.

const SAFETIES = ['safe', 'locks', 'destructive'];
const safe = (sql) => ({ sql, safety: 'safe' });
const locks = (sql) => ({ sql, safety: 'locks' });
const destructive = (sql, reason) => ({ sql, safety: 'destructive', reason });
/** A change left to a human; `safety` is the class of what the human would have to run. */
const manual = (text, safety = 'safe') => ({
    sql: text,
    safety,
    reason: text,
    note: true,
});
/** The worst class among the statements (safe when there are none). */
function worstSafety(statements) {
    let worst = 0;
    for (const s of statements)
        worst = Math.max(worst, SAFETIES.indexOf(s.safety));
    return SAFETIES[worst] ?? 'safe';
}
/** True when a statement is run as offered (not a note, not destructive). */
const runnable = (s) => !s.note && s.safety !== 'destructive';
/** Statements as SQL text: notes and destructive statements become `--` lines, so pasting the text never runs them. */
function renderStatements(statements) {
    const lines = [];
    for (const s of statements) {
        if (s.note)
            lines.push(`-- ${(0,sql_quote/* commentText */.br)(s.sql)}`);
        else if (s.safety === 'destructive') {
            lines.push(`-- destructive, not run: ${(0,sql_quote/* commentText */.br)(s.reason ?? 'can lose data')}`);
            for (const line of s.sql.split('\n'))
                lines.push(`-- ${(0,sql_quote/* commentText */.br)(line)}`);
        }
        else
            lines.push(s.sql);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./lib/catalog/fixup-privilege.js
// Fix-up SQL for privileges at every level. A privilege object is one grantee's rights on one thing where they differ
// from the default; the fix-up resets the grantee (REVOKE ALL) and grants exactly what is expected — or, when nothing
// is expected for the grantee, the default recorded with the actual object. Resetting is one idempotent step per
// grantee, whatever mixture of extra and missing rights (and grant options) it had.


const arr = (v) => (Array.isArray(v) ? v : []);
function granteeOf(o) {
    const g = o.path[o.path.length - 1] ?? '';
    return g === 'PUBLIC' ? 'PUBLIC' : (0,sql_quote/* quoteIdent */.v4)(g);
}
function functionTarget(o) {
    const raw = o.path[1] ?? '';
    const open = raw.indexOf('(');
    const name = `${(0,sql_quote/* quoteIdent */.v4)(o.path[0] ?? '')}.${(0,sql_quote/* quoteIdent */.v4)(raw.slice(0, open))}${raw.slice(open)}`;
    return `${o.attrs.object_type === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${name}`;
}
function targetOf(o) {
    const p = o.path;
    switch (o.kind) {
        case 'privilege':
            return {
                prefix: '',
                on: `${o.attrs.object_type === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${(0,sql_quote/* quoteQualified */.$s)(p.slice(0, 2))}`,
                columns: '',
            };
        case 'column privilege':
            return { prefix: '', on: `TABLE ${(0,sql_quote/* quoteQualified */.$s)(p.slice(0, 2))}`, columns: ` (${(0,sql_quote/* quoteIdent */.v4)(p[2] ?? '')})` };
        case 'function privilege':
            return { prefix: '', on: functionTarget(o), columns: '' };
        case 'schema privilege':
            return { prefix: '', on: `SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(p[0] ?? '')}`, columns: '' };
        case 'type privilege':
            return { prefix: '', on: `TYPE ${(0,sql_quote/* quoteQualified */.$s)(p.slice(0, 2))}`, columns: '' };
        default: {
            // default privilege: [role, schema ('' for every schema), objects, grantee]
            const inSchema = p[1] ? ` IN SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(p[1])}` : '';
            return {
                prefix: `ALTER DEFAULT PRIVILEGES FOR ROLE ${(0,sql_quote/* quoteIdent */.v4)(p[0] ?? '')}${inSchema} `,
                on: (p[2] ?? 'tables').toUpperCase(),
                columns: '',
            };
        }
    }
}
const listOf = (privileges, columns) => privileges.includes('ALL') ? `ALL${columns}` : privileges.map((x) => `${x}${columns}`).join(', ');
/** The statements that make `grantee` hold exactly the expected rights (the default when `expected` is absent). */
function privilegeFixup(expected, actual) {
    const o = expected ?? actual;
    if (!o)
        return [];
    const t = targetOf(o);
    const grantee = granteeOf(o);
    const want = expected ? arr(expected.attrs.privileges) : (actual?.ddl ?? '').split(', ').filter(Boolean);
    const withOption = expected ? arr(expected.attrs.grantable) : [];
    const plain = want.includes('ALL')
        ? withOption.includes('ALL')
            ? []
            : ['ALL']
        : want.filter((x) => !withOption.includes(x));
    const statements = [safe(`${t.prefix}REVOKE ALL${t.columns} ON ${t.on} FROM ${grantee};`)];
    if (plain.length)
        statements.push(safe(`${t.prefix}GRANT ${listOf(plain, t.columns)} ON ${t.on} TO ${grantee};`));
    if (withOption.length) {
        statements.push(safe(`${t.prefix}GRANT ${listOf(withOption, t.columns)} ON ${t.on} TO ${grantee} WITH GRANT OPTION;`));
    }
    return statements;
}

// EXTERNAL MODULE: ./lib/catalog/model.js
var model = __webpack_require__(6414);
;// CONCATENATED MODULE: ./lib/catalog/fixup-sql.js
// Fix-up SQL: the statements that would make the actual database match the expected snapshot, derived from the
// expected side's definitions, each with its safety class (fixup-statement.ts). Where no statement can be derived
// safely the result is a note saying why.




const s = (v) => (typeof v === 'string' ? v : null);
const fixup_sql_arr = (v) => (Array.isArray(v) ? v : []);
/** Table of a table-level object ([schema, table, name]) as a quoted name. */
const tableOf = (o) => (0,sql_quote/* quoteQualified */.$s)(o.path.slice(0, 2));
const last = (o) => (0,sql_quote/* quoteIdent */.v4)(o.path[o.path.length - 1] ?? '');
/** Functions carry "name(args)" as their last path element; args are already SQL. */
function functionName(o) {
    const raw = o.path[1] ?? '';
    const open = raw.indexOf('(');
    return `${(0,sql_quote/* quoteIdent */.v4)(o.path[0] ?? '')}.${(0,sql_quote/* quoteIdent */.v4)(raw.slice(0, open))}${raw.slice(open)}`;
}
/** An index's table: its `table` attribute is "schema.table", and an index lives in its table's schema. */
function indexTable(index) {
    const schema = index.path[0] ?? '';
    const table = String(index.attrs.table ?? '');
    return (0,sql_quote/* quoteQualified */.$s)([schema, table.startsWith(`${schema}.`) ? table.slice(schema.length + 1) : table]);
}
const routine = (o) => (o.attrs.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION');
/** The ALTER … that names an object of this kind, for OWNER TO, SET TABLESPACE and the like. */
function alterTarget(o) {
    const name = (0,sql_quote/* quoteQualified */.$s)(o.path);
    switch (o.kind) {
        case 'schema':
            return `SCHEMA ${name}`;
        case 'enum':
        case 'composite type':
            return `TYPE ${name}`;
        case 'domain':
            return `DOMAIN ${name}`;
        case 'sequence':
            return `SEQUENCE ${name}`;
        case 'view':
            return `VIEW ${name}`;
        case 'materialized view':
            return `MATERIALIZED VIEW ${name}`;
        case 'function':
            return `${routine(o)} ${functionName(o)}`;
        case 'index':
            return `INDEX ${name}`;
        default:
            return `TABLE ${name}`;
    }
}
/** ALTER TABLE takes an ACCESS EXCLUSIVE lock; on other kinds an owner change is a catalog update. */
function ownerStatement(o, owner) {
    const sql = `ALTER ${alterTarget(o)} OWNER TO ${(0,sql_quote/* quoteIdent */.v4)(owner)};`;
    return o.kind === 'table' ? locks(sql) : safe(sql);
}
/** OWNER TO for a recreated object, so it does not end up owned by whoever runs the fix-up. */
function keepOwner(o) {
    const owner = s(o.attrs.owner);
    return owner === null ? [] : [ownerStatement(o, owner)];
}
function columnDefinition(column) {
    const a = column.attrs;
    let sql = `${last(column)} ${s(a.type) ?? 'text'}`;
    if (s(a.collation))
        sql += ` COLLATE ${s(a.collation)}`;
    if (s(a.generated))
        sql += ` GENERATED ALWAYS AS (${s(a.generated)}) ${a.generated_kind === 'virtual' ? 'VIRTUAL' : 'STORED'}`;
    else if (s(a.identity))
        sql += ` GENERATED ${a.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
    else if (s(a.default))
        sql += ` DEFAULT ${s(a.default)}`;
    if (a.not_null === true)
        sql += ' NOT NULL';
    return sql;
}
/** Column settings CREATE TABLE cannot carry. */
function columnSettings(column) {
    const alter = `ALTER TABLE ${tableOf(column)} ALTER COLUMN ${last(column)}`;
    const out = [];
    if (typeof column.attrs.statistics === 'number')
        out.push(safe(`${alter} SET STATISTICS ${column.attrs.statistics};`));
    if (s(column.attrs.storage))
        out.push(locks(`${alter} SET STORAGE ${s(column.attrs.storage)?.toUpperCase()};`));
    return out;
}
function createTable(table, ctx) {
    const name = (0,sql_quote/* quoteQualified */.$s)(table.path);
    const columns = ctx.childrenOf('column', table.path);
    const order = fixup_sql_arr(table.attrs.column_order);
    columns.sort((x, y) => order.indexOf(x.path[2] ?? '') - order.indexOf(y.path[2] ?? ''));
    const constraints = ctx.childrenOf('constraint', table.path);
    const inline = constraints.filter((c) => c.attrs.type !== 'foreign key');
    const foreign = constraints.filter((c) => c.attrs.type === 'foreign key');
    const partitionOf = fixup_sql_arr(table.attrs.partition_of);
    let sql;
    if (partitionOf.length) {
        sql = `CREATE TABLE ${name} PARTITION OF ${(0,sql_quote/* quoteQualified */.$s)(partitionOf)} ${s(table.attrs.partition_bound) ?? 'DEFAULT'}`;
    }
    else {
        const parts = [
            ...columns.map(columnDefinition),
            ...inline.map((c) => `CONSTRAINT ${last(c)} ${c.ddl ?? s(c.attrs.definition) ?? ''}`),
        ];
        sql = `CREATE ${table.attrs.unlogged ? 'UNLOGGED ' : ''}TABLE ${name} (\n  ${parts.join(',\n  ')}\n)`;
        if (fixup_sql_arr(table.attrs.inherits).length)
            sql += ` INHERITS (${fixup_sql_arr(table.attrs.inherits).join(', ')})`;
        if (s(table.attrs.partition_key))
            sql += ` PARTITION BY ${s(table.attrs.partition_key)}`;
    }
    if (s(table.attrs.access_method))
        sql += ` USING ${(0,sql_quote/* quoteIdent */.v4)(s(table.attrs.access_method) ?? '')}`;
    if (fixup_sql_arr(table.attrs.options).length)
        sql += ` WITH (${fixup_sql_arr(table.attrs.options).join(', ')})`;
    if (s(table.attrs.tablespace))
        sql += ` TABLESPACE ${(0,sql_quote/* quoteIdent */.v4)(s(table.attrs.tablespace) ?? '')}`;
    const out = [safe(`${sql};`)];
    // A partition gets its parent's constraints when it is created; only its own are added.
    if (partitionOf.length) {
        const parents = ctx.childrenOf('constraint', partitionOf);
        const inherited = (c) => parents.some((p) => p.attrs.type === c.attrs.type && p.attrs.definition === c.attrs.definition);
        out.push(...inline.filter((c) => !inherited(c)).map(addConstraint));
    }
    out.push(...foreign.filter(() => partitionOf.length === 0).map(addConstraint));
    for (const column of columns)
        out.push(...columnSettings(column));
    if (table.attrs.rls_enabled)
        out.push(safe(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`));
    if (table.attrs.rls_forced)
        out.push(safe(`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`));
    const identity = replicaIdentity(table, s(table.attrs.replica_identity));
    if (identity && s(table.attrs.replica_identity))
        out.push(identity);
    if (s(table.attrs.comment))
        out.push(safe(`COMMENT ON TABLE ${name} IS ${(0,sql_quote/* quoteLiteral */.ce)(s(table.attrs.comment) ?? '')};`));
    out.push(...keepOwner(table));
    return out;
}
const addConstraint = (c) => locks(`ALTER TABLE ${tableOf(c)} ADD CONSTRAINT ${last(c)} ${c.ddl ?? s(c.attrs.definition) ?? ''};`);
function createSequence(o) {
    const a = o.attrs;
    let sql = `CREATE SEQUENCE ${(0,sql_quote/* quoteQualified */.$s)(o.path)} AS ${s(a.type) ?? 'bigint'} INCREMENT BY ${s(a.increment)} MINVALUE ${s(a.min)} MAXVALUE ${s(a.max)} START WITH ${s(a.start)} CACHE ${s(a.cache)}${a.cycle ? ' CYCLE' : ''}`;
    const owner = fixup_sql_arr(a.owned_by);
    if (owner.length === 3)
        sql += ` OWNED BY ${(0,sql_quote/* quoteQualified */.$s)(owner)}`;
    return `${sql};`;
}
function viewOptions(o) {
    const options = [];
    if (o.attrs.security_invoker)
        options.push('security_invoker = true');
    if (o.attrs.security_barrier)
        options.push('security_barrier = true');
    if (s(o.attrs.check_option))
        options.push(`check_option = ${s(o.attrs.check_option)}`);
    options.push(...fixup_sql_arr(o.attrs.options));
    return options.length ? ` WITH (${options.join(', ')})` : '';
}
const viewBody = (o) => (o.ddl ?? s(o.attrs.definition) ?? '').trim().replace(/;$/, '');
/** A view (CREATE OR REPLACE), or a materialized view with its indexes, comment and owner. */
function createView(o, ctx) {
    const name = (0,sql_quote/* quoteQualified */.$s)(o.path);
    if (o.kind === 'view') {
        const out = [safe(`CREATE OR REPLACE VIEW ${name}${viewOptions(o)} AS\n${viewBody(o)};`)];
        if (s(o.attrs.comment))
            out.push(safe(`COMMENT ON VIEW ${name} IS ${(0,sql_quote/* quoteLiteral */.ce)(s(o.attrs.comment) ?? '')};`));
        return [...out, ...keepOwner(o)];
    }
    const space = s(o.attrs.tablespace) ? ` TABLESPACE ${(0,sql_quote/* quoteIdent */.v4)(s(o.attrs.tablespace) ?? '')}` : '';
    const out = [safe(`CREATE MATERIALIZED VIEW ${name}${viewOptions(o)}${space} AS\n${viewBody(o)};`)];
    // Indexes after the view they are on.
    for (const index of ctx.indexesOn(o.path))
        out.push(...createObject(index, ctx));
    if (s(o.attrs.comment)) {
        out.push(safe(`COMMENT ON MATERIALIZED VIEW ${name} IS ${(0,sql_quote/* quoteLiteral */.ce)(s(o.attrs.comment) ?? '')};`));
    }
    return [...out, ...keepOwner(o)];
}
function createPolicy(o) {
    const a = o.attrs;
    const roles = fixup_sql_arr(a.roles).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : (0,sql_quote/* quoteIdent */.v4)(r)));
    let sql = `CREATE POLICY ${last(o)} ON ${tableOf(o)} AS ${a.permissive === false ? 'RESTRICTIVE' : 'PERMISSIVE'} FOR ${s(a.command) ?? 'ALL'} TO ${roles.join(', ') || 'PUBLIC'}`;
    if (s(a.using))
        sql += ` USING (${s(a.using)})`;
    if (s(a.with_check))
        sql += ` WITH CHECK (${s(a.with_check)})`;
    return locks(`${sql};`);
}
const compositeAttribute = (text) => {
    const match = /^("(?:[^"]|"")*"|\S+) (.*)$/s.exec(text);
    return { name: match?.[1] ?? text, type: match?.[2] ?? '' };
};
/** A created object's comment, for the kinds whose CREATE statement cannot carry one. */
function keepComment(o) {
    const carried = o.kind === 'table' || o.kind === 'view' || o.kind === 'materialized view';
    if (carried || model/* PRIVILEGE_KINDS */.is.includes(o.kind) || s(o.attrs.comment) === null)
        return [];
    return [commentStatement(o, o.attrs.comment)];
}
function createObject(o, ctx) {
    const statements = createStatements(o, ctx);
    return statements.some((st) => st.note) ? statements : [...statements, ...keepComment(o)];
}
function createStatements(o, ctx) {
    const a = o.attrs;
    const name = (0,sql_quote/* quoteQualified */.$s)(o.path);
    switch (o.kind) {
        case 'schema':
            return [safe(`CREATE SCHEMA ${name};`), ...keepOwner(o)];
        case 'extension':
            return [
                safe(`CREATE EXTENSION IF NOT EXISTS ${name}${s(a.schema) ? ` WITH SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(s(a.schema) ?? '')}` : ''}${s(a.version) ? ` VERSION ${(0,sql_quote/* quoteLiteral */.ce)(s(a.version) ?? '')}` : ''};`),
            ];
        case 'enum':
            return [safe(`CREATE TYPE ${name} AS ENUM (${fixup_sql_arr(a.labels).map(sql_quote/* quoteLiteral */.ce).join(', ')});`), ...keepOwner(o)];
        case 'composite type':
            return [safe(`CREATE TYPE ${name} AS (${fixup_sql_arr(a.attributes).join(', ')});`), ...keepOwner(o)];
        case 'domain': {
            let sql = `CREATE DOMAIN ${name} AS ${s(a.base_type)}`;
            if (s(a.collation))
                sql += ` COLLATE ${s(a.collation)}`;
            if (s(a.default))
                sql += ` DEFAULT ${s(a.default)}`;
            if (a.not_null)
                sql += ' NOT NULL';
            for (const check of fixup_sql_arr(a.checks)) {
                const at = check.indexOf(': ');
                sql += ` CONSTRAINT ${(0,sql_quote/* quoteIdent */.v4)(check.slice(0, at))} ${check.slice(at + 2)}`;
            }
            return [safe(`${sql};`), ...keepOwner(o)];
        }
        case 'sequence':
            return [safe(createSequence(o)), ...keepOwner(o)];
        case 'table':
            return createTable(o, ctx);
        case 'column': {
            const add = `ALTER TABLE ${tableOf(o)} ADD COLUMN ${columnDefinition(o)};`;
            if (a.not_null === true && !s(a.default) && !s(a.identity) && !s(a.generated)) {
                // Nothing to fill existing rows with: the ADD fails on a table with rows, and what to fill is a human's call.
                return [
                    manual(`a NOT NULL column without a default cannot be added to a table with rows: add it without NOT NULL, fill it, then SET NOT NULL (${add})`, 'locks'),
                ];
            }
            return [locks(add), ...columnSettings(o)];
        }
        case 'constraint':
            return [addConstraint(o)];
        case 'index': {
            if (!o.ddl)
                return [manual(`no definition recorded for index ${name}`, 'locks')];
            const space = s(a.tablespace) ? ` TABLESPACE ${(0,sql_quote/* quoteIdent */.v4)(s(a.tablespace) ?? '')}` : '';
            // pg_get_indexdef puts a partial index's WHERE last; TABLESPACE goes before it.
            const where = s(a.predicate) === null ? -1 : o.ddl.lastIndexOf(' WHERE ');
            const ddl = where >= 0 ? `${o.ddl.slice(0, where)}${space}${o.ddl.slice(where)}` : `${o.ddl}${space}`;
            // On a table that exists (with rows, perhaps) the index is built without blocking writes; CONCURRENTLY cannot
            // run inside a transaction block, so this statement is run on its own.
            const concurrent = ctx.relationExists?.(s(a.table) ?? '') === true;
            const out = [
                locks(`${concurrent ? ddl.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ') : ddl};`),
            ];
            if (a.clustered === true)
                out.push(locks(`ALTER TABLE ${indexTable(o)} CLUSTER ON ${last(o)};`));
            return out;
        }
        case 'trigger':
        case 'rule':
            return o.ddl
                ? [locks(`${o.ddl.trim().replace(/;$/, '')};`)]
                : [manual(`no definition recorded for ${o.kind} ${name}`, 'locks')];
        case 'view':
        case 'materialized view':
            return createView(o, ctx);
        case 'function':
            return o.ddl
                ? [safe(`${o.ddl.trimEnd()};`), ...keepOwner(o)]
                : [manual(`${s(a.kind) ?? 'function'} ${name} cannot be recreated from the catalog: recreate it by hand`)];
        case 'policy':
            return [createPolicy(o)];
        default:
            return privilegeFixup(o, undefined);
    }
}
const LOST = {
    table: 'DROP TABLE deletes every row of the table',
    column: 'DROP COLUMN deletes the values of the column in every row',
    sequence: 'DROP SEQUENCE loses its current value',
    extension: 'DROP EXTENSION removes its objects, and may hold configuration rows',
    matview: 'DROP MATERIALIZED VIEW deletes its stored rows until recreated and refreshed',
};
function dropObject(o) {
    const name = (0,sql_quote/* quoteQualified */.$s)(o.path);
    switch (o.kind) {
        case 'schema':
            // Without CASCADE this fails on a schema that still holds anything, so it cannot lose data.
            return [safe(`DROP SCHEMA ${name};`)];
        case 'extension':
            return [destructive(`DROP EXTENSION ${name};`, LOST.extension)];
        case 'enum':
        case 'composite type':
            return [safe(`DROP TYPE ${name};`)];
        case 'domain':
            return [safe(`DROP DOMAIN ${name};`)];
        case 'sequence':
            return [destructive(`DROP SEQUENCE ${name};`, LOST.sequence)];
        case 'table':
            return [destructive(`DROP TABLE ${name};`, LOST.table)];
        case 'column':
            return [destructive(`ALTER TABLE ${tableOf(o)} DROP COLUMN ${last(o)};`, LOST.column)];
        case 'constraint':
            return [locks(`ALTER TABLE ${tableOf(o)} DROP CONSTRAINT ${last(o)};`)];
        case 'index':
            return [locks(`DROP INDEX ${name};`)];
        case 'view':
            return [safe(`DROP VIEW ${name};`)];
        case 'materialized view':
            return [locks(`DROP MATERIALIZED VIEW ${name};`)];
        case 'function':
            return [
                safe(`DROP ${o.attrs.kind === 'procedure' ? 'PROCEDURE' : o.attrs.kind === 'aggregate' ? 'AGGREGATE' : 'FUNCTION'} ${functionName(o)};`),
            ];
        case 'trigger':
            return [locks(`DROP TRIGGER ${last(o)} ON ${tableOf(o)};`)];
        case 'rule':
            return [locks(`DROP RULE ${last(o)} ON ${tableOf(o)};`)];
        case 'policy':
            return [locks(`DROP POLICY ${last(o)} ON ${tableOf(o)};`)];
        default:
            return privilegeFixup(undefined, o);
    }
}
const ENABLE = {
    origin: 'ENABLE',
    disabled: 'DISABLE',
    replica: 'ENABLE REPLICA',
    always: 'ENABLE ALWAYS',
};
function commentStatement(expected, value) {
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    const kind = expected.kind;
    const target = kind === 'column'
        ? `COLUMN ${name}`
        : kind === 'constraint' || kind === 'trigger' || kind === 'policy' || kind === 'rule'
            ? `${kind.toUpperCase()} ${last(expected)} ON ${tableOf(expected)}`
            : kind === 'function'
                ? `${routine(expected)} ${functionName(expected)}`
                : kind === 'enum' || kind === 'composite type'
                    ? `TYPE ${name}`
                    : `${kind.toUpperCase()} ${name}`;
    return safe(`COMMENT ON ${target} IS ${s(value) === null ? 'NULL' : (0,sql_quote/* quoteLiteral */.ce)(s(value) ?? '')};`);
}
function replicaIdentity(table, value) {
    const alter = `ALTER TABLE ${(0,sql_quote/* quoteQualified */.$s)(table.path)} REPLICA IDENTITY`;
    if (value === null)
        return locks(`${alter} DEFAULT;`);
    if (value === 'full')
        return locks(`${alter} FULL;`);
    if (value === 'nothing')
        return locks(`${alter} NOTHING;`);
    return null;
}
function changeColumn(expected, actual, attribute) {
    const a = expected.attrs;
    const value = a[attribute];
    const alter = `ALTER TABLE ${tableOf(expected)} ALTER COLUMN ${last(expected)}`;
    switch (attribute) {
        case 'type': {
            const collate = s(a.collation) ? ` COLLATE ${s(a.collation)}` : '';
            const from = s(actual.attrs.type) ?? '';
            const to = s(a.type) ?? '';
            if (widens(from, to)) {
                // Every value fits the wider type unchanged; the table is locked (and may be rewritten) while it runs.
                return [locks(`${alter} TYPE ${to}${collate} USING ${last(expected)}::${to};`)];
            }
            return [
                destructive(`${alter} TYPE ${s(a.type)}${collate} USING ${last(expected)}::${s(a.type)};`, `a type change rewrites the table and its cast can lose data (${s(actual.attrs.type)} to ${s(a.type)})`),
            ];
        }
        case 'collation':
            return [
                locks(`${alter} TYPE ${s(a.type)}${s(a.collation) ? ` COLLATE ${s(a.collation)}` : ' COLLATE "default"'};`),
            ];
        case 'not_null':
            return [locks(`${alter} ${value ? 'SET' : 'DROP'} NOT NULL;`)];
        case 'default':
            return [locks(s(value) === null ? `${alter} DROP DEFAULT;` : `${alter} SET DEFAULT ${s(value)};`)];
        case 'identity': {
            if (s(value) === null)
                return [locks(`${alter} DROP IDENTITY;`)];
            const how = value === 'always' ? 'ALWAYS' : 'BY DEFAULT';
            return [
                locks(s(actual.attrs.identity) === null
                    ? `${alter} ADD GENERATED ${how} AS IDENTITY;`
                    : `${alter} SET GENERATED ${how};`),
            ];
        }
        case 'identity_options': {
            // Dropping or adding the identity itself is the `identity` attribute's fix; the options follow it.
            if (s(a.identity) === null || s(actual.attrs.identity) === null)
                return [];
            const have = fixup_sql_arr(actual.attrs.identity_options);
            const set = fixup_sql_arr(value).filter((o) => !have.includes(o));
            return set.length ? [locks(`${alter} ${set.map((o) => `SET ${o}`).join(' ')};`)] : [];
        }
        case 'statistics':
            return [safe(`${alter} SET STATISTICS ${typeof value === 'number' ? value : -1};`)];
        case 'storage':
            return s(value) === null
                ? [manual(`set the storage of column ${(0,sql_quote/* quoteQualified */.$s)(expected.path)} back to its type's default`, 'locks')]
                : [locks(`${alter} SET STORAGE ${s(value)?.toUpperCase()};`)];
    }
    return [
        destructive(`-- recreate column ${(0,sql_quote/* quoteQualified */.$s)(expected.path)}: ${columnDefinition(expected)}`, `${attribute} of a column cannot be changed in place; recreating it loses its values`),
    ];
}
const INTEGERS = ['smallint', 'integer', 'bigint'];
const VARCHAR = /^character varying(?:\((\d+)\))?$/;
const NUMERIC = /^numeric(?:\((\d+),(\d+)\))?$/;
/** True when every value of type `from` converts to `to` unchanged (a widening cast). */
function widens(from, to) {
    if (from === to)
        return true;
    if (INTEGERS.includes(from) && INTEGERS.includes(to))
        return INTEGERS.indexOf(to) > INTEGERS.indexOf(from);
    if (INTEGERS.includes(from) && to === 'numeric')
        return true;
    if (from === 'real' && to === 'double precision')
        return true;
    const v = VARCHAR.exec(from);
    if (v && to === 'text')
        return true;
    const w = VARCHAR.exec(to);
    if (v && w)
        return w[1] === undefined || (v[1] !== undefined && Number(w[1]) >= Number(v[1]));
    const n = NUMERIC.exec(from);
    const m = NUMERIC.exec(to);
    if (n && m) {
        if (m[1] === undefined)
            return true;
        // Same scale and at least as many digits: every value keeps its digits.
        return n[1] !== undefined && n[2] === m[2] && Number(m[1]) >= Number(n[1]);
    }
    return false;
}
function changeTable(expected, actual, attribute) {
    const a = expected.attrs;
    const value = a[attribute];
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    const alter = `ALTER TABLE ${name}`;
    switch (attribute) {
        case 'rls_enabled':
            return [locks(`${alter} ${value ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`)];
        case 'rls_forced':
            return [locks(`${alter} ${value ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`)];
        case 'unlogged':
            return [locks(`${alter} SET ${value ? 'UNLOGGED' : 'LOGGED'};`)];
        case 'options': {
            const want = fixup_sql_arr(value);
            const keys = (list) => list.map((o) => o.slice(0, o.indexOf('=')));
            const reset = keys(fixup_sql_arr(actual.attrs.options)).filter((k) => !keys(want).includes(k));
            const out = [];
            if (reset.length)
                out.push(locks(`${alter} RESET (${reset.join(', ')});`));
            if (want.length)
                out.push(locks(`${alter} SET (${want.join(', ')});`));
            return out;
        }
        case 'tablespace':
            return [locks(`${alter} SET TABLESPACE ${(0,sql_quote/* quoteIdent */.v4)(s(value) ?? 'pg_default')};`)];
        case 'access_method':
            return [locks(`${alter} SET ACCESS METHOD ${(0,sql_quote/* quoteIdent */.v4)(s(value) ?? 'heap')};`)];
        case 'replica_identity': {
            const statement = replicaIdentity(expected, s(value));
            return statement ? [statement] : [manual(`set the replica identity of ${name} to its index by hand`, 'locks')];
        }
        case 'inherits': {
            const want = fixup_sql_arr(value);
            const have = fixup_sql_arr(actual.attrs.inherits);
            return [
                ...have.filter((p) => !want.includes(p)).map((p) => locks(`${alter} NO INHERIT ${p};`)),
                ...want.filter((p) => !have.includes(p)).map((p) => locks(`${alter} INHERIT ${p};`)),
            ];
        }
        case 'partition_of':
        case 'partition_bound': {
            const want = fixup_sql_arr(a.partition_of);
            const have = fixup_sql_arr(actual.attrs.partition_of);
            const out = [];
            if (have.length)
                out.push(locks(`ALTER TABLE ${(0,sql_quote/* quoteQualified */.$s)(have)} DETACH PARTITION ${name};`));
            if (want.length) {
                out.push(locks(`ALTER TABLE ${(0,sql_quote/* quoteQualified */.$s)(want)} ATTACH PARTITION ${name} ${s(a.partition_bound) ?? 'DEFAULT'};`));
            }
            return out;
        }
    }
    return [
        manual(`${attribute} of table ${name} cannot be changed in place: recreate the table by hand`, 'destructive'),
    ];
}
/** Enum labels: a label renamed in place is RENAME VALUE; new labels are ADD VALUE; removing or reordering is a rebuild. */
function changeEnum(expected, actual) {
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    const want = fixup_sql_arr(expected.attrs.labels);
    let have = [...fixup_sql_arr(actual.attrs.labels)];
    const out = [];
    const gone = have.filter((l) => !want.includes(l));
    const added = want.filter((l) => !have.includes(l));
    // Same position, one label for another: a rename.
    for (const label of [...gone]) {
        const at = have.indexOf(label);
        const replacement = want[at];
        if (replacement !== undefined && added.includes(replacement)) {
            out.push(safe(`ALTER TYPE ${name} RENAME VALUE ${(0,sql_quote/* quoteLiteral */.ce)(label)} TO ${(0,sql_quote/* quoteLiteral */.ce)(replacement)};`));
            have[at] = replacement;
            added.splice(added.indexOf(replacement), 1);
            gone.splice(gone.indexOf(label), 1);
        }
    }
    want.forEach((label, i) => {
        if (have.includes(label))
            return;
        const next = want.slice(i + 1).find((l) => have.includes(l));
        const previous = want
            .slice(0, i)
            .reverse()
            .find((l) => have.includes(l));
        const where = next ? ` BEFORE ${(0,sql_quote/* quoteLiteral */.ce)(next)}` : previous ? ` AFTER ${(0,sql_quote/* quoteLiteral */.ce)(previous)}` : '';
        out.push(safe(`ALTER TYPE ${name} ADD VALUE ${(0,sql_quote/* quoteLiteral */.ce)(label)}${where};`));
        have = next ? [...have.slice(0, have.indexOf(next)), label, ...have.slice(have.indexOf(next))] : [...have, label];
    });
    if (gone.length || have.join('\u0000') !== want.join('\u0000')) {
        out.push(manual(`PostgreSQL cannot drop or reorder enum values (${gone.map(sql_quote/* quoteLiteral */.ce).join(', ') || 'order'}) of ${name}: rebuilding the type converts every column using it, and rows holding a dropped value would fail or be lost; rebuild it by hand`, 'destructive'));
    }
    return out;
}
function changeComposite(expected, actual) {
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    const want = fixup_sql_arr(expected.attrs.attributes).map(compositeAttribute);
    const have = fixup_sql_arr(actual.attrs.attributes).map(compositeAttribute);
    const out = [];
    // One attribute for another at the same position with the same type, neither name on the other side: a rename,
    // which keeps the values stored in every column of the type.
    const current = have.map((h) => ({ ...h }));
    current.forEach((h, i) => {
        const w = want[i];
        if (!w || w.name === h.name || w.type !== h.type)
            return;
        if (have.some((x) => x.name === w.name) || want.some((x) => x.name === h.name))
            return;
        out.push(safe(`ALTER TYPE ${name} RENAME ATTRIBUTE ${h.name} TO ${w.name};`));
        h.name = w.name;
    });
    for (const h of current) {
        const w = want.find((x) => x.name === h.name);
        if (!w) {
            out.push(destructive(`ALTER TYPE ${name} DROP ATTRIBUTE ${h.name};`, 'dropping an attribute of a composite type deletes its values in every column of that type'));
        }
        else if (w.type !== h.type) {
            out.push(destructive(`ALTER TYPE ${name} ALTER ATTRIBUTE ${w.name} TYPE ${w.type};`, 'a type change of a composite attribute can lose data in the cast'));
        }
    }
    const kept = current.filter((h) => want.some((w) => w.name === h.name)).map((h) => h.name);
    const added = want.filter((w) => !kept.includes(w.name));
    // ADD ATTRIBUTE appends: only an attribute that belongs after every kept one lands where it is expected.
    const lastKept = Math.max(-1, ...kept.map((k) => want.findIndex((w) => w.name === k)));
    const outOfOrder = added.filter((w) => want.indexOf(w) < lastKept);
    if (outOfOrder.length) {
        out.push(manual(`PostgreSQL can only append attributes: adding ${outOfOrder.map((w) => w.name).join(', ')} to ${name} would leave it out of order (a third shape); recreate the type by hand, converting every column that uses it`, 'destructive'));
    }
    else {
        for (const w of added)
            out.push(safe(`ALTER TYPE ${name} ADD ATTRIBUTE ${w.name} ${w.type};`));
    }
    const order = want.filter((w) => kept.includes(w.name)).map((w) => w.name);
    if (kept.join('\u0000') !== order.join('\u0000')) {
        out.push(manual(`PostgreSQL cannot reorder the attributes of ${name}: recreate the type by hand`, 'destructive'));
    }
    return out;
}
function changeDomain(expected, actual, attribute) {
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    const value = expected.attrs[attribute];
    switch (attribute) {
        case 'not_null':
            return [locks(`ALTER DOMAIN ${name} ${value ? 'SET' : 'DROP'} NOT NULL;`)];
        case 'default':
            return [
                safe(s(value) === null ? `ALTER DOMAIN ${name} DROP DEFAULT;` : `ALTER DOMAIN ${name} SET DEFAULT ${s(value)};`),
            ];
        case 'checks': {
            const want = fixup_sql_arr(value);
            const have = fixup_sql_arr(actual.attrs.checks);
            const nameOf = (check) => (0,sql_quote/* quoteIdent */.v4)(check.slice(0, check.indexOf(': ')));
            return [
                ...have
                    .filter((c) => !want.includes(c))
                    .map((c) => locks(`ALTER DOMAIN ${name} DROP CONSTRAINT ${nameOf(c)};`)),
                ...want
                    .filter((c) => !have.includes(c))
                    .map((c) => locks(`ALTER DOMAIN ${name} ADD CONSTRAINT ${nameOf(c)} ${c.slice(c.indexOf(': ') + 2)};`)),
            ];
        }
    }
    return [manual(`${attribute} of domain ${name} cannot be changed in place: recreate it by hand`, 'destructive')];
}
/** Version parts compared as numbers ("1.10" is after "1.9"); null when a part is not a number. */
function compareVersions(x, y) {
    const a = x.split('.').map(Number);
    const b = y.split('.').map(Number);
    if ([...a, ...b].some((n) => !Number.isInteger(n)))
        return null;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** An upgrade runs the extension's update scripts; a downgrade has none to run. */
function changeExtensionVersion(expected, actual) {
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    const want = s(expected.attrs.version) ?? '';
    const have = s(actual.attrs.version) ?? '';
    if ((compareVersions(want, have) ?? -1) > 0) {
        // Update scripts alter the extension's objects (and their locks); the server must ship the update path.
        return [locks(`ALTER EXTENSION ${name} UPDATE TO ${(0,sql_quote/* quoteLiteral */.ce)(want)};`)];
    }
    return [
        manual(`extension ${name} is at ${have}, not ${want}: a downgrade has no update path (extensions ship none), so ALTER EXTENSION … UPDATE TO ${(0,sql_quote/* quoteLiteral */.ce)(want)} would fail; dropping and recreating it at ${want} drops everything that uses it — do it by hand`, 'destructive'),
    ];
}
function changeAttribute(expected, actual, attribute, ctx) {
    const a = expected.attrs;
    const value = a[attribute];
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    if (attribute === 'comment')
        return [commentStatement(expected, value)];
    if (attribute === 'owner' && s(value) !== null) {
        // A sequence owned by a column cannot be given away on its own; it follows its table's owner.
        if (expected.kind === 'sequence' && fixup_sql_arr(actual.attrs.owned_by).length === 3) {
            return [manual(`${name} follows the owner of ${(0,sql_quote/* quoteQualified */.$s)(fixup_sql_arr(actual.attrs.owned_by).slice(0, 2))}`)];
        }
        return [ownerStatement(expected, s(value) ?? '')];
    }
    if (model/* PRIVILEGE_KINDS */.is.includes(expected.kind))
        return privilegeFixup(expected, actual);
    switch (expected.kind) {
        case 'column':
            return changeColumn(expected, actual, attribute);
        case 'table':
            return changeTable(expected, actual, attribute);
        case 'constraint':
            if (attribute === 'validated' && value === true) {
                return [safe(`ALTER TABLE ${tableOf(expected)} VALIDATE CONSTRAINT ${last(expected)};`)];
            }
            return [locks(`ALTER TABLE ${tableOf(expected)} DROP CONSTRAINT ${last(expected)};`), addConstraint(expected)];
        case 'index':
            if (attribute === 'tablespace') {
                return [locks(`ALTER INDEX ${name} SET TABLESPACE ${(0,sql_quote/* quoteIdent */.v4)(s(value) ?? 'pg_default')};`)];
            }
            if (attribute === 'clustered') {
                const table = indexTable(expected);
                return [
                    locks(value ? `ALTER TABLE ${table} CLUSTER ON ${last(expected)};` : `ALTER TABLE ${table} SET WITHOUT CLUSTER;`),
                ];
            }
            return [...dropObject(expected), ...createObject(expected, ctx)];
        case 'trigger':
        case 'rule':
            if (attribute === 'enabled') {
                return [
                    locks(`ALTER TABLE ${tableOf(expected)} ${ENABLE[s(value) ?? 'origin'] ?? 'ENABLE'} ${expected.kind.toUpperCase()} ${last(expected)};`),
                ];
            }
            return [...dropObject(expected), ...createObject(expected, ctx)];
        case 'view':
            if (attribute !== 'definition') {
                const option = attribute === 'options' ? null : attribute;
                if (option && (value === null || value === false))
                    return [safe(`ALTER VIEW ${name} RESET (${option});`)];
                if (option)
                    return [safe(`ALTER VIEW ${name} SET (${option} = ${String(value)});`)];
            }
            return [safe(`CREATE OR REPLACE VIEW ${name}${viewOptions(expected)} AS\n${viewBody(expected)};`)];
        case 'materialized view':
            if (attribute === 'tablespace') {
                return [locks(`ALTER MATERIALIZED VIEW ${name} SET TABLESPACE ${(0,sql_quote/* quoteIdent */.v4)(s(value) ?? 'pg_default')};`)];
            }
            // Dropped and recreated with its indexes: nothing else can change a materialized view's query.
            return [...dropObject(expected), ...createView(expected, ctx)];
        case 'function':
            if (attribute === 'security_definer') {
                return [
                    safe(`ALTER ${routine(expected)} ${functionName(expected)} ${value ? 'SECURITY DEFINER' : 'SECURITY INVOKER'};`),
                ];
            }
            return [safe(`${(expected.ddl ?? '').trimEnd()};`)];
        case 'sequence': {
            const clause = {
                type: `AS ${s(value)}`,
                increment: `INCREMENT BY ${s(value)}`,
                min: `MINVALUE ${s(value)}`,
                max: `MAXVALUE ${s(value)}`,
                start: `START WITH ${s(value)}`,
                cache: `CACHE ${s(value)}`,
                cycle: value ? 'CYCLE' : 'NO CYCLE',
                owned_by: fixup_sql_arr(value).length === 3 ? `OWNED BY ${(0,sql_quote/* quoteQualified */.$s)(fixup_sql_arr(value))}` : 'OWNED BY NONE',
            };
            const c = clause[attribute];
            return c
                ? [safe(`ALTER SEQUENCE ${name} ${c};`)]
                : [manual(`${attribute} of sequence ${name}: change it by hand`)];
        }
        case 'enum':
            return changeEnum(expected, actual);
        case 'composite type':
            return changeComposite(expected, actual);
        case 'domain':
            return changeDomain(expected, actual, attribute);
        case 'extension':
            if (attribute === 'version')
                return changeExtensionVersion(expected, actual);
            if (attribute === 'schema')
                return [safe(`ALTER EXTENSION ${name} SET SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(s(value) ?? '')};`)];
            break;
        case 'policy': {
            const alter = `ALTER POLICY ${last(expected)} ON ${tableOf(expected)}`;
            if (attribute === 'roles') {
                const roles = fixup_sql_arr(value).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : (0,sql_quote/* quoteIdent */.v4)(r)));
                return [locks(`${alter} TO ${roles.join(', ') || 'PUBLIC'};`)];
            }
            if ((attribute === 'using' || attribute === 'with_check') && s(value) !== null) {
                return [locks(`${alter} ${attribute === 'using' ? 'USING' : 'WITH CHECK'} (${s(value)});`)];
            }
            return [...dropObject(expected), createPolicy(expected)];
        }
    }
    return [manual(`${attribute} of ${expected.kind} ${name} has no derivable fix-up: change it by hand`)];
}
/** The statements that bring `actual` in line with `expected` for one difference. */
function fixupStatements(change, expected, actual, attribute, ctx) {
    // Only a missing index on a relation that stays is built CONCURRENTLY; one recreated with its relation is not.
    const plain = { childrenOf: ctx.childrenOf, indexesOn: ctx.indexesOn };
    if (change === 'missing' && expected)
        return createObject(expected, expected.kind === 'index' ? ctx : plain);
    if (change === 'unexpected' && actual)
        return dropObject(actual);
    if (change === 'changed' && expected && actual && attribute) {
        return changeAttribute(expected, actual, attribute, plain);
    }
    return [manual('no fix-up could be derived')];
}
/** ALTER TABLE … RENAME and/or SET SCHEMA for a table that is the expected one renamed or moved. */
function renameTableStatements(expected, actual) {
    const [schema = '', table = ''] = expected.path;
    const [fromSchema = '', fromTable = ''] = actual.path;
    const out = [];
    if (table !== fromTable) {
        out.push(locks(`ALTER TABLE ${(0,sql_quote/* quoteQualified */.$s)([fromSchema, fromTable])} RENAME TO ${(0,sql_quote/* quoteIdent */.v4)(table)};`));
    }
    if (schema !== fromSchema) {
        out.push(locks(`ALTER TABLE ${(0,sql_quote/* quoteQualified */.$s)([fromSchema, table])} SET SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(schema)};`));
    }
    return out;
}
/** ALTER … RENAME for an object that is likely the expected one under another name (see drift/renames.ts). */
function renameStatement(expected, actual) {
    const to = last(expected);
    const from = last(actual);
    switch (expected.kind) {
        case 'column':
            return locks(`ALTER TABLE ${tableOf(actual)} RENAME COLUMN ${from} TO ${to};`);
        case 'constraint':
            return locks(`ALTER TABLE ${tableOf(actual)} RENAME CONSTRAINT ${from} TO ${to};`);
        default:
            return locks(`ALTER INDEX ${(0,sql_quote/* quoteQualified */.$s)(actual.path)} RENAME TO ${to};`);
    }
}

;// CONCATENATED MODULE: ./lib/drift/fixup-script.js
// The whole fix-up as one script, in dependency order: renames first (later statements use the expected names),
// then what hangs on other objects is dropped, then objects are created or changed from the outside in (schemas and
// types before tables, tables before their columns, constraints, views, indexes on views, triggers and policies),
// then unexpected objects themselves go, and privileges and owners come last, once every object exists.


const CREATE_ORDER = [
    'schema',
    'extension',
    'enum',
    'domain',
    'composite type',
    'sequence',
    'table',
    'column',
    'constraint',
    'function',
    'view',
    'materialized view',
    'index',
    'trigger',
    'rule',
    'policy',
];
/** Unexpected objects that depend on others go first, so the drop of what they hang on cannot fail on them. */
const DEPENDANTS = new Set([
    'policy',
    'rule',
    'trigger',
    'view',
    'materialized view',
    'index',
    'constraint',
]);
function rank(e) {
    if (e.rename)
        return 0;
    if (model/* PRIVILEGE_KINDS */.is.includes(e.kind) || e.attribute === 'owner')
        return 4000;
    const kindRank = Math.max(0, CREATE_ORDER.indexOf(e.kind));
    if (e.change === 'unexpected') {
        // Dependants: views before the tables they read, foreign keys before the keys they reference.
        if (DEPENDANTS.has(e.kind))
            return 1000 + (CREATE_ORDER.length - kindRank) * 2 - (e.foreignKey ? 1 : 0);
        return 3000 + (CREATE_ORDER.length - kindRank);
    }
    return 2000 + kindRank * 4 + (e.foreignKey ? 2 : 0) + (e.child ? 1 : 0);
}
/** Every entry's statements in dependency order, each statement once (one object changed in several attributes
 *  is recreated once); destructive statements and notes commented out. */
function fixupScript(entries) {
    const ordered = entries.map((e, i) => ({ e, i, r: rank(e) })).sort((x, y) => x.r - y.r || x.i - y.i);
    const seen = new Set();
    const statements = [];
    for (const { e } of ordered) {
        for (const s of e.statements) {
            if (seen.has(s.sql))
                continue;
            seen.add(s.sql);
            statements.push(s);
        }
    }
    return renderStatements(statements);
}

// EXTERNAL MODULE: ./lib/drift/ignore-rules.js
var ignore_rules = __webpack_require__(7507);
;// CONCATENATED MODULE: ./lib/drift/renames.js

const renames_tableOf = (o) => `${o.path[0]}\u0000${o.path[1]}`;
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** What must agree, apart from the name, for two objects of a kind to be taken for one renamed object. */
function signature(o, table) {
    const a = o.attrs;
    switch (o.kind) {
        case 'column': {
            // The same position in its table (and the lone missing and lone unexpected column of it): a column renamed,
            // perhaps retyped too — the type difference is then its own fix (ALTER … TYPE … USING).
            const order = Array.isArray(table?.attrs.column_order) ? table?.attrs.column_order : [];
            const at = order.indexOf(o.path[2] ?? '');
            return at < 0 ? null : JSON.stringify([o.path[0], o.path[1], at]);
        }
        case 'index': {
            const name = o.path[1] ?? '';
            // The definition names the index once, right after INDEX.
            const def = String(a.definition ?? '').replace(` INDEX ${(0,sql_quote/* quoteIdent */.v4)(name)} ON `, ' INDEX ON ');
            return JSON.stringify([o.path[0], a.table, def, a.predicate, a.unique]);
        }
        case 'constraint':
            return JSON.stringify([o.path[0], o.path[1], a.type, a.definition, a.on_delete, a.on_update, a.match]);
        default:
            return null;
    }
}
/**
 * Pairs of (missing expected, unexpected actual) objects that are one object renamed: same kind, same signature,
 * and the only such candidate on each side (two candidates are ambiguous, and stay missing + unexpected).
 */
function findRenames(missing, unexpected, expectedTable, actualTable) {
    const bySignature = (objects, table) => {
        const map = new Map();
        for (const o of objects) {
            const key = signature(o, table(o));
            if (key === null)
                continue;
            const k = `${o.kind}\u0000${key}`;
            map.set(k, [...(map.get(k) ?? []), o]);
        }
        return map;
    };
    // A column pairs only when it is the one missing and the one unexpected column of its table.
    const perTable = (objects) => {
        const counts = new Map();
        for (const o of objects)
            if (o.kind === 'column')
                counts.set(renames_tableOf(o), (counts.get(renames_tableOf(o)) ?? 0) + 1);
        return (o) => o.kind !== 'column' || counts.get(renames_tableOf(o)) === 1;
    };
    const loneMissing = perTable(missing);
    const loneUnexpected = perTable(unexpected);
    const want = bySignature(missing.filter(loneMissing), expectedTable);
    const have = bySignature(unexpected.filter(loneUnexpected), actualTable);
    const pairs = [];
    for (const [key, expected] of want) {
        const actual = have.get(key);
        if (expected.length !== 1 || actual?.length !== 1)
            continue;
        const [e] = expected;
        const [a] = actual;
        if (e && a && !same(e.path.slice(0, -1), a.path.slice(0, -1)))
            continue;
        if (e && a)
            pairs.push({ expected: e, actual: a });
    }
    return pairs;
}

;// CONCATENATED MODULE: ./lib/drift/table-identity.js

const tableKey = (schema, table) => `${schema}\u0000${table}`;
const ON_TABLE = new Set(['column', 'constraint', 'trigger', 'rule', 'policy', 'privilege', 'column privilege']);
/** Replaces `from` with `to` outside single-quoted literals (a literal that happens to hold the name is data). */
function replaceName(text, from, to) {
    return text
        .split(/('(?:[^']|'')*')/)
        .map((part, i) => (i % 2 === 1 ? part : part.split(from).join(to)))
        .join('');
}
function table_identity_signature(table, children) {
    const a = table.attrs;
    const order = Array.isArray(a.column_order) ? a.column_order : [];
    const columns = children
        .filter((c) => c.kind === 'column')
        .sort((x, y) => order.indexOf(x.path[2] ?? '') - order.indexOf(y.path[2] ?? ''))
        .map((c) => [c.path[2], c.attrs.type, c.attrs.not_null, c.attrs.default, c.attrs.identity, c.attrs.generated]);
    const constraints = children
        .filter((c) => c.kind === 'constraint')
        .map((c) => JSON.stringify([c.attrs.type, c.attrs.definition, c.attrs.on_delete, c.attrs.on_update]))
        .sort();
    return JSON.stringify([
        a.relkind,
        a.partition_key,
        a.partition_of,
        a.partition_bound,
        a.inherits,
        a.unlogged,
        columns,
        constraints,
    ]);
}
/** For each missing table, the unexpected tables holding at least half of its columns (same name and type). */
function similarTables(missing, unexpected, expected, actual) {
    const out = new Map();
    if (missing.length === 0 || unexpected.length === 0)
        return out;
    const columnsOf = (tables, objects) => {
        const wanted = new Set(tables.map((t) => tableKey(t.path[0], t.path[1])));
        const columns = new Map();
        for (const o of objects) {
            if (o.kind !== 'column')
                continue;
            const key = tableKey(o.path[0], o.path[1]);
            if (!wanted.has(key))
                continue;
            const set = columns.get(key) ?? new Set();
            set.add(`${o.path[2]}\u0000${o.attrs.type}`);
            columns.set(key, set);
        }
        return (t) => columns.get(tableKey(t.path[0], t.path[1])) ?? new Set();
    };
    const want = columnsOf(missing, expected);
    const have = columnsOf(unexpected, actual);
    for (const m of missing) {
        const mine = want(m);
        if (mine.size === 0)
            continue;
        const candidates = unexpected.filter((u) => {
            let shared = 0;
            for (const c of have(u))
                if (mine.has(c))
                    shared++;
            return shared * 2 >= mine.size;
        });
        if (candidates.length)
            out.set(m, candidates);
    }
    return out;
}
/** Pairs missing and unexpected tables that are one table renamed or moved, and rewrites the actual side. */
function pairTables(expected, actual) {
    const tables = (objects) => new Map(objects.filter((o) => o.kind === 'table').map((o) => [tableKey(o.path[0], o.path[1]), o]));
    const expTables = tables(expected);
    const actTables = tables(actual);
    const missing = [...expTables].filter(([k]) => !actTables.has(k)).map(([, o]) => o);
    const unexpected = [...actTables].filter(([k]) => !expTables.has(k)).map(([, o]) => o);
    const none = { pairs: [], ambiguous: new Map(), similar: new Map(), actual: [...actual] };
    if (missing.length === 0 || unexpected.length === 0)
        return none;
    const bySignature = (candidates, objects) => {
        const wanted = new Set(candidates.map((t) => tableKey(t.path[0], t.path[1])));
        const children = new Map();
        for (const o of objects) {
            if (o.kind !== 'column' && o.kind !== 'constraint')
                continue;
            const key = tableKey(o.path[0], o.path[1]);
            if (wanted.has(key))
                children.set(key, [...(children.get(key) ?? []), o]);
        }
        const groups = new Map();
        for (const t of candidates) {
            const sig = table_identity_signature(t, children.get(tableKey(t.path[0], t.path[1])) ?? []);
            groups.set(sig, [...(groups.get(sig) ?? []), t]);
        }
        return groups;
    };
    const want = bySignature(missing, expected);
    const have = bySignature(unexpected, actual);
    const pairs = [];
    const ambiguous = new Map();
    for (const [sig, es] of want) {
        const as = have.get(sig);
        if (!as)
            continue;
        const [e] = es;
        const [a] = as;
        if (es.length === 1 && as.length === 1 && e && a)
            pairs.push({ expected: e, actual: a });
        else
            for (const m of es)
                ambiguous.set(m, as);
    }
    const paired = new Set(pairs.flatMap((p) => [p.expected, p.actual]));
    const similar = similarTables(missing.filter((m) => !paired.has(m) && !ambiguous.has(m)), unexpected.filter((u) => !paired.has(u)), expected, actual);
    if (pairs.length === 0)
        return { ...none, ambiguous, similar };
    const moves = new Map(pairs.map((p) => [tableKey(p.actual.path[0], p.actual.path[1]), p]));
    const dotted = new Map(pairs.map((p) => [p.actual.path.join('.'), p]));
    const rewritten = actual.map((o) => {
        if (o.kind === 'table') {
            const own = moves.get(tableKey(o.path[0], o.path[1]));
            let attrs = o.attrs;
            // A child of a renamed parent names its parent by the expected name once the parent is renamed back.
            for (const p of pairs) {
                const from = (0,sql_quote/* quoteQualified */.$s)(p.actual.path);
                const to = (0,sql_quote/* quoteQualified */.$s)(p.expected.path);
                if (Array.isArray(attrs.inherits) && attrs.inherits.includes(from)) {
                    attrs = { ...attrs, inherits: attrs.inherits.map((x) => (x === from ? to : x)) };
                }
                if (Array.isArray(attrs.partition_of) && attrs.partition_of.join('.') === p.actual.path.join('.')) {
                    attrs = { ...attrs, partition_of: [...p.expected.path] };
                }
            }
            return own ? { ...o, path: [...own.expected.path], attrs } : attrs === o.attrs ? o : { ...o, attrs };
        }
        if (ON_TABLE.has(o.kind)) {
            const p = moves.get(tableKey(o.path[0], o.path[1]));
            if (p) {
                const from = (0,sql_quote/* quoteQualified */.$s)(p.actual.path);
                const to = (0,sql_quote/* quoteQualified */.$s)(p.expected.path);
                const definition = typeof o.attrs.definition === 'string' ? o.attrs.definition : null;
                return {
                    ...o,
                    path: [...p.expected.path, ...o.path.slice(2)],
                    attrs: definition === null ? o.attrs : { ...o.attrs, definition: replaceName(definition, from, to) },
                };
            }
        }
        if (o.kind === 'index') {
            const p = dotted.get(String(o.attrs.table));
            if (p) {
                const from = ` ${(0,sql_quote/* quoteQualified */.$s)(p.actual.path)} `;
                const to = ` ${(0,sql_quote/* quoteQualified */.$s)(p.expected.path)} `;
                return {
                    ...o,
                    path: [p.expected.path[0] ?? '', ...o.path.slice(1)],
                    attrs: {
                        ...o.attrs,
                        table: p.expected.path.join('.'),
                        definition: replaceName(String(o.attrs.definition ?? ''), from, to),
                    },
                };
            }
        }
        if (o.kind === 'sequence' && Array.isArray(o.attrs.owned_by)) {
            const p = moves.get(tableKey(o.attrs.owned_by[0], o.attrs.owned_by[1]));
            // An owned sequence moves with its table (SET SCHEMA) and keeps its name on a rename.
            if (p) {
                return {
                    ...o,
                    path: [p.expected.path[0] ?? '', ...o.path.slice(1)],
                    attrs: { ...o.attrs, owned_by: [...p.expected.path, ...o.attrs.owned_by.slice(2)] },
                };
            }
        }
        if (o.kind === 'constraint' && typeof o.attrs.definition === 'string') {
            // A foreign key elsewhere names the referenced table.
            let definition = o.attrs.definition;
            for (const p of pairs) {
                definition = replaceName(definition, (0,sql_quote/* quoteQualified */.$s)(p.actual.path), (0,sql_quote/* quoteQualified */.$s)(p.expected.path));
            }
            return definition === o.attrs.definition ? o : { ...o, attrs: { ...o.attrs, definition } };
        }
        return o;
    });
    return { pairs, ambiguous, similar, actual: rewritten };
}

;// CONCATENATED MODULE: ./lib/drift/structure.js
// Structural drift: the pure comparison of an expected catalog snapshot with the actual one. Every difference
// names the object, the attribute, both values, a severity and the SQL that would repair it.








const SEVERITIES = ['security', 'breaking', 'cosmetic'];
const SECURITY_KINDS = new Set([...model/* PRIVILEGE_KINDS */.is, 'policy']);
const SECURITY_ATTRIBUTES = {
    table: ['rls_enabled', 'rls_forced'],
    function: ['security_definer', 'config'],
    view: ['security_invoker', 'security_barrier'],
    'materialized view': [],
};
// Planner statistics, TOAST storage and the CLUSTER marker change how, not what, a table stores.
const COSMETIC_ATTRIBUTES = new Set(['comment', 'options', 'column_order', 'statistics', 'storage', 'clustered']);
/** Severity of a difference in `kind` (and `attribute`, when the object exists on both sides). */
function severityOf(kind, attribute, object) {
    if (SECURITY_KINDS.has(kind))
        return 'security';
    // Who owns an object decides who may change, grant and drop it.
    if (attribute === 'owner')
        return 'security';
    // A new (or missing) SECURITY DEFINER function runs with its owner's rights, whoever calls it.
    if (attribute === null && kind === 'function' && object?.attrs.security_definer === true)
        return 'security';
    if (attribute !== null) {
        if (SECURITY_ATTRIBUTES[kind]?.includes(attribute))
            return 'security';
        if (COSMETIC_ATTRIBUTES.has(attribute))
            return 'cosmetic';
    }
    return 'breaking';
}
/** What an object is, in one value, for the expected/actual field of a missing or unexpected object. */
function summary(o) {
    const a = o.attrs;
    switch (o.kind) {
        case 'column':
            return `${a.type}${a.not_null ? ' NOT NULL' : ''}${a.default ? ` DEFAULT ${a.default}` : ''}`;
        case 'constraint':
        case 'index':
        case 'trigger':
            return o.ddl ?? a.definition ?? o.kind;
        case 'privilege':
        case 'column privilege':
        case 'function privilege':
        case 'schema privilege':
        case 'type privilege':
        case 'default privilege':
            return a.privileges ?? null;
        case 'composite type':
            return a.attributes ?? null;
        case 'rule':
            return a.definition ?? o.kind;
        case 'extension':
            return a.version ?? 'present';
        case 'enum':
            return a.labels ?? null;
        case 'table':
            return a.relkind ?? 'table';
        case 'policy':
            return `${a.command} ${a.using ?? ''}`.trim();
        default:
            return 'present';
    }
}
function displayName(o) {
    if (o.kind === 'function privilege') {
        return `${displayName({ ...o, kind: 'function', path: o.path.slice(0, 2) })}.${(0,sql_quote/* quoteQualified */.$s)(o.path.slice(2))}`;
    }
    if (o.kind !== 'function')
        return (0,sql_quote/* quoteQualified */.$s)(o.path);
    const raw = o.path[1] ?? '';
    const open = raw.indexOf('(');
    return `${(0,sql_quote/* quoteQualified */.$s)([o.path[0] ?? '', raw.slice(0, open)])}${raw.slice(open)}`;
}
/** Attribute values are scalars or string lists, so no generic deep-equal (or JSON) is needed. */
function structure_same(a, b) {
    const x = a ?? null;
    const y = b ?? null;
    if (x === y)
        return true;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length)
        return false;
    return x.every((v, i) => v === y[i]);
}
/** True when no attribute differs (a key missing on one side equals null on the other, as in `same`). */
function sameAttrs(e, a) {
    for (const k in e)
        if (!structure_same(e[k], a[k]))
            return false;
    for (const k in a)
        if (!(k in e) && !structure_same(null, a[k]))
            return false;
    return true;
}
/** An identifier as a token in a definition, outside single-quoted literals. */
function renameToken(text, from, to) {
    const quoted = (0,sql_quote/* quoteIdent */.v4)(from);
    const token = quoted.startsWith('"')
        ? new RegExp(quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
        : new RegExp(`(?<![\\w$".])${from}(?![\\w$"])`, 'g');
    return text
        .split(/('(?:[^']|'')*')/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(token, () => (0,sql_quote/* quoteIdent */.v4)(to))))
        .join('');
}
/**
 * A column renamed in place carries its indexes and CHECKs with it: read under the expected column name, they are
 * what the RENAME restores, so they are not reported (and rebuilt) as changed too.
 */
function restoredByColumnRenames(exp, act, tableKey) {
    const missing = [];
    const unexpected = [];
    for (const [key, o] of exp)
        if (o.kind === 'column' && !act.has(key) && act.has(tableKey(o)))
            missing.push(o);
    if (missing.length === 0)
        return;
    for (const [key, o] of act)
        if (o.kind === 'column' && !exp.has(key) && exp.has(tableKey(o)))
            unexpected.push(o);
    const on = (map) => (o) => map.get(tableKey(o));
    for (const { expected: e, actual: a } of findRenames(missing, unexpected, on(exp), on(act))) {
        const [schema, table] = e.path;
        const from = a.path[2] ?? '';
        const to = e.path[2] ?? '';
        for (const [key, o] of act) {
            const onTable = (o.kind === 'constraint' && o.path[0] === schema && o.path[1] === table) ||
                (o.kind === 'index' && o.attrs.table === `${schema}.${table}`);
            if (!onTable)
                continue;
            const attrs = { ...o.attrs };
            for (const k of ['definition', 'predicate']) {
                const v = attrs[k];
                if (typeof v === 'string')
                    attrs[k] = renameToken(v, from, to);
            }
            act.set(key, { ...o, attrs });
        }
    }
}
/** Compares two snapshots; `expected` is what the migrations define, `actual` what the database holds. */
function diffSnapshots(expected, actual, options = {}) {
    const exp = new Map(expected.objects.map((o) => [(0,model/* objectKey */.T5)(o), o]));
    // Identity before difference: a table renamed or moved is one table, compared under its expected name.
    const tables = pairTables(expected.objects, actual.objects);
    const act = new Map(tables.actual.map((o) => [(0,model/* objectKey */.T5)(o), o]));
    // Only a missing table's CREATE TABLE needs its children, so the index is built on first use.
    let byTable;
    let relations;
    const childKey = (kind, path) => `${kind}\u0000${path[0]}\u0000${path[1]}`;
    const ctx = {
        childrenOf: (kind, prefix) => {
            if (!byTable) {
                byTable = new Map();
                for (const o of expected.objects) {
                    if (o.kind !== 'column' && o.kind !== 'constraint')
                        continue;
                    const key = childKey(o.kind, o.path);
                    const children = byTable.get(key);
                    if (children)
                        children.push(o);
                    else
                        byTable.set(key, [o]);
                }
            }
            return [...(byTable.get(childKey(kind, prefix)) ?? [])];
        },
        relationExists: (dotted) => {
            relations ??= new Set([...act.values()]
                // A materialized view may be recreated by the same script, with its indexes: only tables stay.
                .filter((o) => o.kind === 'table')
                .map((o) => o.path.join('.')));
            return relations.has(dotted);
        },
        indexesOn: (relation) => {
            const dotted = relation.join('.');
            return expected.objects.filter((o) => o.kind === 'index' && o.attrs.table === dotted && o.path[0] === relation[0]);
        },
    };
    const tableKey = (o) => (0,model/* objectKey */.T5)({ kind: 'table', path: [o.path[0] ?? '', o.path[1] ?? ''] });
    restoredByColumnRenames(exp, act, tableKey);
    const onTable = new Set(['column', 'constraint', 'index', 'trigger', 'policy']);
    const differences = [];
    const notices = [];
    const scripts = new Map();
    // Statements already offered for an object: a second attribute whose fix is the same recreation points back.
    const offered = new Map();
    const make = (change, o, attribute, expectedValue, actualValue, statements, rename = null) => {
        const renamedTo = rename && rename.path[rename.path.length - 1] !== o.path[o.path.length - 1];
        const movedTo = rename && o.kind === 'table' && rename.path[0] !== o.path[0];
        const key = (0,model/* objectKey */.T5)(o);
        const done = offered.get(key) ?? new Map();
        offered.set(key, done);
        const shown = statements.map((st) => {
            const by = done.get(st.sql);
            if (by === undefined) {
                done.set(st.sql, String(attribute));
                return st;
            }
            return manual(`done by the fix-up of ${by}`, st.safety);
        });
        const d = {
            change,
            kind: o.kind,
            object: displayName(o),
            path: [...o.path],
            attribute,
            expected: expectedValue,
            actual: actualValue,
            severity: severityOf(o.kind, attribute, o),
            fix_sql: renderStatements(shown),
            safety: worstSafety(statements),
            possible_rename: rename && (renamedTo || !movedTo) ? displayName(rename) : null,
            possible_move: movedTo && rename ? displayName(rename) : null,
        };
        scripts.set(d, {
            change,
            kind: o.kind,
            attribute,
            foreignKey: o.kind === 'constraint' && o.attrs.type === 'foreign key',
            child: o.kind === 'table' &&
                ((Array.isArray(o.attrs.partition_of) && o.attrs.partition_of.length > 0) ||
                    (Array.isArray(o.attrs.inherits) && o.attrs.inherits.length > 0)),
            rename: rename !== null,
            statements,
        });
        return d;
    };
    const missing = [];
    const unexpected = [];
    for (const { expected: e, actual: a } of tables.pairs) {
        differences.push(make('missing', e, null, summary(e), summary(a), renameTableStatements(e, a), a));
    }
    for (const [key, e] of exp) {
        const a = act.get(key);
        if (!a) {
            // A missing table's CREATE TABLE carries its columns and constraints; they are not listed again.
            if ((e.kind === 'column' || e.kind === 'constraint') && !act.has(tableKey(e)) && exp.has(tableKey(e)))
                continue;
            missing.push(e);
            continue;
        }
        // Nearly every object is unchanged: check that first without building an attribute list.
        if (sameAttrs(e.attrs, a.attrs))
            continue;
        const attributes = Object.keys(e.attrs);
        for (const k of Object.keys(a.attrs))
            if (!(k in e.attrs))
                attributes.push(k);
        for (const attribute of attributes) {
            if (attribute === 'column_order') {
                const shared = (list, other) => (Array.isArray(list) ? list : []).filter((c) => Array.isArray(other) && other.includes(c));
                const eOrder = shared(e.attrs.column_order, a.attrs.column_order);
                const aOrder = shared(a.attrs.column_order, e.attrs.column_order);
                if (structure_same(eOrder, aOrder))
                    continue;
                const d = make('changed', e, attribute, eOrder, aOrder, [
                    manual('PostgreSQL cannot reorder columns in place; recreate the table if the order matters', 'destructive'),
                ]);
                (options.columnOrder === 'difference' ? differences : notices).push(d);
                continue;
            }
            if (structure_same(e.attrs[attribute], a.attrs[attribute]))
                continue;
            differences.push(make('changed', e, attribute, e.attrs[attribute] ?? null, a.attrs[attribute] ?? null, fixupStatements('changed', e, a, attribute, ctx)));
        }
    }
    for (const [key, a] of act) {
        if (exp.has(key))
            continue;
        // Dropping an unexpected table drops what hangs on it.
        if (onTable.has(a.kind) && !exp.has(tableKey(a)) && act.has(tableKey(a)))
            continue;
        if (a.kind === 'privilege' && !exp.has(tableKey(a)) && act.has(tableKey(a)))
            continue;
        if (a.kind === 'column privilege' && !exp.has(tableKey(a)) && act.has(tableKey(a)))
            continue;
        unexpected.push(a);
    }
    // A likely rename is one difference whose fix is RENAME (and the changes of the renamed object, if any).
    const tableOn = (map) => (o) => map.get(tableKey(o));
    const renamed = new Set();
    for (const { expected: e, actual: a } of findRenames(missing, unexpected, tableOn(exp), tableOn(act))) {
        renamed.add(e).add(a);
        differences.push(make('missing', e, null, summary(e), summary(a), [renameStatement(e, a)], a));
        for (const attribute of Object.keys(e.attrs)) {
            // An index's definition holds its name; the rest of it is what made the pair.
            if (attribute === 'comment' || (e.kind === 'index' && attribute === 'definition'))
                continue;
            if (structure_same(e.attrs[attribute], a.attrs[attribute]))
                continue;
            differences.push(make('changed', e, attribute, e.attrs[attribute] ?? null, a.attrs[attribute] ?? null, [
                ...fixupStatements('changed', e, { ...a, path: e.path }, attribute, ctx),
            ]));
        }
        if (!structure_same(e.attrs.comment, a.attrs.comment)) {
            differences.push(make('changed', e, 'comment', e.attrs.comment ?? null, a.attrs.comment ?? null, [
                ...fixupStatements('changed', e, a, 'comment', ctx),
            ]));
        }
    }
    for (const e of missing) {
        if (renamed.has(e))
            continue;
        const similar = tables.similar.get(e);
        if (similar) {
            const names = similar.map(displayName).join(' or ');
            differences.push(make('missing', e, null, summary(e), null, [
                manual(`${displayName(e)} may be ${names} renamed or moved and then changed (at least half its columns are there): creating it would leave an empty table while its rows may sit there; rename and change that table by hand, or create this one if it is not it`, 'destructive'),
            ]));
            continue;
        }
        const candidates = tables.ambiguous.get(e);
        if (candidates) {
            // Creating it would leave an empty table under the expected name while its rows may sit in a candidate.
            const names = candidates.map(displayName).join(' or ');
            differences.push(make('missing', e, null, summary(e), null, [
                manual(`${displayName(e)} may be ${names} renamed or moved (same columns and constraints), and the catalog cannot tell which: rename the right one by hand, or create the table if none is it`, 'destructive'),
            ]));
            continue;
        }
        differences.push(make('missing', e, null, summary(e), null, fixupStatements('missing', e, undefined, null, ctx)));
    }
    for (const a of unexpected) {
        if (renamed.has(a))
            continue;
        differences.push(make('unexpected', a, null, null, summary(a), fixupStatements('unexpected', undefined, a, null, ctx)));
    }
    const rank = new Map(model/* OBJECT_KINDS */.cg.map((k, i) => [k, i]));
    const order = (x, y) => SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity) ||
        (rank.get(x.kind) ?? 0) - (rank.get(y.kind) ?? 0) ||
        (x.object < y.object ? -1 : x.object > y.object ? 1 : 0) ||
        (String(x.attribute) < String(y.attribute) ? -1 : String(x.attribute) > String(y.attribute) ? 1 : 0);
    differences.sort(order);
    notices.sort(order);
    const { kept, ignored, warnings } = (0,ignore_rules/* applyIgnoreRules */.Kq)(differences, options.rules ?? [], options.today ?? new Date());
    const counts = { security: 0, breaking: 0, cosmetic: 0 };
    for (const d of kept)
        counts[d.severity]++;
    return {
        equal: kept.length === 0,
        expected_fingerprint: expected.fingerprint,
        actual_fingerprint: actual.fingerprint,
        differences: kept,
        notices,
        ignored,
        warnings,
        counts,
        fix_script: fixupScript(kept.map((d) => scripts.get(d)).filter((e) => e !== undefined)),
    };
}


/***/ })

};
