// Job-summary Markdown. Everything that comes from the repository or the database is escaped so it can neither
// break a table nor inject HTML; lists are cut to fit GitHub's size limits.
import type { AttrValue } from '../catalog/model.js';
import type { StructureDifference, Severity as StructureSeverity } from '../drift/structure.js';
import type { Finding, Severity } from '../migrations/finding.js';
import { clip, DEFAULT_MARKDOWN_MAX_BYTES, fitToBudget } from './limits.js';
import type { PendingRevision, Report, StructureSection } from './model.js';
import {
  attrText,
  bySeverity,
  differenceTitle,
  errorMeaning,
  fixSqlLines,
  headline,
  oneLine,
  STRUCTURE_SEVERITY_TITLES,
  statsText,
  structureBySeverity,
  structureStateExplanation,
  whatToDo,
} from './text.js';

const LIST_CAPS = { pending: 1000, unknown: 200, findings: 100, differences: 500, notices: 100, ignored: 200 } as const;
const VALUE_MAX_CHARS = 300;
const ERROR_MAX_CHARS = 4000;

const ICONS = { synced: '✅', drift: '❌', error: '🛑' } as const;
const SEVERITY_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', notice: 'Notices' };

/** Job-summary Markdown; at most `maxLength` UTF-8 bytes (so also characters), cutting lists with "… and N more". */
export function renderMarkdown(report: Report, options: { maxLength?: number } = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_BYTES;
  const largest = Math.max(...Object.values(LIST_CAPS));
  return fitToBudget((limit) => markdownWithLimit(report, limit), largest, maxLength);
}

function markdownWithLimit(report: Report, limit: number): string {
  const v = report.version;
  const out: string[] = [`## ${ICONS[report.status] ?? ''} ${escapeMarkdown(headline(report))}`, ''];

  const s = report.structure;
  const states = [
    v === null ? null : escapeMarkdown(v.state),
    s === null ? null : `structure ${escapeMarkdown(s.state)}`,
  ];
  const shownStates = states.filter((state) => state !== null);
  const facts: [string, string][] = [
    ['Status', `**${report.status}**${shownStates.length > 0 ? ` (${shownStates.join(', ')})` : ''}`],
    ['Environment', code(report.environment)],
    ['Codebase head', idList(report.codebase_head)],
    ['Production version', idList(report.production_version)],
    ['Database', code(report.source.database)],
    ['Migrations', `${code(report.source.migrations)} (${plural(report.source.revisions, 'revision')})`],
  ];
  if (v !== null) {
    facts.push(['Version table', code(v.version_table)]);
    if (v.pending.length > 0) facts.push(['Pending', String(v.pending.length)]);
    if (v.unknown.length > 0) facts.push(['Unknown', String(v.unknown.length)]);
  }
  if (s !== null) facts.push(['Structure', escapeMarkdown(s.summary)]);
  facts.push(['Checked at', escapeMarkdown(report.timestamp)]);
  out.push('| | |', '|---|---|');
  for (const [label, value] of facts) out.push(`| ${label} | ${value} |`);

  if (report.error !== null) {
    out.push('', '### Error', '');
    out.push(
      `The **${escapeMarkdown(report.error.stage)}** stage failed: ${escapeMarkdown(errorMeaning(report.error.stage))}.`,
    );
    out.push('');
    out.push(`> ${escapeMarkdown(clip(report.error.message, ERROR_MAX_CHARS))}`);
  }

  out.push('', '### What to do', '');
  for (const line of whatToDo(report)) out.push(escapeAdvice(line), '');
  out.pop();

  if (v !== null && v.pending.length > 0) {
    out.push('', `### Pending migrations (${v.pending.length}, in apply order)`, '');
    out.push('| # | Revision | Message | File | Added |', '|---:|---|---|---|---|');
    const shown = v.pending.slice(0, Math.min(limit, LIST_CAPS.pending));
    shown.forEach((p, i) => {
      out.push(
        `| ${i + 1} | ${code(p.revision)} | ${escapeMarkdown(p.message)} | ${code(`${p.file}:${p.line}`)} | ${added(p)} |`,
      );
    });
    more(out, v.pending.length - shown.length);
  }

  if (v !== null && v.unknown.length > 0) {
    out.push('', `### Unknown revisions (${v.unknown.length}: in the database, not in the repository)`, '');
    const shown = v.unknown.slice(0, Math.min(limit, LIST_CAPS.unknown));
    for (const id of shown) out.push(`- ${code(id)}`);
    more(out, v.unknown.length - shown.length);
  }

  if (s !== null) structureMarkdown(out, s, limit);

  if (report.findings.length > 0) {
    out.push('', `### Findings (${report.findings.length})`);
    const shown = bySeverity(report.findings).slice(0, Math.min(limit, LIST_CAPS.findings));
    let current: Severity | null = null;
    for (const f of shown) {
      if (f.severity !== current) {
        current = f.severity;
        const total = report.findings.filter((x) => x.severity === current).length;
        out.push('', `#### ${SEVERITY_TITLES[current] ?? escapeMarkdown(current)} (${total})`, '');
      }
      out.push(`- **${escapeMarkdown(f.kind)}** ${escapeMarkdown(f.message)}${where(f)}`);
    }
    more(out, report.findings.length - shown.length);
  }

  out.push('', '---', '', footer(report));
  return `${out.join('\n')}\n`;
}

