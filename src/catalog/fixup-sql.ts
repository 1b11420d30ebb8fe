// Fix-up SQL: the statements that would make the actual database match the expected snapshot, derived from the
// expected side's definitions, each with its safety class (fixup-statement.ts). Where no statement can be derived
// safely the result is a note saying why.
import { privilegeFixup } from './fixup-privilege.js';
import { destructive, locks, manual, type Statement, safe } from './fixup-statement.js';
import { type AttrValue, type CatalogObject, PRIVILEGE_KINDS } from './model.js';
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.js';

export type Change = 'missing' | 'unexpected' | 'changed';

export interface FixupContext {
  /** Expected objects whose path starts with `prefix` and are of `kind` (columns and constraints of a table). */
  childrenOf(kind: CatalogObject['kind'], prefix: readonly string[]): CatalogObject[];
  /** Expected indexes on the relation `schema.name` (a recreated materialized view gets its indexes back). */
  indexesOn(relation: readonly string[]): CatalogObject[];
  /** True when the relation ("schema.name") exists in the actual database and is not recreated by the fix-up. */
  relationExists?(dotted: string): boolean;
}

const s = (v: AttrValue | undefined): string | null => (typeof v === 'string' ? v : null);
const arr = (v: AttrValue | undefined): readonly string[] => (Array.isArray(v) ? v : []);

