// Tenant discovery: one catalog query through the entry's executor lists the schemas (or databases) matching a LIKE
// pattern, which becomes one target each. The pattern is a bound parameter, never SQL text.
// Fail closed: a matching schema without the version table is still a target (its check says `uninitialized`), never
// dropped — a tenant whose migrations never ran is exactly what a fleet check must show.
import type { SqlExecutor } from '../database/executor.js';
import { checkRows } from '../database/row-shape.js';
import { errorMessage } from '../shared/error-message.js';

export interface DiscoveredSchema {
  schema: string;
  /** The version table as the server names it (`tenant_1.alembic_version`), or null when the schema has none. */
  versionTable: string | null;
}

// The schemas PostgreSQL keeps for itself, as the catalog snapshot leaves them out.
const SYSTEM_SCHEMAS =
  "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

function checkPattern(pattern: string, what: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects
  if (pattern === '' || /[\u0000-\u001f\u007f]/.test(pattern)) {
    throw new Error(`Invalid discover ${what} pattern ${JSON.stringify(pattern)}: a non-empty LIKE pattern`);
  }
}

/** The schemas LIKE `pattern`, with the version table each holds (to_regclass, as the version check resolves it). */
export async function discoverSchemas(
  executor: SqlExecutor,
  pattern: string,
  versionTable: string,
): Promise<DiscoveredSchema[]> {
  checkPattern(pattern, 'schemas');
  let rows: { schema: string; version_table: string | null }[];
  try {
    rows = await executor.query(
      `select n.nspname::text as schema,
              (select pg_catalog.format('%I.%I', vn.nspname, vc.relname)
                 from pg_catalog.pg_class vc join pg_catalog.pg_namespace vn on vn.oid = vc.relnamespace
                where vc.oid = pg_catalog.to_regclass(pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident($2::text))
              ) as version_table
         from pg_catalog.pg_namespace n
        where n.nspname like $1::text and ${SYSTEM_SCHEMAS}
        order by n.nspname collate "C"`,
      [pattern, versionTable],
    );
    rows = checkRows(rows, { schema: 'text', version_table: 'text?' }, 'the discovery query answered');
  } catch (error) {
    throw new Error(
      `Could not list the schemas LIKE ${JSON.stringify(pattern)} on ${executor.describe()}: ${errorMessage(error)}`,
    );
  }
  return rows.map((r) => ({ schema: r.schema, versionTable: r.version_table }));
}

/** The databases LIKE `pattern` that accept connections (templates left out). */
export async function discoverDatabases(executor: SqlExecutor, pattern: string): Promise<string[]> {
  checkPattern(pattern, 'databases');
  let rows: { name: string }[];
  try {
    rows = await executor.query(
      `select datname::text as name from pg_catalog.pg_database
        where datname like $1::text and datallowconn and not datistemplate
        order by datname collate "C"`,
      [pattern],
    );
    rows = checkRows(rows, { name: 'text' }, 'the discovery query answered');
  } catch (error) {
    throw new Error(
      `Could not list the databases LIKE ${JSON.stringify(pattern)} on ${executor.describe()}: ${errorMessage(error)}`,
    );
  }
  return rows.map((r) => r.name);
}

/**
 * `{entry}.{member}` as a key segment: letters, digits and `_` are kept, every other byte (`.` and `-` included) is
 * written `-XX`, so two members never share a name and the name never holds `/` or `..`.
 */
export function tenantTargetName(entry: string, member: string): string {
  const escaped = [...Buffer.from(member, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9_]/.test(c) ? c : `-${byte.toString(16).padStart(2, '0')}`;
    })
    .join('');
  return `${entry}.${escaped}`;
}

/** The server URL with its database replaced (the path of a postgres:// URL). */
export function urlForDatabase(url: string, database: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('the database-url-env value is not a URL a database can be put into');
  }
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
