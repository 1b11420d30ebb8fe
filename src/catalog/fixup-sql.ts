// Fix-up SQL: the statement that would make the actual database match the expected snapshot, derived from the
// expected side's definitions. Where no statement can be derived safely the result is a `-- comment` saying why.
import type { AttrValue, CatalogObject } from './model.js';
import { commentText, quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.js';

export type Change = 'missing' | 'unexpected' | 'changed';

export interface FixupContext {
  /** Expected objects whose path starts with `prefix` and are of `kind` (columns and constraints of a table). */
  childrenOf(kind: CatalogObject['kind'], prefix: readonly string[]): CatalogObject[];
}

const s = (v: AttrValue | undefined): string | null => (typeof v === 'string' ? v : null);
const arr = (v: AttrValue | undefined): readonly string[] => (Array.isArray(v) ? v : []);
const comment = (text: string) => `-- ${commentText(text)}`;

/** Table of a table-level object ([schema, table, name]) as a quoted name. */
const tableOf = (o: CatalogObject) => quoteQualified(o.path.slice(0, 2));
const last = (o: CatalogObject) => quoteIdent(o.path[o.path.length - 1] ?? '');
/** Functions carry "name(args)" as their last path element; args are already SQL. */
function functionName(o: CatalogObject): string {
  const raw = o.path[1] ?? '';
  const open = raw.indexOf('(');
  return `${quoteIdent(o.path[0] ?? '')}.${quoteIdent(raw.slice(0, open))}${raw.slice(open)}`;
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

function createTable(table: CatalogObject, ctx: FixupContext): string {
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
  let sql: string;
  if (partitionOf.length) {
    sql = `CREATE TABLE ${quoteQualified(table.path)} PARTITION OF ${quoteQualified(partitionOf)} ${s(table.attrs.partition_bound) ?? 'DEFAULT'};`;
  } else {
    sql = `CREATE ${table.attrs.unlogged ? 'UNLOGGED ' : ''}TABLE ${quoteQualified(table.path)} (\n  ${parts.join(',\n  ')}\n)`;
    if (s(table.attrs.partition_key)) sql += ` PARTITION BY ${s(table.attrs.partition_key)}`;
    sql += ';';
  }
  for (const fk of foreign) sql += `\n${addConstraint(fk)}`;
  if (table.attrs.rls_enabled) sql += `\nALTER TABLE ${quoteQualified(table.path)} ENABLE ROW LEVEL SECURITY;`;
  if (table.attrs.rls_forced) sql += `\nALTER TABLE ${quoteQualified(table.path)} FORCE ROW LEVEL SECURITY;`;
  return sql;
}

const addConstraint = (c: CatalogObject) =>
  `ALTER TABLE ${tableOf(c)} ADD CONSTRAINT ${last(c)} ${c.ddl ?? s(c.attrs.definition) ?? ''};`;

function createSequence(o: CatalogObject): string {
  const a = o.attrs;
  let sql = `CREATE SEQUENCE ${quoteQualified(o.path)} AS ${s(a.type) ?? 'bigint'} INCREMENT BY ${s(a.increment)} MINVALUE ${s(a.min)} MAXVALUE ${s(a.max)} START WITH ${s(a.start)} CACHE ${s(a.cache)}${a.cycle ? ' CYCLE' : ''}`;
  const owner = arr(a.owned_by);
  if (owner.length === 3) sql += ` OWNED BY ${quoteQualified(owner)}`;
  return `${sql};`;
}

function viewStatement(o: CatalogObject): string {
  const materialized = o.kind === 'materialized view';
  const options: string[] = [];
  if (o.attrs.security_invoker) options.push('security_invoker = true');
  if (o.attrs.security_barrier) options.push('security_barrier = true');
  if (s(o.attrs.check_option)) options.push(`check_option = ${s(o.attrs.check_option)}`);
  options.push(...arr(o.attrs.options));
  const withClause = options.length ? ` WITH (${options.join(', ')})` : '';
  const body = (o.ddl ?? s(o.attrs.definition) ?? '').trim().replace(/;$/, '');
  if (materialized) {
    return `DROP MATERIALIZED VIEW IF EXISTS ${quoteQualified(o.path)};\nCREATE MATERIALIZED VIEW ${quoteQualified(o.path)}${withClause} AS\n${body};`;
  }
  return `CREATE OR REPLACE VIEW ${quoteQualified(o.path)}${withClause} AS\n${body};`;
}

function createPolicy(o: CatalogObject): string {
  const a = o.attrs;
  const roles = arr(a.roles).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : quoteIdent(r)));
  let sql = `CREATE POLICY ${last(o)} ON ${tableOf(o)} AS ${a.permissive === false ? 'RESTRICTIVE' : 'PERMISSIVE'} FOR ${s(a.command) ?? 'ALL'} TO ${roles.join(', ') || 'PUBLIC'}`;
  if (s(a.using)) sql += ` USING (${s(a.using)})`;
  if (s(a.with_check)) sql += ` WITH CHECK (${s(a.with_check)})`;
  return `${sql};`;
}