function structureMarkdown(out: string[], s: StructureSection, limit: number): void {
  out.push('', `### Structure: ${escapeMarkdown(s.state)}`, '');
  const location = s.expected_location === null ? '' : ` ${code(s.expected_location)}`;
  const about = [`Expected from **${escapeMarkdown(s.expected_source)}**${location}`];
  if (s.expected_fingerprint !== null || s.actual_fingerprint !== null) {
    about.push(
      `fingerprints: expected ${shortHash(s.expected_fingerprint)}, actual ${shortHash(s.actual_fingerprint)}`,
    );
  }
  if (s.stats !== null) about.push(`catalog read in ${escapeMarkdown(statsText(s.stats))}`);
  out.push(`${about.join(' · ')}.`);
  const explanation = structureStateExplanation(s);
  if (explanation !== null) out.push('', escapeMarkdown(explanation));

  const differences = structureBySeverity(s.differences);
  const shown = differences.slice(0, Math.min(limit, LIST_CAPS.differences));
  let current: StructureSeverity | null = null;
  for (const d of shown) {
    if (d.severity !== current) {
      current = d.severity;
      const total = differences.filter((x) => x.severity === current).length;
      out.push('', `#### ${STRUCTURE_SEVERITY_TITLES[current] ?? escapeMarkdown(current)} (${total})`);
    }
    out.push('', `- ${differenceLine(d)}`, '', ...fencedSql(d.fix_sql, '  '));
  }
  more(out, differences.length - shown.length);

  if (s.notices.length > 0) {
    out.push('', `#### Notices (${s.notices.length}, not drift)`, '');
    const notices = s.notices.slice(0, Math.min(limit, LIST_CAPS.notices));
    for (const d of notices) out.push(`- ${differenceLine(d)}`);
    more(out, s.notices.length - notices.length);
  }
  if (s.ignored.length > 0) {
    out.push('', `#### Ignored by rules (${s.ignored.length})`, '');
    const ignored = s.ignored.slice(0, Math.min(limit, LIST_CAPS.ignored));
    for (const i of ignored) {
      const attribute = i.attribute === null ? '' : `, attribute ${code(i.attribute)}`;
      const expires = i.expires === null ? 'no expiry' : `expires ${escapeMarkdown(i.expires)}`;
      out.push(`- ${escapeMarkdown(i.kind)} ${code(i.object)}${attribute}: ${escapeMarkdown(i.reason)} (${expires})`);
    }
    more(out, s.ignored.length - ignored.length);
  }
}

