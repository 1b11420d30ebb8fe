// Takes a catalog snapshot through any SqlExecutor: a handful of read-only SELECTs against the system catalogs.
import type { SqlExecutor } from '../database/executor.js';
import { type ColumnSpec, checkRows } from '../database/row-shape.js';
import { Fingerprint, snapshotFingerprint } from './fingerprint.js';
import { jsonArrayItems } from './json-items.js';
import { type CatalogObject, OBJECT_KINDS, objectKey, type Snapshot } from './model.js';
import { normaliseItem } from './normalise.js';
import { SECTIONS, type Section, wrapSection } from './queries.js';

export interface SnapshotOptions {
  /** Largest response wanted, in bytes (default 4 MB, under the Lambda's 6 MB payload limit). */
  responseBudgetBytes?: number;
  /** Glob patterns (`*`, `?`) on schema names; default all user schemas. */
  includeSchemas?: readonly string[];
  excludeSchemas?: readonly string[];
  /** Glob patterns on an object's dotted raw path (`public.audit_log`, `public.audit_log.request_id`). */
  excludeObjects?: readonly string[];
}

export const DEFAULT_RESPONSE_BUDGET = 4 * 1024 * 1024;

// Chunks are cut on the objects' JSON size in the database; the response that carries them adds row framing and
// may escape the JSON once more (a Lambda answering {"body": "..."}), so chunks aim well under the budget.
const CHUNK_SHARE = 0.75;

// A row without these (or with another type) is an answer we cannot read, not an empty section.
const CHUNK_COLUMNS: Record<string, ColumnSpec> = { chunks: 'integer', server_version_num: 'integer', items: 'json?' };

interface ChunkRow {
  chunks: unknown;
  server_version_num: unknown;
  items: unknown;
}

/** Reads the catalog through `executor` into a deterministic Snapshot. */
export async function takeSnapshot(executor: SqlExecutor, options: SnapshotOptions = {}): Promise<Snapshot> {
  const budget = options.responseBudgetBytes ?? DEFAULT_RESPONSE_BUDGET;
  if (!Number.isInteger(budget) || budget < 1024) {
    throw new Error(`Could not take a catalog snapshot: response budget ${budget} is not a whole number >= 1024`);
  }
  const chunkBytes = Math.max(512, Math.floor(budget * CHUNK_SHARE));
  let queries = 0;
  let largest = 0;
  let total = 0;
  let serverVersion = 0;

  const ask = async (section: Section, chunk: number): Promise<Answer> => {
    let rows: ChunkRow[];
    try {
      rows = checkRows<ChunkRow>(
        await executor.query<ChunkRow>(wrapSection(section), [chunkBytes, chunk]),
        CHUNK_COLUMNS,
        'the answer',
      );
    } catch (error) {
      throw new Error(
        `Could not take a catalog snapshot (${section.name}, chunk ${chunk + 1}) on ${executor.describe()}: ${(error as Error).message}`,
      );
    }
    // The rows are not kept: only the answer's text, until its items are read.
    return readAnswer(rows, section);
  };
  // Every section's first chunk is asked for at once: the executor runs them one after another, so the database
  // works on the next section while this process reads the previous one.
  const firsts: (Promise<Answer> | undefined)[] = SECTIONS.map((section) => {
    const pending = ask(section, 0);
    pending.catch(() => {});
    return pending;
  });
  const keep = objectFilter(options);
  const sorted = new SortedSections();

  for (const [index, section] of SECTIONS.entries()) {
    const objects: CatalogObject[] = [];
    let chunks = 1;
    for (let chunk = 0; chunk < chunks; chunk++) {
      const answer = chunk === 0 ? await (firsts[index] as Promise<Answer>) : await ask(section, chunk);
      firsts[index] = undefined;
      queries++;
      largest = Math.max(largest, answer.size);
      total += answer.size;
      if (chunk === 0) chunks = answer.chunks;
      serverVersion = answer.serverVersion || serverVersion;
      // Each item is parsed and normalised as its answer arrives, one at a time so that each item's tree dies
      // young, in slices that give the event loop back: the executor sends the next query between slices, so the
      // server works on it meanwhile and little is left to do after the last answer.
      let read = 0;
      try {
        for (const item of answer.items) {
          const object = normaliseItem(
            section.fields ? fromPositional(item, section) : (item as Record<string, unknown>),
          );
          if (object !== null && keep(object)) objects.push(object);
          if (++read % SLICE === 0) await yieldToEventLoop();
        }
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        throw new Error(
          `Could not take a catalog snapshot (${section.name}): items is not a JSON array: ${error.message}`,
        );
      }
    }
    await sorted.add(objects);
  }

  return sorted.build(serverVersion, {
    queries,
    largest_response_bytes: largest,
    total_response_bytes: total,
    response_budget_bytes: budget,
  });
}