/** Table of a table-level object ([schema, table, name]) as a quoted name. */
const tableOf = (o: CatalogObject) => quoteQualified(o.path.slice(0, 2));
const last = (o: CatalogObject) => quoteIdent(o.path[o.path.length - 1] ?? '');
/** Functions carry "name(args)" as their last path element; args are already SQL. */
function functionName(o: CatalogObject): string {
  const raw = o.path[1] ?? '';
  const open = raw.indexOf('(');
  return `${quoteIdent(o.path[0] ?? '')}.${quoteIdent(raw.slice(0, open))}${raw.slice(open)}`;
}
/** An index's table: its `table` attribute is "schema.table", and an index lives in its table's schema. */
function indexTable(index: CatalogObject): string {
  const schema = index.path[0] ?? '';
  const table = String(index.attrs.table ?? '');
  return quoteQualified([schema, table.startsWith(`${schema}.`) ? table.slice(schema.length + 1) : table]);
}
const routine = (o: CatalogObject) => (o.attrs.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION');

/** The ALTER … that names an object of this kind, for OWNER TO, SET TABLESPACE and the like. */
function alterTarget(o: CatalogObject): string {
  const name = quoteQualified(o.path);
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
function ownerStatement(o: CatalogObject, owner: string): Statement {
  const sql = `ALTER ${alterTarget(o)} OWNER TO ${quoteIdent(owner)};`;
  return o.kind === 'table' ? locks(sql) : safe(sql);
}

/** OWNER TO for a recreated object, so it does not end up owned by whoever runs the fix-up. */
function keepOwner(o: CatalogObject): Statement[] {
  const owner = s(o.attrs.owner);
  return owner === null ? [] : [ownerStatement(o, owner)];
}

export function columnDefinition(column: CatalogObject): string {
  const a = column.attrs;
  let sql = `${last(column)} ${s(a.type) ?? 'text'}`;
  if (s(a.collation)) sql += ` COLLATE ${s(a.collation)}`;
  if (s(a.generated))
    sql += ` GENERATED ALWAYS AS (${s(a.generated)}) ${a.generated_kind === 'virtual' ? 'VIRTUAL' : 'STORED'}`;
  else if (s(a.identity)) sql += ` GENERATED ${a.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
  else if (s(a.default)) sql += ` DEFAULT ${s(a.default)}`;
  if (a.not_null === true) sql += ' NOT NULL';
  return sql;
}

/** Column settings CREATE TABLE cannot carry. */
function columnSettings(column: CatalogObject): Statement[] {
  const alter = `ALTER TABLE ${tableOf(column)} ALTER COLUMN ${last(column)}`;
  const out: Statement[] = [];
  if (typeof column.attrs.statistics === 'number')
    out.push(safe(`${alter} SET STATISTICS ${column.attrs.statistics};`));
  if (s(column.attrs.storage)) out.push(locks(`${alter} SET STORAGE ${s(column.attrs.storage)?.toUpperCase()};`));
  return out;
}

function createTable(table: CatalogObject, ctx: FixupContext): Statement[] {
  const name = quoteQualified(table.path);
  const columns = ctx.childrenOf('column', table.path);
  const order = arr(table.attrs.column_order);
  columns.sort((x, y) => order.indexOf(x.path[2] ?? '') - order.indexOf(y.path[2] ?? ''));
  const constraints = ctx.childrenOf('constraint', table.path);
  const inline = constraints.filter((c) => c.attrs.type !== 'foreign key');
  const foreign = constraints.filter((c) => c.attrs.type === 'foreign key');
  const partitionOf = arr(table.attrs.partition_of);
  let sql: string;
  if (partitionOf.length) {
    sql = `CREATE TABLE ${name} PARTITION OF ${quoteQualified(partitionOf)} ${s(table.attrs.partition_bound) ?? 'DEFAULT'}`;
  } else {
    const parts = [
      ...columns.map(columnDefinition),
      ...inline.map((c) => `CONSTRAINT ${last(c)} ${c.ddl ?? s(c.attrs.definition) ?? ''}`),
    ];
    sql = `CREATE ${table.attrs.unlogged ? 'UNLOGGED ' : ''}TABLE ${name} (\n  ${parts.join(',\n  ')}\n)`;
    if (arr(table.attrs.inherits).length) sql += ` INHERITS (${arr(table.attrs.inherits).join(', ')})`;
    if (s(table.attrs.partition_key)) sql += ` PARTITION BY ${s(table.attrs.partition_key)}`;
  }
  if (s(table.attrs.access_method)) sql += ` USING ${quoteIdent(s(table.attrs.access_method) ?? '')}`;
  if (arr(table.attrs.options).length) sql += ` WITH (${arr(table.attrs.options).join(', ')})`;
  if (s(table.attrs.tablespace)) sql += ` TABLESPACE ${quoteIdent(s(table.attrs.tablespace) ?? '')}`;
  const out = [safe(`${sql};`)];
  // A partition gets its parent's constraints when it is created; only its own are added.
  if (partitionOf.length) {
    const parents = ctx.childrenOf('constraint', partitionOf);
    const inherited = (c: CatalogObject) =>
      parents.some((p) => p.attrs.type === c.attrs.type && p.attrs.definition === c.attrs.definition);
    out.push(...inline.filter((c) => !inherited(c)).map(addConstraint));
  }
  out.push(...foreign.filter(() => partitionOf.length === 0).map(addConstraint));
  for (const column of columns) out.push(...columnSettings(column));
  if (table.attrs.rls_enabled) out.push(safe(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`));
  if (table.attrs.rls_forced) out.push(safe(`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`));
  const identity = replicaIdentity(table, s(table.attrs.replica_identity));
  if (identity && s(table.attrs.replica_identity)) out.push(identity);
  if (s(table.attrs.comment))
    out.push(safe(`COMMENT ON TABLE ${name} IS ${quoteLiteral(s(table.attrs.comment) ?? '')};`));
  out.push(...keepOwner(table));
  return out;
}

const addConstraint = (c: CatalogObject) =>
  locks(`ALTER TABLE ${tableOf(c)} ADD CONSTRAINT ${last(c)} ${c.ddl ?? s(c.attrs.definition) ?? ''};`);

function createSequence(o: CatalogObject): string {
  const a = o.attrs;
  let sql = `CREATE SEQUENCE ${quoteQualified(o.path)} AS ${s(a.type) ?? 'bigint'} INCREMENT BY ${s(a.increment)} MINVALUE ${s(a.min)} MAXVALUE ${s(a.max)} START WITH ${s(a.start)} CACHE ${s(a.cache)}${a.cycle ? ' CYCLE' : ''}`;
  const owner = arr(a.owned_by);
  if (owner.length === 3) sql += ` OWNED BY ${quoteQualified(owner)}`;
  return `${sql};`;
}

function viewOptions(o: CatalogObject): string {
  const options: string[] = [];
  if (o.attrs.security_invoker) options.push('security_invoker = true');
  if (o.attrs.security_barrier) options.push('security_barrier = true');
  if (s(o.attrs.check_option)) options.push(`check_option = ${s(o.attrs.check_option)}`);
  options.push(...arr(o.attrs.options));
  return options.length ? ` WITH (${options.join(', ')})` : '';
}

