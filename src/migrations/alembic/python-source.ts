// Statically reads the module-level assignments Alembic takes from a revision file, without running Python.
// One linear pass finds the logical statements at column 0 (tracking strings, comments, brackets and line
// continuations so that text inside docstrings or bodies never counts); only the statements that can matter are
// then tokenized and parsed as Python literals.
import { isUtf8 } from 'node:buffer';

/** A Python literal as far as Alembic's identifiers need: None, a str, or a tuple/list/set of literals. */
export type Literal = { kind: 'none' } | { kind: 'str'; value: string } | { kind: 'seq'; items: Literal[] };

export interface Assignment {
  /** The value, or why it is not a literal we can evaluate without running Python. */
  value: Literal | { kind: 'error'; reason: string };
  line: number;
}

export interface ModuleScan {
  /** Last module-level assignment of each watched name (later ones win, as when Python runs the module). */
  assignments: Map<string, Assignment>;
  /** The module docstring, decoded; null when the first statement is not a plain string. */
  docstring: string | null;
  /** Lexical problems that would make Python refuse the file. */
  errors: { message: string; line: number }[];
  /** A watched name is bound in a way only a full evaluation can follow (a non-literal value, chained or tuple
   *  assignment, a module-level `if`/`try`/`with` body, an import): module-eval.ts must decide the values. */
  needsEvaluation: boolean;
}

const WATCHED = new Set(['revision', 'down_revision', 'branch_labels', 'depends_on']);

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FORMFEED = 12;
const HASH = 35;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;
const SEMICOLON = 59;

/**
 * Prepares a revision file's bytes as Python reads them: BOM stripped, a PEP 263 coding cookie honoured (re-encoded
 * to UTF-8), invalid UTF-8 refused, CRLF and lone CR turned into LF. The scanner then works on the UTF-8 bytes
 * directly: every character Python's syntax uses is ASCII, which never occurs inside a multi-byte UTF-8 sequence.
 */
export function decodePythonSource(bytes: Uint8Array): { src: Buffer } | { error: string } {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let src =
    start === 0 && Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
  const cookie = start === 0 ? codingCookie(src) : null;
  if (cookie && !/^utf[-_]?8(?:[-_].*)?$/i.test(cookie)) {
    try {
      // Python's codec names; ISO-8859-1 is exact in Buffer, other codecs go through the WHATWG decoder.
      const latin1 = /^(?:latin[-_]?1|iso[-_]?8859[-_]1|l1)$/i.test(cookie);
      const text = latin1 ? src.toString('latin1') : new TextDecoder(cookie, { fatal: true }).decode(src);
      src = Buffer.from(text, 'utf8');
    } catch (error) {
      return { error: `cannot decode with its declared coding "${cookie}": ${(error as Error).message}` };
    }
  } else if (!isUtf8(src)) {
    return { error: 'is not valid UTF-8' };
  }
  if (src.indexOf(CR) !== -1) src = normaliseNewlines(src);
  return { src };
}

// A plain byte loop: measured against native indexOf + copy per line, it is faster both warm and in a fresh process
// (each Buffer.copy call costs more than the bytes of a line).
function normaliseNewlines(src: Buffer): Buffer {
  const out = Buffer.allocUnsafe(src.length);
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as number;
    if (c === CR) {
      out[o++] = NL;
      if (src[i + 1] === NL) i++;
    } else {
      out[o++] = c;
    }
  }
  return out.subarray(0, o);
}

function codingCookie(bytes: Uint8Array): string | null {
  // PEP 263: a comment on line 1 or 2 matching coding[:=]name. Most files start with a docstring: bail out early.
  let i = 0;
  for (let lineNo = 0; lineNo < 2; lineNo++) {
    while (bytes[i] === SPACE || bytes[i] === TAB || bytes[i] === FORMFEED) i++;
    if (bytes[i] !== HASH) return null;
    let end = i;
    while (end < bytes.length && bytes[end] !== NL) end++;
    const comment = Buffer.from(bytes.buffer, bytes.byteOffset + i, end - i).toString('latin1');
    const m = /coding[:=][ \t]*([-\w.]+)/.exec(comment);
    if (m) return m[1] ?? null;
    i = end + 1;
  }
  return null;
}

