// Fail closed, bounded, and without stack traces — through the BUILT action (dist/index.js) against real
// PostgreSQL (through the Lambda stand-in, or directly) and loopback OIDC/STS/S3/SNS servers:
// - an endpoint that accepts the connection and never answers (S3, SNS, STS, OIDC, Lambda, PostgreSQL) ends the
//   step within timeout-seconds, with the report stored and the alert sent wherever they still can be;
// - a bad input or answer ends as a clean `error` report naming the stage, stored and alerted where possible;
// - report-dir resolving outside the workspace is refused at the config stage.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { startHttpServer, type TestHttpServer } from '../support/http-server.js';
import { type LambdaServer, pgRunner, startLambdaServer } from '../support/lambda-server.js';
import { fakeJwt, type OidcServer, startOidcServer } from '../support/oidc-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { type ActionRun, ensureActionBuilt, repoRoot, runAction } from '../support/run-action.js';
import { type LocalS3, startS3Server } from '../support/s3-server.js';
import { type LocalSns, type PublishedMessage, startSnsServer } from '../support/sns-server.js';
import { makeCredentials, type StsServer, startStsServer } from '../support/sts-server.js';

const roleArn = 'arn:aws:iam::123456789012:role/schema-drift-reader';
const topicArn = 'arn:aws:sns:us-east-1:123456789012:schema-drift-bounded';
const bucket = 'bounded-evidence';
const functionName = 'bounded-rds-sql-api';
const repository = 'test-owner/bounded';
// examples/credentialmate's head, and a revision 3 migrations behind it.
const head = '20251230_1900';
const threeBehind = '20250915_0900';
// The runner kills the child after this; every case must end well before it.
const killAfterMs = 45_000;
const generousBoundMs = 40_000;