const viewBody = (o: CatalogObject) => (o.ddl ?? s(o.attrs.definition) ?? '').trim().replace(/;$/, '');

/** A view (CREATE OR REPLACE), or a materialized view with its indexes, comment and owner. */
function createView(o: CatalogObject, ctx: FixupContext): Statement[] {
  const name = quoteQualified(o.path);
  if (o.kind === 'view') {
    const out = [safe(`CREATE OR REPLACE VIEW ${name}${viewOptions(o)} AS\n${viewBody(o)};`)];
    if (s(o.attrs.comment)) out.push(safe(`COMMENT ON VIEW ${name} IS ${quoteLiteral(s(o.attrs.comment) ?? '')};`));
    return [...out, ...keepOwner(o)];
  }
  const space = s(o.attrs.tablespace) ? ` TABLESPACE ${quoteIdent(s(o.attrs.tablespace) ?? '')}` : '';
  const out = [safe(`CREATE MATERIALIZED VIEW ${name}${viewOptions(o)}${space} AS\n${viewBody(o)};`)];
  // Indexes after the view they are on.
  for (const index of ctx.indexesOn(o.path)) out.push(...createObject(index, ctx));
  if (s(o.attrs.comment)) {
    out.push(safe(`COMMENT ON MATERIALIZED VIEW ${name} IS ${quoteLiteral(s(o.attrs.comment) ?? '')};`));
  }
  return [...out, ...keepOwner(o)];
}

function createPolicy(o: CatalogObject): Statement {
  const a = o.attrs;
  const roles = arr(a.roles).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : quoteIdent(r)));
  let sql = `CREATE POLICY ${last(o)} ON ${tableOf(o)} AS ${a.permissive === false ? 'RESTRICTIVE' : 'PERMISSIVE'} FOR ${s(a.command) ?? 'ALL'} TO ${roles.join(', ') || 'PUBLIC'}`;
  if (s(a.using)) sql += ` USING (${s(a.using)})`;
  if (s(a.with_check)) sql += ` WITH CHECK (${s(a.with_check)})`;
  return locks(`${sql};`);
}

const compositeAttribute = (text: string) => {
  const match = /^("(?:[^"]|"")*"|\S+) (.*)$/s.exec(text);
  return { name: match?.[1] ?? text, type: match?.[2] ?? '' };
};

/** A created object's comment, for the kinds whose CREATE statement cannot carry one. */
function keepComment(o: CatalogObject): Statement[] {
  const carried = o.kind === 'table' || o.kind === 'view' || o.kind === 'materialized view';
  if (carried || PRIVILEGE_KINDS.includes(o.kind) || s(o.attrs.comment) === null) return [];
  return [commentStatement(o, o.attrs.comment)];
}

function createObject(o: CatalogObject, ctx: FixupContext): Statement[] {
  const statements = createStatements(o, ctx);
  return statements.some((st) => st.note) ? statements : [...statements, ...keepComment(o)];
}

