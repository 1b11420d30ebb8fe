// The fleet modes of the action. `fleet` checks every target (or, with `shard: i/N`, one slice of them), stores each
// target's report in its own chain and the fleet report beside them, sends ONE alert for the run, writes one summary
// table and sets the fleet outputs. `fleet-merge` reads the slices of a matrix run, merges them and publishes the
// fleet report the same way. Everything comes in as a parameter; it never throws and never prints a stack trace.
import { isAbsolute, relative } from 'node:path';
import type { AwsClientConfig } from '../aws/credentials.js';
import type { AwsTimeouts } from '../aws/timeouts.js';
import type { Config } from '../config/config.js';
import { boundedNotifier, boundedStore } from '../monitor/bounded-adapters.js';
import { type Phase, runBudget } from '../monitor/budget.js';
import type { PlannedDelivery } from '../monitor/delivery-plan.js';
import type { Notifier } from '../publish/deliver.js';
import { parseNotifyOn } from '../publish/notify-policy.js';
import type { ReportStore } from '../publish/report-store.js';
import type { ActionCore } from '../pull-request/action.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report, RunInfo } from '../report/model.js';
import { fleetDocument } from '../report/presentation/fleet-document.js';
import { errorMessage } from '../shared/error-message.js';
import { withTimeLimit } from '../shared/time-limit.js';
import { decideFleetNotification, fleetAlert } from './fleet-alert.js';
import {
  EVIDENCE_STAGE,
  previousFleetReport,
  readSlice,
  storeFleetReport,
  storeSlice,
  storeTargetReports,
} from './fleet-delivery.js';
import { fleetErrorReport, fleetFailures, fleetOutputs } from './fleet-outcome.js';
import type { FleetReport, FleetRun, FleetTarget, FleetTargetSummary } from './model.js';

/** What the fleet engine gets from the mode: the run's identity and limits, and each target's evidence store. */
export interface FleetWorld {
  /** The step's AWS identity. */
  aws: () => Promise<AwsClientConfig>;
  /** A target's AWS identity: its own aws-region / role-to-assume, assumed once per distinct identity. */
  awsFor: (target: Config) => () => Promise<AwsClientConfig>;
  timeouts: AwsTimeouts;
  /** Milliseconds left for the checks (each adapter call should stay within it). */
  limitMs: () => number;
  /** This job's slice (input `shard`), or null for the whole fleet. */
  shard: { index: number; count: number } | null;
  concurrency: number;
  /** The target's own chain in the evidence store (its previous report, its baseline); undefined without a store. */
  evidenceFor: (target: FleetTarget) => ReportStore | undefined;
  log: (line: string) => void;
}

/** A slice as read for a merge: its text and where it came from (for errors). */
export interface SliceText {
  text: string;
  location: string;
}

export interface FleetModeDeps {
  root: string;
  config: Config;
  run: RunInfo;
  core: ActionCore;
  now: () => Date;
  clock: () => number;
  /** Assumes the identity `identity` (a target's config; the step's when absent) names, with these limits. */
  awsIdentity: (timeouts: AwsTimeouts, identity?: Config) => Promise<AwsClientConfig>;
  planDelivery: (aws: () => Promise<AwsClientConfig>, timeouts: AwsTimeouts) => Promise<PlannedDelivery>;
  /** The fleet engine (src/fleet/run-fleet.ts), wired by main.ts / the CLI. */
  runFleet: (world: FleetWorld) => Promise<FleetRun>;
  /** Combines slices (parsed, unchecked) into the fleet report; a missing or doubled shard is a fleet error. */
  mergeSlices: (slices: FleetReport[]) => FleetReport;
  /** The slice files of input `fleet-slices` (a folder of downloaded artifacts). */
  readSliceFiles: (dir: string) => Promise<SliceText[]>;
  redact?: { report: (report: Report) => Report; fleet: (fleet: FleetReport) => FleetReport };
  exit: (code: number) => void;
}

export interface FleetModeOutcome {
  fleet: FleetReport | null;
  /** Alerts sent (0 or 1). */
  alerts: number;
  failures: string[];
}

type Mode = 'fleet' | 'fleet-merge';

