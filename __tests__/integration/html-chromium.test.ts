/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report opened as people open it: Debian's headless Chromium, driven through puppeteer-core so the layout
// can be measured. At a phone's width (390 px) and a laptop's (1280 px), and in the print layout, no table header
// or identifier is split inside a word and nothing is wider than the page; hostile names stay text and nothing
// executes. Screenshots and PDFs (A4 and Letter) are kept in test-artifacts/ for a person to look at.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StructureDifference } from '../../src/drift/structure.js';
import { buildFleetReport, summarizeTarget } from '../../src/fleet/fleet-report.js';
import type { FleetReport } from '../../src/fleet/model.js';
import { renderHtml } from '../../src/report/html.js';
import type { Report } from '../../src/report/model.js';
import { fleetDocument } from '../../src/report/presentation/fleet-document.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { pending, reportFor, structureWith, versionSection } from '../report/fixtures.js';
import { chromiumPath, chromiumUnavailable } from '../support/real-parts.js';

const chromium = chromiumPath;
const missing = chromiumUnavailable();

const artifacts = resolve(import.meta.dirname, '../../test-artifacts');
const hostile = `evil"<script>document.title='pwned'</script>|x`;
// The flags Chromium needs here as root on a closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The printable width of A4 (210 mm) and Letter (8.5 in) inside the report's 14 mm side margins, in CSS px. */
const PRINT_WIDTHS = { a4: Math.floor(((210 - 28) / 25.4) * 96), letter: Math.floor(((215.9 - 28) / 25.4) * 96) };

const KINDS: [StructureDifference['kind'], StructureDifference['severity'], string][] = [
  ['column', 'breaking', 'ALTER TABLE public.{t} ALTER COLUMN {c} TYPE character varying(255);'],
  ['index', 'breaking', 'CREATE INDEX CONCURRENTLY ix_{t}_{c}_created_at ON public.{t} USING btree ({c}, created_at);'],
  ['privilege', 'security', 'GRANT SELECT, INSERT, UPDATE ON public.{t} TO reporting_readonly_role;'],
  [
    'constraint',
    'breaking',
    'ALTER TABLE public.{t} ADD CONSTRAINT fk_{t}_{c}_organization_id FOREIGN KEY ({c}) REFERENCES public.organizations (id) ON DELETE CASCADE;',
  ],
  [
    'policy',
    'security',
    "CREATE POLICY tenant_isolation_{t} ON public.{t} USING ((organization_id = (current_setting('app.current_organization_id'::text))::integer));",
  ],
  [
    'column',
    'cosmetic',
    "COMMENT ON COLUMN public.{t}.{c} IS 'Date the credential expires; reminders are sent 30, 14 and 1 days before';",
  ],
];

/** 200 differences as a real catalog drift looks: many tables, long names, every severity, multi-line SQL. */
function longStructure() {
  const differences: StructureDifference[] = Array.from({ length: 200 }, (_, i) => {
    const [kind, severity, sql] = KINDS[i % KINDS.length]!;
    const t = ['provider_credentials', 'license_renewal_reminders', 'documents', 'audit_events_2025'][i % 4]!;
    const c = ['expires_at', 'issuing_state_board_identifier', 'organization_id', 'npi'][i % 3]!;
    const fix = sql.replaceAll('{t}', t).replaceAll('{c}', c);
    return {
      change: (['missing', 'unexpected', 'changed'] as const)[i % 3]!,
      kind,
      object: `public.${t}_${i}.${c}`,
      path: ['public', `${t}_${i}`, c],
      attribute: i % 3 === 2 ? 'data_type' : null,
      expected: i % 2 === 0 ? 'timestamp with time zone' : null,
      actual: i % 5 === 0 ? "nextval('provider_credentials_id_seq'::regclass)" : 'text',
      severity,
      fix_sql: i % 7 === 0 ? `BEGIN;\n${fix}\n${fix.replace('public.', 'archive.')}\nCOMMIT;` : fix,
      safety: (['safe', 'locks', 'destructive'] as const)[i % 3]!,
      possible_rename: i % 11 === 0 ? `public.${t}_${i}.${c}_old` : null,
    };
  });
  const counts = { security: 0, breaking: 0, cosmetic: 0 };
  for (const d of differences) counts[d.severity]++;
  return structureWith({
    // A stored baseline's key: one long word in a sentence, which must neither split nor widen the page.
    expected_source: 'baseline',
    expected_location:
      's3://acme-schema-drift-evidence/schema-drift/production/2025/12/31/2025-12-31T19-05-18Z-12345678.snapshot.json',
    summary: `200 differences (${counts.security} security, ${counts.breaking} breaking, ${counts.cosmetic} cosmetic)`,
    differences,
    counts,
    ignored: [
      {
        object: 'public.audit_*',
        kind: 'table',
        attribute: null,
        reason: 'partitions managed by pg_partman',
        expires: '2026-06-30',
      },
    ],
  });
}

