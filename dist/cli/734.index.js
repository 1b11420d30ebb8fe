export const id = 734;
export const ids = [734];
export const modules = {

/***/ 6414:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ objectKey),
/* harmony export */   c: () => (/* binding */ OBJECT_KINDS)
/* harmony export */ });
// The catalog snapshot: schema metadata only (never row data), keyed by names so it is independent of OIDs and
// of the order objects were created in.
/** Kinds in the order a snapshot lists them (and a diff reports them). */
const OBJECT_KINDS = [
    'schema',
    'extension',
    'enum',
    'domain',
    'sequence',
    'table',
    'column',
    'constraint',
    'index',
    'view',
    'materialized view',
    'function',
    'trigger',
    'policy',
    'privilege',
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
            return { kind: 'schema', path: [name], attrs: { comment: str(raw.comment) } };
        case 'extension':
            return { kind: 'extension', path: [name], attrs: { version: str(raw.version), schema: str(raw.schema) } };
        case 'enum':
            return { kind: 'enum', path: [schema, name], attrs: { labels: list(raw.labels), comment: str(raw.comment) } };
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
                    column_order: list(raw.columns),
                },
            };
        case 'privilege': {
            const privileges = list(raw.privileges).sort();
            const all = raw.relkind === 'S' ? ALL_SEQUENCE_PRIVILEGES : ALL_TABLE_PRIVILEGES;
            const isAll = (set) => all.every((p) => set.includes(p));
            const grantable = list(raw.grantable).sort();
            return {
                kind: 'privilege',
                path: [schema, name, String(raw.grantee)],
                attrs: {
                    object_type: raw.relkind === 'S' ? 'sequence' : 'table',
                    privileges: isAll(privileges) ? ['ALL'] : privileges,
                    grantable: grantable.length > 0 && isAll(grantable) ? ['ALL'] : grantable,
                },
            };
        }
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
    [
        'columns',
        `(SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)`,
    ],
]);
const PRIVILEGE = positional('privilege', [
    ['schema', 'n.nspname'],
    ['name', 'c.relname'],
    ['relkind', 'c.relkind'],
    ['grantee', "CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE r.rolname END"],
    ['privileges', 'json_agg(x.privilege_type ORDER BY x.privilege_type)'],
    [
        'grantable',
        `coalesce(json_agg(x.privilege_type ORDER BY x.privilege_type) FILTER (WHERE x.is_grantable),
                               '[]'::json)`,
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
]);
const SCHEMA = positional('schema', [
    ['name', 'n.nspname'],
    ['comment', 'd.description'],
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
SELECT ${retyped(TYPE, 'type', "CASE t.typtype WHEN 'e' THEN 'enum' ELSE 'domain' END")}
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace ${DESCRIPTION('d', 'pg_type', 't.oid')}
WHERE ${PIN} AND t.typtype IN ('e', 'd') AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
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
        fields: { table: TABLE.names, privilege: PRIVILEGE.names },
        inner: `
SELECT ${TABLE.sql} AS o
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ${DESCRIPTION('d', 'pg_class', 'c.oid')}
WHERE ${PIN} AND c.relkind IN ('r', 'p', 'f') AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
UNION ALL
SELECT ${PRIVILEGE.sql}
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL aclexplode(c.relacl) x
LEFT JOIN pg_roles r ON r.oid = x.grantee
WHERE ${PIN} AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND x.grantee <> c.relowner
  AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
GROUP BY n.nspname, c.relname, c.relkind, x.grantee, r.rolname`,
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
        name: 'triggers and policies',
        fields: { trigger: TRIGGER.names, policy: POLICY.names },
        inner: `
SELECT ${TRIGGER.sql} AS o
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('d', 'pg_trigger', 't.oid')}
WHERE ${PIN} AND NOT t.tgisinternal AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
UNION ALL
SELECT ${POLICY.sql}
FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${PIN} AND ${USER_SCHEMA('n')}`,
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
            return await executor.query(wrapSection(section), [chunkBytes, chunk]);
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
    const rank = new Map(model/* OBJECT_KINDS */.c.map((k, i) => [k, i]));
    const byKey = new Map();
    for (const o of objects)
        byKey.set((0,model/* objectKey */.T)(o), o);
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
        if (!model/* OBJECT_KINDS */.c.includes(o.kind)) {
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

/***/ 8674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   oF: () => (/* reexport safe */ _inputs_js__WEBPACK_IMPORTED_MODULE_0__.o),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6097);
// Action inputs and CLI flags → one validated Config. Both front ends pass the same kebab-case names, so the
// defaults and the checks live here once. Every error names the input and repeats the bad value.


class ConfigError extends Error {
    name = 'ConfigError';
}
const identifier = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const field = {
    text: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().trim(),
    environment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" or "-", at most 63, starting alphanumeric'),
    identifier: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().trim().regex(identifier, 'a plain SQL identifier (letters, digits, "_", "$"; at most 63)'),
    minutes: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .regex(/^\d+$/, 'a whole number of minutes')
        .transform(Number)
        .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().max(525_600, 'at most 525600 (a year)')),
    seconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .regex(/^\d+$/, 'a whole number of seconds')
        .transform(Number)
        .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(900, 'at least 900').max(43_200, 'at most 43200')),
    days: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .regex(/^[1-9]\d*$/, 'a positive whole number of days')
        .transform(Number)
        .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().max(36_500, 'at most 36500')),
    boolean: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .toLowerCase()
        .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['true', 'false'], 'true or false'))
        .transform((v) => v === 'true'),
    databaseUrl: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL'),
};
function read(raw, name, schema, fallback) {
    const value = raw[name]?.trim() ? raw[name] : fallback;
    if (value === undefined || value === '')
        return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const shown = name.endsWith('database-url') ? '(hidden: it may hold a password)' : JSON.stringify(value);
    throw new ConfigError(`Invalid input "${name}": ${shown} — expected ${parsed.error.issues[0]?.message ?? 'a valid value'}`);
}
/** Validates the raw inputs; throws ConfigError naming the first bad input. */
function parseConfig(raw) {
    const text = (name, fallback) => read(raw, name, field.text, fallback);
    const databaseUrl = read(raw, 'database-url', field.databaseUrl);
    const lambdaFunction = text('lambda-function');
    const pgliteDir = text('pglite');
    const targets = [databaseUrl && 'database-url', lambdaFunction && 'lambda-function', pgliteDir && 'pglite'];
    const given = targets.filter(Boolean);
    if (given.length > 1)
        throw new ConfigError(`Give one database, not ${given.map((n) => `"${n}"`).join(' and ')}`);
    let database;
    if (databaseUrl)
        database = { kind: 'postgres', url: databaseUrl };
    else if (lambdaFunction) {
        database = {
            kind: 'lambda',
            functionName: lambdaFunction,
            qualifier: text('lambda-qualifier'),
            payloadTemplate: text('lambda-payload-template'),
            rowsPath: text('lambda-rows-path'),
        };
    }
    else if (pgliteDir)
        database = { kind: 'pglite', dir: pgliteDir };
    const bucket = text('s3-bucket');
    const lockMode = read(raw, 's3-object-lock-mode', zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .toUpperCase()
        .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['GOVERNANCE', 'COMPLIANCE'], 'GOVERNANCE or COMPLIANCE')));
    const lockDays = read(raw, 's3-object-lock-days', field.days);
    if ((lockMode === undefined) !== (lockDays === undefined)) {
        throw new ConfigError('Inputs "s3-object-lock-mode" and "s3-object-lock-days" go together: set both or neither');
    }
    if (!bucket && (lockMode || text('s3-kms-key-id'))) {
        throw new ConfigError('Inputs "s3-kms-key-id" and "s3-object-lock-*" need "s3-bucket"');
    }
    const topicArn = text('sns-topic-arn');
    // Read even when unused, so a typo is reported before it matters.
    const notifyOnSuccess = read(raw, 'notify-on-success', field.boolean, 'false');
    const notifyOn = text('notify-on', 'drift,error');
    const expected = read(raw, 'structure-expected', zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .trim()
        .toLowerCase()
        .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['none', 'reference', 'snapshot', 'baseline'], 'none, reference, snapshot or baseline')), 'none');
    const referenceDatabaseUrl = read(raw, 'reference-database-url', field.databaseUrl);
    const snapshotFile = text('snapshot-file');
    if (expected === 'reference' && !referenceDatabaseUrl) {
        throw new ConfigError('Input "structure-expected" is "reference": set "reference-database-url" too');
    }
    if (expected === 'snapshot' && !snapshotFile) {
        throw new ConfigError('Input "structure-expected" is "snapshot": set "snapshot-file" too');
    }
    const structure = expected === 'none'
        ? undefined
        : { expected, referenceDatabaseUrl, referenceSetupCommand: text('reference-setup-command'), snapshotFile };
    return {
        migrations: text('migrations'),
        environment: read(raw, 'environment', field.environment, 'production'),
        failOn: read(raw, 'fail-on', zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .trim()
            .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['drift', 'error', 'never'], 'drift, error or never')), 'drift'),
        pendingGraceMinutes: read(raw, 'pending-grace', field.minutes, '0'),
        reportDir: text('report-dir'),
        versionTable: read(raw, 'version-table', field.identifier, 'alembic_version'),
        versionTableSchema: read(raw, 'version-table-schema', field.identifier),
        database,
        aws: {
            region: text('aws-region'),
            roleToAssume: read(raw, 'role-to-assume', zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
                .trim()
                .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN (arn:aws:iam::123456789012:role/name)')),
            roleSessionName: text('role-session-name'),
            roleDurationSeconds: read(raw, 'role-duration-seconds', field.seconds, '3600'),
            audience: text('audience', 'sts.amazonaws.com'),
        },
        s3: bucket
            ? {
                bucket,
                prefix: text('s3-prefix', 'schema-drift/'),
                kmsKeyId: text('s3-kms-key-id'),
                objectLockMode: lockMode,
                objectLockDays: lockDays,
            }
            : undefined,
        sns: topicArn
            ? {
                topicArn,
                notifyOn,
                notifyOnSuccess,
            }
            : undefined,
        structure,
        ignoreRulesFile: text('config'),
        pullRequest: {
            mode: text('mode', 'auto'),
            githubToken: text('github-token') ?? '',
            checkName: read(raw, 'check-name', zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().trim().max(100, 'at most 100 characters'), 'schema-drift'),
            comment: read(raw, 'comment', field.boolean, 'true'),
        },
    };
}


