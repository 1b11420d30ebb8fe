// The action: inputs → mode → publishers. The only place that fails the step; never prints a stack trace.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { KMSClient } from '@aws-sdk/client-kms';
import { runAuditMode } from './audit/action.js';
import type { EvidenceSource } from './audit/evidence-source.js';
import { LocalEvidenceSource } from './audit/local-source.js';
import { resolvePeriod } from './audit/period.js';
import { S3EvidenceSource } from './audit/s3-source.js';
import { type AwsClientConfig, defaultRoleSessionName, resolveAwsIdentity } from './aws/credentials.js';
import { type AwsTimeouts, awsTimeouts, requestHandlerOptions } from './aws/timeouts.js';
import {
  type Config,
  ConfigError,
  checkModeInputs,
  parseConfig,
  type RawInputs,
  type RunMode,
} from './config/config.js';
import { ACTION_INPUT_NAMES } from './config/inputs.js';
import { runInfoFromEnv } from './config/run-info.js';
import { deliveryConfigDespite } from './config/salvage.js';
import { describeTarget, openExecutor } from './database/open.js';
import { type FleetModeDeps, runFleetMode } from './fleet/action.js';
import { fleetEngine } from './fleet/fleet-engine.js';
import { type FleetSpecs, fleetModeFor, readFleetSpecs, runFleetPlanMode } from './fleet/fleet-plan.js';
import { mergeFleetReports } from './fleet/shard.js';
import { readSliceFiles } from './fleet/slice-files.js';
import { readAddedTimes } from './git/added-times.js';
import { type MonitorModeDeps, runMonitorMode } from './monitor/action.js';
import { runCheck } from './monitor/check.js';
import { planDelivery } from './monitor/delivery-plan.js';
import { structureDeps } from './monitor/structure-deps.js';
import { createActionLog, type LogCore } from './publish/action-log.js';
import { KmsReportSigner } from './publish/kms-signer.js';
import { Redactor, SECRET_INPUTS } from './publish/redactor.js';
import { createS3Client } from './publish/s3.js';
import { type ActionCore, modeFor, runPullRequestMode } from './pull-request/action.js';
import { errorMessage } from './shared/error-message.js';
import { TOOL_VERSION } from './shared/tool-version.js';

// Every line and annotation goes through the log writer (redacted, workflow commands neutralised), and every summary
// through the redactor: the one place secrets are removed (see publish/action-log.ts and publish/redactor.ts).
const redactor = new Redactor();
const log: LogCore = createActionLog(core, redactor);

/** Masks every secret input (a URL's password and password= values too, raw and decoded) and redacts it by value. */
function maskSecretInputs(raw: Record<string, string>): void {
  for (const name of SECRET_INPUTS) {
    for (const secret of redactor.secretsOfInput(name, raw[name] ?? '')) log.setSecret(secret);
  }
}

const actionCore: ActionCore = {
  ...log,
  setOutput: core.setOutput,
  writeSummary: async (md) => {
    await core.summary.addRaw(redactor.values(md)).write();
  },
};

/** Fails the step before any mode ran (no report can be filed): every output is set all the same. */
function failEarly(message: string): void {
  for (const name of ['codebase-head', 'production-version', 'pending-count', 'report-path', 'report-url', 'matrix']) {
    core.setOutput(name, '');
  }
  core.setOutput('drift-detected', 'false');
  core.setOutput('status', 'error');
  log.setFailed(message);
}

