// `audit` on a generated quarter of nightly reports with planted gaps, a fork, a tampered object, an error night and
// two incidents: it must report exactly those, and nothing on a clean quarter.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cronTimes } from '../../src/audit/cron.js';
import { LocalEvidenceSource } from '../../src/audit/local-source.js';
import { resolvePeriod } from '../../src/audit/period.js';
import { renderAuditCsv, renderAuditHtml } from '../../src/audit/render-pack.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { auditExitCode, serializePack } from '../../src/audit/verify.js';
import { LocalReportStore } from '../../src/publish/local.js';
import { sha256Hex } from '../../src/publish/report-store.js';
import { assertValidAuditPack } from '../support/report-schema.js';
import { type Night, nightly } from './nightly.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schema-drift-audit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const quarter = resolvePeriod({ period: '2026-Q3' }, new Date('2026-12-01T00:00:00Z'));
const days = cronTimes('0 3 * * *', quarter.from, quarter.to);

/** Stores one report per scheduled night (a few minutes late, as GitHub runs them), except the skipped ones. */
async function storeQuarter(plan: (date: string) => Night | 'skip'): Promise<Map<string, string>> {
  const store = new LocalReportStore(dir);
  const keys = new Map<string, string>();
  for (const [i, at] of days.entries()) {
    const date = at.toISOString().slice(0, 10);
    const night = plan(date);
    if (night === 'skip') continue;
    const timestamp = new Date(at.getTime() + 7 * 60_000).toISOString();
    const stored = await store.save(nightly(timestamp, String(1000 + i), night), { markdown: 'm' });
    keys.set(date, stored.key);
  }
  return keys;
}

const audit = () =>
  runAudit(new LocalEvidenceSource(dir), {
    environment: 'production',
    period: quarter,
    schedule: '0 3 * * *',
    toleranceMinutes: 180,
    retentionYears: 7,
    checkRetention: false,
    now: new Date('2026-12-01T00:00:00Z'),
    toolVersion: '0.1.0',
  });

