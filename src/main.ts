// The action: inputs → engine → publishers. The only place that fails the step.

import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { runAuditMode } from './audit/action.js';
import type { EvidenceSource } from './audit/evidence-source.js';
import { LocalEvidenceSource } from './audit/local-source.js';
import { resolvePeriod } from './audit/period.js';
import { S3EvidenceSource } from './audit/s3-source.js';
import { type AwsClientConfig, defaultRoleSessionName, resolveAwsIdentity } from './aws/credentials.js';
import { runCheck } from './check.js';
import { type Config, parseConfig } from './config/config.js';
import { INPUT_NAMES } from './config/inputs.js';
import { runInfoFromEnv } from './config/run-info.js';
import { describeTarget, openExecutor } from './database/open.js';
import { databaseUrlSecrets } from './database/redact.js';
import { readAddedTimes } from './git/added-times.js';
import { omittedSummary, planAnnotations } from './publish/annotations.js';
import { type DeliveryPlan, deliverReport } from './publish/deliver.js';
import { KmsReportSigner } from './publish/kms-signer.js';
import { LocalReportStore } from './publish/local.js';
import { parseNotifyOn } from './publish/notify-policy.js';
import { actionOutputs } from './publish/outputs.js';
import type { ReportStore } from './publish/report-store.js';
import { S3ReportStore } from './publish/s3.js';
import { SnsNotifier } from './publish/sns.js';
import { modeFor, runPullRequestMode } from './pull-request/action.js';
import { renderMarkdown } from './report/markdown.js';
import type { Report } from './report/model.js';
import { reportDocument } from './report/presentation/report-document.js';
import { structureDeps } from './structure-deps.js';
import { TOOL_VERSION } from './version.js';

/** Masks a database URL and each secret it carries (password, password= query values), raw and decoded. */
function maskDatabaseUrl(url: string | undefined): void {
  if (!url) return;
  core.setSecret(url);
  for (const secret of databaseUrlSecrets(url)) core.setSecret(secret);
}

function awsIdentity(config: Config, env: NodeJS.ProcessEnv): () => Promise<AwsClientConfig> {
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
      setSecret: (secret) => core.setSecret(secret),
    });
    return identity;
  };
}

async function deliveryPlan(
  config: Config,
  root: string,
  aws: () => Promise<AwsClientConfig>,
  runId: string,
  env: NodeJS.ProcessEnv,
) {
  const stores: ReportStore[] = [];
  const plan: DeliveryPlan = { stores };
  const setupErrors: string[] = [];
  const awsOrNote = async (what: string) => {
    try {
      return await aws();
    } catch (error) {
      setupErrors.push(`Could not get AWS credentials for ${what}: ${(error as Error).message}`);
      return null;
    }
  };
  let signer: KmsReportSigner | undefined;
  if (config.kmsSigningKeyId) {
    const awsConfig = await awsOrNote(`KMS key ${config.kmsSigningKeyId}`);
    if (awsConfig) {
      signer = new KmsReportSigner(new KMSClient({ ...awsConfig, maxAttempts: 1 }), config.kmsSigningKeyId);
    }
  }
  if (config.s3) {
    const awsConfig = await awsOrNote(`s3://${config.s3.bucket}`);
    if (awsConfig) {
      stores.push(
        new S3ReportStore({
          // Our retry policy only; path-style when an endpoint override (LocalStack, MinIO) is set.
          client: new S3Client({
            ...awsConfig,
            maxAttempts: 1,
            forcePathStyle: Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL),
          }),
          bucket: config.s3.bucket,
          prefix: config.s3.prefix,
          kmsKeyId: config.s3.kmsKeyId,
          objectLockMode: config.s3.objectLockMode,
          objectLockDays: config.s3.objectLockDays,
          runId,
          signer,
        }),
      );
    }
  }
  if (config.reportDir) stores.push(new LocalReportStore(resolve(root, config.reportDir), { signer }));
  if (config.sns) {
    const notifyOn = parseNotifyOn(config.sns.notifyOn);
    const awsConfig = await awsOrNote(config.sns.topicArn);
    if (awsConfig) {
      plan.alerts = {
        notifier: new SnsNotifier({
          client: new SNSClient({ ...awsConfig, maxAttempts: 1 }),
          topicArn: config.sns.topicArn,
        }),
        notifyOn,
        notifyOnSuccess: config.sns.notifyOnSuccess,
      };
    }
  }
  return { plan, setupErrors };
}

