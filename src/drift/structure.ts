// Structural drift: the pure comparison of an expected catalog snapshot with the actual one. Every difference
// names the object, the attribute, both values, a severity and the SQL that would repair it.
import { type Change, fixupSql } from '../catalog/fixup-sql.js';
import {
  type AttrValue,
  type CatalogObject,
  OBJECT_KINDS,
  type ObjectKind,
  objectKey,
  type Snapshot,
} from '../catalog/model.js';
import { quoteQualified } from '../catalog/sql-quote.js';
import type { Finding } from '../migrations/finding.js';
import { applyIgnoreRules, type IgnoredDifference, type IgnoreRule } from './ignore-rules.js';

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
  /** SQL that would make the actual database match the expected state, or a `-- comment` when none can be derived. */
  fix_sql: string;
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
}

export interface DiffOptions {
  rules?: readonly IgnoreRule[];
  /** Day the ignore rules' expiry dates are compared with (default today, UTC). */
  today?: Date;
  /** Report a differing column order as a cosmetic difference instead of a notice. */
  columnOrder?: 'notice' | 'difference';
}

const SECURITY_KINDS = new Set<ObjectKind>(['privilege', 'policy']);
const SECURITY_ATTRIBUTES: Record<string, readonly string[]> = {
  table: ['rls_enabled', 'rls_forced'],
  function: ['security_definer', 'config'],
  view: ['security_invoker', 'security_barrier'],
  'materialized view': [],
};
const COSMETIC_ATTRIBUTES = new Set(['comment', 'options', 'column_order']);

/** Severity of a difference in `kind` (and `attribute`, when the object exists on both sides). */
export function severityOf(kind: ObjectKind, attribute: string | null): Severity {
  if (SECURITY_KINDS.has(kind)) return 'security';
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
      return a.privileges ?? null;
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

/** Compares two snapshots; `expected` is what the migrations define, `actual` what the database holds. */
export function diffSnapshots(expected: Snapshot, actual: Snapshot, options: DiffOptions = {}): StructureDiff {
  const exp = new Map(expected.objects.map((o) => [objectKey(o), o]));
  const act = new Map(actual.objects.map((o) => [objectKey(o), o]));
  // Only a missing table's CREATE TABLE needs its children, so the index is built on first use.
  let byTable: Map<string, CatalogObject[]> | undefined;
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
  };
  const tableKey = (o: CatalogObject) => objectKey({ kind: 'table', path: [o.path[0] ?? '', o.path[1] ?? ''] });
  const onTable = new Set<ObjectKind>(['column', 'constraint', 'index', 'trigger', 'policy']);

  const differences: StructureDifference[] = [];
  const notices: StructureDifference[] = [];
  const make = (
    change: Change,
    o: CatalogObject,
    attribute: string | null,
    expectedValue: AttrValue,
    actualValue: AttrValue,
    fix: string,
  ): StructureDifference => ({
    change,
    kind: o.kind,
    object: displayName(o),
    path: [...o.path],
    attribute,
    expected: expectedValue,
    actual: actualValue,
    severity: severityOf(o.kind, attribute),
    fix_sql: fix,
  });

  for (const [key, e] of exp) {
    const a = act.get(key);
    if (!a) {
      // A missing table's CREATE TABLE carries its columns and constraints; they are not listed again.
      if ((e.kind === 'column' || e.kind === 'constraint') && !act.has(tableKey(e)) && exp.has(tableKey(e))) continue;
      differences.push(make('missing', e, null, summary(e), null, fixupSql('missing', e, undefined, null, ctx)));
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
        const d = make(
          'changed',
          e,
          attribute,
          eOrder,
          aOrder,
          '-- PostgreSQL cannot reorder columns in place; recreate the table if the order matters',
        );
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
          fixupSql('changed', e, a, attribute, ctx),
        ),
      );
    }
  }
  for (const [key, a] of act) {
    if (exp.has(key)) continue;
    // Dropping an unexpected table drops what hangs on it.
    if (onTable.has(a.kind) && !exp.has(tableKey(a)) && act.has(tableKey(a))) continue;
    if (a.kind === 'privilege' && !exp.has(tableKey(a)) && act.has(tableKey(a))) continue;
    differences.push(make('unexpected', a, null, null, summary(a), fixupSql('unexpected', undefined, a, null, ctx)));
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
  };
}