/***/ }),

/***/ 9917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ describeTarget),
  c: () => (/* binding */ openExecutor)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
;// CONCATENATED MODULE: ./lib/aws/errors.js
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

;// CONCATENATED MODULE: ./lib/aws/retry.js
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

;// CONCATENATED MODULE: ./lib/database/lambda-response.js
// Decoding what the rds-sql-api Lambda answered into rows, or into an error quoting the Lambda's own words.
// Pure: bytes and strings in, rows or LambdaResponseError out.

/** A Lambda answer that is a failure or that we cannot read; `retryable` marks transient ones (429/502/503/504). */
class LambdaResponseError extends Error {
    retryable;
    constructor(message, retryable = false) {
        super(message);
        this.retryable = retryable;
        this.name = 'LambdaResponseError';
    }
}
const transientStatus = new Set([429, 502, 503, 504]);
/** Rows from one Invoke answer; throws LambdaResponseError for every failure shape of the contract. */
function decodeLambdaAnswer(answer) {
    const text = answer.payload == null
        ? ''
        : typeof answer.payload === 'string'
            ? answer.payload
            : Buffer.from(answer.payload).toString('utf8');
    const parsed = parseJson(text);
    if (answer.functionError) {
        const detail = parsed.ok ? errorText(parsed.value) : undefined;
        const quoted = detail ?? (text.trim() ? quoteRemote(text) : 'no error message');
        throw new LambdaResponseError(`function error (${answer.functionError}): ${quoted}`);
    }
    if (!text.trim())
        throw new LambdaResponseError('the function returned an empty payload');
    if (!parsed.ok)
        throw new LambdaResponseError(`the function returned a payload that is not JSON: ${quoteRemote(text, 200)}`);
    const value = parsed.value;
    checkForFailure(value);
    if (answer.rowsPath)
        return rowsAtPath(value, answer.rowsPath);
    const rows = findRows(value);
    if (rows)
        return rows;
    throw new LambdaResponseError(`no rows found in the answer (${describeShape(value)}); expected an array of rows, {rows}, {statusCode, body} or ` +
        '{records, columnMetadata} — set lambda-rows-path to where the rows are');
}
/** An `errorMessage`, or a statusCode ≥ 400 with its body, is a failure even without FunctionError. */
function checkForFailure(value) {
    if (!isObject(value))
        return;
    if (typeof value.errorMessage === 'string' || typeof value.errorType === 'string') {
        throw new LambdaResponseError(`the function reported an error: ${errorText(value)}`);
    }
    const status = statusOf(value.statusCode);
    if (status !== undefined && status >= 400) {
        const body = typeof value.body === 'string' ? parseJson(value.body) : { ok: true, value: value.body };
        const detail = (body.ok ? errorText(body.value) : undefined) ??
            (typeof value.body === 'string' && value.body.trim() ? quoteRemote(value.body) : 'no error message');
        throw new LambdaResponseError(`the function answered statusCode ${status}: ${detail}`, transientStatus.has(status));
    }
}
/** The rows in the first default shape that fits, or undefined. */
function findRows(value) {
    if (Array.isArray(value))
        return asRows(value, 'the answer');
    if (!isObject(value))
        return undefined;
    if (Array.isArray(value.rows))
        return asRows(value.rows, 'rows');
    if (isDataApi(value))
        return decodeDataApi(value);
    if (typeof value.formattedRecords === 'string') {
        const parsed = parseJson(value.formattedRecords);
        if (parsed.ok && Array.isArray(parsed.value))
            return asRows(parsed.value, 'formattedRecords');
    }
    if ('statusCode' in value && 'body' in value) {
        if (typeof value.body === 'string') {
            const parsed = parseJson(value.body);
            if (!parsed.ok) {
                throw new LambdaResponseError(`the function's body is a string that is not JSON: ${quoteRemote(value.body, 200)}`);
            }
            checkForFailure(parsed.value);
            return findRows(parsed.value);
        }
        checkForFailure(value.body);
        return findRows(value.body);
    }
    return undefined;
}
/** Follows a dotted path (JSON-string bodies are parsed on the way) to an array of rows or a Data API result. */
function rowsAtPath(value, path) {
    let current = value;
    const walked = [];
    for (const key of path.split('.').filter(Boolean)) {
        if (typeof current === 'string') {
            const parsed = parseJson(current);
            if (parsed.ok)
                current = parsed.value;
        }
        const here = walked.length ? walked.join('.') : 'the answer';
        if (Array.isArray(current) && /^\d+$/.test(key))
            current = current[Number(key)];
        else if (isObject(current) && key in current)
            current = current[key];
        else {
            const keys = isObject(current) ? Object.keys(current).slice(0, 10).join(', ') : describeShape(current);
            throw new LambdaResponseError(`lambda-rows-path "${path}" not found: ${here} has no "${key}" (it has: ${keys || 'nothing'})`);
        }
        walked.push(key);
    }
    if (typeof current === 'string') {
        const parsed = parseJson(current);
        if (parsed.ok)
            current = parsed.value;
    }
    if (Array.isArray(current))
        return asRows(current, `lambda-rows-path "${path}"`);
    if (isObject(current) && isDataApi(current))
        return decodeDataApi(current);
    throw new LambdaResponseError(`lambda-rows-path "${path}" holds ${describeShape(current)}, not an array of rows`);
}
function asRows(values, where) {
    values.forEach((row, index) => {
        if (!isObject(row)) {
            throw new LambdaResponseError(`${where}: row ${index} is ${describeShape(row)}, not an object keyed by column name`);
        }
    });
    return values;
}
function isDataApi(value) {
    return Array.isArray(value.records) && Array.isArray(value.columnMetadata);
}
/** RDS Data API ExecuteStatement output → row objects keyed by column label (or name). */
function decodeDataApi(result) {
    const names = result.columnMetadata.map((column, index) => {
        if (isObject(column)) {
            if (typeof column.label === 'string' && column.label)
                return column.label;
            if (typeof column.name === 'string' && column.name)
                return column.name;
        }
        throw new LambdaResponseError(`columnMetadata[${index}] has no name or label`);
    });
    return result.records.map((record, rowIndex) => {
        if (!Array.isArray(record) || record.length !== names.length) {
            throw new LambdaResponseError(`records[${rowIndex}] has ${Array.isArray(record) ? record.length : 'no'} fields for ${names.length} columns`);
        }
        const row = {};
        names.forEach((name, i) => {
            row[name] = dataApiField(record[i], `records[${rowIndex}][${i}]`);
        });
        return row;
    });
}
function dataApiField(field, where) {
    if (!isObject(field))
        throw new LambdaResponseError(`${where} is ${describeShape(field)}, not a Data API field`);
    if (field.isNull === true)
        return null;
    if ('stringValue' in field)
        return field.stringValue;
    if ('longValue' in field)
        return field.longValue;
    if ('doubleValue' in field)
        return field.doubleValue;
    if ('booleanValue' in field)
        return field.booleanValue;
    if ('blobValue' in field)
        return field.blobValue;
    if ('arrayValue' in field)
        return dataApiArray(field.arrayValue, where);
    throw new LambdaResponseError(`${where} has no value we know (${Object.keys(field).join(', ') || 'empty'})`);
}
function dataApiArray(value, where) {
    if (!isObject(value))
        throw new LambdaResponseError(`${where}.arrayValue is ${describeShape(value)}`);
    for (const key of ['stringValues', 'longValues', 'doubleValues', 'booleanValues']) {
        const list = value[key];
        if (Array.isArray(list))
            return list;
    }
    if (Array.isArray(value.arrayValues)) {
        return value.arrayValues.map((inner, i) => dataApiArray(inner, `${where}.arrayValues[${i}]`));
    }
    throw new LambdaResponseError(`${where}.arrayValue has no values we know (${Object.keys(value).join(', ')})`);
}
/** The message a Lambda error object carries: errorType and errorMessage, or message/error fields. */
function errorText(value) {
    if (typeof value === 'string')
        return value.trim() ? quoteRemote(value) : undefined;
    if (!isObject(value))
        return undefined;
    const type = typeof value.errorType === 'string' ? value.errorType : undefined;
    const message = [value.errorMessage, value.message, value.error, value.Message].find((m) => typeof m === 'string' && m.trim() !== '');
    const nested = isObject(value.error) ? errorText(value.error) : undefined;
    const text = message ?? nested;
    if (type && text)
        return quoteRemote(`${type}: ${text}`);
    if (text)
        return quoteRemote(text);
    if (type)
        return quoteRemote(type);
    return undefined;
}
function statusOf(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && /^\d{3}$/.test(value))
        return Number(value);
    return undefined;
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describeShape(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (isObject(value)) {
        const keys = Object.keys(value);
        return keys.length ? `an object with keys ${keys.slice(0, 10).join(', ')}` : 'an empty object';
    }
    return `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./lib/database/lambda.js
// SqlExecutor through the existing rds-sql-api Lambda (the only way into the production VPC).




/** Lambda's limit for a synchronous request or response payload. */
const lambdaPayloadLimitBytes = 6 * 1024 * 1024;
const defaultPayloadTemplate = '{"sql": "{{sql}}", "params": "{{params}}"}';
/** A LambdaClient for the executor: our retry policy only (SDK retries off) and a bounded wait per call. */
function createLambdaClient(config, options = {}) {
    // No endpoint here: AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_LAMBDA must keep working (LocalStack, tests).
    return new dist_cjs/* LambdaClient */.Nox({
        region: config.region,
        credentials: config.credentials,
        maxAttempts: 1,
        // Without throwOnRequestTimeout the handler only logs a warning and keeps waiting.
        requestHandler: {
            requestTimeout: options.timeoutMs ?? 60_000,
            throwOnRequestTimeout: true,
            connectionTimeout: 10_000,
        },
    });
}
/** Runs each query as one synchronous Invoke of the rds-sql-api function. */
function createLambdaExecutor(options) {
    const functionName = options.functionName.trim();
    if (!functionName || /\s/.test(functionName)) {
        throw new Error(`Invalid input lambda-function: "${options.functionName}" is not a function name or ARN`);
    }
    const qualifier = options.qualifier?.trim() || undefined;
    if (qualifier !== undefined && !/^[\w$-]{1,128}$/.test(qualifier)) {
        throw new Error(`Invalid input lambda-qualifier: "${qualifier}" is not a version or alias name`);
    }
    const template = parsePayloadTemplate(options.payloadTemplate);
    const maxResponseBytes = options.maxResponseBytes ?? lambdaPayloadLimitBytes;
    const rowsPath = options.rowsPath?.trim() || undefined;
    const fail = (detail) => new Error(`Could not invoke rds-sql-api "${functionName}": ${detail}`);
    return {
        async query(sql, params = []) {
            if (params.length > 0 && !template.hasParams) {
                throw fail(`the query has ${params.length} parameter(s) but lambda-payload-template has no "{{params}}"`);
            }
            const payload = Buffer.from(renderPayload(template.value, sql, params), 'utf8');
            if (payload.byteLength >= lambdaPayloadLimitBytes) {
                throw fail(`the request payload is ${payload.byteLength} bytes, over Lambda's 6 MB limit`);
            }
            let attempts = 0;
            try {
                return await withRetry(`invoke rds-sql-api "${functionName}"`, async (attempt) => {
                    attempts = attempt;
                    const answer = await options.client.send(new dist_cjs/* InvokeCommand */.mdN({
                        FunctionName: functionName,
                        Qualifier: qualifier,
                        InvocationType: 'RequestResponse',
                        Payload: payload,
                    }));
                    const size = answer.Payload?.byteLength ?? 0;
                    if (size > maxResponseBytes) {
                        throw new LambdaResponseError(`the response payload is ${size} bytes, over the ${maxResponseBytes}-byte limit; ` +
                            'the query returned more than the Lambda can carry');
                    }
                    return decodeLambdaAnswer({
                        payload: answer.Payload,
                        functionError: answer.FunctionError,
                        rowsPath,
                    });
                }, {
                    ...options.retry,
                    isRetryable: options.retry?.isRetryable ??
                        ((error) => isThrottleOrServerError(error) || (error instanceof LambdaResponseError && error.retryable)),
                });
            }
            catch (error) {
                const detail = error instanceof LambdaResponseError ? error.message : explainSdkError(error);
                throw fail(attempts > 1 ? `${detail} (gave up after ${attempts} attempts)` : detail);
            }
        },
        describe: () => `lambda:${functionName}${qualifier ? `:${qualifier}` : ''}`,
        async close() {
            // The client belongs to the caller, who may share it.
        },
    };
}
function explainSdkError(error) {
    const text = describeError(error);
    const name = error?.name;
    if (name === 'RequestTooLargeException')
        return `${text} (the request is over Lambda's 6 MB limit)`;
    if (name === 'TimeoutError')
        return `${text} (no answer in time; the function may still be running)`;
    return text;
}
/** Parses and checks lambda-payload-template: valid JSON with a string value that is exactly "{{sql}}". */
function parsePayloadTemplate(text) {
    const source = text?.trim() ? text : defaultPayloadTemplate;
    let value;
    try {
        value = JSON.parse(source);
    }
    catch (error) {
        // The template may carry an API key, so its text is not echoed.
        throw new Error(`Invalid input lambda-payload-template: not valid JSON (${quoteRemote(error.message, 120)})`);
    }
    const found = { sql: false, params: false };
    visitStrings(value, (s) => {
        if (s === '{{sql}}')
            found.sql = true;
        if (s === '{{params}}')
            found.params = true;
    });
    if (!found.sql) {
        throw new Error('Invalid input lambda-payload-template: it has no string value that is exactly "{{sql}}"');
    }
    return { value, hasParams: found.params };
}
/** The request JSON: every string value "{{sql}}" becomes the SQL and every "{{params}}" the parameter array. */
function renderPayload(template, sql, params) {
    const jsonParams = params.map((p) => (typeof p === 'bigint' ? p.toString() : p === undefined ? null : p));
    const fill = (node) => {
        if (node === '{{sql}}')
            return sql;
        if (node === '{{params}}')
            return jsonParams;
        if (Array.isArray(node))
            return node.map(fill);
        if (typeof node === 'object' && node !== null) {
            return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
        }
        return node;
    };
    return JSON.stringify(fill(template));
}
function visitStrings(node, visit) {
    if (typeof node === 'string')
        visit(node);
    else if (Array.isArray(node))
        for (const item of node)
            visitStrings(item, visit);
    else if (typeof node === 'object' && node !== null)
        for (const v of Object.values(node))
            visitStrings(v, visit);
}

