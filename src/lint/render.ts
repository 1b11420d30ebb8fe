// The "Migration safety" section of the pull-request check (check run summary, sticky comment, job summary): one
// Markdown block from the lint section alone, so any renderer can place it.
import type { Severity } from '../migrations/finding.js';
import { code, escapeMarkdown } from '../report/markdown.js';
import type { LintSection } from './lint.js';
import { describeSize } from './table-sizes.js';

const ICONS: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const ORDER: Severity[] = ['error', 'warning', 'notice'];

/** Markdown lines of the section; at most `limit` findings and ignores are listed. */
export function renderMigrationSafety(section: LintSection, limit: number): string[] {
  const { error, warning, notice } = section.counts;
  const n = section.migrations;
  const out = [
    `#### Migration safety (${n} migration${n === 1 ? '' : 's'}: ${count(error, 'error')}, ${count(warning, 'warning')}, ${count(notice, 'notice')})`,
    '',
  ];
  out.push(
    section.production.read
      ? `Graded by production table sizes (${escapeMarkdown(section.production.source)}): an error at ${largeText(section)} or more, a warning below, a notice for tables production does not have yet.`
      : `> **Note:** not graded by production table sizes: ${escapeMarkdown(section.production.reason)}; each rule's default severity is used.`,
  );
  const findings = ORDER.flatMap((s) => section.findings.filter((f) => f.severity === s));
  if (findings.length === 0) out.push('', n === 0 ? 'No new or changed migrations.' : 'No risky operations found.');
  else {
    out.push('', '| | Rule | Where | Table in production | Finding |', '|---|---|---|---|---|');
    for (const f of findings.slice(0, limit)) {
      const size = f.bytes === null ? (f.table === null ? '' : escapeMarkdown(f.table)) : tableCell(f);
      const where = code(f.line === null ? f.file : `${f.file}:${f.line}`);
      out.push(`| ${ICONS[f.severity]} | ${code(f.kind)} | ${where} | ${size} | ${prose(f.message)} |`);
    }
    if (findings.length > limit) out.push('', `… and ${findings.length - limit} more`);
  }
  if (section.ignored.length > 0) {
    out.push('', `Ignored (${section.ignored.length}):`, '');
    for (const i of section.ignored.slice(0, limit)) {
      const until = i.expires ? ` (until ${i.expires})` : '';
      out.push(`- ${code(i.rule)} at ${code(`${i.file}:${i.line}`)}${until}: ${escapeMarkdown(i.reason)}`);
    }
  }
  out.push('', 'Each rule, its lock and the safe pattern: `docs/lint-rules.md`.');
  return out;
}

function tableCell(f: LintSection['findings'][number]): string {
  return `${code(f.table ?? '')} ${describeSize({ rows: f.rows, bytes: f.bytes ?? 0 })}`;
}

function largeText(section: LintSection): string {
  const parts: string[] = [];
  if (section.large_table.rows !== null) parts.push(`${section.large_table.rows.toLocaleString('en-US')} rows`);
  if (section.large_table.bytes !== null)
    parts.push(describeSize({ rows: null, bytes: section.large_table.bytes }).split(', ')[1] ?? '');
  return parts.join(' or ');
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Messages quote names in backticks; keep those as code spans and escape the rest (table cells included).
function prose(message: string): string {
  return message
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : escapeMarkdown(part)))
    .join('');
}
