// Scale-out over a GitHub Actions matrix: the plan (one job per shard), the shard a target belongs to, and the merge
// of the slice reports into one fleet report that proves every discovered target was checked exactly once.
import { createHash } from 'node:crypto';
import type { RunInfo } from '../report/model.js';
import { buildFleetReport, errorSummary } from './fleet-report.js';
import type { FleetReport, FleetTargetSummary } from './model.js';

/** GitHub Actions allows at most 256 jobs per matrix. */
export const MAX_SHARDS = 256;

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Reads `i/N` (1 ≤ i ≤ N ≤ 256); throws naming the bad value. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
  if (!match) throw new Error(`Invalid shard ${JSON.stringify(value)}: expected i/N, e.g. 1/4`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) {
    throw new Error(`Invalid shard ${JSON.stringify(value)}: N must be 1 to ${MAX_SHARDS} (GitHub's matrix limit)`);
  }
  if (index < 1 || index > count) throw new Error(`Invalid shard ${JSON.stringify(value)}: i must be 1 to ${count}`);
  return { index, count };
}

/**
 * The shard a target belongs to: sha256 of its name, mod N. It depends on the name alone, so adding or removing a
 * tenant never moves another one to a different shard.
 */
export function shardOf(name: string, count: number): number {
  return (createHash('sha256').update(name).digest().readUInt32BE(0) % count) + 1;
}

/** The matrix for `strategy.matrix`: one job per shard, never more than 256. */
export function planMatrix(targets: readonly { name: string }[], shards: number): { include: { shard: string }[] } {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`Invalid shard count ${shards}: a whole number ≥ 1`);
  if (shards > MAX_SHARDS) {
    throw new Error(`Invalid shard count ${shards}: GitHub Actions runs at most ${MAX_SHARDS} jobs per matrix`);
  }
  if (targets.length === 0) throw new Error('Nothing to plan: the config file lists no targets');
  return { include: Array.from({ length: shards }, (_, i) => ({ shard: `${i + 1}/${shards}` })) };
}

/**
 * One fleet report from the slices of a matrix run. Fail closed: a missing or repeated shard, slices of different
 * counts, configs or runs, a target checked twice, and a target some slice discovered but none checked are all errors.
 */
export function mergeFleetReports(slices: readonly FleetReport[], options: { now: Date; run: RunInfo }): FleetReport {
  const errors: { stage: string; message: string }[] = [];
  const add = (message: string) => errors.push({ stage: 'merge', message });
  if (slices.length === 0) add('no slice reports to merge');

  const counts = [...new Set(slices.map((s) => s.shards?.count ?? null))];
  const configs = [...new Set(slices.map((s) => s.config))];
  const notSlices = slices.filter((s) => s.shards === null || s.shards.index === null);
  if (notSlices.length) add(`${notSlices.length} of the reports are not shard slices (no shard index)`);
  if (counts.length > 1) add(`the slices come from different shard counts: ${counts.map(String).join(', ')}`);
  if (configs.length > 1) add(`the slices come from different config files: ${configs.join(', ')}`);
  // One fleet check is one workflow run: a slice of another run (a stale artifact left in fleet-slices) checked
  // another commit at another time. An empty run id (the CLI outside Actions) says nothing either way.
  const runs = [...new Set(slices.map((s) => s.run?.run_id ?? '').filter((id) => id !== ''))].sort();
  if (runs.length > 1) add(`the slices come from different runs: ${runs.join(', ')}`);
  const count = Math.max(0, ...counts.map((c) => c ?? 0));

  const byIndex = new Map<number, FleetReport>();
  for (const slice of slices) {
    const index = slice.shards?.index;
    if (index === null || index === undefined) continue;
    if (byIndex.has(index)) add(`shard ${index}/${count} is given twice`);
    else byIndex.set(index, slice);
  }
  for (let i = 1; i <= count; i++)
    if (!byIndex.has(i)) add(`shard ${i}/${count} is missing: its targets were not checked`);

  const used = [...byIndex.values()];
  const seen = new Map<string, { line: FleetTargetSummary; shard: number }>();
  for (const [index, slice] of byIndex) {
    for (const line of slice.targets) {
      const before = seen.get(line.name);
      if (!before) {
        seen.set(line.name, { line, shard: index });
        continue;
      }
      const message = `target "${line.name}" was checked by shards ${before.shard}/${count} and ${index}/${count}`;
      add(message);
      seen.set(line.name, {
        line: errorSummary(line.name, line.environment, { stage: 'merge', message }),
        shard: index,
      });
    }
  }
  const discovered = [...new Set(used.flatMap((s) => s.discovered))].sort();
  for (const name of discovered) {
    if (seen.has(name)) continue;
    const message = `target "${name}" was discovered but not checked by any shard`;
    seen.set(name, { line: errorSummary(name, '', { stage: 'merge', message }), shard: 0 });
  }
  // A failure every slice met (a discovery query) is one failure of the fleet, not N.
  const sliceErrors = new Map<string, { stage: string; message: string }>();
  for (const e of used.flatMap((s) => s.errors)) sliceErrors.set(`${e.stage}\u0000${e.message}`, e);

  return buildFleetReport({
    now: options.now,
    run: options.run,
    config: configs[0] ?? '',
    targets: [...seen.values()].map((s) => s.line),
    discovered,
    errors: [...sliceErrors.values(), ...errors],
    shards: { count, index: null, merged: [...byIndex.keys()].sort((a, b) => a - b) },
  });
}