// Byte classes for the statement scanner: everything else (class 0) is skipped in a tight loop.
const C_NL = 1;
const C_HASH = 2;
const C_QUOTE = 3;
const C_BACKSLASH = 4;
const C_OPEN = 5;
const C_CLOSE = 6;
const C_SEMICOLON = 7;
const CLASS = new Uint8Array(256);
CLASS[NL] = C_NL;
CLASS[HASH] = C_HASH;
CLASS[SQUOTE] = C_QUOTE;
CLASS[DQUOTE] = C_QUOTE;
CLASS[BACKSLASH] = C_BACKSLASH;
for (const c of [40, 91, 123]) CLASS[c] = C_OPEN;
for (const c of [41, 93, 125]) CLASS[c] = C_CLOSE;
CLASS[SEMICOLON] = C_SEMICOLON;

/** Scans prepared source (see decodePythonSource) for the module docstring and watched assignments. */
export function scanModule(text: Buffer): ModuleScan {
  const scan: ModuleScan = { assignments: new Map(), docstring: null, errors: [], needsEvaluation: false };
  const watch: WatchState = { next: -1, executesBody: false, inBlock: false };
  const n = text.length;
  let i = 0;
  let line = 1;
  let first = true;

  outer: while (i < n) {
    let col = 0;
    while (i < n) {
      const c = text[i] as number;
      if (c === SPACE) col++;
      else if (c === TAB) col = col - (col % 8) + 8;
      else if (c === FORMFEED) col = 0;
      else break;
      i++;
    }
    if (i >= n) break;
    let c = text[i] as number;
    if (c === NL) {
      i++;
      line++;
      continue;
    }
    if (c === HASH) {
      const eol = text.indexOf(NL, i);
      i = eol === -1 ? n : eol;
      continue;
    }
    let indented = col > 0;
    let start = i;
    let startLine = line;
    let depth = 0;
    let openLine = 0;
    while (true) {
      while (i < n && CLASS[text[i] as number] === 0) i++;
      if (i >= n) {
        if (depth > 0)
          scan.errors.push({ message: `bracket opened on line ${openLine} is never closed`, line: openLine });
        statement(scan, watch, text, start, n, startLine, indented, first);
        break outer;
      }
      c = text[i] as number;
      switch (CLASS[c]) {
        case C_NL:
          line++;
          i++;
          if (depth === 0) {
            statement(scan, watch, text, start, i - 1, startLine, indented, first);
            first = false;
            continue outer;
          }
          break;
        case C_HASH: {
          const eol = text.indexOf(NL, i);
          i = eol === -1 ? n : eol;
          break;
        }
        case C_QUOTE:
          i = skipString(text, i, line, scan.errors);
          line += stringNewlines;
          break;
        case C_BACKSLASH:
          if ((text[i + 1] as number) === NL) line++;
          i += 2;
          break;
        case C_OPEN:
          if (depth === 0) openLine = line;
          depth++;
          i++;
          break;
        case C_CLOSE:
          if (depth > 0) depth--;
          else scan.errors.push({ message: `unmatched '${String.fromCharCode(c)}'`, line });
          i++;
          break;
        default:
          // Semicolon.
          if (depth === 0) {
            statement(scan, watch, text, start, i, startLine, indented, first);
            // `if x: a = 1; revision = 'b'`: what follows a compound header on its line is its body.
            if (!indented && watch.inBlock) indented = true;
            first = false;
            i++;
            while (i < n && ((text[i] as number) === SPACE || (text[i] as number) === TAB)) i++;
            start = i;
            startLine = line;
          } else {
            i++;
          }
      }
    }
  }
  return scan;
}

/** Where the next watched name occurs, and whether the last top-level statement opened a body Python runs. */
interface WatchState {
  next: number;
  executesBody: boolean;
  /** The last top-level statement opened a block (compound statement, def or class): indentation may follow. */
  inBlock: boolean;
}