interface Answer {
  /** The response's size (see responseBytes). */
  size: number;
  chunks: number;
  serverVersion: number;
  /** The objects: parsed one by one from the answer's text, or as the executor parsed them. */
  items: Iterable<unknown>;
}

function readAnswer(rows: readonly ChunkRow[], section: Section): Answer {
  const size = responseBytes(rows);
  const row = rows[0];
  if (!row) throw new Error(`Could not take a catalog snapshot (${section.name}): the query returned no row`);
  const count = Number(row.chunks);
  const items = row.items;
  if (typeof items !== 'string' && items !== null && items !== undefined && !Array.isArray(items)) {
    throw new Error(`Could not take a catalog snapshot (${section.name}): items is not a JSON array`);
  }
  return {
    size,
    chunks: Number.isInteger(count) && count > 0 ? count : 1,
    serverVersion: Number(row.server_version_num) || 0,
    // The text `null` is JSON for no items, as SQL NULL is.
    items:
      typeof items === 'string' && items.trim() !== 'null'
        ? jsonArrayItems(items)
        : ((Array.isArray(items) ? items : []) as unknown[]),
  };
}

/**
 * Items read between two turns of the event loop, about a millisecond of work. Each query takes the executor three
 * round trips (BEGIN, the SELECT, ROLLBACK), one per turn: with slices of 2,000 the server waited between one answer
 * and the next query about 230 ms in all on the 2,000-table bench, with 250 about 120 ms.
 */
const SLICE = 250;

const yieldToEventLoop = () => new Promise<void>((done) => setImmediate(done));

/**
 * The size of the rows as JSON, the response measure, without writing the items text out again escaped: re-encoding
 * megabytes of it only to count them was a tenth of the client's time. Equal to Buffer.byteLength(JSON.stringify(rows)).
 */
function responseBytes(rows: readonly ChunkRow[]): number {
  const row = rows[0];
  if (rows.length !== 1 || !row || typeof row.items !== 'string') return Buffer.byteLength(JSON.stringify(rows));
  const escaped = jsonStringBytes(row.items);
  if (escaped === undefined) return Buffer.byteLength(JSON.stringify(rows));
  // The row with empty items, keys in the same order, plus what the items text adds inside its quotes.
  return Buffer.byteLength(JSON.stringify([{ ...row, items: '' }])) + escaped - 2;
}

// Characters JSON.stringify escapes other than '"' and '\\': controls (\n, \u0001) and surrogates (lone ones as \udxxx).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const SPECIAL = /[\u0000-\u001f\ud800-\udfff]/;

/** UTF-8 bytes of JSON.stringify(text), quotes included; undefined for text holding controls or surrogates. */
function jsonStringBytes(text: string): number | undefined {
  if (SPECIAL.test(text)) return undefined;
  let escapes = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) escapes++;
  for (let i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) escapes++;
  return Buffer.byteLength(text) + escapes + 2;
}

/** A positional item [type, ...values] → the keyed record normalisation reads. */
function fromPositional(item: unknown, section: Section): Record<string, unknown> {
  if (!Array.isArray(item)) return item as Record<string, unknown>;
  const names = section.fields?.[String(item[0])];
  if (!names) throw new Error(`Could not take a catalog snapshot (${section.name}): unknown item type "${item[0]}"`);
  const record: Record<string, unknown> = { t: item[0] };
  for (let i = 0; i < names.length; i++) record[names[i] as string] = item[i + 1];
  return record;
}

const RANK = new Map(OBJECT_KINDS.map((k, i) => [k, i]));
const rankOf = (o: CatalogObject) => RANK.get(o.kind) ?? 99;

