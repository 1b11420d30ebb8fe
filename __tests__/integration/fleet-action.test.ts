// The BUILT action in the fleet modes, as the runner runs it: 24 tenant schemas on the local PostgreSQL server
// (discovered by `discover: {schemas: 'tenant_%'}`), a target whose variable is unset and one whose Lambda fails,
// with S3 (s3rver) and SNS stand-ins. Per-target keys and chains, ONE alert (SNS requests counted), outputs, the
// summary table; plan → 4 shard jobs → merge equals one run and alerts once; a missing slice; hostile config files.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetReport } from '../../src/fleet/model.js';
import { shardOf } from '../../src/fleet/shard.js';
import { type LambdaServer, startLambdaServer } from '../support/lambda-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidFleetReport, assertValidReport } from '../support/report-schema.js';
import { type ActionRun, ensureActionBuilt, repoRoot, runAction } from '../support/run-action.js';
import { type LocalS3, startS3Server } from '../support/s3-server.js';
import { type LocalSns, startSnsServer } from '../support/sns-server.js';

const bucket = 'fleet-evidence';
const topicArn = 'arn:aws:sns:us-east-1:123456789012:schema-drift-fleet';
const head = '20251230_1900';
const threeBehind = '20250915_0900';
const unknownRevision = '20260301_0000';
const TENANTS = 24;

const unavailable = await pgServerUnavailable();

let s3: LocalS3;
let sns: LocalSns;
let lambda: LambdaServer;
let database: { url: string; drop: () => Promise<void> };
let dir: string;
let configFile: string;
let counter = 0;

/** tenant_NN → what its version table holds (absent from the map: at the head). */
const planted: Record<string, string[]> = { tenant_03: [threeBehind], tenant_05: [unknownRevision], tenant_07: [] };

beforeAll(async () => {
  if (unavailable) return;
  await ensureActionBuilt();
  [s3, sns, lambda] = await Promise.all([
    startS3Server({ buckets: [bucket] }),
    startSnsServer({ topics: [topicArn] }),
    startLambdaServer({ runSql: async () => ({ rows: [], fields: [] }) }),
  ]);
  lambda.setFault('unhandled');
  database = await createServerDatabase('fleet_front');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (let i = 1; i <= TENANTS; i++) {
      const schema = `tenant_${String(i).padStart(2, '0')}`;
      await client.query(`create schema ${schema}`);
      await client.query(`create table ${schema}.alembic_version (version_num varchar(32) not null primary key)`);
      for (const v of planted[schema] ?? [head])
        await client.query(`insert into ${schema}.alembic_version values ($1)`, [v]);
    }
  } finally {
    await client.end();
  }
  await mkdir(join(repoRoot, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(repoRoot, '.tmp', 'fleet-action-'));
  configFile = relative(repoRoot, join(dir, 'fleet.yml'));
  await writeFile(
    join(repoRoot, configFile),
    [
      'targets:',
      '  - name: tenants',
      '    database-url-env: TENANTS_DATABASE_URL',
      "    discover: {schemas: 'tenant_%'}",
      '  - name: staging',
      '    environment: staging',
      '    database-url-env: STAGING_DATABASE_URL',
      '  - name: eu',
      '    lambda-function: credmate-rds-sql-api-eu',
      '    aws-region: eu-west-1',
      '',
    ].join('\n'),
  );
}, 280_000);