/** Runs `mode: fleet` or `mode: fleet-merge`; never throws — every failure fails the step with `status` set. */
export async function runFleetMode(deps: FleetModeDeps, mode: Mode): Promise<FleetModeOutcome> {
  const { core, config } = deps;
  const budget = runBudget(config.timeoutSeconds, deps.clock(), deps.clock);
  const outcome: FleetModeOutcome = { fleet: null, alerts: 0, failures: [] };
  let done = false;
  const fail = (messages: string[]) => {
    outcome.failures = messages;
    core.setOutput('status', outcome.fleet?.status ?? 'error');
    core.setFailed(messages.join('\n'));
  };
  const watchdog = setTimeout(() => {
    if (done) return;
    done = true;
    fail([
      ...outcome.failures,
      `schema-drift stopped: timeout-seconds (${config.timeoutSeconds}) ran out before the fleet run finished`,
    ]);
    deps.exit(1);
  }, budget.totalMs);

  try {
    let delivering = false;
    const limitFor = (phase: Exclude<Phase, 'check'>) => () =>
      delivering ? budget.deliveryCallMs(phase) : budget.remainingMs('check');
    let identity: Promise<AwsClientConfig> | undefined;
    const aws = () => {
      identity ??= withTimeLimit(
        'AWS (the OIDC token or STS) gave no answer',
        budget.remainingMs('check'),
        deps.awsIdentity(budget.timeouts),
      );
      return identity;
    };
    // Targets in other accounts or regions assume their own identity, once per distinct one.
    const identities = new Map<string, Promise<AwsClientConfig>>();
    const identityKey = (c: Config) =>
      JSON.stringify([
        c.aws.region,
        c.aws.roleToAssume,
        c.aws.roleSessionName,
        c.aws.roleDurationSeconds,
        c.aws.audience,
      ]);
    const awsFor = (target: Config) => () => {
      const key = identityKey(target);
      if (key === identityKey(config)) return aws();
      let found = identities.get(key);
      if (found === undefined) {
        found = withTimeLimit(
          'AWS (the OIDC token or STS) gave no answer',
          budget.remainingMs('check'),
          deps.awsIdentity(budget.timeouts, target),
        );
        identities.set(key, found);
      }
      return found;
    };
    const planned = await deps.planDelivery(aws, budget.timeouts);
    // The stores unwrapped keep their fleet abilities (per-target chains, pointers); each call is limited below.
    const remote = planned.remote;
    const local = planned.local;
    const stores = [remote, local].filter((s): s is ReportStore => s !== undefined);
    const errors: string[] = [...planned.setupErrors];
    const redact = deps.redact ?? { report: (r: Report) => r, fleet: (f: FleetReport) => f };
    const environment = config.environment;
    const shard = mode === 'fleet' ? (config.fleet.shard ?? null) : null;

    let fleet: FleetReport;
    if (mode === 'fleet') {
      const world: FleetWorld = {
        aws,
        awsFor,
        timeouts: budget.timeouts,
        limitMs: () => budget.remainingMs('check'),
        shard,
        concurrency: config.fleet.concurrency,
        evidenceFor: (target) => {
          const evidence = stores[0]?.forTarget?.(target.name);
          return evidence && boundedStore(evidence, limitFor('remote-store'));
        },
        log: (line) => core.info(line),
      };
      const grace = Math.min(2_000, config.timeoutSeconds * 50);
      let run: FleetRun;
      try {
        run = await withTimeLimit(
          'the fleet did not finish',
          budget.remainingMs('check') + grace,
          deps.runFleet(world),
        );
      } catch (error) {
        run = {
          fleet: fleetErrorReport(deps, 'fleet', `${errorMessage(error)} (timeout-seconds ${config.timeoutSeconds})`),
          reports: [],
        };
      }
      run = {
        fleet: redact.fleet(run.fleet),
        reports: run.reports.map((r) => ({ ...r, report: redact.report(r.report) })),
      };
      delivering = true;
      const stored = await storeTargetReports(run, stores, {
        concurrency: config.fleet.concurrency,
        wrap: (scoped, store) => boundedStore(scoped, limitFor(store === local ? 'local-store' : 'remote-store')),
      });
      errors.push(...stored.errors);
      fleet = stored.fleet;
    } else {
      fleet = redact.fleet(await mergeFromSlices(deps, stores[0], errors, () => budget.remainingMs('check')));
      delivering = true;
    }
    outcome.fleet = fleet;
    core.info(
      `${environment} fleet: ${fleet.status} (${fleet.totals.targets} targets: ${fleet.totals.synced} synced, ${fleet.totals.drift} drift, ${fleet.totals.error} error)`,
    );

    // A slice is stored for the merge; the fleet's verdict, report and alert come from the merge job.
    if (shard !== null) {
      const where: { local?: string; remote?: string } = {};
      for (const store of stores) {
        try {
          const location = await withTimeLimit(
            `${store.describe()} gave no answer`,
            budget.deliveryCallMs(store === local ? 'local-store' : 'remote-store'),
            storeSlice(store, environment, fleet),
          );
          where[store === local ? 'local' : 'remote'] = location;
        } catch (error) {
          errors.push(
            `Could not store slice ${shard.index}/${shard.count} in ${store.describe()}: ${errorMessage(error)}`,
          );
        }
      }
      if (stores.length === 0) errors.push('A shard job must store its slice: set s3-bucket or report-dir');
      setOutputs(deps, fleet, where);
      await writeSummary(deps, fleet, where.remote ?? where.local, errors);
      if (!done && errors.length > 0) fail(errors);
      return outcome;
    }

    const evidence = stores[0];
    let previous: FleetReport | null = null;
    let tampered = false;
    if (evidence) {
      try {
        const found = await withTimeLimit(
          `${evidence.describe()} gave no answer`,
          budget.deliveryCallMs('remote-store'),
          previousFleetReport(evidence, environment),
        );
        previous = found.report;
        if (found.problem) {
          tampered = true;
          errors.push(`Evidence chain broken in ${evidence.describe()}: ${found.problem}`);
        }
      } catch (error) {
        errors.push(`Could not read the previous fleet report: ${errorMessage(error)}`);
      }
    }
    const where: { local?: string; remote?: string } = {};
    for (const store of stores) {
      try {
        const stored = await withTimeLimit(
          `${store.describe()} gave no answer`,
          budget.deliveryCallMs(store === local ? 'local-store' : 'remote-store'),
          storeFleetReport(store, environment, fleet),
        );
        where[store === local ? 'local' : 'remote'] = stored.location;
      } catch (error) {
        errors.push(`Could not store the fleet report in ${store.describe()}: ${errorMessage(error)}`);
      }
    }

    if (planned.notifier && config.sns) {
      outcome.alerts = await alertOnce(
        deps,
        boundedNotifier(planned.notifier, () => budget.deliveryCallMs('alert')),
        fleet,
        previous,
        where.remote ?? where.local,
        errors,
        tampered,
      );
    }
    setOutputs(deps, fleet, where);
    await writeSummary(deps, fleet, where.remote ?? where.local, errors);
    const failures = fleetFailures(fleet, config.failOn, environment, errors);
    if (fleet.status === 'error' && failures.length === 0) core.error(`${environment} fleet: ${fleet.status}`);
    if (done) return outcome;
    if (failures.length > 0) fail(failures);
  } catch (error) {
    if (!done) fail([`schema-drift failed unexpectedly: ${errorMessage(error)}`]);
  } finally {
    done = true;
    clearTimeout(watchdog);
  }
  return outcome;
}

