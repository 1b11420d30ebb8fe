// Every CLI command run from the BUILT bundle (dist/cli/index.js) as a user runs it: a child process with a clean
// environment, against the real PostgreSQL server, an embedded PGlite folder and the loopback Lambda stand-in. The
// bundle differs from the sources (ncc chunks, PGlite's wasm and dynamic imports), so only this proves what ships.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteExecutor } from '../../src/database/pglite.js';
import type { FleetReport } from '../../src/fleet/model.js';
import { shardOf } from '../../src/fleet/shard.js';
import type { Report } from '../../src/report/model.js';
import { type LambdaServer, pgRunner, startLambdaServer } from '../support/lambda-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { ensureActionBuilt, repoRoot } from '../support/run-action.js';
import { type ProcessRun, runProcess } from '../support/run-process.js';

const cli = join(repoRoot, 'dist', 'cli', 'index.js');
const head = '20251230_1900';
const demoSql = join(repoRoot, 'examples/credentialmate/demo/production-20250915_0900.sql');
const skipServer = (await pgServerUnavailable()) !== null;

type CliRun = ProcessRun;

/** node dist/cli/index.js ARGS, with PATH and HOME only (plus `env`), from the repository root. */
function runBuilt(args: string[], env: Record<string, string> = {}, command = [cli]): Promise<CliRun> {
  return runProcess(process.execPath, [...command, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env },
  });
}

