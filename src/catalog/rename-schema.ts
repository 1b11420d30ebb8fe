// A tenant schema compared with a snapshot recorded from another schema (a template): the same objects under another
// schema name. Renaming the live snapshot's schema to the expected one makes equal tenants equal, while every other
// difference stays. Snapshots are taken with search_path pinned to pg_catalog (queries.ts), so references to the
// schema inside definitions are always written qualified (`tenant_1.users`, `'"Tenant".seq'::regclass`).
import type { AttrValue, CatalogObject, Snapshot } from './model.js';
import { buildSnapshot } from './snapshot.js';

/** The schemas a snapshot holds (its `schema` objects), sorted. */
export function userSchemas(snapshot: Snapshot): string[] {
  return snapshot.objects
    .filter((o) => o.kind === 'schema')
    .map((o) => o.path[0] ?? '')
    .sort();
}

/** The snapshot with schema `from` named `to`: object paths, schema attributes and qualified references. */
export function renameSchema(snapshot: Snapshot, from: string, to: string): Snapshot {
  if (from === to) return snapshot;
  const replaceIn = referenceReplacer(from, to);
  const objects = snapshot.objects.map((object): CatalogObject => {
    const path = [...object.path];
    // Default privileges are keyed [role, schema, type, grantee]; an extension's name is not in a schema.
    const at = object.kind === 'default privilege' ? 1 : object.kind === 'extension' ? -1 : 0;
    if (at >= 0 && path[at] === from) path[at] = to;
    const attrs: Record<string, AttrValue> = {};
    for (const [key, value] of Object.entries(object.attrs)) {
      attrs[key] = key === 'schema' && value === from ? to : renameValue(value, replaceIn);
    }
    const renamed: CatalogObject = { kind: object.kind, path, attrs };
    if (object.ddl !== undefined) renamed.ddl = replaceIn(object.ddl);
    return renamed;
  });
  return buildSnapshot(objects, snapshot.server_version_num, snapshot.stats);
}

function renameValue(value: AttrValue, replaceIn: (text: string) => string): AttrValue {
  if (typeof value === 'string') return replaceIn(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? replaceIn(v) : v));
  return value;
}

// How PostgreSQL writes a name in a definition (quote_ident): bare when it is lower-case plain, else double-quoted.
function rendered(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** Replaces `from.` where it starts a qualified name (not `x.from.` nor part of a longer identifier). */
function referenceReplacer(from: string, to: string): (text: string) => string {
  const target = rendered(to);
  const quoted = `"${from.replace(/"/g, '""')}"`;
  // A key word (`user`) is quoted even when lower-case plain: look for both spellings.
  const spellings = rendered(from) === quoted ? [quoted] : [quoted, from];
  const patterns = spellings.map((spelling) => {
    const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return {
      spelling,
      pattern: spelling.startsWith('"')
        ? new RegExp(`${escaped}\\.`, 'g')
        : new RegExp(`(?<![A-Za-z0-9_$."])${escaped}\\.`, 'g'),
    };
  });
  return (text) => {
    let out = text;
    for (const { spelling, pattern } of patterns) {
      if (out.includes(spelling)) out = out.replace(pattern, () => `${target}.`);
    }
    return out;
  };
}
