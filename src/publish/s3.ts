// Report store on S3: compliance evidence in a (versioned, encrypted, optionally Object Locked) bucket. Same key
// layout as the local store under a prefix; every report records the sha256 of the latest.json it replaced.
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  type ObjectLockMode,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AwsClientConfig } from '../aws/credentials.js';
import { describeError } from '../aws/errors.js';
import { type RetryOptions, withRetry } from '../aws/retry.js';
import { type AwsTimeouts, requestHandlerOptions } from '../aws/timeouts.js';
import { normalizePrefix, validateBucketName } from '../config/aws-names.js';
import type { Report } from '../report/model.js';
import {
  chainTo,
  htmlKey,
  latestKey,
  latestSnapshotKey,
  markdownKey,
  type PreviousReport,
  type ReportAttachments,
  type ReportStore,
  reportKey,
  type StoredReport,
  serializeReport,
  sha256Hex,
  snapshotKey,
  validateEnvironment,
} from './report-store.js';

export { normalizePrefix, validateBucketName };

export interface S3StoreOptions {
  /** Created by the caller, who decides region, credentials and forcePathStyle; endpoints come from the environment. */
  client: S3Client;
  bucket: string;
  /** Default 'schema-drift/'; a missing trailing '/' is added. */
  prefix?: string;
  /** SSE-KMS with this key; otherwise SSE-S3 (AES256). */
  kmsKeyId?: string;
  objectLockMode?: 'GOVERNANCE' | 'COMPLIANCE';
  objectLockDays?: number;
  runId: string;
  now?: () => Date;
  /** Backoff for throttling and 5xx; tests inject a sleep. */
  retry?: RetryOptions;
}

/** An S3Client for the store: our retry policy only (SDK retries off), bounded connection and request times. */
export function createS3Client(aws: AwsClientConfig, options: { timeouts: AwsTimeouts; pathStyle: boolean }): S3Client {
  // No endpoint here: AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3 must keep working (LocalStack, MinIO, tests).
  return new S3Client({
    ...aws,
    maxAttempts: 1,
    // Path-style when an endpoint override is set: LocalStack and MinIO do not serve virtual-hosted buckets.
    forcePathStyle: options.pathStyle,
    requestHandler: requestHandlerOptions(options.timeouts),
  });
}

const dayMs = 86_400_000;
// Metadata on latest.json naming the dated object it copies, so the next report can name it in previous_report.
const reportKeyMetadata = 'report-key';

function validateObjectLock(
  mode: S3StoreOptions['objectLockMode'],
  days: number | undefined,
): { mode: ObjectLockMode; days: number } | null {
  if (mode === undefined && days === undefined) return null;
  if (mode === undefined || days === undefined) {
    throw new Error(
      `Invalid Object Lock settings: s3-object-lock-mode and s3-object-lock-days go together (got mode ${mode ?? 'unset'}, days ${days ?? 'unset'})`,
    );
  }
  if (mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') {
    throw new Error(`Invalid s3-object-lock-mode "${mode}": use GOVERNANCE or COMPLIANCE`);
  }
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw new Error(`Invalid s3-object-lock-days "${days}": a whole number of days from 1 to 36500`);
  }
  return { mode, days };
}

// S3 user metadata travels in HTTP headers: keep it printable ASCII.
function metadataValue(value: string | null | undefined): string {
  const clean = (value ?? '').replace(/[^\x20-\x7e]/g, '?').trim();
  return clean === '' ? 'unknown' : clean.slice(0, 256);
}

function isNoSuchKey(error: unknown): boolean {
  const e = error as { name?: unknown; Code?: unknown } | null;
  return e?.name === 'NoSuchKey' || e?.Code === 'NoSuchKey';
}

