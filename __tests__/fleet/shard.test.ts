import { describe, expect, it } from 'vitest';
import { buildFleetReport, compareSummaries } from '../../src/fleet/fleet-report.js';
import type { FleetReport, FleetTargetSummary } from '../../src/fleet/model.js';
import { mergeFleetReports, parseShard, planMatrix, shardOf } from '../../src/fleet/shard.js';
import type { ReportStatus } from '../../src/report/model.js';
import { assertValidFleetReport } from '../support/report-schema.js';

const run = { trigger: 'cli', repository: '', sha: '', ref: '', run_id: '1', run_url: '', tool_version: 't' };
const now = new Date('2026-12-02T01:00:00.123Z');

function line(name: string, status: ReportStatus): FleetTargetSummary {
  return {
    name,
    environment: 'production',
    status,
    version_state: status === 'error' ? null : status === 'drift' ? 'behind' : 'synced',
    summary: status,
    codebase_heads: ['b2'],
    production_versions: status === 'error' ? null : ['b1'],
    pending: status === 'drift' ? 1 : 0,
    structural_differences: null,
    report_location: null,
    report_sha256: null,
    error: status === 'error' ? { stage: 'database', message: 'down' } : null,
    fingerprint: `${status === 'error' ? 'e' : status === 'drift' ? 'd' : 'a'}${name.length}`.padEnd(64, '0'),
  };
}

const names = Array.from({ length: 40 }, (_, i) => `tenants.tenant_${i}`);
const statusOf = (i: number): ReportStatus => (i % 7 === 0 ? 'error' : i % 5 === 0 ? 'drift' : 'synced');
const lines = names.map((n, i) => line(n, statusOf(i)));
const whole = buildFleetReport({
  now,
  run,
  config: 'f.yml',
  targets: lines,
  discovered: names,
  errors: [],
  shards: null,
});

function slices(count: number, drop?: (name: string) => boolean): FleetReport[] {
  return Array.from({ length: count }, (_, k) =>
    buildFleetReport({
      now,
      run,
      config: 'f.yml',
      targets: lines.filter((l) => shardOf(l.name, count) === k + 1 && !drop?.(l.name)),
      discovered: names,
      errors: [],
      shards: { count, index: k + 1, merged: [] },
    }),
  );
}

const outcome = (r: FleetReport) => {
  const { run: _r, generated_at: _g, shards: _s, ...rest } = r;
  return rest;
};

describe('shards', () => {
  it('reads i/N and refuses anything else with the value', () => {
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('0/4')).toThrow(/"0\/4": i must be 1 to 4/);
    expect(() => parseShard('5/4')).toThrow(/i must be 1 to 4/);
    expect(() => parseShard('1/257')).toThrow(/N must be 1 to 256/);
    expect(() => parseShard('one/4')).toThrow(/expected i\/N/);
  });

  it('places a target by its name alone: adding tenants never moves another', () => {
    const before = names.map((n) => shardOf(n, 4));
    expect(new Set(before).size).toBe(4);
    expect(names.map((n) => shardOf(n, 4))).toEqual(before);
  });

  it('plans one job per shard and never more than 256', () => {
    expect(planMatrix([{ name: 'a' }], 3)).toEqual({ include: [{ shard: '1/3' }, { shard: '2/3' }, { shard: '3/3' }] });
    expect(planMatrix([{ name: 'a' }], 256).include).toHaveLength(256);
    expect(() => planMatrix([{ name: 'a' }], 300)).toThrow(/300: GitHub Actions runs at most 256 jobs/);
    expect(() => planMatrix([{ name: 'a' }], 0)).toThrow(/Invalid shard count 0/);
  });
});

describe('the fleet report', () => {
  it('lists worst first, counts, and validates against the schema', () => {
    assertValidFleetReport(whole);
    expect(whole.status).toBe('error');
    expect(whole.drift_detected).toBe(true);
    expect(whole.totals).toEqual({ targets: 40, synced: 28, drift: 6, error: 6 });
    expect([...whole.targets].sort(compareSummaries)).toEqual(whole.targets);
    expect(whole.targets[0]?.status).toBe('error');
    expect(whole.generated_at).toBe('2026-12-02T01:00:00Z');
  });

  it('is synced only for a non-empty fleet of synced targets', () => {
    const empty = buildFleetReport({ now, run, config: 'f', targets: [], discovered: [], errors: [], shards: null });
    expect(empty.status).toBe('error');
    const synced = buildFleetReport({
      now,
      run,
      config: 'f',
      targets: [line('a', 'synced')],
      discovered: ['a'],
      errors: [],
      shards: null,
    });
    expect(synced.status).toBe('synced');
  });
});

