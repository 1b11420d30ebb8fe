// The BUILT action (dist/index.js), run as the GitHub runner runs it, against loopback stand-ins for every AWS
// service it talks to: the Actions OIDC token URL, STS, the rds-sql-api Lambda (real SQL on PGlite), S3 (s3rver)
// and SNS. The real AWS SDK v3 clients inside the bundle reach them only through the standard
// AWS_ENDPOINT_URL_<SERVICE> settings. One build, servers started once, one child process per run.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoleSessionName } from '../../src/aws/credentials.js';
import type { Report } from '../../src/report/model.js';
import { startHttpServer, type TestHttpServer } from '../support/http-server.js';
import { type LambdaFault, type LambdaServer, pgliteRunner, startLambdaServer } from '../support/lambda-server.js';
import { fakeJwt, type OidcServer, startOidcServer } from '../support/oidc-server.js';
import { createServerDatabase, pgServerUnavailable, pgServerUrl } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { type ActionRun, ensureActionBuilt, runAction } from '../support/run-action.js';
import { type LocalS3, type RecordedS3Request, startS3Server } from '../support/s3-server.js';
import { type LocalSns, type PublishedMessage, startSnsServer } from '../support/sns-server.js';
import { makeCredentials, type StsServer, startStsServer } from '../support/sts-server.js';

const roleArn = 'arn:aws:iam::123456789012:role/schema-drift-reader';
const topicArn = 'arn:aws:sns:us-east-1:123456789012:schema-drift-alerts';
const bucket = 'drift-evidence';
const functionName = 'credmate-rds-sql-api';
const repository = 'test-owner/credentialmate';
const sha = 'c0ffee0123456789abcdef0123456789abcdef01';
// examples/credentialmate: its head, and a revision 3 migrations behind it (as .ci/node24-smoke uses).
const head = '20251230_1900';
const threeBehind = '20250915_0900';
const unknownRevision = '20260301_0000';

// Planted secrets: the OIDC token the runner hands out and the credentials STS issues.
const oidcToken = fakeJwt({
  iss: 'https://token.actions.githubusercontent.com',
  aud: 'sts.amazonaws.com',
  sub: `repo:${repository}:ref:refs/heads/main`,
});
const stsCredentials = makeCredentials();

let oidc: OidcServer;
let sts: StsServer;
let lambda: LambdaServer;
let s3: LocalS3;
let sns: LocalSns;
let db: PGlite;
let runCounter = 0;

beforeAll(async () => {
  const build = await ensureActionBuilt();
  if (build.built) console.info(`built dist/ in ${build.durationMs} ms`);
  db = new PGlite();
  await db.exec('create table alembic_version (version_num varchar(32) not null primary key)');
  [oidc, sts, lambda, s3, sns] = await Promise.all([
    startOidcServer({ token: oidcToken }),
    startStsServer({ credentials: stsCredentials }),
    startLambdaServer({ runSql: pgliteRunner(db) }),
    startS3Server({ buckets: [bucket] }),
    startSnsServer({ topics: [topicArn] }),
  ]);
  // s3rver only accepts access keys it knows: make the STS-issued key one of its account's, as IAM would.
  const s3rverAccount = createRequire(import.meta.url)('s3rver/lib/models/account.js') as {
    DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
  };
  s3rverAccount.DUMMY_ACCOUNT.createKeyPair(stsCredentials.accessKeyId, stsCredentials.secretAccessKey);
}, 280_000);

afterAll(async () => {
  await Promise.all([oidc?.close(), sts?.close(), lambda?.close(), s3?.close(), sns?.close()]);
  await db?.close();
});

async function setVersions(...versions: string[]): Promise<void> {
  await db.exec('delete from alembic_version');
  for (const v of versions) await db.query('insert into alembic_version values ($1)', [v]);
}

interface StoredObject {
  key: string;
  headers: RecordedS3Request['headers'];
  body: Buffer;
}

interface Outcome {
  run: ActionRun;
  runId: string;
  /** Objects successfully written during this run, in write order. */
  writes: StoredObject[];
  /** Every S3 request of the run, faulted ones included. */
  s3Requests: RecordedS3Request[];
  messages: PublishedMessage[];
  snsAttempts: number;
  stsCalls: typeof sts.calls;
  invocations: typeof lambda.invocations;
  /** The `::error::` lines: what the step failed with. */
  errors: string[];
}

