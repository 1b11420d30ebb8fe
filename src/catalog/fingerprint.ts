import { createHash } from 'node:crypto';
import type { CatalogObject, Snapshot } from './model.js';

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonicalJson(value[i]);
    return `${text}]`;
  }
  return objectJson(value as Record<string, unknown>, undefined);
}

// Plain loops and one key sort: a snapshot has tens of thousands of objects, and the entries/filter/map form of this
// was most of the time spent taking and comparing one. The default sort orders by UTF-16 code units, like `<`.
function objectJson(value: Record<string, unknown>, skip: string | undefined): string {
  const keys = Object.keys(value).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const v = value[key];
    if (v === undefined || key === skip) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${text}}`;
}

/**
 * What the fingerprint covers: compared attributes only — no ddl text, no column order, no server version. The
 * canonical JSON of [kind, path, attrs], written without copying attrs.
 */
function comparedContent(object: CatalogObject): string {
  const skip = object.kind === 'table' ? 'column_order' : undefined;
  const path = object.path;
  const sorted = Array.isArray(path) && path.every(flat) ? sortedFlatCopy(object.attrs, skip) : undefined;
  if (sorted) return JSON.stringify([object.kind, path, sorted]);
  return `[${JSON.stringify(object.kind)},${canonicalJson(path)},${objectJson(object.attrs, skip)}]`;
}

// Sorted key lists by the object's own key order: attrs of one kind always have the same keys in the same order.
const sortedKeys = new Map<string, string[]>();

/** A value JSON.stringify writes exactly as canonicalJson does: no object whose keys would need sorting. */
function flat(v: unknown): boolean {
  if (typeof v === 'function' || typeof v === 'symbol') return false;
  return (
    v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
  );
}

/**
 * A copy of an object of primitives and arrays of primitives (every attrs) with its keys in sorted order, which
 * JSON.stringify then writes as objectJson would, on its fast path: the per-object sort and concatenation were most
 * of the fingerprint's time. Undefined when the object holds anything else.
 */
function sortedFlatCopy(value: Record<string, unknown>, skip: string | undefined): Record<string, unknown> | undefined {
  const own = Object.keys(value);
  // Assigning "__proto__" to the copy would set its prototype instead of a key.
  for (const key of own) if (key === '__proto__' || !flat(value[key])) return undefined;
  const shape = own.join('\u0000');
  let keys = sortedKeys.get(shape);
  // A key holding NUL could make two key lists join alike: the cached list must be exactly these keys.
  if (!keys || keys.length !== own.length || !keys.every((k) => Object.hasOwn(value, k))) {
    keys = [...own].sort();
    if (sortedKeys.size < 1000) sortedKeys.set(shape, keys);
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) if (key !== skip) copy[key] = value[key];
  return copy;
}

/** SHA-256 (hex) of a snapshot's compared content; equal for snapshots a diff finds equal. */
export function snapshotFingerprint(snapshot: Pick<Snapshot, 'objects'>): string {
  const fingerprint = new Fingerprint();
  for (const object of snapshot.objects) fingerprint.add(object);
  return fingerprint.digest();
}

/** The fingerprint fed object by object in snapshot order, so a snapshot can be hashed while it is being read. */
export class Fingerprint {
  private readonly hash = createHash('sha256');
  // Fed in batches: one update per object cost more than the hashing itself.
  private batch = '';

  add(object: CatalogObject): void {
    this.batch += `${comparedContent(object)}\n`;
    if (this.batch.length > 65_536) {
      this.hash.update(this.batch);
      this.batch = '';
    }
  }

  digest(): string {
    this.hash.update(this.batch);
    this.batch = '';
    return this.hash.digest('hex');
  }
}
