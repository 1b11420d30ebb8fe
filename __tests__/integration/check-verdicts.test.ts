// The version check end to end through the CLI: real Alembic stamps the version table of a real PostgreSQL 15 server
// and of PGlite (PostgreSQL 18, served through pglite-socket), and `schema-drift check --json` must give each state
// with the right exit code and a report that validates against docs/report.schema.json.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { openPgliteExecutor } from '../../src/database/pglite.js';
import type { Report } from '../../src/report/model.js';
import { alembicPython, alembicUnavailable, createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const exampleIni = join(repoRoot, 'examples/credentialmate/alembic.ini');
const HEAD = '20251230_1900';

async function check(url: string, cwd = repoRoot, migrations = 'examples/credentialmate') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', '--migrations', migrations, '--database-url', url, '--json'], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env: {},
  });
  const report = stdout ? (JSON.parse(stdout) as Report) : null;
  if (report) assertValidReport(report);
  return { code, report, stderr };
}

interface Target {
  url: string;
  /** Runs SQL through a plain client (to plant what Alembic cannot write, e.g. an unknown revision). */
  sql: (text: string) => Promise<void>;
  close: () => Promise<void>;
}

async function stamp(url: string, ini: string, ...revisions: string[]) {
  await run(alembicPython, ['-m', 'alembic', '-c', ini, 'stamp', '--purge', ...revisions], {
    env: { ...process.env, DATABASE_URL: url.replace(/^postgres:/, 'postgresql:') },
  });
}

async function serverTarget(): Promise<Target> {
  const db = await createServerDatabase('sda_verdicts');
  const url = db.url.replace(/^postgres:/, 'postgresql:');
  return {
    url,
    sql: async (text) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(text);
      await c.end();
    },
    close: db.drop,
  };
}

async function pgliteTarget(): Promise<Target> {
  const executor = await openPgliteExecutor();
  const server = new PGLiteSocketServer({ db: executor.db, host: '127.0.0.1', port: 0 });
  await server.start();
  return {
    url: `postgresql://postgres:pw@${server.getServerConn()}/postgres?sslmode=disable`,
    sql: async (text) => {
      await executor.db.exec(text);
    },
    close: async () => {
      await server.stop();
      await executor.close();
    },
  };
}

const alembicMissing = alembicUnavailable() !== null;
const serverMissing = (await pgServerUnavailable()) !== null;

