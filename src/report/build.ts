// Assembles Report JSON v1 from what the pipeline found. Pure: the clock comes in as `now`.
import type { Finding } from '../migrations/finding.js';
import { fingerprintOf } from './fingerprint.js';
import type { Report, ReportError, ReportStatus, RunInfo, VersionSection } from './model.js';

export interface ReportInput {
  environment: string;
  now: Date;
  run: RunInfo;
  source: Report['source'];
  codebaseHeads: string[];
  /** null = could not be read. */
  databaseVersions: string[] | null;
  version: VersionSection | null;
  findings: Finding[];
  error: ReportError | null;
}

/** Builds the report; status is 'error' whenever the state could not be determined, so it is never read as synced. */
export function buildReport(input: ReportInput): Report {
  const error = input.error ?? missingVerdictError(input.version);
  const status = statusOf(error, input.version);
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
    structure: null,
    findings: [...input.findings],
    error,
    run: { ...input.run },
  };
  return { ...withoutFingerprint, fingerprint: fingerprintOf(withoutFingerprint) };
}

function statusOf(error: ReportError | null, version: VersionSection | null): ReportStatus {
  if (error !== null || version === null || version.state === 'error') return 'error';
  return version.drift ? 'drift' : 'synced';
}

// A report with neither a verdict nor an error would otherwise have no honest status: say why it is 'error'.
function missingVerdictError(version: VersionSection | null): ReportError | null {
  return version === null ? { stage: 'version', message: 'No version verdict was produced' } : null;
}

function joinIds(ids: string[]): string | null {
  return ids.length === 0 ? null : ids.join(',');
}

/** ISO 8601 in UTC with second precision, as the old nightly report wrote it: 2025-12-31T19:05:18Z. */
export function utcSeconds(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('Could not build report: the clock gave an invalid date');
  return `${date.toISOString().slice(0, 19)}Z`;
}