/** Bytes that cannot begin a Python statement. */
const INVALID_START = new Uint8Array(256);
for (const c of '<>=|&^%/?$!`,:;') INVALID_START[c.charCodeAt(0)] = 1;

function endsWithColon(text: Buffer, start: number, end: number): boolean {
  let i = end - 1;
  while (i > start && (text[i] === SPACE || text[i] === TAB)) i--;
  return text[i] === 58;
}

function hasByte(text: Buffer, start: number, end: number, byte: number): boolean {
  for (let i = start; i < end; i++) if (text[i] === byte) return true;
  return false;
}

function statement(
  scan: ModuleScan,
  watch: WatchState,
  text: Buffer,
  start: number,
  end: number,
  line: number,
  indented: boolean,
  isFirst: boolean,
): void {
  if (indented) {
    if (!watch.inBlock) {
      scan.errors.push({ message: 'IndentationError: unexpected indent', line });
      watch.inBlock = true; // one finding per file is enough
    }
    // A body under a module-level `if`/`try`/`with`/`for` runs on import; a function or class body does not.
    if (watch.executesBody && !scan.needsEvaluation && mentionsWatched(watch, text, start, end)) {
      scan.needsEvaluation = true;
    }
    return;
  }
  watch.executesBody = opensExecutedBody(text, start);
  const definition = !watch.executesBody && opensDefinition(text, start);
  watch.inBlock = watch.executesBody || definition || endsWithColon(text, start, end);
  // Cheap checks for what makes Python refuse a file after its identifiers: a compound header without its colon
  // and a statement that cannot start as written (a merge-conflict marker above all). Python would raise on import.
  if (watch.inBlock && !hasByte(text, start, end, 58)) {
    scan.errors.push({ message: "SyntaxError: expected ':'", line });
  } else if (INVALID_START[text[start] as number] === 1) {
    const marker = /^(<{7}|={7}|>{7}|\|{7})/.test(text.toString('latin1', start, Math.min(end, start + 7)));
    scan.errors.push({
      message: marker ? 'SyntaxError: a merge-conflict marker' : 'SyntaxError: invalid syntax',
      line,
    });
  }
  // Cheap filter before tokenizing: only a watched name, or a string as the first statement, can matter.
  if (isFirst && startsLikeString(text, start)) {
    if (!plainDocstring(scan, text, start, end)) handleStatement(scan, text, start, end, line, isFirst);
    return;
  }
  const name = watchedNameAt(text, start);
  if (name !== null) {
    if (!plainAssignment(scan, text, name, start + name.length, end, line)) {
      handleStatement(scan, text, start, end, line, isFirst);
    }
  } else if (!scan.needsEvaluation && mentionsWatched(watch, text, start, end)) {
    // `x = revision = ...`, `(revision, down_revision) = ...`, `from consts import revision`, `del revision` ...
    scan.needsEvaluation = true;
  }
}

// Not `match`/`case`: soft keywords, also plain names (`match = ...`); endsWithColon catches a real match block.
const COMPOUND_KEYWORDS = ['if', 'elif', 'else', 'try', 'except', 'finally', 'with', 'for', 'while', 'async'];
const COMPOUND_BYTES = COMPOUND_KEYWORDS.map((k) => Buffer.from(k, 'latin1'));

/** True when the statement at `at` starts with a keyword whose indented body runs at import time. */
function opensExecutedBody(text: Buffer, at: number): boolean {
  const c = text[at] as number;
  // i(f) e(lif/lse/xcept) t(ry) f(inally/or) w(ith/hile) a(sync): anything else is cheap to reject.
  if (c !== 105 && c !== 101 && c !== 116 && c !== 102 && c !== 119 && c !== 97) return false;
  for (const bytes of COMPOUND_BYTES) {
    let k = 0;
    while (k < bytes.length && text[at + k] === bytes[k]) k++;
    if (k === bytes.length && !isNameChar(text[at + k] as number)) return true;
  }
  return false;
}

const DEFINITION_BYTES = ['def', 'class'].map((k) => Buffer.from(k, 'latin1'));

