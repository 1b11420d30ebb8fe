// The verdict of a check: the version state and the structure state with what they rest on. The report is built
// from these, so they live here and drift/ never imports report/.
import type { Finding } from '../migrations/finding.js';
import type { StructureDifference } from './structure.js';

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
  /** With expected_source baseline: which stored baseline was compared with, and whether this run recorded one. */
  baseline?: BaselineInfo;
}

/** The baseline behind a structure check with expected_source baseline. */
export interface BaselineInfo {
  /** The stored baseline this run compared with (or replaced); null when there was none. */
  compared_with: {
    /** Store key of the baseline snapshot (write-once, beside the report that recorded it). */
    key: string;
    fingerprint: string;
    /** The production version the baseline was recorded at (heads joined by ","); null for none. */
    production_version: string | null;
    recorded_at: string;
  } | null;
  /** Set when this run's live catalog becomes the baseline: why, and at which production version. */
  recorded: { reason: 'first' | 'version-moved' | 're-record'; production_version: string | null } | null;
}
