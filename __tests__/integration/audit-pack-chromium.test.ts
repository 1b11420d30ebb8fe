// The audit pack's HTML opened in Debian's headless Chromium: it renders, runs no script, and prints to PDF the way
// an auditor would file it. The screenshot and the PDF are kept in test-artifacts/ for a person to look at.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEvidenceSource } from '../../src/audit/local-source.js';
import { resolvePeriod } from '../../src/audit/period.js';
import { renderAuditHtml } from '../../src/audit/render-pack.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { LocalReportStore } from '../../src/publish/local.js';
import { nightly } from '../audit/nightly.js';
import { realPartsRequired } from '../support/real-parts.js';

const run = promisify(execFile);
const chromium = process.env.SCHEMA_DRIFT_CHROMIUM ?? '/usr/bin/chromium';
const missing = existsSync(chromium) ? null : `${chromium} not found (Debian package chromium)`;
if (missing && realPartsRequired) throw new Error(`Chromium unavailable: ${missing}`);
if (missing) console.warn(`skipping the audit pack browser test: ${missing}`);

const artifacts = resolve(import.meta.dirname, '../../test-artifacts');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(missing)('the audit pack in headless Chromium', () => {
  let dir: string;
  let page: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sda-audit-html-'));
    const store = new LocalReportStore(join(dir, 'reports'));
    for (let day = 1; day <= 31; day++) {
      if (day === 12) continue;
      const date = `2026-07-${String(day).padStart(2, '0')}`;
      const status = day >= 15 && day <= 17 ? 'drift' : day === 22 ? 'error' : 'synced';
      await store.save(nightly(`${date}T03:07:00Z`, String(4000 + day), status), { markdown: 'm' });
    }
    const pack = await runAudit(new LocalEvidenceSource(join(dir, 'reports')), {
      environment: 'production',
      period: resolvePeriod({ period: 'last-month' }, new Date('2026-08-15T00:00:00Z')),
      schedule: '0 3 * * *',
      toleranceMinutes: 180,
      retentionYears: 7,
      checkRetention: false,
      now: new Date('2026-08-15T00:00:00Z'),
      toolVersion: '0.1.0',
    });
    page = join(dir, 'audit.html');
    await writeFile(page, renderAuditHtml(pack));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders the pack and runs no script', async () => {
    const { stdout } = await run(
      chromium,
      [...FLAGS, `--user-data-dir=${join(dir, 'p1')}`, '--dump-dom', `file://${page}`],
      {
        timeout: 60_000,
      },
    );
    expect(stdout).toContain('Schema drift audit of production');
    expect(stdout).toContain('incomplete: gaps or open incidents');
    expect(stdout).toContain('no report for the run scheduled at 2026-07-12T03:00:00Z');
    // An incomplete pack opens with what to do and claims no controls.
    expect(stdout).toContain('What to do');
    expect(stdout).toContain('Nothing can be claimed from this pack');
    expect(stdout).not.toContain('CC7.2 Monitoring for anomalies');
    expect(stdout).not.toMatch(/<script/i);
  });

  it('prints to PDF and takes a screenshot, both kept as test artifacts', async () => {
    await mkdir(artifacts, { recursive: true });
    const pdf = join(artifacts, 'audit-pack.pdf');
    const png = join(artifacts, 'audit-pack.png');
    await rm(pdf, { force: true });
    await rm(png, { force: true });
    await run(
      chromium,
      [
        ...FLAGS,
        `--user-data-dir=${join(dir, 'p2')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${page}`,
      ],
      {
        timeout: 60_000,
      },
    );
    await run(
      chromium,
      [
        ...FLAGS,
        `--user-data-dir=${join(dir, 'p3')}`,
        '--window-size=1280,1600',
        `--screenshot=${png}`,
        `file://${page}`,
      ],
      { timeout: 60_000 },
    );
    const pdfBytes = await readFile(pdf);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // One page per section (print stylesheet): more than one page.
    expect((pdfBytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(2);
    const pngBytes = await readFile(png);
    expect(pngBytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