// EXTERNAL MODULE: ./lib/database/postgres.js
var postgres = __webpack_require__(7306);
// EXTERNAL MODULE: ./lib/database/redact.js
var redact = __webpack_require__(2176);
;// CONCATENATED MODULE: ./lib/database/open.js



/** Credentials failures are their own stage in the report, not a database failure. */
async function credentials(factories) {
    try {
        return await factories.aws();
    }
    catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { stage: 'credentials' });
    }
}
async function openExecutor(target, factories) {
    switch (target.kind) {
        case 'postgres':
            return (0,postgres/* openPostgresExecutor */.$)(target.url);
        case 'pglite':
            if (!factories.pglite)
                throw new Error('the embedded PGlite database is available in the CLI only');
            return factories.pglite(target.dir);
        case 'lambda':
            return createLambdaExecutor({
                functionName: target.functionName,
                qualifier: target.qualifier,
                payloadTemplate: target.payloadTemplate,
                rowsPath: target.rowsPath,
                client: createLambdaClient(await credentials(factories)),
            });
    }
}
/** How a target is shown before it is opened; never holds a password. */
function describeTarget(target) {
    switch (target.kind) {
        case 'postgres':
            return (0,redact/* redactDatabaseUrl */.A)(target.url);
        case 'pglite':
            return `pglite:${target.dir}`;
        case 'lambda':
            return `lambda:${target.functionName}${target.qualifier ? `:${target.qualifier}` : ''}`;
    }
}


