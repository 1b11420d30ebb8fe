// Where a fleet run's evidence goes. Each target's report is stored through the ordinary stores, scoped to
// {environment}/{target}/ so it has its own evidence chain (latest.json pointer, conditional moves, predecessor
// verified), without an alert of its own. The fleet report is stored write-once under {environment}/fleet/, with a
// fleet/latest.json pointer (key + sha256) the next run verifies before its notify-on policy compares fingerprints.
// Slices of a matrix run go to {environment}/fleet/runs/{run_id}/shard-{i}-of-{N}.json.

import { type Delivery, deliverReport } from '../publish/deliver.js';
import { FLEET_SEGMENT, type ReportStore, sha256Hex, validateEvidenceName } from '../publish/report-store.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { fleetDocument } from '../report/presentation/fleet-document.js';
import { errorMessage } from '../shared/error-message.js';
import { buildFleetReport } from './fleet-report.js';
import type { FleetReport, FleetRun, FleetTargetSummary } from './model.js';

/** The folder (below the fleet's environment) that holds the fleet's own reports; no target may take this name. */
const FLEET_FOLDER = FLEET_SEGMENT;
const POINTER_NAME = `${FLEET_FOLDER}/latest.json`;
const POINTER_FORMAT = 'schema-drift-fleet-pointer/1';
/** The stage of a fleet error about tampered or missing evidence (a target's chain, the fleet pointer). */
export const EVIDENCE_STAGE = 'evidence';

/** The fleet report's JSON bytes as stored (2-space indent, trailing newline). */
export function serializeFleetReport(fleet: FleetReport): string {
  return `${JSON.stringify(fleet, null, 2)}\n`;
}

/** The evidence name of a slice: fleet/runs/{run_id}/shard-{i}-of-{N}.json. */
export function sliceName(runId: string, index: number, count: number): string {
  const run = runId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'local';
  return validateEvidenceName(`${FLEET_FOLDER}/runs/${run}/shard-${index}-of-${count}.json`);
}

/** A store that can keep target chains and fleet pointers (the S3 and local stores can). */
function capable(store: ReportStore): Required<Pick<ReportStore, 'forTarget' | 'readEvidence' | 'replaceEvidence'>> {
  const { forTarget, readEvidence, replaceEvidence } = store;
  if (!forTarget || !readEvidence || !replaceEvidence) {
    throw new Error(`${store.describe()} cannot keep a fleet's evidence (no per-target chains)`);
  }
  return {
    forTarget: forTarget.bind(store),
    readEvidence: readEvidence.bind(store),
    replaceEvidence: replaceEvidence.bind(store),
  };
}

export interface TargetsStored {
  /** The fleet report with each target's report_location and report_sha256 filled in (from the first store). */
  fleet: FleetReport;
  errors: string[];
}

/**
 * Stores every target's report in every store, `concurrency` at a time, each in its own chain; never throws.
 * `wrap` limits each scoped store (the run's time budget).
 */
export async function storeTargetReports(
  run: FleetRun,
  stores: readonly ReportStore[],
  options: { concurrency: number; wrap?: (scoped: ReportStore, store: ReportStore) => ReportStore },
): Promise<TargetsStored> {
  const errors: string[] = [];
  const broken: { stage: string; message: string }[] = [];
  const wrap = options.wrap ?? ((scoped: ReportStore) => scoped);
  const located = new Map<string, { location: string; sha256: string }>();
  const work = run.reports.map(({ target, report, snapshot }) => async () => {
    let scoped: ReportStore[];
    try {
      scoped = stores.map((store) => wrap(capable(store).forTarget(target.name), store));
    } catch (error) {
      errors.push(`Could not store the report of target ${target.name}: ${errorMessage(error)}`);
      return;
    }
    // The snapshot is stored beside the report, and becomes the target's baseline when the report recorded one.
    const delivery = await deliverReport(report, { stores: scoped }, { snapshot }).catch(
      (error): Delivery => ({ report, stored: [], notification: null, errors: [errorMessage(error)] }),
    );
    for (const e of delivery.errors) errors.push(`target ${target.name}: ${e}`);
    for (const f of delivery.report.findings) {
      if (f.kind === 'evidence-chain-broken')
        broken.push({ stage: EVIDENCE_STAGE, message: `target ${target.name}: ${f.message}` });
    }
    const first = delivery.stored[0]?.result;
    if (first) located.set(target.name, { location: first.location, sha256: first.sha256 });
  });
  await inParallel(work, options.concurrency);
  const targets = run.fleet.targets.map((t): FleetTargetSummary => {
    const where = located.get(t.name);
    return where ? { ...t, report_location: where.location, report_sha256: where.sha256 } : t;
  });
  // A target's broken chain is a fleet error: the slice carries it to the merge, and the fleet alert is forced.
  const withTargets = { ...run.fleet, targets };
  const fleet =
    broken.length === 0
      ? withTargets
      : buildFleetReport({
          now: new Date(withTargets.generated_at),
          run: withTargets.run,
          config: withTargets.config,
          targets: withTargets.targets,
          discovered: withTargets.discovered,
          errors: [...withTargets.errors, ...broken.sort((a, b) => (a.message < b.message ? -1 : 1))],
          shards: withTargets.shards,
        });
  return { fleet, errors };
}

