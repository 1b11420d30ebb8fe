// The BUILT CLI (node dist/cli/index.js) on a fleet: `check --config FILE` over 12 tenant schemas on the local
// PostgreSQL server plus a target whose variable is unset, `--target` for one, `plan`, shard runs and `merge` of
// their slice files; exit codes as `check` (0 synced, 1 drift, 2 error), reports valid against the JSON Schemas.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetReport } from '../../src/fleet/model.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidFleetReport, assertValidReport } from '../support/report-schema.js';
import { ensureActionBuilt, repoRoot } from '../support/run-action.js';
import { type ProcessRun, runProcess } from '../support/run-process.js';

const cli = join(repoRoot, 'dist', 'cli', 'index.js');
const head = '20251230_1900';
const skip = (await pgServerUnavailable()) !== null;

let database: { url: string; drop: () => Promise<void> };
let dir: string;
let config: string;
let syncedOnly: string;

type CliRun = ProcessRun;

function runBuilt(args: string[]): Promise<CliRun> {
  return runProcess(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TENANTS_DATABASE_URL: database.url },
  });
}

const fleetOf = (run: CliRun): FleetReport => {
  const fleet = JSON.parse(run.stdout) as FleetReport;
  assertValidFleetReport(fleet);
  return fleet;
};

beforeAll(async () => {
  if (skip) return;
  await ensureActionBuilt();
  database = await createServerDatabase('fleet_cli');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (let i = 1; i <= 12; i++) {
      const schema = `tenant_${String(i).padStart(2, '0')}`;
      await client.query(`create schema ${schema}`);
      await client.query(`create table ${schema}.alembic_version (version_num varchar(32) not null primary key)`);
      await client.query(`insert into ${schema}.alembic_version values ($1)`, [i === 4 ? '20250915_0900' : head]);
    }
  } finally {
    await client.end();
  }
  await mkdir(join(repoRoot, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(repoRoot, '.tmp', 'fleet-cli-'));
  config = relative(repoRoot, join(dir, 'fleet.yml'));
  await writeFile(
    join(repoRoot, config),
    "targets:\n  - name: tenants\n    database-url-env: TENANTS_DATABASE_URL\n    discover: {schemas: 'tenant_%'}\n" +
      '  - name: staging\n    environment: staging\n    database-url-env: STAGING_DATABASE_URL\n',
  );
  syncedOnly = relative(repoRoot, join(dir, 'synced.yml'));
  await writeFile(
    join(repoRoot, syncedOnly),
    "targets:\n  - name: tenants\n    database-url-env: TENANTS_DATABASE_URL\n    discover: {schemas: 'tenant_1%'}\n",
  );
}, 240_000);

afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(skip)('schema-drift CLI on a fleet (built)', () => {
  const common = ['--migrations', 'examples/credentialmate'];

  it('check --config runs every target, stores each in its chain and exits 2 when a target is error', async () => {
    const reportDir = relative(repoRoot, join(dir, 'reports'));
    const run = await runBuilt(['check', ...common, '--config', config, '--report-dir', reportDir, '--json']);
    expect(run.code, run.stderr).toBe(2);
    const fleet = fleetOf(run);
    expect(fleet.totals).toEqual({ targets: 13, synced: 11, drift: 1, error: 1 });
    expect(fleet.targets[0]).toMatchObject({ name: 'staging', status: 'error' });
    const pointer = JSON.parse(
      await readFile(join(repoRoot, reportDir, 'production', 'tenants.tenant_04', 'latest.json'), 'utf8'),
    );
    assertValidReport(JSON.parse(await readFile(join(repoRoot, reportDir, pointer.key), 'utf8')));
    const fleetFiles = await readdir(join(repoRoot, reportDir, 'production', 'fleet'), { recursive: true });
    expect(fleetFiles.some((f) => /\d{4}\/\d{2}\/\d{2}\/.*\.json$/.test(String(f)))).toBe(true);
  });

  it('--target checks one target (exit 1 for its drift, 0 for a synced one)', async () => {
    const drifted = await runBuilt(['check', ...common, '--config', config, '--target', 'tenants.tenant_04', '--json']);
    expect(drifted.code, drifted.stderr).toBe(1);
    expect(fleetOf(drifted).targets.map((t) => [t.name, t.status])).toEqual([['tenants.tenant_04', 'drift']]);
    const synced = await runBuilt(['check', ...common, '--config', config, '--target', 'tenants.tenant_01']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toContain('production fleet: all 1 target in sync');
  });

  it('without a report store, pending-grace is not enforced: a behind tenant is drift, as in monitor mode', async () => {
    // No --report-dir: nothing records when the pending revisions were first seen, so grace cannot be given.
    const run = await runBuilt([
      'check',
      ...common,
      '--config',
      config,
      '--target',
      'tenants.tenant_04',
      '--pending-grace',
      '525600',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(fleetOf(run).targets.map((t) => [t.name, t.status, t.version_state])).toEqual([
      ['tenants.tenant_04', 'drift', 'behind'],
    ]);
  });

  it('exits 0 on an all-synced fleet, and refuses a fleet flag without targets', async () => {
    const run = await runBuilt(['check', ...common, '--config', syncedOnly, '--concurrency', '3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(fleetOf(run).totals).toMatchObject({ targets: 3, synced: 3 });
    const bad = await runBuilt(['check', ...common, '--database-url', database.url, '--shard', '1/2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard needs --config FILE with a targets: list');
  });

  it("records each target's baseline in its own chain, and a later out-of-band change is that target's drift", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const schema of ['tenant_10', 'tenant_11']) {
        await client.query(`create table ${schema}.providers (id integer primary key, npi text not null)`);
      }
    } finally {
      await client.end();
    }
    const reportDir = relative(repoRoot, join(dir, 'baseline-reports'));
    const args = [
      'check',
      ...common,
      '--config',
      syncedOnly,
      '--structure-expected',
      'baseline',
      '--report-dir',
      reportDir,
    ];
    const first = await runBuilt([...args, '--json']);
    expect(first.code, first.stderr).toBe(0);
    for (const name of ['tenants.tenant_10', 'tenants.tenant_11']) {
      const pointer = JSON.parse(
        await readFile(join(repoRoot, reportDir, 'production', name, 'baseline.json'), 'utf8'),
      );
      expect(pointer.snapshot_key.startsWith(`production/${name}/`)).toBe(true);
    }
    const alter = new pg.Client({ connectionString: database.url });
    await alter.connect();
    try {
      await alter.query('alter table tenant_11.providers add column ssn text');
    } finally {
      await alter.end();
    }
    const second = await runBuilt([...args, '--json']);
    expect(second.code, second.stderr).toBe(1);
    const fleet = fleetOf(second);
    const byName = Object.fromEntries(fleet.targets.map((t) => [t.name, t]));
    expect(byName['tenants.tenant_11']).toMatchObject({ status: 'drift', structural_differences: 1 });
    expect(byName['tenants.tenant_10']).toMatchObject({ status: 'synced', structural_differences: 0 });
  });

  it("plan prints the matrix; shard runs and merge --from give the single run's fleet", async () => {
    const plan = await runBuilt(['plan', '--config', config, '--shards', '3']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)).toEqual({ include: [{ shard: '1/3' }, { shard: '2/3' }, { shard: '3/3' }] });

    const whole = fleetOf(await runBuilt(['check', ...common, '--config', config, '--json']));
    for (const shard of ['1/3', '2/3', '3/3']) {
      const artifact = relative(repoRoot, join(dir, 'artifacts', `shard-${shard.replace('/', '-')}`));
      const run = await runBuilt(['check', ...common, '--config', config, '--shard', shard, '--report-dir', artifact]);
      expect([0, 1, 2]).toContain(run.code);
    }
    const merged = await runBuilt([
      'merge',
      '--from',
      relative(repoRoot, join(dir, 'artifacts')),
      '--shards',
      '3',
      '--json',
    ]);
    expect(merged.code, merged.stderr).toBe(2);
    const fleet = fleetOf(merged);
    expect(fleet.fingerprint).toBe(whole.fingerprint);
    expect(fleet.targets.map((t) => [t.name, t.status])).toEqual(whole.targets.map((t) => [t.name, t.status]));

    await rm(join(dir, 'artifacts', 'shard-2-3'), { recursive: true });
    const missing = await runBuilt(['merge', '--from', relative(repoRoot, join(dir, 'artifacts'))]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('shard 2/3 is missing');
  }, 240_000);
});