describe('an empty slice (fewer targets than shards)', () => {
  const few = ['a', 'b', 'c'];
  const fewSlices = (count: number) =>
    Array.from({ length: count }, (_, k) =>
      buildFleetReport({
        now,
        run,
        config: 'f.yml',
        targets: few.filter((n) => shardOf(n, count) === k + 1).map((n) => line(n, 'synced')),
        discovered: few,
        errors: [],
        shards: { count, index: k + 1, merged: [] },
      }),
    );

  it('is synced with no targets when nothing failed, so its job succeeds in the action and the CLI alike', () => {
    const parts = fewSlices(8);
    const empty = parts.filter((p) => p.totals.targets === 0);
    expect(empty.length).toBeGreaterThanOrEqual(5);
    for (const slice of empty) {
      assertValidFleetReport(slice);
      expect(slice.status).toBe('synced');
      expect(slice.drift_detected).toBe(false);
    }
  });

  it('is error when the fleet itself has no targets, or when the slice recorded a failure', () => {
    const shards = { count: 4, index: 2, merged: [] };
    const none = buildFleetReport({ now, run, config: 'f', targets: [], discovered: [], errors: [], shards });
    expect(none.status).toBe('error');
    const failed = buildFleetReport({
      now,
      run,
      config: 'f',
      targets: [],
      discovered: few,
      errors: [{ stage: 'discovery', message: 'down' }],
      shards,
    });
    expect(failed.status).toBe('error');
  });

  it('still lets the merge prove each target was checked by exactly one shard', () => {
    const parts = fewSlices(8);
    const merged = mergeFleetReports(parts, { now, run });
    expect(merged.status).toBe('synced');
    expect(merged.totals).toEqual({ targets: 3, synced: 3, drift: 0, error: 0 });
    // An empty slice that never arrived is still a missing shard.
    const emptyIndex = parts.find((p) => p.totals.targets === 0)?.shards?.index as number;
    const without = mergeFleetReports(
      parts.filter((p) => p.shards?.index !== emptyIndex),
      { now, run },
    );
    expect(without.status).toBe('error');
    expect(without.errors.map((e) => e.message)).toContain(
      `shard ${emptyIndex}/8 is missing: its targets were not checked`,
    );
    // And a merge of nothing but empty slices is no proof of anything.
    const allEmpty = mergeFleetReports(
      parts.map((p) => ({ ...p, targets: [] })),
      { now, run },
    );
    expect(allEmpty.status).toBe('error');
  });
});

describe('merging slices', () => {
  it('gives the single run’s report from its 4 slices, in any order', () => {
    const merged = mergeFleetReports(slices(4).reverse(), { now, run });
    assertValidFleetReport(merged);
    expect(outcome(merged)).toEqual(outcome(whole));
    expect(merged.shards).toEqual({ count: 4, index: null, merged: [1, 2, 3, 4] });
  });

  it('names a missing shard and each target it left unchecked', () => {
    const parts = slices(4);
    const merged = mergeFleetReports([parts[0]!, parts[1]!, parts[3]!], { now, run });
    assertValidFleetReport(merged);
    expect(merged.status).toBe('error');
    expect(merged.errors.map((e) => e.message)).toEqual(['shard 3/4 is missing: its targets were not checked']);
    const lost = names.filter((n) => shardOf(n, 4) === 3);
    expect(merged.totals.targets).toBe(40);
    for (const name of lost) {
      expect(merged.targets.find((t) => t.name === name)?.error?.message).toBe(
        `target "${name}" was discovered but not checked by any shard`,
      );
    }
    expect(merged.fingerprint).not.toBe(whole.fingerprint);
  });

  it('refuses a target checked twice, a repeated shard, and slices of another count or config', () => {
    const parts = slices(2);
    const twice = { ...parts[1]!, targets: [...parts[1]!.targets, parts[0]!.targets[0]!] };
    const merged = mergeFleetReports([parts[0]!, twice], { now, run });
    expect(merged.errors.map((e) => e.message)).toEqual([
      `target "${parts[0]!.targets[0]!.name}" was checked by shards 1/2 and 2/2`,
    ]);
    expect(merged.targets.find((t) => t.name === parts[0]!.targets[0]!.name)?.status).toBe('error');

    expect(mergeFleetReports([parts[0]!, parts[0]!, parts[1]!], { now, run }).errors.map((e) => e.message)).toEqual([
      'shard 1/2 is given twice',
    ]);
    const other = slices(3);
    const mixed = mergeFleetReports([parts[0]!, { ...other[1]!, config: 'g.yml' }], { now, run });
    expect(mixed.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'the slices come from different shard counts: 2, 3',
        'the slices come from different config files: f.yml, g.yml',
      ]),
    );
    expect(mergeFleetReports([], { now, run }).status).toBe('error');
    expect(mergeFleetReports([whole], { now, run }).errors[0]?.message).toMatch(/not shard slices/);
  });

  it("refuses slices of different runs: a stale artifact left in fleet-slices is not this run's check", () => {
    const parts = slices(2);
    const stale = { ...parts[1]!, run: { ...parts[1]!.run, run_id: '42' } };
    const merged = mergeFleetReports([parts[0]!, stale], { now, run });
    expect(merged.status).toBe('error');
    expect(merged.errors.map((e) => e.message)).toEqual(['the slices come from different runs: 1, 42']);
    expect(mergeFleetReports(parts, { now, run }).errors).toEqual([]);
  });

  it('a target dropped from its slice is an error line, never silently absent', () => {
    const gone = names[3]!;
    const merged = mergeFleetReports(
      slices(4, (n) => n === gone),
      { now, run },
    );
    expect(merged.targets.find((t) => t.name === gone)?.status).toBe('error');
  });
});
