// Structural drift: the pure comparison of an expected catalog snapshot with the actual one. Every difference
// names the object, the attribute, both values, a severity and the SQL that would repair it.
import { type Change, fixupStatements, renameStatement, renameTableStatements } from '../catalog/fixup-sql.js';
import { manual, renderStatements, type Safety, type Statement, worstSafety } from '../catalog/fixup-statement.js';
import {
  type AttrValue,
  type CatalogObject,
  OBJECT_KINDS,
  type ObjectKind,
  objectKey,
  PRIVILEGE_KINDS,
  type Snapshot,
} from '../catalog/model.js';
import { quoteIdent, quoteQualified } from '../catalog/sql-quote.js';
import type { Finding } from '../migrations/finding.js';
import { fixupScript, type ScriptEntry } from './fixup-script.js';
import { applyIgnoreRules, type IgnoredDifference, type IgnoreRule } from './ignore-rules.js';
import { findRenames } from './renames.js';
import { pairTables } from './table-identity.js';

export type Severity = 'security' | 'breaking' | 'cosmetic';
export const SEVERITIES: readonly Severity[] = ['security', 'breaking', 'cosmetic'];

export interface StructureDifference {
  change: Change;
  kind: ObjectKind;
  /** Quoted, qualified SQL name, e.g. public."my table".col; functions carry their argument types. */
  object: string;
  /** Raw name parts, for ignore-rule patterns and machines. */
  path: string[];
  /** The attribute that differs; null when the whole object is missing or unexpected. */
  attribute: string | null;
  expected: AttrValue;
  actual: AttrValue;
  severity: Severity;
  /**
   * SQL that would make the actual database match the expected state, or a `-- comment` when none can be derived.
   * Destructive statements are written commented out with the reason.
   */
  fix_sql: string;
  /** Worst class of the fix-up: safe, locks (blocks writes while it runs) or destructive (can lose data). */
  safety: Safety;
  /** For a missing object that is likely an unexpected one renamed: that object's name (the fix is a RENAME). */
  possible_rename: string | null;
  /** For a missing table that is likely an unexpected one moved to another schema: that table's name (the fix is a
   *  SET SCHEMA). */
  possible_move?: string | null;
}

export interface StructureDiff {
  /** True when no difference remains after ignore rules (notices do not count). */
  equal: boolean;
  expected_fingerprint: string;
  actual_fingerprint: string;
  /** Ordered by severity (security, breaking, cosmetic), then kind, then object. */
  differences: StructureDifference[];
  /** Reported but not drift: column order (PostgreSQL cannot reorder columns, and order rarely matters). */
  notices: StructureDifference[];
  ignored: IgnoredDifference[];
  /** One warning finding per expired ignore rule (kind `expired-ignore-rule`). */
  warnings: Finding[];
  counts: Record<Severity, number>;
  /** Every kept difference's fix-up as one script, in dependency order; destructive statements commented out. */
  fix_script: string;
}

export interface DiffOptions {
  rules?: readonly IgnoreRule[];
  /** Day the ignore rules' expiry dates are compared with (default today, UTC). */
  today?: Date;
  /** Report a differing column order as a cosmetic difference instead of a notice. */
  columnOrder?: 'notice' | 'difference';
}

const SECURITY_KINDS = new Set<ObjectKind>([...PRIVILEGE_KINDS, 'policy']);
const SECURITY_ATTRIBUTES: Record<string, readonly string[]> = {
  table: ['rls_enabled', 'rls_forced'],
  function: ['security_definer', 'config'],
  view: ['security_invoker', 'security_barrier'],
  'materialized view': [],
};
// Planner statistics, TOAST storage and the CLUSTER marker change how, not what, a table stores.
const COSMETIC_ATTRIBUTES = new Set(['comment', 'options', 'column_order', 'statistics', 'storage', 'clustered']);

