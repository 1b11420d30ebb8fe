// The evidence chain under races, kills and tampering: the real SDK against a loopback S3 that implements
// conditional writes (If-None-Match / If-Match answered 412), as S3 itself does.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverReport, type Notifier } from '../../src/publish/deliver.js';
import { S3ReportStore } from '../../src/publish/s3.js';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/report/model.js';
import { type LocalS3, startS3Server } from '../support/s3-server.js';

let s3: LocalS3;
let bucketCount = 0;
const prefix = 'schema-drift/production/';

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
});

async function freshBucket(): Promise<string> {
  bucketCount += 1;
  const bucket = `chain-${bucketCount}`;
  await s3.createBucket(bucket);
  return bucket;
}

function store(bucket: string, runId: string): S3ReportStore {
  return new S3ReportStore({ client: s3.client(), bucket, runId, retry: { sleep: async () => {} } });
}

function nightly(timestamp: string, runId: string, status: 'synced' | 'drift' = 'synced'): Report {
  return buildReport({
    environment: 'production',
    now: new Date(timestamp),
    run: {
      trigger: 'schedule',
      repository: 'acme/app',
      sha: '0'.repeat(40),
      ref: 'refs/heads/main',
      run_id: runId,
      run_url: '',
      tool_version: '0.1.0',
    },
    source: { database: 'db', migrations: 'alembic.ini', revisions: 2 },
    codebaseHeads: ['b2'],
    databaseVersions: [status === 'synced' ? 'b2' : 'a1'],
    version: {
      state: status === 'synced' ? 'synced' : 'behind',
      drift: status !== 'synced',
      summary: status === 'synced' ? 'in sync at b2' : 'behind by 1 migration',
      codebase_heads: ['b2'],
      database_versions: [status === 'synced' ? 'b2' : 'a1'],
      pending: [],
      unknown: [],
      version_table: 'public.alembic_version',
      pending_grace_minutes: 0,
    },
    findings: [],
    error: null,
  });
}

async function getText(bucket: string, key: string): Promise<string | null> {
  try {
    const response = await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await response.Body?.transformToString('utf8')) ?? '';
  } catch {
    return null;
  }
}

async function datedReports(bucket: string): Promise<string[]> {
  const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? [])
    .map((o) => o.Key ?? '')
    .filter((k) => /\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json$/.test(k) && !k.endsWith('.snapshot.json'))
    .sort();
}

/** Walks previous_report links from latest.json back to the first report; every link verified by sha256. */
async function walkChain(bucket: string): Promise<{ keys: string[]; supersedes: string[] }> {
  const pointer = JSON.parse((await getText(bucket, `${prefix}latest.json`)) ?? 'null') as { key: string };
  const keys: string[] = [];
  const supersedes: string[] = [];
  let key: string | null = pointer.key;
  while (key !== null) {
    const text = await getText(bucket, key);
    if (text === null) throw new Error(`chain names a missing object ${key}`);
    const report = JSON.parse(text) as Report;
    keys.push(key);
    supersedes.push(...(report.supersedes ?? []));
    const previous = report.previous_report ?? null;
    if (previous) {
      const bytes = await getText(bucket, previous.key);
      const { createHash } = await import('node:crypto');
      expect(
        createHash('sha256')
          .update(bytes ?? '')
          .digest('hex'),
      ).toBe(previous.sha256);
    }
    key = previous?.key ?? null;
  }
  return { keys, supersedes };
}

function recordingNotifier(): Notifier & { sent: { subject: string; body: string }[] } {
  const sent: { subject: string; body: string }[] = [];
  return {
    sent,
    describe: () => 'test topic',
    async publish(message) {
      sent.push({ subject: message.subject, body: message.body });
      return { messageId: String(sent.length) };
    },
  };
}

