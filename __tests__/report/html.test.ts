import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml as renderDocument } from '../../src/report/html.js';
import type { Report } from '../../src/report/model.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { hostileName as hostile, pending, reportFor, structureWith, versionSection } from './fixtures.js';

const renderHtml = (report: Report) => renderDocument(reportDocument(report));
/** The page without the spans that keep each word of code whole, to read its text. */
const unspanned = (html: string) => html.replace(/<\/?span>/g, '');

describe('renderHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('is one self-contained document: no scripts, no external assets, a CSP that forbids loading anything', () => {
    const html = renderHtml({ ...reportFor('behind'), structure: structureWith() });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://github.com/acme/credentialmate/actions/runs/12345678']);
  });

  it('shows the verdict, the pending migrations in order, and the structure differences with fix-up SQL', () => {
    const html = renderHtml({ ...reportFor('behind'), structure: structureWith() });
    expect(html).toContain('<span class="badge drift">drift</span>');
    const list = html.slice(html.indexOf('<h2>Pending migrations (3, in apply order)</h2>'));
    const order = ['20251229_1200', '20251230_0900', '20251230_1900'].map((id) => list.indexOf(`<code>${id}</code>`));
    expect(order[0]).toBeGreaterThan(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('<h2>Structure: drifted</h2>');
    expect(unspanned(html)).toContain('<pre>GRANT SELECT ON public.documents TO reporting;</pre>');
    expect(html).toContain('<td class="security">security</td>');
  });

  it('escapes hostile names from the repository and the database everywhere', () => {
    const report: Report = {
      ...reportFor('behind', {
        version: versionSection('behind', {
          pending: [pending(hostile, 'r1', { message: hostile, file: `versions/${hostile}.py` })],
        }),
        environment: 'production',
      }),
      structure: structureWith(),
    };
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('x&quot;&lt;script&gt;alert(1)&lt;/script&gt;|`\n&#39;&amp;');
  });

  it('never links a run URL that is not http(s)', () => {
    const base = reportFor('synced');
    const html = renderHtml({ ...base, run: { ...base.run, run_url: 'javascript:alert(1)' } });
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('href=');
  });

  it('says what an error means instead of a verdict', () => {
    const html = renderHtml(reportFor('error', { error: { stage: 'database', message: 'Could not connect to x' } }));
    expect(html).toContain('<span class="badge error">error</span>');
    expect(html).toContain(
      '<h2 class="error">Error</h2>\n<p>The <strong>database</strong> stage failed: the database could not be reached or queried.</p>\n<blockquote>Could not connect to x</blockquote>',
    );
  });
});

describe('renderHtml for reading and printing', () => {
  const html = renderHtml({ ...reportFor('behind'), structure: structureWith() });

  it('shows our advice with code as <code>, never raw Markdown backticks', () => {
    expect(unspanned(html)).toContain('run <code class="words">alembic upgrade head</code> against this database');
    const body = html.slice(html.indexOf('<body>'));
    expect(body.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[^<]*<\/code>/g, '')).not.toContain('`');
  });

  it('says severity in words and in colour, and groups differences under a marked heading', () => {
    expect(html).toContain('<h3 class="security">Security (1)</h3>');
    expect(html).toContain('<td class="breaking">breaking</td>');
    expect(html).toMatch(/\.security\{color:var\(--security\)\}/);
  });

  it('keeps table headers and identifiers whole: tables scroll, headers and code do not wrap, SQL wraps at spaces only', () => {
    expect(html).toContain('.scroll{overflow-x:auto');
    expect(html).toMatch(/th\{[^}]*white-space:nowrap/);
    expect(html).toMatch(/th,td\{[^}]*overflow-wrap:normal;word-break:normal/);
    expect(html).toMatch(/pre\{[^}]*white-space:pre-wrap;overflow-wrap:normal;word-break:normal/);
    expect(html).not.toContain('overflow-wrap:anywhere;}');
    expect(html.match(/<table/g)?.length).toBe(html.match(/<div class="scroll"><table/g)?.length);
    // Browsers also break after "-" and "/": each word of code and SQL is a span that cannot break.
    expect(html).toContain('<code class="words"><span>alembic</span> <span>upgrade</span> <span>head</span></code>');
    expect(html).toContain('<code>.schema-drift.yml</code>');
    expect(html).toContain('<pre><span>GRANT</span> <span>SELECT</span> <span>ON</span> <span>public.documents</span>');
    expect(html).toMatch(
      /code\{white-space:nowrap\}code\.words\{white-space:normal\}code\.words>span,pre>span\{white-space:nowrap\}/,
    );
  });

  it('prints on A4 and Letter: page breaks between sections, link targets written out, light colours', () => {
    expect(html).toContain('@page{margin:16mm 14mm}');
    expect(html).not.toMatch(/@page\{[^}]*size:/);
    const print = html.slice(html.indexOf('@media print{'));
    expect(print).toContain('main>section:not(.lead){break-before:page}');
    expect(print).toContain('a[href]::after{content:" <" attr(href) ">"');
    expect(print).toContain('thead{display:table-header-group}');
  });

  it('follows the reader’s dark mode', () => {
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('@media (prefers-color-scheme:dark){:root{');
  });

  it('shows the whole fix-up SQL, which the Markdown and email cut at 2,000 characters', () => {
    const body = Array.from({ length: 300 }, (_, i) => `  PERFORM step_${i}();`).join('\n');
    const difference = { ...structureWith().differences[1]!, fix_sql: `CREATE FUNCTION f() AS $$\n${body}\n$$;` };
    const page = renderHtml(reportFor('synced', { structure: structureWith({ differences: [difference] }) }));
    expect(unspanned(page)).toContain('  PERFORM step_299();\n$$;</pre>');
    expect(page).not.toContain('more characters in the JSON report');
  });
});
