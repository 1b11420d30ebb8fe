// Heads benchmark: our `heads` against real Alembic's `heads` on the same generated 10,000-revision tree.
//
// Figures printed:
// - engine, in process: loadMigrationGraph (list, read, parse, graph) in this warm process, wall and CPU, best of 15
//   (wall time is noisy on a shared machine). This is the work `alembic heads` does, so engine time / Alembic's
//   whole command is the ratio the target (issue 2: ≤ 0.05) applies to.
// - built CLI, cold process: `node dist/cli/index.js heads --migrations DIR --json` as a user runs it (build it with
//   `npm run build`; BENCH_CLI=path overrides), best of 3, wall and peak RSS. The RSS target (≤ 100 MB) applies to
//   this figure. Its whole-process ratio is printed too, honestly, with node's own start-up and the bundle's load
//   time (`--version`) alongside so that the engine's share is visible.
// - alembic heads: `python -m alembic heads`, best of 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alembicPython } from '../__tests__/support/real-parts.js';
import { loadMigrationGraph } from '../src/migrations/load.js';
import { best, builtCli, type ProcessRun, runNode } from './process.js';
import type { Benchmark } from './run.js';

const REVISIONS = 10_000;
const IN_PROCESS_RUNS = 15;
const CLI_RUNS = 3;
const ALEMBIC_RUNS = 2;
const TARGET_RATIO = 0.05;
const TARGET_RSS_MB = 100;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Modification time of the newest .ts file under `dir`, to warn when the build is stale. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
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
    const f = (n: number) => n.toFixed(1);

    // The built CLI first, cold, before this process has read the files through our code.
    const built = builtCli();
    let cli: { heads: ProcessRun; version: ProcessRun; bare: ProcessRun; result: string[] } | null = null;
    if ('cli' in built) {
      if (statSync(built.cli).mtimeMs < newestSource(path.join(repoRoot, 'src'))) {
        console.log(`note: ${built.cli} is older than src/: run \`npm run build\` to measure the current code`);
      }
      const headsRuns: ProcessRun[] = [];
      for (let i = 0; i < CLI_RUNS; i++) {
        headsRuns.push(runNode([built.cli, 'heads', '--migrations', root, '--json'], root));
      }
      const heads = best(headsRuns);
      cli = {
        heads,
        version: best([runNode([built.cli, '--version'], root), runNode([built.cli, '--version'], root)]),
        bare: best([runNode(['-e', '0'], root), runNode(['-e', '0'], root)]),
        result: (JSON.parse(heads.stdout) as { heads: string[] }).heads,
      };
    } else {
      console.log(`built CLI not measured: ${built.missing}`);
    }

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
      JSON.stringify(alembicHeads) === JSON.stringify(ours) &&
      (cli === null || JSON.stringify(cli.result) === JSON.stringify(ours));
    const ratio = bestWall / alembicMs;
    console.log(
      `heads agree with Alembic: ${same ? 'yes' : `NO (ours ${ours.join(',')}; cli ${cli?.result.join(',')}; alembic ${alembicHeads.join(',')})`}`,
    );
    console.log(`engine, in process, best of ${IN_PROCESS_RUNS}:  ${f(bestWall)} ms wall, ${f(bestCpu)} ms CPU`);
    if (cli) {
      console.log(
        `built CLI, cold, best of ${CLI_RUNS}:     ${f(cli.heads.wallMs)} ms whole process, peak RSS ${f(cli.heads.maxRssMb)} MB` +
          ` (node -e 0: ${f(cli.bare.wallMs)} ms, ${f(cli.bare.maxRssMb)} MB; CLI --version: ${f(cli.version.wallMs)} ms, ${f(cli.version.maxRssMb)} MB)`,
      );
    }
    console.log(`alembic heads, best of ${ALEMBIC_RUNS}:       ${f(alembicMs)} ms whole command`);
    console.log(
      `ratio engine / alembic:         ${ratio.toFixed(4)} wall, ${(bestCpu / alembicMs).toFixed(4)} CPU` +
        ` (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    if (cli) {
      const rssMet = cli.heads.maxRssMb <= TARGET_RSS_MB;
      console.log(
        `ratio whole CLI / alembic:      ${(cli.heads.wallMs / alembicMs).toFixed(4)} (both whole processes; not the target figure)`,
      );
      console.log(
        `peak RSS, built CLI:            ${f(cli.heads.maxRssMb)} MB (target ≤ ${TARGET_RSS_MB} MB: ${rssMet ? 'met' : 'NOT met'})`,
      );
    }
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = { name: `heads on a ${REVISIONS}-revision tree`, run };