describe('evidence chain on S3', () => {
  it('gives one linear chain when five runs store at the same moment; every left-behind object is explained', async () => {
    const bucket = await freshBucket();
    await store(bucket, 'seed').save(nightly('2026-03-01T03:00:00Z', 'seed'), { markdown: 'm' });
    // All five read the same head before any of them writes: the worst race.
    const runs = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => ({ id, store: store(bucket, id) }));
    const heads = await Promise.all(runs.map((r) => r.store.head('production')));
    const stored = await Promise.all(
      runs.map((r, i) => r.store.save(nightly('2026-03-02T03:00:00Z', r.id), { markdown: 'm' }, heads[i])),
    );
    const chain = await walkChain(bucket);
    // seed + one link per run, in a single line from latest.json back to the seed.
    expect(chain.keys).toHaveLength(6);
    expect(new Set(chain.keys)).toEqual(new Set([...stored.map((s) => s.key), chain.keys.at(-1)]));
    const all = await datedReports(bucket);
    const unexplained = all.filter((k) => !chain.keys.includes(k) && !chain.supersedes.includes(k));
    expect(unexplained).toEqual([]);
    expect(chain.supersedes.length).toBe(all.length - 6);
    expect(chain.supersedes.length).toBeGreaterThan(0);
  });

  it('never overwrites a report when two runs share a second and a run id', async () => {
    const bucket = await freshBucket();
    const a = await store(bucket, 'same').save(nightly('2026-03-02T03:00:00Z', 'same', 'drift'), { markdown: 'a' });
    const b = await store(bucket, 'same').save(nightly('2026-03-02T03:00:00Z', 'same', 'synced'), { markdown: 'b' });
    expect(b.key).not.toBe(a.key);
    expect(b.key).toMatch(/-same-2\.json$/);
    expect(JSON.parse((await getText(bucket, a.key)) ?? '{}').status).toBe('drift');
    expect(JSON.parse((await getText(bucket, b.key)) ?? '{}').previous_report.key).toBe(a.key);
  });

  it('reports a tampered predecessor as a security finding, alerts, and still stores the new report', async () => {
    const bucket = await freshBucket();
    const first = await store(bucket, '1').save(nightly('2026-03-01T03:00:00Z', '1', 'drift'), { markdown: 'm' });
    // Someone rewrites last night's drift report as synced (no condition: as an attacker with PutObject would).
    const forged = ((await getText(bucket, first.key)) ?? '').replace('"status": "drift"', '"status": "synced"');
    await s3.client().send(new PutObjectCommand({ Bucket: bucket, Key: first.key, Body: forged }));

    const notifier = recordingNotifier();
    const delivery = await deliverReport(nightly('2026-03-02T03:00:00Z', '2'), {
      stores: [store(bucket, '2')],
      alerts: { notifier, notifyOn: new Set(['drift', 'error']), notifyOnSuccess: false },
    });
    const finding = delivery.report.findings.find((f) => f.kind === 'evidence-chain-broken');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(`s3://${bucket}/${first.key} was modified`);
    expect(delivery.stored).toHaveLength(1);
    expect(delivery.errors.join('\n')).toContain('Evidence chain broken');
    // A synced night would not alert under drift,error: a broken chain always does.
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]?.body).toContain('evidence-chain-broken');
    // The new report still links to what the chain recorded, so the break stays visible to an audit.
    const stored = JSON.parse((await getText(bucket, delivery.stored[0]?.result.key ?? '')) ?? '{}') as Report;
    expect(stored.previous_report).toEqual({ key: first.key, sha256: first.sha256 });
    expect(stored.findings.map((f) => f.kind)).toContain('evidence-chain-broken');
  });

  it('reports a deleted predecessor, a corrupted latest.json and a deleted latest.json', async () => {
    const bucket = await freshBucket();
    const first = await store(bucket, '1').save(nightly('2026-03-01T03:00:00Z', '1'), { markdown: 'm' });
    await s3.client().send(new DeleteObjectCommand({ Bucket: bucket, Key: first.key }));
    expect((await store(bucket, '2').head('production')).broken).toEqual([
      `the previous report s3://${bucket}/${first.key}, named by s3://${bucket}/${prefix}latest.json, does not exist`,
    ]);
    const second = await deliverReport(nightly('2026-03-02T03:00:00Z', '2'), { stores: [store(bucket, '2')] });
    expect(second.stored).toHaveLength(1);

    await s3.client().send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}latest.json`, Body: '{"oops' }));
    const third = await deliverReport(nightly('2026-03-03T03:00:00Z', '3'), { stores: [store(bucket, '3')] });
    expect(third.report.findings.map((f) => f.message).join('\n')).toContain('latest.json is not valid JSON');
    expect(third.stored).toHaveLength(1);
    // The run after it is whole again: latest.json was replaced by a good pointer.
    expect((await store(bucket, '4').head('production')).broken).toEqual([]);

    await s3.client().send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}latest.json` }));
    expect((await store(bucket, '4').head('production')).broken).toEqual([
      `s3://${bucket}/${prefix}latest.json is missing although dated reports exist under s3://${bucket}/${prefix}`,
    ]);
  });

  it('a run killed before moving latest.json leaves the chain intact for the next run', async () => {
    const bucket = await freshBucket();
    const first = await store(bucket, '1').save(nightly('2026-03-01T03:00:00Z', '1'), { markdown: 'm' });
    s3.inject({ method: 'PUT', key: `${prefix}latest.json`, status: 403, code: 'AccessDenied' });
    await expect(
      store(bucket, 'killed').save(nightly('2026-03-02T03:00:00Z', 'killed'), { markdown: 'm' }),
    ).rejects.toThrow(/latest\.json: AccessDenied/);
    const head = await store(bucket, '3').head('production');
    expect(head.broken).toEqual([]);
    expect(head.previous?.key).toBe(first.key);
    const third = await store(bucket, '3').save(nightly('2026-03-03T03:00:00Z', '3'), { markdown: 'm' }, head);
    const chain = await walkChain(bucket);
    expect(chain.keys).toEqual([third.key, first.key]);
    // The killed run's object stays, outside the chain, for the audit to list as an unfinished run.
    const orphan = (await datedReports(bucket)).filter((k) => !chain.keys.includes(k));
    expect(orphan).toEqual([expect.stringMatching(/-killed\.json$/)]);
  });
});
