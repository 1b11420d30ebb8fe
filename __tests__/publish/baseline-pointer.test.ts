// The baseline pointer ({environment}/baseline.json): written only when a report records a baseline, read back with
// the snapshot it names checked against it; anything that does not hold together is an error.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalReportStore } from '../../src/publish/local.js';
import type { Report } from '../../src/report/model.js';
import { reportFor, structureWith } from '../report/fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schema-drift-baseline-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = (iso: string) => reportFor('synced', { now: new Date(iso) });
/** A report whose structure check recorded its catalog (fingerprint f…f) as the baseline at `version`. */
const recording = (iso: string, version: string | null): Report => ({
  ...report(iso),
  structure: structureWith({
    state: 'skipped',
    expected_source: 'baseline',
    actual_fingerprint: 'f'.repeat(64),
    differences: [],
    baseline: { compared_with: null, recorded: { reason: 'first', production_version: version } },
  }),
});
const snapshot = '{"objects":[]}\n';

describe('the baseline pointer', () => {
  it('is written only by a save that records a baseline, and reads back the snapshot it names', async () => {
    const store = new LocalReportStore(dir);
    await store.save(report('2025-12-01T03:00:00Z'), { markdown: '', snapshot });
    expect(await store.baseline('production')).toBeNull();

    const first = recording('2025-12-02T03:00:00Z', 'b2');
    const stored = await store.save(first, {
      markdown: '',
      snapshot,
      baseline: { fingerprint: 'f'.repeat(64), productionVersion: 'b2' },
    });
    await store.save(report('2025-12-03T03:00:00Z'), { markdown: '', snapshot: '{"objects":[1]}\n' });
    expect(await store.baseline('production')).toMatchObject({
      key: stored.key.replace(/\.json$/, '.snapshot.json'),
      text: snapshot,
      fingerprint: 'f'.repeat(64),
      productionVersion: 'b2',
      recordedAt: '2025-12-02T03:00:00Z',
    });
  });

  it.each([
    ['not JSON', () => 'nope', 'not valid JSON'],
    ['another format', () => '{"format":"x"}', 'not a schema-drift-baseline/1 document'],
    [
      'a key that climbs out',
      (p: Record<string, unknown>) => ({ ...p, snapshot_key: '../../etc/passwd' }),
      'is not a snapshot of environment production',
    ],
    [
      'a key of another environment',
      (p: Record<string, unknown>) => ({
        ...p,
        snapshot_key: String(p.snapshot_key).replace('production/', 'staging/'),
      }),
      'is not a snapshot of environment production',
    ],
    [
      'a missing snapshot',
      (p: Record<string, unknown>) => ({
        ...p,
        snapshot_key: String(p.snapshot_key).replace('.snapshot', '-9.snapshot'),
      }),
      'does not exist',
    ],
    [
      'another sha256',
      (p: Record<string, unknown>) => ({ ...p, snapshot_sha256: '0'.repeat(64) }),
      'the pointer recorded 0000',
    ],
  ])('refuses a pointer with %s', async (_name, change, message) => {
    const store = new LocalReportStore(dir);
    const first = report('2025-12-02T03:00:00Z');
    await store.save(first, {
      markdown: '',
      snapshot,
      baseline: { fingerprint: 'f'.repeat(64), productionVersion: null },
    });
    const path = join(dir, 'production', 'baseline.json');
    const changed = change(JSON.parse(await readFile(path, 'utf8')));
    await writeFile(path, typeof changed === 'string' ? changed : JSON.stringify(changed));
    await expect(store.baseline('production')).rejects.toThrow(message);
  });
});
