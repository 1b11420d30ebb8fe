// A fleet of 200 tenant schemas on the real PostgreSQL server, built by real Alembic (the template) and cloned in SQL
// with planted states, checked by runFleet in one run and in 4 shards merged; beside them targets whose route fails
// (an unreachable server, an unset variable, a Lambda error through the stand-in) and hostile input.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotJson, takeSnapshot } from '../../src/catalog/snapshot.js';
import type { DatabaseTarget } from '../../src/config/config.js';
import { parseConfigFileTargets } from '../../src/config/config-file.js';
import type { SqlExecutor } from '../../src/database/executor.js';
import { createLambdaClient, createLambdaExecutor } from '../../src/database/lambda.js';
import { describeTarget } from '../../src/database/open.js';
import { openPostgresExecutor } from '../../src/database/postgres.js';
import type { FleetReport, FleetRun, FleetTargetSummary } from '../../src/fleet/model.js';
import { type FleetDeps, runFleet } from '../../src/fleet/run-fleet.js';
import { mergeFleetReports } from '../../src/fleet/shard.js';
import { loadMigrationGraph } from '../../src/migrations/load.js';
import type { StructureDeps } from '../../src/monitor/structure-check.js';
import { alembicView } from '../support/alembic-tree.js';
import { type LambdaServer, pgRunner, startLambdaServer } from '../support/lambda-server.js';
import { alembicUnavailable, createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidFleetReport, assertValidReport } from '../support/report-schema.js';
import { alembicUpgrade, HEAD, runSql, type TenantPlan, tenantSql, writeTenantProject } from './tenant-fleet.js';

const missing = (await pgServerUnavailable()) ?? alembicUnavailable();
const HOSTILE = `tenant_q"uo'te`;
const credentials = { accessKeyId: 'AKIDFLEETTEST0000001', secretAccessKey: 'fleet-secret-not-real' };
const run = { trigger: 'cli', repository: 'o/r', sha: '', ref: '', run_id: '1', run_url: '', tool_version: 'test' };

function plan(i: number): TenantPlan {
  const schema = i === 199 ? HOSTILE : `tenant_${String(i).padStart(3, '0')}`;
  if (i >= 10 && i < 20) return { schema, applied: 2, versionRows: ['b2_orders'] };
  if (i >= 20 && i < 25) return { schema, applied: 3, versionRows: ['zz_not_in_repo'] };
  if (i >= 30 && i < 33) return { schema, applied: 0, versionRows: [] };
  if (i >= 33 && i < 36) return { schema, applied: 0, versionRows: null };
  if (i === 40) return { schema, applied: 3, versionRows: [HEAD], drop: ['orders'] };
  if (i === 50) return { schema, applied: 3, versionRows: [HEAD, ' b2_orders'] };
  if (i === 60) return { schema, applied: 3, versionRows: [HEAD, null] };
  return { schema, applied: 3, versionRows: [HEAD] };
}
const PLANS = Array.from({ length: 200 }, (_, i) => plan(i));
const nameOf = (schema: string) => (schema === HOSTILE ? 'tenants.tenant_q-22uo-27te' : `tenants.${schema}`);