/***/ }),

/***/ 3392:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ openPgliteExecutor)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _electric_sql_pglite__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5038);



/** Embedded PGlite: `dataDir` a folder (created if missing) or undefined for in-memory. */
async function openPgliteExecutor(dataDir) {
    const where = dataDir === undefined ? 'memory' : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dataDir);
    let db;
    try {
        if (dataDir !== undefined)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(where, { recursive: true });
        db = await _electric_sql_pglite__WEBPACK_IMPORTED_MODULE_2__/* .PGlite */ .Eb.create(dataDir === undefined ? undefined : where);
    }
    catch (error) {
        throw new Error(`Could not open PGlite at ${where}: ${messageOf(error)}`);
    }
    let closed = false;
    return {
        db,
        async query(sql, params) {
            if (closed)
                throw new Error(`Query failed on pglite:${where}: the executor is closed`);
            try {
                // Same guarantee as the server adapter: whatever the SQL, nothing it does is kept.
                return await db.transaction(async (tx) => {
                    // The SELECT takes the snapshot, after which `SET TRANSACTION READ WRITE` is refused; tx.query is
                    // the extended protocol, one statement, so `COMMIT; CREATE ...` cannot step out either.
                    await tx.exec('SET TRANSACTION READ ONLY; SELECT 1');
                    const result = await tx.query(sql, params === undefined ? [] : [...params]);
                    await tx.rollback();
                    return result.rows;
                });
            }
            catch (error) {
                throw new Error(`Query failed on pglite:${where}: ${messageOf(error)}`);
            }
        },
        describe: () => `pglite:${where}`,
        async close() {
            if (closed)
                return;
            closed = true;
            await db.close();
        },
    };
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 7306:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ openPostgresExecutor)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2176);
// TLS follows the URL's `sslmode` with libpq's meaning, the one the same URL has for psql and for Alembic
// (psycopg2): `disable` plain; `prefer` and `require` encrypted without checking the certificate; `verify-ca`
// checks the chain (needs `sslrootcert=<file>`); `verify-full` checks chain and host name against Node's CAs or
// `sslrootcert`. pg 8.23 on its own treats prefer/require/verify-ca as verify-full (and warns), which rejects the
// certificates RDS serves unless its CA bundle is given; we opt into pg's `uselibpqcompat` instead.
// Two differences from libpq remain: `prefer` never falls back to plain text, and no `sslmode` means plain text
// (libpq would try TLS first).