function opensDefinition(text: Buffer, at: number): boolean {
  for (const bytes of DEFINITION_BYTES) {
    let k = 0;
    while (k < bytes.length && text[at + k] === bytes[k]) k++;
    if (k === bytes.length && !isNameChar(text[at + k] as number)) return true;
  }
  return false;
}

const REVISION_BYTES = Buffer.from('revision', 'latin1');
const LABELS_BYTES = Buffer.from('branch_labels', 'latin1');
const DEPENDS_BYTES = Buffer.from('depends_on', 'latin1');

/** True when a watched name (or a word containing one) occurs in [start, end). Amortised linear over a file. */
function mentionsWatched(watch: WatchState, text: Buffer, start: number, end: number): boolean {
  if (watch.next < start) {
    let next = text.indexOf(REVISION_BYTES, start);
    for (const bytes of [LABELS_BYTES, DEPENDS_BYTES]) {
      const at = text.indexOf(bytes, start);
      if (at !== -1 && (next === -1 || at < next)) next = at;
    }
    watch.next = next === -1 ? text.length : next;
  }
  return watch.next < end;
}

const WATCHED_BYTES = [...WATCHED].map((name) => ({ name, bytes: Buffer.from(name, 'latin1') }));

/** The watched name the statement at `at` starts with, or null. */
function watchedNameAt(text: Buffer, at: number): string | null {
  const c = text[at] as number;
  if (c !== 114 && c !== 100 && c !== 98) return null;
  for (const { name, bytes } of WATCHED_BYTES) {
    let k = 0;
    while (k < bytes.length && text[at + k] === bytes[k]) k++;
    if (k === bytes.length && !isNameChar(text[at + k] as number)) return name;
  }
  return null;
}

/** Past spaces, tabs, form feeds and backslash-newline continuations (all whitespace to the tokenizer). */
function skipBlanks(text: Buffer, i: number, end: number): number {
  while (i < end) {
    const c = text[i] as number;
    if (c === BACKSLASH && (text[i + 1] as number) === NL) i++;
    else if (c !== SPACE && c !== TAB && c !== FORMFEED) break;
    i++;
  }
  return i;
}

/** True when only blanks or a comment remain in [i, end). */
function restIsBlank(text: Buffer, i: number, end: number): boolean {
  i = skipBlanks(text, i, end);
  return i >= end || (text[i] as number) === HASH;
}

// Fast paths for the forms nearly every revision file uses (`name = 'id'`, `name: str = 'id'`, `name = None`, a
// plain docstring). They give exactly what tokenize + parse would, and decline (returning false) anything else,
// which then takes the general path: the tokenizer is the slowest part of a read and most statements never need it.

function plainAssignment(scan: ModuleScan, text: Buffer, name: string, i: number, end: number, line: number): boolean {
  i = skipBlanks(text, i, end);
  if ((text[i] as number) === 58) {
    i = skipAnnotation(text, i + 1, end);
    if (i === -1) return false;
  }
  if ((text[i] as number) !== 61 || (text[i + 1] as number) === 61) return false;
  i = skipBlanks(text, i + 1, end);
  const c = text[i] as number;
  if (
    c === 78 &&
    (text[i + 1] as number) === 111 &&
    (text[i + 2] as number) === 110 &&
    (text[i + 3] as number) === 101 &&
    !isNameChar(text[i + 4] as number) &&
    restIsBlank(text, i + 4, end)
  ) {
    scan.assignments.set(name, { value: { kind: 'none' }, line });
    return true;
  }
  // One string literal or several side by side (implicit concatenation), then nothing but a comment.
  let value: string | null = null;
  while (i < end) {
    let q = i;
    let prefix = '';
    const p = text[q] as number;
    if (p === 114 || p === 82) {
      prefix = 'r';
      q++;
    } else if (p === 117 || p === 85) {
      prefix = 'u';
      q++;
    }
    const quote = text[q] as number;
    if (quote !== SQUOTE && quote !== DQUOTE) break;
    const stop = skipString(text, q, line, null);
    if (stop > end) return false;
    const part = decodeStringBody(text, q, stop, prefix);
    value = value === null ? part : value + part;
    i = skipBlanks(text, stop, end);
  }
  if (value === null || !(i >= end || (text[i] as number) === HASH)) return false;
  scan.assignments.set(name, { value: { kind: 'str', value }, line });
  return true;
}

