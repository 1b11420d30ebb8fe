// The monitor run's report stores and alert, built from the configuration: S3 (the evidence store) and the local
// folder, and the SNS topic. Anything that cannot be set up is returned as a message, never thrown, so the report
// still goes everywhere else.
import { resolve } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import type { AwsClientConfig } from '../aws/credentials.js';
import { type AwsTimeouts, requestHandlerOptions } from '../aws/timeouts.js';
import type { Config } from '../config/config.js';
import type { Notifier } from '../publish/deliver.js';
import { KmsReportSigner } from '../publish/kms-signer.js';
import { LocalReportStore } from '../publish/local.js';
import type { ReportStore } from '../publish/report-store.js';
import { createS3Client, S3ReportStore } from '../publish/s3.js';
import { createSnsClient, SnsNotifier } from '../publish/sns.js';
import { errorMessage } from '../shared/error-message.js';

export interface PlannedDelivery {
  remote?: ReportStore;
  local?: ReportStore;
  notifier?: Notifier;
  /** What could not be set up, each naming the destination. */
  setupErrors: string[];
}

export interface DeliveryWorld {
  config: Config;
  root: string;
  /** The run's AWS identity (assumed once, shared by every client). */
  aws: () => Promise<AwsClientConfig>;
  timeouts: AwsTimeouts;
  runId: string;
  env: NodeJS.ProcessEnv;
}

/** Builds the stores and notifier the configuration asks for. */
export async function planDelivery(world: DeliveryWorld): Promise<PlannedDelivery> {
  const { config } = world;
  const planned: PlannedDelivery = { setupErrors: [] };
  const attempt = async <T>(what: string, build: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await build();
    } catch (error) {
      const message = errorMessage(error);
      planned.setupErrors.push(message.startsWith('Could not') ? message : `Could not set up ${what}: ${message}`);
      return undefined;
    }
  };
  const kmsKeyId = config.kmsSigningKeyId;
  // Without credentials for the key the reports are stored unsigned, and the step fails saying so.
  const signer =
    kmsKeyId === undefined
      ? undefined
      : await attempt(`KMS key ${kmsKeyId}`, async () => {
          const awsConfig = await credentialsFor(world, `KMS key ${kmsKeyId}`);
          return new KmsReportSigner(
            new KMSClient({ ...awsConfig, maxAttempts: 1, requestHandler: requestHandlerOptions(world.timeouts) }),
            kmsKeyId,
            { totalTimeMs: world.timeouts.retryTotalMs },
          );
        });
  const s3 = config.s3;
  if (s3) {
    planned.remote = await attempt(`s3://${s3.bucket}`, async () => {
      const awsConfig = await credentialsFor(world, `s3://${s3.bucket}`);
      return new S3ReportStore({
        client: createS3Client(awsConfig, {
          timeouts: world.timeouts,
          pathStyle: Boolean(world.env.AWS_ENDPOINT_URL_S3 || world.env.AWS_ENDPOINT_URL),
        }),
        bucket: s3.bucket,
        prefix: s3.prefix,
        kmsKeyId: s3.kmsKeyId,
        objectLockMode: s3.objectLockMode,
        objectLockDays: s3.objectLockDays,
        runId: world.runId,
        retry: { totalTimeMs: world.timeouts.retryTotalMs },
        signer,
      });
    });
  }
  const reportDir = config.reportDir;
  if (reportDir)
    planned.local = await attempt(
      reportDir,
      async () => new LocalReportStore(resolve(world.root, reportDir), { signer }),
    );
  const sns = config.sns;
  if (sns) {
    planned.notifier = await attempt(sns.topicArn, async () => {
      const awsConfig = await credentialsFor(world, sns.topicArn);
      return new SnsNotifier({
        client: createSnsClient(awsConfig, world.timeouts),
        topicArn: sns.topicArn,
        retry: { totalTimeMs: world.timeouts.retryTotalMs },
      });
    });
  }
  return planned;
}

async function credentialsFor(world: DeliveryWorld, what: string): Promise<AwsClientConfig> {
  try {
    return await world.aws();
  } catch (error) {
    throw new Error(`Could not get AWS credentials for ${what}: ${errorMessage(error)}`);
  }
}
