// A fleet target's chain in the stores: {environment}/{target}/ in S3 (s3rver) and on disk, names refused when they
// could leave their folder or collide with the environment's own keys, and an environment's own chain not mistaken
// for a deleted one because fleet targets keep theirs beside it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalReportStore } from '../../src/publish/local.js';
import { validateTargetSegment } from '../../src/publish/report-store.js';
import { S3ReportStore } from '../../src/publish/s3.js';
import { reportFor } from '../report/fixtures.js';
import { type LocalS3, startS3Server } from '../support/s3-server.js';

let s3: LocalS3;
let dir: string;
beforeAll(async () => {
  s3 = await startS3Server({ buckets: ['fleet-store'] });
  dir = await mkdtemp(join(tmpdir(), 'fleet-store-'));
});
afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

const s3Store = (runId = '1') =>
  new S3ReportStore({ client: s3.client(), bucket: 'fleet-store', runId, retry: { sleep: async () => {} } });

describe('target segments', () => {
  it.each([
    '../evil',
    'a/b',
    'a\\b',
    '..',
    'x..y',
    '2026',
    '007',
    'latest.json',
    'fleet',
    'FLEET',
    '',
    '.hidden',
    `a${'b'.repeat(100)}`,
  ])('refuses %j', (name) => {
    expect(() => validateTargetSegment(name)).toThrow(/Invalid target name/);
  });

  it.each(['tenants.tenant_0001', 'staging', 'eu-west-1', '1st-tenant', 'fleet-a'])('accepts %j', (name) => {
    expect(validateTargetSegment(name)).toBe(name);
  });

  it('refuses a hostile target before writing anything', () => {
    expect(() => s3Store().forTarget('../production')).toThrow(/Invalid target name/);
    expect(() => new LocalReportStore(dir).forTarget('2026')).toThrow(/not all digits/);
  });
});

describe('per-target chains', () => {
  it('keeps each target chain under {prefix}{environment}/{target}/ and links its own predecessor', async () => {
    const store = s3Store('11').forTarget('tenants.acme');
    const first = await store.save(reportFor('synced', { now: new Date('2026-03-01T03:00:00Z') }), { markdown: 'm' });
    expect(first.key).toBe('schema-drift/production/tenants.acme/2026/03/01/2026-03-01T03-00-00Z-11.json');
    const second = await s3Store('12')
      .forTarget('tenants.acme')
      .save(reportFor('synced', { now: new Date('2026-03-02T03:00:00Z') }), { markdown: 'm' });
    const latest = await s3Store().forTarget('tenants.acme').latest('production');
    expect(latest?.key).toBe(second.key);
    expect(latest?.report.previous_report).toEqual({ key: first.key, sha256: first.sha256 });
    // Another target's chain is its own.
    expect(await s3Store().forTarget('tenants.globex').latest('production')).toBeNull();
  });

  it("does not call an environment's chain deleted because fleet targets keep theirs beside it", async () => {
    // Only target chains exist under production/: the environment's own first run starts a new chain, unbroken.
    const head = await s3Store().head('production');
    expect(head.broken).toEqual([]);
    expect(head.pointer).toEqual({ state: 'absent' });
    const local = new LocalReportStore(dir);
    await local.forTarget('tenants.acme').save(reportFor('synced'), { markdown: 'm' });
    expect((await local.head('production')).broken).toEqual([]);
  });

  it('reads back evidence and replaces a pointer, write-once evidence kept', async () => {
    const store = s3Store();
    const where = await store.storeEvidence(
      'production',
      'fleet/runs/9/shard-1-of-2.json',
      '{"a":1}',
      'application/json',
    );
    expect(where).toBe('s3://fleet-store/schema-drift/production/fleet/runs/9/shard-1-of-2.json');
    expect((await store.readEvidence('production', 'fleet/runs/9/shard-1-of-2.json'))?.text).toBe('{"a":1}');
    expect(await store.readEvidence('production', 'fleet/runs/9/shard-2-of-2.json')).toBeNull();
    await store.replaceEvidence('production', 'fleet/latest.json', 'one', 'application/json');
    await store.replaceEvidence('production', 'fleet/latest.json', 'two', 'application/json');
    expect((await store.readEvidence('production', 'fleet/latest.json'))?.text).toBe('two');
  });
});
