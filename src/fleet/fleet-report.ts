// The fleet report: one line per target, worst first, built from the targets' own reports (a run) or from the lines
// of slice reports (a merge). Pure. docs/fleet-report.schema.json documents the JSON.
import { createHash } from 'node:crypto';
import type { Report, ReportStatus, RunInfo } from '../report/model.js';
import type { FleetReport, FleetTarget, FleetTargetSummary } from './model.js';

const RANK: Record<ReportStatus, number> = { error: 0, drift: 1, synced: 2 };

/** Worst first (error, drift, synced), then by name (code-point order, the same on every machine). */
export function compareSummaries(a: FleetTargetSummary, b: FleetTargetSummary): number {
  return RANK[a.status] - RANK[b.status] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The worst of the statuses; `synced` only for a non-empty list of synced ones (an empty fleet proves nothing). */
export function worstStatus(statuses: readonly ReportStatus[]): ReportStatus {
  if (statuses.length === 0) return 'error';
  return statuses.reduce((worst, s) => (RANK[s] < RANK[worst] ? s : worst), 'synced' as ReportStatus);
}

/** The fleet line of one target's report. */
export function summarizeTarget(
  target: FleetTarget,
  report: Report,
  stored: { location: string; sha256: string } | null = null,
): FleetTargetSummary {
  const version = report.version;
  const structure = report.structure;
  const firstLine = (text: string) => text.split('\n')[0] ?? '';
  return {
    name: target.name,
    environment: target.environment,
    status: report.status,
    version_state: version?.state ?? null,
    summary: firstLine(report.error?.message ?? version?.summary ?? report.status),
    codebase_heads: version?.codebase_heads ?? splitIds(report.codebase_head),
    production_versions: version?.database_versions ?? splitNullable(report.production_version),
    pending: version?.pending.length ?? 0,
    structural_differences:
      structure && (structure.state === 'clean' || structure.state === 'drifted') ? structure.differences.length : null,
    report_location: stored?.location ?? null,
    report_sha256: stored?.sha256 ?? null,
    error: report.error ? { stage: report.error.stage, message: report.error.message } : null,
    fingerprint: report.fingerprint,
  };
}

/** A line for a target that has no report of its own (never checked: a missing shard, a discovery that failed). */
export function errorSummary(
  name: string,
  environment: string,
  error: { stage: string; message: string },
): FleetTargetSummary {
  return {
    name,
    environment,
    status: 'error',
    version_state: null,
    summary: error.message,
    codebase_heads: [],
    production_versions: null,
    pending: 0,
    structural_differences: null,
    report_location: null,
    report_sha256: null,
    error,
    fingerprint: createHash('sha256')
      .update(JSON.stringify(['unchecked', name, error.stage, error.message]))
      .digest('hex'),
  };
}

/**
 * sha256 of the fleet's outcome: each target's name, status and drift-state fingerprint (sorted by name) and the
 * fleet errors — never when, by which run, or in how many shards, so an unchanged fleet keeps its fingerprint.
 */
export function fleetFingerprint(
  targets: readonly FleetTargetSummary[],
  errors: readonly { stage: string; message: string }[],
): string {
  const lines = targets.map((t) => [t.name, t.status, t.fingerprint]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  const fleetErrors = errors.map((e) => `${e.stage}\u0000${e.message}`).sort();
  return createHash('sha256')
    .update(JSON.stringify({ targets: lines, errors: fleetErrors }))
    .digest('hex');
}

export interface FleetReportInput {
  now: Date;
  run: RunInfo;
  config: string;
  targets: FleetTargetSummary[];
  discovered: string[];
  errors: { stage: string; message: string }[];
  shards: FleetReport['shards'];
}

/** Assembles the fleet report; status is `error` when any fleet-level error was recorded. */
export function buildFleetReport(input: FleetReportInput): FleetReport {
  const targets = [...input.targets].sort(compareSummaries);
  const count = (status: ReportStatus) => targets.filter((t) => t.status === status).length;
  const status: ReportStatus =
    input.errors.length > 0 ? 'error' : emptySlice(input) ? 'synced' : worstStatus(targets.map((t) => t.status));
  return {
    schema_drift_fleet: 1,
    generated_at: input.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    run: { ...input.run },
    config: input.config,
    status,
    // Any target drifted, even when another one's error makes the fleet `error`: the drift is certain.
    drift_detected: count('drift') > 0,
    totals: { targets: targets.length, synced: count('synced'), drift: count('drift'), error: count('error') },
    fingerprint: fleetFingerprint(targets, input.errors),
    shards: input.shards,
    discovered: [...new Set(input.discovered)].sort(),
    targets,
    errors: [...input.errors],
  };
}

/**
 * A slice that no target of a non-empty fleet hashes to (fewer targets than shards): it checked nothing and nothing
 * failed, which is normal, so it is `synced` with no targets — in the action and the CLI alike. Proof is the merge's:
 * it is never `synced` without targets and names any discovered target no shard checked.
 */
function emptySlice(input: FleetReportInput): boolean {
  return (
    input.targets.length === 0 && input.shards !== null && input.shards.index !== null && input.discovered.length > 0
  );
}

function splitIds(value: string | null): string[] {
  return value ? value.split(',').filter((v) => v !== '') : [];
}

function splitNullable(value: string | null): string[] | null {
  return value === null ? null : splitIds(value);
}