afterAll(async () => {
  await Promise.all([s3?.close(), sns?.close(), lambda?.close()]);
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  run: ActionRun;
  snsRequests: number;
  s3Requests: number;
}

async function runFleet(
  inputs: Record<string, string>,
  runId: string,
  env: Record<string, string> = {},
): Promise<Outcome> {
  counter++;
  const marks = { sns: sns.attempts, s3: s3.requests.length };
  const run = await runAction({
    inputs: {
      migrations: 'examples/credentialmate',
      config: configFile,
      environment: 'production',
      's3-bucket': bucket,
      'sns-topic-arn': topicArn,
      'aws-region': 'us-east-1',
      'timeout-seconds': '120',
      ...inputs,
    },
    env: {
      TENANTS_DATABASE_URL: database.url,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SNS: sns.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      GITHUB_REPOSITORY: 'test-owner/fleet',
      GITHUB_RUN_ID: runId,
      GITHUB_SHA: 'c0ffee0123456789abcdef0123456789abcdef01',
      GITHUB_EVENT_NAME: 'schedule',
      ...env,
    },
    timeoutMs: 180_000,
  });
  return { run, snsRequests: sns.attempts - marks.sns, s3Requests: s3.requests.length - marks.s3 };
}

async function read(key: string): Promise<string> {
  const client = s3.client();
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await answer.Body?.transformToString('utf8')) ?? '';
  } finally {
    client.destroy();
  }
}

async function keys(prefix: string): Promise<string[]> {
  const client = s3.client();
  const out: string[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      out.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } finally {
    client.destroy();
  }
  return out;
}

const keyOf = (url: string) => url.replace(`s3://${bucket}/`, '');
const outcomeTable = (fleet: FleetReport) => fleet.targets.map((t) => [t.name, t.status, t.version_state, t.pending]);