/** The slices from input `fleet-slices` (a folder) or from the evidence store (this run's id), merged. */
async function mergeFromSlices(
  deps: FleetModeDeps,
  evidence: ReportStore | undefined,
  errors: string[],
  limitMs: () => number,
): Promise<FleetReport> {
  const { config } = deps;
  const count = config.fleet.shards;
  const texts: SliceText[] = [];
  const missing: string[] = [];
  const failed = (message: string) => fleetErrorReport(deps, 'merge', message);
  if (config.fleet.slices !== undefined) {
    try {
      texts.push(
        ...(await withTimeLimit(
          'reading fleet-slices gave no answer',
          limitMs(),
          deps.readSliceFiles(config.fleet.slices),
        )),
      );
    } catch (error) {
      return failed(`Could not read fleet-slices ${config.fleet.slices}: ${errorMessage(error)}`);
    }
  } else if (evidence && count !== undefined) {
    for (let index = 1; index <= count; index++) {
      try {
        const found = await withTimeLimit(
          `${evidence.describe()} gave no answer`,
          limitMs(),
          readSlice(evidence, config.environment, deps.run.run_id || 'local', index, count),
        );
        if (found === null) missing.push(`shard ${index}/${count}`);
        else texts.push(found);
      } catch (error) {
        return failed(`Could not read shard ${index}/${count}: ${errorMessage(error)}`);
      }
    }
  } else {
    return failed(
      'mode: fleet-merge needs the slices: set fleet-slices (a folder of downloaded artifacts), or s3-bucket and shards',
    );
  }
  const slices: FleetReport[] = [];
  for (const { text, location } of texts) {
    try {
      const slice = JSON.parse(text) as FleetReport;
      if (slice?.schema_drift_fleet !== 1) throw new Error('not a fleet report (schema_drift_fleet 1)');
      slices.push(slice);
    } catch (error) {
      return failed(`Could not read the slice ${location}: ${errorMessage(error)}`);
    }
  }
  // The plan's shard count, when given, is what every slice must come from: a slice of another plan is not ours.
  const foreign = slices.filter((s) => count !== undefined && s.shards?.count !== count);
  if (foreign.length > 0) {
    return failed(
      `The slices come from ${[...new Set(foreign.map((s) => s.shards?.count ?? 'no'))].join(', ')} shards, input shards is ${count}`,
    );
  }
  const merged = deps.mergeSlices(slices);
  // A slice that was never stored is named even when the merge cannot tell which one it was (none were found).
  if (missing.length > 0 && !merged.errors.some((e) => missing.some((m) => e.message.includes(m)))) {
    errors.push(`Missing slices: ${missing.join(', ')}`);
  }
  return merged;
}