function createStatements(o: CatalogObject, ctx: FixupContext): Statement[] {
  const a = o.attrs;
  const name = quoteQualified(o.path);
  switch (o.kind) {
    case 'schema':
      return [safe(`CREATE SCHEMA ${name};`), ...keepOwner(o)];
    case 'extension':
      return [
        safe(
          `CREATE EXTENSION IF NOT EXISTS ${name}${s(a.schema) ? ` WITH SCHEMA ${quoteIdent(s(a.schema) ?? '')}` : ''}${s(a.version) ? ` VERSION ${quoteLiteral(s(a.version) ?? '')}` : ''};`,
        ),
      ];
    case 'enum':
      return [safe(`CREATE TYPE ${name} AS ENUM (${arr(a.labels).map(quoteLiteral).join(', ')});`), ...keepOwner(o)];
    case 'composite type':
      return [safe(`CREATE TYPE ${name} AS (${arr(a.attributes).join(', ')});`), ...keepOwner(o)];
    case 'domain': {
      let sql = `CREATE DOMAIN ${name} AS ${s(a.base_type)}`;
      if (s(a.collation)) sql += ` COLLATE ${s(a.collation)}`;
      if (s(a.default)) sql += ` DEFAULT ${s(a.default)}`;
      if (a.not_null) sql += ' NOT NULL';
      for (const check of arr(a.checks)) {
        const at = check.indexOf(': ');
        sql += ` CONSTRAINT ${quoteIdent(check.slice(0, at))} ${check.slice(at + 2)}`;
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
          manual(
            `a NOT NULL column without a default cannot be added to a table with rows: add it without NOT NULL, fill it, then SET NOT NULL (${add})`,
            'locks',
          ),
        ];
      }
      return [locks(add), ...columnSettings(o)];
    }
    case 'constraint':
      return [addConstraint(o)];
    case 'index': {
      if (!o.ddl) return [manual(`no definition recorded for index ${name}`, 'locks')];
      const space = s(a.tablespace) ? ` TABLESPACE ${quoteIdent(s(a.tablespace) ?? '')}` : '';
      // pg_get_indexdef puts a partial index's WHERE last; TABLESPACE goes before it.
      const where = s(a.predicate) === null ? -1 : o.ddl.lastIndexOf(' WHERE ');
      const ddl = where >= 0 ? `${o.ddl.slice(0, where)}${space}${o.ddl.slice(where)}` : `${o.ddl}${space}`;
      // On a table that exists (with rows, perhaps) the index is built without blocking writes; CONCURRENTLY cannot
      // run inside a transaction block, so this statement is run on its own.
      const concurrent = ctx.relationExists?.(s(a.table) ?? '') === true;
      const out = [
        locks(`${concurrent ? ddl.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ') : ddl};`),
      ];
      if (a.clustered === true) out.push(locks(`ALTER TABLE ${indexTable(o)} CLUSTER ON ${last(o)};`));
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

function dropObject(o: CatalogObject): Statement[] {
  const name = quoteQualified(o.path);
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
        safe(
          `DROP ${o.attrs.kind === 'procedure' ? 'PROCEDURE' : o.attrs.kind === 'aggregate' ? 'AGGREGATE' : 'FUNCTION'} ${functionName(o)};`,
        ),
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

const ENABLE: Record<string, string> = {
  origin: 'ENABLE',
  disabled: 'DISABLE',
  replica: 'ENABLE REPLICA',
  always: 'ENABLE ALWAYS',
};

function commentStatement(expected: CatalogObject, value: AttrValue | undefined): Statement {
  const name = quoteQualified(expected.path);
  const kind = expected.kind;
  const target =
    kind === 'column'
      ? `COLUMN ${name}`
      : kind === 'constraint' || kind === 'trigger' || kind === 'policy' || kind === 'rule'
        ? `${kind.toUpperCase()} ${last(expected)} ON ${tableOf(expected)}`
        : kind === 'function'
          ? `${routine(expected)} ${functionName(expected)}`
          : kind === 'enum' || kind === 'composite type'
            ? `TYPE ${name}`
            : `${kind.toUpperCase()} ${name}`;
  return safe(`COMMENT ON ${target} IS ${s(value) === null ? 'NULL' : quoteLiteral(s(value) ?? '')};`);
}

function replicaIdentity(table: CatalogObject, value: string | null): Statement | null {
  const alter = `ALTER TABLE ${quoteQualified(table.path)} REPLICA IDENTITY`;
  if (value === null) return locks(`${alter} DEFAULT;`);
  if (value === 'full') return locks(`${alter} FULL;`);
  if (value === 'nothing') return locks(`${alter} NOTHING;`);
  return null;
}

function changeColumn(expected: CatalogObject, actual: CatalogObject, attribute: string): Statement[] {
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
        destructive(
          `${alter} TYPE ${s(a.type)}${collate} USING ${last(expected)}::${s(a.type)};`,
          `a type change rewrites the table and its cast can lose data (${s(actual.attrs.type)} to ${s(a.type)})`,
        ),
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
      if (s(value) === null) return [locks(`${alter} DROP IDENTITY;`)];
      const how = value === 'always' ? 'ALWAYS' : 'BY DEFAULT';
      return [
        locks(
          s(actual.attrs.identity) === null
            ? `${alter} ADD GENERATED ${how} AS IDENTITY;`
            : `${alter} SET GENERATED ${how};`,
        ),
      ];
    }
    case 'identity_options': {
      // Dropping or adding the identity itself is the `identity` attribute's fix; the options follow it.
      if (s(a.identity) === null || s(actual.attrs.identity) === null) return [];
      const have = arr(actual.attrs.identity_options);
      const set = arr(value).filter((o) => !have.includes(o));
      return set.length ? [locks(`${alter} ${set.map((o) => `SET ${o}`).join(' ')};`)] : [];
    }
    case 'statistics':
      return [safe(`${alter} SET STATISTICS ${typeof value === 'number' ? value : -1};`)];
    case 'storage':
      return s(value) === null
        ? [manual(`set the storage of column ${quoteQualified(expected.path)} back to its type's default`, 'locks')]
        : [locks(`${alter} SET STORAGE ${s(value)?.toUpperCase()};`)];
  }
  return [
    destructive(
      `-- recreate column ${quoteQualified(expected.path)}: ${columnDefinition(expected)}`,
      `${attribute} of a column cannot be changed in place; recreating it loses its values`,
    ),
  ];
}

const INTEGERS = ['smallint', 'integer', 'bigint'];
const VARCHAR = /^character varying(?:\((\d+)\))?$/;
const NUMERIC = /^numeric(?:\((\d+),(\d+)\))?$/;

/** True when every value of type `from` converts to `to` unchanged (a widening cast). */
export function widens(from: string, to: string): boolean {
  if (from === to) return true;
  if (INTEGERS.includes(from) && INTEGERS.includes(to)) return INTEGERS.indexOf(to) > INTEGERS.indexOf(from);
  if (INTEGERS.includes(from) && to === 'numeric') return true;
  if (from === 'real' && to === 'double precision') return true;
  const v = VARCHAR.exec(from);
  if (v && to === 'text') return true;
  const w = VARCHAR.exec(to);
  if (v && w) return w[1] === undefined || (v[1] !== undefined && Number(w[1]) >= Number(v[1]));
  const n = NUMERIC.exec(from);
  const m = NUMERIC.exec(to);
  if (n && m) {
    if (m[1] === undefined) return true;
    // Same scale and at least as many digits: every value keeps its digits.
    return n[1] !== undefined && n[2] === m[2] && Number(m[1]) >= Number(n[1]);
  }
  return false;
}

function changeTable(expected: CatalogObject, actual: CatalogObject, attribute: string): Statement[] {
  const a = expected.attrs;
  const value = a[attribute];
  const name = quoteQualified(expected.path);
  const alter = `ALTER TABLE ${name}`;
  switch (attribute) {
    case 'rls_enabled':
      return [locks(`${alter} ${value ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`)];
    case 'rls_forced':
      return [locks(`${alter} ${value ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`)];
    case 'unlogged':
      return [locks(`${alter} SET ${value ? 'UNLOGGED' : 'LOGGED'};`)];
    case 'options': {
      const want = arr(value);
      const keys = (list: readonly string[]) => list.map((o) => o.slice(0, o.indexOf('=')));
      const reset = keys(arr(actual.attrs.options)).filter((k) => !keys(want).includes(k));
      const out: Statement[] = [];
      if (reset.length) out.push(locks(`${alter} RESET (${reset.join(', ')});`));
      if (want.length) out.push(locks(`${alter} SET (${want.join(', ')});`));
      return out;
    }
    case 'tablespace':
      return [locks(`${alter} SET TABLESPACE ${quoteIdent(s(value) ?? 'pg_default')};`)];
    case 'access_method':
      return [locks(`${alter} SET ACCESS METHOD ${quoteIdent(s(value) ?? 'heap')};`)];
    case 'replica_identity': {
      const statement = replicaIdentity(expected, s(value));
      return statement ? [statement] : [manual(`set the replica identity of ${name} to its index by hand`, 'locks')];
    }
    case 'inherits': {
      const want = arr(value);
      const have = arr(actual.attrs.inherits);
      return [
        ...have.filter((p) => !want.includes(p)).map((p) => locks(`${alter} NO INHERIT ${p};`)),
        ...want.filter((p) => !have.includes(p)).map((p) => locks(`${alter} INHERIT ${p};`)),
      ];
    }
    case 'partition_of':
    case 'partition_bound': {
      const want = arr(a.partition_of);
      const have = arr(actual.attrs.partition_of);
      const out: Statement[] = [];
      if (have.length) out.push(locks(`ALTER TABLE ${quoteQualified(have)} DETACH PARTITION ${name};`));
      if (want.length) {
        out.push(
          locks(`ALTER TABLE ${quoteQualified(want)} ATTACH PARTITION ${name} ${s(a.partition_bound) ?? 'DEFAULT'};`),
        );
      }
      return out;
    }
  }
  return [
    manual(`${attribute} of table ${name} cannot be changed in place: recreate the table by hand`, 'destructive'),
  ];
}

/** Enum labels: a label renamed in place is RENAME VALUE; new labels are ADD VALUE; removing or reordering is a rebuild. */
function changeEnum(expected: CatalogObject, actual: CatalogObject): Statement[] {
  const name = quoteQualified(expected.path);
  const want = arr(expected.attrs.labels);
  let have = [...arr(actual.attrs.labels)];
  const out: Statement[] = [];
  const gone = have.filter((l) => !want.includes(l));
  const added = want.filter((l) => !have.includes(l));
  // Same position, one label for another: a rename.
  for (const label of [...gone]) {
    const at = have.indexOf(label);
    const replacement = want[at];
    if (replacement !== undefined && added.includes(replacement)) {
      out.push(safe(`ALTER TYPE ${name} RENAME VALUE ${quoteLiteral(label)} TO ${quoteLiteral(replacement)};`));
      have[at] = replacement;
      added.splice(added.indexOf(replacement), 1);
      gone.splice(gone.indexOf(label), 1);
    }
  }
  want.forEach((label, i) => {
    if (have.includes(label)) return;
    const next = want.slice(i + 1).find((l) => have.includes(l));
    const previous = want
      .slice(0, i)
      .reverse()
      .find((l) => have.includes(l));
    const where = next ? ` BEFORE ${quoteLiteral(next)}` : previous ? ` AFTER ${quoteLiteral(previous)}` : '';
    out.push(safe(`ALTER TYPE ${name} ADD VALUE ${quoteLiteral(label)}${where};`));
    have = next ? [...have.slice(0, have.indexOf(next)), label, ...have.slice(have.indexOf(next))] : [...have, label];
  });
  if (gone.length || have.join('\u0000') !== want.join('\u0000')) {
    out.push(
      manual(
        `PostgreSQL cannot drop or reorder enum values (${gone.map(quoteLiteral).join(', ') || 'order'}) of ${name}: rebuilding the type converts every column using it, and rows holding a dropped value would fail or be lost; rebuild it by hand`,
        'destructive',
      ),
    );
  }
  return out;
}

function changeComposite(expected: CatalogObject, actual: CatalogObject): Statement[] {
  const name = quoteQualified(expected.path);
  const want = arr(expected.attrs.attributes).map(compositeAttribute);
  const have = arr(actual.attrs.attributes).map(compositeAttribute);
  const out: Statement[] = [];
  // One attribute for another at the same position with the same type, neither name on the other side: a rename,
  // which keeps the values stored in every column of the type.
  const current = have.map((h) => ({ ...h }));
  current.forEach((h, i) => {
    const w = want[i];
    if (!w || w.name === h.name || w.type !== h.type) return;
    if (have.some((x) => x.name === w.name) || want.some((x) => x.name === h.name)) return;
    out.push(safe(`ALTER TYPE ${name} RENAME ATTRIBUTE ${h.name} TO ${w.name};`));
    h.name = w.name;
  });
  for (const h of current) {
    const w = want.find((x) => x.name === h.name);
    if (!w) {
      out.push(
        destructive(
          `ALTER TYPE ${name} DROP ATTRIBUTE ${h.name};`,
          'dropping an attribute of a composite type deletes its values in every column of that type',
        ),
      );
    } else if (w.type !== h.type) {
      out.push(
        destructive(
          `ALTER TYPE ${name} ALTER ATTRIBUTE ${w.name} TYPE ${w.type};`,
          'a type change of a composite attribute can lose data in the cast',
        ),
      );
    }
  }
  const kept = current.filter((h) => want.some((w) => w.name === h.name)).map((h) => h.name);
  const added = want.filter((w) => !kept.includes(w.name));
  // ADD ATTRIBUTE appends: only an attribute that belongs after every kept one lands where it is expected.
  const lastKept = Math.max(-1, ...kept.map((k) => want.findIndex((w) => w.name === k)));
  const outOfOrder = added.filter((w) => want.indexOf(w) < lastKept);
  if (outOfOrder.length) {
    out.push(
      manual(
        `PostgreSQL can only append attributes: adding ${outOfOrder.map((w) => w.name).join(', ')} to ${name} would leave it out of order (a third shape); recreate the type by hand, converting every column that uses it`,
        'destructive',
      ),
    );
  } else {
    for (const w of added) out.push(safe(`ALTER TYPE ${name} ADD ATTRIBUTE ${w.name} ${w.type};`));
  }
  const order = want.filter((w) => kept.includes(w.name)).map((w) => w.name);
  if (kept.join('\u0000') !== order.join('\u0000')) {
    out.push(manual(`PostgreSQL cannot reorder the attributes of ${name}: recreate the type by hand`, 'destructive'));
  }
  return out;
}

function changeDomain(expected: CatalogObject, actual: CatalogObject, attribute: string): Statement[] {
  const name = quoteQualified(expected.path);
  const value = expected.attrs[attribute];
  switch (attribute) {
    case 'not_null':
      return [locks(`ALTER DOMAIN ${name} ${value ? 'SET' : 'DROP'} NOT NULL;`)];
    case 'default':
      return [
        safe(
          s(value) === null ? `ALTER DOMAIN ${name} DROP DEFAULT;` : `ALTER DOMAIN ${name} SET DEFAULT ${s(value)};`,
        ),
      ];
    case 'checks': {
      const want = arr(value);
      const have = arr(actual.attrs.checks);
      const nameOf = (check: string) => quoteIdent(check.slice(0, check.indexOf(': ')));
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
function compareVersions(x: string, y: string): number | null {
  const a = x.split('.').map(Number);
  const b = y.split('.').map(Number);
  if ([...a, ...b].some((n) => !Number.isInteger(n))) return null;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** An upgrade runs the extension's update scripts; a downgrade has none to run. */
function changeExtensionVersion(expected: CatalogObject, actual: CatalogObject): Statement[] {
  const name = quoteQualified(expected.path);
  const want = s(expected.attrs.version) ?? '';
  const have = s(actual.attrs.version) ?? '';
  if ((compareVersions(want, have) ?? -1) > 0) {
    // Update scripts alter the extension's objects (and their locks); the server must ship the update path.
    return [locks(`ALTER EXTENSION ${name} UPDATE TO ${quoteLiteral(want)};`)];
  }
  return [
    manual(
      `extension ${name} is at ${have}, not ${want}: a downgrade has no update path (extensions ship none), so ALTER EXTENSION … UPDATE TO ${quoteLiteral(want)} would fail; dropping and recreating it at ${want} drops everything that uses it — do it by hand`,
      'destructive',
    ),
  ];
}

function changeAttribute(
  expected: CatalogObject,
  actual: CatalogObject,
  attribute: string,
  ctx: FixupContext,
): Statement[] {
  const a = expected.attrs;
  const value = a[attribute];
  const name = quoteQualified(expected.path);
  if (attribute === 'comment') return [commentStatement(expected, value)];
  if (attribute === 'owner' && s(value) !== null) {
    // A sequence owned by a column cannot be given away on its own; it follows its table's owner.
    if (expected.kind === 'sequence' && arr(actual.attrs.owned_by).length === 3) {
      return [manual(`${name} follows the owner of ${quoteQualified(arr(actual.attrs.owned_by).slice(0, 2))}`)];
    }
    return [ownerStatement(expected, s(value) ?? '')];
  }
  if (PRIVILEGE_KINDS.includes(expected.kind)) return privilegeFixup(expected, actual);
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
        return [locks(`ALTER INDEX ${name} SET TABLESPACE ${quoteIdent(s(value) ?? 'pg_default')};`)];
      }
      if (attribute === 'clustered') {
        const table = indexTable(expected);
        return [
          locks(
            value ? `ALTER TABLE ${table} CLUSTER ON ${last(expected)};` : `ALTER TABLE ${table} SET WITHOUT CLUSTER;`,
          ),
        ];
      }
      return [...dropObject(expected), ...createObject(expected, ctx)];
    case 'trigger':
    case 'rule':
      if (attribute === 'enabled') {
        return [
          locks(
            `ALTER TABLE ${tableOf(expected)} ${ENABLE[s(value) ?? 'origin'] ?? 'ENABLE'} ${expected.kind.toUpperCase()} ${last(expected)};`,
          ),
        ];
      }
      return [...dropObject(expected), ...createObject(expected, ctx)];
    case 'view':
      if (attribute !== 'definition') {
        const option = attribute === 'options' ? null : attribute;
        if (option && (value === null || value === false)) return [safe(`ALTER VIEW ${name} RESET (${option});`)];
        if (option) return [safe(`ALTER VIEW ${name} SET (${option} = ${String(value)});`)];
      }
      return [safe(`CREATE OR REPLACE VIEW ${name}${viewOptions(expected)} AS\n${viewBody(expected)};`)];
    case 'materialized view':
      if (attribute === 'tablespace') {
        return [locks(`ALTER MATERIALIZED VIEW ${name} SET TABLESPACE ${quoteIdent(s(value) ?? 'pg_default')};`)];
      }
      // Dropped and recreated with its indexes: nothing else can change a materialized view's query.
      return [...dropObject(expected), ...createView(expected, ctx)];
    case 'function':
      if (attribute === 'security_definer') {
        return [
          safe(
            `ALTER ${routine(expected)} ${functionName(expected)} ${value ? 'SECURITY DEFINER' : 'SECURITY INVOKER'};`,
          ),
        ];
      }
      return [safe(`${(expected.ddl ?? '').trimEnd()};`)];
    case 'sequence': {
      const clause: Record<string, string> = {
        type: `AS ${s(value)}`,
        increment: `INCREMENT BY ${s(value)}`,
        min: `MINVALUE ${s(value)}`,
        max: `MAXVALUE ${s(value)}`,
        start: `START WITH ${s(value)}`,
        cache: `CACHE ${s(value)}`,
        cycle: value ? 'CYCLE' : 'NO CYCLE',
        owned_by: arr(value).length === 3 ? `OWNED BY ${quoteQualified(arr(value))}` : 'OWNED BY NONE',
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
      if (attribute === 'version') return changeExtensionVersion(expected, actual);
      if (attribute === 'schema') return [safe(`ALTER EXTENSION ${name} SET SCHEMA ${quoteIdent(s(value) ?? '')};`)];
      break;
    case 'policy': {
      const alter = `ALTER POLICY ${last(expected)} ON ${tableOf(expected)}`;
      if (attribute === 'roles') {
        const roles = arr(value).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : quoteIdent(r)));
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
export function fixupStatements(
  change: Change,
  expected: CatalogObject | undefined,
  actual: CatalogObject | undefined,
  attribute: string | null,
  ctx: FixupContext,
): Statement[] {
  // Only a missing index on a relation that stays is built CONCURRENTLY; one recreated with its relation is not.
  const plain: FixupContext = { childrenOf: ctx.childrenOf, indexesOn: ctx.indexesOn };
  if (change === 'missing' && expected) return createObject(expected, expected.kind === 'index' ? ctx : plain);
  if (change === 'unexpected' && actual) return dropObject(actual);
  if (change === 'changed' && expected && actual && attribute) {
    return changeAttribute(expected, actual, attribute, plain);
  }
  return [manual('no fix-up could be derived')];
}

/** ALTER TABLE … RENAME and/or SET SCHEMA for a table that is the expected one renamed or moved. */
export function renameTableStatements(expected: CatalogObject, actual: CatalogObject): Statement[] {
  const [schema = '', table = ''] = expected.path;
  const [fromSchema = '', fromTable = ''] = actual.path;
  const out: Statement[] = [];
  if (table !== fromTable) {
    out.push(locks(`ALTER TABLE ${quoteQualified([fromSchema, fromTable])} RENAME TO ${quoteIdent(table)};`));
  }
  if (schema !== fromSchema) {
    out.push(locks(`ALTER TABLE ${quoteQualified([fromSchema, table])} SET SCHEMA ${quoteIdent(schema)};`));
  }
  return out;
}

/** ALTER … RENAME for an object that is likely the expected one under another name (see drift/renames.ts). */
export function renameStatement(expected: CatalogObject, actual: CatalogObject): Statement {
  const to = last(expected);
  const from = last(actual);
  switch (expected.kind) {
    case 'column':
      return locks(`ALTER TABLE ${tableOf(actual)} RENAME COLUMN ${from} TO ${to};`);
    case 'constraint':
      return locks(`ALTER TABLE ${tableOf(actual)} RENAME CONSTRAINT ${from} TO ${to};`);
    default:
      return locks(`ALTER INDEX ${quoteQualified(actual.path)} RENAME TO ${to};`);
  }
}
