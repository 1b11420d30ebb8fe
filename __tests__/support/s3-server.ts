// A real S3 protocol server for tests: s3rver on loopback, behind a small proxy that records every request
// (s3rver does not keep SSE, checksum or Object Lock headers, so the proxy is where tests see what the SDK sent)
// and can answer chosen requests with an S3 error instead of forwarding them.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;
// s3rver ships no type declarations; this is the part of its API we use.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export interface RecordedS3Request {
  method: string;
  /** Path without the query, e.g. /bucket/key (path style). */
  path: string;
  /** The object key decoded from a path-style URL, or '' for bucket-level requests. */
  key: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The status the client received. */
  status: number;
  /** The injected fault's code, when this request was answered by one. */
  fault: string | null;
}

/** Requests that are accepted and never answered (a stalled endpoint), matched like S3Fault. */
export interface S3Hang {
  method?: string;
  key?: string | RegExp;
  /** How many matching requests hang; default every one until clearFaults. */
  times?: number;
}

export interface S3Fault {
  /** HTTP method to match (PUT, GET, ...); any when omitted. */
  method?: string;
  /** Matches the decoded object key; any key when omitted. */
  key?: string | RegExp;
  status: number;
  /** S3 error code, e.g. AccessDenied, InternalError, SlowDown. */
  code: string;
  message?: string;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface LocalS3 {
  /** http://127.0.0.1:PORT — give it to the SDK as endpoint or AWS_ENDPOINT_URL_S3. */
  endpoint: string;
  requests: RecordedS3Request[];
  /** Fails the next matching request(s) with an S3 error response. */
  inject(fault: S3Fault): void;
  /** Accepts matching requests and never answers them (the connection stays open until the client gives up). */
  injectHang(hang?: S3Hang): void;
  clearFaults(): void;
  /** Makes GETs of this key answer with a different stored checksum, as if the object changed after its upload. */
  tamperChecksum(key: string, checksum: string): void;
  /**
   * Keeps object versions for this bucket from now on, as S3 versioning does (s3rver has none): every PUT adds a
   * version, every DELETE a delete marker, answered by GetBucketVersioning and ListObjectVersions.
   */
  enableVersioning(bucket: string): void;
  /** An SDK client for this server: path style, s3rver's static credentials, SDK retries off unless overridden. */
  client(config?: S3ClientConfig): S3Client;
  createBucket(name: string): Promise<void>;
  close(): Promise<void>;
}

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function keyFromPath(path: string): string {
  const slash = path.indexOf('/', 1);
  if (slash < 0) return '';
  return decodeURIComponent(path.slice(slash + 1));
}

function errorXml(code: string, message: string, key: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Error><Code>${code}</Code><Message>${message}</Message><Key>${key.replace(/[<>&]/g, '')}</Key>`,
    `<RequestId>${randomUUID()}</RequestId><HostId>local</HostId></Error>`,
  ].join('');
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Starts s3rver in a temporary directory and the recording, fault-injecting proxy in front of it. */
export async function startS3Server(options: { buckets?: string[] } = {}): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'schema-drift-s3rver-'));
  const backend = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    allowMismatchedSignatures: true,
    vhostBuckets: false,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [] })),
  });
  const backendAddress = await backend.run();
  const requests: RecordedS3Request[] = [];
  let faults: Array<S3Fault & { remaining: number }> = [];
  let hangs: Array<S3Hang & { remaining: number }> = [];
  // Real S3 keeps an upload's full-object checksum and returns it when asked (x-amz-checksum-mode: ENABLED);
  // s3rver does not, so the proxy does.
  const checksums = new Map<string, string>();

  // Versioning, emulated: bucket → key → versions, oldest first.
  const versioned = new Map<string, Map<string, { id: string; marker: boolean; at: string }[]>>();
  const bucketOf = (path: string) => decodeURIComponent(path.split('/')[1] ?? '');
  const addVersion = (bucket: string, key: string, marker: boolean) => {
    const keys = versioned.get(bucket);
    if (!keys) return;
    keys.set(key, [...(keys.get(key) ?? []), { id: randomUUID(), marker, at: new Date().toISOString() }]);
  };
  const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  const keyLocks = new Map<string, Promise<void>>();
  const locks = new Map<string, { mode: string; until: string }>();
  // The ETag s3rver holds for an object now, or null when there is none.
  const backendEtag = (url: string) =>
    new Promise<string | null>((resolve, reject) => {
      const path = new URL(url, 'http://127.0.0.1').pathname;
      const head = http.request({ host: '127.0.0.1', port: backendAddress.port, method: 'HEAD', path }, (answer) => {
        answer.resume();
        const etag = answer.headers.etag;
        resolve(answer.statusCode === 200 && typeof etag === 'string' ? etag : null);
      });
      head.on('error', reject);
      head.end();
    });

  const proxy = http.createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const key = keyFromPath(url.pathname);
      const method = request.method ?? 'GET';
      const record: RecordedS3Request = {
        method,
        path: url.pathname,
        key,
        query: url.searchParams,
        headers: request.headers,
        body,
        status: 0,
        fault: null,
      };
      requests.push(record);

      const matches = (candidate: { method?: string; key?: string | RegExp }) =>
        (candidate.method === undefined || candidate.method.toUpperCase() === method) &&
        (candidate.key === undefined ||
          (typeof candidate.key === 'string' ? candidate.key === key : candidate.key.test(key)));
      const hang = hangs.find((candidate) => candidate.remaining > 0 && matches(candidate));
      if (hang) {
        hang.remaining -= 1;
        record.fault = 'hang';
        return;
      }
      const fault = faults.find(
        (candidate) =>
          candidate.remaining > 0 &&
          (candidate.method === undefined || candidate.method.toUpperCase() === method) &&
          (candidate.key === undefined ||
            (typeof candidate.key === 'string' ? candidate.key === key : candidate.key.test(key))),
      );
      if (fault) {
        fault.remaining -= 1;
        record.status = fault.status;
        record.fault = fault.code;
        response.writeHead(fault.status, { 'content-type': 'application/xml' });
        response.end(method === 'HEAD' ? undefined : errorXml(fault.code, fault.message ?? fault.code, key));
        return;
      }

      if (method === 'GET' && key === '' && url.searchParams.has('versioning')) {
        record.status = 200;
        response.writeHead(200, { 'content-type': 'application/xml' });
        const on = versioned.has(bucketOf(url.pathname));
        response.end(
          `<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration>${on ? '<Status>Enabled</Status>' : ''}</VersioningConfiguration>`,
        );
        return;
      }
      if (method === 'GET' && key === '' && url.searchParams.has('versions')) {
        const bucket = bucketOf(url.pathname);
        const prefix = url.searchParams.get('prefix') ?? '';
        const entries = [...(versioned.get(bucket) ?? new Map()).entries()]
          .filter(([k]) => k.startsWith(prefix))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .flatMap(([k, versions]) =>
            [...versions].reverse().map((v, i) => {
              const common = `<Key>${xmlText(k)}</Key><VersionId>${v.id}</VersionId><IsLatest>${i === 0}</IsLatest><LastModified>${v.at}</LastModified>`;
              return v.marker
                ? `<DeleteMarker>${common}</DeleteMarker>`
                : `<Version>${common}<ETag>"0"</ETag><Size>0</Size><StorageClass>STANDARD</StorageClass></Version>`;
            }),
          );
        record.status = 200;
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.end(
          `<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult><Name>${xmlText(bucket)}</Name><Prefix>${xmlText(prefix)}</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${entries.join('')}</ListVersionsResult>`,
        );
        return;
      }

      // GetObjectRetention from the Object Lock headers the object was written with (s3rver keeps none).
      if (method === 'GET' && url.searchParams.has('retention')) {
        const lock = locks.get(key);
        record.status = lock ? 200 : 404;
        response.writeHead(record.status, { 'content-type': 'application/xml' });
        response.end(
          lock
            ? `<?xml version="1.0" encoding="UTF-8"?><Retention><Mode>${lock.mode}</Mode><RetainUntilDate>${lock.until}</RetainUntilDate></Retention>`
            : errorXml(
                'NoSuchObjectLockConfiguration',
                'The specified object does not have a ObjectLock configuration',
                key,
              ),
        );
        return;
      }
      if (method === 'PUT' && key !== '' && typeof request.headers['x-amz-object-lock-mode'] === 'string') {
        locks.set(key, {
          mode: request.headers['x-amz-object-lock-mode'],
          until: String(request.headers['x-amz-object-lock-retain-until-date'] ?? ''),
        });
      }

      // Conditional writes (If-None-Match: *, If-Match: etag) as S3 does them since 2024; s3rver ignores them, so the
      // proxy decides, one write per key at a time so that two racing runs see one winner.
      const ifNoneMatch = request.headers['if-none-match'];
      const ifMatch = request.headers['if-match'];
      let release: (() => void) | null = null;
      if (method === 'PUT' && key !== '' && (ifNoneMatch !== undefined || ifMatch !== undefined)) {
        const previous = keyLocks.get(key) ?? Promise.resolve();
        let done!: () => void;
        const mine = new Promise<void>((resolve) => {
          done = resolve;
        });
        keyLocks.set(
          key,
          previous.then(() => mine),
        );
        await previous;
        release = done;
        const current = await backendEtag(request.url ?? '/');
        const failed =
          (ifNoneMatch === '*' && current !== null) ||
          (ifMatch !== undefined && (current === null || current !== ifMatch));
        if (failed) {
          release();
          record.status = 412;
          record.fault = 'PreconditionFailed';
          response.writeHead(412, { 'content-type': 'application/xml' });
          response.end(
            errorXml('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', key),
          );
          return;
        }
      }
      // s3rver would ignore the conditions; strip them from what it sees, not from what was recorded.
      const forwarded = { ...request.headers };
      delete forwarded['if-none-match'];
      delete forwarded['if-match'];

      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: backendAddress.port,
          method,
          path: request.url,
          headers: forwarded,
        },
        (upstreamResponse) => {
          const status = upstreamResponse.statusCode ?? 502;
          record.status = status;
          const headers = { ...upstreamResponse.headers };
          const sent = request.headers['x-amz-checksum-sha256'];
          if (method === 'PUT' && status === 200 && key !== '') {
            if (typeof sent === 'string') checksums.set(key, sent);
            else checksums.delete(key);
            addVersion(bucketOf(url.pathname), key, false);
          }
          if (method === 'DELETE' && status < 300 && key !== '') addVersion(bucketOf(url.pathname), key, true);
          const stored = checksums.get(key);
          if (method === 'GET' && status === 200 && request.headers['x-amz-checksum-mode'] === 'ENABLED' && stored) {
            headers['x-amz-checksum-sha256'] = stored;
            headers['x-amz-checksum-type'] = 'FULL_OBJECT';
          }
          response.writeHead(status, headers);
          upstreamResponse.pipe(response);
          upstreamResponse.on('end', () => release?.());
        },
      );
      upstream.on('error', (error) => {
        release?.();
        record.status = 502;
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`proxy: ${error.message}`);
      });
      upstream.end(body);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`proxy: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const local: LocalS3 = {
    endpoint,
    requests,
    inject(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    injectHang(hang = {}) {
      hangs.push({ ...hang, remaining: hang.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults = [];
      hangs = [];
    },
    tamperChecksum(key, checksum) {
      checksums.set(key, checksum);
    },
    enableVersioning(bucket) {
      if (!versioned.has(bucket)) versioned.set(bucket, new Map());
    },
    client(config = {}) {
      return new S3Client({
        region: 'us-east-1',
        endpoint,
        forcePathStyle: true,
        maxAttempts: 1,
        credentials,
        ...config,
      });
    },
    async createBucket(name) {
      const client = local.client();
      try {
        await client.send(new CreateBucketCommand({ Bucket: name }));
      } finally {
        client.destroy();
      }
    },
    async close() {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
      await backend.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
  return local;
}