describe.skipIf(missing)('a fleet of 200 tenant schemas on PostgreSQL', () => {
  let root: string;
  let db: { url: string; drop: () => Promise<void> };
  let lambda: LambdaServer;
  let closeRunner: () => Promise<void>;
  let restoreEnv: () => void;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sda-fleet-'));
    writeTenantProject(root);
    db = await createServerDatabase('sda_fleet');
    // Real Alembic builds the template; the expected snapshot is recorded from it.
    await alembicUpgrade(db.url, root, 'template_schema');
    await runSql(db.url, tenantSql(PLANS));
    const reader = await openPostgresExecutor(db.url);
    const expected = await takeSnapshot(reader, { includeSchemas: ['template_schema'] });
    await reader.close();
    await writeFile(join(root, 'expected.json'), snapshotJson(expected));
    const runner = pgRunner(db.url);
    closeRunner = runner.close;
    lambda = await startLambdaServer({ runSql: runner });
    const before = process.env.AWS_ENDPOINT_URL_LAMBDA;
    process.env.AWS_ENDPOINT_URL_LAMBDA = lambda.url;
    restoreEnv = () => {
      if (before === undefined) delete process.env.AWS_ENDPOINT_URL_LAMBDA;
      else process.env.AWS_ENDPOINT_URL_LAMBDA = before;
    };
  });

  afterAll(async () => {
    restoreEnv?.();
    await lambda?.close();
    await closeRunner?.();
    await db?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const unusedStructure: StructureDeps = {
    openReference: () => Promise.reject(new Error('no reference in this test')),
    describeReference: (u) => u,
    runSetupCommand: () => Promise.reject(new Error('no setup command in this test')),
    loadBaseline: () => Promise.reject(new Error('no baseline in this test')),
  };

  const openExecutor = async (target: DatabaseTarget): Promise<SqlExecutor> => {
    if (target.kind === 'postgres') return openPostgresExecutor(target.url, { connectTimeoutMs: 3000 });
    if (target.kind === 'lambda') {
      return createLambdaExecutor({
        functionName: target.functionName,
        client: createLambdaClient({ region: 'us-east-1', credentials }, { timeoutMs: 20_000 }),
        retry: { sleep: async () => {}, attempts: 1 },
      });
    }
    throw new Error(`no ${target.kind} here`);
  };

  function deps(config: string, env: Record<string, string>, extra: Partial<FleetDeps> = {}): FleetDeps {
    return {
      root,
      configFile: 'fleet.yml',
      specs: parseConfigFileTargets(config, 'fleet.yml') ?? [],
      inputs: { migrations: 'alembic.ini', 'structure-expected': 'snapshot', 'snapshot-file': 'expected.json' },
      env,
      run,
      now: () => new Date('2026-12-02T02:00:00Z'),
      openExecutor,
      describeTarget,
      readAddedTimes: async () => ({ times: new Map(), commits: new Map(), unavailable: 'not needed' }),
      structureDeps: () => unusedStructure,
      ...extra,
    };
  }

  const FLEET = `targets:
  - name: tenants
    database-url-env: FLEET_DB_URL
    discover: {schemas: 'tenant%'}
  - name: down
    database-url-env: DOWN_URL
  - name: unset
    database-url-env: NOT_SET_ANYWHERE
  - name: via-lambda
    lambda-function: rds-sql-api-broken
    structure-expected: none
  - name: tenants.tenant_001
    database-url-env: FLEET_DB_URL
`;
  const env = () => ({ FLEET_DB_URL: db.url, DOWN_URL: 'postgres://postgres:pw@127.0.0.1:1/nowhere' });

  function checked(result: FleetRun): void {
    assertValidFleetReport(result.fleet);
    for (const { report } of result.reports) assertValidReport(report);
  }
  const byName = (fleet: FleetReport) => new Map(fleet.targets.map((t) => [t.name, t] as [string, FleetTargetSummary]));
  const outcome = (r: FleetReport) => {
    const { run: _r, generated_at: _g, shards: _s, ...rest } = r;
    return rest;
  };

  let single: FleetRun;
  it('reports each planted tenant state, and a failing route as that target’s error only', async () => {
    lambda.setFault('unhandled');
    try {
      single = await runFleet(deps(FLEET, env()));
    } finally {
      lambda.setFault(undefined);
    }
    checked(single);
    const lines = byName(single.fleet);
    const heads = alembicView(join(root, 'alembic.ini')).heads;
    expect(heads).toEqual([HEAD]);

    for (const [i, p] of PLANS.entries()) {
      const line = lines.get(nameOf(p.schema));
      expect(line, p.schema).toBeDefined();
      const got = [line?.status, line?.version_state];
      if (i >= 10 && i < 20) expect(got, p.schema).toEqual(['drift', 'behind']);
      else if (i >= 20 && i < 25) expect(got, p.schema).toEqual(['drift', 'ahead']);
      else if (i >= 30 && i < 36) expect(got, p.schema).toEqual(['drift', 'uninitialized']);
      else if (i === 40) expect([...got, line?.structural_differences], p.schema).toEqual(['drift', 'synced', 3]);
      else if (i === 50 || i === 60) expect(got, p.schema).toEqual(['error', 'error']);
      else expect([...got, line?.structural_differences], p.schema).toEqual(['synced', 'synced', 0]);
      // Real Alembic is the oracle for the heads every target is compared with.
      expect(line?.codebase_heads).toEqual(heads);
    }
    expect(lines.get('tenants.tenant_010')?.pending).toBe(1);
    const missingTable = single.reports.find((r) => r.target.name === 'tenants.tenant_040')?.report.structure;
    expect(missingTable?.differences.map((d) => `${d.change} ${d.kind} ${d.object}`)).toEqual([
      'missing sequence template_schema.orders_id_seq',
      'missing table template_schema.orders',
      'missing index template_schema.orders_user_id_idx',
    ]);
    expect(lines.get('tenants.tenant_050')?.summary).toMatch(/leading or trailing whitespace/);
    expect(lines.get('tenants.tenant_060')?.summary).toMatch(/NULL/);
    expect(lines.get('tenants.tenant_033')?.summary).toMatch(/version.table/);

    expect(lines.get('down')?.error?.stage).toBe('database');
    expect(lines.get('down')?.summary).not.toContain(':pw@');
    expect(lines.get('unset')?.error).toEqual({
      stage: 'config',
      message: expect.stringMatching(/database-url-env "NOT_SET_ANYWHERE" is not set/),
    });
    expect(lines.get('via-lambda')?.error?.stage).toBe('database');

    // The static target that takes a discovered tenant's name is refused, not a second line of that name.
    expect(single.fleet.errors).toEqual([
      {
        stage: 'config',
        message: expect.stringMatching(/"tenants.tenant_001" comes from both "tenants" and "tenants.tenant_001"/),
      },
    ]);
    expect(single.fleet.totals).toEqual({ targets: 203, synced: 176, drift: 22, error: 5 });
    expect(single.fleet.status).toBe('error');
    expect(single.fleet.drift_detected).toBe(true);
    expect(single.fleet.targets.slice(0, 5).every((t) => t.status === 'error')).toBe(true);
    expect(single.fleet.discovered).toHaveLength(203);
  });

  it('gives the same fleet report through 4 shards merged', async () => {
    const slices: FleetReport[] = [];
    lambda.setFault('unhandled');
    try {
      for (let index = 1; index <= 4; index++) {
        const slice = await runFleet(deps(FLEET, env(), { shard: { index, count: 4 } }));
        checked(slice);
        expect(slice.fleet.discovered).toEqual(single.fleet.discovered);
        slices.push(slice.fleet);
      }
    } finally {
      lambda.setFault(undefined);
    }
    expect(slices.reduce((n, s) => n + s.totals.targets, 0)).toBe(203);
    const merged = mergeFleetReports(slices, { now: new Date(), run });
    assertValidFleetReport(merged);
    expect(outcome(merged)).toEqual(outcome(single.fleet));
    expect(merged.fingerprint).toBe(single.fleet.fingerprint);
  });

  it('reads 200 tenants’ versions through the Lambda in one discovery and one version query', async () => {
    lambda.invocations.length = 0;
    const result = await runFleet(
      deps(
        'targets:\n  - name: tl\n    lambda-function: rds-sql-api\n    discover: {schemas: "tenant%"}\n',
        {},
        {
          inputs: { migrations: 'alembic.ini' },
        },
      ),
    );
    checked(result);
    expect(result.fleet.totals).toEqual({ targets: 200, synced: 177, drift: 21, error: 2 });
    expect(lambda.invocations).toHaveLength(2);
  });

  it('reads 200 tenants’ versions in 2 queries on one connection, and parses the migrations once', async () => {
    let opened = 0;
    let queries = 0;
    const counting = async (target: DatabaseTarget): Promise<SqlExecutor> => {
      opened++;
      const inner = await openExecutor(target);
      return {
        ...inner,
        query: (sql, params) => {
          queries++;
          return inner.query(sql, params);
        },
        describe: () => inner.describe(),
      };
    };
    let parsed = 0;
    const result = await runFleet(
      deps('targets:\n  - name: t\n    database-url-env: FLEET_DB_URL\n    discover: {schemas: "tenant%"}\n', env(), {
        inputs: { migrations: 'alembic.ini' },
        openExecutor: counting,
        loadGraph: (...args) => {
          parsed++;
          return loadMigrationGraph(...args);
        },
      }),
    );
    expect(result.fleet.totals.targets).toBe(200);
    expect([opened, queries, parsed]).toEqual([1, 2, 1]);
    expect(result.reports.every(({ report }) => report.source.revisions === 3)).toBe(true);
  });

  it('expands a databases pattern into one target per database, the URL’s database replaced', async () => {
    const tag = `sda_fleetdb_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
    const made: { url: string; drop: () => Promise<void> }[] = [];
    try {
      for (const suffix of ['a', 'b']) {
        const created = await createServerDatabase(`${tag}_${suffix}`);
        made.push(created);
        await runSql(
          created.url,
          tenantSql([{ schema: 'app', applied: 3, versionRows: suffix === 'a' ? [HEAD] : ['a1_users'] }]),
        );
      }
      const result = await runFleet(
        deps(
          `targets:\n  - name: dbs\n    database-url-env: SERVER_URL\n    version-table-schema: app\n    discover: {databases: "${tag}%"}\n`,
          { SERVER_URL: db.url },
          { inputs: { migrations: 'alembic.ini' } },
        ),
      );
      checked(result);
      const names = made.map((m) => new URL(m.url).pathname.slice(1));
      expect(result.fleet.targets.map((t) => [t.name, t.status, t.pending])).toEqual([
        [`dbs.${names[1]}`, 'drift', 2],
        [`dbs.${names[0]}`, 'synced', 0],
      ]);
      expect(result.reports.map((r) => r.target.database).sort()).toEqual(names);
    } finally {
      for (const m of made) await m.drop();
    }
    const lambdaDbs = await runFleet(
      deps(
        'targets:\n  - name: dbs\n    lambda-function: f\n    database-url-env: SERVER_URL\n    discover: {databases: "x%"}\n',
        { SERVER_URL: 'postgres://h/db' },
      ),
    );
    expect(lambdaDbs.fleet.errors[0]?.message).toMatch(/Give one database|reaches one database/);
  });

  it('refuses an injection in the pattern: it is bound, matches nothing, and an empty discovery is an error', async () => {
    for (const route of ['database-url-env: FLEET_DB_URL', 'lambda-function: rds-sql-api']) {
      const config = `targets:\n  - name: evil\n    ${route}\n    discover: {schemas: "x' or 1=1) --\\"; drop schema tenant_000 cascade; --"}\n`;
      const result = await runFleet(deps(config, env(), { inputs: { migrations: 'alembic.ini' } }));
      assertValidFleetReport(result.fleet);
      expect(result.fleet.status).toBe('error');
      expect(result.fleet.totals.targets).toBe(0);
      expect(result.fleet.errors[0]?.message).toMatch(/no schema LIKE/);
    }
    const still = await runFleet(
      deps(FLEET, env(), { only: ['tenants.tenant_000'], inputs: { migrations: 'alembic.ini' } }),
    );
    expect(still.fleet.targets.map((t) => [t.name, t.status])).toEqual([['tenants.tenant_000', 'synced']]);
    const unknown = await runFleet(
      deps(FLEET, env(), { only: ['tenants.nope'], inputs: { migrations: 'alembic.ini' } }),
    );
    expect(unknown.fleet.status).toBe('error');
    expect(unknown.fleet.errors.map((e) => e.message)).toContain('target "tenants.nope" is not in the fleet');
  });

  it('refuses to compare a tenant with a snapshot of several schemas, naming them', async () => {
    const reader = await openPostgresExecutor(db.url);
    const two = await takeSnapshot(reader, { includeSchemas: ['template_schema', 'tenant_000'] });
    await reader.close();
    await writeFile(join(root, 'two.json'), snapshotJson(two));
    const result = await runFleet(
      deps(FLEET, env(), {
        only: ['tenants.tenant_001'],
        inputs: { migrations: 'alembic.ini', 'structure-expected': 'snapshot', 'snapshot-file': 'two.json' },
      }),
    );
    checked(result);
    expect(result.fleet.targets[0]?.error).toEqual({
      stage: 'structure',
      message: expect.stringMatching(/exactly one schema; two.json holds 2: template_schema, tenant_000/),
    });
  });

  it('makes a discovered name that cannot be a store key a fleet error, never a line', async () => {
    const entry = 'e'.repeat(92);
    const result = await runFleet(
      deps(
        `targets:\n  - name: ${entry}\n    database-url-env: FLEET_DB_URL\n    discover: {schemas: "tenant_00%"}\n`,
        env(),
        {
          inputs: { migrations: 'alembic.ini' },
        },
      ),
    );
    assertValidFleetReport(result.fleet);
    expect(result.fleet.status).toBe('error');
    expect(result.fleet.targets).toEqual([]);
    expect(result.fleet.errors).toHaveLength(10);
    expect(result.fleet.errors[0]?.message).toMatch(
      /"tenant_000" gives the target name "e+\.tenant_000", which is not usable \(.*at most 100/,
    );
  });

  it('ends a hung target at its time limit as that target’s timeout error', async () => {
    lambda.setFault('hang');
    try {
      const result = await runFleet(
        deps(
          'targets:\n  - name: hung\n    lambda-function: rds-sql-api\n  - name: fine\n    database-url-env: FLEET_DB_URL\n    version-table-schema: tenant_001\n',
          env(),
          { inputs: { migrations: 'alembic.ini' }, targetTimeoutMs: 2000 },
        ),
      );
      checked(result);
      const lines = byName(result.fleet);
      expect(lines.get('hung')?.error).toEqual({
        stage: 'timeout',
        message: 'target "hung" gave no answer within 2 s',
      });
      expect(lines.get('fine')?.status).toBe('synced');
    } finally {
      lambda.setFault(undefined);
    }
  });

  it('makes a failed discovery a fleet error while the other targets run', async () => {
    const result = await runFleet(
      deps(
        'targets:\n  - name: lost\n    database-url-env: DOWN_URL\n    discover: {schemas: "tenant%"}\n  - name: fine\n    database-url-env: FLEET_DB_URL\n    version-table-schema: tenant_002\n',
        env(),
        { inputs: { migrations: 'alembic.ini' } },
      ),
    );
    assertValidFleetReport(result.fleet);
    expect(result.fleet.status).toBe('error');
    expect(result.fleet.errors).toEqual([
      {
        stage: 'discovery',
        message: expect.stringMatching(
          /^target "lost" \(fleet.yml line 2\): Could not connect.*its targets are unknown$/,
        ),
      },
    ]);
    expect(result.fleet.errors[0]?.message).not.toContain(':pw@');
    expect(result.fleet.targets.map((t) => [t.name, t.status])).toEqual([['fine', 'synced']]);
  });
});
