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
      attrs[key] = key === 'schema' && value === from ? to : renameValue(value, from, to, replaceIn);
    }
    const renamed: CatalogObject = { kind: object.kind, path, attrs };
    if (object.ddl !== undefined) renamed.ddl = replaceIn(object.ddl);
    return renamed;
  });
  return buildSnapshot(objects, snapshot.server_version_num, snapshot.stats);
}

function renameValue(value: AttrValue, from: string, to: string, replaceIn: (text: string) => string): AttrValue {
  if (typeof value === 'string') return replaceIn(value);
  // A path held as parts ([schema, table, column], e.g. a sequence's owned_by) starts with the schema's raw name.
  if (Array.isArray(value)) return value.map((v, i) => (i === 0 && v === from ? to : replaceIn(v)));
  return value;
}

// How PostgreSQL writes a name in a definition (quote_ident): bare when it is lower-case plain, else double-quoted.
function rendered(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * Replaces `from.` where it starts a qualified name (not `x.from.` nor part of a longer identifier), in each way it is
 * spelled: quoted, bare or raw, and inside a string literal (`'"it''s".seq'::regclass`, quotes doubled).
 */
function referenceReplacer(from: string, to: string): (text: string) => string {
  const quoted = `"${from.replace(/"/g, '""')}"`;
  const pairs: [string, string][] = [[quoted, rendered(to)]];
  // A key word (`user`) is quoted even when lower-case plain: look for both spellings. Some attributes hold the raw
  // dotted name (an index's `table`), where a name that needs quotes appears without them.
  pairs.push(rendered(from) !== quoted ? [from, rendered(to)] : [from, to]);
  if (quoted.includes("'")) pairs.push([quoted.replace(/'/g, "''"), rendered(to).replace(/'/g, "''")]);
  const patterns = pairs.map(([spelling, target]) => {
    const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = spelling.startsWith('"')
      ? new RegExp(`${escaped}\\.`, 'g')
      : new RegExp(`(?<![A-Za-z0-9_$."])${escaped}\\.`, 'g');
    return { spelling, target, pattern };
  });
  return (text) => {
    let out = text;
    for (const { spelling, target, pattern } of patterns) {
      if (out.includes(spelling)) out = out.replace(pattern, () => `${target}.`);
    }
    return out;
  };
}