function readEvent(path: string | undefined): unknown {
  if (!path) throw new Error('Could not read the pull_request event: GITHUB_EVENT_PATH is not set');
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read the pull_request event: GITHUB_EVENT_PATH "${path}": ${errorMessage(error)}`);
  }
}

/** The inputs as a Config; on bad inputs, the part of them that can still deliver the config-error report. */
function configOf(raw: RawInputs, root: string): { config: Config | null; configError?: string } {
  // An input only one mode reads is checked once the mode is known (modeInputsRefused), so a bad audit-period
  // never fails a nightly check.
  const options = { workspace: root, deferModeInputs: true };
  try {
    return { config: parseConfig(raw, options) };
  } catch (error) {
    const configError = error instanceof ConfigError ? error : new ConfigError(errorMessage(error));
    return { config: deliveryConfigDespite(raw, configError, options), configError: configError.message };
  }
}

/** Fails the step when an input of the mode that runs is bad (held back by parseConfig until now); true if so. */
function modeInputsRefused(config: Config, mode: RunMode): boolean {
  try {
    checkModeInputs(config, mode);
    return false;
  } catch (error) {
    failEarly(errorMessage(error));
    return true;
  }
}

/** Runs the action; never throws — every failure fails the step with a message and the `status` output. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const root = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
    const raw = Object.fromEntries(ACTION_INPUT_NAMES.map((name) => [name, core.getInput(name)]));
    maskSecretInputs(raw);
    const { config, configError } = configOf(raw, root);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    if (config === null) {
      failEarly(configError ?? 'The inputs could not be read');
      return;
    }
    // Deprecated input names: each still works, and says which name replaces it.
    for (const warning of config.warnings ?? []) log.warning(warning);
    if (configError !== undefined) {
      // The monitor files a config error as its report; the pull-request check and the fleet modes have none to file.
      if (eventName.startsWith('pull_request') || /^fleet/.test(raw.mode?.trim() ?? '')) failEarly(configError);
      else await runMonitorMode(monitorWorld(config, configError, root, env));
      return;
    }
    // A config file that lists targets makes the run a fleet (auto), or is refused (monitor): never ignored.
    let fleet: FleetSpecs;
    let fleetMode: ReturnType<typeof fleetModeFor>;
    try {
      fleet = await readFleetSpecs(root, config.ignoreRulesFile);
      fleetMode = fleetModeFor(config.pullRequest.mode, eventName, fleet.specs !== null);
    } catch (error) {
      // Refused before anything runs; only an explicit monitor files the config error as its report.
      if (config.pullRequest.mode === 'monitor' && !eventName.startsWith('pull_request')) {
        await runMonitorMode(monitorWorld(config, errorMessage(error), root, env));
      } else failEarly(errorMessage(error));
      return;
    }
    if (fleetMode !== null && modeInputsRefused(config, fleetMode)) return;
    if (fleetMode === 'fleet-plan') {
      runFleetPlanMode(actionCore, fleet, config.fleet.shards);
      return;
    }
    if (fleetMode !== null) {
      await runFleetMode(fleetWorld(config, raw, fleet, root, env), fleetMode);
      return;
    }
    const mode = modeFor(config.pullRequest, eventName);
    if (modeInputsRefused(config, mode)) return;
    if (mode === 'audit') {
      // An audit that outlives timeout-seconds has proved nothing: its result is error, never a verdict.
      await withWatchdog(
        config.timeoutSeconds,
        () => core.setOutput('audit-result', 'error'),
        () => runAuditModeFromConfig(config, root, env),
      );
      return;
    }
    if (mode === 'pull-request') {
      const timeouts = awsTimeouts(config.timeoutSeconds * 1000);
      const aws = awsIdentity(config, env, timeouts);
      // Past timeout-seconds the step just fails: this mode stores no report.
      await withWatchdog(
        config.timeoutSeconds,
        () => {},
        () =>
          runPullRequestMode({
            root,
            env,
            event: readEvent(env.GITHUB_EVENT_PATH),
            config,
            inputs: config.pullRequest,
            core: actionCore,
            openExecutor: (target) => openExecutor(target, { aws, timeouts }),
            describeTarget,
          }),
      );
      return;
    }
    await runMonitorMode(monitorWorld(config, configError, root, env));
  } catch (error) {
    failEarly(`schema-drift failed: ${errorMessage(error)}`);
  }
}

function awsIdentity(config: Config, env: NodeJS.ProcessEnv, timeouts?: AwsTimeouts): () => Promise<AwsClientConfig> {
  let identity: Promise<AwsClientConfig> | undefined;
  // Assumed once per run and shared by every client.
  return () => {
    identity ??= resolveAwsIdentity({
      region: config.aws.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '',
      roleToAssume: config.aws.roleToAssume,
      roleSessionName:
        config.aws.roleSessionName ?? defaultRoleSessionName(env.GITHUB_REPOSITORY ?? '', env.GITHUB_RUN_ID ?? ''),
      roleDurationSeconds: config.aws.roleDurationSeconds,
      audience: config.aws.audience,
      getIdToken: (audience) => core.getIDToken(audience),
      setSecret: (secret) => log.setSecret(secret),
      timeouts,
    });
    return identity;
  };
}

function monitorWorld(
  config: Config,
  configError: string | undefined,
  root: string,
  env: NodeJS.ProcessEnv,
): MonitorModeDeps {
  const runInfo = runInfoFromEnv(env);
  return {
    root,
    config,
    configError,
    run: runInfo,
    core: actionCore,
    now: () => new Date(),
    clock: Date.now,
    awsIdentity: (timeouts) => awsIdentity(config, env, timeouts)(),
    planDelivery: (aws, timeouts) =>
      planDelivery({ config, root, aws, timeouts, runId: runInfo.run_id || 'local', env }),
    openExecutor,
    describeTarget,
    readAddedTimes,
    structureDeps: (evidence) =>
      structureDeps({ root, environment: config.environment, store: evidence, log: log.info }),
    redact: (report) => redactor.report(report),
    runCheck,
    exit: (code) => process.exit(code),
  };
}

function fleetWorld(
  config: Config,
  raw: RawInputs,
  fleet: FleetSpecs,
  root: string,
  env: NodeJS.ProcessEnv,
): FleetModeDeps {
  const runInfo = runInfoFromEnv(env);
  // Each target's URL comes from a variable the file names: masked and redacted as the database-url input is.
  for (const spec of fleet.specs ?? []) {
    const url = spec.databaseUrlEnv === undefined ? undefined : env[spec.databaseUrlEnv];
    if (url) for (const secret of redactor.secretsOfInput('database-url', url)) log.setSecret(secret);
  }
  return {
    root,
    config,
    run: runInfo,
    core: actionCore,
    now: () => new Date(),
    clock: Date.now,
    awsIdentity: (timeouts, identity) => awsIdentity(identity ?? config, env, timeouts)(),
    planDelivery: (aws, timeouts) =>
      planDelivery({ config, root, aws, timeouts, runId: runInfo.run_id || 'local', env }),
    runFleet: fleetEngine({
      root,
      workspace: root,
      file: fleet.file,
      specs: fleet.specs ?? [],
      inputs: raw,
      env,
      run: runInfo,
      now: () => new Date(),
      openExecutor,
      describeTarget,
      readAddedTimes,
    }),
    mergeSlices: (slices) => mergeFleetReports(slices, { now: new Date(), run: runInfo }),
    readSliceFiles: (dir) => readSliceFiles(resolve(root, dir)),
    redact: { report: (report) => redactor.report(report), fleet: (report) => redactor.fleet(report) },
    exit: (code) => process.exit(code),
  };
}

/** Runs a mode that stores no report of its own; past timeout-seconds the step fails whatever is still running. */
async function withWatchdog<T>(seconds: number, onTimeout: () => void, work: () => Promise<T>): Promise<T> {
  const watchdog = setTimeout(() => {
    onTimeout();
    failEarly(`schema-drift stopped: timeout-seconds (${seconds}) ran out before the run finished`);
    process.exit(1);
  }, seconds * 1000);
  try {
    return await work();
  } finally {
    clearTimeout(watchdog);
  }
}

/** mode: audit — the evidence store the nightly runs write to is both what is audited and where the pack is kept. */
async function runAuditModeFromConfig(config: Config, root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const runId = env.GITHUB_RUN_ID || 'local';
  const timeouts = awsTimeouts(config.timeoutSeconds * 1000);
  const aws = awsIdentity(config, env, timeouts);
  const planned = await planDelivery({ config, root, aws, timeouts, runId, env });
  if (planned.setupErrors.length > 0) {
    core.setOutput('audit-result', 'error');
    log.setFailed(planned.setupErrors.join('\n'));
    return;
  }
  let source: EvidenceSource;
  if (config.s3) {
    source = new S3EvidenceSource(
      createS3Client(await aws(), { timeouts, pathStyle: Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL) }),
      config.s3.bucket,
      config.s3.prefix,
    );
  } else if (config.reportDir) {
    source = new LocalEvidenceSource(resolve(root, config.reportDir));
  } else {
    core.setOutput('audit-result', 'error');
    log.setFailed('mode: audit needs the evidence store to audit: set s3-bucket (or report-dir)');
    return;
  }
  let publicKeyPem: string | undefined;
  try {
    if (config.kmsSigningKeyId) {
      const client = new KMSClient({
        ...(await aws()),
        maxAttempts: 1,
        requestHandler: requestHandlerOptions(timeouts),
      });
      publicKeyPem = await new KmsReportSigner(client, config.kmsSigningKeyId).publicKeyPem();
    }
  } catch (error) {
    core.setOutput('audit-result', 'error');
    log.setFailed(`Could not check signatures: ${errorMessage(error)}`);
    return;
  }
  await runAuditMode({
    environment: config.environment,
    period: resolvePeriod({ period: config.audit.period }, new Date()),
    schedule: config.audit.schedule,
    toleranceMinutes: config.audit.toleranceMinutes,
    retentionYears: config.audit.retentionYears,
    failOn: config.failOn,
    source,
    store: planned.remote ?? planned.local ?? null,
    notifier: planned.notifier ?? null,
    checkRetention: Boolean(config.s3),
    publicKeyPem,
    now: new Date(),
    toolVersion: TOOL_VERSION,
    core: actionCore,
  });
}
