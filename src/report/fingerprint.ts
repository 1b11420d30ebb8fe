// The fingerprint lets a notifier tell "same drift as last night" from "something changed" without comparing
// whole reports: it covers the drift state only, never when or by which run it was observed.
import { createHash } from 'node:crypto';
import type { Report } from './model.js';

/** sha256 hex of the drift state only — never timestamp, run or previous_report. */
export function fingerprintOf(report: Omit<Report, 'fingerprint'>): string {
  const version = report.version;
  const state = {
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
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

function splitIds(joined: string | null): string[] {
  return joined === null || joined === '' ? [] : joined.split(',');
}

function sorted(ids: readonly string[]): string[] {
  return [...ids].sort();
}
