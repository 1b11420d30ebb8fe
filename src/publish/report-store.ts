// Where reports are kept as evidence. Every store uses the same key layout, so a local folder and an S3 prefix
// hold the same tree: {environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json (write-once), the .md/.html beside
// it, and {environment}/latest.json: a small pointer naming the newest dated report and its sha256.
import { createHash } from 'node:crypto';
import type { PreviousReportRef, Report } from '../report/model.js';

export interface StoredReport {
  key: string;
  /** File path or s3:// URL. */
  location: string;
  /** sha256 (hex) of the JSON bytes. */
  sha256: string;
}

export interface PreviousReport {
  report: Report;
  /** Key of the stored report that latest.json copies: what the next report's previous_report names. */
  key: string;
  location: string;
  sha256: string;
}

/** What is stored beside the JSON: its renderings, and the catalog snapshot the structure check read. */
export interface ReportAttachments {
  markdown: string;
  html?: string;
  /** Snapshot JSON, stored write-once beside the report. */
  snapshot?: string;
  /** Set when this snapshot becomes the environment's baseline (the report says why): {environment}/baseline.json
   *  then points at it. Every other run leaves the baseline alone, so a drift stays drift until re-recorded. */
  baseline?: { fingerprint: string; productionVersion: string | null };
}

/** The environment's baseline: the pointer's facts and the snapshot bytes it points at (checked against it). */
export interface StoredBaseline {
  /** Store key of the snapshot (write-once, beside the report that recorded it). */
  key: string;
  location: string;
  text: string;
  fingerprint: string;
  productionVersion: string | null;
  recordedAt: string;
}

/**
 * Where an environment's chain stands before a run stores its report: the predecessor the pointer (latest.json)
 * names, verified against its recorded sha256, and what the new report must link to.
 */
export interface ChainHead {
  /** The verified predecessor; null when there is none or it could not be verified (see `broken`). */
  previous: PreviousReport | null;
  /** What the next report's previous_report names: the pointer's dated key and sha256 (null: no chain yet). */
  link: PreviousReportRef | null;
  /**
   * The pointer as read, for the conditional update: `absent` (no latest.json: create only if still absent),
   * `present` with its version (S3 ETag / sha256 of the local file: replace only if unchanged), or `unknown`
   * (it could not be read at all).
   */
  pointer: { state: 'absent' } | { state: 'present'; version: string } | { state: 'unknown' };
  /** Why the chain cannot be trusted (tampered, corrupted, missing or unreadable); each is a security finding. */
  broken: string[];
}

export interface ReportStore {
  /** The report stored as latest for this environment by an earlier run, verified; null when none or broken. */
  latest(environment: string): Promise<PreviousReport | null>;
  /** Reads and verifies the chain's head; never throws for a broken chain (storing never depends on the old one). */
  head(environment: string): Promise<ChainHead>;
  /**
   * Stores the JSON (and its attachments beside it) under a key no other report holds (write-once), then moves the
   * pointer to it only if nobody else did since `head` was read; on a conflict it re-reads, re-chains and retries.
   */
  save(report: Report, attachments: ReportAttachments, head?: ChainHead): Promise<StoredReport>;
  /**
   * Stores another piece of evidence (an audit pack) under `{environment}/{name}`, write-once, with the same
   * encryption and retention as reports; resolves to its location.
   */
  storeEvidence(environment: string, name: string, body: string, contentType: string): Promise<string>;
  /** The baseline an earlier run recorded for this environment, or null when none was; throws when unreadable. */
  baseline(environment: string): Promise<StoredBaseline | null>;
  describe(): string;
  /** The same store keeping a fleet target's own chain under {environment}/{target}/ (fleet mode needs it). */
  forTarget?(target: string): ReportStore;
  /** Reads evidence stored under `{environment}/{name}`; null when absent (fleet slices and the fleet pointer). */
  readEvidence?(environment: string, name: string): Promise<{ text: string; location: string } | null>;
  /** Overwrites a pointer under `{environment}/{name}` (not write-once, not retained: it moves every run). */
  replaceEvidence?(environment: string, name: string, body: string, contentType: string): Promise<string>;
}

/** Reads the environment's previous report from a store (the verdict's memory of earlier runs); undefined without one. */
export function previousReportReader(
  store: ReportStore | undefined,
  environment: string,
): (() => Promise<Report | null>) | undefined {
  return store ? async () => (await store.latest(environment))?.report ?? null : undefined;
}

const ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Environment names become key segments: letters, digits, '.', '_', '-' only, so they can never escape a folder. */
export function validateEnvironment(environment: string): string {
  if (!ENVIRONMENT_PATTERN.test(environment) || environment.includes('..')) {
    throw new Error(
      `Invalid environment ${JSON.stringify(environment)}: use 1-100 letters, digits, '.', '_' or '-', ` +
        "starting with a letter or digit (no '/', '\\' or '..')",
    );
  }
  return environment;
}

/** The name a fleet gives its own reports (`{environment}/fleet/…`): never a target's. */
export const FLEET_SEGMENT = 'fleet';

/**
 * A fleet target's name becomes a key segment below its environment ({environment}/{target}/…), validated as an
 * environment is. It may not be all digits (it would sit among the environment's own year folders), end in .json
 * (beside latest.json and baseline.json) or be `fleet` (the fleet's own reports).
 */
export function validateTargetSegment(target: string): string {
  if (
    !ENVIRONMENT_PATTERN.test(target) ||
    target.includes('..') ||
    /^\d+$/.test(target) ||
    /\.json$/i.test(target) ||
    target.toLowerCase() === FLEET_SEGMENT
  ) {
    throw new Error(
      `Invalid target name ${JSON.stringify(target)}: use 1-100 letters, digits, '.', '_' or '-', ` +
        `starting with a letter or digit (no '/', '\\' or '..', not all digits, not ending in .json, not "${FLEET_SEGMENT}")`,
    );
  }
  return target;
}

/** Where one chain lives: `{environment}`, or `{environment}/{target}` for a fleet target (both validated). */
export function chainPath(environment: string, target?: string): string {
  const base = validateEnvironment(environment);
  return target === undefined ? base : `${base}/${validateTargetSegment(target)}`;
}

/** Key of the latest copy for an environment (or a fleet target in it). */
export function latestKey(environment: string, target?: string): string {
  return `${chainPath(environment, target)}/latest.json`;
}

/** Key of a report's own JSON object: {environment}[/{target}]/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json. */
export function reportKey(report: Report, target?: string): string {
  const environment = chainPath(report.environment, target);
  const match = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}Z$/.exec(report.timestamp);
  if (match === null) {
    throw new Error(
      `Could not store report: timestamp ${JSON.stringify(report.timestamp)} is not YYYY-MM-DDTHH:MM:SSZ`,
    );
  }
  const [, yyyy, mm, dd] = match;
  // ':' is not allowed in Windows file names; run ids come from outside, so only safe characters survive.
  const stamp = report.timestamp.replaceAll(':', '-');
  const runId = report.run.run_id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'local';
  return `${environment}/${yyyy}/${mm}/${dd}/${stamp}-${runId}.json`;
}

/** The Markdown rendering's key, beside the JSON. */
export function markdownKey(jsonKey: string): string {
  return jsonKey.replace(/\.json$/, '.md');
}

/** The HTML rendering's key, beside the JSON. */
export function htmlKey(jsonKey: string): string {
  return jsonKey.replace(/\.json$/, '.html');
}

/** A dated report key: {environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run}.json (not .snapshot.json or .sig.json). */
export function isDatedReportKey(key: string): boolean {
  return /\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json$/.test(key) && !/\.(snapshot|sig)\.json$/.test(key);
}

/** The catalog snapshot's key, beside the JSON. */
export function snapshotKey(jsonKey: string): string {
  return jsonKey.replace(/\.json$/, '.snapshot.json');
}

/** Key of the environment's (or fleet target's) baseline pointer (names the stored snapshot that is the baseline). */
export function baselineKey(environment: string, target?: string): string {
  return `${chainPath(environment, target)}/baseline.json`;
}

const POINTER_FORMAT = 'schema-drift-baseline/1';

/** The pointer's JSON bytes for a snapshot stored under `snapshotKey` by `report`. */
export function baselinePointer(
  report: Report,
  snapshot: { key: string; bytes: string },
  baseline: NonNullable<ReportAttachments['baseline']>,
  reportKey: string,
): string {
  const pointer = {
    format: POINTER_FORMAT,
    environment: report.environment,
    snapshot_key: snapshot.key,
    snapshot_sha256: sha256Hex(snapshot.bytes),
    fingerprint: baseline.fingerprint,
    production_version: baseline.productionVersion,
    recorded_at: report.timestamp,
    report_key: reportKey,
  };
  return `${JSON.stringify(pointer, null, 2)}\n`;
}

