// Likely renames: a missing object and an unexpected one that are the same thing under another name. Reporting them
// as "missing + unexpected" would offer ADD + DROP, which replaces every value of a renamed column with its default;
// reported as a possible rename, the fix-up is ALTER … RENAME, which keeps the data.
import type { CatalogObject } from '../catalog/model.js';
import { quoteIdent } from '../catalog/sql-quote.js';

export interface RenamePair {
  expected: CatalogObject;
  actual: CatalogObject;
}

const tableOf = (o: CatalogObject) => `${o.path[0]}\u0000${o.path[1]}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What must agree, apart from the name, for two objects of a kind to be taken for one renamed object. */
function signature(o: CatalogObject, table: CatalogObject | undefined): string | null {
  const a = o.attrs;
  switch (o.kind) {
    case 'column': {
      // The same position in its table (and the lone missing and lone unexpected column of it): a column renamed,
      // perhaps retyped too — the type difference is then its own fix (ALTER … TYPE … USING).
      const order = Array.isArray(table?.attrs.column_order) ? (table?.attrs.column_order as string[]) : [];
      const at = order.indexOf(o.path[2] ?? '');
      return at < 0 ? null : JSON.stringify([o.path[0], o.path[1], at]);
    }
    case 'index': {
      const name = o.path[1] ?? '';
      // The definition names the index once, right after INDEX.
      const def = String(a.definition ?? '').replace(` INDEX ${quoteIdent(name)} ON `, ' INDEX ON ');
      return JSON.stringify([o.path[0], a.table, def, a.predicate, a.unique]);
    }
    case 'constraint':
      return JSON.stringify([o.path[0], o.path[1], a.type, a.definition, a.on_delete, a.on_update, a.match]);
    default:
      return null;
  }
}

/**
 * Pairs of (missing expected, unexpected actual) objects that are one object renamed: same kind, same signature,
 * and the only such candidate on each side (two candidates are ambiguous, and stay missing + unexpected).
 */
export function findRenames(
  missing: readonly CatalogObject[],
  unexpected: readonly CatalogObject[],
  expectedTable: (o: CatalogObject) => CatalogObject | undefined,
  actualTable: (o: CatalogObject) => CatalogObject | undefined,
): RenamePair[] {
  const bySignature = (objects: readonly CatalogObject[], table: (o: CatalogObject) => CatalogObject | undefined) => {
    const map = new Map<string, CatalogObject[]>();
    for (const o of objects) {
      const key = signature(o, table(o));
      if (key === null) continue;
      const k = `${o.kind}\u0000${key}`;
      map.set(k, [...(map.get(k) ?? []), o]);
    }
    return map;
  };
  // A column pairs only when it is the one missing and the one unexpected column of its table.
  const perTable = (objects: readonly CatalogObject[]) => {
    const counts = new Map<string, number>();
    for (const o of objects) if (o.kind === 'column') counts.set(tableOf(o), (counts.get(tableOf(o)) ?? 0) + 1);
    return (o: CatalogObject) => o.kind !== 'column' || counts.get(tableOf(o)) === 1;
  };
  const loneMissing = perTable(missing);
  const loneUnexpected = perTable(unexpected);
  const want = bySignature(missing.filter(loneMissing), expectedTable);
  const have = bySignature(unexpected.filter(loneUnexpected), actualTable);
  const pairs: RenamePair[] = [];
  for (const [key, expected] of want) {
    const actual = have.get(key);
    if (expected.length !== 1 || actual?.length !== 1) continue;
    const [e] = expected;
    const [a] = actual;
    if (e && a && !same(e.path.slice(0, -1), a.path.slice(0, -1))) continue;
    if (e && a) pairs.push({ expected: e, actual: a });
  }
  return pairs;
}
