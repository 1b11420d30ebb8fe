// A fleet: many targets (environments, tenant schemas, tenant databases) checked in one run, or over a GitHub
// Actions matrix of shards merged afterwards. Each target gets the one-target report of src/monitor/check.ts; the
// fleet report summarises them, worst first. docs/fleet-report.schema.json documents the JSON.

import type { VersionState } from '../drift/verdict.js';
import type { ReportStatus, RunInfo } from '../report/model.js';

/**
 * One entry of `targets:` in the config file, as written (kebab-case keys, the action's input names). Every field
 * but `name` is optional: the step's inputs are the defaults for every target.
 */
export interface TargetSpec {
  name: string;
  /** Raw input overrides for this target: environment, migrations, ini-section, version-table, version-table-schema,
   *  structure-expected, snapshot-file, lambda-function, lambda-payload-template, lambda-rows-path, aws-region,
   *  role-to-assume… (never database-url: a URL written in the file is refused). */
  inputs: Record<string, string>;
  /** Name of the environment variable (or secret) that holds this target's postgres URL. */
  databaseUrlEnv?: string;
  /** Expands this entry into one target per matching schema / database (LIKE pattern). */
  discover?: { schemas: string } | { databases: string };
  /** Where the entry was written (file and line), for errors. */
  source: string;
}

/** A target after discovery: what one check runs on. */
export interface FleetTarget {
  /** Unique in the fleet; a key segment ([A-Za-z0-9._-]). Discovered targets are `{entry}.{schema|database}`. */
  name: string;
  environment: string;
  /** The entry it came from (its own name when it was not discovered). */
  entry: string;
  /** Set for a discovered tenant schema: the check reads only this schema (version table and structure). */
  schema?: string;
  /** Set for a discovered tenant database. */
  database?: string;
}

/** The per-target line of the fleet report, worst first. */
export interface FleetTargetSummary {
  name: string;
  environment: string;
  status: ReportStatus;
  version_state: VersionState | null;
  /** First line of the target's verdict (its version summary, or its error). */
  summary: string;
  codebase_heads: string[];
  production_versions: string[] | null;
  pending: number;
  /** Structural differences left after ignore rules; null when no structure check ran. */
  structural_differences: number | null;
  /** The target's own report where it was stored (key or path), or null when it was not stored. */
  report_location: string | null;
  /** sha256 of the target's report as stored; null when not stored. */
  report_sha256: string | null;
  error: { stage: string; message: string } | null;
  /** The target report's fingerprint (its drift state): the fleet fingerprint is built from these, so a merge of
   *  slices, which holds only summaries, computes the same one as the single run. */
  fingerprint: string;
}

export interface FleetReport {
  schema_drift_fleet: 1;
  generated_at: string;
  run: RunInfo;
  /** The config file the fleet came from (repository-relative). */
  config: string;
  /** The worst of the targets' statuses; `error` when a shard is missing or a target was discovered but not checked. */
  status: ReportStatus;
  drift_detected: boolean;
  totals: { targets: number; synced: number; drift: number; error: number };
  /** Stable over runs with the same outcome: the notify-on policy dedupes on it. */
  fingerprint: string;
  /** Set when this report is one slice (`shard: i/N`) or a merge of N slices. */
  shards: { count: number; index: number | null; merged: number[] } | null;
  /** Every target the discovery listed (names), so a merge can prove each one was checked exactly once. */
  discovered: string[];
  targets: FleetTargetSummary[];
  /** Fleet-level failures (a discovery query failed, a shard is missing, a target checked twice…). */
  errors: { stage: string; message: string }[];
}

/** What a fleet run produced: the fleet report and each target's own report (not yet stored). */
export interface FleetRun {
  fleet: FleetReport;
  reports: { target: FleetTarget; report: import('../report/model.js').Report }[];
}