/**
 * Reads a baseline through `read` (key → text, null when absent): the pointer, then the snapshot it names, whose
 * bytes must hash to what the pointer recorded. Anything else is an error, never a silent new baseline.
 */
export async function readBaseline(
  environment: string,
  prefix: string,
  read: (key: string) => Promise<{ text: string; location: string } | null>,
  target?: string,
): Promise<StoredBaseline | null> {
  const pointerKey = prefix + baselineKey(environment, target);
  const found = await read(pointerKey);
  if (found === null) return null;
  const bad = (why: string) => new Error(`Could not use the baseline pointer ${found.location}: ${why}`);
  let pointer: Record<string, unknown>;
  try {
    pointer = JSON.parse(found.text) as Record<string, unknown>;
  } catch (error) {
    throw bad(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (pointer === null || typeof pointer !== 'object' || pointer.format !== POINTER_FORMAT) {
    throw bad(`not a ${POINTER_FORMAT} document`);
  }
  const { snapshot_key: key, snapshot_sha256: sha256, fingerprint, production_version, recorded_at } = pointer;
  // The key is used as a path by the local store: only a snapshot object of this environment, nothing that climbs.
  const keyPattern = new RegExp(
    `^${escapeRegExp(prefix + chainPath(environment, target))}/\\d{4}/\\d{2}/\\d{2}/[A-Za-z0-9._-]+\\.snapshot\\.json$`,
  );
  if (typeof key !== 'string' || !keyPattern.test(key) || key.includes('..')) {
    throw bad(`snapshot_key ${JSON.stringify(key)} is not a snapshot of environment ${environment}`);
  }
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw bad('snapshot_sha256 is missing');
  if (typeof fingerprint !== 'string' || fingerprint === '') throw bad('fingerprint is missing');
  if (production_version !== null && typeof production_version !== 'string') throw bad('production_version is invalid');
  if (typeof recorded_at !== 'string') throw bad('recorded_at is missing');
  const snapshot = await read(key);
  if (snapshot === null) throw bad(`the snapshot it names (${key}) does not exist`);
  const actual = sha256Hex(snapshot.text);
  if (actual !== sha256) {
    throw bad(`the snapshot ${snapshot.location} has sha256 ${actual}, the pointer recorded ${sha256}`);
  }
  // Every run stores its snapshot beside its report, drifted ones too: the (write-once) report beside this snapshot
  // must say that it recorded this baseline, or a pointer moved to a drifted run's snapshot would accept the drift.
  const reportKeyOfSnapshot = key.replace(/\.snapshot\.json$/, '.json');
  const recorder = await read(reportKeyOfSnapshot);
  let recorded: { structure?: { actual_fingerprint?: unknown; baseline?: BaselineRecordedBy } | null } | null = null;
  try {
    recorded = recorder === null ? null : JSON.parse(recorder.text);
  } catch {
    recorded = null;
  }
  const by = recorded?.structure?.baseline?.recorded;
  if (
    !by ||
    recorded?.structure?.actual_fingerprint !== fingerprint ||
    (by.production_version ?? null) !== production_version
  ) {
    throw bad(
      `the report beside its snapshot (${reportKeyOfSnapshot}) does not record this baseline ` +
        `(fingerprint ${fingerprint.slice(0, 12)}, production version ${production_version ?? '(none)'})`,
    );
  }
  return {
    key,
    location: snapshot.location,
    text: snapshot.text,
    fingerprint,
    productionVersion: production_version,
    recordedAt: recorded_at,
  };
}

/** The part of a stored report's structure section that says it recorded a baseline. */
interface BaselineRecordedBy {
  recorded?: { production_version?: string | null } | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const KEY_ORDER = [
  // Report
  'schema_version',
  'status',
  'drift_detected',
  'timestamp',
  'codebase_head',
  'production_version',
  'environment',
  'source',
  'version',
  'structure',
  'findings',
  'error',
  'run',
  'previous_report',
  'supersedes',
  'fingerprint',
  // source
  'database',
  'migrations',
  'revisions',
  // version
  'state',
  'drift',
  'summary',
  'codebase_heads',
  'database_versions',
  'pending',
  'unknown',
  'version_table',
  'pending_grace_minutes',
  // pending revision
  'revision',
  'down_revisions',
  // finding
  'severity',
  'kind',
  // shared by pending revision and finding
  'file',
  'line',
  'message',
  'added_at',
  'within_grace',
  // error
  'stage',
  // run
  'trigger',
  'repository',
  'sha',
  'ref',
  'run_id',
  'run_url',
  'tool_version',
  // previous_report
  'key',
  'sha256',
];
const RANK = new Map(KEY_ORDER.map((key, i) => [key, i]));

/** The JSON bytes exactly as stored (stable key order, 2-space indent, trailing newline). */
export function serializeReport(report: Report): string {
  return `${JSON.stringify(ordered(report), null, 2)}\n`;
}

// Known keys in the model's order, then any others alphabetically: the same report always gives the same bytes.
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => {
    const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v)]));
}

