// Reads an environment's stored reports from S3 for an audit: list, then each object with its checksum, the sha256
// recorded at write time and its Object Lock retention.
import {
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectRetentionCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describeError } from '../aws/errors.js';
import { type RetryOptions, withRetry } from '../aws/retry.js';
import { signatureKey } from '../publish/report-signature.js';
import { isDatedReportKey, latestKey, parsePointer, validateEnvironment } from '../publish/report-store.js';
import { normalizePrefix, REPORT_KEY_METADATA } from '../publish/s3.js';
import { type EvidenceSource, mapBounded, type PointerRead, type VersionHistory } from './evidence-source.js';
import type { EvidenceItem } from './verify.js';

export class S3EvidenceSource implements EvidenceSource {
  private readonly prefix: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    prefix: string | undefined,
    private readonly retry: RetryOptions = {},
  ) {
    this.prefix = normalizePrefix(prefix);
  }

  describe(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  chainPrefix(environment: string): string {
    return `${this.prefix}${validateEnvironment(environment)}/`;
  }

  async listReports(environment: string, months: readonly string[]): Promise<string[]> {
    const base = `${this.prefix}${validateEnvironment(environment)}/`;
    const perMonth = await mapBounded(months, 4, (month) => this.list(`${base}${month}/`));
    return perMonth.flat().sort();
  }

  private async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await withRetry(
        `list s3://${this.bucket}/${prefix}`,
        () =>
          this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token })),
        this.retry,
      ).catch((error: unknown) => {
        throw new Error(`Could not list s3://${this.bucket}/${prefix}: ${describeError(error)}`);
      });
      for (const o of page.Contents ?? []) if (o.Key && isDatedReportKey(o.Key)) keys.push(o.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  async read(key: string, options: { retention: boolean }): Promise<EvidenceItem> {
    try {
      const response = await withRetry(
        `read s3://${this.bucket}/${key}`,
        async () => {
          const r = await this.client.send(
            new GetObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }),
          );
          return { r, bytes: (await r.Body?.transformToByteArray()) ?? new Uint8Array() };
        },
        this.retry,
      );
      const composite = response.r.ChecksumType === 'COMPOSITE' || response.r.ChecksumSHA256?.includes('-');
      const item: EvidenceItem = {
        key,
        bytes: response.bytes,
        storedChecksum: composite ? undefined : response.r.ChecksumSHA256,
        recordedSha256: response.r.Metadata?.['report-sha256'],
      };
      if (options.retention) {
        try {
          item.retainUntil = await this.retainUntil(key);
        } catch (error) {
          item.retentionError = describeError(error);
        }
      }
      return item;
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return { key, bytes: null, missing: true };
      return { key, bytes: null, readError: `Could not read s3://${this.bucket}/${key}: ${describeError(error)}` };
    }
  }

  async readSignature(key: string): Promise<string | null> {
    const sigKey = signatureKey(key);
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: sigKey }));
      return (await r.Body?.transformToString('utf8')) ?? '';
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return null;
      throw new Error(`Could not read s3://${this.bucket}/${sigKey}: ${describeError(error)}`);
    }
  }

  async pointer(environment: string): Promise<PointerRead> {
    const key = this.prefix + latestKey(environment);
    const location = `s3://${this.bucket}/${key}`;
    let bytes: Uint8Array;
    let metadata: Record<string, string>;
    try {
      const r = await withRetry(
        `read ${location}`,
        () => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })),
        this.retry,
      );
      bytes = (await r.Body?.transformToByteArray()) ?? new Uint8Array();
      metadata = r.Metadata ?? {};
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return null;
      throw new Error(`Could not read ${location}: ${describeError(error)}`);
    }
    // A report copy written before pointers names its dated key in the object's metadata, as the store wrote it.
    const parsed = await parsePointer(
      bytes,
      location,
      `${this.prefix}${environment}/`,
      () => metadata[REPORT_KEY_METADATA],
    );
    return 'problem' in parsed ? parsed : { key: parsed.link.key, sha256: parsed.link.sha256 };
  }

  async versions(environment: string): Promise<VersionHistory | null> {
    const where = `s3://${this.bucket}`;
    const status = await withRetry(
      `read the versioning of ${where}`,
      () => this.client.send(new GetBucketVersioningCommand({ Bucket: this.bucket })),
      this.retry,
    ).catch((error: unknown) => {
      // Not allowed to ask (no s3:GetBucketVersioning): the witness is unavailable and the pack says unanchored.
      if ((error as { name?: string }).name === 'AccessDenied') return null;
      throw new Error(`Could not read the versioning of ${where}: ${describeError(error)}`);
    });
    if (status === null) return null;
    if (status.Status !== 'Enabled' && status.Status !== 'Suspended') return null;
    const prefix = this.chainPrefix(environment);
    const history: VersionHistory = new Map();
    const entry = (key: string) => {
      const found = history.get(key) ?? { versions: 0, deleteMarkers: 0 };
      history.set(key, found);
      return found;
    };
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const page = await withRetry(
        `list the versions of ${where}/${prefix}`,
        () =>
          this.client.send(
            new ListObjectVersionsCommand({
              Bucket: this.bucket,
              Prefix: prefix,
              KeyMarker: keyMarker,
              VersionIdMarker: versionMarker,
            }),
          ),
        this.retry,
      ).catch((error: unknown) => {
        throw new Error(`Could not list the versions of ${where}/${prefix}: ${describeError(error)}`);
      });
      for (const v of page.Versions ?? []) if (v.Key && isDatedReportKey(v.Key)) entry(v.Key).versions++;
      for (const d of page.DeleteMarkers ?? []) if (d.Key && isDatedReportKey(d.Key)) entry(d.Key).deleteMarkers++;
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker || versionMarker);
    return history;
  }

  private async retainUntil(key: string): Promise<Date | null> {
    try {
      const r = await this.client.send(new GetObjectRetentionCommand({ Bucket: this.bucket, Key: key }));
      return r.Retention?.RetainUntilDate ?? null;
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      // No lock configuration, or no retention on this object: it is not retained.
      if (/NoSuchObjectLockConfiguration|ObjectLockConfigurationNotFound|InvalidRequest/.test(name)) return null;
      throw error;
    }
  }
}
