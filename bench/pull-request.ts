// Pull-request check benchmark: a fork adds N one-line migrations that all revise the base's second-newest revision,
// which the base branch has since moved past (N new heads, each a multiple-heads error to explain), on a base of
// BASE_DEPTH revisions: issue 8 item 9 measured 208 s for N = 2,000. The cost was heads × heads × depth (for each new
// migration, the ancestors of every head until one held it), so a realistic base depth matters.
// Target: ≤ 5 s for 2,000. Prints the whole check (git reads of the base included), best of 3, for several N so the
// growth is visible (near-linear: doubling N should roughly double the time, not multiply it by 8).
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createPrRepo } from '../__tests__/pull-request/pr-repo.js';
import { runPullRequestCheck } from '../src/pull-request/run-check.js';
import type { Benchmark } from './run.js';

const SIZES = (process.env.BENCH_SIZES ?? '500,1000,2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 5_000;

const BASE_DEPTH = 150;

/** A repository whose PR branch adds `n` heads on the base's second-newest revision (the newest revises it too),
 *  checked out as GitHub's merge commit. */
export function forkWithHeads(n: number, depth = BASE_DEPTH) {
  const repo = createPrRepo(Array.from({ length: depth }, (_, i) => `a${String(i + 1).padStart(3, '0')}`));
  const base = repo.git('rev-parse', 'HEAD');
  const parent = `a${String(depth - 1).padStart(3, '0')}`;
  repo.git('checkout', '-q', '-b', 'fork', 'HEAD~0');
  for (let i = 0; i < n; i++) {
    const id = `f${String(i).padStart(5, '0')}`;
    // One line, as in the report: the smallest file Alembic reads as a revision.
    writeFileSync(`${repo.dir}/migrations/versions/${id}.py`, `revision = '${id}'; down_revision = '${parent}'\n`);
  }
  repo.commit(`${n} heads`);
  repo.checkoutMerge('main', 'fork');
  return { repo, base };
}

export const benchmark: Benchmark = {
  name: `pull-request check, N new heads from a fork on a ${BASE_DEPTH}-revision base (target ≤ ${TARGET_MS} ms for 2,000)`,
  async run() {
    for (const n of SIZES) {
      const { repo, base } = forkWithHeads(n);
      try {
        let best = Number.POSITIVE_INFINITY;
        let findings = 0;
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          const result = await runPullRequestCheck({
            root: repo.dir,
            base: { sha: base, ref: 'main' },
            production: { skipped: 'benchmark' },
          });
          best = Math.min(best, performance.now() - started);
          findings = result.findings.filter((f) => f.kind === 'multiple-heads').length;
        }
        const verdict = n === 2_000 ? (best <= TARGET_MS ? ' (meets target)' : ' (OVER TARGET)') : '';
        console.log(`N=${n}: ${best.toFixed(0)} ms best of ${RUNS}, ${findings} multiple-heads findings${verdict}`);
      } finally {
        repo.remove();
      }
    }
  },
};
