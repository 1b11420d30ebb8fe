// Real Alembic is the oracle: on generated trees our heads, bases and parent sets must equal what Alembic computes,
// and on broken trees we must report a finding wherever Alembic warns or refuses.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MigrationGraph } from '../../src/migrations/graph.js';
import { loadMigrationGraph } from '../../src/migrations/load.js';
import {
  type AlembicView,
  alembicUnavailable,
  alembicView,
  type GeneratedTree,
  writeAlembicScaffold,
  writeAlembicTree,
  writeRevision,
} from '../support/alembic-tree.js';
import { alembicPython } from '../support/real-parts.js';

const skip = alembicUnavailable() !== null;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempRoot(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'alembic-oracle-'));
  dirs.push(d);
  return d;
}

function ourView(graph: MigrationGraph): Pick<AlembicView, 'heads' | 'bases' | 'revisions'> {
  const revisions: AlembicView['revisions'] = {};
  for (const r of graph.revisions.values()) {
    revisions[r.id] = {
      down: [...r.downRevisions].sort(),
      deps: [...r.dependsOn].sort(),
      labels: [...r.branchLabels].sort(),
    };
  }
  return { heads: graph.heads, bases: graph.bases, revisions };
}

async function compare(tree: GeneratedTree): Promise<{ graph: MigrationGraph; alembic: AlembicView }> {
  const alembic = alembicView(tree.iniPath);
  expect(alembic.error).toBeUndefined();
  expect(alembic.warnings).toEqual([]);
  const { graph } = await loadMigrationGraph(tree.root);
  expect(ourView(graph)).toEqual({ heads: alembic.heads, bases: alembic.bases, revisions: alembic.revisions });
  return { graph, alembic };
}

describe.skipIf(skip)('static reader against real Alembic', () => {
  it('agrees on a 400-revision history with merges, labels, depends_on, every syntax form, decoys, CRLF and BOM', async () => {
    const tree = writeAlembicTree(tempRoot(), {
      revisions: 400,
      seed: 11,
      branchRate: 0.08,
      mergeRate: 0.25,
      labelledRoot: true,
      dependsRate: 0.08,
      varySyntax: true,
      decoys: true,
      crlfEvery: 4,
      bomEvery: 9,
      idStyle: 'mixed',
      finalMerge: true,
    });
    const { graph, alembic } = await compare(tree);
    expect(Object.keys(alembic.revisions)).toHaveLength(tree.specs.length);
    expect(graph.findings).toEqual([]);
    // The tree really exercises what it claims to.
    const revs = [...graph.revisions.values()];
    expect(revs.filter((r) => r.downRevisions.length > 1).length).toBeGreaterThan(5);
    expect(revs.filter((r) => r.dependsOn.length > 0).length).toBeGreaterThan(5);
    expect(revs.some((r) => r.branchLabels.includes('auth'))).toBe(true);
    expect(revs.find((r) => r.id === tree.specs[10]?.id)?.message).toBe(tree.specs[10]?.message);

    // The `alembic heads` command prints the same heads.
    const out = execFileSync(alembicPython, ['-m', 'alembic', '-c', tree.iniPath, 'heads'], { encoding: 'utf8' });
    expect(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0])
        .sort(),
    ).toEqual(graph.heads);
  });

  it.each([1, 2, 3])('agrees on unmerged histories with several heads and bases (seed %i)', async (seed) => {
    const tree = writeAlembicTree(tempRoot(), {
      revisions: 150,
      seed,
      branchRate: 0.15,
      mergeRate: 0.1,
      labelledRoot: seed !== 2,
      dependsRate: 0.15,
      varySyntax: true,
      decoys: seed === 3,
      crlfEvery: seed,
      idStyle: seed === 1 ? 'date' : 'hex',
    });
    const { graph } = await compare(tree);
    expect(graph.heads.length).toBeGreaterThan(1);
    expect(graph.findings.every((f) => f.kind === 'multiple-heads')).toBe(true);
  });

  it('agrees with version_locations split over two folders and a recursive layout', async () => {
    const root = tempRoot();
    const ini = writeAlembicScaffold(root, 'version_locations = %(here)s/migrations/versions %(here)s/extra');
    const extra = path.join(root, 'extra');
    execFileSync('mkdir', ['-p', extra]);
    writeRevision(path.join(root, 'migrations/versions'), { id: 'aaaa00000001', down: [] }, { form: 'annotated' });
    writeRevision(extra, { id: 'aaaa00000002', down: ['aaaa00000001'] }, { form: 'multiline', index: 1 });
    await compare({ root, iniPath: ini, versionsDir: extra, specs: [], files: new Map() });
  });
});