/** Connects through `pg`; every query runs in a READ ONLY transaction with statement_timeout and lock_timeout. */
async function openPostgresExecutor(url, options = {}) {
    const shown = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactDatabaseUrl */ .A)(url);
    const secrets = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .databaseUrlSecrets */ .I)(url);
    const scrub = (error) => {
        let text = messageOf(error);
        for (const secret of secrets)
            text = text.split(secret).join('***');
        return text;
    };
    const connectFailure = (cause) => new Error(`Could not connect to PostgreSQL at ${shown}: ${scrub(cause)}`);
    const statementTimeoutMs = timeout('statementTimeoutMs', options.statementTimeoutMs, 30_000);
    const lockTimeoutMs = timeout('lockTimeoutMs', options.lockTimeoutMs, 5_000);
    const connectTimeoutMs = timeout('connectTimeoutMs', options.connectTimeoutMs, 10_000);
    if (!/^postgres(?:ql)?:\/\//i.test(url)) {
        throw connectFailure('expected a postgres:// or postgresql:// URL');
    }
    let client;
    try {
        client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
            connectionString: withLibpqSslSemantics(url),
            connectionTimeoutMillis: connectTimeoutMs || undefined,
            // A client-side backstop for a connection that goes silent, where the server's statement_timeout cannot help.
            query_timeout: statementTimeoutMs ? statementTimeoutMs + 5_000 : undefined,
            keepAlive: true,
            application_name: 'schema-drift',
        });
    }
    catch (error) {
        throw connectFailure(error);
    }
    // Without a listener, a connection dropped between queries would be an uncaught 'error' and end the process.
    let lost;
    client.on('error', (error) => {
        lost = error;
    });
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => { });
        throw connectFailure(error);
    }
    // The trailing SELECT takes the transaction's snapshot, after which `SET TRANSACTION READ WRITE` is refused.
    const begin = `BEGIN READ ONLY; SET LOCAL statement_timeout = ${statementTimeoutMs}; SET LOCAL lock_timeout = ${lockTimeoutMs}; SELECT 1`;
    let closed = false;
    // One transaction at a time on the one connection: interleaved BEGINs would run a query outside READ ONLY.
    let queue = Promise.resolve();
    const run = async (sql, params) => {
        if (closed)
            throw new Error(`Query failed on ${shown}: the executor is closed`);
        if (lost !== undefined)
            throw new Error(`Query failed on ${shown}: connection lost: ${scrub(lost)}`);
        try {
            await client.query(begin);
            // The extended protocol takes one statement, so `COMMIT; CREATE ...` cannot step out of the transaction.
            const result = await client.query({
                text: sql,
                values: params === undefined ? [] : [...params],
                queryMode: 'extended',
            });
            return result.rows;
        }
        catch (error) {
            if (messageOf(error) === 'Query read timeout') {
                // The connection went silent: a ROLLBACK would queue behind the lost query forever.
                lost = error;
                void client.end().catch(() => { });
            }
            throw new Error(`Query failed on ${shown}: ${scrub(lost ?? error)}`);
        }
        finally {
            if (lost === undefined) {
                await client.query('ROLLBACK').catch((error) => {
                    lost ??= error;
                });
            }
        }
    };
    return {
        query(sql, params) {
            const next = queue.then(() => run(sql, params));
            queue = next.catch(() => { });
            return next;
        },
        describe: () => shown,
        async close() {
            if (closed)
                return;
            closed = true;
            await queue;
            // end() waits for the server's goodbye, which a dead peer never sends.
            let timer;
            await Promise.race([
                client.end().catch(() => { }),
                new Promise((done) => {
                    timer = setTimeout(done, 2_000);
                }),
            ]);
            clearTimeout(timer);
        },
    };
}
function withLibpqSslSemantics(url) {
    const hash = url.indexOf('#');
    const head = hash < 0 ? url : url.slice(0, hash);
    const tail = hash < 0 ? '' : url.slice(hash);
    if (!/[?&]sslmode=/.test(head) || /[?&]uselibpqcompat=/.test(head))
        return url;
    return `${head}${head.includes('?') ? '&' : '?'}uselibpqcompat=true${tail}`;
}
function timeout(name, value, fallback) {
    if (value === undefined)
        return fallback;
    if (!Number.isInteger(value) || value < 0) {
        throw new Error(`Invalid PostgreSQL option ${name}: ${String(value)} (expected a whole number of milliseconds >= 0)`);
    }
    return value;
}
function messageOf(error) {
    if (!(error instanceof Error))
        return String(error);
    // Node reports a refused `localhost` (tried over IPv6 and IPv4) as an AggregateError with an empty message.
    if (error.message === '' && error instanceof AggregateError) {
        return error.errors.map(messageOf).join('; ') || 'connection failed';
    }
    const code = error.code;
    return error.message || (typeof code === 'string' ? code : error.name);
}


/***/ }),

/***/ 2176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ redactDatabaseUrl),
/* harmony export */   I: () => (/* binding */ databaseUrlSecrets)
/* harmony export */ });
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


/***/ }),

/***/ 7507:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ applyIgnoreRules),
/* harmony export */   R: () => (/* binding */ parseIgnoreRules)
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
// Values are plain scalars or quoted ("..." with \" \\ \n escapes, or '...' with '' for a quote). Anything else —
// nested maps, flow collections, anchors, multi-line scalars — is refused with its line number. A file starting
// with `{` is read as JSON: {"ignore": [{"object": ..., "kind": ..., "reason": ..., "expires": ...}]}.


const FIELDS = new Set(['object', 'kind', 'attribute', 'reason', 'expires']);
/** Parses `.schema-drift.yml` (subset above) or its JSON form; throws naming the file and line. */
function parseIgnoreRules(text, file) {
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
                if (inIgnore && top[2] !== '' && top[2] !== '[]')
                    fail(line, '"ignore:" must be followed by a list of "- " items');
                if (!inIgnore)
                    fail(line, `unknown top-level key "${top[1]}" (only "ignore" is read)`);
                current = undefined;
                continue;
            }
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
        if (!fields.object)
            fail(where, `${label}"object" is required`);
        if (!fields.reason)
            fail(where, `${label}"reason" is required: say why this drift is accepted`);
        const kind = fields.kind ?? '*';
        if (kind !== '*' && !_catalog_model_js__WEBPACK_IMPORTED_MODULE_1__/* .OBJECT_KINDS */ .c.includes(kind)) {
            fail(where, `${label}unknown kind "${kind}" (expected * or one of ${_catalog_model_js__WEBPACK_IMPORTED_MODULE_1__/* .OBJECT_KINDS */ .c.join(', ')})`);
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

/***/ 6610:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oC: () => (/* binding */ SEVERITIES),
  V1: () => (/* binding */ diffSnapshots)
});

// UNUSED EXPORTS: severityOf

// EXTERNAL MODULE: ./lib/catalog/sql-quote.js
var sql_quote = __webpack_require__(7630);
;// CONCATENATED MODULE: ./lib/catalog/fixup-sql.js