export class S3ReportStore implements ReportStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly kmsKeyId: string | undefined;
  private readonly objectLock: { mode: ObjectLockMode; days: number } | null;
  private readonly runId: string;
  private readonly now: () => Date;
  private readonly retry: RetryOptions;

  constructor(options: S3StoreOptions) {
    this.client = options.client;
    this.bucket = validateBucketName(options.bucket);
    this.prefix = normalizePrefix(options.prefix);
    const kmsKeyId = options.kmsKeyId?.trim();
    this.kmsKeyId = kmsKeyId === '' ? undefined : kmsKeyId;
    this.objectLock = validateObjectLock(options.objectLockMode, options.objectLockDays);
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(options.runId)) {
      throw new Error(
        `Invalid run id "${options.runId}": 1-100 letters, digits, '.', '_' or '-' (it becomes part of a key)`,
      );
    }
    this.runId = options.runId;
    this.now = options.now ?? (() => new Date());
    this.retry = options.retry ?? {};
  }

  describe(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  /** The report stored as latest.json for this environment, verified against S3's checksum; null when none. */
  async latest(environment: string): Promise<PreviousReport | null> {
    const key = this.prefix + latestKey(environment);
    const where = this.url(key);
    let read: { bytes: Uint8Array; checksum: string | undefined; reportKey: string | undefined } | null;
    try {
      read = await withRetry(
        `read ${where}`,
        async () => {
          try {
            const response = await this.client.send(
              new GetObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }),
            );
            // Read inside the retry: a connection reset mid-body is as transient as a 503.
            const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
            const composite = response.ChecksumType === 'COMPOSITE' || response.ChecksumSHA256?.includes('-');
            return {
              bytes,
              checksum: composite ? undefined : response.ChecksumSHA256,
              reportKey: response.Metadata?.[reportKeyMetadata],
            };
          } catch (error) {
            if (isNoSuchKey(error)) return null;
            throw error;
          }
        },
        this.retry,
      );
    } catch (error) {
      throw new Error(`Could not read the latest report from ${where}: ${describeError(error)}`, { cause: error });
    }
    if (read === null) return null;

    const sha256 = sha256Hex(read.bytes);
    if (read.checksum !== undefined) {
      const actual = Buffer.from(sha256, 'hex').toString('base64');
      if (read.checksum !== actual) {
        throw new Error(
          `Could not read the latest report from ${where}: the bytes read (sha256 ${actual}) do not match the stored checksum ${read.checksum}`,
        );
      }
    }
    let report: Report;
    try {
      report = JSON.parse(Buffer.from(read.bytes).toString('utf8')) as Report;
    } catch (error) {
      throw new Error(`Could not read the latest report from ${where}: not valid JSON (${describeError(error)})`);
    }
    if (
      report === null ||
      typeof report !== 'object' ||
      report.schema_version !== 1 ||
      typeof report.status !== 'string'
    ) {
      throw new Error(`Could not read the latest report from ${where}: not a schema-drift report (schema_version 1)`);
    }
    // Only a key under our own prefix and environment is believed; anything else falls back to latest.json itself.
    const environmentPrefix = `${this.prefix}${environment}/`;
    const storedKey =
      read.reportKey?.startsWith(environmentPrefix) && read.reportKey.endsWith('.json') ? read.reportKey : key;
    return { report, key: storedKey, location: this.url(storedKey), sha256 };
  }

  /** Writes the dated JSON and Markdown, then latest.json; the JSON records the report it replaced. */
  async save(report: Report, attachments: ReportAttachments): Promise<StoredReport> {
    const environment = validateEnvironment(report.environment);
    const previous = report.previous_report === undefined ? await this.latest(environment) : null;
    const json = Buffer.from(serializeReport(chainTo(report, previous)), 'utf8');
    const sha256 = sha256Hex(json);
    const key = this.prefix + reportKey({ ...report, run: { ...report.run, run_id: this.runId } });
    const metadata = {
      status: metadataValue(report.status),
      commit: metadataValue(report.run.sha),
      fingerprint: metadataValue(report.fingerprint),
      environment: metadataValue(environment),
      'report-sha256': sha256,
    };

    await this.put(key, json, 'application/json', metadata, true);
    await this.put(
      markdownKey(key),
      Buffer.from(attachments.markdown, 'utf8'),
      'text/markdown; charset=utf-8',
      metadata,
      true,
    );
    if (attachments.html !== undefined) {
      await this.put(htmlKey(key), Buffer.from(attachments.html, 'utf8'), 'text/html; charset=utf-8', metadata, true);
    }
    if (attachments.snapshot !== undefined) {
      const snapshot = Buffer.from(attachments.snapshot, 'utf8');
      await this.put(snapshotKey(key), snapshot, 'application/json', metadata, true);
      await this.put(this.prefix + latestSnapshotKey(environment), snapshot, 'application/json', metadata, false);
    }
    // latest.json last: it only ever points at a report whose own object is already stored.
    await this.put(
      this.prefix + latestKey(environment),
      json,
      'application/json',
      { ...metadata, [reportKeyMetadata]: key },
      false,
    );
    return { key, location: this.url(key), sha256 };
  }

  /** The baseline snapshot stored by an earlier run; null when there is none yet. */
  async latestSnapshot(environment: string): Promise<{ text: string; location: string } | null> {
    const key = this.prefix + latestSnapshotKey(environment);
    try {
      const text = await withRetry(
        `read ${this.url(key)}`,
        async () => {
          try {
            const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
            return (await response.Body?.transformToString('utf8')) ?? '';
          } catch (error) {
            if (isNoSuchKey(error)) return null;
            throw error;
          }
        },
        this.retry,
      );
      return text === null ? null : { text, location: this.url(key) };
    } catch (error) {
      throw new Error(`Could not read the baseline snapshot ${this.url(key)}: ${describeError(error)}`, {
        cause: error,
      });
    }
  }

  private url(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  private async put(
    key: string,
    body: Buffer,
    contentType: string,
    metadata: Record<string, string>,
    retained: boolean,
  ): Promise<void> {
    const input: PutObjectCommandInput = {
      Bucket: this.bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      Metadata: metadata,
      // Our own digest rather than the SDK's: S3 then refuses the write unless it stored exactly the bytes we hashed.
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
      ...(this.kmsKeyId
        ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.kmsKeyId }
        : { ServerSideEncryption: 'AES256' }),
      // latest.json is overwritten every run; the dated objects are the evidence that must outlive it.
      ...(this.objectLock && retained
        ? {
            ObjectLockMode: this.objectLock.mode,
            ObjectLockRetainUntilDate: new Date(this.now().getTime() + this.objectLock.days * dayMs),
          }
        : {}),
    };
    try {
      await withRetry(`write ${this.url(key)}`, () => this.client.send(new PutObjectCommand(input)), this.retry);
    } catch (error) {
      throw new Error(`Could not write report to ${this.url(key)}: ${describeError(error)}`, { cause: error });
    }
  }
}