function annotate(report: Report): string {
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

function readEvent(path: string | undefined): unknown {
  if (!path) throw new Error('Could not read the pull_request event: GITHUB_EVENT_PATH is not set');
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read the pull_request event: GITHUB_EVENT_PATH "${path}": ${(error as Error).message}`);
  }
}

/** Runs the action; never throws — every failure fails the step with a message. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const root = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
  maskDatabaseUrl(raw['database-url']);
  maskDatabaseUrl(raw['reference-database-url']);
  let config: Config;
  try {
    config = parseConfig(raw);
  } catch (error) {
    core.setOutput('status', 'error');
    core.setFailed((error as Error).message);
    return;
  }
  try {
    const prInputs = config.pullRequest;
    const mode = modeFor(prInputs, env.GITHUB_EVENT_NAME ?? '');
    if (mode === 'audit') {
      await runAuditModeFromConfig(config, root, env);
      return;
    }
    if (mode === 'pull-request') {
      const event = readEvent(env.GITHUB_EVENT_PATH);
      const aws = awsIdentity(config, env);
      await runPullRequestMode({
        root,
        env,
        event,
        config,
        inputs: prInputs,
        core: {
          info: core.info,
          notice: core.notice,
          warning: core.warning,
          error: core.error,
          setFailed: core.setFailed,
          setOutput: core.setOutput,
          setSecret: core.setSecret,
          writeSummary: async (md) => {
            await core.summary.addRaw(md).write();
          },
        },
        openExecutor: (target) => openExecutor(target, { aws }),
        describeTarget,
      });
      return;
    }
  } catch (error) {
    core.setFailed((error as Error).message);
    return;
  }
  try {
    const runInfo = runInfoFromEnv(env);
    const aws = awsIdentity(config, env);
    // Stores first: the structure check's baseline lives in the evidence store.
    const { plan, setupErrors } = await deliveryPlan(config, root, aws, runInfo.run_id || 'local', env);
    const { report: checked, snapshot } = await runCheck({
      root,
      config,
      run: runInfo,
      now: () => new Date(),
      openExecutor: (target) => openExecutor(target, { aws }),
      describeTarget,
      readAddedTimes,
      structure: structureDeps({ root, environment: config.environment, store: plan.stores[0], log: core.info }),
      log: (line) => core.info(line),
    });
    core.info(`${config.environment}: ${checked.version?.summary ?? checked.error?.message ?? checked.status}`);
    if (checked.structure) core.info(`structure: ${checked.structure.summary}`);

    const delivery = await deliverReport(checked, plan, { snapshot });
    // As stored: with the evidence-chain finding when the store's chain was broken.
    const report = delivery.report;
    const local = delivery.stored.find((s) => s.store instanceof LocalReportStore)?.result;
    const s3 = delivery.stored.find((s) => s.store instanceof S3ReportStore)?.result;
    const reportPath = local ? relative(root, local.location) : undefined;
    for (const [name, value] of Object.entries(
      actionOutputs(report, {
        reportPath: reportPath && !isAbsolute(reportPath) ? reportPath : local?.location,
        reportUrl: s3?.location,
      }),
    )) {
      core.setOutput(name, value);
    }
    const omitted = annotate(report);
    await core.summary
      .addRaw(renderMarkdown(reportDocument(report)))
      .addRaw(omitted ? `\n_${omitted}_\n` : '')
      .write();

    // The verdict comes first, then every stage that failed to deliver, so a delivery failure never hides the
    // state (nor the state a delivery failure).
    const failures: string[] = [];
    if (report.status === 'error' && config.failOn !== 'never') {
      failures.push(
        `Could not determine the schema state of ${config.environment}: ${report.error?.message ?? 'unknown error'}`,
      );
    } else if (report.status === 'drift' && config.failOn === 'drift') {
      const what = [
        report.version?.drift ? report.version.summary : '',
        report.structure?.state === 'drifted' ? report.structure.summary : '',
      ]
        .filter(Boolean)
        .join('; ');
      failures.push(`Schema drift in ${config.environment}: ${what || 'drift'}`);
    }
    // When the step fails with the error it is already shown; otherwise (fail-on never) it still gets an annotation.
    if (report.error && failures.length === 0) core.error(`${report.error.stage}: ${report.error.message}`);
    for (const failure of [...setupErrors, ...delivery.errors]) {
      if (!failures.includes(failure)) failures.push(failure);
    }
    if (failures.length > 0) core.setFailed(failures.join('\n'));
  } catch (error) {
    core.setOutput('status', 'error');
    core.setFailed(`schema-drift failed unexpectedly: ${(error as Error).stack ?? error}`);
  }
}

/** mode: audit — the evidence store the nightly runs write to is both what is audited and where the pack is kept. */
async function runAuditModeFromConfig(config: Config, root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const runId = env.GITHUB_RUN_ID || 'local';
  const aws = awsIdentity(config, env);
  const { plan, setupErrors } = await deliveryPlan(config, root, aws, runId, env);
  if (setupErrors.length > 0) {
    core.setOutput('audit-result', 'tampered');
    core.setFailed(setupErrors.join('\n'));
    return;
  }
  let source: EvidenceSource;
  if (config.s3) {
    const awsConfig = await aws();
    source = new S3EvidenceSource(
      new S3Client({
        ...awsConfig,
        maxAttempts: 1,
        forcePathStyle: Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL),
      }),
      config.s3.bucket,
      config.s3.prefix,
    );
  } else if (config.reportDir) {
    source = new LocalEvidenceSource(resolve(root, config.reportDir));
  } else {
    core.setOutput('audit-result', 'tampered');
    core.setFailed('mode: audit needs the evidence store to audit: set s3-bucket (or report-dir)');
    return;
  }
  let publicKeyPem: string | undefined;
  try {
    if (config.kmsSigningKeyId) {
      const signer = new KmsReportSigner(new KMSClient({ ...(await aws()), maxAttempts: 1 }), config.kmsSigningKeyId);
      publicKeyPem = await signer.publicKeyPem();
    }
  } catch (error) {
    core.setOutput('audit-result', 'tampered');
    core.setFailed(`Could not check signatures: ${error instanceof Error ? error.message : String(error)}`);
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
    store: plan.stores[0] ?? null,
    notifier: plan.alerts?.notifier ?? null,
    checkRetention: Boolean(config.s3),
    publicKeyPem,
    now: new Date(),
    toolVersion: TOOL_VERSION,
    core: {
      info: core.info,
      setOutput: core.setOutput,
      setFailed: core.setFailed,
      writeSummary: async (markdown) => {
        await core.summary.addRaw(markdown).write();
      },
    },
  });
}
