import { createHash } from 'node:crypto';
import type { CatalogObject, Snapshot } from './model.js';

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What the fingerprint covers: compared attributes only — no ddl text, no column order, no server version. */
function comparedContent(object: CatalogObject): unknown {
  const attrs = { ...object.attrs };
  if (object.kind === 'table') delete attrs.column_order;
  return [object.kind, object.path, attrs];
}

/** SHA-256 (hex) of a snapshot's compared content; equal for snapshots a diff finds equal. */
export function snapshotFingerprint(snapshot: Pick<Snapshot, 'objects'>): string {
  const hash = createHash('sha256');
  for (const object of snapshot.objects) hash.update(`${canonicalJson(comparedContent(object))}\n`);
  return hash.digest('hex');
}
