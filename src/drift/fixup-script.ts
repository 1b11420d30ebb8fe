// The whole fix-up as one script, in dependency order: renames first (later statements use the expected names),
// then what hangs on other objects is dropped, then objects are created or changed from the outside in (schemas and
// types before tables, tables before their columns, constraints, views, indexes on views, triggers and policies),
// then unexpected objects themselves go, and privileges and owners come last, once every object exists.
import { renderStatements, type Statement } from '../catalog/fixup-statement.js';
import type { ObjectKind } from '../catalog/model.js';
import { PRIVILEGE_KINDS } from '../catalog/model.js';

export interface ScriptEntry {
  change: 'missing' | 'unexpected' | 'changed';
  kind: ObjectKind;
  attribute: string | null;
  /** A foreign key is created after every other constraint, whose keys it may reference. */
  foreignKey: boolean;
  /** A partition or inheriting child is created after its parent. */
  child: boolean;
  rename: boolean;
  statements: Statement[];
}

const CREATE_ORDER: readonly ObjectKind[] = [
  'schema',
  'extension',
  'enum',
  'domain',
  'composite type',
  'sequence',
  'table',
  'column',
  'constraint',
  'function',
  'view',
  'materialized view',
  'index',
  'trigger',
  'rule',
  'policy',
];
/** Unexpected objects that depend on others go first, so the drop of what they hang on cannot fail on them. */
const DEPENDANTS = new Set<ObjectKind>([
  'policy',
  'rule',
  'trigger',
  'view',
  'materialized view',
  'index',
  'constraint',
]);

function rank(e: ScriptEntry): number {
  if (e.rename) return 0;
  if (PRIVILEGE_KINDS.includes(e.kind) || e.attribute === 'owner') return 4000;
  const kindRank = Math.max(0, CREATE_ORDER.indexOf(e.kind));
  if (e.change === 'unexpected') {
    // Dependants: views before the tables they read, foreign keys before the keys they reference.
    if (DEPENDANTS.has(e.kind)) return 1000 + (CREATE_ORDER.length - kindRank) * 2 - (e.foreignKey ? 1 : 0);
    return 3000 + (CREATE_ORDER.length - kindRank);
  }
  return 2000 + kindRank * 4 + (e.foreignKey ? 2 : 0) + (e.child ? 1 : 0);
}

/** Every entry's statements in dependency order, each statement once (one object changed in several attributes
 *  is recreated once); destructive statements and notes commented out. */
export function fixupScript(entries: readonly ScriptEntry[]): string {
  const ordered = entries.map((e, i) => ({ e, i, r: rank(e) })).sort((x, y) => x.r - y.r || x.i - y.i);
  const seen = new Set<string>();
  const statements: Statement[] = [];
  for (const { e } of ordered) {
    for (const s of e.statements) {
      if (seen.has(s.sql)) continue;
      seen.add(s.sql);
      statements.push(s);
    }
  }
  return renderStatements(statements);
}