describe.each([
  ['the PostgreSQL server', serverTarget, serverMissing],
  ['PGlite over pglite-socket', pgliteTarget, false],
] as const)('schema-drift check against %s, stamped by real Alembic', (_name, open, missing) => {
  let target: Target;
  let branchedRoot: string;

  beforeAll(async () => {
    if (alembicMissing || missing) return;
    target = await open();
    // A copy of the example with a hotfix on an older parent: two heads.
    branchedRoot = await mkdtemp(join(tmpdir(), 'sda-branched-'));
    await cp(join(repoRoot, 'examples/credentialmate'), branchedRoot, { recursive: true });
    await writeFile(
      join(branchedRoot, 'migrations/versions/ffff00000001_hotfix.py'),
      '"""hotfix on an old parent"""\nrevision = "ffff00000001"\ndown_revision = "20251103_1400"\n',
    );
  });
  afterAll(async () => {
    await target?.close();
    if (branchedRoot) await rm(branchedRoot, { recursive: true, force: true });
  });

  it.skipIf(alembicMissing || missing)('reports uninitialized with exit 1 when there is no version table', async () => {
    const { code, report } = await check(target.url);
    expect(code).toBe(1);
    expect(report?.version?.state).toBe('uninitialized');
    expect(report?.version?.summary).toContain('alembic_version does not exist (a fresh database');
    expect(report?.production_version).toBeNull();
  });

  it.skipIf(alembicMissing || missing)('reports synced with exit 0 when Alembic stamped the head', async () => {
    await stamp(target.url, exampleIni, HEAD);
    const { code, report } = await check(target.url);
    expect(code).toBe(0);
    expect(report).toMatchObject({
      status: 'synced',
      drift_detected: false,
      codebase_head: HEAD,
      production_version: HEAD,
    });
  });

  it.skipIf(alembicMissing || missing)('reports behind with the exact pending list in apply order', async () => {
    await stamp(target.url, exampleIni, '20250502_1600');
    const { code, report } = await check(target.url);
    expect(code).toBe(1);
    expect(report?.status).toBe('drift');
    expect(report?.version?.state).toBe('behind');
    // Both sides of the branch come before their merge; the rest follows the chain.
    const pending = report?.version?.pending.map((p) => p.revision) ?? [];
    expect(pending).toHaveLength(15);
    expect(pending.slice(4)).toEqual([
      '20250602_0900',
      '20250616_1300',
      'e5a7c9b1d3f4',
      '20250707_1000',
      '20250721_1500',
      '0c2e4a6b8d9f',
      '20250818_1100',
      '20250915_0900',
      '7a9c1e3f5b2d',
      '20251103_1400',
      HEAD,
    ]);
    expect(pending.indexOf('20250516_1000')).toBeLessThan(pending.indexOf('9f1b3d5e7a80'));
    expect(pending.indexOf('20250519_1100')).toBeLessThan(pending.indexOf('b2d4f6a8c0e3'));
    expect(report?.version?.pending[14]).toMatchObject({
      file: 'examples/credentialmate/migrations/versions/20251230_1900_providers_soft_delete.py',
      message: 'providers soft delete',
    });
  });

  it.skipIf(alembicMissing || missing)(
    'reports behind by the merge when Alembic stamped both branch heads',
    async () => {
      await stamp(target.url, exampleIni, '9f1b3d5e7a80', 'b2d4f6a8c0e3');
      const { report } = await check(target.url);
      expect(report?.production_version).toBe('9f1b3d5e7a80,b2d4f6a8c0e3');
      expect(report?.version?.pending[0]?.revision).toBe('20250602_0900');
    },
  );

  it.skipIf(alembicMissing || missing)(
    'reports ahead when the database holds a revision the repository lacks',
    async () => {
      await stamp(target.url, exampleIni, HEAD);
      await target.sql(`UPDATE alembic_version SET version_num = '20260105_0800'`);
      const { code, report } = await check(target.url);
      expect(code).toBe(1);
      expect(report?.version).toMatchObject({ state: 'ahead', unknown: ['20260105_0800'] });
    },
  );

  it.skipIf(alembicMissing || missing)('reports branched when the repository has two heads', async () => {
    await stamp(target.url, exampleIni, HEAD);
    const { code, report } = await check(target.url, branchedRoot, '.');
    expect(code).toBe(1);
    expect(report?.version?.state).toBe('branched');
    expect(report?.version?.codebase_heads).toEqual([HEAD, 'ffff00000001']);
    expect(report?.findings.map((f) => f.kind)).toContain('multiple-heads');
  });

  it.skipIf(alembicMissing || missing)('reports uninitialized when Alembic stamped base (empty table)', async () => {
    await stamp(target.url, exampleIni, 'base');
    const { code, report } = await check(target.url);
    expect(code).toBe(1);
    expect(report?.version?.summary).toBe('uninitialized: public.alembic_version is empty');
  });
});

describe('schema-drift check on bad input: status error, exit 2, the message names the stage and value', () => {
  it('names a missing migrations path', async () => {
    const { code, report } = await check('postgresql://u:p@127.0.0.1:1/db', repoRoot, 'no/such/alembic.ini');
    expect(code).toBe(2);
    expect(report?.status).toBe('error');
    expect(report?.error?.stage).toBe('migrations');
    expect(report?.error?.message).toContain('no/such/alembic.ini');
  });

  it('names a folder that holds no revisions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sda-empty-'));
    try {
      const { code, report } = await check('postgresql://u:p@127.0.0.1:1/db', dir, '.');
      expect(code).toBe(2);
      expect(report?.error?.stage).toBe('migrations');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names an unreachable database without its password', async () => {
    const { code, report } = await check('postgresql://app:s3cret-pw@127.0.0.1:1/prod');
    expect(code).toBe(2);
    expect(report?.status).toBe('error');
    expect(report?.error?.stage).toBe('database');
    expect(report?.error?.message).toContain('postgresql://app:***@127.0.0.1:1/prod');
    expect(JSON.stringify(report)).not.toContain('s3cret-pw');
  });

  it.skipIf(serverMissing)('names a wrong password without showing it', async () => {
    const url = new URL(process.env.SCHEMA_DRIFT_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
    url.password = 'definitely-wrong-pw';
    const { code, report } = await check(url.toString());
    expect(code).toBe(2);
    expect(report?.error?.message).toMatch(/password authentication failed/);
    expect(JSON.stringify(report)).not.toContain('definitely-wrong-pw');
  });

  it('refuses bad flags with exit 2 and no report', async () => {
    let stderr = '';
    const code = await runCli(['check', '--migrations', 'x', '--database-url', 'mysql://a'], {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
      },
      cwd: repoRoot,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid input "database-url"');
  });
});