/**
 * Index of the `=` ending a simple annotation (names, dots, commas, `|` and brackets, as in `Union[str, None]`)
 * that starts at `i`, or -1 for anything else.
 */
function skipAnnotation(text: Buffer, i: number, end: number): number {
  let depth = 0;
  while (i < end) {
    const c = text[i] as number;
    if (c === 61) return depth === 0 && (text[i + 1] as number) !== 61 ? i : -1;
    if (c === 91 || c === 40) depth++;
    else if (c === 93 || c === 41) {
      if (--depth < 0) return -1;
    } else if (!(isNameChar(c) || c === SPACE || c === TAB || c === 46 || c === 44 || c === 124)) return -1;
    i++;
  }
  return -1;
}

function plainDocstring(scan: ModuleScan, text: Buffer, start: number, end: number): boolean {
  const c = text[start] as number;
  if (c !== SQUOTE && c !== DQUOTE) return false;
  const stop = skipString(text, start, 0, null);
  if (stop > end || !restIsBlank(text, stop, end)) return false;
  scan.docstring = decodeStringBody(text, start, stop, '');
  return true;
}

function startsLikeString(text: Buffer, at: number): boolean {
  for (let i = at; i < at + 3; i++) {
    const c = text[i] as number;
    if (c === SQUOTE || c === DQUOTE) return true;
    if (!isNameStart(c)) return false;
  }
  return false;
}

/** Newlines inside the string last skipped by skipString (saves a second pass to count lines). */
let stringNewlines = 0;

/**
 * Index just past the string literal whose opening quote is at `i`; records an error when it never closes. Sets
 * `stringNewlines` to the line breaks it spans.
 */
function skipString(text: Buffer, i: number, line: number, errors: ModuleScan['errors'] | null): number {
  const n = text.length;
  const q = text[i] as number;
  let lines = 0;
  if ((text[i + 1] as number) === q && (text[i + 2] as number) === q) {
    let j = i + 3;
    while (j < n) {
      const c = text[j] as number;
      if (c === BACKSLASH) {
        if ((text[j + 1] as number) === NL) lines++;
        j += 2;
      } else if (c === q && (text[j + 1] as number) === q && (text[j + 2] as number) === q) {
        stringNewlines = lines;
        return j + 3;
      } else {
        if (c === NL) lines++;
        j++;
      }
    }
    stringNewlines = lines;
    errors?.push({ message: 'triple-quoted string is never closed', line });
    return n;
  }
  let j = i + 1;
  while (j < n) {
    const c = text[j] as number;
    if (c === BACKSLASH) {
      if ((text[j + 1] as number) === NL) lines++;
      j += 2;
    } else if (c === q) {
      stringNewlines = lines;
      return j + 1;
    } else if (c === NL) break;
    else j++;
  }
  stringNewlines = lines;
  errors?.push({ message: 'string is never closed', line });
  return Math.min(j, n);
}

type Token =
  | { t: 'name'; v: string; line: number }
  | { t: 'str'; v: string; prefix: string; line: number }
  | { t: 'op'; v: string; line: number }
  | { t: 'other'; v: string; line: number };

const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

const KNOWN_NAMES = [...WATCHED, 'None'].map((name) => ({ name, bytes: Buffer.from(name, 'latin1') }));

/** The shared string for a name every revision file repeats, without decoding it again; null for any other. */
function knownName(text: Buffer, start: number, end: number): string | null {
  const length = end - start;
  for (const known of KNOWN_NAMES) {
    const bytes = known.bytes;
    if (bytes.length !== length || bytes[0] !== text[start]) continue;
    let k = 1;
    while (k < length && bytes[k] === text[start + k]) k++;
    if (k === length) return known.name;
  }
  return null;
}

