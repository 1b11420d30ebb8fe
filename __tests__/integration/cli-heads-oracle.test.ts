// `schema-drift heads --json` against real Alembic on generated trees: the contract of ARCHITECTURE.md (ids sorted,
// revision count, findings) and equality with what `alembic heads` prints and what Alembic's revision map holds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { alembicUnavailable, alembicView, writeAlembicTree } from '../support/alembic-tree.js';
import { alembicPython } from '../support/real-parts.js';

const skip = alembicUnavailable() !== null;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function headsJson(cwd: string, migrations?: string) {
  let stdout = '';
  const code = await runCli(['heads', ...(migrations ? ['--migrations', migrations] : []), '--json'], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    cwd,
    env: {},
  });
  return {
    code,
    result: JSON.parse(stdout) as { heads: string[]; bases: string[]; revisions: number; findings: unknown[] },
  };
}

/** The ids `alembic heads` prints, one per line as "<id> (head)" (plus branch labels in parentheses). */
function alembicHeadsCommand(iniPath: string): string[] {
  const out = execFileSync(alembicPython, ['-m', 'alembic', '-c', iniPath, 'heads'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter((id): id is string => Boolean(id))
    .sort();
}

describe.skipIf(skip)('schema-drift heads --json against real Alembic', () => {
  it.each([
    ['one head after a final merge, mixed id styles, every syntax form', { finalMerge: true }, 'one'],
    [
      'several open heads and a labelled second root with depends_on',
      { finalMerge: false, labelledRoot: true },
      'several',
    ],
  ] as const)('%s', async (_name, extra, expectedHeads) => {
    const root = mkdtempSync(path.join(tmpdir(), 'cli-heads-oracle-'));
    dirs.push(root);
    const tree = writeAlembicTree(root, {
      revisions: 250,
      seed: 23,
      branchRate: 0.1,
      mergeRate: 0.2,
      dependsRate: 0.05,
      varySyntax: true,
      decoys: true,
      crlfEvery: 5,
      idStyle: 'mixed',
      ...extra,
    });
    const alembic = alembicView(tree.iniPath);
    expect(alembic.error).toBeUndefined();

    const byIni = await headsJson(root, tree.iniPath);
    const byFolder = await headsJson(root, path.dirname(tree.iniPath));
    const byDefault = await headsJson(root);
    for (const { code, result } of [byIni, byFolder, byDefault]) {
      expect(code).toBe(0);
      expect(result.heads).toEqual(alembic.heads);
      expect(result.bases).toEqual(alembic.bases);
      expect(result.revisions).toBe(Object.keys(alembic.revisions).length);
      expect(result.heads).toEqual([...result.heads].sort());
    }
    expect(byIni.result.heads).toEqual(alembicHeadsCommand(tree.iniPath));
    if (expectedHeads === 'one') {
      expect(alembic.heads).toHaveLength(1);
    } else {
      expect(alembic.heads.length).toBeGreaterThan(1);
      expect(byIni.result.findings).toContainEqual(expect.objectContaining({ kind: 'multiple-heads' }));
    }
  });
});