const s = (v) => (typeof v === 'string' ? v : null);
const arr = (v) => (Array.isArray(v) ? v : []);
const comment = (text) => `-- ${(0,sql_quote/* commentText */.br)(text)}`;
/** Table of a table-level object ([schema, table, name]) as a quoted name. */
const tableOf = (o) => (0,sql_quote/* quoteQualified */.$s)(o.path.slice(0, 2));
const last = (o) => (0,sql_quote/* quoteIdent */.v4)(o.path[o.path.length - 1] ?? '');
/** Functions carry "name(args)" as their last path element; args are already SQL. */
function functionName(o) {
    const raw = o.path[1] ?? '';
    const open = raw.indexOf('(');
    return `${(0,sql_quote/* quoteIdent */.v4)(o.path[0] ?? '')}.${(0,sql_quote/* quoteIdent */.v4)(raw.slice(0, open))}${raw.slice(open)}`;
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
function createTable(table, ctx) {
    const columns = ctx.childrenOf('column', table.path);
    const order = arr(table.attrs.column_order);
    columns.sort((x, y) => order.indexOf(x.path[2] ?? '') - order.indexOf(y.path[2] ?? ''));
    const constraints = ctx.childrenOf('constraint', table.path);
    const inline = constraints.filter((c) => c.attrs.type !== 'foreign key');
    const foreign = constraints.filter((c) => c.attrs.type === 'foreign key');
    const parts = [
        ...columns.map(columnDefinition),
        ...inline.map((c) => `CONSTRAINT ${last(c)} ${c.ddl ?? s(c.attrs.definition) ?? ''}`),
    ];
    const partitionOf = arr(table.attrs.partition_of);
    let sql;
    if (partitionOf.length) {
        sql = `CREATE TABLE ${(0,sql_quote/* quoteQualified */.$s)(table.path)} PARTITION OF ${(0,sql_quote/* quoteQualified */.$s)(partitionOf)} ${s(table.attrs.partition_bound) ?? 'DEFAULT'};`;
    }
    else {
        sql = `CREATE ${table.attrs.unlogged ? 'UNLOGGED ' : ''}TABLE ${(0,sql_quote/* quoteQualified */.$s)(table.path)} (\n  ${parts.join(',\n  ')}\n)`;
        if (s(table.attrs.partition_key))
            sql += ` PARTITION BY ${s(table.attrs.partition_key)}`;
        sql += ';';
    }
    for (const fk of foreign)
        sql += `\n${addConstraint(fk)}`;
    if (table.attrs.rls_enabled)
        sql += `\nALTER TABLE ${(0,sql_quote/* quoteQualified */.$s)(table.path)} ENABLE ROW LEVEL SECURITY;`;
    if (table.attrs.rls_forced)
        sql += `\nALTER TABLE ${(0,sql_quote/* quoteQualified */.$s)(table.path)} FORCE ROW LEVEL SECURITY;`;
    return sql;
}
const addConstraint = (c) => `ALTER TABLE ${tableOf(c)} ADD CONSTRAINT ${last(c)} ${c.ddl ?? s(c.attrs.definition) ?? ''};`;
function createSequence(o) {
    const a = o.attrs;
    let sql = `CREATE SEQUENCE ${(0,sql_quote/* quoteQualified */.$s)(o.path)} AS ${s(a.type) ?? 'bigint'} INCREMENT BY ${s(a.increment)} MINVALUE ${s(a.min)} MAXVALUE ${s(a.max)} START WITH ${s(a.start)} CACHE ${s(a.cache)}${a.cycle ? ' CYCLE' : ''}`;
    const owner = arr(a.owned_by);
    if (owner.length === 3)
        sql += ` OWNED BY ${(0,sql_quote/* quoteQualified */.$s)(owner)}`;
    return `${sql};`;
}
function viewStatement(o) {
    const materialized = o.kind === 'materialized view';
    const options = [];
    if (o.attrs.security_invoker)
        options.push('security_invoker = true');
    if (o.attrs.security_barrier)
        options.push('security_barrier = true');
    if (s(o.attrs.check_option))
        options.push(`check_option = ${s(o.attrs.check_option)}`);
    options.push(...arr(o.attrs.options));
    const withClause = options.length ? ` WITH (${options.join(', ')})` : '';
    const body = (o.ddl ?? s(o.attrs.definition) ?? '').trim().replace(/;$/, '');
    if (materialized) {
        return `DROP MATERIALIZED VIEW IF EXISTS ${(0,sql_quote/* quoteQualified */.$s)(o.path)};\nCREATE MATERIALIZED VIEW ${(0,sql_quote/* quoteQualified */.$s)(o.path)}${withClause} AS\n${body};`;
    }
    return `CREATE OR REPLACE VIEW ${(0,sql_quote/* quoteQualified */.$s)(o.path)}${withClause} AS\n${body};`;
}
function createPolicy(o) {
    const a = o.attrs;
    const roles = arr(a.roles).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : (0,sql_quote/* quoteIdent */.v4)(r)));
    let sql = `CREATE POLICY ${last(o)} ON ${tableOf(o)} AS ${a.permissive === false ? 'RESTRICTIVE' : 'PERMISSIVE'} FOR ${s(a.command) ?? 'ALL'} TO ${roles.join(', ') || 'PUBLIC'}`;
    if (s(a.using))
        sql += ` USING (${s(a.using)})`;
    if (s(a.with_check))
        sql += ` WITH CHECK (${s(a.with_check)})`;
    return `${sql};`;
}
function grantee(o) {
    const g = o.path[2] ?? '';
    return g === 'PUBLIC' ? 'PUBLIC' : (0,sql_quote/* quoteIdent */.v4)(g);
}
function privilegeTarget(o) {
    return `${o.attrs.object_type === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${(0,sql_quote/* quoteQualified */.$s)(o.path.slice(0, 2))}`;
}
function grant(o, privileges, grantable) {
    if (!privileges.length)
        return '';
    const list = privileges.includes('ALL') ? 'ALL' : privileges.join(', ');
    return `GRANT ${list} ON ${privilegeTarget(o)} TO ${grantee(o)}${grantable ? ' WITH GRANT OPTION' : ''};`;
}
function createObject(o, ctx) {
    const a = o.attrs;
    switch (o.kind) {
        case 'schema':
            return `CREATE SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(o.path[0] ?? '')};`;
        case 'extension':
            return `CREATE EXTENSION IF NOT EXISTS ${(0,sql_quote/* quoteIdent */.v4)(o.path[0] ?? '')}${s(a.schema) ? ` WITH SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(s(a.schema) ?? '')}` : ''}${s(a.version) ? ` VERSION ${(0,sql_quote/* quoteLiteral */.ce)(s(a.version) ?? '')}` : ''};`;
        case 'enum':
            return `CREATE TYPE ${(0,sql_quote/* quoteQualified */.$s)(o.path)} AS ENUM (${arr(a.labels).map(sql_quote/* quoteLiteral */.ce).join(', ')});`;
        case 'domain': {
            let sql = `CREATE DOMAIN ${(0,sql_quote/* quoteQualified */.$s)(o.path)} AS ${s(a.base_type)}`;
            if (s(a.collation))
                sql += ` COLLATE ${s(a.collation)}`;
            if (s(a.default))
                sql += ` DEFAULT ${s(a.default)}`;
            if (a.not_null)
                sql += ' NOT NULL';
            for (const check of arr(a.checks)) {
                const at = check.indexOf(': ');
                sql += ` CONSTRAINT ${(0,sql_quote/* quoteIdent */.v4)(check.slice(0, at))} ${check.slice(at + 2)}`;
            }
            return `${sql};`;
        }
        case 'sequence':
            return createSequence(o);
        case 'table':
            return createTable(o, ctx);
        case 'column':
            return `ALTER TABLE ${tableOf(o)} ADD COLUMN ${columnDefinition(o)};`;
        case 'constraint':
            return addConstraint(o);
        case 'index':
        case 'trigger':
            return o.ddl ? `${o.ddl};` : comment(`no definition recorded for ${o.kind} ${(0,sql_quote/* quoteQualified */.$s)(o.path)}`);
        case 'view':
        case 'materialized view':
            return viewStatement(o);
        case 'function':
            return o.ddl
                ? `${o.ddl.trimEnd()};`
                : comment(`${s(a.kind) ?? 'function'} ${(0,sql_quote/* quoteQualified */.$s)(o.path)} cannot be recreated from the catalog`);
        case 'policy':
            return createPolicy(o);
        case 'privilege':
            return [grant(o, arr(a.privileges), false), grant(o, arr(a.grantable), true)].filter(Boolean).join('\n');
    }
}
function dropObject(o) {
    switch (o.kind) {
        case 'schema':
            return `DROP SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(o.path[0] ?? '')};`;
        case 'extension':
            return `DROP EXTENSION ${(0,sql_quote/* quoteIdent */.v4)(o.path[0] ?? '')};`;
        case 'enum':
        case 'domain':
            return `DROP ${o.kind === 'enum' ? 'TYPE' : 'DOMAIN'} ${(0,sql_quote/* quoteQualified */.$s)(o.path)};`;
        case 'sequence':
            return `DROP SEQUENCE ${(0,sql_quote/* quoteQualified */.$s)(o.path)};`;
        case 'table':
            return `DROP TABLE ${(0,sql_quote/* quoteQualified */.$s)(o.path)};`;
        case 'column':
            return `ALTER TABLE ${tableOf(o)} DROP COLUMN ${last(o)};`;
        case 'constraint':
            return `ALTER TABLE ${tableOf(o)} DROP CONSTRAINT ${last(o)};`;
        case 'index':
            return `DROP INDEX ${(0,sql_quote/* quoteQualified */.$s)(o.path)};`;
        case 'view':
            return `DROP VIEW ${(0,sql_quote/* quoteQualified */.$s)(o.path)};`;
        case 'materialized view':
            return `DROP MATERIALIZED VIEW ${(0,sql_quote/* quoteQualified */.$s)(o.path)};`;
        case 'function':
            return `DROP ${o.attrs.kind === 'procedure' ? 'PROCEDURE' : o.attrs.kind === 'aggregate' ? 'AGGREGATE' : 'FUNCTION'} ${functionName(o)};`;
        case 'trigger':
            return `DROP TRIGGER ${last(o)} ON ${tableOf(o)};`;
        case 'policy':
            return `DROP POLICY ${last(o)} ON ${tableOf(o)};`;
        case 'privilege':
            return `REVOKE ALL ON ${privilegeTarget(o)} FROM ${grantee(o)};`;
    }
}
const TRIGGER_ENABLE = {
    origin: 'ENABLE',
    disabled: 'DISABLE',
    replica: 'ENABLE REPLICA',
    always: 'ENABLE ALWAYS',
};
function changeAttribute(expected, actual, attribute, ctx) {
    const a = expected.attrs;
    const value = a[attribute];
    const name = (0,sql_quote/* quoteQualified */.$s)(expected.path);
    if (attribute === 'comment') {
        const target = expected.kind === 'column'
            ? `COLUMN ${name}`
            : expected.kind === 'constraint' || expected.kind === 'trigger' || expected.kind === 'policy'
                ? `${expected.kind.toUpperCase()} ${last(expected)} ON ${tableOf(expected)}`
                : expected.kind === 'function'
                    ? `${a.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${functionName(expected)}`
                    : `${expected.kind === 'enum' ? 'TYPE' : expected.kind.toUpperCase()} ${name}`;
        return `COMMENT ON ${target} IS ${s(value) === null ? 'NULL' : (0,sql_quote/* quoteLiteral */.ce)(s(value) ?? '')};`;
    }
    switch (expected.kind) {
        case 'column': {
            const alter = `ALTER TABLE ${tableOf(expected)} ALTER COLUMN ${last(expected)}`;
            if (attribute === 'type' || attribute === 'collation') {
                return `${alter} TYPE ${s(a.type)}${s(a.collation) ? ` COLLATE ${s(a.collation)}` : ''};`;
            }
            if (attribute === 'not_null')
                return `${alter} ${value ? 'SET' : 'DROP'} NOT NULL;`;
            if (attribute === 'default')
                return s(value) === null ? `${alter} DROP DEFAULT;` : `${alter} SET DEFAULT ${s(value)};`;
            if (attribute === 'identity') {
                if (s(value) === null)
                    return `${alter} DROP IDENTITY;`;
                const how = value === 'always' ? 'ALWAYS' : 'BY DEFAULT';
                return s(actual.attrs.identity) === null
                    ? `${alter} ADD GENERATED ${how} AS IDENTITY;`
                    : `${alter} SET GENERATED ${how};`;
            }
            return comment(`${attribute} of column ${name} cannot be changed in place: recreate the column`);
        }
        case 'table': {
            const alter = `ALTER TABLE ${name}`;
            if (attribute === 'rls_enabled')
                return `${alter} ${value ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`;
            if (attribute === 'rls_forced')
                return `${alter} ${value ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`;
            if (attribute === 'unlogged')
                return `${alter} SET ${value ? 'UNLOGGED' : 'LOGGED'};`;
            if (attribute === 'options') {
                const want = arr(value);
                const keys = (list) => list.map((o) => o.slice(0, o.indexOf('=')));
                const drop = keys(arr(actual.attrs.options)).filter((k) => !keys(want).includes(k));
                return [
                    want.length ? `${alter} SET (${want.join(', ')});` : '',
                    drop.length ? `${alter} RESET (${drop.join(', ')});` : '',
                ]
                    .filter(Boolean)
                    .join('\n');
            }
            return comment(`${attribute} of table ${name} cannot be changed in place: recreate the table`);
        }
        case 'constraint':
            if (attribute === 'validated' && value === true) {
                return `ALTER TABLE ${tableOf(expected)} VALIDATE CONSTRAINT ${last(expected)};`;
            }
            return `ALTER TABLE ${tableOf(expected)} DROP CONSTRAINT ${last(expected)};\n${addConstraint(expected)}`;
        case 'index':
            return `${dropObject(expected)}\n${createObject(expected, ctx)}`;
        case 'trigger':
            if (attribute === 'enabled') {
                return `ALTER TABLE ${tableOf(expected)} ${TRIGGER_ENABLE[s(value) ?? 'origin'] ?? 'ENABLE'} TRIGGER ${last(expected)};`;
            }
            return `${dropObject(expected)}\n${createObject(expected, ctx)}`;
        case 'view':
        case 'materialized view':
            if (expected.kind === 'view' && attribute !== 'definition') {
                const option = attribute === 'options' ? null : attribute;
                if (option && value === null)
                    return `ALTER VIEW ${name} RESET (${option});`;
                if (option)
                    return `ALTER VIEW ${name} SET (${option} = ${String(value)});`;
            }
            return viewStatement(expected);
        case 'function':
            if (attribute === 'security_definer') {
                return `ALTER ${a.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${functionName(expected)} ${value ? 'SECURITY DEFINER' : 'SECURITY INVOKER'};`;
            }
            return createObject(expected, ctx);
        case 'sequence': {
            const alter = `ALTER SEQUENCE ${name}`;
            const clause = {
                type: `AS ${s(value)}`,
                increment: `INCREMENT BY ${s(value)}`,
                min: `MINVALUE ${s(value)}`,
                max: `MAXVALUE ${s(value)}`,
                start: `START WITH ${s(value)}`,
                cache: `CACHE ${s(value)}`,
                cycle: value ? 'CYCLE' : 'NO CYCLE',
                owned_by: arr(value).length === 3 ? `OWNED BY ${(0,sql_quote/* quoteQualified */.$s)(arr(value))}` : 'OWNED BY NONE',
            };
            return clause[attribute] ? `${alter} ${clause[attribute]};` : comment(`${attribute} of sequence ${name}`);
        }
        case 'enum': {
            const want = arr(value);
            const have = arr(actual.attrs.labels);
            const statements = [];
            want.forEach((label, i) => {
                if (have.includes(label))
                    return;
                const next = want.slice(i + 1).find((l) => have.includes(l));
                const previous = want
                    .slice(0, i)
                    .reverse()
                    .find((l) => have.includes(l) || statements.length > 0);
                const where = next ? ` BEFORE ${(0,sql_quote/* quoteLiteral */.ce)(next)}` : previous ? ` AFTER ${(0,sql_quote/* quoteLiteral */.ce)(previous)}` : '';
                statements.push(`ALTER TYPE ${name} ADD VALUE ${(0,sql_quote/* quoteLiteral */.ce)(label)}${where};`);
            });
            const extra = have.filter((l) => !want.includes(l));
            if (extra.length || (!statements.length && want.join('\u0000') !== have.join('\u0000'))) {
                statements.push(comment(`PostgreSQL cannot drop or reorder enum values (${extra.map(sql_quote/* quoteLiteral */.ce).join(', ') || 'order'}) of ${name}: recreate the type and convert its columns`));
            }
            return statements.join('\n');
        }
        case 'extension':
            if (attribute === 'version')
                return `ALTER EXTENSION ${(0,sql_quote/* quoteIdent */.v4)(expected.path[0] ?? '')} UPDATE TO ${(0,sql_quote/* quoteLiteral */.ce)(s(value) ?? '')};`;
            if (attribute === 'schema')
                return `ALTER EXTENSION ${(0,sql_quote/* quoteIdent */.v4)(expected.path[0] ?? '')} SET SCHEMA ${(0,sql_quote/* quoteIdent */.v4)(s(value) ?? '')};`;
            break;
        case 'policy': {
            if (attribute === 'command' || attribute === 'permissive') {
                return `${dropObject(expected)}\n${createPolicy(expected)}`;
            }
            const alter = `ALTER POLICY ${last(expected)} ON ${tableOf(expected)}`;
            if (attribute === 'roles') {
                const roles = arr(value).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : (0,sql_quote/* quoteIdent */.v4)(r)));
                return `${alter} TO ${roles.join(', ') || 'PUBLIC'};`;
            }
            if (s(value) === null)
                return `${dropObject(expected)}\n${createPolicy(expected)}`;
            return `${alter} ${attribute === 'using' ? 'USING' : 'WITH CHECK'} (${s(value)});`;
        }
        case 'privilege': {
            const want = arr(value);
            const have = arr(actual.attrs[attribute]);
            const withOption = attribute === 'grantable';
            const revokeAll = want.length === 0 || (have.includes('ALL') && !want.includes('ALL'));
            const statements = [];
            if (revokeAll) {
                statements.push(`REVOKE ${withOption ? 'GRANT OPTION FOR ' : ''}ALL ON ${privilegeTarget(expected)} FROM ${grantee(expected)};`);
                statements.push(grant(expected, want, withOption));
            }
            else {
                const extra = have.filter((p) => !want.includes(p));
                if (extra.length) {
                    statements.push(`REVOKE ${withOption ? 'GRANT OPTION FOR ' : ''}${extra.join(', ')} ON ${privilegeTarget(expected)} FROM ${grantee(expected)};`);
                }
                statements.push(grant(expected, want.includes('ALL') ? ['ALL'] : want.filter((p) => !have.includes(p)), withOption));
            }
            return statements.filter(Boolean).join('\n');
        }
        case 'domain':
        case 'schema':
            break;
    }
    return comment(`${attribute} of ${expected.kind} ${name} has no derivable fix-up: change it by hand`);
}
/** The statement(s) that bring `actual` in line with `expected` for one difference. */
function fixupSql(change, expected, actual, attribute, ctx) {
    if (change === 'missing' && expected)
        return createObject(expected, ctx);
    if (change === 'unexpected' && actual)
        return dropObject(actual);
    if (change === 'changed' && expected && actual && attribute)
        return changeAttribute(expected, actual, attribute, ctx);
    return comment('no fix-up could be derived');
}