export function sha256Hex(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The pointer stored as latest.json: which dated report is the newest, and the sha256 its bytes must have. */
export interface ChainPointer {
  schema_drift_pointer: 1;
  environment: string;
  key: string;
  sha256: string;
  timestamp: string;
  status: string;
}

export function serializePointer(report: Report, key: string, sha256: string): string {
  const pointer: ChainPointer = {
    schema_drift_pointer: 1,
    environment: report.environment,
    key,
    sha256,
    timestamp: report.timestamp,
    status: report.status,
  };
  return `${JSON.stringify(pointer, null, 2)}\n`;
}

/**
 * Reads latest.json: a pointer, or (written before pointers) a byte copy of the newest report whose key the store
 * knows another way (`legacyKey`). Returns the link it names, or why it cannot be believed.
 */
export async function parsePointer(
  bytes: Uint8Array,
  where: string,
  keyPrefix: string,
  legacyKey: () => string | undefined | Promise<string | undefined>,
): Promise<{ link: PreviousReportRef } | { problem: string }> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    return { problem: `${where} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const record = (value ?? {}) as Record<string, unknown>;
  let link: PreviousReportRef;
  if (record.schema_drift_pointer === 1) {
    if (typeof record.key !== 'string' || typeof record.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(record.sha256)) {
      return { problem: `${where} is a pointer without a valid key and sha256` };
    }
    link = { key: record.key, sha256: record.sha256 };
  } else if (record.schema_version === 1 && typeof record.status === 'string') {
    const key = await legacyKey();
    if (key === undefined) return { problem: `${where} is a report copy that names no dated report` };
    link = { key, sha256: sha256Hex(bytes) };
  } else {
    return { problem: `${where} is neither a pointer nor a schema-drift report` };
  }
  // Only a dated report under our own prefix and environment is believed: a pointer elsewhere is a forgery.
  if (!link.key.startsWith(keyPrefix) || !link.key.endsWith('.json') || link.key.endsWith('/latest.json')) {
    return {
      problem: `${where} points at ${JSON.stringify(link.key)}, which is not a dated report under ${keyPrefix}`,
    };
  }
  return { link };
}

/** Checks a predecessor's bytes against the sha256 the pointer recorded and parses it; the problem otherwise. */
export function verifyPredecessor(
  bytes: Uint8Array,
  link: PreviousReportRef,
  location: string,
): { previous: PreviousReport } | { problem: string } {
  const actual = sha256Hex(bytes);
  if (actual !== link.sha256) {
    return {
      problem: `the previous report ${location} was modified: its sha256 is ${actual}, the chain recorded ${link.sha256}`,
    };
  }
  let report: Report;
  try {
    report = JSON.parse(Buffer.from(bytes).toString('utf8')) as Report;
  } catch {
    return { problem: `the previous report ${location} is not valid JSON` };
  }
  if (
    report === null ||
    typeof report !== 'object' ||
    report.schema_version !== 1 ||
    typeof report.status !== 'string'
  ) {
    return { problem: `the previous report ${location} is not a schema-drift report (schema_version 1)` };
  }
  return { previous: { report, key: link.key, location, sha256: actual } };
}

/** The report linked to the chain head it will follow (a caller-set previous_report is kept). */
export function chainToHead(report: Report, head: ChainHead): Report {
  if (report.previous_report !== undefined) return report;
  return { ...report, previous_report: head.link };
}

/** How many times a run re-chains after another run moved the pointer first, before it gives up. */
export const CHAIN_ATTEMPTS = 5;

/** An evidence name below the environment: safe path segments only, never escaping the folder. */
export function validateEvidenceName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(name) || name.includes('..')) {
    throw new Error(`Invalid evidence name ${JSON.stringify(name)}`);
  }
  return name;
}