function tokenize(text: Buffer, start: number, end: number, line: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text[i] as number;
    if (c === NL) {
      line++;
      i++;
    } else if (c === SPACE || c === TAB || c === FORMFEED) {
      i++;
    } else if (c === BACKSLASH) {
      if ((text[i + 1] as number) === NL) line++;
      i += 2;
    } else if (c === HASH) {
      while (i < end && (text[i] as number) !== NL) i++;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < end && isNameChar(text[j] as number)) j++;
      const word = knownName(text, i, j) ?? text.toString('utf8', i, j);
      const next = text[j] as number;
      if ((next === SQUOTE || next === DQUOTE) && STRING_PREFIXES.has(word.toLowerCase())) {
        const stop = Math.min(skipString(text, j, line, null), end);
        tokens.push({
          t: 'str',
          v: decodeStringBody(text, j, stop, word.toLowerCase()),
          prefix: word.toLowerCase(),
          line,
        });
        for (let k = j; k < stop; k++) if ((text[k] as number) === NL) line++;
        i = stop;
      } else {
        tokens.push({ t: 'name', v: word, line });
        i = j;
      }
    } else if (c === SQUOTE || c === DQUOTE) {
      const stop = Math.min(skipString(text, i, line, null), end);
      tokens.push({ t: 'str', v: decodeStringBody(text, i, stop, ''), prefix: '', line });
      for (let k = i; k < stop; k++) if ((text[k] as number) === NL) line++;
      i = stop;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < end && (isNameChar(text[j] as number) || (text[j] as number) === 46)) j++;
      tokens.push({ t: 'other', v: text.toString('utf8', i, j), line });
      i = j;
    } else if (c === 61 && (text[i + 1] as number) === 61) {
      tokens.push({ t: 'op', v: '==', line });
      i += 2;
    } else {
      tokens.push({ t: 'op', v: String.fromCharCode(text[i] as number), line });
      i++;
    }
  }
  return tokens;
}

/** The prefix (lower-cased) and value of one string literal's source text, e.g. `r'a\\b'` or `"x"`. */
export function decodeStringLiteral(raw: string): { prefix: string; value: string } {
  const prefix = (/^[a-zA-Z]*/.exec(raw)?.[0] ?? '').toLowerCase();
  const body = Buffer.from(raw.slice(prefix.length), 'utf8');
  return { prefix, value: decodeStringBody(body, 0, body.length, prefix) };
}

/** The value of a string literal spanning [start, stop) (quotes included), escapes applied unless raw. */
function decodeStringBody(text: Buffer, start: number, stop: number, prefix: string): string {
  const q = text[start] as number;
  const triple = (text[start + 1] as number) === q && (text[start + 2] as number) === q && stop - start >= 6;
  const open = triple ? 3 : 1;
  const closed = stop - start >= open * 2 && (text[stop - 1] as number) === q;
  const body = text.toString('utf8', start + open, closed ? stop - open : stop);
  if (prefix.includes('r') || !body.includes('\\')) return body;
  return applyEscapes(body);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

function applyEscapes(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1] as string;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + len);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? Number.parseInt(hex, 16) : Number.NaN;
      if (Number.isNaN(code) || code > 0x10ffff) {
        out += `\\${e}`;
        i += 2;
      } else {
        out += String.fromCodePoint(code);
        i += 2 + len;
      }
    } else if (e >= '0' && e <= '7') {
      let j = i + 1;
      while (j < i + 4 && j < body.length && (body[j] as string) >= '0' && (body[j] as string) <= '7') j++;
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, j), 8));
      i = j;
    } else {
      // Unknown escapes (and \N{...}) stay as written, as Python keeps unknown ones.
      out += `\\${e}`;
      i += 2;
    }
  }
  return out;
}

