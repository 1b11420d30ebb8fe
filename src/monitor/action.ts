// The monitor mode of the action: one target checked, the report stored and alerted, outputs and summary written,
// the step failed per fail-on — all within timeout-seconds. Everything it touches comes in as a parameter, so
// main.ts wires it and tests run it with fakes; it never throws and never prints a stack trace.
import { isAbsolute, relative } from 'node:path';
import type { AwsClientConfig } from '../aws/credentials.js';
import type { AwsTimeouts } from '../aws/timeouts.js';
import type { Config, DatabaseTarget } from '../config/config.js';
import type { SqlExecutor } from '../database/executor.js';
import type { AddedTimes } from '../git/added-times.js';
import { omittedSummary, planAnnotations } from '../publish/annotations.js';
import { type Delivery, type DeliveryPlan, deliverReport } from '../publish/deliver.js';
import { parseNotifyOn } from '../publish/notify-policy.js';
import { actionOutputs } from '../publish/outputs.js';
import { previousReportReader, type ReportStore } from '../publish/report-store.js';
import type { ActionCore } from '../pull-request/action.js';
import { buildReport } from '../report/build.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report, ReportError, RunInfo } from '../report/model.js';
import { reportDocument } from '../report/presentation/report-document.js';
import { errorMessage } from '../shared/error-message.js';
import { withTimeLimit } from '../shared/time-limit.js';
import { bounded, boundedNotifier, boundedOpenExecutor, boundedStore } from './bounded-adapters.js';
import { type Phase, runBudget } from './budget.js';
import type { CheckDeps, CheckOutcome } from './check.js';
import type { PlannedDelivery } from './delivery-plan.js';
import { stepFailures } from './fail-on.js';
import type { StructureDeps } from './structure-check.js';

export interface MonitorModeDeps {
  /** Workspace root (GITHUB_WORKSPACE): report paths are shown relative to it. */
  root: string;
  config: Config;
  /** Set when the inputs were bad: nothing is checked, and this becomes the `error` report (stage config). */
  configError?: string;
  run: RunInfo;
  core: ActionCore;
  now: () => Date;
  /** Milliseconds on a monotonic-enough clock, for the budget (Date.now in the action). */
  clock: () => number;
  /** Assumes the run's AWS identity with these limits (called at most once). */
  awsIdentity: (timeouts: AwsTimeouts) => Promise<AwsClientConfig>;
  /** The stores and notifier the configuration asks for. */
  planDelivery: (aws: () => Promise<AwsClientConfig>, timeouts: AwsTimeouts) => Promise<PlannedDelivery>;
  openExecutor: (
    target: DatabaseTarget,
    world: { aws: () => Promise<AwsClientConfig>; timeouts: AwsTimeouts },
  ) => Promise<SqlExecutor>;
  describeTarget: (target: DatabaseTarget) => string;
  readAddedTimes: (root: string, folders: readonly string[]) => Promise<AddedTimes>;
  structureDeps: (evidence: ReportStore | undefined) => StructureDeps;
  runCheck: (deps: CheckDeps) => Promise<CheckOutcome>;
  /** Removes secrets from the report before anything is stored, alerted or shown (the action's redactor). */
  redact?: (report: Report) => Report;
  /** Ends the process when the watchdog fires (timeout-seconds ran out with work still running). */
  exit: (code: number) => void;
}

export interface MonitorModeOutcome {
  report: Report | null;
  delivery: Delivery | null;
  /** What the step failed with (empty when it passed). */
  failures: string[];
}

