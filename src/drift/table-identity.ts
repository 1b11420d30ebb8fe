// Identity before difference for tables: a missing table and an unexpected one with the same columns and the same
// constraints (modulo names) are one table renamed or moved. Reported as "missing + unexpected" the fix-up would
// create an empty table under the expected name while the rows sit in the other; paired, the fix is ALTER TABLE …
// RENAME / SET SCHEMA and the rows come back with the table. The actual side is then rewritten under the expected
// name (its columns, constraints, indexes, triggers, policies, grants, owned sequences), so what hangs on the table
// is compared as usual and nothing the rename restores is rebuilt.
import type { CatalogObject } from '../catalog/model.js';
import { quoteQualified } from '../catalog/sql-quote.js';

export interface TablePair {
  expected: CatalogObject;
  actual: CatalogObject;
}

export interface TableIdentity {
  pairs: TablePair[];
  /** Missing tables that could be any of several unexpected ones: never guessed, left to a human. */
  ambiguous: Map<CatalogObject, CatalogObject[]>;
  /**
   * Missing tables that match no unexpected table exactly but share at least half their columns (name and type) with
   * one: perhaps renamed and changed. Creating them would leave an empty stand-in while the rows may sit there.
   */
  similar: Map<CatalogObject, CatalogObject[]>;
  /** The actual objects, with every paired table's objects under the expected name. */
  actual: CatalogObject[];
}

const tableKey = (schema: string | undefined, table: string | undefined) => `${schema}\u0000${table}`;
const ON_TABLE = new Set(['column', 'constraint', 'trigger', 'rule', 'policy', 'privilege', 'column privilege']);

/** Replaces `from` with `to` outside single-quoted literals (a literal that happens to hold the name is data). */
function replaceName(text: string, from: string, to: string): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.split(from).join(to)))
    .join('');
}

function signature(table: CatalogObject, children: readonly CatalogObject[]): string {
  const a = table.attrs;
  const order = Array.isArray(a.column_order) ? a.column_order : [];
  const columns = children
    .filter((c) => c.kind === 'column')
    .sort((x, y) => order.indexOf(x.path[2] ?? '') - order.indexOf(y.path[2] ?? ''))
    .map((c) => [c.path[2], c.attrs.type, c.attrs.not_null, c.attrs.default, c.attrs.identity, c.attrs.generated]);
  const constraints = children
    .filter((c) => c.kind === 'constraint')
    .map((c) => JSON.stringify([c.attrs.type, c.attrs.definition, c.attrs.on_delete, c.attrs.on_update]))
    .sort();
  return JSON.stringify([
    a.relkind,
    a.partition_key,
    a.partition_of,
    a.partition_bound,
    a.inherits,
    a.unlogged,
    columns,
    constraints,
  ]);
}

/** For each missing table, the unexpected tables holding at least half of its columns (same name and type). */
function similarTables(
  missing: readonly CatalogObject[],
  unexpected: readonly CatalogObject[],
  expected: readonly CatalogObject[],
  actual: readonly CatalogObject[],
): Map<CatalogObject, CatalogObject[]> {
  const out = new Map<CatalogObject, CatalogObject[]>();
  if (missing.length === 0 || unexpected.length === 0) return out;
  const columnsOf = (tables: readonly CatalogObject[], objects: readonly CatalogObject[]) => {
    const wanted = new Set(tables.map((t) => tableKey(t.path[0], t.path[1])));
    const columns = new Map<string, Set<string>>();
    for (const o of objects) {
      if (o.kind !== 'column') continue;
      const key = tableKey(o.path[0], o.path[1]);
      if (!wanted.has(key)) continue;
      const set = columns.get(key) ?? new Set<string>();
      set.add(`${o.path[2]}\u0000${o.attrs.type}`);
      columns.set(key, set);
    }
    return (t: CatalogObject) => columns.get(tableKey(t.path[0], t.path[1])) ?? new Set<string>();
  };
  const want = columnsOf(missing, expected);
  const have = columnsOf(unexpected, actual);
  for (const m of missing) {
    const mine = want(m);
    if (mine.size === 0) continue;
    const candidates = unexpected.filter((u) => {
      let shared = 0;
      for (const c of have(u)) if (mine.has(c)) shared++;
      return shared * 2 >= mine.size;
    });
    if (candidates.length) out.set(m, candidates);
  }
  return out;
}

