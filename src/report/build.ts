// Assembles Report JSON v1 from what the pipeline found. Pure: the clock comes in as `now`.
import type { Finding } from '../migrations/finding.js';
import { fingerprintOf } from './fingerprint.js';
import type { Report, ReportError, ReportStatus, RunInfo, StructureSection, VersionSection } from './model.js';

export interface ReportInput {
  environment: string;
  now: Date;
  run: RunInfo;
  source: Report['source'];
  codebaseHeads: string[];
  /** null = could not be read. */
  databaseVersions: string[] | null;
  version: VersionSection | null;
  /** The structure check; absent or null when it was not asked for. */
  structure?: StructureSection | null;
  findings: Finding[];
  error: ReportError | null;
}

/**
 * Builds the report; status is 'error' whenever the state could not be determined (a failed stage, a version or
 * structure check in error), so it is never read as synced; else 'drift' when the version or the structure drifted.
 */
export function buildReport(input: ReportInput): Report {
  const structure = input.structure ?? null;
  const error = input.error ?? missingVerdictError(input.version) ?? silentStructureError(structure);
  const status = statusOf(error, input.version, structure);
  const withoutFingerprint: Omit<Report, 'fingerprint'> = {
    schema_version: 1,
    status,
    drift_detected: status === 'drift',
    timestamp: utcSeconds(input.now),
    codebase_head: joinIds(input.codebaseHeads),
    production_version: input.databaseVersions === null ? null : joinIds(input.databaseVersions),
    environment: input.environment,
    source: { ...input.source },
    version: input.version,
    structure,
    findings: [...input.findings],
    error,
    run: { ...input.run },
  };
  return { ...withoutFingerprint, fingerprint: fingerprintOf(withoutFingerprint) };
}

function statusOf(
  error: ReportError | null,
  version: VersionSection | null,
  structure: StructureSection | null,
): ReportStatus {
  if (error !== null || version === null || version.state === 'error' || structure?.state === 'error') return 'error';
  // A skipped structure check (e.g. the run that records the first baseline) compared nothing: not drift.
  return version.drift || structure?.state === 'drifted' ? 'drift' : 'synced';
}

// A report with neither a verdict nor an error would otherwise have no honest status: say why it is 'error'.
function missingVerdictError(version: VersionSection | null): ReportError | null {
  return version === null ? { stage: 'version', message: 'No version verdict was produced' } : null;
}

// Same reason: a structure check in error makes the report an error, which must say why even if no stage did.
function silentStructureError(structure: StructureSection | null): ReportError | null {
  return structure?.state === 'error'
    ? { stage: 'structure', message: 'The structure check failed without an error message' }
    : null;
}

function joinIds(ids: string[]): string | null {
  return ids.length === 0 ? null : ids.join(',');
}

/** ISO 8601 in UTC with second precision, as the old nightly report wrote it: 2025-12-31T19:05:18Z. */
export function utcSeconds(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('Could not build report: the clock gave an invalid date');
  return `${date.toISOString().slice(0, 19)}Z`;
}
