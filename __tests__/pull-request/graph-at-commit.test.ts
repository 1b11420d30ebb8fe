// The base graph read from git blobs must equal the graph the disk reader builds from a checkout of that commit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrationGraph } from '../../src/migrations/load.js';
import { openGit } from '../../src/pull-request/git.js';
import { loadGraphAtCommit } from '../../src/pull-request/graph-at-commit.js';
import { writeAlembicTree } from '../support/alembic-tree.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function commitAll(dir: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'tree');
  return git('rev-parse', 'HEAD').trim();
}

describe('loadGraphAtCommit', () => {
  it('equals the disk reader on a 300-revision tree with every syntax form, CRLF and BOM files', async () => {
    const top = mkdtempSync(path.join(tmpdir(), 'sd-gac-'));
    dirs.push(top);
    // The Alembic project lives one folder below the repository top, as in a monorepo.
    const root = path.join(top, 'service');
    mkdirSync(root);
    writeAlembicTree(root, {
      revisions: 300,
      seed: 7,
      branchRate: 0.1,
      mergeRate: 0.3,
      labelledRoot: true,
      dependsRate: 0.05,
      varySyntax: true,
      decoys: true,
      crlfEvery: 5,
      bomEvery: 7,
    });
    // Files Alembic skips must be skipped from git too.
    writeFileSync(path.join(root, 'migrations', 'versions', '__init__.py'), 'revision = "nope"\n');
    writeFileSync(path.join(root, 'migrations', 'versions', 'notes.txt'), 'revision = "nope"\n');
    mkdirSync(path.join(root, 'migrations', 'versions', 'sub'));
    writeFileSync(
      path.join(root, 'migrations', 'versions', 'sub', 'x.py'),
      'revision = "nested"\ndown_revision = None\n',
    );
    const sha = commitAll(top);

    const disk = await loadMigrationGraph(root);
    const fromGit = await loadGraphAtCommit(await openGit(root), root, disk.location, sha);
    expect(fromGit.heads).toEqual(disk.graph.heads);
    expect(fromGit.bases).toEqual(disk.graph.bases);
    expect([...fromGit.revisions.values()]).toEqual([...disk.graph.revisions.values()]);
    expect(fromGit.findings).toEqual(disk.graph.findings);
    expect(fromGit.revisions.has('nested')).toBe(false);
    expect(fromGit.revisions.size).toBeGreaterThan(290);
  });
});
