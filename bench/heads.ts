// Heads benchmark: our static reader against real Alembic's `heads` on the same generated 10,000-revision tree.
// Prints our best in-process time (wall and CPU), one cold run in a fresh process with its peak RSS, Alembic's time
// and the ratios. Target (issue 2): ratio ≤ 0.05, peak RSS ≤ 100 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alembicPython } from '../__tests__/support/real-parts.js';
import { loadMigrationGraph } from '../src/migrations/load.js';
import type { Benchmark } from './run.js';

const REVISIONS = 10_000;
const IN_PROCESS_RUNS = 7;
const ALEMBIC_RUNS = 2;

interface ChildResult {
  loadMs: number;
  cpuMs: number;
  maxRssMb: number;
  heads: string[];
}

/** Child mode: one cold load in this fresh process, result as JSON on stdout. */
async function child(root: string): Promise<void> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const { graph } = await loadMigrationGraph(root);
  const loadMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const result: ChildResult = {
    loadMs,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heads: graph.heads,
  };
  process.stdout.write(JSON.stringify(result));
}

async function run(): Promise<void> {
  const { writeAlembicTree } = await import('../__tests__/support/alembic-tree.js');
  const root = mkdtempSync(path.join(tmpdir(), 'bench-heads-'));
  try {
    const tree = writeAlembicTree(root, {
      revisions: REVISIONS,
      seed: 42,
      branchRate: 0.05,
      mergeRate: 0.3,
      finalMerge: true,
      varySyntax: true,
      crlfEvery: 10,
    });
    console.log(`tree: ${tree.specs.length} revisions in ${tree.versionsDir}`);

    // Cold first, before this process has touched the files through our code.
    const self = fileURLToPath(import.meta.url);
    const started = performance.now();
    const spawned = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', root], {
      encoding: 'utf8',
      cwd: path.dirname(self),
    });
    const processMs = performance.now() - started;
    if (spawned.status !== 0) throw new Error(`heads benchmark child failed: ${spawned.stderr}`);
    const cold = JSON.parse(spawned.stdout) as ChildResult;

    let bestWall = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    let ours: string[] = [];
    for (let i = 0; i < IN_PROCESS_RUNS; i++) {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const { graph } = await loadMigrationGraph(root);
      const wall = performance.now() - t0;
      const used = process.cpuUsage(cpu);
      bestWall = Math.min(bestWall, wall);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
      ours = graph.heads;
    }

    let alembicMs = Number.POSITIVE_INFINITY;
    let alembicHeads: string[] = [];
    for (let i = 0; i < ALEMBIC_RUNS; i++) {
      const t0 = performance.now();
      const out = spawnSync(alembicPython, ['-m', 'alembic', '-c', tree.iniPath, 'heads'], { encoding: 'utf8' });
      const ms = performance.now() - t0;
      if (out.status !== 0) throw new Error(`alembic heads failed: ${out.stderr}`);
      alembicMs = Math.min(alembicMs, ms);
      alembicHeads = out.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0] as string)
        .sort();
    }

    const same =
      JSON.stringify(alembicHeads) === JSON.stringify(ours) && JSON.stringify(cold.heads) === JSON.stringify(ours);
    const f = (n: number) => n.toFixed(1);
    console.log(
      `heads agree with Alembic: ${same ? 'yes' : `NO (ours ${ours.join(',')}; alembic ${alembicHeads.join(',')})`}`,
    );
    console.log(`ours, in process, best of ${IN_PROCESS_RUNS}: ${f(bestWall)} ms wall, ${f(bestCpu)} ms CPU`);
    console.log(
      `ours, cold process:           ${f(cold.loadMs)} ms load (${f(cold.cpuMs)} ms CPU), ${f(processMs)} ms whole process incl. node+tsx start, peak RSS ${f(cold.maxRssMb)} MB`,
    );
    console.log(`alembic heads, best of ${ALEMBIC_RUNS}:     ${f(alembicMs)} ms`);
    console.log(
      `ratio (ours / alembic):       ${(bestWall / alembicMs).toFixed(4)} in process, ${(cold.loadMs / alembicMs).toFixed(4)} cold load, ${(processMs / alembicMs).toFixed(4)} whole cold process (target ≤ 0.05)`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = { name: `heads on a ${REVISIONS}-revision tree`, run };

if (process.argv[2] === '--child' && process.argv[3]) await child(process.argv[3]);
