// Fleet benchmark (issue 12): on the PostgreSQL server, 500 tenant schemas (20 tables each, the version table at
// assorted revisions) in one database. Prints: the version check of the whole fleet as a whole process (a fresh
// process running runFleet; the queries counted by a wrapping executor), the structure check of 100 tenants against
// one expected snapshot (whole process, peak RSS), and the Lambda invocations of the version check through the
// stand-in. Targets: version ≤ 5 s and ≤ 10 queries; structure ≤ 20 s and ≤ 300 MB.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alembicUpgrade,
  HEAD,
  runSql,
  type TenantPlan,
  tenantSql,
  writeTenantProject,
} from '../__tests__/fleet/tenant-fleet.js';
import { pgRunner, startLambdaServer } from '../__tests__/support/lambda-server.js';
import { alembicUnavailable, createServerDatabase, pgServerUnavailable } from '../__tests__/support/real-parts.js';
import { snapshotJson, takeSnapshot } from '../src/catalog/snapshot.js';
import type { DatabaseTarget } from '../src/config/config.js';
import { parseConfigFileTargets } from '../src/config/config-file.js';
import type { SqlExecutor } from '../src/database/executor.js';
import { createLambdaClient, createLambdaExecutor } from '../src/database/lambda.js';
import { describeTarget } from '../src/database/open.js';
import { openPostgresExecutor } from '../src/database/postgres.js';
import { runFleet } from '../src/fleet/run-fleet.js';
import { builtCli, runNodeAsync } from './process.js';
import type { Benchmark } from './run.js';

const TENANTS = 500;
const STRUCTURE_TENANTS = 100;
// users + orders + 17 more + alembic_version = 20 tables per tenant.
const EXTRA_TABLES = 17;
const REVISION_IDS = ['a1_users', 'b2_orders', HEAD];
const run = { trigger: 'bench', repository: '', sha: '', ref: '', run_id: '', run_url: '', tool_version: 'bench' };

function plans(count: number, assorted: boolean): TenantPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const applied = assorted ? 1 + (i % 3) : 3;
    return {
      schema: `tenant_${String(i).padStart(3, '0')}`,
      applied,
      versionRows: [REVISION_IDS[applied - 1] as string],
    };
  });
}

async function buildDatabase(prefix: string, tenants: TenantPlan[]) {
  const db = await createServerDatabase(prefix);
  for (let i = 0; i < tenants.length; i += 50) await runSql(db.url, tenantSql(tenants.slice(i, i + 50), EXTRA_TABLES));
  return db;
}

const structureDeps = {
  openReference: () => Promise.reject(new Error('unused')),
  describeReference: (u: string) => u,
  runSetupCommand: () => Promise.reject(new Error('unused')),
  loadBaseline: () => Promise.reject(new Error('unused')),
};

function countingOpen(counter: { queries: number; opened: number }, lambdaUrl?: string) {
  return async (target: DatabaseTarget): Promise<SqlExecutor> => {
    counter.opened++;
    let inner: SqlExecutor;
    if (target.kind === 'postgres') inner = await openPostgresExecutor(target.url, { statementTimeoutMs: 0 });
    else if (target.kind === 'lambda' && lambdaUrl) {
      inner = createLambdaExecutor({
        functionName: target.functionName,
        client: createLambdaClient({
          region: 'us-east-1',
          credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'x' },
        }),
      });
    } else throw new Error(`no ${target.kind} route in the bench`);
    return {
      query: (sql, params) => {
        counter.queries++;
        return inner.query(sql, params);
      },
      describe: () => inner.describe(),
      close: () => inner.close(),
    };
  };
}

async function fleetOnce(root: string, configText: string, env: Record<string, string>, lambdaUrl?: string) {
  const counter = { queries: 0, opened: 0 };
  const t0 = performance.now();
  const result = await runFleet({
    root,
    configFile: 'fleet.yml',
    specs: parseConfigFileTargets(configText, 'fleet.yml') ?? [],
    inputs: { migrations: 'alembic.ini' },
    env,
    run,
    now: () => new Date(),
    openExecutor: countingOpen(counter, lambdaUrl),
    describeTarget,
    readAddedTimes: async () => ({ times: new Map(), commits: new Map(), unavailable: 'bench' }),
    structureDeps: () => structureDeps,
  });
  return { ms: performance.now() - t0, ...counter, totals: result.fleet.totals, errors: result.fleet.errors };
}