/**
 * The snapshot built section by section. The sections' kinds follow OBJECT_KINDS, so the snapshot's order is each
 * section's objects sorted, one section after the other: each is sorted and fingerprinted as soon as it is read,
 * while the server answers the next query, instead of all of them after the last answer (a third of the client's
 * time). Should one section's kinds not all come after the previous ones', the whole is sorted at the end instead.
 */
class SortedSections {
  private readonly objects: CatalogObject[] = [];
  private readonly fingerprint = new Fingerprint();
  private lastRank = -1;
  private inOrder = true;

  async add(section: CatalogObject[]): Promise<void> {
    const sorted = sortObjects(section);
    if (sorted.length === 0) return;
    if (rankOf(sorted[0] as CatalogObject) <= this.lastRank) this.inOrder = false;
    this.lastRank = Math.max(this.lastRank, rankOf(sorted[sorted.length - 1] as CatalogObject));
    for (let i = 0; i < sorted.length; i++) {
      const object = sorted[i] as CatalogObject;
      this.objects.push(object);
      if (this.inOrder) {
        this.fingerprint.add(object);
        if (i % SLICE === SLICE - 1) await yieldToEventLoop();
      }
    }
  }

  build(serverVersionNum: number, stats: Snapshot['stats']): Snapshot {
    if (!this.inOrder) return buildSnapshot(this.objects, serverVersionNum, stats);
    return {
      format: 'schema-drift-snapshot',
      format_version: 1,
      fingerprint: this.fingerprint.digest(),
      server_version_num: serverVersionNum,
      stats,
      objects: this.objects,
    };
  }
}

/** Sorts objects and computes the fingerprint; the one way a Snapshot value is made from a list of objects. */
export function buildSnapshot(objects: CatalogObject[], serverVersionNum: number, stats: Snapshot['stats']): Snapshot {
  const sorted = sortObjects(objects);
  return {
    format: 'schema-drift-snapshot',
    format_version: 1,
    fingerprint: snapshotFingerprint({ objects: sorted }),
    server_version_num: serverVersionNum,
    stats,
    objects: sorted,
  };
}

/** The snapshot as JSON text in pieces of whole lines, one catalog object per line: a 40,000-object snapshot never
 *  becomes one giant string (peak memory), and two snapshot files diff line by line. Pieces of about 64 KB: one per
 *  line made writing the file a third of the CLI's time. */
