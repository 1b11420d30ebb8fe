// The audit pack: what a quarter of stored reports proves, in one document an auditor can keep and check alone.

export type AuditIssueKind =
  | 'tampered'
  | 'unreadable'
  | 'chain-break'
  | 'deleted'
  | 'false-supersedes'
  | 'fork'
  | 'orphan'
  | 'gap'
  | 'retention'
  | 'signature'
  | 'open-incident';

export interface AuditIssue {
  kind: AuditIssueKind;
  /**
   * `tampered`: evidence altered, deleted or forged (exit 2); `error`: the store could not be read, so nothing is
   * known either way (exit 2); `incomplete`: gaps and open questions (exit 1).
   */
  class: 'tampered' | 'error' | 'incomplete';
  message: string;
  key?: string;
  at?: string;
}

export interface AuditedReport {
  key: string;
  sha256: string;
  timestamp: string;
  status: string;
  state: string | null;
  summary: string;
  run_id: string;
  run_url: string;
  sha: string;
  /** in-chain: linked from latest.json; superseded: a re-chained attempt; orphan: never linked. */
  place: 'in-chain' | 'superseded' | 'orphan';
  /**
   * valid (binds this key, environment and bytes), unbound (a version-1 signature: bytes only), invalid, missing,
   * unreadable (could not be read), or null when signatures were not checked.
   */
  signature: 'valid' | 'unbound' | 'invalid' | 'missing' | 'unreadable' | null;
}

export interface Incident {
  started_at: string;
  /** First synced report after the drift; null while open. */
  resolved_at: string | null;
  duration_hours: number | null;
  what: string[];
  runs: string[];
  commits: string[];
}

export interface AuditPack {
  schema: 'schema-drift-audit/v1';
  environment: string;
  store: string;
  period: { from: string; to: string; label: string };
  schedule: string;
  tolerance_minutes: number;
  /** Whether every report's signature was checked against a public key (given, or read from KMS). */
  signatures_checked: boolean;
  retention_years: number;
  generated_at: string;
  tool_version: string;
  /**
   * complete: intact and nothing missing (exit 0); incomplete: gaps or open incidents (1); tampered: evidence
   * altered, deleted or forged (2); error: part of the store could not be read, so the audit cannot say (2);
   * not-started: no scheduled run has come due yet (1); empty: the schedule has no run in the period (1).
   */
  result: 'complete' | 'incomplete' | 'not-started' | 'empty' | 'tampered' | 'error';
  counts: {
    reports: number;
    scheduled_runs: number;
    runs_found: number;
    gaps: number;
    synced: number;
    drift: number;
    error: number;
    incidents: number;
    open_incidents: number;
  };
  issues: AuditIssue[];
  incidents: Incident[];
  /** Nights whose check could not decide, with the cause. */
  errors: { at: string; stage: string; message: string; key: string }[];
  /** Ignore rules that hid a difference in some report of the period: what, why, until when, how often. */
  ignore_rules: { object: string; kind: string; reason: string; expires: string | null; reports: number }[];
  timeline: { date: string; runs: number; statuses: string[] }[];
  /** Reports of the period whose evidence is lost: altered (bytes not those written) or deleted (the chain proves
   *  they were stored). Listed here only: never counted in the totals, statuses or incidents. */
  tampered_reports: { key: string; state: 'altered' | 'deleted'; why: string }[];
  /**
   * The witnesses independent of the store's writer that were checked: signatures (a KMS key the writer of the store
   * cannot use), Object Lock retention on every report, S3 object versions, GitHub's run history.
   */
  witnesses: { signatures: boolean; object_lock: boolean; object_versions: boolean; run_history: boolean };
  /** Whether a witness proves nothing was deleted or rewritten (Object Lock, object versions, run history). */
  anchored: boolean;
  /** What to do, most urgent first: the pack opens with it. */
  actions: string[];
  /** Every scheduled run due in the period and the one report that filled it (deleted/tampered: proven stored, lost). */
  slots: { at: string; key: string | null; state: 'report' | 'deleted' | 'tampered' | 'missing' }[];
  reports: AuditedReport[];
  /** The controls this evidence supports: only in a `complete` pack (empty otherwise). */
  controls: { framework: string; control: string; supports: string }[];
  /** sha256 of this JSON with pack_sha256 set to "" (two-space indent, trailing newline). */
  pack_sha256: string;
}

export const CONTROLS: AuditPack['controls'] = [
  {
    framework: 'HIPAA',
    control: '§164.308(a)(1)(ii)(D) Information system activity review',
    supports: 'a nightly, recorded review of the production schema against the approved migrations',
  },
  {
    framework: 'HIPAA',
    control: '§164.312(b) Audit controls',
    supports: 'tamper-evident, chained records of every check, verifiable from the stored objects alone',
  },
  {
    framework: 'HIPAA',
    control: '§164.312(c)(1) Integrity',
    supports: 'detection of unapproved changes to the database structure that holds ePHI',
  },
  {
    framework: 'SOC 2',
    control: 'CC7.1 Detection of configuration changes',
    supports: 'schema drift detected and reported each night',
  },
  {
    framework: 'SOC 2',
    control: 'CC7.2 Monitoring for anomalies',
    supports: 'alerts on drift and on failed checks; incidents with start, resolution and duration',
  },
  {
    framework: 'SOC 2',
    control: 'CC8.1 Change management',
    supports: 'production changes traced to reviewed migrations and commits',
  },
  {
    framework: 'ISO 27001:2022',
    control: 'A.8.9 Configuration management',
    supports: 'the production schema compared with its defined configuration',
  },
  {
    framework: 'ISO 27001:2022',
    control: 'A.8.32 Change management',
    supports: 'out-of-band changes surfaced and tracked to resolution',
  },
  {
    framework: 'ISO 27001:2022',
    control: 'A.5.33 Protection of records',
    supports: 'write-once, checksummed, retained evidence with a verifiable chain',
  },
];