function reportOf(run: CliRun): Report {
  const report = JSON.parse(run.stdout) as Report;
  assertValidReport(report);
  return report;
}

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let work: string;
beforeAll(async () => {
  await ensureActionBuilt();
  work = await mkdtemp(join(tmpdir(), 'sda-cli-built-'));
}, 300_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the built CLI', () => {
  it('answers --help and -h on every command with its usage on stdout and exit 0', async () => {
    const commands = ['heads', 'check', 'snapshot', 'diff', 'plan', 'merge', 'audit', 'verify', 'lint'];
    for (const command of commands) {
      for (const help of ['--help', '-h']) {
        const run = await runBuilt([command, help]);
        expect(run.code, `${command} ${help}`).toBe(0);
        expect(run.stdout, `${command} ${help}`).toContain(`schema-drift ${command} `);
        expect(run.stderr, `${command} ${help}`).toBe('');
      }
      // Among other flags too, before any of them is checked.
      const among = await runBuilt([command, '--bogus', 'x', '--help']);
      expect(among.code, `${command} --bogus x --help`).toBe(0);
      const about = await runBuilt(['help', command]);
      expect(about.code, `help ${command}`).toBe(0);
      expect(about.stdout).toContain(`schema-drift ${command} `);
    }
    for (const args of [['--help'], ['-h'], ['help']]) {
      const top = await runBuilt(args);
      expect(top.code, args.join(' ')).toBe(0);
      expect(top.stdout).toContain('schema-drift diff EXPECTED ACTUAL');
      expect(top.stdout).toContain('schema-drift lint ');
    }
    // Asking for nothing, or for a command that does not exist, is a usage error.
    expect((await runBuilt([])).code).toBe(2);
    const unknown = await runBuilt(['chek', '--help']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "chek"');
  }, 120_000);

  it('prints the heads of the example tree', async () => {
    const run = await runBuilt(['heads', '--migrations', 'examples/credentialmate', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ heads: [head], revisions: 35 });
  });

  it('checks an embedded PGlite folder (the path that failed with "e is not a function" in the bundle)', async () => {
    const dir = join(work, 'pglite');
    const db = await openPgliteExecutor(dir, { create: true });
    await db.db.exec(await readFile(demoSql, 'utf8'));
    await db.close();
    const run = await runBuilt(['check', '--migrations', 'examples/credentialmate', '--pglite', dir, '--json']);
    expect(run.stderr).not.toContain('Could not open PGlite');
    const report = reportOf(run);
    expect(report.error).toBeNull();
    expect(report.version?.state).toBe('behind');
    expect(report.production_version).toBe('20250915_0900');
    expect(run.code).toBe(1);
  }, 180_000);

  it('refuses a mistyped --pglite folder (check, snapshot, lint), naming it, exit 2, and creates nothing', async () => {
    const mistyped = join(work, 'pglite-mistyped');
    const check = await runBuilt(['check', '--migrations', 'examples/credentialmate', '--pglite', mistyped, '--json']);
    expect(check.code).toBe(2);
    const report = reportOf(check);
    expect(report.error?.stage).toBe('database');
    expect(report.error?.message).toContain(`Could not open PGlite at ${mistyped}: no such folder`);
    const snapshot = await runBuilt(['snapshot', '--pglite', mistyped, '--out', join(work, 'never.snapshot.json')]);
    expect(snapshot.code).toBe(2);
    expect(snapshot.stderr).toContain(`Could not open PGlite at ${mistyped}: no such folder`);
    const lint = await runBuilt(['lint', '--migrations', 'examples/credentialmate', '--pglite', mistyped]);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain(`Could not open PGlite at ${mistyped}: no such folder`);
    expect(existsSync(mistyped)).toBe(false);
  }, 120_000);

  it('runs the demo through the built CLI (npm run demo -- --built)', async () => {
    const run = await runBuilt(['--built'], {}, ['--import', 'tsx', join(repoRoot, 'scripts/demo.ts')]);
    expect(run.stdout).toContain('Running the built CLI');
    expect(run.stdout).toContain('audit_log_created_at_idx');
    expect(run.stdout).toContain('Exit code 1 (drift)');
    expect(run.code).toBe(0);
  }, 180_000);

  it('redacts the password of a URL given to diff, and exits 2', async () => {
    const run = await runBuilt(['diff', 'postgres://auditor:Tr0ub4dor@db.internal/prod', 'x.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('postgres://auditor:***@db.internal/prod');
    expect(run.stderr + run.stdout).not.toContain('Tr0ub4dor');
  });

  it('never prints the password of an unreachable database, even one with "@" and "/" in it', async () => {
    const secret = 'p@ss/w0rd-Zq9';
    const url = `postgresql://auditor:${secret}@127.0.0.1:1/prod`;
    for (const args of [
      ['snapshot', '--database-url', url, '--out', join(work, 'never.json')],
      ['check', '--migrations', 'examples/credentialmate', '--database-url', url],
      ['check', '--migrations', 'examples/credentialmate', `--database-url=${url}`, '--bogus', 'x'],
    ]) {
      const run = await runBuilt(args);
      expect(run.code, args.join(' ')).toBe(2);
      for (const leak of [secret, 'w0rd-Zq9', 'p@ss']) expect(run.stderr + run.stdout).not.toContain(leak);
    }
  }, 60_000);
});

describe('the built CLI with the password "postgres"', () => {
  it('redacts it where it is a password, never as a word: no ***ql://, no :postgres@', async () => {
    for (const url of [
      'postgresql://postgres:postgres@127.0.0.1:1/prod',
      'host=127.0.0.1 port=1 user=postgres password=postgres dbname=prod',
    ]) {
      for (const args of [
        ['check', '--migrations', 'examples/credentialmate', '--database-url', url],
        ['snapshot', '--database-url', url, '--out', join(work, 'never.json')],
        ['check', '--migrations', 'examples/credentialmate', `--database-url=${url}`, '--bogus', 'x'],
      ]) {
        const run = await runBuilt(args);
        const shown = run.stdout + run.stderr;
        expect(run.code, args.join(' ')).toBe(2);
        expect(shown, args.join(' ')).not.toContain('***ql://');
        expect(shown).not.toContain(':postgres@');
        expect(shown).not.toMatch(/password=postgres/);
      }
    }
    const run = await runBuilt([
      'check',
      '--migrations',
      'examples/credentialmate',
      '--database-url',
      'postgresql://postgres:postgres@127.0.0.1:1/prod',
    ]);
    expect(run.stdout + run.stderr).toContain('postgresql://postgres:***@127.0.0.1:1/prod');
  }, 60_000);
});

describe.skipIf(skipServer)('the built CLI on the PostgreSQL server and through the Lambda', () => {
  let database: { url: string; drop: () => Promise<void> };
  let lambda: LambdaServer;
  let runner: ReturnType<typeof pgRunner>;

  beforeAll(async () => {
    database = await createServerDatabase('sda_cli_built');
    await sql(
      database.url,
      `CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
       INSERT INTO alembic_version VALUES ('${head}');
       CREATE TABLE patients (id bigint PRIMARY KEY, name text NOT NULL)`,
    );
    runner = pgRunner(database.url);
    lambda = await startLambdaServer({ runSql: runner });
  });
  afterAll(async () => {
    await lambda?.close();
    await runner?.close();
    await database?.drop();
  });

  it('check --database-url: synced, exit 0', async () => {
    const run = await runBuilt([
      'check',
      '--migrations',
      'examples/credentialmate',
      '--database-url',
      database.url,
      '--json',
    ]);
    const report = reportOf(run);
    expect(report.status).toBe('synced');
    expect(report.source?.database).not.toContain(':postgres@');
    expect(run.code).toBe(0);
  });

  it('a fleet from a config file outside the current folder: a mistyped --pglite target is an error naming it; an empty shard succeeds', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'sda-cli-fleet-'));
    try {
      const config = join(outside, 'fleet.yml');
      // `a` on the server; `b` takes the step's route, the mistyped PGlite folder.
      await writeFile(config, 'targets:\n  - name: a\n    database-url-env: A_URL\n  - name: b\n');
      const mistyped = join(outside, 'pglite-mistyped');
      const reports = join(outside, 'reports');
      const common = ['check', '--migrations', 'examples/credentialmate', '--config', config, '--pglite', mistyped];
      const whole = await runBuilt([...common, '--report-dir', reports, '--json'], { A_URL: database.url });
      expect(whole.stderr).not.toContain('outside the repository');
      const fleet = JSON.parse(whole.stdout) as FleetReport;
      expect(fleet.config).toBe(config);
      const byName = Object.fromEntries(fleet.targets.map((t) => [t.name, t]));
      expect(byName.a?.status, JSON.stringify(byName.a)).toBe('synced');
      expect(byName.b?.status).toBe('error');
      expect(byName.b?.error?.message).toContain(`Could not open PGlite at ${mistyped}: no such folder`);
      expect(whole.code).toBe(2);
      expect(existsSync(mistyped)).toBe(false);
      // The CLI's report-dir may be outside the current folder too.
      expect(existsSync(join(reports, 'production', 'a', 'latest.json'))).toBe(true);

      // Two targets over 8 shards: a slice that gets none of them checked nothing and failed at nothing.
      const empty = [1, 2, 3, 4, 5, 6, 7, 8].find((i) => shardOf('a', 8) !== i && shardOf('b', 8) !== i);
      const slice = await runBuilt([...common, '--shard', `${empty}/8`, '--report-dir', reports, '--json'], {
        A_URL: database.url,
      });
      const report = JSON.parse(slice.stdout) as FleetReport;
      expect(report.shards).toEqual({ count: 8, index: empty, merged: [] });
      expect(report.totals.targets).toBe(0);
      expect(report.status).toBe('synced');
      expect(slice.code, slice.stderr).toBe(0);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  }, 120_000);

  it('check --lambda-function through the loopback Lambda: synced, exit 0', async () => {
    const run = await runBuilt(
      ['check', '--migrations', 'examples/credentialmate', '--lambda-function', 'rds-sql-api', '--json'],
      {
        AWS_ENDPOINT_URL_LAMBDA: lambda.url,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    );
    const report = reportOf(run);
    expect(report.status).toBe('synced');
    expect(report.production_version).toBe(head);
    expect(lambda.invocations.length).toBeGreaterThan(0);
    expect(run.code).toBe(0);
  });

  it('snapshot then diff: equal (exit 0), and an out-of-band column is found (exit 1)', async () => {
    const before = join(work, 'before.snapshot.json');
    const after = join(work, 'after.snapshot.json');
    const first = await runBuilt(['snapshot', '--database-url', database.url, '--out', before]);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain(':postgres@');
    const same = await runBuilt(['diff', before, before, '--json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ equal: true });

    await sql(database.url, 'ALTER TABLE patients ADD COLUMN ssn text');
    expect((await runBuilt(['snapshot', '--database-url', database.url, '--out', after])).code).toBe(0);
    const changed = await runBuilt(['diff', before, after, '--json']);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout).differences).toEqual([
      expect.objectContaining({ change: 'unexpected', kind: 'column', object: 'public.patients.ssn' }),
    ]);
  }, 120_000);
});
