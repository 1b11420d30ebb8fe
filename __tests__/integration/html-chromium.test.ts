// The HTML report opened in a real browser (Debian's headless Chromium): it renders, hostile names stay text, nothing
// executes, and a screenshot is kept in test-artifacts/ for a person to look at.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { pending, reportFor, structureWith, versionSection } from '../report/fixtures.js';
import { realPartsRequired } from '../support/real-parts.js';

const run = promisify(execFile);
const chromium = process.env.SCHEMA_DRIFT_CHROMIUM ?? '/usr/bin/chromium';
const missing = existsSync(chromium) ? null : `${chromium} not found (Debian package chromium)`;
if (missing && realPartsRequired) throw new Error(`Chromium unavailable: ${missing}`);
if (missing) console.warn(`skipping the browser test: ${missing}`);

const artifacts = resolve(import.meta.dirname, '../../test-artifacts');
const hostile = `evil"<script>document.title='pwned'</script>|x`;
// The flags Chromium needs here as root on a closed network.
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

describe.skipIf(missing)('the HTML report in headless Chromium', () => {
  let dir: string;
  let page: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sda-html-'));
    page = join(dir, 'report.html');
    const report = {
      ...reportFor('behind', {
        version: versionSection('behind', {
          pending: [
            pending('20251229_1200', '20251229_0800', { message: 'Add licenses table' }),
            pending(hostile, '20251229_1200', { message: hostile }),
          ],
        }),
      }),
      structure: structureWith(),
    };
    await writeFile(page, renderHtml(reportDocument(report)));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders the report with hostile names as text and runs no script', async () => {
    const { stdout } = await run(
      chromium,
      [...FLAGS, `--user-data-dir=${join(dir, 'profile-dom')}`, '--dump-dom', `file://${page}`],
      {
        timeout: 60_000,
      },
    );
    expect(stdout).toContain('Pending migrations (2, in apply order)');
    expect(stdout).toContain('GRANT SELECT ON public.documents TO reporting;');
    // Had the planted script run, it would have replaced the title.
    expect(stdout).toMatch(/<title>schema-drift: [^<]*<\/title>/);
    expect(stdout).not.toContain('<title>pwned</title>');
    expect(stdout).not.toMatch(/<script/i);
    expect(stdout).toContain('evil"&lt;script&gt;');
  });

  it('takes a screenshot kept as a test artifact', async () => {
    await mkdir(artifacts, { recursive: true });
    const png = join(artifacts, 'report-html.png');
    await rm(png, { force: true });
    await run(
      chromium,
      [
        ...FLAGS,
        `--user-data-dir=${join(dir, 'profile-shot')}`,
        '--window-size=1280,1400',
        `--screenshot=${png}`,
        `file://${page}`,
      ],
      { timeout: 60_000 },
    );
    const bytes = await readFile(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(20_000);
  });
});
