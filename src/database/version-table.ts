import { errorMessage } from '../shared/error-message.js';
import type { SqlExecutor } from './executor.js';
import { checkRows } from './row-shape.js';

export interface VersionTableRef {
  /** Table name as Alembic's `version_table` spells it (default `alembic_version`). */
  table: string;
  /** Alembic's `version_table_schema`; unset means unqualified, found through the search_path as Alembic does. */
  schema?: string;
}

export interface VersionTableRead {
  exists: boolean;
  /** Every `version_num` row that holds a usable id, sorted (repeats kept). */
  versions: string[];
  /** Rows Alembic could not have written, described (null, empty, not text, padded with whitespace). */
  invalid: string[];
  /** The table as the server resolved it (`public.alembic_version`), or as asked for when it does not exist. */
  qualifiedName: string;
}

// PostgreSQL truncates identifiers past NAMEDATALEN - 1 bytes, which would silently read another table.
const MAX_IDENTIFIER_BYTES = 63;

/** Reads the applied revisions. Missing table -> exists false; empty -> []; several rows -> all of them. */
export async function readVersionTable(executor: SqlExecutor, ref: VersionTableRef): Promise<VersionTableRead> {
  const table = validIdentifier(ref.table, 'version-table');
  const schema =
    ref.schema === undefined || ref.schema === '' ? undefined : validIdentifier(ref.schema, 'version-table-schema');
  const asked =
    schema === undefined ? displayIdentifier(table) : `${displayIdentifier(schema)}.${displayIdentifier(table)}`;

  // Names are exact identifiers, as SQLAlchemy quotes them: `MyTable` means "MyTable", not mytable.
  // quote_ident runs server-side on bound parameters, so user input never becomes SQL text here.
  const lookup =
    schema === undefined
      ? { sql: 'pg_catalog.quote_ident($1::text)', params: [table] }
      : { sql: "pg_catalog.quote_ident($1::text) || '.' || pg_catalog.quote_ident($2::text)", params: [schema, table] };
  let found: { qualified_name: string }[];
  try {
    found = await executor.query<{ qualified_name: string }>(
      `select pg_catalog.format('%I.%I', n.nspname, c.relname) as qualified_name
         from pg_catalog.pg_class c
         join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.oid = pg_catalog.to_regclass(${lookup.sql})`,
      lookup.params,
    );
    found = checkRows(found, { qualified_name: 'text' }, 'the lookup answered');
  } catch (error) {
    throw new Error(`Could not look up version table ${asked}: ${errorMessage(error)}`);
  }
  if (found.length === 0) return { exists: false, versions: [], invalid: [], qualifiedName: asked };
  const qualifiedName = found[0]?.qualified_name;
  // A row without the name (a Lambda that maps NULL or drops the column) is an answer we cannot read, not "absent".
  if (typeof qualifiedName !== 'string' || qualifiedName === '') {
    throw new Error(
      `Could not look up version table ${asked}: the lookup answered ${JSON.stringify(found[0]) ?? 'nothing'} without a qualified_name`,
    );
  }

  // Identifiers cannot be bound; quoteIdent on validated names (no NUL) cannot be escaped from.
  const target = schema === undefined ? quoteIdent(table) : `${quoteIdent(schema)}.${quoteIdent(table)}`;
  let rows: { version_num: unknown }[];
  try {
    rows = await executor.query<{ version_num: unknown }>(`select version_num::text as version_num from ${target}`);
    // A row without the column (or with a non-text value) is an error, not a dropped row; null is judged later.
    rows = checkRows(rows, { version_num: 'text?' }, 'the table answered');
  } catch (error) {
    throw new Error(`Could not read version table ${qualifiedName}: ${errorMessage(error)}`);
  }
  // Every row is accounted for: a value Alembic could not have written is reported, never dropped or trimmed.
  const versions: string[] = [];
  const invalid: string[] = [];
  for (const row of rows) {
    const problem = rowProblem(row);
    if (problem === null) versions.push(row.version_num as string);
    else invalid.push(problem);
  }
  versions.sort();
  return { exists: true, versions, invalid, qualifiedName };
}

/** Why a version row is not a usable revision id (null, empty, not text, padded), or null when it is one. */
export function rowProblem(row: { version_num: unknown } | null | undefined): string | null {
  if (row === null || typeof row !== 'object' || !('version_num' in row)) {
    return `a row without version_num (${JSON.stringify(row) ?? String(row)})`;
  }
  const value = row.version_num;
  if (value === null || value === undefined) return 'NULL';
  if (typeof value !== 'string') return `${JSON.stringify(value) ?? String(value)} (a ${typeof value}, not text)`;
  if (value === '') return '"" (empty)';
  if (value !== value.trim()) return `${JSON.stringify(value)} (leading or trailing whitespace)`;
  return null;
}

function validIdentifier(value: unknown, input: string): string {
  const shown = JSON.stringify(value);
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`Invalid ${input} ${shown}: must not be empty`);
  if (value !== value.trim()) throw new Error(`Invalid ${input} ${shown}: leading or trailing spaces`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error(`Invalid ${input} ${shown}: contains a control character`);
  if (value.includes('.')) {
    const hint = input === 'version-table' ? '; give the schema in version-table-schema' : '';
    throw new Error(`Invalid ${input} ${shown}: a name, not a dotted path${hint}`);
  }
  if (Buffer.byteLength(value, 'utf8') > MAX_IDENTIFIER_BYTES) {
    throw new Error(
      `Invalid ${input} ${shown}: longer than PostgreSQL's ${MAX_IDENTIFIER_BYTES}-byte identifier limit`,
    );
  }
  return value;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function displayIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : quoteIdent(name);
}
