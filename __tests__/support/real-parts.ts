// Where the real parts (PostgreSQL server, Alembic) are, and whether a test may skip without them.
// On a laptop without them the tests skip with a printed reason; in CI (.ci/run sets
// SCHEMA_DRIFT_REQUIRE_REAL_PARTS=1) a missing part is a failure, never a skip.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

export const realPartsRequired = process.env.SCHEMA_DRIFT_REQUIRE_REAL_PARTS === '1';

/** Admin URL of the real PostgreSQL server; tests create their own databases under it. */
export const pgServerUrl =
  process.env.SCHEMA_DRIFT_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** The interpreter that has Debian's python3-alembic (the python3 on PATH may not). */
export const alembicPython = process.env.SCHEMA_DRIFT_ALEMBIC_PYTHON ?? '/usr/bin/python3';

function unavailable(part: string, reason: string): string {
  const message = `${part} unavailable: ${reason}`;
  if (realPartsRequired) throw new Error(`${message} (required: SCHEMA_DRIFT_REQUIRE_REAL_PARTS=1)`);
  console.warn(`skipping tests that need ${message}`);
  return message;
}

let alembicChecked: string | null | undefined;
/** null when real Alembic can run, else the reason it cannot. */
export function alembicUnavailable(): string | null {
  if (alembicChecked !== undefined) return alembicChecked;
  try {
    if (!existsSync(alembicPython)) throw new Error(`${alembicPython} not found`);
    execFileSync(alembicPython, ['-c', 'import alembic'], { stdio: 'pipe' });
    alembicChecked = null;
  } catch (error) {
    alembicChecked = unavailable('Alembic', (error as Error).message.split('\n')[0] ?? 'import failed');
  }
  return alembicChecked;
}

/** Debian's Chromium, for the HTML layout tests (driven through puppeteer-core). */
export const chromiumPath = process.env.SCHEMA_DRIFT_CHROMIUM ?? '/usr/bin/chromium';

let chromiumChecked: string | null | undefined;
/** null when Chromium can run, else the reason it cannot. */
export function chromiumUnavailable(): string | null {
  if (chromiumChecked !== undefined) return chromiumChecked;
  try {
    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found (Debian package chromium)`);
    execFileSync(chromiumPath, ['--version'], { stdio: 'pipe', timeout: 30_000 });
    chromiumChecked = null;
  } catch (error) {
    chromiumChecked = unavailable('Chromium', (error as Error).message.split('\n')[0] ?? 'does not start');
  }
  return chromiumChecked;
}

let serverChecked: Promise<string | null> | undefined;
/** null when the PostgreSQL server answers at pgServerUrl, else the reason it does not. */
export function pgServerUnavailable(): Promise<string | null> {
  serverChecked ??= (async () => {
    const client = new pg.Client({ connectionString: pgServerUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return unavailable(
        'PostgreSQL server',
        `${pgServerUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`,
      );
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return serverChecked;
}

/** Creates a fresh database on the server and returns its URL and a cleanup function. */
export async function createServerDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: pgServerUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(pgServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgServerUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}
