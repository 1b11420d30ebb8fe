// The S3 report store with the real SDK v3 client against s3rver (behind a recording, fault-injecting proxy).
import { createHash } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normalizePrefix, S3ReportStore, type S3StoreOptions, validateBucketName } from '../../src/publish/s3.js';
import type { Report } from '../../src/report/model.js';
import { type LocalS3, type RecordedS3Request, startS3Server } from '../support/s3-server.js';

function makeReport(overrides: Partial<Report> = {}): Report {
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
      sha: '0123456789abcdef0123456789abcdef01234567',
      ref: 'refs/heads/main',
      run_id: '9001',
      run_url: 'https://github.com/acme/app/actions/runs/9001',
      tool_version: '0.1.0',
    },
    fingerprint: 'a'.repeat(64),
    ...overrides,
  };
}

const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const sha256Base64 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64');
const noWait = { sleep: async () => {} };
const fixedNow = () => new Date('2026-01-01T00:00:00Z');

let s3: LocalS3;
let client: S3Client;
let bucketCount = 0;

beforeAll(async () => {
  s3 = await startS3Server();
  client = s3.client();
});

afterEach(() => s3.clearFaults());

afterAll(async () => {
  client?.destroy();
  await s3?.close();
});

/** A fresh bucket per test, so keys and latest.json never leak between tests. */
async function freshBucket(): Promise<string> {
  bucketCount += 1;
  const bucket = `evidence-${bucketCount}`;
  await s3.createBucket(bucket);
  return bucket;
}

function store(bucket: string, options: Partial<S3StoreOptions> = {}): S3ReportStore {
  return new S3ReportStore({ client, bucket, runId: '9001', now: fixedNow, retry: noWait, ...options });
}

function puts(bucket: string): RecordedS3Request[] {
  return s3.requests.filter((r) => r.method === 'PUT' && r.path.startsWith(`/${bucket}/`) && r.key !== '');
}

async function readObject(bucket: string, key: string): Promise<string> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await response.Body?.transformToString('utf8')) ?? '';
}

const datedKey = 'schema-drift/production/2025/12/31/2025-12-31T19-05-18Z-9001.json';

