import { describe, expect, it } from 'vitest';
import {
  accidentalHeads,
  ancestors,
  branchPoints,
  buildGraph,
  effectiveHeads,
  inApplyOrder,
  type MigrationGraph,
  mergePoints,
  pathBetween,
} from '../../src/migrations/graph.js';
import type { Revision } from '../../src/migrations/revision.js';

function rev(id: string, down: string[] = [], extra: Partial<Revision> = {}): Revision {
  return {
    id,
    downRevisions: down,
    dependsOn: [],
    branchLabels: [],
    file: `v/${id}.py`,
    line: 3,
    message: '',
    ...extra,
  };
}

const ids = (revs: Revision[]) => revs.map((r) => r.id);
const kinds = (g: MigrationGraph) => g.findings.map((f) => f.kind);

//   a ─ b ─┬─ c ─┬─ e ─ f
//          └─ d ─┘
const diamond = [rev('a'), rev('b', ['a']), rev('c', ['b']), rev('d', ['b']), rev('e', ['c', 'd']), rev('f', ['e'])];

describe('buildGraph', () => {
  it('finds heads, bases, branch and merge points of a history with a merged branch', () => {
    const g = buildGraph(diamond);
    expect(g.heads).toEqual(['f']);
    expect(g.bases).toEqual(['a']);
    expect(g.findings).toEqual([]);
    expect(branchPoints(g)).toEqual(['b']);
    expect(mergePoints(g)).toEqual(['e']);
  });

  it('keeps a revision reached only through depends_on as a head, as Alembic does', () => {
    const g = buildGraph([rev('a'), rev('b', ['a']), rev('x'), rev('c', ['b'], { dependsOn: ['x'] })]);
    expect(g.heads).toEqual(['c', 'x']);
    expect(g.bases).toEqual(['a', 'x']);
  });

  it('resolves depends_on and down_revision through branch labels', () => {
    const g = buildGraph([
      rev('a', [], { branchLabels: ['auth'] }),
      rev('b'),
      rev('c', ['b'], { dependsOn: ['auth'] }),
    ]);
    expect(g.revisions.get('c')?.dependsOn).toEqual(['a']);
    expect(g.findings.filter((f) => f.kind !== 'multiple-heads')).toEqual([]);
  });

  it('refuses down_revision naming a branch label, as Alembic does (KeyError)', () => {
    const byLabel = buildGraph([rev('a', [], { branchLabels: ['core'] }), rev('b', ['core'])]);
    expect(byLabel.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        kind: 'down-revision-is-branch-label',
        file: 'v/b.py',
      }),
    );
    expect(byLabel.findings.find((f) => f.kind === 'down-revision-is-branch-label')?.message).toContain('"core"');
  });

  it('refuses a branch label equal to its own or another revision id', () => {
    const own = buildGraph([rev('a', [], { branchLabels: ['a'] })]);
    expect(own.findings.map((f) => [f.kind, f.severity])).toEqual([['branch-label-is-revision-id', 'error']]);
    const other = buildGraph([rev('a', [], { branchLabels: ['b'] }), rev('b', ['a'])]);
    expect(other.findings.map((f) => [f.kind, f.file])).toEqual([['branch-label-is-revision-id', 'v/a.py']]);
  });

  it('raises no multiple-heads for heads that each carry a branch label of their own', () => {
    const g = buildGraph([
      rev('root'),
      rev('e1', ['root'], { branchLabels: ['expand'] }),
      rev('e2', ['e1']),
      rev('c1', ['root'], { branchLabels: ['contract'] }),
    ]);
    expect(g.heads).toEqual(['c1', 'e2']);
    expect(g.findings).toEqual([]);
    expect(accidentalHeads(g)).toEqual([]);
  });

  it('keeps multiple-heads when only one of two heads is labelled, or both share the label', () => {
    const one = buildGraph([rev('root'), rev('a1', ['root'], { branchLabels: ['x'] }), rev('b1', ['root'])]);
    expect(one.findings.filter((f) => f.kind === 'multiple-heads').map((f) => f.file)).toHaveLength(2);
    const shared = buildGraph([rev('root', [], { branchLabels: ['x'] }), rev('a1', ['root']), rev('b1', ['root'])]);
    expect(shared.findings.filter((f) => f.kind === 'multiple-heads')).toHaveLength(2);
  });

  it('counts a head that another branch depends_on as reached through its dependant (effective heads)', () => {
    const g = buildGraph([rev('a'), rev('b', ['a']), rev('c', ['a'], { dependsOn: ['b'] })]);
    expect(g.heads).toEqual(['b', 'c']);
    expect(effectiveHeads(g)).toEqual(['c']);
    expect(g.findings).toEqual([]);
  });

  it('reports a missing parent naming both ends, at the referencing file and line', () => {
    const g = buildGraph([rev('a'), rev('b', ['zz'], { line: 9 })]);
    expect(g.findings).toContainEqual({
      severity: 'error',
      kind: 'missing-parent',
      message: 'revision zz referenced from b is not present',
      file: 'v/b.py',
      line: 9,
    });
  });

  it('reports a missing depends_on target as a missing parent', () => {
    const g = buildGraph([rev('a'), rev('b', ['a'], { dependsOn: ['nope'] })]);
    expect(g.findings).toMatchObject([
      { kind: 'missing-parent', message: 'revision nope referenced from b is not present' },
    ]);
  });

  it('reports a duplicate id at the second file and keeps the first', () => {
    const g = buildGraph([rev('a', [], { file: 'v/one.py' }), rev('a', [], { file: 'v/two.py' })]);
    expect(g.findings).toMatchObject([
      { kind: 'duplicate-revision', file: 'v/two.py', message: 'revision a in v/two.py is also defined in v/one.py' },
    ]);
    expect(g.revisions.get('a')?.file).toBe('v/one.py');
  });

  it('reports a cycle once with its members, and a self-loop', () => {
    const g = buildGraph([rev('a'), rev('b', ['a', 'd']), rev('c', ['b']), rev('d', ['c']), rev('s', ['s'])]);
    const cycles = g.findings.filter((f) => f.kind === 'cycle');
    expect(cycles.map((f) => f.message)).toEqual([
      'revisions b, c, d form a cycle',
      'revision s names itself as its parent or dependency',
    ]);
    expect(cycles[0]).toMatchObject({ file: 'v/b.py', line: 3 });
  });

  it('reports a cycle made through depends_on', () => {
    const g = buildGraph([rev('a', [], { dependsOn: ['b'] }), rev('b', ['a'])]);
    expect(kinds(g)).toContain('cycle');
  });

  it('reports each head when there are several', () => {
    const g = buildGraph([rev('a'), rev('b', ['a']), rev('c', ['a'])]);
    expect(g.heads).toEqual(['b', 'c']);
    expect(g.findings.filter((f) => f.kind === 'multiple-heads').map((f) => f.file)).toEqual(['v/b.py', 'v/c.py']);
    expect(g.findings[0]?.severity).toBe('error');
  });

  it('reports ids too long for alembic_version and ids Alembic cannot address', () => {
    const long = 'x'.repeat(33);
    const g = buildGraph([
      rev(long),
      rev('a-b', [long]),
      rev('c d', ['a-b']),
      rev('e:f', ['c d']),
      rev('g@h', ['e:f']),
    ]);
    expect(g.findings.map((f) => [f.kind, f.file])).toEqual([
      ['revision-id-too-long', `v/${long}.py`],
      ['invalid-revision-id', 'v/a-b.py'],
      ['invalid-revision-id', 'v/c d.py'],
      ['invalid-revision-id', 'v/e:f.py'],
      ['invalid-revision-id', 'v/g@h.py'],
    ]);
    expect(buildGraph([rev('x'.repeat(32))]).findings).toEqual([]);
  });

  it('reports a branch label used twice', () => {
    const g = buildGraph([rev('a', [], { branchLabels: ['l'] }), rev('b', ['a'], { branchLabels: ['l'] })]);
    expect(g.findings).toMatchObject([{ kind: 'duplicate-branch-label', file: 'v/b.py' }]);
  });

  it('passes reader findings through first', () => {
    const reader = {
      severity: 'error' as const,
      kind: 'unparseable-revision-file',
      message: 'm',
      file: 'v/x.py',
      line: 1,
    };
    expect(buildGraph([rev('a')], [reader]).findings).toEqual([reader]);
  });
});

