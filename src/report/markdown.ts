// Job-summary Markdown, rendered from the presentation document. Everything that comes from the repository or the
// database is escaped so it can neither break a table nor inject HTML; lists are cut to fit GitHub's size limits.
import { clip, DEFAULT_MARKDOWN_MAX_BYTES, fitToBudget } from './limits.js';
import type { Block, Comparison, Document, Fact, Inline, Section, Text } from './presentation/document.js';
import { fixSqlLines, oneLine } from './presentation/wording.js';

/** The most rows of one list shown even when more would fit: a summary, not the evidence (that is the JSON). */
const LIST_CAP = 500;
const VALUE_MAX_CHARS = 300;

const ICONS = { synced: '✅', drift: '❌', error: '🛑' } as const;

/** Job-summary Markdown; at most `maxLength` UTF-8 bytes (so also characters), cutting lists with "… and N more". */
export function renderMarkdown(document: Document, options: { maxLength?: number } = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_BYTES;
  return fitToBudget((limit) => markdownWithLimit(document, Math.min(limit, LIST_CAP)), LIST_CAP, maxLength);
}

function markdownWithLimit(document: Document, limit: number): string {
  const parts: string[][] = [
    [`## ${ICONS[document.state] ?? ''} ${escapeMarkdown(document.title)}`],
    ['| | |', '|---|---|', ...document.facts.map((f) => `| ${f.label} | ${inline(f.value)} |`)],
    ...document.sections.map((s) => sectionLines(s, 3, limit)),
    ['---'],
    [document.footer.map(footerFact).join(' · ')],
  ];
  return `${joinParagraphs(parts).join('\n')}\n`;
}

function joinParagraphs(parts: string[][]): string[] {
  return parts.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : ['', ...p]));
}

function sectionLines(s: Section, level: number, limit: number): string[] {
  return joinParagraphs([
    [`${'#'.repeat(Math.min(level, 6))} ${escapeMarkdown(s.title)}`],
    ...s.blocks.map((b) => blockLines(b, level, limit)),
  ]);
}

function blockLines(block: Block, level: number, limit: number): string[] {
  switch (block.type) {
    case 'paragraph':
      return [inline(block.text)];
    case 'quote':
      return [`> ${inline(block.text)}`];
    case 'list':
      return withMore(
        block.items.slice(0, limit).map((item) => `- ${inline(item)}`),
        block.items.length - limit,
      );
    case 'table':
      return withMore(tableLines(block, limit), block.rows.length - limit);
    case 'comparisons':
      return withMore(comparisonLines(block.items.slice(0, limit)), block.items.length - limit);
    case 'section':
      return sectionLines(block, level + 1, limit);
  }
}

function tableLines(block: Extract<Block, { type: 'table' }>, limit: number): string[] {
  const columns = [...(block.numbered ? [{ title: '#', align: 'right' as const }] : []), ...block.columns];
  const rows = block.rows
    .slice(0, limit)
    .map((row, i) => [...(block.numbered ? [String(i + 1)] : []), ...row.map(inline)]);
  return [
    // A '#' inside a cell starts nothing, and the number column is titled with it.
    `| ${columns.map((c) => (c.title === '#' ? '#' : escapeMarkdown(c.title))).join(' | ')} |`,
    `|${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

function comparisonLines(items: readonly Comparison[]): string[] {
  const line = (c: Comparison) =>
    `- **${inline(c.title)}** — expected ${inline(c.expected)} → actual ${inline(c.actual)}`;
  // Items with SQL stand apart (blank lines around the fence); items without stay a tight list.
  if (items.every((c) => c.code === null)) return items.map(line);
  return joinParagraphs(items.map((c) => [line(c), ...(c.code === null ? [] : ['', ...fencedSql(c.code, '  ')])]));
}

function withMore(lines: string[], hidden: number): string[] {
  return hidden > 0 ? [...lines, '', `… and ${hidden} more`] : lines;
}

function footerFact(fact: Fact): string {
  return fact.label === '' ? inline(fact.value) : `${fact.label.toLowerCase()} ${inline(fact.value)}`;
}

function inline(text: Text): string {
  return text.map(inlinePart).join('');
}

function inlinePart(part: Inline): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('code' in part) return code(part.short === undefined ? part.code : part.code.slice(0, part.short));
  if ('strong' in part) return `**${inline(part.strong)}**`;
  if ('absent' in part) return `*${escapeMarkdown(part.absent)}*`;
  const url = safeUrl(part.href);
  if (url !== null) return `[${escapeMarkdown(part.link)}](${url})`;
  return `${escapeMarkdown(part.link)}: ${code(part.href)}`;
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