describe('S3ReportStore.save', () => {
  it('writes the dated JSON, the Markdown beside it and latest.json with SSE-S3, checksums and metadata', async () => {
    const bucket = await freshBucket();
    const stored = await store(bucket).save(makeReport(), { markdown: '# Drift\n\nbehind by 3 migrations\n' });

    expect(stored.key).toBe(datedKey);
    expect(stored.location).toBe(`s3://${bucket}/${datedKey}`);
    const written = puts(bucket);
    expect(written.map((r) => r.key)).toEqual([
      datedKey,
      datedKey.replace(/\.json$/, '.md'),
      'schema-drift/production/latest.json',
    ]);
    const [json, markdown, latest] = written as [RecordedS3Request, RecordedS3Request, RecordedS3Request];

    expect(sha256Hex(json.body)).toBe(stored.sha256);
    const parsed = JSON.parse(json.body.toString('utf8')) as Report;
    expect(parsed).toMatchObject({ status: 'drift', environment: 'production', previous_report: null });
    // latest.json is a pointer to the dated object, not a copy of it.
    expect(JSON.parse(latest.body.toString('utf8'))).toEqual({
      schema_drift_pointer: 1,
      environment: 'production',
      key: datedKey,
      sha256: stored.sha256,
      timestamp: '2025-12-31T19:05:18Z',
      status: 'drift',
    });
    // Write-once dated objects; the pointer is created only if still absent.
    expect(json.headers['if-none-match']).toBe('*');
    expect(latest.headers['if-none-match']).toBe('*');
    expect(markdown.body.toString('utf8')).toBe('# Drift\n\nbehind by 3 migrations\n');

    for (const request of written) {
      expect(request.status).toBe(200);
      expect(request.headers['x-amz-server-side-encryption']).toBe('AES256');
      expect(request.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBeUndefined();
      expect(request.headers['x-amz-sdk-checksum-algorithm']).toBe('SHA256');
      expect(request.headers['x-amz-checksum-sha256']).toBe(sha256Base64(request.body));
      expect(request.headers['x-amz-meta-status']).toBe('drift');
      expect(request.headers['x-amz-meta-commit']).toBe('0123456789abcdef0123456789abcdef01234567');
      expect(request.headers['x-amz-meta-fingerprint']).toBe('a'.repeat(64));
      expect(request.headers['x-amz-object-lock-mode']).toBeUndefined();
    }
    expect(json.headers['content-type']).toBe('application/json');
    expect(latest.headers['content-type']).toBe('application/json');
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(latest.headers['x-amz-meta-report-key']).toBe(datedKey);

    // What s3rver stored is what we sent.
    expect(await readObject(bucket, datedKey)).toBe(json.body.toString('utf8'));
    expect(await readObject(bucket, 'schema-drift/production/latest.json')).toBe(latest.body.toString('utf8'));
  });

  it('uses SSE-KMS with the key id when one is given', async () => {
    const bucket = await freshBucket();
    const kmsKeyId = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    await store(bucket, { kmsKeyId }).save(makeReport(), { markdown: 'm' });
    const written = puts(bucket);
    expect(written).toHaveLength(3);
    for (const request of written) {
      expect(request.headers['x-amz-server-side-encryption']).toBe('aws:kms');
      expect(request.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe(kmsKeyId);
    }
  });

  it('sets Object Lock mode and retain-until date on the dated objects, not on latest.json', async () => {
    const bucket = await freshBucket();
    await store(bucket, { objectLockMode: 'COMPLIANCE', objectLockDays: 400 }).save(makeReport(), { markdown: 'm' });
    const [json, markdown, latest] = puts(bucket) as [RecordedS3Request, RecordedS3Request, RecordedS3Request];
    for (const request of [json, markdown]) {
      expect(request.headers['x-amz-object-lock-mode']).toBe('COMPLIANCE');
      expect(new Date(String(request.headers['x-amz-object-lock-retain-until-date'])).toISOString()).toBe(
        '2027-02-05T00:00:00.000Z',
      );
    }
    expect(latest.headers['x-amz-object-lock-mode']).toBeUndefined();
    expect(latest.headers['x-amz-object-lock-retain-until-date']).toBeUndefined();
  });

  it('chains reports: the second names the first by key and sha256, and the stored bytes verify', async () => {
    const bucket = await freshBucket();
    const first = await store(bucket).save(makeReport(), { markdown: 'one' });
    const secondStore = store(bucket, { runId: '9002' });
    const second = await secondStore.save(
      makeReport({ timestamp: '2026-01-01T19:05:11Z', status: 'synced', drift_detected: false }),
      { markdown: 'two' },
    );

    expect(second.key).toBe('schema-drift/production/2026/01/01/2026-01-01T19-05-11Z-9002.json');
    const secondReport = JSON.parse(await readObject(bucket, second.key)) as Report;
    expect(secondReport.previous_report).toEqual({ key: first.key, sha256: first.sha256 });
    // Anyone can verify the link from the bucket alone.
    const linked = secondReport.previous_report?.key ?? '';
    expect(sha256Hex(await readObject(bucket, linked))).toBe(secondReport.previous_report?.sha256);

    const latest = await secondStore.latest('production');
    expect(latest).toMatchObject({ key: second.key, location: `s3://${bucket}/${second.key}`, sha256: second.sha256 });
    expect(latest?.report.status).toBe('synced');
  });

  it('keeps a previous_report the caller already set', async () => {
    const bucket = await freshBucket();
    await store(bucket).save(makeReport(), { markdown: 'one' });
    const given = { key: 'elsewhere/x.json', sha256: 'b'.repeat(64) };
    const stored = await store(bucket).save(makeReport({ previous_report: given }), { markdown: 'two' });
    expect((JSON.parse(await readObject(bucket, stored.key)) as Report).previous_report).toEqual(given);
  });

  it('retries a 500 on upload and then stores the report', async () => {
    const bucket = await freshBucket();
    s3.inject({
      method: 'PUT',
      key: datedKey,
      status: 500,
      code: 'InternalError',
      message: 'We encountered an internal error.',
    });
    const stored = await store(bucket).save(makeReport(), { markdown: 'm' });
    const attempts = puts(bucket).filter((r) => r.key === datedKey);
    expect(attempts.map((r) => [r.status, r.fault])).toEqual([
      [500, 'InternalError'],
      [200, null],
    ]);
    expect(sha256Hex(await readObject(bucket, datedKey))).toBe(stored.sha256);
  });

  it('retries SlowDown throttling on latest.json', async () => {
    const bucket = await freshBucket();
    s3.inject({
      method: 'PUT',
      key: /latest\.json$/,
      status: 503,
      code: 'SlowDown',
      message: 'Please reduce your request rate.',
      times: 2,
    });
    await store(bucket).save(makeReport(), { markdown: 'm' });
    expect(
      puts(bucket)
        .filter((r) => r.key.endsWith('latest.json'))
        .map((r) => r.status),
    ).toEqual([503, 503, 200]);
  });

  it('fails with AccessDenied naming bucket and key, does not retry, and leaves latest.json alone', async () => {
    const bucket = await freshBucket();
    s3.inject({ method: 'PUT', key: datedKey, status: 403, code: 'AccessDenied', message: 'Access Denied' });
    await expect(store(bucket).save(makeReport(), { markdown: 'm' })).rejects.toThrow(
      `Could not write report to s3://${bucket}/${datedKey}: AccessDenied: Access Denied`,
    );
    expect(puts(bucket).map((r) => [r.key, r.status])).toEqual([[datedKey, 403]]);
  });

  it('still stores the report when latest.json cannot be read, and says the chain could not be verified', async () => {
    const bucket = await freshBucket();
    s3.inject({ method: 'GET', key: /latest\.json$/, status: 403, code: 'AccessDenied', message: 'Access Denied' });
    const head = await store(bucket).head('production');
    expect(head.broken).toEqual([
      `Could not read s3://${bucket}/schema-drift/production/latest.json: AccessDenied: Access Denied`,
    ]);
    expect(head.pointer).toEqual({ state: 'unknown' });
    const stored = await store(bucket).save(makeReport(), { markdown: 'm' }, head);
    expect(stored.key).toBe(datedKey);
    expect(puts(bucket).map((r) => r.key)).toContain('schema-drift/production/latest.json');
  });

  it('refuses an environment that could escape its folder', async () => {
    const bucket = await freshBucket();
    await expect(store(bucket).save(makeReport({ environment: '../prod' }), { markdown: 'm' })).rejects.toThrow(
      /Invalid environment "\.\.\/prod"/,
    );
    expect(puts(bucket)).toEqual([]);
  });
});

describe('S3ReportStore.latest', () => {
  it('returns null when the bucket holds no report for the environment', async () => {
    const bucket = await freshBucket();
    expect(await store(bucket).latest('production')).toBeNull();
  });

  it('reports an unreadable chain, naming the bucket error, when the bucket does not exist', async () => {
    const head = await store('no-such-bucket-here').head('production');
    expect(head.previous).toBeNull();
    expect(head.broken).toEqual([
      expect.stringContaining(
        'Could not read s3://no-such-bucket-here/schema-drift/production/latest.json: NoSuchBucket',
      ),
    ]);
  });

  it('retries a 500 on read', async () => {
    const bucket = await freshBucket();
    await store(bucket).save(makeReport(), { markdown: 'm' });
    s3.inject({ method: 'GET', key: /latest\.json$/, status: 500, code: 'InternalError' });
    expect((await store(bucket).latest('production'))?.key).toBe(datedKey);
  });

  it('refuses a latest.json whose bytes do not match the checksum S3 stored', async () => {
    const bucket = await freshBucket();
    await store(bucket).save(makeReport(), { markdown: 'm' });
    s3.tamperChecksum('schema-drift/production/latest.json', sha256Base64('something else'));
    // The SDK checks the body against the returned checksum itself; the store checks again. Either way it refuses.
    const head = await store(bucket).head('production');
    expect(head.previous).toBeNull();
    expect(head.broken).toEqual([
      expect.stringMatching(
        new RegExp(`s3://${bucket}/schema-drift/production/latest\\.json: .*(mismatch|do not match)`, 'i'),
      ),
    ]);
  });

  it('refuses a latest.json that is not a pointer, and replaces it on the next save', async () => {
    const bucket = await freshBucket();
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'schema-drift/production/latest.json', Body: '<html>' }),
    );
    const head = await store(bucket).head('production');
    expect(head.broken).toEqual([expect.stringMatching(/latest\.json is not valid JSON/)]);
    expect(head.link).toBeNull();
    const stored = await store(bucket).save(makeReport(), { markdown: 'm' }, head);
    expect((await store(bucket).head('production')).previous?.key).toBe(stored.key);
  });

  it('refuses a pointer that names a key outside the environment', async () => {
    const bucket = await freshBucket();
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const body = JSON.stringify(makeReport());
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'schema-drift/production/latest.json',
        Body: body,
        Metadata: { 'report-key': 'other/place.json' },
      }),
    );
    expect(await store(bucket).latest('production')).toBeNull();
    expect((await store(bucket).head('production')).broken).toEqual([
      expect.stringContaining(
        'points at "other/place.json", which is not a dated report under schema-drift/production/',
      ),
    ]);
  });
});

