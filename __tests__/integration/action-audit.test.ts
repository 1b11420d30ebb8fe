// mode: audit through the BUILT action: a quarter of nightly reports in report-dir, audited as a quarterly
// workflow would; the pack is stored beside the reports and the step fails per fail-on.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cronTimes } from '../../src/audit/cron.js';
import { resolvePeriod } from '../../src/audit/period.js';
import { LocalReportStore } from '../../src/publish/local.js';
import { nightly } from '../audit/nightly.js';
import { assertValidAuditPack } from '../support/report-schema.js';
import { ensureActionBuilt, runAction } from '../support/run-action.js';

let workspace: string;
beforeAll(async () => {
  await ensureActionBuilt();
  workspace = await mkdtemp(join(tmpdir(), 'schema-drift-audit-action-'));
}, 280_000);
afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

async function storeQuarter(environment: string, skip: (date: string) => boolean): Promise<void> {
  const store = new LocalReportStore(join(workspace, 'evidence'));
  const quarter = resolvePeriod({ period: '2026-Q3' }, new Date('2026-12-01T00:00:00Z'));
  for (const [i, at] of cronTimes('0 3 * * *', quarter.from, quarter.to).entries()) {
    const date = at.toISOString().slice(0, 10);
    if (skip(date)) continue;
    const report = { ...nightly(new Date(at.getTime() + 420_000).toISOString(), String(i), 'synced'), environment };
    await store.save(report, { markdown: 'm' });
  }
}

const audit = (environment: string, inputs: Record<string, string> = {}) =>
  runAction({
    workspace,
    inputs: { mode: 'audit', environment, 'report-dir': 'evidence', 'audit-period': '2026-Q3', ...inputs },
    env: { GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ID: '777' },
  });

describe('mode: audit (built action)', () => {
  it('passes a complete quarter and stores the pack (JSON, HTML, CSV) under the environment', async () => {
    await storeQuarter('audit-clean', () => false);
    const run = await audit('audit-clean');
    expect(run.stderr.replace(/\(node:\d+\)[\s\S]*?trace-warnings[^\n]*\n?/g, '').trim()).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs['audit-result']).toBe('complete');
    const stored = (await readdir(join(workspace, 'evidence', 'audit-clean', 'audit'))).sort();
    expect(stored.map((n) => n.replace(/^.*\./, ''))).toEqual(['csv', 'html', 'json']);
    const pack = JSON.parse(
      await readFile(join(workspace, 'evidence', 'audit-clean', 'audit', stored[2] ?? ''), 'utf8'),
    );
    assertValidAuditPack(pack);
    expect(pack.counts).toMatchObject({ reports: 92, scheduled_runs: 92, gaps: 0 });
    expect(run.outputs['report-path']).toContain(join('evidence', 'audit-clean', 'audit'));
    expect(run.summary).toContain(
      'Evidence audit: audit-clean, 2026-Q3 (2026-07-01 to 2026-09-30): complete and intact',
    );
  });

  it('fails the step on a gap (fail-on drift) and not with fail-on error; a tampered report fails it either way', async () => {
    await storeQuarter('audit-gap', (date) => date === '2026-08-20');
    const gap = await audit('audit-gap');
    expect(gap.code).toBe(1);
    expect(gap.outputs['audit-result']).toBe('incomplete');
    expect(gap.stdout).toContain('no report for the run scheduled at 2026-08-20T03:00:00Z');
    expect((await audit('audit-gap', { 'fail-on': 'error' })).code).toBe(0);

    const folder = join(workspace, 'evidence', 'audit-gap', '2026', '09', '01');
    const [name = ''] = (await readdir(folder)).filter((n) => n.endsWith('.json'));
    const text = await readFile(join(folder, name), 'utf8');
    await writeFile(join(folder, name), text.replace('"status": "synced"', '"status": "drift"'));
    const tampered = await audit('audit-gap', { 'fail-on': 'error' });
    expect(tampered.code).toBe(1);
    expect(tampered.outputs['audit-result']).toBe('tampered');
    expect(tampered.stdout).toContain('chain-break');
  });

  it('names a bad audit input at the config stage', async () => {
    const run = await audit('audit-bad', { 'audit-period': 'Q3' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('audit-period');
    expect(run.stdout).toContain('Q3');
  });
});