/** Child mode: one fleet run in a fresh process; prints its figures as JSON. */
async function child(root: string, configPath: string): Promise<void> {
  const figures = await fleetOnce(root, readFileSync(configPath, 'utf8'), process.env as Record<string, string>);
  console.log(JSON.stringify({ ...figures, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function wholeProcess(root: string, config: string, url: string) {
  const configPath = path.join(root, 'fleet.yml');
  writeFileSync(configPath, config);
  const script = fileURLToPath(import.meta.url);
  // Run from the repository, where tsx resolves; the fleet's root is the temporary project.
  const repoRoot = path.resolve(path.dirname(script), '..');
  const result = await runNodeAsync(['--import', 'tsx', script, '--child', root, configPath], repoRoot, {
    FLEET_DB_URL: url,
  });
  const inner = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Awaited<ReturnType<typeof fleetOnce>>;
  return { wallMs: result.wallMs, maxRssMb: result.maxRssMb, inner };
}

/**
 * The built CLI's fleet check (`check --config`), whole process, when the build has the fleet commands (`plan`
 * answers); null with the reason otherwise. Queries cannot be counted inside it: the tsx child counts them.
 */
async function builtFleetCheck(root: string, url: string): Promise<{ wallMs: number; maxRssMb: number } | string> {
  const built = builtCli();
  if (!('cli' in built)) return built.missing;
  const env = { FLEET_DB_URL: url };
  try {
    await runNodeAsync([built.cli, 'plan', '--config', 'fleet.yml', '--shards', '1'], root, env);
  } catch {
    return `${built.cli} has no fleet commands yet (plan --config failed)`;
  }
  return runNodeAsync(
    [built.cli, 'check', '--config', 'fleet.yml', '--migrations', 'alembic.ini', '--json'],
    root,
    env,
    [0, 1],
  );
}

async function runBench(): Promise<void> {
  const reason = (await pgServerUnavailable()) ?? alembicUnavailable();
  if (reason) {
    console.log(`skipped: ${reason}`);
    return;
  }
  const root = mkdtempSync(path.join(tmpdir(), 'bench-fleet-'));
  writeTenantProject(root, EXTRA_TABLES);
  const t0 = performance.now();
  const versions = await buildDatabase('bench_fleet500', plans(TENANTS, true));
  const structure = await buildDatabase('bench_fleet100', plans(STRUCTURE_TENANTS, false));
  try {
    await alembicUpgrade(structure.url, root, 'template_schema');
    const reader = await openPostgresExecutor(structure.url);
    writeFileSync(
      path.join(root, 'expected.json'),
      snapshotJson(await takeSnapshot(reader, { includeSchemas: ['template_schema'] })),
    );
    await reader.close();
    console.log(
      `setup: ${TENANTS} + ${STRUCTURE_TENANTS} tenant schemas of 20 tables in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const tenants =
      "targets:\n  - name: tenants\n    database-url-env: FLEET_DB_URL\n    discover: {schemas: 'tenant%'}\n";
    const version = await wholeProcess(root, tenants, versions.url);
    console.log(
      `version check, ${version.inner.totals.targets} tenants: ${version.wallMs.toFixed(0)} ms whole process (target ≤ 5000; a tsx child running runFleet with a counting executor), runFleet ${version.inner.ms.toFixed(0)} ms, ${version.inner.queries} queries on ${version.inner.opened} connection(s) (target ≤ 10), peak RSS ${version.maxRssMb.toFixed(0)} MB; synced ${version.inner.totals.synced}, drift ${version.inner.totals.drift}, error ${version.inner.totals.error}`,
    );

    const cli = await builtFleetCheck(root, versions.url);
    console.log(
      typeof cli === 'string'
        ? `version check through the built CLI: not measured (${cli})`
        : `version check through the built CLI (check --config), whole process: ${cli.wallMs.toFixed(0)} ms (target ≤ 5000), peak RSS ${cli.maxRssMb.toFixed(0)} MB`,
    );

    const withStructure = `${tenants}    structure-expected: snapshot\n    snapshot-file: expected.json\n`;
    const checked = await wholeProcess(root, withStructure, structure.url);
    console.log(
      `structure check, ${checked.inner.totals.targets} tenants against one snapshot: ${checked.wallMs.toFixed(0)} ms whole process (target ≤ 20000), peak RSS ${checked.maxRssMb.toFixed(0)} MB (target ≤ 300), ${checked.inner.queries} queries; synced ${checked.inner.totals.synced}, drift ${checked.inner.totals.drift}, error ${checked.inner.totals.error}`,
    );

    const runner = pgRunner(versions.url);
    const lambda = await startLambdaServer({ runSql: runner });
    const before = process.env.AWS_ENDPOINT_URL_LAMBDA;
    process.env.AWS_ENDPOINT_URL_LAMBDA = lambda.url;
    try {
      const viaLambda = await fleetOnce(
        root,
        "targets:\n  - name: tenants\n    lambda-function: rds-sql-api\n    discover: {schemas: 'tenant%'}\n",
        {},
        lambda.url,
      );
      console.log(
        `version check through the Lambda stand-in, ${viaLambda.totals.targets} tenants: ${lambda.invocations.length} invocations, ${viaLambda.ms.toFixed(0)} ms in process; errors ${viaLambda.totals.error}`,
      );
    } finally {
      if (before === undefined) delete process.env.AWS_ENDPOINT_URL_LAMBDA;
      else process.env.AWS_ENDPOINT_URL_LAMBDA = before;
      await lambda.close();
      await runner.close();
    }
  } finally {
    await versions.drop();
    await structure.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = { name: 'fleet (500 tenant schemas)', run: runBench };

if (process.argv[2] === '--child' && process.argv[3] && process.argv[4]) await child(process.argv[3], process.argv[4]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await runBench();