// EXTERNAL MODULE: ./lib/catalog/model.js
var model = __webpack_require__(6414);
// EXTERNAL MODULE: ./lib/drift/ignore-rules.js
var ignore_rules = __webpack_require__(7507);
;// CONCATENATED MODULE: ./lib/drift/structure.js
// Structural drift: the pure comparison of an expected catalog snapshot with the actual one. Every difference
// names the object, the attribute, both values, a severity and the SQL that would repair it.




const SEVERITIES = ['security', 'breaking', 'cosmetic'];
const SECURITY_KINDS = new Set(['privilege', 'policy']);
const SECURITY_ATTRIBUTES = {
    table: ['rls_enabled', 'rls_forced'],
    function: ['security_definer', 'config'],
    view: ['security_invoker', 'security_barrier'],
    'materialized view': [],
};
const COSMETIC_ATTRIBUTES = new Set(['comment', 'options', 'column_order']);
/** Severity of a difference in `kind` (and `attribute`, when the object exists on both sides). */
function severityOf(kind, attribute) {
    if (SECURITY_KINDS.has(kind))
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
            return a.privileges ?? null;
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
    if (o.kind !== 'function')
        return (0,sql_quote/* quoteQualified */.$s)(o.path);
    const raw = o.path[1] ?? '';
    const open = raw.indexOf('(');
    return `${(0,sql_quote/* quoteQualified */.$s)([o.path[0] ?? '', raw.slice(0, open)])}${raw.slice(open)}`;
}
/** Attribute values are scalars or string lists, so no generic deep-equal (or JSON) is needed. */
function same(a, b) {
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
        if (!same(e[k], a[k]))
            return false;
    for (const k in a)
        if (!(k in e) && !same(null, a[k]))
            return false;
    return true;
}
/** Compares two snapshots; `expected` is what the migrations define, `actual` what the database holds. */
function diffSnapshots(expected, actual, options = {}) {
    const exp = new Map(expected.objects.map((o) => [(0,model/* objectKey */.T)(o), o]));
    const act = new Map(actual.objects.map((o) => [(0,model/* objectKey */.T)(o), o]));
    // Only a missing table's CREATE TABLE needs its children, so the index is built on first use.
    let byTable;
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
    };
    const tableKey = (o) => (0,model/* objectKey */.T)({ kind: 'table', path: [o.path[0] ?? '', o.path[1] ?? ''] });
    const onTable = new Set(['column', 'constraint', 'index', 'trigger', 'policy']);
    const differences = [];
    const notices = [];
    const make = (change, o, attribute, expectedValue, actualValue, fix) => ({
        change,
        kind: o.kind,
        object: displayName(o),
        path: [...o.path],
        attribute,
        expected: expectedValue,
        actual: actualValue,
        severity: severityOf(o.kind, attribute),
        fix_sql: fix,
    });
    for (const [key, e] of exp) {
        const a = act.get(key);
        if (!a) {
            // A missing table's CREATE TABLE carries its columns and constraints; they are not listed again.
            if ((e.kind === 'column' || e.kind === 'constraint') && !act.has(tableKey(e)) && exp.has(tableKey(e)))
                continue;
            differences.push(make('missing', e, null, summary(e), null, fixupSql('missing', e, undefined, null, ctx)));
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
                if (same(eOrder, aOrder))
                    continue;
                const d = make('changed', e, attribute, eOrder, aOrder, '-- PostgreSQL cannot reorder columns in place; recreate the table if the order matters');
                (options.columnOrder === 'difference' ? differences : notices).push(d);
                continue;
            }
            if (same(e.attrs[attribute], a.attrs[attribute]))
                continue;
            differences.push(make('changed', e, attribute, e.attrs[attribute] ?? null, a.attrs[attribute] ?? null, fixupSql('changed', e, a, attribute, ctx)));
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
        differences.push(make('unexpected', a, null, null, summary(a), fixupSql('unexpected', undefined, a, null, ctx)));
    }
    const rank = new Map(model/* OBJECT_KINDS */.c.map((k, i) => [k, i]));
    const order = (x, y) => SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity) ||
        (rank.get(x.kind) ?? 0) - (rank.get(y.kind) ?? 0) ||
        (x.object < y.object ? -1 : x.object > y.object ? 1 : 0) ||
        (String(x.attribute) < String(y.attribute) ? -1 : String(x.attribute) > String(y.attribute) ? 1 : 0);
    differences.sort(order);
    notices.sort(order);
    const { kept, ignored, warnings } = (0,ignore_rules/* applyIgnoreRules */.K)(differences, options.rules ?? [], options.today ?? new Date());
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
    };
}


/***/ })

};
