// The presentation model: what a person reads, with no notion of Markdown, HTML or plain text. The report (and later
// fleet and audit documents) is turned into this once; every renderer renders only this, so the three renderings
// cannot drift apart in what they say or in the order they say it.

/** One piece of inline text. Strings are words; the other kinds say how a value should be shown. */
export type Inline =
  | string
  /** An identifier, path, URL or command, never broken inside. `short`: characters shown where room is tight (hashes);
   *  `quote`: code inside a sentence, which plain text sets off with quotes. */
  | { code: string; short?: number; quote?: boolean }
  | { strong: Text }
  /** A placeholder for a value that is not there ("none", "not read"). */
  | { absent: string }
  /** A link; renderers link only http(s) destinations. */
  | { link: string; href: string };

export type Text = readonly Inline[];

/** The document's state: the colour and badge of its headline. */
export type State = 'synced' | 'drift' | 'error';

/** How serious an item or group is: shown as colour and as the word itself. */
export type Mark = 'security' | 'breaking' | 'cosmetic' | 'error' | 'warning' | 'notice';

export interface Fact {
  /** Empty for a footer fact that is its own label (e.g. the run link). */
  label: string;
  value: Text;
}

export interface Column {
  title: string;
  align?: 'right';
}

/** A difference between what was expected and what was found, with the code that would repair it. */
export interface Comparison {
  mark?: Mark;
  title: Text;
  expected: Text;
  actual: Text;
  /** SQL (several lines); null when there is none to show. */
  code: string | null;
}

export interface Section {
  type: 'section';
  /** Stable name (`error`, `what-to-do`, `pending`, `structure`, ...) for anchors and tests. */
  id: string;
  title: string;
  mark?: Mark;
  /** Read first: printed on the first page with the facts rather than on a page of its own. */
  lead?: boolean;
  blocks: Block[];
}

/** Lists, tables and comparisons may be cut by a renderer to fit a size limit; it then says how many it left out. */
export type Block =
  | { type: 'paragraph'; text: Text }
  | { type: 'quote'; text: Text }
  | { type: 'list'; items: Text[] }
  /** `numbered`: rows are counted (apply order), shown as a "#" column or "1." prefix. */
  | { type: 'table'; columns: Column[]; rows: Text[][]; numbered?: boolean }
  | { type: 'comparisons'; items: Comparison[] }
  | Section;

export interface Document {
  /** One line: environment and state. Also the mail subject's base and the HTML title. */
  title: string;
  state: State;
  /** The word on the state's badge when it is not the state itself (an audit: complete, incomplete, tampered). */
  badge?: string;
  facts: Fact[];
  sections: Section[];
  /** Where the document came from: run, commit, tool, fingerprint. */
  footer: Fact[];
}

export const code = (value: string, options: { short?: number; quote?: boolean } = {}): Inline => ({
  code: value,
  ...options,
});
export const strong = (...text: Inline[]): Inline => ({ strong: text });
export const absent = (what = 'none'): Inline => ({ absent: what });
export const link = (label: string, href: string): Inline => ({ link: label, href });

/** Our own sentences mark commands and names with backticks; those become code, the rest stays words. */
export function prose(sentence: string): Text {
  return sentence
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part, { quote: true }) : part))
    .filter((part) => part !== '');
}

/** A section, leaving out blocks that have nothing to show. */
export function section(
  id: string,
  title: string,
  blocks: (Block | null)[],
  options: { mark?: Mark; lead?: boolean } = {},
): Section {
  return { type: 'section', id, title, ...options, blocks: blocks.filter((b): b is Block => b !== null) };
}

/** A table without the columns that have nothing to say (every cell empty). */
export function table(columns: Column[], rows: Text[][], options: { numbered?: boolean } = {}): Block {
  const keep = columns.map((_, i) => rows.some((row) => (row[i] ?? []).length > 0));
  return {
    type: 'table',
    columns: columns.filter((_, i) => keep[i]),
    rows: rows.map((row) => row.filter((_, i) => keep[i])),
    ...options,
  };
}
