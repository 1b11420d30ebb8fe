import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { prose, type Section, type Text } from '../../src/report/presentation/document.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { renderText } from '../../src/report/text.js';
import { pending, reportFor, structureWith, versionSection } from './fixtures.js';

/** The characters of a piece of text. */
function plainText(text: Text): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('code' in part) return part.code;
      if ('strong' in part) return plainText(part.strong);
      if ('absent' in part) return part.absent;
      return part.link;
    })
    .join('');
}

const graceOff = versionSection('behind', {
  pending: [pending('r1', 'r0', { added_at: null }), pending('r2', 'r1', { added_at: null })],
});

function sectionIds(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [s.id, ...sectionIds(s.blocks.filter((b): b is Section => b.type === 'section'))]);
}

function tableOf(report: Report, id: string) {
  const section = reportDocument(report).sections.find((s) => s.id === id);
  const table = section?.blocks.find((b) => b.type === 'table');
  if (table?.type !== 'table') throw new Error(`no table in ${id}`);
  return table;
}

describe('a table renamed or moved', () => {
  const moved = (possible_rename: string | null, possible_move: string | null) =>
    renderMarkdown(
      reportDocument(
        reportFor('synced', {
          structure: structureWith({
            differences: [
              {
                change: 'missing',
                kind: 'table',
                object: 'public.orders',
                path: ['public', 'orders'],
                attribute: null,
                expected: 'table',
                actual: 'table',
                severity: 'breaking',
                fix_sql: 'ALTER TABLE archive.orders SET SCHEMA public;',
                safety: 'locks',
                possible_rename,
                possible_move,
              },
            ],
          }),
        }),
      ),
    );

  it('says where the table is in the database, and whether it was moved, renamed or both', () => {
    expect(moved(null, 'archive.orders')).toContain('(possibly moved: in the database as `archive.orders`)');
    expect(moved('public.old_orders', null)).toContain('(possibly renamed: in the database as `public.old_orders`)');
    expect(moved('archive.old', 'archive.old')).toContain(
      '(possibly renamed and moved: in the database as `archive.old`)',
    );
  });
});

describe('reportDocument', () => {
  it('orders a drift report: error and advice first (printed with the facts), then the details, by severity', () => {
    const report = reportFor('behind', {
      structure: structureWith(),
      findings: [{ severity: 'warning', kind: 'multiple-heads', message: 'two heads' }],
    });
    const document = reportDocument(report);
    expect(document.title).toBe('production: behind by 3 migrations; schema drifted (2 differences, 1 security)');
    expect(document.state).toBe('drift');
    expect(document.facts.map((f) => f.label)).toEqual([
      'Status',
      'Environment',
      'Codebase head',
      'Production version',
      'Database',
      'Migrations',
      'Version table',
      'Pending',
      'Structure',
      'Checked at',
    ]);
    expect(sectionIds(document.sections)).toEqual([
      'what-to-do',
      'pending',
      'structure',
      'structure-security',
      'structure-breaking',
      'findings',
      'findings-warning',
    ]);
    expect(document.sections.filter((s) => s.lead).map((s) => s.id)).toEqual(['what-to-do']);
  });

  it('puts the error first and marks it, and names no verdict', () => {
    const document = reportDocument(
      reportFor('synced', { version: null, error: { stage: 'database', message: 'refused' } }),
    );
    expect(document.state).toBe('error');
    expect(document.sections.map((s) => [s.id, s.lead, s.mark])).toEqual([
      ['error', true, 'error'],
      ['what-to-do', true, undefined],
    ]);
  });

  it('leaves out the Added column when pending-grace is off (no row knows when it was added)', () => {
    const report = reportFor('behind', { version: graceOff });
    expect(tableOf(report, 'pending').columns.map((c) => c.title)).toEqual(['Revision', 'Message', 'File']);
    expect(renderMarkdown(reportDocument(report))).toContain('| # | Revision | Message | File |\n|---:|---|---|---|\n');
    const html = renderHtml(reportDocument(report));
    expect(html).not.toContain('>Added<');
    expect(html).not.toContain('unknown');
    expect(renderText(reportDocument(report))).not.toContain('Added');
  });

  it('keeps the Added column when some row knows, saying "unknown" for the others', () => {
    const table = tableOf(reportFor('behind'), 'pending');
    expect(table.columns.map((c) => c.title)).toEqual(['Revision', 'Message', 'File', 'Added']);
    expect(table.rows.map((row) => plainText(row[3] ?? []))).toEqual([
      '2025-12-30T10:00:00Z',
      '2025-12-30T10:00:00Z',
      'unknown',
    ]);
  });

  it('turns the backticks of our own advice into code, never into literal backticks', () => {
    expect(prose('run `alembic upgrade head` now')).toEqual([
      'run ',
      { code: 'alembic upgrade head', quote: true },
      ' now',
    ]);
    const document = reportDocument(reportFor('behind'));
    const advice = document.sections.find((s) => s.id === 'what-to-do');
    expect(JSON.stringify(advice)).not.toContain('`');
  });

  it('names the report location only when it is given', () => {
    const report = reportFor('synced');
    expect(reportDocument(report).footer.map((f) => f.label)).toEqual(['', 'Commit', 'Trigger', '', 'Fingerprint']);
    expect(reportDocument(report, { reportLocation: 's3://b/k.json' }).footer.map((f) => f.label)).toContain('Report');
  });
});

describe('the renderers', () => {
  it.each(['markdown.ts', 'text.ts', 'html.ts'])(
    '%s reads only the presentation document, never the report',
    async (file) => {
      const source = await readFile(resolve(import.meta.dirname, '../../src/report', file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports).not.toContain('./model.js');
      expect(imports).not.toContain('./presentation/report-document.js');
      expect(source).not.toMatch(/\bReport\b/);
    },
  );
});
