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
  return `[${JSON.stringify(object.kind)},${canonicalJson(object.path)},${objectJson(object.attrs, skip)}]`;
}

/** SHA-256 (hex) of a snapshot's compared content; equal for snapshots a diff finds equal. */
export function snapshotFingerprint(snapshot: Pick<Snapshot, 'objects'>): string {
  const hash = createHash('sha256');
  // Fed in batches: one update per object cost more than the hashing itself.
  let batch = '';
  for (const object of snapshot.objects) {
    batch += `${comparedContent(object)}\n`;
    if (batch.length > 65_536) {
      hash.update(batch);
      batch = '';
    }
  }
  hash.update(batch);
  return hash.digest('hex');
}
