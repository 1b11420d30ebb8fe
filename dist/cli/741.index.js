export const id = 741;
export const ids = [741];
export const modules = {

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

/***/ 9741:
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
        case 'column':
            return [locks(`ALTER TABLE ${tableOf(o)} ADD COLUMN ${columnDefinition(o)};`), ...columnSettings(o)];
        case 'constraint':
            return [addConstraint(o)];
        case 'index': {
            if (!o.ddl)
                return [manual(`no definition recorded for index ${name}`, 'locks')];
            const space = s(a.tablespace) ? ` TABLESPACE ${(0,sql_quote/* quoteIdent */.v4)(s(a.tablespace) ?? '')}` : '';
            // pg_get_indexdef puts a partial index's WHERE last; TABLESPACE goes before it.
            const where = s(a.predicate) === null ? -1 : o.ddl.lastIndexOf(' WHERE ');
            const ddl = where >= 0 ? `${o.ddl.slice(0, where)}${space}${o.ddl.slice(where)}` : `${o.ddl}${space}`;
            const out = [locks(`${ddl};`)];
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
    for (const h of have) {
        const w = want.find((x) => x.name === h.name);
        if (!w) {
            out.push(destructive(`ALTER TYPE ${name} DROP ATTRIBUTE ${h.name};`, 'dropping an attribute of a composite type deletes its values in every column of that type'));
        }
        else if (w.type !== h.type) {
            out.push(destructive(`ALTER TYPE ${name} ALTER ATTRIBUTE ${w.name} TYPE ${w.type};`, 'a type change of a composite attribute can lose data in the cast'));
        }
    }
    for (const w of want)
        if (!have.some((h) => h.name === w.name))
            out.push(safe(`ALTER TYPE ${name} ADD ATTRIBUTE ${w.name} ${w.type};`));
    const kept = have.filter((h) => want.some((w) => w.name === h.name)).map((h) => h.name);
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
                return [safe(`ALTER EXTENSION ${name} UPDATE TO ${(0,sql_quote/* quoteLiteral */.ce)(s(value) ?? '')};`)];
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
    if (change === 'missing' && expected)
        return createObject(expected, ctx);
    if (change === 'unexpected' && actual)
        return dropObject(actual);
    if (change === 'changed' && expected && actual && attribute)
        return changeAttribute(expected, actual, attribute, ctx);
    return [manual('no fix-up could be derived')];
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
            // Same type and the same position in its table.
            const order = Array.isArray(table?.attrs.column_order) ? table?.attrs.column_order : [];
            const at = order.indexOf(o.path[2] ?? '');
            return at < 0 ? null : JSON.stringify([o.path[0], o.path[1], a.type, at]);
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
/** Compares two snapshots; `expected` is what the migrations define, `actual` what the database holds. */
function diffSnapshots(expected, actual, options = {}) {
    const exp = new Map(expected.objects.map((o) => [(0,model/* objectKey */.T5)(o), o]));
    const act = new Map(actual.objects.map((o) => [(0,model/* objectKey */.T5)(o), o]));
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
        indexesOn: (relation) => {
            const dotted = relation.join('.');
            return expected.objects.filter((o) => o.kind === 'index' && o.attrs.table === dotted && o.path[0] === relation[0]);
        },
    };
    const tableKey = (o) => (0,model/* objectKey */.T5)({ kind: 'table', path: [o.path[0] ?? '', o.path[1] ?? ''] });
    const onTable = new Set(['column', 'constraint', 'index', 'trigger', 'policy']);
    const differences = [];
    const notices = [];
    const scripts = new Map();
    // Statements already offered for an object: a second attribute whose fix is the same recreation points back.
    const offered = new Map();
    const make = (change, o, attribute, expectedValue, actualValue, statements, rename = null) => {
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
            possible_rename: rename ? displayName(rename) : null,
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