interface Case {
  environment: string;
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
}

/** Runs the built action with the Lambda route, role, bucket and topic, and collects what each server saw. */
async function runCase({ environment, inputs = {}, env = {} }: Case): Promise<Outcome> {
  runCounter += 1;
  const runId = `${9000 + runCounter}`;
  const marks = {
    s3: s3.requests.length,
    sns: sns.messages.length,
    snsAttempts: sns.attempts,
    sts: sts.calls.length,
    lambda: lambda.invocations.length,
  };
  const run = await runAction({
    inputs: {
      migrations: 'examples/credentialmate',
      environment,
      'lambda-function': functionName,
      'role-to-assume': roleArn,
      'aws-region': 'us-east-1',
      's3-bucket': bucket,
      'sns-topic-arn': topicArn,
      ...inputs,
    },
    env: {
      ...oidc.env(),
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SNS: sns.endpoint,
      GITHUB_REPOSITORY: repository,
      GITHUB_RUN_ID: runId,
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_SERVER_URL: 'https://github.com',
      ...env,
    },
  });
  const s3Requests = s3.requests.slice(marks.s3);
  const writes = s3Requests
    .filter((r) => r.method === 'PUT' && r.key !== '' && r.status === 200)
    .map((r) => ({ key: r.key, headers: r.headers, body: r.body }));
  return {
    run,
    runId,
    writes,
    s3Requests,
    messages: sns.messages.slice(marks.sns),
    snsAttempts: sns.attempts - marks.snsAttempts,
    stsCalls: sts.calls.slice(marks.sts),
    invocations: lambda.invocations.slice(marks.lambda),
    errors: run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error'))
      // Workflow commands escape %, CR and LF in their message.
      .map((l) =>
        l
          .replace(/^::error[^:]*::/, '')
          .replace(/%0A/g, '\n')
          .replace(/%0D/g, '\r')
          .replace(/%25/g, '%'),
      ),
  };
}

// The SDK warns on Node 20 (this test's runtime) that later versions need Node 22; the runner's node24 does not.
const withoutNodeVersionWarning = (stderr: string) =>
  stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?--trace-warnings[^\n]*\n/, '').trim();

const sha256Base64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');
const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readStored(key: string): Promise<Buffer> {
  const client = s3.client();
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from((await answer.Body?.transformToByteArray()) ?? []);
  } finally {
    client.destroy();
  }
}

function datedKeyPattern(environment: string, runId: string, ext: 'json' | 'md'): RegExp {
  return new RegExp(
    `^schema-drift/${environment}/\\d{4}/\\d{2}/\\d{2}/\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z-${runId}\\.${ext}$`,
  );
}

/**
 * The three objects of one stored report (dated JSON, Markdown beside it, latest.json), checked on the wire:
 * SSE, SHA-256 checksum of exactly the bytes sent, content type, metadata; returns the parsed, schema-valid report.
 */