describe.skipIf(skip)('broken trees: we report where Alembic warns or refuses', () => {
  function baseTree(): GeneratedTree {
    return writeAlembicTree(tempRoot(), { revisions: 30, seed: 5, finalMerge: true, varySyntax: true });
  }

  async function broken(tree: GeneratedTree) {
    const alembic = alembicView(tree.iniPath);
    const { graph } = await loadMigrationGraph(tree.root);
    return { alembic, graph };
  }

  it('duplicate id: Alembic warns, we report duplicate-revision at the second file', async () => {
    const tree = baseTree();
    const victim = tree.specs[5] as { id: string; down: string[] };
    writeRevision(tree.versionsDir, { id: victim.id, down: victim.down }, { name: 'zz_copy.py' });
    const { alembic, graph } = await broken(tree);
    expect(alembic.warnings.join('\n')).toContain(`Revision ${victim.id} is present more than once`);
    expect(graph.findings).toMatchObject([
      { kind: 'duplicate-revision', file: 'migrations/versions/zz_copy.py', severity: 'error' },
    ]);
  });

  it('missing parent: Alembic warns and crashes, we report missing-parent naming both ends', async () => {
    const tree = baseTree();
    writeRevision(tree.versionsDir, { id: 'orphan000001', down: ['gone00000000'] }, { name: 'orphan.py' });
    const { alembic, graph } = await broken(tree);
    expect(alembic.ok).toBe(false);
    expect(alembic.warnings.join('\n')).toContain('Revision gone00000000 referenced from');
    const missing = graph.findings.filter((f) => f.kind === 'missing-parent');
    expect(missing).toMatchObject([
      {
        message: 'revision gone00000000 referenced from orphan000001 is not present',
        file: 'migrations/versions/orphan.py',
      },
    ]);
  });

  it('cycle: Alembic refuses, we report cycle', async () => {
    const tree = baseTree();
    writeRevision(tree.versionsDir, { id: 'cyc000000001', down: ['cyc000000002'] }, { name: 'c1.py' });
    writeRevision(tree.versionsDir, { id: 'cyc000000002', down: ['cyc000000001'] }, { name: 'c2.py' });
    const { alembic, graph } = await broken(tree);
    expect(alembic.error).toMatch(/Cycle is detected in revisions \(cyc000000001, cyc000000002\)/);
    expect(graph.findings).toMatchObject([
      {
        kind: 'cycle',
        message: 'revisions cyc000000001, cyc000000002 form a cycle',
        file: 'migrations/versions/c1.py',
      },
    ]);
  });

  it('cycle between a base and a head: Alembic 1.8 does not notice, we still report it', async () => {
    const root = tempRoot();
    const ini = writeAlembicScaffold(root);
    const versions = path.join(root, 'migrations/versions');
    writeRevision(versions, { id: 'base00000000', down: [] });
    writeRevision(versions, { id: 'cyc000000001', down: ['base00000000', 'cyc000000003'] });
    writeRevision(versions, { id: 'cyc000000002', down: ['cyc000000001'] });
    writeRevision(versions, { id: 'cyc000000003', down: ['cyc000000002'] });
    writeRevision(versions, { id: 'head00000000', down: ['cyc000000003'] });
    const { alembic, graph } = await broken({ root, iniPath: ini, versionsDir: versions, specs: [], files: new Map() });
    expect(alembic.ok).toBe(true);
    expect(graph.findings).toMatchObject([
      { kind: 'cycle', message: 'revisions cyc000000001, cyc000000002, cyc000000003 form a cycle' },
    ]);
  });

  it('self-loop: Alembic refuses, we report cycle', async () => {
    const tree = baseTree();
    writeRevision(tree.versionsDir, { id: 'loop00000000', down: ['loop00000000'] }, { name: 'loop.py' });
    const { alembic, graph } = await broken(tree);
    expect(alembic.error).toMatch(/Self-loop/);
    expect(graph.findings.map((f) => f.kind)).toContain('cycle');
  });

  it('file without revision: Alembic refuses, we report unparseable-revision-file', async () => {
    const tree = baseTree();
    writeFileSync(path.join(tree.versionsDir, 'helpers.py'), '"""shared helpers"""\n\ndef helper():\n    return 1\n');
    const { alembic, graph } = await broken(tree);
    expect(alembic.error).toContain('Could not determine revision id from filename helpers.py');
    expect(graph.findings).toMatchObject([
      { kind: 'unparseable-revision-file', file: 'migrations/versions/helpers.py' },
    ]);
  });

  it('illegal characters: Alembic refuses, we report invalid-revision-id', async () => {
    const tree = baseTree();
    const head = tree.specs.at(-1)?.id as string;
    writeRevision(tree.versionsDir, { id: 'bad-id', down: [head] }, { name: 'bad.py' });
    const { alembic, graph } = await broken(tree);
    expect(alembic.error).toMatch(/not allowed in revision identifier/);
    expect(graph.findings).toMatchObject([{ kind: 'invalid-revision-id', file: 'migrations/versions/bad.py' }]);
  });
});