/** Pairs missing and unexpected tables that are one table renamed or moved, and rewrites the actual side. */
export function pairTables(expected: readonly CatalogObject[], actual: readonly CatalogObject[]): TableIdentity {
  const tables = (objects: readonly CatalogObject[]) =>
    new Map(objects.filter((o) => o.kind === 'table').map((o) => [tableKey(o.path[0], o.path[1]), o]));
  const expTables = tables(expected);
  const actTables = tables(actual);
  const missing = [...expTables].filter(([k]) => !actTables.has(k)).map(([, o]) => o);
  const unexpected = [...actTables].filter(([k]) => !expTables.has(k)).map(([, o]) => o);
  const none: TableIdentity = { pairs: [], ambiguous: new Map(), similar: new Map(), actual: [...actual] };
  if (missing.length === 0 || unexpected.length === 0) return none;

  const bySignature = (candidates: readonly CatalogObject[], objects: readonly CatalogObject[]) => {
    const wanted = new Set(candidates.map((t) => tableKey(t.path[0], t.path[1])));
    const children = new Map<string, CatalogObject[]>();
    for (const o of objects) {
      if (o.kind !== 'column' && o.kind !== 'constraint') continue;
      const key = tableKey(o.path[0], o.path[1]);
      if (wanted.has(key)) children.set(key, [...(children.get(key) ?? []), o]);
    }
    const groups = new Map<string, CatalogObject[]>();
    for (const t of candidates) {
      const sig = signature(t, children.get(tableKey(t.path[0], t.path[1])) ?? []);
      groups.set(sig, [...(groups.get(sig) ?? []), t]);
    }
    return groups;
  };
  const want = bySignature(missing, expected);
  const have = bySignature(unexpected, actual);
  const pairs: TablePair[] = [];
  const ambiguous = new Map<CatalogObject, CatalogObject[]>();
  for (const [sig, es] of want) {
    const as = have.get(sig);
    if (!as) continue;
    const [e] = es;
    const [a] = as;
    if (es.length === 1 && as.length === 1 && e && a) pairs.push({ expected: e, actual: a });
    else for (const m of es) ambiguous.set(m, as);
  }
  const paired = new Set(pairs.flatMap((p) => [p.expected, p.actual]));
  const similar = similarTables(
    missing.filter((m) => !paired.has(m) && !ambiguous.has(m)),
    unexpected.filter((u) => !paired.has(u)),
    expected,
    actual,
  );
  if (pairs.length === 0) return { ...none, ambiguous, similar };

  const moves = new Map(pairs.map((p) => [tableKey(p.actual.path[0], p.actual.path[1]), p]));
  const dotted = new Map(pairs.map((p) => [p.actual.path.join('.'), p]));
  const rewritten = actual.map((o): CatalogObject => {
    if (o.kind === 'table') {
      const own = moves.get(tableKey(o.path[0], o.path[1]));
      let attrs = o.attrs;
      // A child of a renamed parent names its parent by the expected name once the parent is renamed back.
      for (const p of pairs) {
        const from = quoteQualified(p.actual.path);
        const to = quoteQualified(p.expected.path);
        if (Array.isArray(attrs.inherits) && attrs.inherits.includes(from)) {
          attrs = { ...attrs, inherits: attrs.inherits.map((x) => (x === from ? to : x)) };
        }
        if (Array.isArray(attrs.partition_of) && attrs.partition_of.join('.') === p.actual.path.join('.')) {
          attrs = { ...attrs, partition_of: [...p.expected.path] };
        }
      }
      return own ? { ...o, path: [...own.expected.path], attrs } : attrs === o.attrs ? o : { ...o, attrs };
    }
    if (ON_TABLE.has(o.kind)) {
      const p = moves.get(tableKey(o.path[0], o.path[1]));
      if (p) {
        const from = quoteQualified(p.actual.path);
        const to = quoteQualified(p.expected.path);
        const definition = typeof o.attrs.definition === 'string' ? o.attrs.definition : null;
        return {
          ...o,
          path: [...p.expected.path, ...o.path.slice(2)],
          attrs: definition === null ? o.attrs : { ...o.attrs, definition: replaceName(definition, from, to) },
        };
      }
    }
    if (o.kind === 'index') {
      const p = dotted.get(String(o.attrs.table));
      if (p) {
        const from = ` ${quoteQualified(p.actual.path)} `;
        const to = ` ${quoteQualified(p.expected.path)} `;
        return {
          ...o,
          path: [p.expected.path[0] ?? '', ...o.path.slice(1)],
          attrs: {
            ...o.attrs,
            table: p.expected.path.join('.'),
            definition: replaceName(String(o.attrs.definition ?? ''), from, to),
          },
        };
      }
    }
    if (o.kind === 'sequence' && Array.isArray(o.attrs.owned_by)) {
      const p = moves.get(tableKey(o.attrs.owned_by[0], o.attrs.owned_by[1]));
      // An owned sequence moves with its table (SET SCHEMA) and keeps its name on a rename.
      if (p) {
        return {
          ...o,
          path: [p.expected.path[0] ?? '', ...o.path.slice(1)],
          attrs: { ...o.attrs, owned_by: [...p.expected.path, ...o.attrs.owned_by.slice(2)] },
        };
      }
    }
    if (o.kind === 'constraint' && typeof o.attrs.definition === 'string') {
      // A foreign key elsewhere names the referenced table.
      let definition = o.attrs.definition;
      for (const p of pairs) {
        definition = replaceName(definition, quoteQualified(p.actual.path), quoteQualified(p.expected.path));
      }
      return definition === o.attrs.definition ? o : { ...o, attrs: { ...o.attrs, definition } };
    }
    return o;
  });
  return { pairs, ambiguous, similar, actual: rewritten };
}
