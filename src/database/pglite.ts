import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor } from './executor.js';

/** Embedded PGlite: `dataDir` a folder (created if missing) or undefined for in-memory. */
export async function openPgliteExecutor(dataDir?: string): Promise<SqlExecutor & { readonly db: PGlite }> {
  const where = dataDir === undefined ? 'memory' : resolve(dataDir);
  let db: PGlite;
  try {
    if (dataDir !== undefined) await mkdir(where, { recursive: true });
    db = await PGlite.create(dataDir === undefined ? undefined : where);
  } catch (error) {
    throw new Error(`Could not open PGlite at ${where}: ${messageOf(error)}`);
  }
  let closed = false;
  return {
    db,
    async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      if (closed) throw new Error(`Query failed on pglite:${where}: the executor is closed`);
      try {
        // Same guarantee as the server adapter: whatever the SQL, nothing it does is kept.
        return await db.transaction(async (tx) => {
          // The SELECT takes the snapshot, after which `SET TRANSACTION READ WRITE` is refused; tx.query is
          // the extended protocol, one statement, so `COMMIT; CREATE ...` cannot step out either.
          await tx.exec('SET TRANSACTION READ ONLY; SELECT 1');
          const result = await tx.query<Row>(sql, params === undefined ? [] : [...params]);
          await tx.rollback();
          return result.rows;
        });
      } catch (error) {
        throw new Error(`Query failed on pglite:${where}: ${messageOf(error)}`);
      }
    },
    describe: () => `pglite:${where}`,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