describe('S3ReportStore with a custom prefix and the standard endpoint setting', () => {
  it('reaches s3rver through AWS_ENDPOINT_URL_S3 and normalises the prefix', async () => {
    const bucket = await freshBucket();
    const saved = process.env.AWS_ENDPOINT_URL_S3;
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    const envClient = new S3Client({
      region: 'us-east-1',
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    try {
      const stored = await new S3ReportStore({ client: envClient, bucket, prefix: 'audit/drift', runId: 'r1' }).save(
        makeReport({ environment: 'staging' }),
        { markdown: 'm' },
      );
      expect(stored.key).toBe('audit/drift/staging/2025/12/31/2025-12-31T19-05-18Z-r1.json');
      expect(puts(bucket).map((r) => r.key)).toContain('audit/drift/staging/latest.json');
    } finally {
      envClient.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_S3;
      else process.env.AWS_ENDPOINT_URL_S3 = saved;
    }
  });
});

describe('S3 store settings', () => {
  it('normalises the prefix and refuses a leading slash', () => {
    expect(normalizePrefix(undefined)).toBe('schema-drift/');
    expect(normalizePrefix('reports')).toBe('reports/');
    expect(normalizePrefix('a/b/')).toBe('a/b/');
    expect(normalizePrefix('')).toBe('');
    expect(() => normalizePrefix('/reports')).toThrow(`Invalid s3-prefix "/reports": must not start with '/'`);
    expect(() => normalizePrefix('a//b')).toThrow(/Invalid s3-prefix "a\/\/b": empty, '.' and '..'/);
    expect(() => normalizePrefix('a/../b')).toThrow(/Invalid s3-prefix/);
  });

  it('checks bucket names against S3 rules, naming the value', () => {
    expect(validateBucketName('my-evidence.bucket')).toBe('my-evidence.bucket');
    for (const bad of ['ab', 'My_Bucket', '-start', 'a..b', '192.168.1.1', 's3://bucket', 'x'.repeat(64)]) {
      expect(() => validateBucketName(bad)).toThrow(`Invalid s3-bucket "${bad}"`);
    }
  });

  it('requires Object Lock mode and days together, days a positive whole number', () => {
    expect(() => store('b-ok', { objectLockMode: 'GOVERNANCE' })).toThrow(
      /go together \(got mode GOVERNANCE, days unset\)/,
    );
    expect(() => store('b-ok', { objectLockDays: 30 })).toThrow(/go together \(got mode unset, days 30\)/);
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => store('b-ok', { objectLockMode: 'COMPLIANCE', objectLockDays: days })).toThrow(
        `Invalid s3-object-lock-days "${days}"`,
      );
    }
    expect(() => store('b-ok', { objectLockMode: 'LEGAL' as 'COMPLIANCE', objectLockDays: 1 })).toThrow(
      'Invalid s3-object-lock-mode "LEGAL"',
    );
  });

  it('refuses a run id that would break the key', () => {
    expect(() => store('b-ok', { runId: '12/../34' })).toThrow('Invalid run id "12/../34"');
  });

  it('describes itself by bucket and prefix', () => {
    expect(store('b-ok', { prefix: 'x' }).describe()).toBe('s3://b-ok/x/');
  });
});
