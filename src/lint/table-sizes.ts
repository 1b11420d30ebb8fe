// Production sizes of the tables a migration touches: one query on the system catalog (pg_class statistics and
// pg_total_relation_size), through the same SqlExecutor as the nightly check. Never a user row.
import type { SqlExecutor } from '../database/executor.js';
import type { TableRef } from './operation.js';

export interface TableSize {
  /** Rows estimated by the last ANALYZE/VACUUM (pg_class.reltuples); null when never analysed. */
  rows: number | null;
  /** Table, indexes and TOAST, in bytes. */
  bytes: number;
}

/** Keyed by `tableKey`; a table missing from the map does not exist in production. */
export type TableSizes = Map<string, TableSize>;

export interface LargeTable {
  rows: number;
  bytes: number;
}

export const DEFAULT_LARGE_TABLE: LargeTable = { rows: 1_000_000, bytes: 1024 ** 3 };

/** The key a table is looked up by: a quoted, schema-qualified name when the schema is known. */
export function tableKey(t: TableRef): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  // The parser already folded unquoted SQL names; SQLAlchemy quotes names that are not lower case. So quoting the
  // name as written finds the table PostgreSQL created.
  return t.schema ? `${quote(t.schema)}.${quote(t.name)}` : quote(t.name);
}

// to_regclass resolves each name as PostgreSQL would (search_path for unqualified names) and answers NULL for a
// table that does not exist, instead of failing the whole query.
const SIZES_SQL = `select t.name, c.reltuples::float8 as reltuples, pg_total_relation_size(c.oid)::float8 as bytes
from unnest($1::text[]) as t(name)
join pg_class c on c.oid = to_regclass(t.name) and c.relkind in ('r', 'p', 'm')`;

/** Reads the sizes of `tables` in one query; throws (with the executor's redacted description) on failure. */
export async function readTableSizes(executor: SqlExecutor, tables: readonly TableRef[]): Promise<TableSizes> {
  const keys = [...new Set(tables.map(tableKey))].sort();
  const sizes: TableSizes = new Map();
  if (keys.length === 0) return sizes;
  const rows = await executor.query<{ name: string; reltuples: number | string; bytes: number | string }>(SIZES_SQL, [
    keys,
  ]);
  for (const row of rows) {
    const tuples = Number(row.reltuples);
    const bytes = Number(row.bytes);
    if (typeof row.name !== 'string' || !Number.isFinite(tuples) || !Number.isFinite(bytes)) {
      throw new Error(`table sizes: unexpected row ${JSON.stringify(row)} from ${executor.describe()}`);
    }
    // reltuples is -1 until the table is first analysed (PostgreSQL 14+); 0 before that on older servers.
    sizes.set(row.name, { rows: tuples < 0 ? null : Math.round(tuples), bytes });
  }
  return sizes;
}

/** Reads `lint-large-table`: "1000000 rows or 1 GB", "500000 rows", "10 GB" (units B, kB, MB, GB, TB). */
export function parseLargeTable(value: string): LargeTable {
  const limit: Partial<LargeTable> = {};
  // Thousands separators first ("1,000,000 rows"), then the parts ("… rows, 1 GB" or "… rows or 1 GB").
  const plain = value.replaceAll(/(\d),(?=\d{3}\b)/g, '$1');
  for (const part of plain.split(/\s*(?:,|\bor\b)\s*/i).filter((p) => p.trim() !== '')) {
    const m = /^(\d[\d_]*)\s*(rows?|b|kb|mb|gb|tb)$/i.exec(part.trim());
    if (!m) throw new Error(`"${value}" is not a size like "1000000 rows or 1 GB" (part "${part}")`);
    const n = Number((m[1] ?? '').replaceAll('_', ''));
    const unit = (m[2] ?? '').toLowerCase();
    if (unit.startsWith('row')) limit.rows = n;
    else limit.bytes = n * 1024 ** ['b', 'kb', 'mb', 'gb', 'tb'].indexOf(unit);
  }
  if (limit.rows === undefined && limit.bytes === undefined) throw new Error(`"${value}" gives no rows and no size`);
  return { rows: limit.rows ?? Number.POSITIVE_INFINITY, bytes: limit.bytes ?? Number.POSITIVE_INFINITY };
}

export function describeSize(size: TableSize): string {
  const rows = size.rows === null ? 'rows unknown (never analysed)' : `~${size.rows.toLocaleString('en-US')} rows`;
  return `${rows}, ${formatBytes(size.bytes)}`;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${i === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[i]}`;
}
