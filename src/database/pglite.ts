import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor } from './executor.js';

export interface PgliteOpenOptions {
  /**
   * Create the database when the folder is missing or empty (the demo and the tests build theirs this way). Without
   * it a folder must already hold one: PGlite would otherwise create a new, empty database in a mistyped folder, and
   * a check of it would answer `uninitialized` about a database nobody has.
   */
  create?: boolean;
}

/** Embedded PGlite: `dataDir` a folder holding a database (or, with `create`, one to create), or undefined for in-memory. */
export async function openPgliteExecutor(
  dataDir?: string,
  options: PgliteOpenOptions = {},
): Promise<SqlExecutor & { readonly db: PGlite }> {
  const where = dataDir === undefined ? 'memory' : resolve(dataDir);
  let db: PGlite;
  try {
    if (dataDir !== undefined) await checkDataDir(where, options.create === true);
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

/**
 * Throws (saying why) unless `dir` holds a PostgreSQL data directory (its `PG_VERSION` file, which initdb writes
 * first and PGlite looks for), or, with `create`, is missing or empty (then it is made).
 */
async function checkDataDir(dir: string, create: boolean): Promise<void> {
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (found === null) {
    if (!create) throw new Error('no such folder (a PGlite database folder holds a PG_VERSION file)');
    await mkdir(dir, { recursive: true });
    return;
  }
  if (!found.isDirectory()) throw new Error('it is not a folder');
  const version = await stat(join(dir, 'PG_VERSION')).catch(() => null);
  if (version?.isFile()) return;
  const entries = await readdir(dir);
  if (entries.length === 0 && create) return;
  throw new Error(
    entries.length === 0
      ? 'the folder is empty: it holds no PGlite database (no PG_VERSION file)'
      : 'the folder holds no PGlite database (no PG_VERSION file)',
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