describe('graph walks', () => {
  const g = buildGraph(diamond);

  it('gives the inclusive ancestry through parents and dependencies, ignoring unknown ids', () => {
    expect([...ancestors(g, ['e', 'nope'])].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const dep = buildGraph([rev('a'), rev('x'), rev('b', ['a'], { dependsOn: ['x'] })]);
    expect([...ancestors(dep, ['b'])].sort()).toEqual(['a', 'b', 'x']);
  });

  it('orders revisions parents first, deterministically', () => {
    expect(ids(inApplyOrder(g, ['f', 'd', 'a', 'e', 'c', 'b']))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(ids(inApplyOrder(g, ['f', 'c']))).toEqual(['c', 'f']);
  });

  it('lists the revisions an upgrade applies, in order', () => {
    expect(ids(pathBetween(g, null, 'c'))).toEqual(['a', 'b', 'c']);
    expect(ids(pathBetween(g, 'c', 'f'))).toEqual(['d', 'e', 'f']);
    expect(pathBetween(g, 'f', 'f')).toEqual([]);
  });

  it('throws naming the revision when a path end is unknown', () => {
    expect(() => pathBetween(g, 'zz', 'f')).toThrow('revision "zz" is not in the graph');
  });

  it('walks a 20,000-revision chain without exhausting the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => rev(`r${i}`, i === 0 ? [] : [`r${i - 1}`]));
    const big = buildGraph(chain);
    expect(big.heads).toEqual(['r19999']);
    expect(pathBetween(big, 'r100', 'r19999')).toHaveLength(19_899);
    expect(ancestors(big, ['r19999']).size).toBe(20_000);
  });

  it('works on a graph object built elsewhere', () => {
    const plain: MigrationGraph = {
      revisions: new Map(diamond.map((r) => [r.id, r])),
      heads: ['f'],
      bases: ['a'],
      findings: [],
    };
    expect(ids(pathBetween(plain, 'b', 'e'))).toEqual(['c', 'd', 'e']);
    expect(branchPoints(plain)).toEqual(['b']);
  });
});