function grantee(o: CatalogObject): string {
  const g = o.path[2] ?? '';
  return g === 'PUBLIC' ? 'PUBLIC' : quoteIdent(g);
}

function privilegeTarget(o: CatalogObject): string {
  return `${o.attrs.object_type === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${quoteQualified(o.path.slice(0, 2))}`;
}

function grant(o: CatalogObject, privileges: readonly string[], grantable: boolean): string {
  if (!privileges.length) return '';
  const list = privileges.includes('ALL') ? 'ALL' : privileges.join(', ');
  return `GRANT ${list} ON ${privilegeTarget(o)} TO ${grantee(o)}${grantable ? ' WITH GRANT OPTION' : ''};`;
}

function createObject(o: CatalogObject, ctx: FixupContext): string {
  const a = o.attrs;
  switch (o.kind) {
    case 'schema':
      return `CREATE SCHEMA ${quoteIdent(o.path[0] ?? '')};`;
    case 'extension':
      return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(o.path[0] ?? '')}${s(a.schema) ? ` WITH SCHEMA ${quoteIdent(s(a.schema) ?? '')}` : ''}${s(a.version) ? ` VERSION ${quoteLiteral(s(a.version) ?? '')}` : ''};`;
    case 'enum':
      return `CREATE TYPE ${quoteQualified(o.path)} AS ENUM (${arr(a.labels).map(quoteLiteral).join(', ')});`;
    case 'domain': {
      let sql = `CREATE DOMAIN ${quoteQualified(o.path)} AS ${s(a.base_type)}`;
      if (s(a.collation)) sql += ` COLLATE ${s(a.collation)}`;
      if (s(a.default)) sql += ` DEFAULT ${s(a.default)}`;
      if (a.not_null) sql += ' NOT NULL';
      for (const check of arr(a.checks)) {
        const at = check.indexOf(': ');
        sql += ` CONSTRAINT ${quoteIdent(check.slice(0, at))} ${check.slice(at + 2)}`;
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
      return o.ddl ? `${o.ddl};` : comment(`no definition recorded for ${o.kind} ${quoteQualified(o.path)}`);
    case 'view':
    case 'materialized view':
      return viewStatement(o);
    case 'function':
      return o.ddl
        ? `${o.ddl.trimEnd()};`
        : comment(`${s(a.kind) ?? 'function'} ${quoteQualified(o.path)} cannot be recreated from the catalog`);
    case 'policy':
      return createPolicy(o);
    case 'privilege':
      return [grant(o, arr(a.privileges), false), grant(o, arr(a.grantable), true)].filter(Boolean).join('\n');
  }
}

function dropObject(o: CatalogObject): string {
  switch (o.kind) {
    case 'schema':
      return `DROP SCHEMA ${quoteIdent(o.path[0] ?? '')};`;
    case 'extension':
      return `DROP EXTENSION ${quoteIdent(o.path[0] ?? '')};`;
    case 'enum':
    case 'domain':
      return `DROP ${o.kind === 'enum' ? 'TYPE' : 'DOMAIN'} ${quoteQualified(o.path)};`;
    case 'sequence':
      return `DROP SEQUENCE ${quoteQualified(o.path)};`;
    case 'table':
      return `DROP TABLE ${quoteQualified(o.path)};`;
    case 'column':
      return `ALTER TABLE ${tableOf(o)} DROP COLUMN ${last(o)};`;
    case 'constraint':
      return `ALTER TABLE ${tableOf(o)} DROP CONSTRAINT ${last(o)};`;
    case 'index':
      return `DROP INDEX ${quoteQualified(o.path)};`;
    case 'view':
      return `DROP VIEW ${quoteQualified(o.path)};`;
    case 'materialized view':
      return `DROP MATERIALIZED VIEW ${quoteQualified(o.path)};`;
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

const TRIGGER_ENABLE: Record<string, string> = {
  origin: 'ENABLE',
  disabled: 'DISABLE',
  replica: 'ENABLE REPLICA',
  always: 'ENABLE ALWAYS',
};

function changeAttribute(expected: CatalogObject, actual: CatalogObject, attribute: string, ctx: FixupContext): string {
  const a = expected.attrs;
  const value = a[attribute];
  const name = quoteQualified(expected.path);
  if (attribute === 'comment') {
    const target =
      expected.kind === 'column'
        ? `COLUMN ${name}`
        : expected.kind === 'constraint' || expected.kind === 'trigger' || expected.kind === 'policy'
          ? `${expected.kind.toUpperCase()} ${last(expected)} ON ${tableOf(expected)}`
          : expected.kind === 'function'
            ? `${a.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${functionName(expected)}`
            : `${expected.kind === 'enum' ? 'TYPE' : expected.kind.toUpperCase()} ${name}`;
    return `COMMENT ON ${target} IS ${s(value) === null ? 'NULL' : quoteLiteral(s(value) ?? '')};`;
  }
  switch (expected.kind) {
    case 'column': {
      const alter = `ALTER TABLE ${tableOf(expected)} ALTER COLUMN ${last(expected)}`;
      if (attribute === 'type' || attribute === 'collation') {
        return `${alter} TYPE ${s(a.type)}${s(a.collation) ? ` COLLATE ${s(a.collation)}` : ''};`;
      }
      if (attribute === 'not_null') return `${alter} ${value ? 'SET' : 'DROP'} NOT NULL;`;
      if (attribute === 'default')
        return s(value) === null ? `${alter} DROP DEFAULT;` : `${alter} SET DEFAULT ${s(value)};`;
      if (attribute === 'identity') {
        if (s(value) === null) return `${alter} DROP IDENTITY;`;
        const how = value === 'always' ? 'ALWAYS' : 'BY DEFAULT';
        return s(actual.attrs.identity) === null
          ? `${alter} ADD GENERATED ${how} AS IDENTITY;`
          : `${alter} SET GENERATED ${how};`;
      }
      return comment(`${attribute} of column ${name} cannot be changed in place: recreate the column`);
    }
    case 'table': {
      const alter = `ALTER TABLE ${name}`;
      if (attribute === 'rls_enabled') return `${alter} ${value ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`;
      if (attribute === 'rls_forced') return `${alter} ${value ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`;
      if (attribute === 'unlogged') return `${alter} SET ${value ? 'UNLOGGED' : 'LOGGED'};`;
      if (attribute === 'options') {
        const want = arr(value);
        const keys = (list: readonly string[]) => list.map((o) => o.slice(0, o.indexOf('=')));
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
        if (option && value === null) return `ALTER VIEW ${name} RESET (${option});`;
        if (option) return `ALTER VIEW ${name} SET (${option} = ${String(value)});`;
      }
      return viewStatement(expected);
    case 'function':
      if (attribute === 'security_definer') {
        return `ALTER ${a.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${functionName(expected)} ${value ? 'SECURITY DEFINER' : 'SECURITY INVOKER'};`;
      }
      return createObject(expected, ctx);
    case 'sequence': {
      const alter = `ALTER SEQUENCE ${name}`;
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
      return clause[attribute] ? `${alter} ${clause[attribute]};` : comment(`${attribute} of sequence ${name}`);
    }
    case 'enum': {
      const want = arr(value);
      const have = arr(actual.attrs.labels);
      const statements: string[] = [];
      want.forEach((label, i) => {
        if (have.includes(label)) return;
        const next = want.slice(i + 1).find((l) => have.includes(l));
        const previous = want
          .slice(0, i)
          .reverse()
          .find((l) => have.includes(l) || statements.length > 0);
        const where = next ? ` BEFORE ${quoteLiteral(next)}` : previous ? ` AFTER ${quoteLiteral(previous)}` : '';
        statements.push(`ALTER TYPE ${name} ADD VALUE ${quoteLiteral(label)}${where};`);
      });
      const extra = have.filter((l) => !want.includes(l));
      if (extra.length || (!statements.length && want.join('\u0000') !== have.join('\u0000'))) {
        statements.push(
          comment(
            `PostgreSQL cannot drop or reorder enum values (${extra.map(quoteLiteral).join(', ') || 'order'}) of ${name}: recreate the type and convert its columns`,
          ),
        );
      }
      return statements.join('\n');
    }
    case 'extension':
      if (attribute === 'version')
        return `ALTER EXTENSION ${quoteIdent(expected.path[0] ?? '')} UPDATE TO ${quoteLiteral(s(value) ?? '')};`;
      if (attribute === 'schema')
        return `ALTER EXTENSION ${quoteIdent(expected.path[0] ?? '')} SET SCHEMA ${quoteIdent(s(value) ?? '')};`;
      break;
    case 'policy': {
      if (attribute === 'command' || attribute === 'permissive') {
        return `${dropObject(expected)}\n${createPolicy(expected)}`;
      }
      const alter = `ALTER POLICY ${last(expected)} ON ${tableOf(expected)}`;
      if (attribute === 'roles') {
        const roles = arr(value).map((r) => (r === 'PUBLIC' ? 'PUBLIC' : quoteIdent(r)));
        return `${alter} TO ${roles.join(', ') || 'PUBLIC'};`;
      }
      if (s(value) === null) return `${dropObject(expected)}\n${createPolicy(expected)}`;
      return `${alter} ${attribute === 'using' ? 'USING' : 'WITH CHECK'} (${s(value)});`;
    }
    case 'privilege': {
      const want = arr(value);
      const have = arr(actual.attrs[attribute]);
      const withOption = attribute === 'grantable';
      const revokeAll = want.length === 0 || (have.includes('ALL') && !want.includes('ALL'));
      const statements: string[] = [];
      if (revokeAll) {
        statements.push(
          `REVOKE ${withOption ? 'GRANT OPTION FOR ' : ''}ALL ON ${privilegeTarget(expected)} FROM ${grantee(expected)};`,
        );
        statements.push(grant(expected, want, withOption));
      } else {
        const extra = have.filter((p) => !want.includes(p));
        if (extra.length) {
          statements.push(
            `REVOKE ${withOption ? 'GRANT OPTION FOR ' : ''}${extra.join(', ')} ON ${privilegeTarget(expected)} FROM ${grantee(expected)};`,
          );
        }
        statements.push(
          grant(expected, want.includes('ALL') ? ['ALL'] : want.filter((p) => !have.includes(p)), withOption),
        );
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
export function fixupSql(
  change: Change,
  expected: CatalogObject | undefined,
  actual: CatalogObject | undefined,
  attribute: string | null,
  ctx: FixupContext,
): string {
  if (change === 'missing' && expected) return createObject(expected, ctx);
  if (change === 'unexpected' && actual) return dropObject(actual);
  if (change === 'changed' && expected && actual && attribute) return changeAttribute(expected, actual, attribute, ctx);
  return comment('no fix-up could be derived');
}
