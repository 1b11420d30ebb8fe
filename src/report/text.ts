// Plain text for email (the SNS body) and the CLI, rendered from the presentation document. No Markdown syntax; the
// first line names environment and state, the facts follow, then what to do; lines are wrapped at spaces to 78
// characters where the content allows (a long identifier or SQL line is never broken, since it must stay copyable).
import { clip, DEFAULT_TEXT_MAX_BYTES, fitToBudget } from './limits.js';
import type { Block, Comparison, Document, Fact, Inline, Section, Text } from './presentation/document.js';
import { fixSqlLines, oneLine } from './presentation/wording.js';

/** The most rows of one list shown even when more would fit: an alert, not the evidence (that is the JSON). */
const LIST_CAP = 200;
const VALUE_MAX_CHARS = 500;
/** Mail clients wrap or cut beyond this (RFC 5322 recommends 78). */
export const TEXT_WIDTH = 78;
const LABEL_WIDTH = 20;

/** The document as plain text, at most `maxBytes` UTF-8 bytes, cutting lists with "… and N more". */
export function renderText(document: Document, options: { maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_TEXT_MAX_BYTES;
  return fitToBudget((limit) => textWithLimit(document, Math.min(limit, LIST_CAP)), LIST_CAP, maxBytes);
}

function textWithLimit(document: Document, limit: number): string {
  const out: string[] = [oneLine(document.title), ''];
  for (const fact of document.facts) {
    out.push(...wrap(words(fact.value), `${fact.label}:`.padEnd(LABEL_WIDTH), ' '.repeat(LABEL_WIDTH)));
  }
  for (const s of document.sections) out.push('', ...sectionLines(s, '', limit));
  out.push('');
  for (const fact of document.footer) out.push(...footerLines(fact));
  return `${out.join('\n')}\n`;
}

function sectionLines(s: Section, indent: string, limit: number): string[] {
  // A title that already has a colon ("Structure: drifted") reads as a heading without another.
  const out = [`${indent}${oneLine(s.title)}${s.title.includes(':') ? '' : ':'}`];
  const inner = `${indent}  `;
  s.blocks.forEach((block, i) => {
    const previous = s.blocks[i - 1];
    // Paragraphs and sub-sections stand apart; the first block sits right under the heading.
    if (i > 0 && (block.type === 'section' || block.type === 'paragraph' || previous?.type === 'section')) {
      out.push('');
    }
    out.push(...blockLines(block, inner, limit));
  });
  return out;
}

function blockLines(block: Block, indent: string, limit: number): string[] {
  switch (block.type) {
    case 'paragraph':
      return wrap(words(block.text, true), indent, indent);
    case 'quote':
      return wrap(words(block.text), `${indent}  `, `${indent}  `);
    case 'list':
      return withMore(
        block.items.slice(0, limit).flatMap((item) => wrap(words(item), `${indent}- `, `${indent}  `)),
        block.items.length - limit,
        indent,
      );
    case 'table':
      return withMore(tableLines(block, indent, limit), block.rows.length - limit, indent);
    case 'comparisons':
      return withMore(
        block.items.slice(0, limit).flatMap((c) => comparisonLines(c, indent)),
        block.items.length - limit,
        indent,
      );
    case 'section':
      return sectionLines(block, indent, limit);
  }
}

/** A row reads as a list item: its first two columns name it, the others follow as "Label: value" lines. */
function tableLines(block: Extract<Block, { type: 'table' }>, indent: string, limit: number): string[] {
  return block.rows.slice(0, limit).flatMap((row, i) => {
    const marker = block.numbered ? `${i + 1}. ` : '- ';
    const rest = `${indent}${' '.repeat(marker.length)}`;
    const name = row
      .slice(0, 2)
      .map((cell) => words(cell))
      .filter((cell) => cell !== '')
      .join('  ');
    const details = row.slice(2).flatMap((cell, c) => {
      const value = words(cell);
      const title = block.columns[c + 2]?.title ?? '';
      return value === '' ? [] : wrap(value, `${rest}${title}: `, `${rest}  `);
    });
    return [...wrap(name, `${indent}${marker}`, rest), ...details];
  });
}

function comparisonLines(c: Comparison, indent: string): string[] {
  const inner = `${indent}  `;
  const out = [
    ...wrap(words(c.title), `${indent}- `, inner),
    ...wrap(words(c.expected), `${inner}expected: `, `${inner}  `),
    ...wrap(words(c.actual), `${inner}actual:   `, `${inner}  `),
  ];
  if (c.code !== null) {
    out.push(`${inner}fix-up SQL:`);
    // SQL is shown as it runs: never re-wrapped, since a break inside a string or comment would change it.
    for (const line of fixSqlLines(c.code)) out.push(`${inner}  ${line}`);
  }
  return out;
}

function withMore(lines: string[], hidden: number, indent: string): string[] {
  return hidden > 0 ? [...lines, `${indent}… and ${hidden} more`] : lines;
}

function footerLines(fact: Fact): string[] {
  const value = words(fact.value);
  return fact.label === '' ? wrap(value, '', '  ') : wrap(value, `${fact.label}: `, '  ');
}

/** The text as one line of words; `sentence`: code is set off with quotes, as in prose, and hashes shortened. */
function words(text: Text, sentence = false): string {
  return text.map((part) => word(part, sentence)).join('');
}

function word(part: Inline, sentence: boolean): string {
  if (typeof part === 'string') return value1(part);
  if ('code' in part) {
    // Inside a sentence a hash is shortened like everywhere else; alone on its line it is shown whole.
    const shown = sentence && part.short !== undefined ? part.code.slice(0, part.short) : part.code;
    return sentence && part.quote ? `"${value1(shown)}"` : value1(shown);
  }
  if ('strong' in part) return words(part.strong, sentence);
  if ('absent' in part) return `(${value1(part.absent)})`;
  return `${value1(part.link)}: ${value1(part.href)}`;
}

/**
 * Lines of at most TEXT_WIDTH characters, broken at spaces only: the first starts with `first`, the others with
 * `rest`. A word longer than the room is kept whole on its own line.
 */
export function wrap(value: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  for (const token of value.split(' ')) {
    const candidate = line === '' ? token : `${line} ${token}`;
    if (line !== '' && prefix.length + candidate.length > TEXT_WIDTH) {
      lines.push(`${prefix}${line}`);
      prefix = rest;
      line = token;
    } else {
      line = candidate;
    }
  }
  lines.push(`${prefix}${line}`.trimEnd());
  return lines;
}

function value1(value: string): string {
  return clip(oneLine(value), VALUE_MAX_CHARS);
}