async function alertOnce(
  deps: FleetModeDeps,
  notifier: Notifier,
  fleet: FleetReport,
  previous: FleetReport | null,
  location: string | undefined,
  errors: string[],
  tampered: boolean,
): Promise<number> {
  const sns = deps.config.sns;
  if (!sns) return 0;
  let decision = decideFleetNotification(fleet, previous, {
    notifyOn: parseNotifyOn(sns.notifyOn),
    notifyOnSuccess: sns.notifyOnSuccess,
  });
  // Tampered evidence is alerted whatever the policy, as in monitor mode: an auditor must hear about it at once.
  if (!decision.send && (tampered || fleet.errors.some((e) => e.stage === EVIDENCE_STAGE))) {
    decision = {
      send: true,
      kind: fleet.status === 'synced' ? 'synced' : fleet.status,
      reason: 'evidence chain broken',
    };
  }
  deps.core.info(`alert: ${decision.send ? 'sent' : 'not sent'} (${decision.reason})`);
  if (!decision.send) return 0;
  try {
    await notifier.publish(fleetAlert(fleet, deps.config.environment, decision.kind, location));
    return 1;
  } catch (error) {
    errors.push(errorMessage(error));
    return 0;
  }
}

function setOutputs(deps: FleetModeDeps, fleet: FleetReport, where: { local?: string; remote?: string }): void {
  const local = where.local === undefined ? undefined : relative(deps.root, where.local);
  const reportPath = local !== undefined && !isAbsolute(local) && !local.startsWith('..') ? local : where.local;
  for (const [name, value] of Object.entries(fleetOutputs(fleet, { reportPath, reportUrl: where.remote }))) {
    deps.core.setOutput(name, value);
  }
}

async function writeSummary(
  deps: FleetModeDeps,
  fleet: FleetReport,
  location: string | undefined,
  errors: string[],
): Promise<void> {
  const region = deps.config.aws.region;
  // An s3:// location opens in the S3 console (the bucket is private): the summary's link to each stored report.
  const reportHref = (t: FleetTargetSummary) => consoleUrl(t.report_location, region);
  try {
    await deps.core.writeSummary(
      renderMarkdown(
        fleetDocument(fleet, { environment: deps.config.environment, reportLocation: location, reportHref }),
      ),
    );
  } catch (error) {
    errors.push(`Could not write the job summary: ${errorMessage(error)}`);
  }
}

/** The S3 console page of an s3:// object in `region`; undefined for anything else (a local path stays text). */
export function consoleUrl(location: string | null, region: string | undefined): string | undefined {
  const match = location === null ? null : /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (!match || !region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return undefined;
  const [, bucket, key] = match;
  return `https://${region}.console.aws.amazon.com/s3/object/${bucket}?region=${region}&prefix=${encodeURIComponent(key ?? '')}`;
}