const stsCredentials = makeCredentials();
const oidcToken = fakeJwt({ iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com' });

const unavailable = await pgServerUnavailable();

let oidc: OidcServer;
let sts: StsServer;
let lambda: LambdaServer;
let s3: LocalS3;
let sns: LocalSns;
let database: { url: string; drop: () => Promise<void> };
let runSql: ReturnType<typeof pgRunner>;
let workspace: string;
let outside: string;
let runCounter = 0;

beforeAll(async () => {
  if (unavailable) return;
  const build = await ensureActionBuilt();
  if (build.built) console.info(`built dist/ in ${build.durationMs} ms`);
  database = await createServerDatabase('bounded');
  runSql = pgRunner(database.url);
  await runSql('create table alembic_version (version_num varchar(32) not null primary key)', []);
  [oidc, sts, lambda, s3, sns] = await Promise.all([
    startOidcServer({ token: oidcToken }),
    startStsServer({ credentials: stsCredentials }),
    startLambdaServer({ runSql }),
    startS3Server({ buckets: [bucket] }),
    startSnsServer({ topics: [topicArn] }),
  ]);
  const s3rverAccount = createRequire(import.meta.url)('s3rver/lib/models/account.js') as {
    DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
  };
  s3rverAccount.DUMMY_ACCOUNT.createKeyPair(stsCredentials.accessKeyId, stsCredentials.secretAccessKey);
  // A workspace of its own, so report-dir and its escapes are tested against a real checkout-like folder.
  workspace = await mkdtemp(join(tmpdir(), 'schema-drift-bounded-ws-'));
  outside = await mkdtemp(join(tmpdir(), 'schema-drift-bounded-outside-'));
  await cp(join(repoRoot, 'examples', 'credentialmate'), join(workspace, 'db'), { recursive: true });
  await symlink(outside, join(workspace, 'out'));
}, 280_000);

afterAll(async () => {
  await Promise.all([oidc?.close(), sts?.close(), lambda?.close(), s3?.close(), sns?.close()]);
  await runSql?.close();
  await database?.drop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
  if (outside) await rm(outside, { recursive: true, force: true });
});

async function setVersion(version: string): Promise<void> {
  await runSql('delete from alembic_version', []);
  await runSql('insert into alembic_version values ($1)', [version]);
}

interface Outcome {
  run: ActionRun;
  /** The `::error::` lines: what the step failed with. */
  errors: string[];
  /** Keys written to S3 during the run. */
  s3Writes: string[];
  messages: PublishedMessage[];
  snsAttempts: number;
}

/** Runs the built action with the Lambda route, role, bucket, topic and report-dir, and collects what happened. */
async function runCase(
  environment: string,
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): Promise<Outcome> {
  runCounter += 1;
  const marks = { s3: s3.requests.length, sns: sns.messages.length, attempts: sns.attempts };
  const run = await runAction({
    workspace,
    timeoutMs: killAfterMs,
    inputs: {
      migrations: 'db',
      environment,
      'lambda-function': functionName,
      'role-to-assume': roleArn,
      'aws-region': 'us-east-1',
      's3-bucket': bucket,
      'sns-topic-arn': topicArn,
      'report-dir': 'reports',
      ...inputs,
    },
    env: {
      ...oidc.env(),
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SNS: sns.endpoint,
      GITHUB_REPOSITORY: repository,
      GITHUB_RUN_ID: `${7000 + runCounter}`,
      GITHUB_SHA: 'c0ffee0123456789abcdef0123456789abcdef01',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'schedule',
      ...env,
    },
  });
  return {
    run,
    errors: run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error'))
      .map((l) =>
        l
          .replace(/^::error[^:]*::/, '')
          .replace(/%0A/g, '\n')
          .replace(/%0D/g, '\r')
          .replace(/%25/g, '%'),
      ),
    s3Writes: s3.requests
      .slice(marks.s3)
      .filter((r) => r.method === 'PUT' && r.status === 200 && r.key !== '')
      .map((r) => r.key),
    messages: sns.messages.slice(marks.sns),
    snsAttempts: sns.attempts - marks.attempts,
  };
}

/** Ended by itself (not killed), in bounded time, with a failed step and no stack trace anywhere. */
function expectCleanFailure(outcome: Outcome): void {
  const { run } = outcome;
  expect(run.stderr).not.toContain('[killed by');
  expect(run.durationMs).toBeLessThan(generousBoundMs);
  expect(run.code).toBe(1);
  const everything = `${run.stdout}\n${run.stderr}\n${run.summary}`;
  expect(everything).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(everything).not.toContain('failed unexpectedly');
  // Every output is set, so a later step can rely on them.
  for (const name of ['status', 'drift-detected', 'codebase-head', 'production-version', 'report-path', 'report-url']) {
    expect(run.outputs, `output ${name}`).toHaveProperty(name);
  }
}

/** The report the run left in report-dir (the dated object latest.json points at), schema-valid; null if none. */
async function localReport(environment: string): Promise<Report | null> {
  const dir = join(workspace, 'reports');
  const pointer = await readFile(join(dir, environment, 'latest.json'), 'utf8').catch(() => null);
  if (pointer === null) return null;
  const { key } = JSON.parse(pointer) as { key: string };
  const text = await readFile(join(dir, ...key.split('/')), 'utf8');
  assertValidReport(text);
  return JSON.parse(text) as Report;
}

/** The one alert of a run, with its status attribute. */
function expectAlert(outcome: Outcome, status: string): void {
  expect(outcome.messages).toHaveLength(1);
  expect(outcome.messages[0]?.attributes.status).toBe(status);
}

function expectStoredInS3(outcome: Outcome, environment: string): void {
  expect(outcome.s3Writes).toContain(`schema-drift/${environment}/latest.json`);
  expect(outcome.run.outputs['report-url']).toMatch(new RegExp(`^s3://${bucket}/schema-drift/${environment}/`));
}

/** A TCP server that accepts every connection and never says a word (a stalled PostgreSQL). */
async function silentTcpServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(unavailable)('timeout-seconds: an endpoint that accepts and never answers', () => {
  const bounded = { 'timeout-seconds': '10' };

  it('S3: the check still decides (drift), the report is kept locally, the alert sent, and the step fails naming S3', async () => {
    await setVersion(threeBehind);
    s3.injectHang();
    let outcome: Outcome;
    try {
      outcome = await runCase('hang-s3', bounded);
    } finally {
      s3.clearFaults();
    }
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('drift');
    expect(outcome.run.outputs['report-url']).toBe('');
    expect(outcome.run.outputs['report-path']).toMatch(/^reports\/hang-s3\/.*\.json$/);
    expect(outcome.s3Writes).toEqual([]);
    expect((await localReport('hang-s3'))?.status).toBe('drift');
    expectAlert(outcome, 'drift');
    expect(outcome.errors.join('\n')).toMatch(/s3:\/\/bounded-evidence\/schema-drift\/.*(gave no answer|TimeoutError)/);
    expect(outcome.run.summary).toContain('behind');
  });

  it('SNS: the report is stored in S3 and locally, the alert attempted, and the step fails naming the topic', async () => {
    await setVersion(head);
    sns.injectHang();
    let outcome: Outcome;
    try {
      outcome = await runCase('hang-sns', { ...bounded, 'notify-on-success': 'true' });
    } finally {
      sns.clearFaults();
    }
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('synced');
    expectStoredInS3(outcome, 'hang-sns');
    expect((await localReport('hang-sns'))?.status).toBe('synced');
    expect(outcome.snsAttempts).toBeGreaterThanOrEqual(1);
    expect(outcome.messages).toEqual([]);
    expect(outcome.errors.join('\n')).toMatch(
      new RegExp(`(Could not publish to SNS topic ${topicArn}: TimeoutError|SNS topic ${topicArn} gave no answer)`),
    );
  });

  it('STS: error at the credentials stage, the report kept locally; nothing sent without credentials', async () => {
    await setVersion(head);
    sts.setFault('hang');
    let outcome: Outcome;
    try {
      outcome = await runCase('hang-sts', bounded);
    } finally {
      sts.setFault(undefined);
    }
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('error');
    const report = await localReport('hang-sts');
    expect(report?.status).toBe('error');
    expect(report?.error?.stage).toBe('credentials');
    expect(outcome.s3Writes).toEqual([]);
    expect(outcome.messages).toEqual([]);
    expect(outcome.run.summary).toContain('credentials');
  });

  it('the OIDC token URL: error at the credentials stage, the report kept locally', async () => {
    await setVersion(head);
    oidc.setFault('hang');
    let outcome: Outcome;
    try {
      outcome = await runCase('hang-oidc', bounded);
    } finally {
      oidc.setFault(undefined);
    }
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('error');
    const report = await localReport('hang-oidc');
    expect(report?.error?.stage).toBe('credentials');
    expect(report?.error?.message).toMatch(/GitHub token endpoint gave no answer within/);
    expect(outcome.messages).toEqual([]);
  });

  it('the Lambda: error at the database stage, stored in S3 and locally, and alerted', async () => {
    await setVersion(head);
    lambda.setFault('hang');
    let outcome: Outcome;
    try {
      outcome = await runCase('hang-lambda', bounded);
    } finally {
      lambda.setFault(undefined);
    }
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('error');
    expectStoredInS3(outcome, 'hang-lambda');
    const report = await localReport('hang-lambda');
    expect(report?.error?.stage).toBe('database');
    expect(report?.version).toBeNull();
    expectAlert(outcome, 'error');
  });

  it('PostgreSQL (database-url): error at the database stage, stored and alerted', async () => {
    const silent = await silentTcpServer();
    let outcome: Outcome;
    try {
      outcome = await runCase('hang-postgres', {
        ...bounded,
        'lambda-function': '',
        'database-url': `postgres://app:pw-bounded-1@127.0.0.1:${silent.port}/app`,
      });
    } finally {
      await silent.close();
    }
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('error');
    const report = await localReport('hang-postgres');
    expect(report?.error?.stage).toBe('database');
    expectStoredInS3(outcome, 'hang-postgres');
    expectAlert(outcome, 'error');
    expect(`${outcome.run.visibleStdout}${outcome.run.summary}${JSON.stringify(report)}`).not.toContain('pw-bounded-1');
  });
});

describe.skipIf(unavailable)('bad inputs and answers end as clean error reports naming the stage', () => {
  it.each([
    // [input, value, stored in S3?]
    ['s3-prefix', '/absolute/prefix', false],
    ['s3-bucket', 'Not_A_Bucket', false],
    ['notify-on', 'sometimes', true],
    ['mode', 'nightly', true],
    ['timeout-seconds', 'soon', true],
    ['fail-on', 'maybe', true],
  ] as const)(
    '%s=%j: config stage, kept locally, stored in S3 when it is not the S3 input, alerted',
    async (name, value, inS3) => {
      await setVersion(head);
      const environment = `bad-${name}`;
      const outcome = await runCase(environment, { [name]: value });
      expectCleanFailure(outcome);
      expect(outcome.run.outputs.status).toBe('error');
      const report = await localReport(environment);
      expect(report?.status).toBe('error');
      expect(report?.error?.stage).toBe('config');
      expect(report?.error?.message).toContain(`Invalid input "${name}": ${JSON.stringify(value)}`);
      if (inS3) expectStoredInS3(outcome, environment);
      else expect(outcome.s3Writes).toEqual([]);
      expectAlert(outcome, 'error');
      expect(outcome.errors.join('\n')).toContain(`Invalid input "${name}"`);
      expect(outcome.run.summary).toContain(`Invalid input`);
    },
  );

  it('a bad environment: nowhere honest to file it, so only the failed step with status error', async () => {
    const outcome = await runCase('../escape', {});
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('error');
    expect(outcome.errors).toEqual([expect.stringContaining('Invalid input "environment": "../escape"')]);
    expect(outcome.s3Writes).toEqual([]);
    expect(outcome.messages).toEqual([]);
  });

  it('a null qualified_name from the version-table lookup: database stage, stored and alerted', async () => {
    let answering: TestHttpServer | undefined;
    let outcome: Outcome;
    try {
      answering = await startHttpServer(() => ({ status: 200, body: [{ qualified_name: null }] }));
      outcome = await runCase('null-qualified-name', {}, { AWS_ENDPOINT_URL_LAMBDA: answering.url });
    } finally {
      await answering?.close();
    }
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('error');
    const report = await localReport('null-qualified-name');
    expect(report?.error?.stage).toBe('database');
    expect(report?.error?.message).toMatch(/the lookup answered.*qualified_name/);
    expectStoredInS3(outcome, 'null-qualified-name');
    expectAlert(outcome, 'error');
  });
});

describe.skipIf(unavailable)('report-dir outside the workspace is refused at the config stage', () => {
  it.each([
    ['..', 'dot-dot'],
    ['/tmp/schema-drift-bounded-elsewhere', 'absolute'],
    ['out', 'symlink'],
    ['out/nested', 'symlink-nested'],
  ])('report-dir %j: stored in S3 and alerted, nothing written outside', async (dir, label) => {
    await setVersion(head);
    const environment = `report-dir-${label}`;
    const outcome = await runCase(environment, { 'report-dir': dir });
    expectCleanFailure(outcome);
    expect(outcome.run.outputs.status).toBe('error');
    expect(outcome.run.outputs['report-path']).toBe('');
    expectStoredInS3(outcome, environment);
    expectAlert(outcome, 'error');
    expect(outcome.errors.join('\n')).toContain(`Invalid input "report-dir": ${JSON.stringify(dir)}`);
    expect(await readdir(outside)).toEqual([]);
    await expect(readdir('/tmp/schema-drift-bounded-elsewhere')).rejects.toThrow(/ENOENT/);
    await expect(readdir(join(workspace, '..', environment))).rejects.toThrow(/ENOENT/);
  });

  it('a report-dir inside the workspace is used as before', async () => {
    await setVersion(head);
    await mkdir(join(workspace, 'nested'), { recursive: true });
    const outcome = await runCase('report-dir-inside', { 'report-dir': 'nested/reports' });
    expect(outcome.run.code).toBe(0);
    expect(outcome.run.outputs['report-path']).toMatch(/^nested\/reports\/report-dir-inside\/.*\.json$/);
  });
});
