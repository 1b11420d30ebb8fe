// The SNS notifier with the real SDK v3 client against a local server speaking SNS's Query protocol.
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationSubject } from '../../src/publish/notify-policy.js';
import { SnsNotifier, snsPublishLimitBytes, truncateUtf8 } from '../../src/publish/sns.js';
import type { Report } from '../../src/report/model.js';
import { type LocalSns, startSnsServer } from '../support/sns-server.js';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:schema-drift-alerts';
const fifoArn = 'arn:aws:sns:us-east-1:123456789012:schema-drift-alerts.fifo';

function driftReport(overrides: Partial<Report> = {}): Report {
  return {
    schema_version: 1,
    status: 'drift',
    drift_detected: true,
    timestamp: '2025-12-31T19:05:18Z',
    codebase_head: '20251230_1900',
    production_version: '20251201_0800',
    environment: 'production',
    source: { database: 'lambda rds-sql-api', migrations: 'migrations/alembic.ini', revisions: 12 },
    version: {
      state: 'behind',
      drift: true,
      summary: 'behind by 3 migrations',
      codebase_heads: ['20251230_1900'],
      database_versions: ['20251201_0800'],
      pending: [],
      unknown: [],
      version_table: 'public.alembic_version',
      pending_grace_minutes: 0,
    },
    structure: null,
    findings: [],
    error: null,
    run: {
      trigger: 'schedule',
      repository: 'acme/app',
      sha: 'abc123',
      ref: 'refs/heads/main',
      run_id: '42',
      run_url: 'https://github.com/acme/app/actions/runs/42',
      tool_version: '0.1.0',
    },
    fingerprint: 'f'.repeat(64),
    ...overrides,
  };
}

const noWait = { sleep: async () => {} };

let sns: LocalSns;
let client: SNSClient;

beforeAll(async () => {
  sns = await startSnsServer({ topics: [topicArn, fifoArn] });
  client = sns.client();
});

afterAll(async () => {
  client?.destroy();
  await sns?.close();
});