const REPORTS: Record<string, () => Report> = {
  drift: () =>
    reportFor('behind', {
      version: versionSection('behind', {
        pending: [
          pending('20251229_1200', '20251229_0800', { message: 'Add licenses table' }),
          pending('20251230_0915_add_renewal_reminder_schedule', '20251229_1200', {
            message: 'Add the renewal reminder schedule and backfill it for every active provider credential',
          }),
          pending(hostile, '20251230_0915_add_renewal_reminder_schedule', { message: hostile }),
        ],
      }),
      structure: structureWith(),
      findings: [
        {
          severity: 'warning',
          kind: 'multiple-heads',
          message: 'the repository has 2 heads: 20251230_1900, a1b2c3d4e5f6',
          file: 'migrations/versions/20251230_1900_add_renewal_reminders.py',
          line: 14,
        },
      ],
    }),
  structure: () => reportFor('synced', { structure: longStructure() }),
  error: () =>
    reportFor('synced', {
      version: null,
      databaseVersions: null,
      error: {
        stage: 'database',
        message:
          'Lambda rds-sql-api failed: FunctionError Unhandled: Task timed out after 30.00 seconds while running ' +
          'SELECT version_num FROM public.alembic_version (request 6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8)',
      },
    }),
};

/** 150 tenants as a fleet run reports them: 3 errors (one quoting a hostile name), 20 behind, the rest in sync. */
function fleetOf150(): FleetReport {
  const targets = Array.from({ length: 150 }, (_, i) => {
    const name = i === 42 ? hostile : `tenants.tenant_${String(i).padStart(4, '0')}_acme_health_partners_east`;
    const report =
      i < 3
        ? reportFor('error', { error: { stage: 'database', message: `connection to ${name} refused (ECONNREFUSED)` } })
        : i < 23
          ? reportFor('behind')
          : reportFor('synced');
    const location = `s3://acme-schema-drift-evidence/schema-drift/production/${name}/2025/12/31/2025-12-31T19-05-18Z-12345678.json`;
    return summarizeTarget({ name, environment: 'production', entry: 'tenants' }, report, {
      location,
      sha256: 'a'.repeat(64),
    });
  });
  return buildFleetReport({
    now: new Date('2025-12-31T19:05:18Z'),
    run: reportFor('synced').run,
    config: '.schema-drift.yml',
    targets,
    discovered: targets.map((t) => t.name),
    errors: [],
    shards: null,
  });
}

interface Layout {
  pageOverflow: number;
  splitWords: string[];
  headerCells: number;
  codeElements: number;
  scrollingTables: number;
  /** Tables and SQL wider than their box with no cue (an edge shadow that moves with the scroll) that they scroll. */
  uncuedScrollers: number;
  title: string;
  badge: { text: string; background: string };
}