/** Severity of a difference in `kind` (and `attribute`, when the object exists on both sides). */
export function severityOf(kind: ObjectKind, attribute: string | null, object?: CatalogObject): Severity {
  if (SECURITY_KINDS.has(kind)) return 'security';
  // Who owns an object decides who may change, grant and drop it.
  if (attribute === 'owner') return 'security';
  // A new (or missing) SECURITY DEFINER function runs with its owner's rights, whoever calls it.
  if (attribute === null && kind === 'function' && object?.attrs.security_definer === true) return 'security';
  if (attribute !== null) {
    if (SECURITY_ATTRIBUTES[kind]?.includes(attribute)) return 'security';
    if (COSMETIC_ATTRIBUTES.has(attribute)) return 'cosmetic';
  }
  return 'breaking';
}

/** What an object is, in one value, for the expected/actual field of a missing or unexpected object. */
function summary(o: CatalogObject): AttrValue {
  const a = o.attrs;
  switch (o.kind) {
    case 'column':
      return `${a.type}${a.not_null ? ' NOT NULL' : ''}${a.default ? ` DEFAULT ${a.default}` : ''}`;
    case 'constraint':
    case 'index':
    case 'trigger':
      return o.ddl ?? (a.definition as string | null) ?? o.kind;
    case 'privilege':
    case 'column privilege':
    case 'function privilege':
    case 'schema privilege':
    case 'type privilege':
    case 'default privilege':
      return a.privileges ?? null;
    case 'composite type':
      return a.attributes ?? null;
    case 'rule':
      return (a.definition as string | null) ?? o.kind;
    case 'extension':
      return (a.version as string | null) ?? 'present';
    case 'enum':
      return a.labels ?? null;
    case 'table':
      return (a.relkind as string | null) ?? 'table';
    case 'policy':
      return `${a.command} ${a.using ?? ''}`.trim();
    default:
      return 'present';
  }
}

function displayName(o: CatalogObject): string {
  if (o.kind === 'function privilege') {
    return `${displayName({ ...o, kind: 'function', path: o.path.slice(0, 2) })}.${quoteQualified(o.path.slice(2))}`;
  }
  if (o.kind !== 'function') return quoteQualified(o.path);
  const raw = o.path[1] ?? '';
  const open = raw.indexOf('(');
  return `${quoteQualified([o.path[0] ?? '', raw.slice(0, open)])}${raw.slice(open)}`;
}

/** Attribute values are scalars or string lists, so no generic deep-equal (or JSON) is needed. */
function same(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
  return x.every((v, i) => v === y[i]);
}

/** True when no attribute differs (a key missing on one side equals null on the other, as in `same`). */
function sameAttrs(e: Record<string, AttrValue>, a: Record<string, AttrValue>): boolean {
  for (const k in e) if (!same(e[k], a[k])) return false;
  for (const k in a) if (!(k in e) && !same(null, a[k])) return false;
  return true;
}

/** An identifier as a token in a definition, outside single-quoted literals. */
function renameToken(text: string, from: string, to: string): string {
  const quoted = quoteIdent(from);
  const token = quoted.startsWith('"')
    ? new RegExp(quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
    : new RegExp(`(?<![\\w$".])${from}(?![\\w$"])`, 'g');
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(token, () => quoteIdent(to))))
    .join('');
}

/**
 * A column renamed in place carries its indexes and CHECKs with it: read under the expected column name, they are
 * what the RENAME restores, so they are not reported (and rebuilt) as changed too.
 */
