// The fingerprint lets a notifier tell "same drift as last night" from "something changed" without comparing
// whole reports: it covers the drift state only, never when or by which run it was observed.
import { createHash } from 'node:crypto';
import type { Report, StructureSection } from './model.js';

/** sha256 hex of the drift state only — never timestamp, run, previous_report, or the structure check's costs. */
export function fingerprintOf(report: Omit<Report, 'fingerprint'>): string {
  const version = report.version;
  const state: Record<string, unknown> = {
    status: report.status,
    environment: report.environment,
    version_state: version?.state ?? null,
    codebase_heads: sorted(version?.codebase_heads ?? splitIds(report.codebase_head)),
    database_versions: sorted(version?.database_versions ?? splitIds(report.production_version)),
    // Apply order is part of the drift (it is what a deploy would run), so pending keeps its order.
    pending: version?.pending.map((p) => p.revision) ?? [],
    unknown: sorted(version?.unknown ?? []),
    error: report.error === null ? null : { stage: report.error.stage, message: report.error.message },
    findings: report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.kind}\u0000${f.file ?? ''}`)
      .sort(),
  };
  // Only when present, so reports without a structure check keep the fingerprints they always had (and a
  // notify-on: change setup does not alert once for nothing after an upgrade).
  if (report.structure) state.structure = structureState(report.structure);
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

// What was found, not how it was measured: no stats, no snapshot fingerprints (a baseline moves with every accepted
// change), no ignored entries or notices (not drift). Sorted, so the order differences were listed in does not count.
function structureState(structure: StructureSection): { state: string; differences: string[] } {
  return {
    state: structure.state,
    differences: structure.differences
      .map((d) => JSON.stringify([d.severity, d.change, d.kind, d.object, d.attribute, d.expected, d.actual]))
      .sort(),
  };
}

function splitIds(joined: string | null): string[] {
  return joined === null || joined === '' ? [] : joined.split(',');
}

function sorted(ids: readonly string[]): string[] {
  return [...ids].sort();
}