/** Runs the monitor mode; never throws — every failure fails the step with a message and `status` set. */
export async function runMonitorMode(deps: MonitorModeDeps): Promise<MonitorModeOutcome> {
  const { core, config } = deps;
  const budget = runBudget(config.timeoutSeconds, deps.clock(), deps.clock);
  const outcome: MonitorModeOutcome = { report: null, delivery: null, failures: [] };
  let done = false;
  // The one way the step fails: `status` is always set with it, so a later step never reads an empty status.
  const fail = (messages: string[]) => {
    outcome.failures = messages;
    core.setOutput('status', outcome.report?.status ?? 'error');
    core.setFailed(messages.join('\n'));
  };
  const watchdog = setTimeout(() => {
    if (done) return;
    done = true;
    fail([
      ...outcome.failures,
      `schema-drift stopped: timeout-seconds (${config.timeoutSeconds}) ran out before the run finished`,
    ]);
    deps.exit(1);
  }, budget.totalMs);

  try {
    // A store serves the check too (the baseline), within the check's share; afterwards within its own.
    let delivering = false;
    const limitFor = (phase: Exclude<Phase, 'check'>) => () =>
      delivering ? budget.deliveryCallMs(phase) : budget.remainingMs('check');
    const checkLimit = () => budget.remainingMs('check');

    let identity: Promise<AwsClientConfig> | undefined;
    // Assumed once per run, shared by every client, and never allowed past the check's share of the run.
    const aws = () => {
      identity ??= withTimeLimit(
        'AWS (the OIDC token or STS) gave no answer',
        checkLimit(),
        deps.awsIdentity(budget.timeouts),
      );
      return identity;
    };

    const planned = await deps.planDelivery(aws, budget.timeouts);
    const remote = planned.remote && boundedStore(planned.remote, limitFor('remote-store'));
    const local = planned.local && boundedStore(planned.local, limitFor('local-store'));
    const stores = [remote, local].filter((s): s is ReportStore => s !== undefined);

    const { report: unredacted, snapshot } = await checkWithin(deps, budget.remainingMs('check'), {
      aws,
      checkLimit,
      timeouts: budget.timeouts,
      evidence: stores[0],
    });
    // Everything below (stored objects, alert, outputs, summary) is rendered from the redacted report.
    const redact = deps.redact ?? ((r: Report) => r);
    const checked = redact(unredacted);
    outcome.report = checked;
    core.info(`${config.environment}: ${checked.version?.summary ?? checked.error?.message ?? checked.status}`);
    if (checked.structure) core.info(`structure: ${checked.structure.summary}`);

    delivering = true;
    const plan: DeliveryPlan = { stores };
    if (planned.notifier && config.sns) {
      plan.alerts = {
        notifier: boundedNotifier(planned.notifier, () => budget.deliveryCallMs('alert')),
        notifyOn: parseNotifyOn(config.sns.notifyOn),
        notifyOnSuccess: config.sns.notifyOnSuccess,
      };
    }
    const delivery = await deliverReport(checked, plan, { snapshot }).catch(
      (error): Delivery => ({ report: checked, stored: [], notification: null, errors: [errorMessage(error)] }),
    );
    outcome.delivery = delivery;
    // As stored: with the evidence-chain finding when the store's chain was broken (its text redacted too).
    const report = redact(delivery.report);
    outcome.report = report;

    const where = (store: ReportStore | undefined) => delivery.stored.find((s) => s.store === store)?.result;
    const localResult = where(local);
    const reportPath = localResult ? relative(deps.root, localResult.location) : undefined;
    for (const [name, value] of Object.entries(
      actionOutputs(report, {
        reportPath: reportPath && !isAbsolute(reportPath) ? reportPath : localResult?.location,
        reportUrl: where(remote)?.location,
      }),
    )) {
      core.setOutput(name, value);
    }
    const omitted = annotate(core, report);
    const summaryErrors: string[] = [];
    try {
      await core.writeSummary(renderMarkdown(reportDocument(report)) + (omitted ? `\n_${omitted}_\n` : ''));
    } catch (error) {
      // A summary that cannot be written must not hide the verdict the step fails with.
      summaryErrors.push(`Could not write the job summary: ${errorMessage(error)}`);
    }

    const failures = stepFailures(report, config.failOn, config.environment, [
      ...planned.setupErrors,
      ...delivery.errors,
      ...summaryErrors,
    ]);
    // When the step fails with the error it is already shown; otherwise (fail-on never) it still gets an annotation.
    if (report.error && failures.length === 0) core.error(`${report.error.stage}: ${report.error.message}`);
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

interface CheckWorld {
  aws: () => Promise<AwsClientConfig>;
  checkLimit: () => number;
  timeouts: AwsTimeouts;
  evidence: ReportStore | undefined;
}

/**
 * The check within its share of the run: every adapter it uses is limited, and a backstop turns a check that still
 * has not finished into an `error` report naming the stage it was in. A config error is reported without a check.
 */
async function checkWithin(deps: MonitorModeDeps, limitMs: number, world: CheckWorld): Promise<CheckOutcome> {
  const { config } = deps;
  if (deps.configError !== undefined) {
    return { report: errorReport(deps, { stage: 'config', message: deps.configError }), graph: null, snapshot: null };
  }
  let stage: ReportError['stage'] = 'migrations';
  const open = boundedOpenExecutor(
    (target) => deps.openExecutor(target, { aws: world.aws, timeouts: world.timeouts }),
    deps.describeTarget,
    world.checkLimit,
  );
  const structure = deps.structureDeps(world.evidence);
  const check = deps.runCheck({
    root: deps.root,
    config,
    run: deps.run,
    now: deps.now,
    openExecutor: (target) => {
      stage = 'database';
      return open(target);
    },
    describeTarget: deps.describeTarget,
    readPreviousReport: previousReportReader(world.evidence, config.environment),
    readAddedTimes: (root, folders) => {
      stage = 'version';
      return bounded('git log (pending-grace)', deps.readAddedTimes, world.checkLimit)(root, folders);
    },
    structure: {
      openReference: (url) => {
        stage = 'structure';
        return boundedOpenExecutor(structure.openReference, structure.describeReference, world.checkLimit)(url);
      },
      describeReference: structure.describeReference,
      runSetupCommand: (command) => {
        stage = 'structure';
        return bounded('reference-setup-command', structure.runSetupCommand, world.checkLimit)(command);
      },
      loadBaseline: () => {
        stage = 'structure';
        return bounded('the baseline store', structure.loadBaseline, world.checkLimit)();
      },
    },
    log: (line) => deps.core.info(line),
  });
  // The adapters' limits end at the same moment: a little grace lets the check build its own report first.
  const grace = Math.min(2_000, config.timeoutSeconds * 50);
  try {
    return await withTimeLimit('the check did not finish', limitMs + grace, check);
  } catch (error) {
    const message = `${errorMessage(error)} (timeout-seconds ${config.timeoutSeconds})`;
    return { report: errorReport(deps, { stage, message }), graph: null, snapshot: null };
  }
}

/** An `error` report for a run that has nothing else to say. */
function errorReport(deps: MonitorModeDeps, error: ReportError): Report {
  const { config } = deps;
  return buildReport({
    environment: config.environment,
    now: deps.now(),
    run: deps.run,
    source: {
      database: config.database ? deps.describeTarget(config.database) : '(none)',
      migrations: config.migrations ?? '(auto)',
      revisions: 0,
    },
    codebaseHeads: [],
    databaseVersions: null,
    version: null,
    findings: [],
    error,
  });
}

function annotate(core: ActionCore, report: Report): string {
  const { annotations, omitted } = planAnnotations(report.findings);
  for (const a of annotations) {
    const properties = { title: a.title, file: a.file, startLine: a.line };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  const rest = omittedSummary(omitted);
  if (rest) core.info(rest);
  return rest;
}
