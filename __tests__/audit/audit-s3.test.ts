// `audit` against S3 through the real SDK: checksums S3 kept, the sha256 recorded at write time, Object Lock
// retention per object, and a tampered object caught by both the store's checksum and the chain.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../src/audit/period.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { S3EvidenceSource } from '../../src/audit/s3-source.js';
import { auditExitCode } from '../../src/audit/verify.js';
import { S3ReportStore } from '../../src/publish/s3.js';
import { type LocalS3, startS3Server } from '../support/s3-server.js';
import { nightly } from './nightly.js';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startS3Server();
  await s3.createBucket('evidence');
});
afterAll(async () => {
  await s3?.close();
});

const period = resolvePeriod({ from: '2026-07-01', to: '2026-07-10' }, new Date('2026-12-01T00:00:00Z'));

describe('schema-drift audit on S3', () => {
  it('checks retention per object and catches a rewritten report by checksum and by chain', async () => {
    for (let day = 1; day <= 10; day++) {
      const date = `2026-07-${String(day).padStart(2, '0')}`;
      // Night 4 was stored by a run configured with 30 days of Object Lock instead of 7 years.
      const days = day === 4 ? 30 : 2557;
      const store = new S3ReportStore({
        client: s3.client(),
        bucket: 'evidence',
        runId: `r${day}`,
        objectLockMode: 'COMPLIANCE',
        objectLockDays: days,
        now: () => new Date(`${date}T03:07:00Z`),
      });
      await store.save(nightly(`${date}T03:07:00Z`, `r${day}`, 'synced'), { markdown: 'm' });
    }
    const source = new S3EvidenceSource(s3.client(), 'evidence', undefined);
    const clean = await runAudit(source, {
      environment: 'production',
      period,
      schedule: '0 3 * * *',
      toleranceMinutes: 180,
      retentionYears: 7,
      checkRetention: true,
      now: new Date('2026-12-01T00:00:00Z'),
      toolVersion: '0.1.0',
    });
    expect(clean.issues.map((i) => [i.kind, i.key])).toEqual([
      ['retention', 'schema-drift/production/2026/07/04/2026-07-04T03-07-00Z-r4.json'],
    ]);
    expect(auditExitCode(clean)).toBe(1);

    // Rewritten with a valid checksum of its own, but not the bytes the chain and the writer recorded.
    const key = 'schema-drift/production/2026/07/06/2026-07-06T03-07-00Z-r6.json';
    const forged = JSON.stringify(nightly('2026-07-06T03:07:00Z', 'r6', 'drift'), null, 2);
    await s3.client().send(
      new PutObjectCommand({
        Bucket: 'evidence',
        Key: key,
        Body: forged,
        Metadata: { 'report-sha256': 'f'.repeat(64) },
      }),
    );
    const tampered = await runAudit(source, {
      environment: 'production',
      period,
      schedule: '0 3 * * *',
      toleranceMinutes: 180,
      retentionYears: 7,
      checkRetention: true,
      now: new Date('2026-12-01T00:00:00Z'),
      toolVersion: '0.1.0',
    });
    expect(tampered.issues.filter((i) => i.class === 'tampered').map((i) => i.kind)).toEqual(['tampered']);
    expect(tampered.issues.find((i) => i.kind === 'tampered')?.message).toContain(`${key}: its bytes (sha256 `);
    expect(auditExitCode(tampered)).toBe(2);
  });

  it('reports a latest.json it cannot believe as tampered, never as "no pointer"', async () => {
    await s3.createBucket('pointer');
    for (let day = 1; day <= 3; day++) {
      const date = `2026-07-0${day}`;
      const store = new S3ReportStore({
        client: s3.client(),
        bucket: 'pointer',
        runId: `p${day}`,
        now: () => new Date(`${date}T03:07:00Z`),
      });
      await store.save(nightly(`${date}T03:07:00Z`, `p${day}`, 'synced'), { markdown: 'm' });
    }
    const audit = () =>
      runAudit(new S3EvidenceSource(s3.client(), 'pointer', undefined), {
        environment: 'production',
        period: resolvePeriod({ from: '2026-07-01', to: '2026-07-03' }, new Date('2026-12-01T00:00:00Z')),
        schedule: '0 3 * * *',
        toleranceMinutes: 180,
        retentionYears: 7,
        checkRetention: false,
        now: new Date('2026-12-01T00:00:00Z'),
        toolVersion: '0.1.0',
      });
    expect((await audit()).issues).toEqual([]);

    // A pointer moved to a key outside the environment, then one that is not JSON: both are a broken chain.
    const latest = 'schema-drift/production/latest.json';
    const put = (body: string) =>
      s3.client().send(new PutObjectCommand({ Bucket: 'pointer', Key: latest, Body: body }));
    await put(JSON.stringify({ schema_drift_pointer: 1, key: 'elsewhere/x.json', sha256: 'a'.repeat(64) }));
    const elsewhere = await audit();
    expect(elsewhere.issues.filter((i) => i.class === 'tampered').map((i) => i.message)).toEqual([
      expect.stringContaining(
        'points at "elsewhere/x.json", which is not a dated report under schema-drift/production/',
      ),
    ]);
    expect(auditExitCode(elsewhere)).toBe(2);
    await put('{not json');
    const garbled = await audit();
    expect(garbled.issues.find((i) => i.class === 'tampered')?.message).toContain(`${latest} is not valid JSON`);
    expect(auditExitCode(garbled)).toBe(2);
  });
});