describe.skipIf(unavailable !== null)('the built action, mode: fleet', () => {
  let single: Outcome;
  let singleFleet: FleetReport;

  beforeAll(async () => {
    single = await runFleet({}, '5001');
    singleFleet = JSON.parse(await read(keyOf(single.run.outputs['report-url'] ?? '')));
  }, 200_000);

  it('checks every target, the failing routes as error, and sets the fleet outputs', () => {
    expect(single.run.outputs).toMatchObject({
      status: 'error',
      'drift-detected': 'true',
      'targets-total': String(TENANTS + 2),
      'targets-drifted': '3',
      'targets-error': '2',
    });
    assertValidFleetReport(singleFleet);
    const byName = Object.fromEntries(singleFleet.targets.map((t) => [t.name, t]));
    expect(byName['tenants.tenant_03']).toMatchObject({ status: 'drift', version_state: 'behind', pending: 3 });
    expect(byName['tenants.tenant_05']).toMatchObject({ status: 'drift', version_state: 'ahead' });
    expect(byName['tenants.tenant_07']).toMatchObject({ status: 'drift', version_state: 'uninitialized' });
    expect(byName['tenants.tenant_01']).toMatchObject({ status: 'synced', version_state: 'synced' });
    expect(byName.staging?.status).toBe('error');
    expect(byName.staging?.error?.message).toContain('STAGING_DATABASE_URL');
    expect(byName.eu?.status).toBe('error');
    // Worst first: the two errors, then the three drifted, then the synced.
    expect(
      singleFleet.targets
        .slice(0, 2)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['eu', 'staging']);
    expect(singleFleet.targets.slice(2, 5).every((t) => t.status === 'drift')).toBe(true);
    expect(single.run.code).not.toBe(0);
  });

  it('stores each target in its own chain under {environment}/{target}/, and the fleet report under fleet/', async () => {
    const stored = await keys('schema-drift/production/tenants.tenant_03/');
    expect(stored).toContain('schema-drift/production/tenants.tenant_03/latest.json');
    const pointer = JSON.parse(await read('schema-drift/production/tenants.tenant_03/latest.json'));
    expect(pointer.key).toMatch(/^schema-drift\/production\/tenants\.tenant_03\/\d{4}\/\d{2}\/\d{2}\/.*-5001\.json$/);
    const report = JSON.parse(await read(pointer.key));
    assertValidReport(report);
    expect(report.environment).toBe('production');
    expect(await keys('schema-drift/staging/staging/')).toContain('schema-drift/staging/staging/latest.json');
    for (const t of singleFleet.targets) {
      assertValidReport(JSON.parse(await read(keyOf(t.report_location ?? ''))));
      expect(t.report_location, t.name).toMatch(
        new RegExp(`^s3://${bucket}/schema-drift/${t.environment}/${t.name.replace('.', '\\.')}/`),
      );
    }
    expect(keyOf(single.run.outputs['report-url'] ?? '')).toMatch(
      /^schema-drift\/production\/fleet\/\d{4}\/\d{2}\/\d{2}\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-5001\.json$/,
    );
    const fleetPointer = JSON.parse(await read('schema-drift/production/fleet/latest.json'));
    expect(`schema-drift/production/${fleetPointer.name}`).toBe(keyOf(single.run.outputs['report-url'] ?? ''));
  });

  it('sends ONE alert for the run, naming the counts and the worst targets within 99 characters', () => {
    expect(single.snsRequests).toBe(1);
    const message = sns.messages.find((m) => m.message.includes('tenants.tenant_03'));
    expect(message?.subject).toMatch(/^\[schema-drift\] production fleet: 3 of 26 targets drifted, 2 target errors/);
    expect(message?.subject?.length).toBeLessThanOrEqual(99);
  });

  it('writes one summary table, worst first, with the state, head, version and pending of each target', () => {
    const summary = single.run.summary;
    expect(summary.match(/\| Target \|/g)).toHaveLength(1);
    expect(summary.indexOf('`eu`')).toBeLessThan(summary.indexOf('`tenants.tenant_03`'));
    expect(summary.indexOf('`tenants.tenant_03`')).toBeLessThan(summary.indexOf('`tenants.tenant_01`'));
    expect(summary).toContain(threeBehind);
    // Each stored report is linked (the S3 console page of its key).
    expect(summary).toContain(
      '(https://us-east-1.console.aws.amazon.com/s3/object/fleet-evidence?region=us-east-1&prefix=schema-drift%2Fproduction%2Ftenants.tenant%5F03%2F',
    );
  });

  it("plan → 4 shard jobs → merge gives the single run's fleet, with one alert, from the merge only", async () => {
    const plan = await runFleet({ mode: 'fleet-plan', shards: '4' }, '5002');
    expect(JSON.parse(plan.run.outputs.matrix ?? '')).toEqual({
      include: [{ shard: '1/4' }, { shard: '2/4' }, { shard: '3/4' }, { shard: '4/4' }],
    });
    let shardAlerts = 0;
    for (const { shard } of JSON.parse(plan.run.outputs.matrix ?? '').include as { shard: string }[]) {
      const job = await runFleet({ mode: 'fleet', shard }, '5002');
      shardAlerts += job.snsRequests;
      expect(job.run.code, job.run.stdout).toBe(0);
    }
    expect(shardAlerts).toBe(0);
    const merge = await runFleet({ mode: 'fleet-merge', shards: '4' }, '5002');
    expect(merge.snsRequests).toBe(1);
    const merged = JSON.parse(await read(keyOf(merge.run.outputs['report-url'] ?? ''))) as FleetReport;
    assertValidFleetReport(merged);
    expect(merged.fingerprint).toBe(singleFleet.fingerprint);
    expect(outcomeTable(merged)).toEqual(outcomeTable(singleFleet));
    expect(merged.shards).toMatchObject({ count: 4, index: null, merged: [1, 2, 3, 4] });
    expect(merge.run.outputs).toMatchObject({ status: 'error', 'targets-total': '26', 'targets-drifted': '3' });

    // The same run with one slice gone: the merge is an error that names the shard.
    await s3
      .client()
      .send(
        new DeleteObjectCommand({ Bucket: bucket, Key: 'schema-drift/production/fleet/runs/5002/shard-3-of-4.json' }),
      );
    const missing = await runFleet({ mode: 'fleet-merge', shards: '4' }, '5002');
    expect(missing.run.outputs.status).toBe('error');
    expect(missing.run.stdout).toContain('shard 3/4 is missing');
  }, 600_000);
});

