// The credentialmate example schema for structure tests: built by real Alembic (online on the PostgreSQL server,
// offline `--sql` output on PGlite), plus the object kinds its migrations do not use (extension, trigger,
// security definer function, grants).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import pg from 'pg';
import type { SqlExecutor } from '../../src/database/executor.js';
import { openPostgresExecutor } from '../../src/database/postgres.js';
import { alembicPython, createServerDatabase } from '../support/real-parts.js';

export const exampleDir = resolve(import.meta.dirname, '../../examples/credentialmate');
export const READER_ROLE = 'schema_drift_reader';

const CREATE_ROLE = `DO $$ BEGIN CREATE ROLE ${READER_ROLE}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`;

/** Independent blocks: applying them in any order gives the same schema. */
export const SUPPLEMENT: readonly string[] = [
  'CREATE EXTENSION IF NOT EXISTS hstore;',
  `ALTER TABLE providers ADD COLUMN updated_at timestamptz;
   CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.updated_at := now();
     RETURN NEW;
   END $$;
   CREATE TRIGGER providers_touch BEFORE UPDATE ON providers FOR EACH ROW EXECUTE FUNCTION touch_updated_at();`,
  `GRANT SELECT ON providers, licenses TO ${READER_ROLE};
   GRANT SELECT, INSERT ON documents TO ${READER_ROLE};`,
  `CREATE FUNCTION provider_count() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
   AS $$ SELECT count(*) FROM providers $$;`,
  `CREATE INDEX documents_title_idx ON documents (title);
   COMMENT ON TABLE providers IS 'People who hold credentials';`,
];

let offlineSql: string | undefined;
/** What `alembic upgrade head --sql` prints for the example: real Alembic's DDL, for databases it cannot reach. */
export function credentialmateOfflineSql(): string {
  offlineSql ??= execFileSync(alembicPython, ['-m', 'alembic', 'upgrade', 'head', '--sql'], {
    cwd: exampleDir,
    env: { ...process.env, DATABASE_URL: 'postgresql://offline@127.0.0.1/offline' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return offlineSql;
}

export interface Backend {
  name: string;
  /** Read-only executor the snapshot is taken through. */
  executor: SqlExecutor;
  /** Runs DDL as the database owner (the out-of-band change). */
  exec(sql: string): Promise<void>;
  url?: string;
  close(): Promise<void>;
}

/** A server database built by `alembic upgrade head`, then the supplement blocks in the given order. */
export async function serverBackend(prefix: string, blocks: readonly string[] = SUPPLEMENT): Promise<Backend> {
  const { url, drop } = await createServerDatabase(prefix);
  execFileSync(alembicPython, ['-m', 'alembic', 'upgrade', 'head'], {
    cwd: exampleDir,
    env: { ...process.env, DATABASE_URL: url.replace(/^postgres:/, 'postgresql:') },
    stdio: 'pipe',
  });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(CREATE_ROLE);
  for (const block of blocks) await admin.query(block);
  const executor = await openPostgresExecutor(url);
  return {
    name: 'PostgreSQL server',
    executor,
    url,
    exec: async (sql) => {
      await admin.query(sql);
    },
    close: async () => {
      await executor.close();
      await admin.end();
      await drop();
    },
  };
}

/** An executor over a PGlite instance the test owns (openPgliteExecutor opens its own). */
export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    query: async <Row>(sql: string, params?: readonly unknown[]) =>
      (await db.query<Row>(sql, params ? [...params] : [])).rows,
    describe: () => 'pglite:memory',
    close: async () => {},
  };
}

/** PGlite (PostgreSQL 18) with the same schema: Alembic's offline SQL, then the supplement blocks in order. */
export async function pgliteBackend(
  blocks: readonly string[] = SUPPLEMENT,
  sql = credentialmateOfflineSql(),
): Promise<Backend> {
  const db = await PGlite.create({ extensions: { hstore } });
  await db.exec(sql);
  await db.exec(CREATE_ROLE);
  for (const block of blocks) await db.exec(block);
  return {
    name: 'PGlite',
    executor: pgliteExecutor(db),
    exec: async (text) => {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}