describe('schema-drift audit', () => {
  it('finds a clean quarter complete and intact, with every report in the chain', async () => {
    await storeQuarter(() => 'synced');
    const pack = await audit();
    expect(pack.issues).toEqual([]);
    expect(pack.result).toBe('complete');
    expect(auditExitCode(pack)).toBe(0);
    expect(pack.counts).toMatchObject({ reports: 92, scheduled_runs: 92, runs_found: 92, gaps: 0, incidents: 0 });
    expect(pack.reports.every((r) => r.place === 'in-chain')).toBe(true);
    assertValidAuditPack(pack);
    expect(renderAuditHtml(pack)).toContain('§164.312(b) Audit controls');
    // The pack carries its own digest: the sha256 of its JSON with pack_sha256 emptied.
    expect(sha256Hex(serializePack({ ...pack, pack_sha256: '' }))).toBe(pack.pack_sha256);
  });

  it('reports exactly the planted gaps, fork, tampered object, error night and incidents', async () => {
    const drift = new Set(['2026-07-15', '2026-07-16', '2026-07-17', '2026-09-20', '2026-09-21']);
    const keys = await storeQuarter((date) =>
      date === '2026-07-10' || date === '2026-08-20'
        ? 'skip'
        : date === '2026-08-10'
          ? 'error'
          : drift.has(date)
            ? 'drift'
            : 'synced',
    );
    const dir1 = dir;
    // A fork: a second report of 5 September chained to the 4th, as a concurrent run without conditional writes did.
    const fourth = keys.get('2026-09-04') as string;
    const fourthBytes = await readFile(join(dir1, ...fourth.split('/')));
    const forked = {
      ...nightly('2026-09-05T03:09:00Z', 'fork', 'synced'),
      previous_report: { key: fourth, sha256: sha256Hex(fourthBytes) },
    };
    const forkKey = 'production/2026/09/05/2026-09-05T03-09-00Z-fork.json';
    await writeFile(join(dir1, ...forkKey.split('/')), `${JSON.stringify(forked, null, 2)}\n`);
    // Tampering: 1 August's report rewritten after the fact.
    const august = keys.get('2026-08-01') as string;
    const path = join(dir1, ...august.split('/'));
    await writeFile(path, (await readFile(path, 'utf8')).replace('"run_id": "', '"run_id": "x'));

    const pack = await audit();
    const issues = pack.issues.map((i) => [i.kind, i.class]).sort();
    expect(issues).toEqual(
      [
        ['chain-break', 'tampered'],
        ['fork', 'incomplete'],
        ['gap', 'incomplete'],
        ['gap', 'incomplete'],
        ['orphan', 'incomplete'],
      ].sort(),
    );
    expect(pack.issues.filter((i) => i.kind === 'gap').map((i) => i.at)).toEqual([
      '2026-07-10T03:00:00Z',
      '2026-08-20T03:00:00Z',
    ]);
    // The altered report is named, with the successor whose link recorded its true bytes.
    expect(pack.issues.find((i) => i.kind === 'chain-break')).toMatchObject({ key: august });
    expect(pack.issues.find((i) => i.kind === 'chain-break')?.message).toContain(`${august}: its bytes (sha256 `);
    expect(pack.issues.find((i) => i.kind === 'fork')?.key).toBe(fourth);
    expect(pack.issues.find((i) => i.kind === 'orphan')?.key).toBe(forkKey);
    expect(pack.result).toBe('tampered');
    expect(auditExitCode(pack)).toBe(2);
    assertValidAuditPack(pack);
    expect(pack.incidents).toEqual([
      expect.objectContaining({
        started_at: '2026-07-15T03:07:00Z',
        resolved_at: '2026-07-18T03:07:00Z',
        duration_hours: 72,
        what: ['behind by 1 migration'],
      }),
      expect.objectContaining({ started_at: '2026-09-20T03:07:00Z', resolved_at: '2026-09-22T03:07:00Z' }),
    ]);
    expect(pack.incidents[0]?.runs).toHaveLength(3);
    expect(pack.errors).toEqual([expect.objectContaining({ at: '2026-08-10T03:07:00Z', stage: 'database' })]);
    // 1 August's slot is filled by its altered report: neither found nor a gap.
    expect(pack.counts).toMatchObject({ scheduled_runs: 92, runs_found: 89, gaps: 2, error: 1, open_incidents: 0 });
    expect(pack.slots.find((s) => s.key === august)).toMatchObject({ state: 'tampered', at: '2026-08-01T03:00:00Z' });

    const html = renderAuditHtml(pack);
    expect(html).toContain('evidence altered, deleted or forged');
    expect(html).not.toMatch(/<script/i);
    // A tampered pack claims no controls; the altered report is listed apart.
    expect(html).not.toContain('§164.312(b) Audit controls');
    expect(pack.tampered_reports).toEqual([expect.objectContaining({ key: august, state: 'altered' })]);
    for (const r of pack.reports) expect(html).toContain(r.sha256);
    const csv = renderAuditCsv(pack).trim().split('\n');
    expect(csv).toHaveLength(1 + pack.reports.length);
  });

  it('an open incident at the end of the period makes the evidence incomplete (exit 1)', async () => {
    await storeQuarter((date) => (date >= '2026-09-29' ? 'drift' : 'synced'));
    const pack = await audit();
    expect(pack.issues.map((i) => i.kind)).toEqual(['open-incident']);
    expect(auditExitCode(pack)).toBe(1);
  });

  it('expands schedules as cron does', () => {
    const month = { from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-08-01T00:00:00Z') };
    expect(cronTimes('0 3 * * *', month.from, month.to)).toHaveLength(31);
    expect(cronTimes('30 2 * * 1-5', month.from, month.to)).toHaveLength(23);
    expect(cronTimes('0 */6 1,15 * *', month.from, month.to)).toHaveLength(8);
    expect(() => cronTimes('0 3 * *', month.from, month.to)).toThrow('a cron expression has five fields');
    expect(() => cronTimes('61 3 * * *', month.from, month.to)).toThrow('"61" is outside 0-59');
  });

  it('resolves periods and names bad ones', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(resolvePeriod({ period: 'last-quarter' }, now).from.toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(resolvePeriod({ period: 'last-month' }, now).from.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-01-31' }, now).to.toISOString()).toBe(
      '2026-02-01T00:00:00.000Z',
    );
    expect(() => resolvePeriod({ period: '2026-Q5' }, now)).toThrow('Invalid --period "2026-Q5"');
    expect(() => resolvePeriod({ from: '2026-02-30', to: '2026-03-01' }, now)).toThrow('Invalid --from "2026-02-30"');
  });
});