function restoredByColumnRenames(
  exp: Map<string, CatalogObject>,
  act: Map<string, CatalogObject>,
  tableKey: (o: CatalogObject) => string,
): void {
  const missing: CatalogObject[] = [];
  const unexpected: CatalogObject[] = [];
  for (const [key, o] of exp) if (o.kind === 'column' && !act.has(key) && act.has(tableKey(o))) missing.push(o);
  if (missing.length === 0) return;
  for (const [key, o] of act) if (o.kind === 'column' && !exp.has(key) && exp.has(tableKey(o))) unexpected.push(o);
  const on = (map: Map<string, CatalogObject>) => (o: CatalogObject) => map.get(tableKey(o));
  for (const { expected: e, actual: a } of findRenames(missing, unexpected, on(exp), on(act))) {
    const [schema, table] = e.path;
    const from = a.path[2] ?? '';
    const to = e.path[2] ?? '';
    for (const [key, o] of act) {
      const onTable =
        (o.kind === 'constraint' && o.path[0] === schema && o.path[1] === table) ||
        (o.kind === 'index' && o.attrs.table === `${schema}.${table}`);
      if (!onTable) continue;
      const attrs = { ...o.attrs };
      for (const k of ['definition', 'predicate']) {
        const v = attrs[k];
        if (typeof v === 'string') attrs[k] = renameToken(v, from, to);
      }
      act.set(key, { ...o, attrs });
    }
  }
}