export function* snapshotJsonLines(snapshot: Snapshot): Generator<string> {
  const { objects, ...header } = snapshot;
  const head = JSON.stringify(header, null, 2);
  let piece = `${head.slice(0, -2)},\n  "objects": [\n`;
  for (let i = 0; i < objects.length; i++) {
    piece += `    ${JSON.stringify(objects[i])}${i + 1 < objects.length ? ',' : ''}\n`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}  ]\n}\n`;
}

const PIECE_CHARS = 65_536;

/** The snapshot as one JSON text (see snapshotJsonLines). */
export function snapshotJson(snapshot: Snapshot): string {
  return [...snapshotJsonLines(snapshot)].join('');
}

function sortObjects(objects: CatalogObject[]): CatalogObject[] {
  for (const o of objects) if (!plainPath(o.path)) return sortByKey(objects);
  // Every path plain (all of PostgreSQL's ordinary names): sorted without writing a key per object, whose strings
  // were a third of what a snapshot keeps alive while it is sorted. Equal rank means equal kind, and plain paths are
  // equal exactly when their object keys are; the index keeps the order of reading among equals.
  const entries = objects.map((o, index) => ({ o, rank: rankOf(o), index }));
  entries.sort((a, b) => a.rank - b.rank || comparePlainPaths(a.o.path, b.o.path) || a.index - b.index);
  const sorted: CatalogObject[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as (typeof entries)[number];
    const next = entries[i + 1];
    // Of two objects with one key, the later read replaces the earlier, as in sortByKey.
    if (next && next.rank === entry.rank && comparePlainPaths(next.o.path, entry.o.path) === 0) continue;
    sorted.push(entry.o);
  }
  return sorted;
}

/** Plain paths compared as their JSON texts compare: element by element when of one length (see comparePaths). */
function comparePlainPaths(a: string[], b: string[]): number {
  if (a.length !== b.length) return compareJson(a, b);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Any paths: deduplicated by object key, sorted by kind, then path. */
function sortByKey(objects: CatalogObject[]): CatalogObject[] {
  const byKey = new Map<string, CatalogObject>();
  for (const o of objects) byKey.set(objectKey(o), o);
  const keyed: SortEntry[] = [];
  for (const [key, o] of byKey) keyed.push({ o, key, rank: rankOf(o), plain: plainPath(o.path) });
  keyed.sort((a, b) => a.rank - b.rank || comparePaths(a, b));
  return keyed.map((k) => k.o);
}

interface SortEntry {
  o: CatalogObject;
  /** objectKey(o): kind, then the path's elements, each after a NUL. */
  key: string;
  rank: number;
  plain: boolean;
}

// Paths sort as their JSON texts do. JSON.stringify escapes '"', '\\', controls and lone surrogates, and ends each
// string with '"'; strings free of those and of ' ' and '!' (which sort below '"') order exactly like their JSON.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const NOT_PLAIN = /[\u0000-\u0022\\\ud800-\udfff]/;

function plainPath(path: unknown): boolean {
  if (!Array.isArray(path)) return false;
  for (const element of path) if (typeof element !== 'string' || NOT_PLAIN.test(element)) return false;
  return true;
}

/**
 * Compares two objects' paths as JSON.stringify(path) texts compare, without writing 40,000 JSON texts. For plain
 * paths of one kind and length the object keys compare alike: an element that is a prefix of the other is followed by NUL or
 * ends the key, both below any plain character, as its closing '"' is in JSON.
 */
function comparePaths(a: SortEntry, b: SortEntry): number {
  if (a.plain && b.plain && a.o.kind === b.o.kind && a.o.path.length === b.o.path.length) {
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  }
  return compareJson(a.o.path, b.o.path);
}

function compareJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Glob with `*` and `?`, whole-string, case-sensitive. */
export function globMatches(pattern: string, text: string): boolean {
  return globPattern(pattern).test(text);
}

function globPattern(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's');
}

/** Whether an object passes the snapshot's include and exclude patterns (compiled once, not per object). */
function objectFilter(options: SnapshotOptions): (o: CatalogObject) => boolean {
  const compile = (patterns: readonly string[] | undefined) => (patterns ?? []).map(globPattern);
  const include = compile(options.includeSchemas);
  const exclude = compile(options.excludeSchemas);
  const excludeObjects = compile(options.excludeObjects);
  if (!include.length && !exclude.length && !excludeObjects.length) return () => true;
  return (o) => {
    // Extensions live in a schema but are not owned by it; schema patterns apply to everything else.
    if (o.kind !== 'extension') {
      const schema = o.path[0] ?? '';
      if (include.length && !include.some((p) => p.test(schema))) return false;
      if (exclude.some((p) => p.test(schema))) return false;
    }
    const dotted = o.path.join('.');
    const table = o.path.slice(0, 2).join('.');
    return !excludeObjects.some((p) => p.test(dotted) || p.test(table));
  };
}

/** Reads a snapshot written by `schema-drift snapshot`, checking its shape and recomputing the fingerprint. */
export function parseSnapshot(text: string, source: string): Snapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`Could not read snapshot "${source}": not JSON (${(error as Error).message})`);
  }
  const s = value as Partial<Snapshot>;
  if (s?.format !== 'schema-drift-snapshot' || s.format_version !== 1 || !Array.isArray(s.objects)) {
    throw new Error(`Could not read snapshot "${source}": not a schema-drift snapshot (format_version 1)`);
  }
  for (const [i, o] of s.objects.entries()) {
    if (!o || typeof o.kind !== 'string' || !Array.isArray(o.path) || typeof o.attrs !== 'object' || !o.attrs) {
      throw new Error(`Could not read snapshot "${source}": object ${i} has no kind, path or attrs`);
    }
    if (!OBJECT_KINDS.includes(o.kind)) {
      throw new Error(`Could not read snapshot "${source}": object ${i} has unknown kind "${String(o.kind)}"`);
    }
  }
  const stats = s.stats ?? { queries: 0, largest_response_bytes: 0, total_response_bytes: 0, response_budget_bytes: 0 };
  return buildSnapshot(s.objects, Number(s.server_version_num) || 0, stats);
}