describe.skipIf(unavailable !== null)('mode: fleet, a shard no target hashes to', () => {
  it('succeeds with a slice of no targets (status synced), as the CLI does, and stores it for the merge', async () => {
    const solo = relative(repoRoot, join(dir, 'solo.yml'));
    await writeFile(
      join(repoRoot, solo),
      'targets:\n  - name: solo\n    database-url-env: TENANTS_DATABASE_URL\n    version-table-schema: tenant_01\n',
    );
    const empty = [1, 2, 3, 4, 5, 6, 7, 8].find((i) => shardOf('solo', 8) !== i);
    const job = await runFleet({ mode: 'fleet', config: solo, shard: `${empty}/8` }, '5090');
    expect(job.run.code, job.run.stdout).toBe(0);
    expect(job.run.outputs.status).toBe('synced');
    expect(job.run.outputs['targets-total']).toBe('0');
    expect(job.snsRequests).toBe(0);
    const slice = JSON.parse(await read(`schema-drift/production/fleet/runs/5090/shard-${empty}-of-8.json`));
    assertValidFleetReport(slice);
    expect(slice).toMatchObject({ status: 'synced', totals: { targets: 0 }, discovered: ['solo'] });
  }, 200_000);

  it('still confines the action to its workspace: a config file outside it is refused, naming it', async () => {
    const outside = join(tmpdir(), `sda-outside-${process.pid}.yml`);
    await writeFile(outside, 'targets:\n  - name: solo\n    database-url-env: TENANTS_DATABASE_URL\n');
    try {
      const job = await runFleet({ mode: 'fleet', config: outside }, '5091');
      expect(job.run.code).not.toBe(0);
      expect(job.run.outputs.status).toBe('error');
      expect(job.run.stdout).toContain(`Invalid input "config": "${outside}" is outside the repository`);
    } finally {
      await rm(outside, { force: true });
    }
  }, 200_000);
});

describe.skipIf(unavailable !== null)('mode: monitor with a config file that lists targets', () => {
  it('files a config error instead of checking one database and ignoring the fleet', async () => {
    const outcome = await runFleet({ mode: 'monitor', 'database-url': database.url }, '5200');
    expect(outcome.run.code).not.toBe(0);
    expect(outcome.run.outputs.status).toBe('error');
    expect(outcome.run.stdout).toContain('the config file lists targets');
    const pointer = JSON.parse(await read('schema-drift/production/latest.json'));
    const report = JSON.parse(await read(pointer.key));
    assertValidReport(report);
    expect(report.error).toMatchObject({ stage: 'config' });
    expect(report.version).toBeNull();
    // The fleet's target chains under production/ (stored above) are not this environment's own deleted chain.
    expect(report.findings.map((f: { kind: string }) => f.kind)).not.toContain('evidence-chain-broken');
  }, 120_000);
});

describe.skipIf(unavailable !== null)('hostile config files, refused before anything runs', () => {
  it.each([
    [
      'a target name that climbs out of its folder',
      '  - name: ../evil\n    database-url-env: TENANTS_DATABASE_URL\n',
      /name/,
    ],
    ['a URL written in the file', '  - name: ok\n    lambda-function: postgres://u:pw@127.0.0.1/x\n', /URL/],
    ['a target named like the fleet folder', '  - name: fleet\n    database-url-env: TENANTS_DATABASE_URL\n', /fleet/],
  ])(
    '%s',
    async (_what, entry, message) => {
      const file = join(dir, `hostile-${counter}.yml`);
      await writeFile(file, `targets:\n${entry}`);
      const outcome = await runFleet({ config: relative(repoRoot, file) }, '5100');
      expect(outcome.run.code).not.toBe(0);
      expect(outcome.run.outputs.status).toBe('error');
      expect(outcome.run.stdout).toMatch(message);
      expect(outcome.snsRequests).toBe(0);
      expect(outcome.s3Requests).toBe(0);
    },
    120_000,
  );
});