async function expectStoredReport(
  outcome: Outcome,
  environment: string,
  sse: { kmsKeyId?: string } = {},
): Promise<{ report: Report; key: string; json: Buffer }> {
  const keys = outcome.writes.map((w) => w.key);
  expect(keys).toHaveLength(4);
  const [jsonKey = '', mdKey = '', htmlKey = '', latestKey = ''] = keys;
  expect(jsonKey).toMatch(datedKeyPattern(environment, outcome.runId, 'json'));
  expect(mdKey).toBe(jsonKey.replace(/\.json$/, '.md'));
  expect(htmlKey).toBe(jsonKey.replace(/\.json$/, '.html'));
  expect(latestKey).toBe(`schema-drift/${environment}/latest.json`);
  for (const write of outcome.writes) {
    expect(write.headers['x-amz-checksum-sha256']).toBe(sha256Base64(write.body));
    if (sse.kmsKeyId) {
      expect(write.headers['x-amz-server-side-encryption']).toBe('aws:kms');
      expect(write.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe(sse.kmsKeyId);
    } else {
      expect(write.headers['x-amz-server-side-encryption']).toBe('AES256');
      expect(write.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBeUndefined();
    }
    expect(write.headers['x-amz-meta-commit']).toBe(sha);
    // Every S3 call is signed with the role's credentials from STS, not anything else.
    expect(write.headers.authorization).toContain(`Credential=${stsCredentials.accessKeyId}/`);
    expect(write.headers['x-amz-security-token']).toBe(stsCredentials.sessionToken);
  }
  const [jsonWrite, mdWrite, htmlWrite, latestWrite] = outcome.writes;
  expect(jsonWrite?.headers['content-type']).toBe('application/json');
  expect(mdWrite?.headers['content-type']).toMatch(/^text\/markdown/);
  expect(htmlWrite?.headers['content-type']).toMatch(/^text\/html/);
  expect(htmlWrite?.body.toString('utf8')).toMatch(/^<!doctype html>/);
  // The stored page is the one made from the presentation document: it prints and follows dark mode.
  expect(htmlWrite?.body.toString('utf8')).toContain('<meta name="color-scheme" content="light dark">');
  expect(htmlWrite?.body.toString('utf8')).toContain('@media print{');
  // latest.json is a pointer to the dated report, moved only if nobody else moved it; the report is written once.
  expect(JSON.parse(latestWrite?.body.toString('utf8') ?? '{}')).toMatchObject({
    schema_drift_pointer: 1,
    key: jsonKey,
    sha256: sha256Hex(jsonWrite?.body ?? Buffer.alloc(0)),
  });
  expect(latestWrite?.headers['x-amz-meta-report-key']).toBe(jsonKey);
  expect(jsonWrite?.headers['if-none-match']).toBe('*');
  expect(latestWrite?.headers['if-none-match'] ?? latestWrite?.headers['if-match']).toBeTruthy();
  // What the bucket holds is exactly what was sent.
  const json = await readStored(jsonKey);
  expect(json.equals(jsonWrite?.body ?? Buffer.alloc(0))).toBe(true);
  assertValidReport(json.toString('utf8'));
  const report = JSON.parse(json.toString('utf8')) as Report;
  expect(jsonWrite?.headers['x-amz-meta-status']).toBe(report.status);
  expect(jsonWrite?.headers['x-amz-meta-report-sha256']).toBe(sha256Hex(json));
  expect(report.environment).toBe(environment);
  expect(report.run).toMatchObject({ repository, sha, run_id: outcome.runId });
  expect(outcome.run.outputs['report-url']).toBe(`s3://${bucket}/${jsonKey}`);
  return { report, key: jsonKey, json };
}

/** The one alert of a run, with its filterable attributes checked against the report's state. */
function expectOneAlert(outcome: Outcome, environment: string, state: string, status: string): PublishedMessage {
  expect(outcome.messages).toHaveLength(1);
  const message = outcome.messages[0] as PublishedMessage;
  expect(message.topicArn).toBe(topicArn);
  expect(message.attributes).toEqual({ status, state, environment });
  expect(message.subject?.length ?? 0).toBeLessThanOrEqual(99);
  expect(message.subject).toMatch(new RegExp(`^\\[schema-drift\\] ${environment}: `));
  expect(message.headers.authorization).toContain(`Credential=${stsCredentials.accessKeyId}/`);
  expect(message.message).toContain(`https://github.com/${repository}/actions/runs/${outcome.runId}`);
  // An email anyone can read: environment and state first, then the facts, no Markdown, short lines.
  const lines = message.message.split('\n');
  expect(lines[0]).toMatch(new RegExp(`^${environment}: `));
  expect(lines[2]).toMatch(/^Status: +(synced|drift|error)/);
  expect(message.message).not.toContain('`');
  expect(message.message.indexOf('What to do:')).toBeGreaterThan(message.message.indexOf('Checked at:'));
  expect(lines.filter((line) => line.length > 78 && / \S+ /.test(line.trim()))).toEqual([]);
  return message;
}

/** The role was assumed exactly once, with the runner's OIDC token and the derived session name. */
function expectAssumedOnce(outcome: Outcome): void {
  expect(outcome.stsCalls).toHaveLength(1);
  expect(outcome.stsCalls[0]).toMatchObject({
    action: 'AssumeRoleWithWebIdentity',
    roleArn,
    webIdentityToken: oidcToken,
    durationSeconds: '3600',
    roleSessionName: defaultRoleSessionName(repository, outcome.runId),
  });
}

describe('the built action against the AWS stand-ins: states', () => {
  it('reports synced, stores the evidence with AES256 and sends no alert by default; the next run chains to it', async () => {
    await setVersions(head);
    const first = await runCase({ environment: 'aws-synced' });
    expect(withoutNodeVersionWarning(first.run.stderr)).toBe('');
    expect(first.run.code).toBe(0);
    expect(first.run.outputs).toMatchObject({
      status: 'synced',
      'drift-detected': 'false',
      'codebase-head': head,
      'production-version': head,
      'pending-count': '0',
      'report-path': '',
    });
    expectAssumedOnce(first);
    expect(first.invocations.length).toBeGreaterThan(0);
    for (const invocation of first.invocations) {
      expect(invocation.functionName).toBe(functionName);
      expect((invocation.event as { sql: string }).sql).toMatch(/^\s*select /i);
      expect(invocation.request.headers.authorization).toContain(`Credential=${stsCredentials.accessKeyId}/`);
    }
    const stored = await expectStoredReport(first, 'aws-synced');
    expect(stored.report).toMatchObject({
      status: 'synced',
      drift_detected: false,
      codebase_head: head,
      production_version: head,
      previous_report: null,
      error: null,
    });
    expect(stored.report.version?.state).toBe('synced');
    expect(first.messages).toHaveLength(0);
    // The latest report is read once per run: the alert decision and the chain use the same answer.
    expect(first.s3Requests.filter((r) => r.method === 'GET' && r.key.endsWith('/latest.json'))).toHaveLength(1);
    // Markdown escapes the underscore.
    expect(first.run.summary).toContain(`in sync at ${head.replace('_', '\\_')}`);

    const second = await runCase({ environment: 'aws-synced', inputs: { 'notify-on-success': 'true' } });
    expect(second.run.code).toBe(0);
    const next = await expectStoredReport(second, 'aws-synced');
    expect(next.report.previous_report).toEqual({ key: stored.key, sha256: sha256Hex(stored.json) });
    const alert = expectOneAlert(second, 'aws-synced', 'synced', 'synced');
    expect(alert.subject).toBe(`[schema-drift] aws-synced: in sync at ${head}`);
    expect(alert.message).toContain(`s3://${bucket}/${next.key}`);
  });

  it('reports behind by 3 with the pending revisions in the report, the summary and the alert, and fails the step', async () => {
    await setVersions(threeBehind);
    const outcome = await runCase({ environment: 'aws-behind' });
    expect(outcome.run.code).toBe(1);
    expect(outcome.run.outputs).toMatchObject({
      status: 'drift',
      'drift-detected': 'true',
      'codebase-head': head,
      'production-version': threeBehind,
      'pending-count': '3',
    });
    expect(outcome.errors).toContain('Schema drift in aws-behind: behind by 3 migrations');
    const { report, key } = await expectStoredReport(outcome, 'aws-behind');
    expect(report.status).toBe('drift');
    expect(report.version?.state).toBe('behind');
    const pending = report.version?.pending.map((p) => p.revision) ?? [];
    expect(pending).toHaveLength(3);
    expect(pending.at(-1)).toBe(head);
    const alert = expectOneAlert(outcome, 'aws-behind', 'behind', 'drift');
    expect(alert.subject).toBe('[schema-drift] aws-behind: behind by 3 migrations');
    for (const revision of pending) {
      expect(alert.message).toContain(revision);
      expect(outcome.run.summary).toContain(revision);
    }
    expect(alert.message).toContain(`s3://${bucket}/${key}`);
    expect(outcome.run.summary).toContain('behind by 3 migrations');
  });

  it('reports ahead when production holds a revision the repository lacks, storing with SSE-KMS when a key is set', async () => {
    await setVersions(unknownRevision);
    const kmsKeyId = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const outcome = await runCase({ environment: 'aws-ahead', inputs: { 's3-kms-key-id': kmsKeyId } });
    expect(outcome.run.code).toBe(1);
    expect(outcome.run.outputs).toMatchObject({
      status: 'drift',
      'drift-detected': 'true',
      'production-version': unknownRevision,
    });
    const { report } = await expectStoredReport(outcome, 'aws-ahead', { kmsKeyId });
    expect(report.version?.state).toBe('ahead');
    expect(report.version?.unknown).toEqual([unknownRevision]);
    const alert = expectOneAlert(outcome, 'aws-ahead', 'ahead', 'drift');
    expect(alert.subject).toContain('ahead');
    expect(alert.message).toContain(unknownRevision);
  });
});

/** What every run that could not read the database must show: error everywhere, never synced. */
async function expectDatabaseError(outcome: Outcome, environment: string, lambdaSays: RegExp): Promise<Report> {
  expect(outcome.run.code).toBe(1);
  expect(outcome.run.outputs.status).toBe('error');
  expect(outcome.run.outputs['drift-detected']).toBe('false');
  const { report } = await expectStoredReport(outcome, environment);
  expect(report.status).toBe('error');
  expect(report.error?.stage).toBe('database');
  expect(report.error?.message).toContain(`Could not invoke rds-sql-api "${functionName}"`);
  expect(report.error?.message).toMatch(lambdaSays);
  expect(report.production_version).toBeNull();
  const alert = expectOneAlert(outcome, environment, report.version?.state ?? 'error', 'error');
  expect(alert.subject).toBe(`[schema-drift] ${environment}: ERROR - state could not be determined (database)`);
  expect(alert.message).toContain('could not be determined');
  expect(alert.message).not.toMatch(/in sync/i);
  expect(outcome.run.summary).toMatch(/could not determine the state/);
  expect(outcome.errors.join('\n')).toMatch(lambdaSays);
  expect(outcome.errors.join('\n')).toContain(`Could not determine the schema state of ${environment}`);
  return report;
}

describe('the built action keeps the evidence chain', () => {
  it('reports a rewritten predecessor as evidence-chain-broken: alerted though in sync, the step fails, the report is stored', async () => {
    await setVersions(head);
    const first = await runCase({ environment: 'aws-chain' });
    expect(first.run.code).toBe(0);
    const stored = await expectStoredReport(first, 'aws-chain');
    // Someone with PutObject rewrites last night's report (as an attacker would: no condition, a fresh checksum).
    const forged = stored.json.toString('utf8').replace('"trigger": "', '"trigger": "forged-');
    await s3.client().send(new PutObjectCommand({ Bucket: bucket, Key: stored.key, Body: forged }));

    const second = await runCase({ environment: 'aws-chain' });
    expect(second.run.code).toBe(1);
    expect(second.run.outputs.status).toBe('synced');
    const next = await expectStoredReport(second, 'aws-chain');
    const finding = next.report.findings.find((f) => f.kind === 'evidence-chain-broken');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(`s3://${bucket}/${stored.key} was modified`);
    // The link still names what the chain recorded, so an audit sees the break too.
    expect(next.report.previous_report).toEqual({ key: stored.key, sha256: sha256Hex(stored.json) });
    expect(second.errors.join('\n')).toContain('Evidence chain broken');
    // In sync and notify-on drift,error: a broken chain alerts anyway.
    const alert = expectOneAlert(second, 'aws-chain', 'synced', 'synced');
    expect(alert.message).toContain('evidence-chain-broken');
  });
});

describe('the built action against the AWS stand-ins: faults', () => {
  it('retries a throttled Lambda and then reports the real state', async () => {
    await setVersions(head);
    lambda.queueFaults('throttle', 'throttle');
    const outcome = await runCase({ environment: 'aws-throttled' });
    expect(outcome.run.code).toBe(0);
    expect(outcome.run.outputs.status).toBe('synced');
    // Two 429s answered, then every query of the check.
    expect(outcome.invocations.length).toBeGreaterThanOrEqual(3);
    const { report } = await expectStoredReport(outcome, 'aws-throttled');
    expect(report.version?.state).toBe('synced');
  });

  // What Lambda answers when the function runs past its timeout: 200 with FunctionError Unhandled.
  it('reports error, not synced, when the function times out', async () => {
    await setVersions(head);
    let timeoutServer: TestHttpServer | undefined;
    try {
      timeoutServer = await startHttpServer(() => ({
        status: 200,
        headers: { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' },
        body: {
          errorType: 'Sandbox.Timedout',
          errorMessage: 'RequestId: 6f1c2d3e-0000-4000-8000-000000000000 Error: Task timed out after 30.00 seconds',
        },
      }));
      const outcome = await runCase({
        environment: 'aws-lambda-timeout',
        env: { AWS_ENDPOINT_URL_LAMBDA: timeoutServer.url },
      });
      expect(timeoutServer.requests.length).toBeGreaterThan(0);
      await expectDatabaseError(outcome, 'aws-lambda-timeout', /Task timed out after 30\.00 seconds/);
    } finally {
      await timeoutServer?.close();
    }
  });

  const lambdaFaults: [LambdaFault, RegExp][] = [
    ['unhandled', /function error \(Unhandled\): Runtime\.UnhandledPromiseRejection: relation "alembic_version"/],
    ['handled', /function error \(Handled\): QueryError: relation "alembic_version"/],
    ['non-json', /payload that is not JSON: Internal proxy failure/],
    ['status-500', /statusCode 500: relation "alembic_version"/],
    ['oversize', /response payload is \d+ bytes, over the 6291456-byte limit/],
  ];
  it.each(lambdaFaults)('reports error, not synced, when the Lambda answers %s', async (fault, lambdaSays) => {
    await setVersions(head);
    lambda.setFault(fault);
    try {
      const outcome = await runCase({ environment: `aws-lambda-${fault}` });
      await expectDatabaseError(outcome, `aws-lambda-${fault}`, lambdaSays);
    } finally {
      lambda.setFault(undefined);
    }
  });

  it('fails the step with STS AccessDenied and stores and sends nothing it has no credentials for', async () => {
    await setVersions(head);
    sts.setFault('access-denied');
    const reportDir = await mkdtemp(join(tmpdir(), 'schema-drift-aws-reports-'));
    try {
      const outcome = await runCase({ environment: 'aws-sts-denied', inputs: { 'report-dir': reportDir } });
      expect(outcome.run.code).toBe(1);
      expect(outcome.run.outputs.status).toBe('error');
      // Assumed once per run: the one refusal is not asked again by each client.
      expect(outcome.stsCalls).toHaveLength(1);
      expect(outcome.invocations).toHaveLength(0);
      expect(outcome.writes).toHaveLength(0);
      expect(outcome.snsAttempts).toBe(0);
      const failure = outcome.errors.join('\n');
      expect(failure).toMatch(/^Could not determine the schema state of aws-sts-denied: Could not assume role/);
      expect(failure).toContain(`Could not assume role "${roleArn}"`);
      expect(failure).toContain('AccessDenied');
      expect(failure).toContain(`Could not get AWS credentials for s3://${bucket}`);
      expect(failure).toContain(`Could not get AWS credentials for ${topicArn}`);
      // The local copy still records why.
      const pointer = JSON.parse(await readFile(join(reportDir, 'aws-sts-denied', 'latest.json'), 'utf8')) as {
        key: string;
      };
      const local = JSON.parse(await readFile(join(reportDir, ...pointer.key.split('/')), 'utf8')) as Report;
      assertValidReport(local);
      expect(local.status).toBe('error');
      expect(local.error?.stage).toBe('credentials');
      expect(local.error?.message).toContain('AccessDenied');
    } finally {
      sts.setFault(undefined);
      await rm(reportDir, { recursive: true, force: true });
    }
  });

  it('fails the step naming id-token: write when the job has no OIDC token', async () => {
    await setVersions(head);
    const outcome = await runCase({
      environment: 'aws-no-oidc',
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
    });
    expect(outcome.run.code).toBe(1);
    expect(outcome.run.outputs.status).toBe('error');
    expect(outcome.stsCalls).toHaveLength(0);
    expect(outcome.invocations).toHaveLength(0);
    expect(outcome.writes).toHaveLength(0);
    expect(outcome.snsAttempts).toBe(0);
    const failure = outcome.errors.join('\n');
    expect(failure).toContain('Could not get a GitHub OIDC token');
    expect(failure).toContain('id-token: write');
  });

  it('still alerts and fails the step when every S3 write answers 500', async () => {
    await setVersions(threeBehind);
    s3.inject({
      method: 'PUT',
      status: 500,
      code: 'InternalError',
      message: 'We encountered an internal error',
      times: 1000,
    });
    try {
      const outcome = await runCase({ environment: 'aws-s3-500' });
      expect(outcome.run.code).toBe(1);
      expect(outcome.run.outputs).toMatchObject({ status: 'drift', 'report-url': '' });
      // Retried with backoff (a 500 is transient), then given up.
      const puts = outcome.s3Requests.filter((r) => r.method === 'PUT');
      expect(puts.length).toBeGreaterThan(1);
      expect(puts.every((r) => r.fault === 'InternalError')).toBe(true);
      expect(outcome.writes).toHaveLength(0);
      const alert = expectOneAlert(outcome, 'aws-s3-500', 'behind', 'drift');
      expect(alert.subject).toBe('[schema-drift] aws-s3-500: behind by 3 migrations');
      const failure = outcome.errors.join('\n');
      // The drift and the failed write, both: neither hides the other.
      expect(failure).toMatch(/^Schema drift in aws-s3-500: behind by 3 migrations\n/);
      expect(failure).toMatch(
        new RegExp(`Could not write report to s3://${bucket}/schema-drift/aws-s3-500/.*InternalError`),
      );
    } finally {
      s3.clearFaults();
    }
  });

  it('still alerts and fails the step, even when in sync, when S3 answers AccessDenied', async () => {
    await setVersions(head);
    s3.inject({ status: 403, code: 'AccessDenied', message: 'Access Denied', times: 1000 });
    try {
      const outcome = await runCase({ environment: 'aws-s3-denied', inputs: { 'notify-on-success': 'true' } });
      expect(outcome.run.code).toBe(1);
      expect(outcome.run.outputs['report-url']).toBe('');
      expect(outcome.writes).toHaveLength(0);
      expectOneAlert(outcome, 'aws-s3-denied', 'synced', 'synced');
      // Read refused: the chain cannot be verified (a security finding, annotated once), and the write is refused.
      const denied = `Could not read s3://${bucket}/schema-drift/aws-s3-denied/latest.json: AccessDenied: Access Denied`;
      expect(outcome.errors).toHaveLength(2);
      expect(outcome.errors[0]).toContain(`Evidence chain broken in s3://${bucket}/schema-drift/: ${denied}`);
      expect(outcome.errors[1]).toMatch(
        new RegExp(
          `^Evidence chain broken in .*\n?Could not write report to s3://${bucket}/schema-drift/aws-s3-denied/.*: AccessDenied: Access Denied$`,
          's',
        ),
      );
    } finally {
      s3.clearFaults();
    }
  });

  it("fails the step with SNS's AuthorizationError and still stores the report", async () => {
    await setVersions(threeBehind);
    const denied = `User: arn:aws:sts::123456789012:assumed-role/schema-drift-reader/x is not authorized to perform: SNS:Publish on resource: ${topicArn}`;
    sns.inject({ code: 'AuthorizationError', status: 403, message: denied });
    try {
      const outcome = await runCase({ environment: 'aws-sns-denied' });
      expect(outcome.run.code).toBe(1);
      expect(outcome.messages).toHaveLength(0);
      expect(outcome.snsAttempts).toBe(1);
      const { report } = await expectStoredReport(outcome, 'aws-sns-denied');
      expect(report.status).toBe('drift');
      expect(outcome.run.outputs.status).toBe('drift');
      expect(outcome.errors).toEqual([
        `Schema drift in aws-sns-denied: behind by 3 migrations\nCould not publish to SNS topic ${topicArn}: AuthorizationError: ${denied}`,
      ]);
    } finally {
      sns.clearFaults();
    }
  });
});

// --- secrets ---

function expectNoSecrets(where: string, text: string, secrets: Record<string, string>): void {
  for (const [name, secret] of Object.entries(secrets)) {
    if (text.includes(secret)) {
      const at = text.indexOf(secret);
      throw new Error(`${name} leaked into ${where}: …${text.slice(Math.max(0, at - 80), at)}[SECRET]…`);
    }
  }
}

// Headers that carry credentials by design (they sign the request); everything else the action sends is scanned.
const signingHeaders = new Set(['authorization', 'x-amz-security-token']);

async function expectNoSecretsAnywhere(outcome: Outcome, secrets: Record<string, string>, reportDir?: string) {
  expectNoSecrets('stdout', outcome.run.visibleStdout, secrets);
  expectNoSecrets('stderr', outcome.run.stderr, secrets);
  expectNoSecrets('the step summary', outcome.run.summary, secrets);
  expectNoSecrets('the outputs', outcome.run.outputFile, secrets);
  for (const request of outcome.s3Requests) {
    const headers = Object.entries(request.headers).filter(([name]) => !signingHeaders.has(name));
    expectNoSecrets(`S3 ${request.method} ${request.key} headers`, JSON.stringify(headers), secrets);
    expectNoSecrets(`S3 ${request.method} ${request.key} body`, request.body.toString('utf8'), secrets);
  }
  for (const message of outcome.messages) {
    expectNoSecrets('the SNS subject', message.subject ?? '', secrets);
    expectNoSecrets('the SNS message', message.message, secrets);
    expectNoSecrets('the SNS attributes', JSON.stringify(message.attributes), secrets);
  }
  for (const invocation of outcome.invocations) {
    expectNoSecrets('the Lambda event', JSON.stringify(invocation.event), secrets);
  }
  if (reportDir) {
    const files = await readdir(reportDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((f) => f.isFile())) {
      const path = join(file.parentPath, file.name);
      expectNoSecrets(path, await readFile(path, 'utf8'), secrets);
    }
  }
}

describe('the built action keeps secrets out of everything it writes', () => {
  const password = `Pw-${randomBytes(12).toString('hex')}`;
  const planted = {
    'the OIDC token': oidcToken,
    'the STS access key id': stsCredentials.accessKeyId,
    'the STS secret access key': stsCredentials.secretAccessKey,
    'the STS session token': stsCredentials.sessionToken,
    'the database password': password,
  };

  it('masks and never prints the token, the role credentials or the database password of a full run', async (context) => {
    const reason = await pgServerUnavailable();
    if (reason) context.skip(reason);
    const role = `drift_reader_${randomBytes(4).toString('hex')}`;
    const database = await createServerDatabase('schema_drift_action_aws');
    const admin = new pg.Client({ connectionString: pgServerUrl });
    await admin.connect();
    const reportDir = await mkdtemp(join(tmpdir(), 'schema-drift-aws-secrets-'));
    try {
      await admin.query(`create role ${role} login password '${password}'`);
      const target = new pg.Client({ connectionString: database.url });
      await target.connect();
      await target.query('create table alembic_version (version_num varchar(32) not null primary key)');
      await target.query('insert into alembic_version values ($1)', [threeBehind]);
      await target.query(`grant select on alembic_version to ${role}`);
      await target.end();
      const url = new URL(database.url);
      url.username = role;
      url.password = password;

      const outcome = await runCase({
        environment: 'aws-secrets',
        inputs: {
          'lambda-function': '',
          'database-url': url.toString(),
          'notify-on': 'always',
          'report-dir': reportDir,
        },
      });
      // A real run that read the database, stored the report and alerted: the scan covers every channel.
      expect(outcome.run.outputs.status).toBe('drift');
      expect(outcome.run.outputs['pending-count']).toBe('3');
      await expectStoredReport(outcome, 'aws-secrets');
      expect(outcome.messages).toHaveLength(1);
      // The runner learns each secret from ::add-mask:: before anything could print it.
      for (const secret of Object.values(planted)) expect(outcome.run.masked).toContain(secret);
      await expectNoSecretsAnywhere(outcome, planted, reportDir);
    } finally {
      // The database first: the role's grants live in it.
      await database.drop().catch(() => {});
      await admin.query(`drop role if exists ${role}`).catch(() => {});
      await admin.end();
      await rm(reportDir, { recursive: true, force: true });
    }
  });

  it('redacts a connection URL with a password that the Lambda echoes in its error', async () => {
    await setVersions(head);
    lambda.setErrorText(
      `could not connect to postgresql://app:${password}@prod-db.internal:5432/app: password authentication failed`,
    );
    lambda.setFault('handled');
    try {
      const outcome = await runCase({ environment: 'aws-secrets-lambda' });
      const report = await expectDatabaseError(outcome, 'aws-secrets-lambda', /password authentication failed/);
      expect(report.error?.message).toContain('postgresql://app:***@prod-db.internal');
      await expectNoSecretsAnywhere(outcome, planted);
    } finally {
      lambda.setFault(undefined);
      lambda.setErrorText('relation "alembic_version" does not exist');
    }
  });

  it('redacts the OIDC token when STS echoes it in AccessDenied', async () => {
    await setVersions(head);
    sts.setFault('access-denied');
    sts.setDeniedMessage(`(token ${oidcToken} rejected)`);
    try {
      const outcome = await runCase({ environment: 'aws-secrets-sts' });
      expect(outcome.run.code).toBe(1);
      expect(outcome.errors.join('\n')).toContain('AccessDenied');
      await expectNoSecretsAnywhere(outcome, planted);
    } finally {
      sts.setFault(undefined);
      sts.setDeniedMessage('');
    }
  });
});
