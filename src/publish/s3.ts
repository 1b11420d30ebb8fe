// Report store on S3: compliance evidence in a (versioned, encrypted, optionally Object Locked) bucket. Same key
// layout as the local store under a prefix; every report records the sha256 of the latest.json it replaced.
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  ListObjectsV2Command,
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
import { type ReportSigner, serializeSignature, signatureKey } from './report-signature.js';
import {
  baselineKey,
  baselinePointer,
  CHAIN_ATTEMPTS,
  type ChainHead,
  chainPath,
  chainToHead,
  htmlKey,
  latestKey,
  markdownKey,
  type PreviousReport,
  parsePointer,
  type ReportAttachments,
  type ReportStore,
  readBaseline,
  reportKey,
  type StoredBaseline,
  type StoredReport,
  serializePointer,
  serializeReport,
  sha256Hex,
  snapshotKey,
  validateEnvironment,
  validateEvidenceName,
  validateTargetSegment,
  verifyPredecessor,
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
  /** Signs each report's sha256; the signature is stored beside the JSON as .sig.json. */
  signer?: ReportSigner;
  /** A fleet target: its chain lives under {prefix}{environment}/{target}/ (see chainPath). */
  target?: string;
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
/** Object metadata naming a report copy's dated key (latest.json written before pointers). */
export const REPORT_KEY_METADATA = 'report-key';

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
  private readonly signer: ReportSigner | undefined;
  private readonly target: string | undefined;
  private readonly options: S3StoreOptions;

  constructor(options: S3StoreOptions) {
    this.options = options;
    this.signer = options.signer;
    this.target = options.target === undefined ? undefined : validateTargetSegment(options.target);
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

  /** The same bucket, client and signer, keeping a fleet target's chain under {environment}/{target}/. */
  forTarget(target: string): ReportStore {
    return new S3ReportStore({ ...this.options, target });
  }

  /** The verified predecessor named by latest.json; null when there is none or the chain is broken. */
  async latest(environment: string): Promise<PreviousReport | null> {
    return (await this.head(environment)).previous;
  }

  /** Reads latest.json and the dated report it names, and verifies both; never throws for a broken chain. */
  async head(environment: string): Promise<ChainHead> {
    const key = this.prefix + latestKey(environment, this.target);
    const where = this.url(key);
    const environmentPrefix = `${this.prefix}${chainPath(environment, this.target)}/`;
    let pointer: ObjectRead | null;
    try {
      pointer = await this.read(key);
    } catch (error) {
      return {
        previous: null,
        link: null,
        pointer: { state: 'unknown' },
        broken: [`Could not read ${where}: ${describeError(error)}`],
      };
    }
    if (pointer === null) {
      // No pointer: a new chain, unless dated reports of this environment exist (latest.json was deleted).
      const orphaned = await this.anyDatedReport(environmentPrefix).catch(() => false);
      return {
        previous: null,
        link: null,
        pointer: { state: 'absent' },
        broken: orphaned
          ? [`${where} is missing although dated reports exist under ${this.url(environmentPrefix)}`]
          : [],
      };
    }
    const head: ChainHead = {
      previous: null,
      link: null,
      pointer: pointer.etag ? { state: 'present', version: pointer.etag } : { state: 'unknown' },
      broken: [],
    };
    const integrity = checksumProblem(pointer, where);
    if (integrity) return { ...head, broken: [integrity] };
    const parsed = await parsePointer(
      pointer.bytes,
      where,
      environmentPrefix,
      () => pointer.metadata[REPORT_KEY_METADATA],
    );
    if ('problem' in parsed) return { ...head, broken: [parsed.problem] };
    head.link = parsed.link;
    const location = this.url(parsed.link.key);
    let dated: ObjectRead | null;
    try {
      dated = await this.read(parsed.link.key);
    } catch (error) {
      return { ...head, broken: [`Could not read the previous report ${location}: ${describeError(error)}`] };
    }
    if (dated === null)
      return { ...head, broken: [`the previous report ${location}, named by ${where}, does not exist`] };
    const datedIntegrity = checksumProblem(dated, location);
    if (datedIntegrity) return { ...head, broken: [datedIntegrity] };
    const verified = verifyPredecessor(dated.bytes, parsed.link, location);
    if ('problem' in verified) return { ...head, broken: [verified.problem] };
    return { ...head, previous: verified.previous };
  }

  /**
   * Writes the dated JSON (never over another object: If-None-Match) and its renderings, then moves latest.json to
   * it only if it still holds what `head` read (If-Match); when another run moved it first, re-chains to that run's
   * report under a new key and tries again, a bounded number of times.
   */
  async save(report: Report, attachments: ReportAttachments, head?: ChainHead): Promise<StoredReport> {
    const environment = validateEnvironment(report.environment);
    let current = head ?? (await this.head(environment));
    const baseKey = this.prefix + reportKey({ ...report, run: { ...report.run, run_id: this.runId } }, this.target);
    const superseded: string[] = [];
    for (let attempt = 1; attempt <= CHAIN_ATTEMPTS; attempt++) {
      const chained = chainToHead(attempt === 1 ? report : { ...report, previous_report: undefined }, current);
      const final = superseded.length > 0 ? { ...chained, supersedes: [...superseded] } : chained;
      const json = Buffer.from(serializeReport(final), 'utf8');
      const sha256 = sha256Hex(json);
      const metadata = {
        status: metadataValue(report.status),
        commit: metadataValue(report.run.sha),
        fingerprint: metadataValue(report.fingerprint),
        environment: metadataValue(environment),
        'report-sha256': sha256,
      };
      const key = await this.putNew(baseKey, json, metadata);
      if (this.signer) {
        const signature = serializeSignature(await this.signer.sign(key, sha256, report.environment));
        await this.put(signatureKey(key), Buffer.from(signature, 'utf8'), 'application/json', metadata, true);
      }
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
      }
      // latest.json last: it only ever points at a report whose own object is already stored.
      const pointer = Buffer.from(serializePointer(final, key, sha256), 'utf8');
      const condition =
        current.pointer.state === 'present'
          ? { IfMatch: current.pointer.version }
          : current.pointer.state === 'absent'
            ? { IfNoneMatch: '*' }
            : {};
      try {
        await this.put(
          this.prefix + latestKey(environment, this.target),
          pointer,
          'application/json',
          { ...metadata, [REPORT_KEY_METADATA]: key },
          false,
          condition,
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        superseded.push(key);
        current = await this.head(environment);
        continue;
      }
      // The baseline pointer names the report that won the chain, once it is the latest.
      if (attachments.baseline && attachments.snapshot !== undefined) {
        const baseline = baselinePointer(
          final,
          { key: snapshotKey(key), bytes: attachments.snapshot },
          attachments.baseline,
          key,
        );
        await this.put(
          this.prefix + baselineKey(environment, this.target),
          Buffer.from(baseline),
          'application/json',
          metadata,
          false,
        );
      }
      return { key, location: this.url(key), sha256 };
    }
    throw new Error(
      `Could not move ${this.url(this.prefix + latestKey(environment, this.target))} to the new report: other runs moved it first ${CHAIN_ATTEMPTS} times (reports stored: ${superseded.join(', ')})`,
    );
  }

  async storeEvidence(environment: string, name: string, body: string, contentType: string): Promise<string> {
    const key = `${this.prefix}${chainPath(environment, this.target)}/${validateEvidenceName(name)}`;
    const metadata = { environment: metadataValue(environment), sha256: sha256Hex(body) };
    const stored = await this.putNew(key, Buffer.from(body, 'utf8'), metadata, contentType);
    return this.url(stored);
  }

  /** Reads a piece of evidence stored by storeEvidence (or a pointer replaced by replaceEvidence); null if absent. */
  async readEvidence(environment: string, name: string): Promise<{ text: string; location: string } | null> {
    const key = `${this.prefix}${chainPath(environment, this.target)}/${validateEvidenceName(name)}`;
    let found: ObjectRead | null;
    try {
      found = await this.read(key);
    } catch (error) {
      throw new Error(`Could not read ${this.url(key)}: ${describeError(error)}`, { cause: error });
    }
    if (found === null) return null;
    const integrity = checksumProblem(found, this.url(key));
    if (integrity) throw new Error(integrity);
    return { text: Buffer.from(found.bytes).toString('utf8'), location: this.url(key) };
  }

  /** Overwrites a small pointer (never evidence itself: no retention, since it moves every run). */
  async replaceEvidence(environment: string, name: string, body: string, contentType: string): Promise<string> {
    const key = `${this.prefix}${chainPath(environment, this.target)}/${validateEvidenceName(name)}`;
    const metadata = { environment: metadataValue(environment), sha256: sha256Hex(body) };
    await this.put(key, Buffer.from(body, 'utf8'), contentType, metadata, false);
    return this.url(key);
  }

  /** The baseline an earlier run recorded (pointer and snapshot); null when there is none yet. */
  async baseline(environment: string): Promise<StoredBaseline | null> {
    return readBaseline(
      environment,
      this.prefix,
      async (key) => {
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
          throw new Error(`Could not read the baseline ${this.url(key)}: ${describeError(error)}`, { cause: error });
        }
      },
      this.target,
    );
  }

  private url(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  /** Reads an object with its checksum, ETag and metadata; null when it does not exist. */
  private async read(key: string): Promise<ObjectRead | null> {
    return withRetry(
      `read ${this.url(key)}`,
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
            etag: response.ETag,
            metadata: response.Metadata ?? {},
          };
        } catch (error) {
          if (isNoSuchKey(error)) return null;
          throw error;
        }
      },
      this.retry,
    );
  }

  private async anyDatedReport(environmentPrefix: string): Promise<boolean> {
    // Only this chain's own {yyyy}/{mm}/{dd}/ reports count: fleet targets keep their chains in folders beside them.
    // Keys come sorted, and year folders sort before any folder that starts with a letter, so the walk stops early.
    let token: string | undefined;
    do {
      const page = await withRetry(
        `list ${this.url(environmentPrefix)}`,
        () =>
          this.client.send(
            new ListObjectsV2Command({ Bucket: this.bucket, Prefix: environmentPrefix, ContinuationToken: token }),
          ),
        this.retry,
      );
      for (const object of page.Contents ?? []) {
        const rest = (object.Key ?? '').slice(environmentPrefix.length);
        if (/^\d{4}\/\d{2}\/\d{2}\/[^/]+\.json$/.test(rest) && !/\.(snapshot|sig)\.json$/.test(rest)) return true;
        if (rest > '9') return false;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return false;
  }

  /** Writes a dated report under `key`, or `-2`, `-3`… when another object already holds that key: never over it. */
  private async putNew(
    key: string,
    body: Buffer,
    metadata: Record<string, string>,
    contentType = 'application/json',
  ): Promise<string> {
    for (let n = 1; n <= 100; n++) {
      const candidate = n === 1 ? key : key.replace(/(\.[a-z]+)$/, `-${n}$1`);
      try {
        await this.put(candidate, body, contentType, metadata, true, { IfNoneMatch: '*' });
        return candidate;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    }
    throw new Error(`Could not write report to ${this.url(key)}: it and 99 numbered variants already exist`);
  }

  private async put(
    key: string,
    body: Buffer,
    contentType: string,
    metadata: Record<string, string>,
    retained: boolean,
    condition: { IfMatch?: string; IfNoneMatch?: string } = {},
  ): Promise<void> {
    const input: PutObjectCommandInput = {
      ...condition,
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
      // A failed condition is an answer, not a failure: the caller picks another key or re-chains.
      if (isConditionFailed(error)) throw error;
      throw new Error(`Could not write report to ${this.url(key)}: ${describeError(error)}`, { cause: error });
    }
  }
}

interface ObjectRead {
  bytes: Uint8Array;
  checksum: string | undefined;
  etag: string | undefined;
  metadata: Record<string, string>;
}

function checksumProblem(read: ObjectRead, where: string): string | null {
  if (read.checksum === undefined) return null;
  const actual = createHash('sha256').update(read.bytes).digest('base64');
  return read.checksum === actual
    ? null
    : `${where}: the bytes read (sha256 ${actual}) do not match the checksum S3 stored (${read.checksum})`;
}

/** S3's answer to a write whose If-Match / If-None-Match did not hold (412), or that raced another (409). */
function isConditionFailed(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  const status = e?.$metadata?.httpStatusCode;
  return (
    e?.name === 'PreconditionFailed' || e?.name === 'ConditionalRequestConflict' || status === 412 || status === 409
  );
}