/** Compares two snapshots; `expected` is what the migrations define, `actual` what the database holds. */
export function diffSnapshots(expected: Snapshot, actual: Snapshot, options: DiffOptions = {}): StructureDiff {
  const exp = new Map(expected.objects.map((o) => [objectKey(o), o]));
  // Identity before difference: a table renamed or moved is one table, compared under its expected name.
  const tables = pairTables(expected.objects, actual.objects);
  const act = new Map(tables.actual.map((o) => [objectKey(o), o]));
  // Only a missing table's CREATE TABLE needs its children, so the index is built on first use.
  let byTable: Map<string, CatalogObject[]> | undefined;
  let relations: Set<string> | undefined;
  const childKey = (kind: ObjectKind, path: readonly string[]) => `${kind}\u0000${path[0]}\u0000${path[1]}`;
  const ctx = {
    childrenOf: (kind: ObjectKind, prefix: readonly string[]) => {
      if (!byTable) {
        byTable = new Map();
        for (const o of expected.objects) {
          if (o.kind !== 'column' && o.kind !== 'constraint') continue;
          const key = childKey(o.kind, o.path);
          const children = byTable.get(key);
          if (children) children.push(o);
          else byTable.set(key, [o]);
        }
      }
      return [...(byTable.get(childKey(kind, prefix)) ?? [])];
    },
    relationExists: (dotted: string) => {
      relations ??= new Set(
        [...act.values()]
          // A materialized view may be recreated by the same script, with its indexes: only tables stay.
          .filter((o) => o.kind === 'table')
          .map((o) => o.path.join('.')),
      );
      return relations.has(dotted);
    },
    indexesOn: (relation: readonly string[]) => {
      const dotted = relation.join('.');
      return expected.objects.filter(
        (o) => o.kind === 'index' && o.attrs.table === dotted && o.path[0] === relation[0],
      );
    },
  };
  const tableKey = (o: CatalogObject) => objectKey({ kind: 'table', path: [o.path[0] ?? '', o.path[1] ?? ''] });
  restoredByColumnRenames(exp, act, tableKey);
  const onTable = new Set<ObjectKind>(['column', 'constraint', 'index', 'trigger', 'policy']);

  const differences: StructureDifference[] = [];
  const notices: StructureDifference[] = [];
  const scripts = new Map<StructureDifference, ScriptEntry>();
  // Statements already offered for an object: a second attribute whose fix is the same recreation points back.
  const offered = new Map<string, Map<string, string>>();
  const make = (
    change: Change,
    o: CatalogObject,
    attribute: string | null,
    expectedValue: AttrValue,
    actualValue: AttrValue,
    statements: Statement[],
    rename: CatalogObject | null = null,
  ): StructureDifference => {
    const renamedTo = rename && rename.path[rename.path.length - 1] !== o.path[o.path.length - 1];
    const movedTo = rename && o.kind === 'table' && rename.path[0] !== o.path[0];
    const key = objectKey(o);
    const done = offered.get(key) ?? new Map<string, string>();
    offered.set(key, done);
    const shown = statements.map((st) => {
      const by = done.get(st.sql);
      if (by === undefined) {
        done.set(st.sql, String(attribute));
        return st;
      }
      return manual(`done by the fix-up of ${by}`, st.safety);
    });
    const d: StructureDifference = {
      change,
      kind: o.kind,
      object: displayName(o),
      path: [...o.path],
      attribute,
      expected: expectedValue,
      actual: actualValue,
      severity: severityOf(o.kind, attribute, o),
      fix_sql: renderStatements(shown),
      safety: worstSafety(statements),
      possible_rename: rename && (renamedTo || !movedTo) ? displayName(rename) : null,
      possible_move: movedTo && rename ? displayName(rename) : null,
    };
    scripts.set(d, {
      change,
      kind: o.kind,
      attribute,
      foreignKey: o.kind === 'constraint' && o.attrs.type === 'foreign key',
      child:
        o.kind === 'table' &&
        ((Array.isArray(o.attrs.partition_of) && o.attrs.partition_of.length > 0) ||
          (Array.isArray(o.attrs.inherits) && o.attrs.inherits.length > 0)),
      rename: rename !== null,
      statements,
    });
    return d;
  };

  const missing: CatalogObject[] = [];
  const unexpected: CatalogObject[] = [];
  for (const { expected: e, actual: a } of tables.pairs) {
    differences.push(make('missing', e, null, summary(e), summary(a), renameTableStatements(e, a), a));
  }
  for (const [key, e] of exp) {
    const a = act.get(key);
    if (!a) {
      // A missing table's CREATE TABLE carries its columns and constraints; they are not listed again.
      if ((e.kind === 'column' || e.kind === 'constraint') && !act.has(tableKey(e)) && exp.has(tableKey(e))) continue;
      missing.push(e);
      continue;
    }
    // Nearly every object is unchanged: check that first without building an attribute list.
    if (sameAttrs(e.attrs, a.attrs)) continue;
    const attributes = Object.keys(e.attrs);
    for (const k of Object.keys(a.attrs)) if (!(k in e.attrs)) attributes.push(k);
    for (const attribute of attributes) {
      if (attribute === 'column_order') {
        const shared = (list: AttrValue | undefined, other: AttrValue | undefined) =>
          (Array.isArray(list) ? list : []).filter((c) => Array.isArray(other) && other.includes(c));
        const eOrder = shared(e.attrs.column_order, a.attrs.column_order);
        const aOrder = shared(a.attrs.column_order, e.attrs.column_order);
        if (same(eOrder, aOrder)) continue;
        const d = make('changed', e, attribute, eOrder, aOrder, [
          manual('PostgreSQL cannot reorder columns in place; recreate the table if the order matters', 'destructive'),
        ]);
        (options.columnOrder === 'difference' ? differences : notices).push(d);
        continue;
      }
      if (same(e.attrs[attribute], a.attrs[attribute])) continue;
      differences.push(
        make(
          'changed',
          e,
          attribute,
          e.attrs[attribute] ?? null,
          a.attrs[attribute] ?? null,
          fixupStatements('changed', e, a, attribute, ctx),
        ),
      );
    }
  }
  for (const [key, a] of act) {
    if (exp.has(key)) continue;
    // Dropping an unexpected table drops what hangs on it.
    if (onTable.has(a.kind) && !exp.has(tableKey(a)) && act.has(tableKey(a))) continue;
    if (a.kind === 'privilege' && !exp.has(tableKey(a)) && act.has(tableKey(a))) continue;
    if (a.kind === 'column privilege' && !exp.has(tableKey(a)) && act.has(tableKey(a))) continue;
    unexpected.push(a);
  }

  // A likely rename is one difference whose fix is RENAME (and the changes of the renamed object, if any).
  const tableOn = (map: Map<string, CatalogObject>) => (o: CatalogObject) => map.get(tableKey(o));
  const renamed = new Set<CatalogObject>();
  for (const { expected: e, actual: a } of findRenames(missing, unexpected, tableOn(exp), tableOn(act))) {
    renamed.add(e).add(a);
    differences.push(make('missing', e, null, summary(e), summary(a), [renameStatement(e, a)], a));
    for (const attribute of Object.keys(e.attrs)) {
      // An index's definition holds its name; the rest of it is what made the pair.
      if (attribute === 'comment' || (e.kind === 'index' && attribute === 'definition')) continue;
      if (same(e.attrs[attribute], a.attrs[attribute])) continue;
      differences.push(
        make('changed', e, attribute, e.attrs[attribute] ?? null, a.attrs[attribute] ?? null, [
          ...fixupStatements('changed', e, { ...a, path: e.path }, attribute, ctx),
        ]),
      );
    }
    if (!same(e.attrs.comment, a.attrs.comment)) {
      differences.push(
        make('changed', e, 'comment', e.attrs.comment ?? null, a.attrs.comment ?? null, [
          ...fixupStatements('changed', e, a, 'comment', ctx),
        ]),
      );
    }
  }
  for (const e of missing) {
    if (renamed.has(e)) continue;
    const similar = tables.similar.get(e);
    if (similar) {
      const names = similar.map(displayName).join(' or ');
      differences.push(
        make('missing', e, null, summary(e), null, [
          manual(
            `${displayName(e)} may be ${names} renamed or moved and then changed (at least half its columns are there): creating it would leave an empty table while its rows may sit there; rename and change that table by hand, or create this one if it is not it`,
            'destructive',
          ),
        ]),
      );
      continue;
    }
    const candidates = tables.ambiguous.get(e);
    if (candidates) {
      // Creating it would leave an empty table under the expected name while its rows may sit in a candidate.
      const names = candidates.map(displayName).join(' or ');
      differences.push(
        make('missing', e, null, summary(e), null, [
          manual(
            `${displayName(e)} may be ${names} renamed or moved (same columns and constraints), and the catalog cannot tell which: rename the right one by hand, or create the table if none is it`,
            'destructive',
          ),
        ]),
      );
      continue;
    }
    differences.push(make('missing', e, null, summary(e), null, fixupStatements('missing', e, undefined, null, ctx)));
  }
  for (const a of unexpected) {
    if (renamed.has(a)) continue;
    differences.push(
      make('unexpected', a, null, null, summary(a), fixupStatements('unexpected', undefined, a, null, ctx)),
    );
  }

  const rank = new Map(OBJECT_KINDS.map((k, i) => [k, i]));
  const order = (x: StructureDifference, y: StructureDifference) =>
    SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity) ||
    (rank.get(x.kind) ?? 0) - (rank.get(y.kind) ?? 0) ||
    (x.object < y.object ? -1 : x.object > y.object ? 1 : 0) ||
    (String(x.attribute) < String(y.attribute) ? -1 : String(x.attribute) > String(y.attribute) ? 1 : 0);
  differences.sort(order);
  notices.sort(order);

  const { kept, ignored, warnings } = applyIgnoreRules(differences, options.rules ?? [], options.today ?? new Date());
  const counts: Record<Severity, number> = { security: 0, breaking: 0, cosmetic: 0 };
  for (const d of kept) counts[d.severity]++;
  return {
    equal: kept.length === 0,
    expected_fingerprint: expected.fingerprint,
    actual_fingerprint: actual.fingerprint,
    differences: kept,
    notices,
    ignored,
    warnings,
    counts,
    fix_script: fixupScript(kept.map((d) => scripts.get(d)).filter((e): e is ScriptEntry => e !== undefined)),
  };
}