export interface FleetStored {
  location: string;
  sha256: string;
}

/**
 * Stores the fleet report (JSON, Markdown and HTML) write-once under {environment}/fleet/{yyyy}/{mm}/{dd}/, then
 * points fleet/latest.json at it. Throws naming the store on failure.
 */
export async function storeFleetReport(
  store: ReportStore,
  environment: string,
  fleet: FleetReport,
): Promise<FleetStored> {
  const { replaceEvidence } = capable(store);
  const json = serializeFleetReport(fleet);
  const sha256 = sha256Hex(json);
  const name = datedName(fleet);
  const document = fleetDocument(fleet, { environment });
  const location = await store.storeEvidence(environment, name, json, 'application/json');
  // storeEvidence may have picked a numbered variant: the pointer names what was written.
  const stored = storedName(location, environment) ?? name;
  await store.storeEvidence(
    environment,
    stored.replace(/\.json$/, '.md'),
    renderMarkdown(document),
    'text/markdown; charset=utf-8',
  );
  await store.storeEvidence(environment, stored.replace(/\.json$/, '.html'), renderHtml(document), 'text/html');
  const pointer = {
    format: POINTER_FORMAT,
    name: stored,
    sha256,
    generated_at: fleet.generated_at,
    status: fleet.status,
  };
  await replaceEvidence(environment, POINTER_NAME, `${JSON.stringify(pointer, null, 2)}\n`, 'application/json');
  return { location, sha256 };
}

/**
 * The previous fleet report, verified against the sha256 its pointer recorded: `null` when there is none yet;
 * `problem` when the pointer or the report cannot be believed (the caller alerts and fails the step).
 */
export async function previousFleetReport(
  store: ReportStore,
  environment: string,
): Promise<{ report: FleetReport | null; problem?: string }> {
  const { readEvidence } = capable(store);
  const found = await readEvidence(environment, POINTER_NAME);
  if (found === null) return { report: null };
  let pointer: { format?: unknown; name?: unknown; sha256?: unknown };
  try {
    pointer = JSON.parse(found.text);
  } catch {
    return { report: null, problem: `${found.location} is not valid JSON` };
  }
  const { name, sha256 } = pointer ?? {};
  if (
    pointer?.format !== POINTER_FORMAT ||
    typeof name !== 'string' ||
    !/^fleet\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9._-]+\.json$/.test(name) ||
    typeof sha256 !== 'string'
  ) {
    return { report: null, problem: `${found.location} is not a fleet pointer naming a fleet report` };
  }
  const dated = await readEvidence(environment, name);
  if (dated === null)
    return { report: null, problem: `the previous fleet report ${name}, named by ${found.location}, does not exist` };
  const actual = sha256Hex(dated.text);
  if (actual !== sha256) {
    return {
      report: null,
      problem: `the previous fleet report ${dated.location} was modified: its sha256 is ${actual}, the pointer recorded ${sha256}`,
    };
  }
  try {
    const report = JSON.parse(dated.text) as FleetReport;
    if (report?.schema_drift_fleet !== 1) throw new Error('not a fleet report');
    return { report };
  } catch {
    return { report: null, problem: `the previous fleet report ${dated.location} is not a fleet report` };
  }
}

/** Stores one slice of a matrix run, write-once; resolves to its location. */
export async function storeSlice(store: ReportStore, environment: string, fleet: FleetReport): Promise<string> {
  const shards = fleet.shards;
  if (shards === null || shards.index === null) throw new Error('Could not store the slice: the report is not a slice');
  return store.storeEvidence(
    environment,
    sliceName(fleet.run.run_id, shards.index, shards.count),
    serializeFleetReport(fleet),
    'application/json',
  );
}

/** Reads slice i of N of a run from the store; null when it was never stored. */
export async function readSlice(
  store: ReportStore,
  environment: string,
  runId: string,
  index: number,
  count: number,
): Promise<{ text: string; location: string } | null> {
  return capable(store).readEvidence(environment, sliceName(runId, index, count));
}

function datedName(fleet: FleetReport): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(fleet.generated_at);
  if (match === null) {
    throw new Error(`Could not store the fleet report: generated_at ${JSON.stringify(fleet.generated_at)} is not ISO`);
  }
  const [, yyyy, mm, dd, h, m, s] = match;
  const run = fleet.run.run_id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'local';
  return validateEvidenceName(`${FLEET_FOLDER}/${yyyy}/${mm}/${dd}/${yyyy}-${mm}-${dd}T${h}-${m}-${s}Z-${run}.json`);
}

/** The evidence name inside a stored location (…/{environment}/fleet/…), or null when it cannot be found. */
function storedName(location: string, environment: string): string | null {
  const marker = `/${environment}/${FLEET_FOLDER}/`;
  const at = location.replaceAll('\\', '/').lastIndexOf(marker);
  return at < 0 ? null : location.replaceAll('\\', '/').slice(at + environment.length + 2);
}

/** Runs the tasks, at most `limit` at a time. */
async function inParallel(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      await task?.();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
