// The version verdict against real Alembic as the oracle: for graph shapes of Alembic's own revision tests
// (transcribed by us as trees: branches, labelled branches, forests, merges, cross-branch depends_on) and for a
// set of database states in each, real Alembic stamps the state on PostgreSQL 15 and runs `alembic upgrade heads`.
// Our verdict must be `synced` exactly when that upgrade had nothing to do, and never when Alembic refused.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidingFindings } from '../../src/drift/deciding-findings.js';
import { decideVersion } from '../../src/drift/version.js';
import { ancestors } from '../../src/migrations/graph.js';
import { loadMigrationGraph } from '../../src/migrations/load.js';
import { type RevisionSpec, writeAlembicScaffold, writeRevision } from '../support/alembic-tree.js';
import { alembicPython, alembicUnavailable, createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { repoRoot } from '../support/run-action.js';

const runFile = promisify(execFile);
const missing = (await pgServerUnavailable()) ?? alembicUnavailable();

const r = (id: string, down: string[] = [], extra: Partial<RevisionSpec> = {}): RevisionSpec => ({
  id,
  down,
  ...extra,
});

/** Shapes after Alembic's tests/test_revision.py fixtures (our own transcription as trees, not their files). */
const SHAPES: Record<string, RevisionSpec[]> = {
  // DownIterateTest: a straight line.
  linear: [r('a'), r('b', ['a']), r('c', ['b'])],
  // BranchedPathTest: one base forking into two unlabelled lines.
  'branched path': [r('a'), r('b', ['a']), r('c1', ['b']), r('d1', ['c1']), r('c2', ['b']), r('d2', ['c2'])],
  // LabeledBranchTest: the fork's lines carry branch labels.
  'labelled branches': [
    r('a'),
    r('b', ['a']),
    r('c1', ['b'], { branchLabels: ['c1branch'] }),
    r('d1', ['c1']),
    r('c2', ['b'], { branchLabels: ['c2branch'] }),
    r('d2', ['c2']),
  ],
  // MultipleBaseTest: a forest of labelled roots, one of them merging two lines.
  'multiple bases': [
    r('base1', [], { branchLabels: ['b1'] }),
    r('a1a', ['base1']),
    r('a1b', ['base1']),
    r('b1a', ['a1a', 'a1b']),
    r('base2', [], { branchLabels: ['b2'] }),
    r('a2', ['base2']),
    r('base3', [], { branchLabels: ['b3'] }),
    r('a3', ['base3']),
  ],
  // MultipleBaseCrossDependencyTestOne: a second root whose line depends on the first line's tip.
  'cross dependency': [
    r('base1', [], { branchLabels: ['b_1'] }),
    r('a1', ['base1']),
    r('b1', ['a1']),
    r('base2', [], { branchLabels: ['b_2'] }),
    r('a2', ['base2'], { dependsOn: ['b1'] }),
  ],
  // DependsOnBranchTestOne: depends_on a branch by its label.
  'depends on a label': [
    r('a1', [], { branchLabels: ['lib'] }),
    r('b1', ['a1']),
    r('c1', ['b1']),
    r('a2', [], { branchLabels: ['app'] }),
    r('b2', ['a2'], { dependsOn: ['lib'] }),
    r('c2', ['b2']),
  ],
  // MergedPathTest with a fork after the merge: unlabelled heads again.
  'merge then fork': [r('a'), r('b1', ['a']), r('b2', ['a']), r('m', ['b1', 'b2']), r('c1', ['m']), r('c2', ['m'])],
  // A merge whose child also depends on one merged parent (redundant edge Alembic normalises away).
  'merge with redundant dependency': [
    r('a'),
    r('b1', ['a']),
    r('b2', ['a']),
    r('m', ['b1', 'b2']),
    r('c', ['m'], { dependsOn: ['b1'] }),
  ],
};

const PROBE = `
import json, sys
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
cfg = Config(sys.argv[1])
engine = create_engine(sys.argv[2])
def rows():
    with engine.connect() as c:
        return sorted(r[0] for r in c.execute(text("select version_num from alembic_version")))
out = []
for state in json.loads(sys.argv[3]):
    item = {"state": state}
    try:
        command.stamp(cfg, state or "base", purge=True)
        item["stamped"] = rows()
    except BaseException as e:
        item["stamp_error"] = "%s: %s" % (type(e).__name__, e)
        out.append(item)
        continue
    try:
        command.upgrade(cfg, "heads")
        item["after"] = rows()
    except BaseException as e:
        item["upgrade_error"] = "%s: %s" % (type(e).__name__, e)
    out.append(item)
print(json.dumps(out))
`;

interface Probe {
  state: string[];
  stamped?: string[];
  after?: string[];
  stamp_error?: string;
  upgrade_error?: string;
}

/** States to try: each revision alone, every pair neither of which includes the other, one overlapping pair, heads. */
function statesFor(specs: RevisionSpec[], below: (id: string) => Set<string>): string[][] {
  const ids = specs.map((s) => s.id);
  const states: string[][] = ids.map((id) => [id]);
  let overlapping: string[] | null = null;
  for (const [i, x] of ids.entries()) {
    for (const y of ids.slice(i + 1)) {
      if (!below(x).has(y) && !below(y).has(x)) states.push([x, y]);
      else overlapping ??= [x, y];
    }
  }
  if (overlapping) states.push(overlapping);
  // Whatever Alembic itself stamps as "heads" (three rows for three labelled roots).
  states.push(['heads']);
  return states;
}

describe.skipIf(missing !== null)('version verdict against `alembic upgrade heads` (real Alembic, PostgreSQL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  const dirs: string[] = [];
  const now = new Date();
  const tally = { compared: 0, synced: 0, notSynced: 0, refused: 0, stampRefused: 0 };

  beforeAll(async () => {
    db = await createServerDatabase('sda_heads_oracle');
  });
  afterAll(async () => {
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it.each(Object.keys(SHAPES))(
    'agrees on every state of "%s"',
    async (shape) => {
      const specs = SHAPES[shape] as RevisionSpec[];
      const root = mkdtempSync(join(tmpdir(), 'sda-heads-oracle-'));
      dirs.push(root);
      const ini = writeAlembicScaffold(root);
      copyFileSync(resolve(repoRoot, 'examples/credentialmate/migrations/env.py'), join(root, 'migrations', 'env.py'));
      for (const [index, spec] of specs.entries()) {
        writeRevision(join(root, 'migrations', 'versions'), spec, { index, name: `${spec.id}.py` });
      }
      const { graph } = await loadMigrationGraph(root, 'alembic.ini');
      const gate = decidingFindings(graph.findings, [], now);
      expect(gate.deciding, shape).toEqual([]);
      const states = statesFor(specs, (id) => ancestors(graph, [id]));

      const { stdout } = await runFile(
        alembicPython,
        ['-c', PROBE, ini, db.url.replace(/^postgres:/, 'postgresql:'), JSON.stringify(states)],
        {
          cwd: root,
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, DATABASE_URL: db.url.replace(/^postgres:/, 'postgresql:') },
        },
      );
      const probes = JSON.parse(stdout.trim().split('\n').pop() as string) as Probe[];
      let compared = 0;
      for (const probe of probes) {
        if (probe.stamped === undefined) {
          tally.stampRefused++;
          continue;
        }
        const verdict = decideVersion(
          graph,
          { exists: true, versions: probe.stamped, qualifiedName: 'public.alembic_version' },
          { pendingGraceMinutes: 0, now, addedAt: new Map(), decidingFindings: gate.deciding },
        );
        const nothingToDo =
          probe.upgrade_error === undefined && JSON.stringify(probe.after) === JSON.stringify(probe.stamped);
        const what = `${shape}: rows ${probe.stamped.join(',') || '(none)'} → ours ${verdict.state} (${verdict.summary}); alembic ${probe.upgrade_error ?? `→ ${probe.after?.join(',')}`}`;
        expect(verdict.state === 'synced', what).toBe(nothingToDo);
        if (probe.upgrade_error !== undefined) expect(verdict.state, what).toBe('error');
        compared++;
        tally.compared++;
        if (probe.upgrade_error !== undefined) tally.refused++;
        else if (nothingToDo) tally.synced++;
        else tally.notSynced++;
      }
      expect(compared).toBeGreaterThanOrEqual(specs.length);
    },
    120_000,
  );

  it('compared states of every kind: synced, with work to do, and refused by Alembic', () => {
    console.info(`heads oracle: ${JSON.stringify(tally)}`);
    expect(tally.compared).toBeGreaterThan(100);
    expect(tally.synced).toBeGreaterThanOrEqual(Object.keys(SHAPES).length);
    expect(tally.notSynced).toBeGreaterThan(50);
    expect(tally.refused).toBeGreaterThan(0);
  });
});