/** Measures the page as laid out: what is wider than the page, and which words of headers, code or SQL are split. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const split: string[] = [];
    for (const element of document.querySelectorAll('th, code, pre, td.security, td.breaking, td.cosmetic')) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(word[0]);
        }
      }
    }
    const root = document.documentElement;
    return {
      pageOverflow: root.scrollWidth - root.clientWidth,
      splitWords: split,
      headerCells: document.querySelectorAll('th').length,
      codeElements: document.querySelectorAll('code').length,
      scrollingTables: [...document.querySelectorAll('.scroll')].filter((s) => s.scrollWidth > s.clientWidth).length,
      uncuedScrollers: [...document.querySelectorAll('.scroll, pre')].filter((s) => {
        if (s.scrollWidth <= s.clientWidth) return false;
        const style = getComputedStyle(s);
        return style.backgroundImage === 'none' || !style.backgroundAttachment.includes('local');
      }).length,
      badge: (() => {
        const style = getComputedStyle(document.querySelector('.badge') as Element);
        return { text: style.color, background: style.backgroundColor };
      })(),
      title: document.title,
    };
  });
}

describe.skipIf(missing)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sda-html-'));
    await mkdir(artifacts, { recursive: true });
    for (const [name, report] of Object.entries(REPORTS)) {
      // Kept beside the screenshots, so a person can open the page that was measured.
      files[name] = join(artifacts, `report-${name}.html`);
      await writeFile(files[name]!, renderHtml(reportDocument(report())));
    }
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ARGS,
      userDataDir: join(dir, 'profile'),
      timeout: 60_000,
    });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(name: string, width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.emulateMediaType(media);
    await page.setViewport({ width, height: 900 });
    await page.goto(`file://${files[name]}`, { waitUntil: 'load' });
    return page;
  }

  describe.each(Object.keys(REPORTS))('the %s report', (name) => {
    it.each([390, 1280])(
      'at %i px: no header or identifier split inside a word, nothing wider than the page',
      async (width) => {
        const page = await open(name, width);
        try {
          const layout = await measure(page);
          await page.screenshot({ path: join(artifacts, `report-${name}-${width}.png`), fullPage: true });
          expect(layout.title).toMatch(/^schema-drift: production: /);
          expect(layout.headerCells).toBeGreaterThan(0);
          expect(layout.codeElements).toBeGreaterThan(0);
          expect(layout.splitWords).toEqual([]);
          expect(layout.pageOverflow).toBe(0);
          // The state's word is written in another colour than its badge (an "error" badge once hid its word).
          expect(layout.badge.text).not.toBe(layout.badge.background);
          // On a phone the wide tables scroll inside the page instead of squeezing their words.
          if (width === 390 && name !== 'error') expect(layout.scrollingTables).toBeGreaterThan(0);
          // …and show that they do: a shadow at the edge that has more to see.
          expect(layout.uncuedScrollers).toBe(0);
          // On a laptop, realistic names fit without scrolling (the drift report's hostile names may scroll).
          if (width === 1280 && name === 'structure') expect(layout.scrollingTables).toBe(0);
        } finally {
          await page.close();
        }
      },
      60_000,
    );

    it.each(Object.entries(PRINT_WIDTHS))(
      'prints on %s: nothing split or cut off, link targets written out',
      async (paper, width) => {
        const page = await open(name, width, 'print');
        try {
          const layout = await measure(page);
          expect(layout.splitWords).toEqual([]);
          expect(layout.pageOverflow).toBe(0);
          const linkTargets = await page.evaluate(() =>
            [...document.querySelectorAll('a[href]')].map((a) => getComputedStyle(a, '::after').content),
          );
          expect(linkTargets).toHaveLength(1);
          expect(linkTargets[0]).toContain('https://github.com/acme/credentialmate/actions/runs/12345678');
          const pdf = await page.pdf({ format: paper === 'a4' ? 'A4' : 'Letter', printBackground: true });
          await writeFile(join(artifacts, `report-${name}-${paper}.pdf`), pdf);
          expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
          const pages =
            Buffer.from(pdf)
              .toString('latin1')
              .match(/\/Type\s*\/Page\b/g)?.length ?? 0;
          // Every section that is not read first starts a page of its own.
          const own = reportDocument(REPORTS[name]!()).sections.filter((s) => !s.lead).length;
          expect(pages).toBeGreaterThanOrEqual(1 + own);
        } finally {
          await page.close();
        }
      },
      60_000,
    );
  });

  it('follows dark mode: dark page, light text, severity still coloured and named', async () => {
    const page = await browser.newPage();
    try {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`file://${files.drift}`, { waitUntil: 'load' });
      const colours = await page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        security: getComputedStyle(document.querySelector('td.security') as Element).color,
        word: document.querySelector('td.security')?.textContent,
      }));
      await page.screenshot({ path: join(artifacts, 'report-drift-1280-dark.png'), fullPage: true });
      expect(colours).toEqual({
        background: 'rgb(13, 17, 23)',
        text: 'rgb(230, 237, 243)',
        security: 'rgb(248, 81, 73)',
        word: 'security',
      });
    } finally {
      await page.close();
    }
  }, 60_000);

  it.each([390, 1280])(
    'renders a fleet report of 150 targets at %i px: one table, worst first, nothing split or wider than the page',
    async (width) => {
      const fleet = fleetOf150();
      const file = join(artifacts, 'fleet-report.html');
      await writeFile(file, renderHtml(fleetDocument(fleet, { environment: 'production' })));
      const page = await browser.newPage();
      try {
        await page.setJavaScriptEnabled(false);
        await page.setViewport({ width, height: 900 });
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        const layout = await measure(page);
        await page.screenshot({ path: join(artifacts, `fleet-report-${width}.png`), fullPage: true });
        expect(layout.title).toBe('schema-drift: production fleet: 20 of 150 targets drifted, 3 target errors');
        expect(layout.splitWords).toEqual([]);
        expect(layout.pageOverflow).toBe(0);
        if (width === 390) expect(layout.scrollingTables).toBeGreaterThan(0);
        const rows = await page.$$eval('table', (tables) =>
          tables.map((t) => [...t.querySelectorAll('tbody tr')].map((r) => r.querySelector('td code')?.textContent)),
        );
        const targets = rows.find((r) => r.length >= 100) ?? [];
        expect(targets.slice(0, 3)).toEqual(fleet.targets.slice(0, 3).map((t) => t.name));
        expect(targets).toContain(hostile);
        expect(await page.$$eval('script', (s) => s.length)).toBe(0);
        expect(await page.title()).not.toBe('pwned');
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('keeps hostile names as text and runs no script, even with JavaScript on', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`file://${files.drift}`, { waitUntil: 'load' });
      expect(await page.title()).not.toBe('pwned');
      expect(await page.$$eval('script', (s) => s.length)).toBe(0);
      const cells = await page.$$eval('td code', (codes) => codes.map((c) => c.textContent));
      expect(cells).toContain(hostile);
      const written = await readFile(files.drift!, 'utf8');
      expect(written).toContain('evil&quot;&lt;script&gt;');
    } finally {
      await page.close();
    }
  }, 60_000);
});