function handleStatement(
  scan: ModuleScan,
  text: Buffer,
  start: number,
  end: number,
  line: number,
  isFirst: boolean,
): void {
  const tokens = tokenize(text, start, end, line);
  const head = tokens[0];
  if (!head) return;
  if (isFirst && head.t === 'str') {
    if (tokens.every((t) => t.t === 'str' && !t.prefix.includes('b') && !t.prefix.includes('f'))) {
      scan.docstring = tokens.map((t) => t.v).join('');
    }
    return;
  }
  if (head.t !== 'name' || !WATCHED.has(head.v)) return;
  let k = 1;
  const next = tokens[1];
  if (next?.t === 'op' && next.v === ':') {
    // Annotated assignment: skip the annotation up to the `=` outside brackets; a bare annotation assigns nothing.
    let depth = 0;
    k = 2;
    for (; k < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (t.t !== 'op') continue;
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if (t.v === ')' || t.v === ']' || t.v === '}') depth--;
      else if (t.v === '=' && depth === 0) break;
    }
    if (k >= tokens.length) return;
  } else if (!(next?.t === 'op' && next.v === '=')) {
    // `revision, down_revision = ...`, `revision += ...`, `revision.x = ...`: only an evaluation can tell.
    scan.needsEvaluation = true;
    return;
  }
  const value = parseValue(tokens, k + 1);
  if (value.kind === 'error') scan.needsEvaluation = true;
  scan.assignments.set(head.v, { value, line: head.line });
}

class NotLiteral extends Error {}

function parseValue(tokens: Token[], from: number): Assignment['value'] {
  const p = { tokens, i: from };
  try {
    if (p.i >= tokens.length) throw new NotLiteral('no value after "="');
    const value = asValue(parseExprList(p, null));
    const extra = tokens[p.i];
    if (extra) throw new NotLiteral(`unexpected "${extra.v}" in the value`);
    return value;
  } catch (error) {
    if (error instanceof NotLiteral) return { kind: 'error', reason: error.message };
    throw error;
  }
}

interface Cursor {
  tokens: Token[];
  i: number;
}

/** A bare or parenthesised item list is a tuple only when it has a comma (or is empty), as in Python. */
function asValue(list: { items: Literal[]; sawComma: boolean }): Literal {
  if (!list.sawComma && list.items.length === 1) return list.items[0] as Literal;
  return { kind: 'seq', items: list.items };
}

/** Comma-separated items up to `close` (or the end). */
function parseExprList(p: Cursor, close: string | null): { items: Literal[]; sawComma: boolean } {
  const items: Literal[] = [];
  let sawComma = false;
  while (true) {
    const t = p.tokens[p.i];
    if (!t || (t.t === 'op' && t.v === close)) break;
    items.push(parseAtom(p));
    const sep = p.tokens[p.i];
    if (sep?.t === 'op' && sep.v === ',') {
      sawComma = true;
      p.i++;
      continue;
    }
    break;
  }
  return { items, sawComma };
}

function parseAtom(p: Cursor): Literal {
  const t = p.tokens[p.i];
  if (!t) throw new NotLiteral('value ends early');
  if (t.t === 'str') {
    let value = '';
    while (true) {
      const s = p.tokens[p.i];
      if (s?.t !== 'str') break;
      if (s.prefix.includes('b')) throw new NotLiteral('bytes are not a revision identifier');
      if (s.prefix.includes('f')) throw new NotLiteral('an f-string needs Python to evaluate');
      value += s.v;
      p.i++;
    }
    return { kind: 'str', value };
  }
  if (t.t === 'name' && t.v === 'None') {
    p.i++;
    return { kind: 'none' };
  }
  if (t.t === 'op' && (t.v === '(' || t.v === '[' || t.v === '{')) {
    const close = t.v === '(' ? ')' : t.v === '[' ? ']' : '}';
    p.i++;
    const list = parseExprList(p, close);
    const end = p.tokens[p.i];
    if (!(end?.t === 'op' && end.v === close)) throw new NotLiteral(`"${t.v}" is not closed`);
    p.i++;
    if (close === '}' && list.items.length === 0) throw new NotLiteral('{} is a dict');
    // Lists and sets are sequences even with one item; a parenthesised single value is just that value.
    return close === ')' ? asValue(list) : { kind: 'seq', items: list.items };
  }
  throw new NotLiteral(`"${t.v}" is not a literal`);
}
