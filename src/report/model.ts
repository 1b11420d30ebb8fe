// Report JSON v1: the compliance evidence. Schema metadata only — never row data, never secrets.
// The field meanings of status, drift_detected, timestamp, codebase_head and production_version are those of the
// old nightly Lambda's report, so existing dashboards keep working. docs/report.schema.json documents it.
import type {
  BaselineInfo,
  IgnoredFinding,
  PendingRevision,
  StructureSection,
  VersionSection,
  VersionState,
} from '../drift/verdict.js';
import type { LintSection } from '../lint/lint.js';
import type { Finding } from '../migrations/finding.js';

export type ReportStatus = 'synced' | 'drift' | 'error';

// The verdict types are the engine's (drift/verdict.ts); the report carries them as they are.
export type { BaselineInfo, IgnoredFinding, PendingRevision, StructureSection, VersionSection, VersionState };
export interface ReportError {
  /** Pipeline stage that failed: config, migrations, credentials, database, version, structure, internal. */
  stage: string;
  message: string;
}

export interface RunInfo {
  /** schedule | workflow_dispatch | pull_request | push | cli | ... */
  trigger: string;
  repository: string;
  sha: string;
  ref: string;
  run_id: string;
  run_url: string;
  tool_version: string;
}

export interface PreviousReportRef {
  key: string;
  sha256: string;
}

export interface Report {
  schema_version: 1;
  status: ReportStatus;
  drift_detected: boolean;
  /** UTC, second precision, e.g. 2025-12-31T19:05:18Z. */
  timestamp: string;
  /** The repository's head revision; several heads joined with ','; null when there are none. */
  codebase_head: string | null;
  /** The database's applied revision(s) joined with ','; null when none could be read. */
  production_version: string | null;
  environment: string;
  /** Where the facts came from: the executor's describe() (redacted) and the migrations location. */
  source: { database: string; migrations: string; revisions: number };
  version: VersionSection | null;
  /** The structure check (catalog against the expected schema); null when it was not asked for. */
  structure: StructureSection | null;
  /** Migration safety (docs/lint-rules.md); absent or null when no lint ran. */
  lint?: LintSection | null;
  findings: Finding[];
  error: ReportError | null;
  run: RunInfo;
  /**
   * The report this one replaced as the environment's latest: the key of its stored object and the sha256 of its
   * JSON bytes, so a store's reports form a chain anyone can verify. null for the first report; absent until stored.
   */
  previous_report?: PreviousReportRef | null;
  /**
   * Dated keys this run stored first and then left behind, because another run moved the chain's pointer before it
   * did: each holds the same verdict chained to a predecessor that was no longer the newest. Absent when none.
   */
  supersedes?: string[];
  /** sha256 (hex) of the drift state only: equal across runs that found the same drift. */
  fingerprint: string;
}