function differenceLine(d: StructureDifference): string {
  const title = differenceTitle(d, escapeMarkdown, code);
  return `**${title}** — expected ${attrCode(d.expected)} → actual ${attrCode(d.actual)} · fix-up: ${escapeMarkdown(d.safety)}`;
}

function attrCode(value: AttrValue): string {
  const text = attrText(value);
  return text === null ? '*none*' : code(text);
}

function shortHash(hash: string | null): string {
  return hash === null ? '*none*' : code(hash.slice(0, 12));
}

/**
 * SQL in a fenced block, indented to sit inside a list item. The fence is longer than any run of backticks in the
 * SQL, so no name can close it early; line breaks (CR too) become real lines, so none can end the list item.
 */
export function fencedSql(sql: string, indent = ''): string[] {
  const lines = fixSqlLines(sql);
  const longestRun = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${indent}${fence}sql`, ...lines.map((line) => (line === '' ? '' : `${indent}${line}`)), `${indent}${fence}`];
}

function footer(report: Report): string {
  const parts: string[] = [];
  const url = safeUrl(report.run.run_url);
  const runLabel = report.run.run_id === '' ? 'Run' : `Run ${escapeMarkdown(report.run.run_id)}`;
  if (url !== null) parts.push(`[${runLabel}](${url})`);
  else if (report.run.run_url !== '') parts.push(`${runLabel}: ${code(report.run.run_url)}`);
  if (report.run.sha !== '') parts.push(`commit ${code(report.run.sha.slice(0, 12))}`);
  parts.push(`trigger ${code(report.run.trigger)}`);
  if (report.run.tool_version !== '') parts.push(`schema-drift-action ${escapeMarkdown(report.run.tool_version)}`);
  parts.push(`fingerprint ${code(report.fingerprint.slice(0, 12))}`);
  return parts.join(' · ');
}

function more(out: string[], hidden: number): void {
  if (hidden > 0) out.push('', `… and ${hidden} more`);
}

function added(p: PendingRevision): string {
  const at = p.added_at === null ? '' : escapeMarkdown(p.added_at);
  if (!p.within_grace) return at || 'unknown';
  return at === '' ? 'within grace' : `${at} (within grace)`;
}

function where(f: Finding): string {
  if (f.file === undefined) return '';
  return ` — ${code(f.line === undefined ? f.file : `${f.file}:${f.line}`)}`;
}

function idList(joined: string | null): string {
  if (joined === null) return '*none*';
  return joined.split(',').map(code).join(', ');
}

// Our own advice uses `code` spans for commands; everything else in it is plain prose we wrote.
function escapeAdvice(line: string): string {
  return line
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : escapeMarkdown(part)))
    .join('');
}

/**
 * Escapes text for inline Markdown (table cell or list item): one line, HTML special characters as entities, and
 * every character that could start Markdown syntax — including the table's pipe — backslash-escaped.
 */
export function escapeMarkdown(value: string): string {
  return clip(oneLine(value), VALUE_MAX_CHARS * 4)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, '\\$&');
}

// Inside a backtick span only backticks, the table's pipe (and a backslash before it) and HTML need care.
const PLAIN_CODE = /^[^`|\\<>&]+$/;

/**
 * An identifier, path or URL shown as code. Plain values use a backtick span; anything else becomes <code> with
 * every other character as a numeric entity, which neither backticks, pipes, backslashes nor HTML can escape from.
 */
export function code(value: string): string {
  const text = clip(oneLine(value), VALUE_MAX_CHARS);
  if (text.trim() === '') return '*empty*';
  if (PLAIN_CODE.test(text)) return `\`${text}\``;
  const encoded = Array.from(text)
    .map((char) => (/^[A-Za-z0-9 ._/:,=-]$/.test(char) ? char : `&#${char.codePointAt(0)};`))
    .join('');
  return `<code>${encoded}</code>`;
}

/** An http(s) URL safe as a Markdown link destination, or null. */
function safeUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value).href.replace(/[()[\]|<>`*_\\ ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return null;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
