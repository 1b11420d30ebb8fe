// The order and deduplication of a snapshot's objects, against the definition: one object per (kind, path) key, the
// last read winning, sorted by kind (OBJECT_KINDS) and then by the JSON text of the path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CatalogObject, OBJECT_KINDS, objectKey } from '../../src/catalog/model.js';
import { buildSnapshot } from '../../src/catalog/snapshot.js';

const stats = { queries: 0, largest_response_bytes: 0, total_response_bytes: 0, response_budget_bytes: 0 };

function definition(objects: CatalogObject[]): CatalogObject[] {
  const byKey = new Map<string, CatalogObject>();
  for (const o of objects) byKey.set(objectKey(o), o);
  const rank = (o: CatalogObject) => OBJECT_KINDS.indexOf(o.kind);
  const json = (o: CatalogObject) => JSON.stringify(o.path);
  return [...byKey.values()].sort((a, b) => rank(a) - rank(b) || (json(a) < json(b) ? -1 : json(a) > json(b) ? 1 : 0));
}

// Plain names (as PostgreSQL's usual ones), names that are prefixes of each other, and names whose JSON is escaped
// or that hold characters sorting below the JSON quote.
const plain = fc.constantFrom('a', 'ab', 'abc', 'b', 'B', 'a_b', 'a$', 'z9', 'é', 'ü', '');
const hostile = fc.constantFrom('a b', 'a!', 'a"b', 'a\\b', 'a\u0000b', 'a\nb', '\ud800', 'a\u0000');

function objects(name: fc.Arbitrary<string>): fc.Arbitrary<CatalogObject[]> {
  return fc.array(
    fc.record({
      kind: fc.constantFrom(...OBJECT_KINDS.slice(0, 8)),
      path: fc.array(name, { minLength: 1, maxLength: 3 }),
      attrs: fc.record({ n: fc.nat(5) }),
    }),
    { maxLength: 40 },
  );
}

describe('buildSnapshot order', () => {
  it('sorts and deduplicates plain paths as the definition does', () => {
    fc.assert(
      fc.property(objects(plain), (list) => {
        expect(buildSnapshot(list, 0, stats).objects).toEqual(definition(list));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts and deduplicates any paths, NUL and escaped characters included, as the definition does', () => {
    fc.assert(
      fc.property(objects(fc.oneof(plain, hostile)), (list) => {
        expect(buildSnapshot(list, 0, stats).objects).toEqual(definition(list));
      }),
      { numRuns: 2000 },
    );
  });
});
