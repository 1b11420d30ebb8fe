import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalReportStore } from '../../src/publish/local.js';
import { reportKey, serializeReport, sha256Hex, validateEnvironment } from '../../src/publish/report-store.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { reportFor } from '../report/fixtures.js';
import { assertValidReport } from '../support/report-schema.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schema-drift-local-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function nightly(isoTime: string, runId: string, state: 'synced' | 'behind' = 'behind'): Report {
  const report = reportFor(state, { now: new Date(isoTime) });
  return { ...report, run: { ...report.run, run_id: runId } };
}

async function save(store: LocalReportStore, report: Report) {
  return store.save(report, { markdown: renderMarkdown(reportDocument(report)) });
}

describe('LocalReportStore', () => {
  it('stores the JSON, the Markdown beside it and latest.json under the S3 key layout', async () => {
    const store = new LocalReportStore(dir);
    const report = nightly('2025-12-31T19:05:18Z', '12345678');
    const stored = await save(store, report);

    expect(stored.key).toBe('production/2025/12/31/2025-12-31T19-05-18Z-12345678.json');
    expect(stored.location).toBe(join(dir, 'production', '2025', '12', '31', '2025-12-31T19-05-18Z-12345678.json'));
    const bytes = await readFile(stored.location, 'utf8');
    expect(stored.sha256).toBe(sha256Hex(bytes));
    expect(JSON.parse(await readFile(join(dir, 'production', 'latest.json'), 'utf8'))).toMatchObject({
      schema_drift_pointer: 1,
      key: stored.key,
      sha256: stored.sha256,
    });
    expect(await readFile(stored.location.replace(/\.json$/, '.md'), 'utf8')).toBe(
      renderMarkdown(reportDocument(report)),
    );
    expect(await readdir(join(dir, 'production'))).toEqual(['2025', 'latest.json']);
  });

  it('round-trips the report, with previous_report null for the first one, as valid schema JSON', async () => {
    const store = new LocalReportStore(dir);
    const report = nightly('2025-12-31T19:05:18Z', '1');
    const stored = await save(store, report);
    const text = await readFile(stored.location, 'utf8');

    expect(JSON.parse(text)).toEqual({ ...report, previous_report: null });
    expect(text).toBe(serializeReport({ ...report, previous_report: null }));
    expect(text.startsWith('{\n  "schema_version": 1,\n  "status": "drift",\n')).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
    assertValidReport(JSON.parse(text));
    expect(report.previous_report).toBeUndefined();
  });

  it('returns null as latest before anything was stored', async () => {
    expect(await new LocalReportStore(dir).latest('production')).toBeNull();
  });

  it('returns the latest report with the key and sha256 of the stored object', async () => {
    const store = new LocalReportStore(dir);
    await save(store, nightly('2025-12-30T03:00:00Z', '1'));
    const second = await save(store, nightly('2025-12-31T03:00:00Z', '2', 'synced'));
    const latest = await store.latest('production');

    expect(latest?.report.status).toBe('synced');
    expect(latest?.report.timestamp).toBe('2025-12-31T03:00:00Z');
    expect(latest).toMatchObject({ key: second.key, location: second.location, sha256: second.sha256 });
  });

  it('chains each report to the one it replaced: key and sha256 of the previous object', async () => {
    const store = new LocalReportStore(dir);
    const first = await save(store, nightly('2025-12-30T03:00:00Z', '1'));
    const second = await save(store, nightly('2025-12-31T03:00:00Z', '2'));
    const third = await save(store, nightly('2026-01-01T03:00:00Z', '3'));

    const secondReport = JSON.parse(await readFile(second.location, 'utf8')) as Report;
    const thirdReport = JSON.parse(await readFile(third.location, 'utf8')) as Report;
    expect(secondReport.previous_report).toEqual({ key: first.key, sha256: first.sha256 });
    expect(thirdReport.previous_report).toEqual({ key: second.key, sha256: second.sha256 });
    // Anyone can verify the chain from the stored bytes alone.
    expect(sha256Hex(await readFile(join(dir, ...secondReport.previous_report!.key.split('/'))))).toBe(first.sha256);
    // Chaining never changes the drift fingerprint.
    expect(thirdReport.fingerprint).toBe(secondReport.fingerprint);
  });

  it('keeps a previous_report the caller already set', async () => {
    const store = new LocalReportStore(dir);
    await save(store, nightly('2025-12-30T03:00:00Z', '1'));
    const ref = { key: 'elsewhere/x.json', sha256: 'd'.repeat(64) };
    const stored = await save(store, { ...nightly('2025-12-31T03:00:00Z', '2'), previous_report: ref });
    expect(JSON.parse(await readFile(stored.location, 'utf8')).previous_report).toEqual(ref);
  });

  it('keeps environments apart', async () => {
    const store = new LocalReportStore(dir);
    await save(store, nightly('2025-12-30T03:00:00Z', '1'));
    const staging = { ...nightly('2025-12-31T03:00:00Z', '2'), environment: 'staging' };
    const stored = await save(store, staging);
    expect(stored.key.startsWith('staging/2025/12/31/')).toBe(true);
    expect(JSON.parse(await readFile(stored.location, 'utf8')).previous_report).toBeNull();
    expect((await store.latest('production'))?.report.timestamp).toBe('2025-12-30T03:00:00Z');
  });

  it('never overwrites evidence when two runs share a timestamp and run id', async () => {
    const store = new LocalReportStore(dir);
    const first = await save(store, nightly('2025-12-31T03:00:00Z', ''));
    const second = await save(store, nightly('2025-12-31T03:00:00Z', ''));
    expect(first.key).toBe('production/2025/12/31/2025-12-31T03-00-00Z-local.json');
    expect(second.key).toBe('production/2025/12/31/2025-12-31T03-00-00Z-local-2.json');
    expect(JSON.parse(await readFile(second.location, 'utf8')).previous_report).toEqual({
      key: first.key,
      sha256: first.sha256,
    });
    expect((await store.latest('production'))?.key).toBe(second.key);
  });

  it('keeps hostile run ids inside the environment folder', async () => {
    const report = nightly('2025-12-31T03:00:00Z', '../../../etc/passwd');
    expect(reportKey(report)).toBe('production/2025/12/31/2025-12-31T03-00-00Z-.._.._.._etc_passwd.json');
  });

  it.each(['../prod', 'prod/eu', '..', '.', '', 'a\\b', '/etc', 'prod\n', ' prod', 'x'.repeat(101)])(
    'rejects the environment name %j, naming it',
    async (environment) => {
      const store = new LocalReportStore(dir);
      const message = `Invalid environment ${JSON.stringify(environment)}`;
      await expect(store.latest(environment)).rejects.toThrow(message);
      await expect(save(store, { ...nightly('2025-12-31T03:00:00Z', '1'), environment })).rejects.toThrow(message);
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('accepts ordinary environment names', () => {
    for (const name of ['production', 'staging-eu', 'prod.us_east_1', 'PR-42'])
      expect(validateEnvironment(name)).toBe(name);
  });

  it('says which file is broken when latest.json is not JSON, and still stores the next report', async () => {
    const store = new LocalReportStore(dir);
    await save(store, nightly('2025-12-31T03:00:00Z', '1'));
    const latestPath = join(dir, 'production', 'latest.json');
    await writeFile(latestPath, '{not json');
    const head = await store.head('production');
    expect(head.previous).toBeNull();
    expect(head.broken).toEqual([expect.stringContaining(`"${latestPath}" is not valid JSON`)]);
    const next = await store.save(nightly('2026-01-01T03:00:00Z', '2'), { markdown: 'm' }, head);
    expect((await store.latest('production'))?.key).toBe(next.key);
  });

  it('describes itself by its directory', () => {
    expect(new LocalReportStore(dir).describe()).toBe(`local directory ${dir}`);
  });
});
