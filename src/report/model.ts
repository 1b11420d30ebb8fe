// Report JSON v1: the compliance evidence. Schema metadata only — never row data, never secrets.
// The field meanings of status, drift_detected, timestamp, codebase_head and production_version are those of the
// old nightly Lambda's report, so existing dashboards keep working. docs/report.schema.json documents it.
import type { StructureDifference } from '../drift/structure.js';
import type { LintSection } from '../lint/lint.js';
import type { Finding } from '../migrations/finding.js';

export type ReportStatus = 'synced' | 'drift' | 'error';
export type VersionState = 'synced' | 'behind' | 'ahead' | 'branched' | 'uninitialized' | 'error';

export interface PendingRevision {
  revision: string;
  down_revisions: string[];
  /** Repository-relative path of the migration file. */
  file: string;
  line: number;
  /** First docstring line of the migration. */
  message: string;
  /** When the file entered the branch (git), ISO 8601; null when unknown. */
  added_at: string | null;
  /** When a run first saw this revision pending (carried over from the previous report), ISO 8601. */
  first_seen_pending_at: string;
  /** True when the file is younger than pending-grace by a commit date not later than the run, and was first seen
   *  pending less than pending-grace ago: reported, but not drift. */
  within_grace: boolean;
}

export interface VersionSection {
  state: VersionState;
  /** Whether this state counts as drift (false for synced, and for behind when every pending item is within grace). */
  drift: boolean;
  /** One line a person reads first, e.g. "behind by 3 migrations". */
  summary: string;
  codebase_heads: string[];
  database_versions: string[];
  /** Revisions the repository has and the database lacks, in apply order. */
  pending: PendingRevision[];
  /** Revisions the database has and the repository lacks. */
  unknown: string[];
  /** Schema-qualified name of the version table that was read. */
  version_table: string;
  pending_grace_minutes: number;
  /** Error findings that made the state `error` (graph findings leaving the heads uncertain, not ignored). */
  deciding_findings?: Finding[];
  /** Error findings an ignore rule let past the verdict, with the rule. */
  ignored_findings?: IgnoredFinding[];
}

export interface IgnoredFinding {
  finding: Finding;
  rule: { file: string; finding: string; reason: string; expires: string | null };
}

export interface StructureSection {
  /** clean: no difference; drifted: differences remain after ignore rules; skipped: nothing to compare with yet
   *  (e.g. the first baseline run); error: the check could not be made (see report.error). */
  state: 'clean' | 'drifted' | 'skipped' | 'error';
  expected_source: 'reference' | 'snapshot' | 'baseline';
  /** One line a person reads first, e.g. "3 differences (1 security, 2 breaking)". */
  summary: string;
  /** Where the expected snapshot came from: a redacted URL, a file path, or a stored report key. */
  expected_location: string | null;
  expected_fingerprint: string | null;
  actual_fingerprint: string | null;
  counts: { security: number; breaking: number; cosmetic: number };
  /** Ordered by severity, kind, object; each with the fix-up SQL (or a SQL comment when none can be derived). */
  differences: StructureDifference[];
  /** Reported but not drift (column order). */
  notices: StructureDifference[];
  ignored: { object: string; kind: string; attribute: string | null; reason: string; expires: string | null }[];
  /** Cost of reading the live catalog. */
  stats: { queries: number; largest_response_bytes: number; total_response_bytes: number } | null;
}

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