describe('SnsNotifier against a local SNS server', () => {
  it('publishes subject, body and the status, state and environment attributes', async () => {
    const notifier = new SnsNotifier({ client, topicArn, retry: noWait });
    const report = driftReport();
    const before = sns.messages.length;
    const result = await notifier.publish({
      subject: notificationSubject(report, 'drift'),
      body: 'Production is behind by 3 migrations.\nRun: https://github.com/acme/app/actions/runs/42\n',
      report,
    });
    const received = sns.messages[before];
    expect(result.messageId).toBe(received?.messageId);
    expect(received).toMatchObject({
      topicArn,
      subject: '[schema-drift] production: behind by 3 migrations',
      message: 'Production is behind by 3 migrations.\nRun: https://github.com/acme/app/actions/runs/42\n',
      attributes: { status: 'drift', state: 'behind', environment: 'production' },
      attributeTypes: { status: 'String', state: 'String', environment: 'String' },
      messageGroupId: undefined,
    });
    expect(String(received?.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\//);
  });

  it('sends state error when the report has no version section', async () => {
    const notifier = new SnsNotifier({ client, topicArn, retry: noWait });
    const report = driftReport({ status: 'error', drift_detected: false, version: null });
    const before = sns.messages.length;
    await notifier.publish({ subject: notificationSubject(report, 'error'), body: 'could not determine', report });
    expect(sns.messages[before]?.attributes).toEqual({ status: 'error', state: 'error', environment: 'production' });
  });

  it('cuts a body over 256 KB on a UTF-8 boundary and SNS accepts it', async () => {
    const notifier = new SnsNotifier({ client, topicArn, retry: noWait });
    // 4-byte and 3-byte characters throughout, so any byte-exact cut would land inside one.
    const body = `start\n${'😀€'.repeat(60_000)}\nend`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(snsPublishLimitBytes);
    const before = sns.messages.length;
    await notifier.publish({ subject: 'big', body, report: driftReport() });
    const received = sns.messages[before]?.message ?? '';
    const bytes = Buffer.byteLength(received);
    expect(bytes).toBeLessThan(snsPublishLimitBytes);
    expect(bytes).toBeGreaterThan(snsPublishLimitBytes - 4096);
    expect(received).not.toContain('\uFFFD');
    expect(Buffer.from(received, 'utf8').toString('utf8')).toBe(received);
    expect(received.startsWith('start\n😀€😀€')).toBe(true);
    expect(received).toMatch(/truncated to fit the SNS 256 KB limit/);
    expect(received).not.toContain('\nend');
  });

  it('sends a body that fits unchanged', async () => {
    const notifier = new SnsNotifier({ client, topicArn, retry: noWait });
    const body = 'é'.repeat(100_000);
    const before = sns.messages.length;
    await notifier.publish({ subject: 'fits', body, report: driftReport() });
    expect(sns.messages[before]?.message).toBe(body);
  });

  it('cleans a hostile subject from any caller so SNS does not reject it', async () => {
    const notifier = new SnsNotifier({ client, topicArn, retry: noWait });
    const before = sns.messages.length;
    await notifier.publish({ subject: `x\r\nBcc: y${'z'.repeat(300)}`, body: 'b', report: driftReport() });
    const subject = sns.messages[before]?.subject ?? '';
    expect(subject.length).toBeLessThanOrEqual(99);
    expect(subject.startsWith('x Bcc: yzz')).toBe(true);
  });

  it('fails with AuthorizationError naming the topic, without retrying', async () => {
    const notifier = new SnsNotifier({ client, topicArn, retry: noWait });
    sns.inject({
      code: 'AuthorizationError',
      status: 403,
      message: `User: arn:aws:sts::123456789012:assumed-role/drift/gh is not authorized to perform: SNS:Publish on resource: ${topicArn}`,
    });
    const attempts = sns.attempts;
    const before = sns.messages.length;
    await expect(notifier.publish({ subject: 's', body: 'b', report: driftReport() })).rejects.toThrow(
      `Could not publish to SNS topic ${topicArn}: AuthorizationError: User: arn:aws:sts::123456789012:assumed-role/drift/gh is not authorized`,
    );
    expect(sns.attempts - attempts).toBe(1);
    expect(sns.messages.length).toBe(before);
  });

  it('retries throttling and 500 with backoff, then publishes once', async () => {
    const delays: number[] = [];
    const notifier = new SnsNotifier({
      client,
      topicArn,
      retry: { sleep: async (ms) => void delays.push(ms), random: () => 0.5 },
    });
    sns.inject({ code: 'Throttled', status: 429, message: 'Rate exceeded', times: 2 });
    sns.inject({ code: 'InternalError', status: 500, message: 'internal' });
    const attempts = sns.attempts;
    const before = sns.messages.length;
    await notifier.publish({ subject: 's', body: 'after throttling', report: driftReport() });
    expect(sns.attempts - attempts).toBe(4);
    expect(sns.messages.length - before).toBe(1);
    expect(sns.messages[before]?.message).toBe('after throttling');
    expect(delays).toEqual([100, 200, 400]);
  });

  it('gives up after the retry budget and reports the throttling', async () => {
    const notifier = new SnsNotifier({ client, topicArn, retry: { ...noWait, attempts: 3 } });
    sns.inject({ code: 'Throttled', status: 429, message: 'Rate exceeded', times: 5 });
    const attempts = sns.attempts;
    await expect(notifier.publish({ subject: 's', body: 'b', report: driftReport() })).rejects.toThrow(
      `Could not publish to SNS topic ${topicArn}: Throttled: Rate exceeded`,
    );
    expect(sns.attempts - attempts).toBe(3);
    sns.clearFaults();
  });

  it('names an unknown topic in the error', async () => {
    const missing = 'arn:aws:sns:us-east-1:123456789012:nope';
    const notifier = new SnsNotifier({ client, topicArn: missing, retry: noWait });
    await expect(notifier.publish({ subject: 's', body: 'b', report: driftReport() })).rejects.toThrow(
      `Could not publish to SNS topic ${missing}: NotFound: Topic does not exist`,
    );
  });

  it('sets a message group and deduplication id for a FIFO topic', async () => {
    const notifier = new SnsNotifier({ client, topicArn: fifoArn, retry: noWait });
    const before = sns.messages.length;
    await notifier.publish({ subject: 's', body: 'b', report: driftReport() });
    expect(sns.messages[before]?.messageGroupId).toBe('schema-drift');
    expect(sns.messages[before]?.messageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reaches the server through AWS_ENDPOINT_URL_SNS, as users point it at LocalStack', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_SNS;
    process.env.AWS_ENDPOINT_URL_SNS = sns.endpoint;
    const envClient = new SNSClient({
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' },
    });
    try {
      const notifier = new SnsNotifier({ client: envClient, topicArn, retry: noWait });
      const before = sns.messages.length;
      await notifier.publish({ subject: 'via env', body: 'b', report: driftReport() });
      expect(sns.messages[before]?.subject).toBe('via env');
    } finally {
      envClient.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_SNS;
      else process.env.AWS_ENDPOINT_URL_SNS = saved;
    }
  });

  it('rejects a value that is not a topic ARN, naming it', () => {
    expect(() => new SnsNotifier({ client, topicArn: 'schema-drift-alerts' })).toThrow(
      'Invalid sns-topic-arn: "schema-drift-alerts" is not an SNS topic ARN',
    );
  });

  it('describes itself by the topic', () => {
    expect(new SnsNotifier({ client, topicArn }).describe()).toBe(`SNS topic ${topicArn}`);
  });
});

describe('truncateUtf8', () => {
  it('never splits a multi-byte character', () => {
    const text = 'a😀b€c';
    // a=1, 😀=4, b=1, €=3, c=1
    expect(truncateUtf8(text, 1)).toBe('a');
    for (const n of [2, 3, 4]) expect(truncateUtf8(text, n)).toBe('a');
    expect(truncateUtf8(text, 5)).toBe('a😀');
    expect(truncateUtf8(text, 6)).toBe('a😀b');
    expect(truncateUtf8(text, 8)).toBe('a😀b');
    expect(truncateUtf8(text, 9)).toBe('a😀b€');
    expect(truncateUtf8(text, 10)).toBe(text);
    expect(truncateUtf8(text, 0)).toBe('');
  });
});
