// An SNS Publish endpoint for tests, on loopback, speaking the Query protocol (form-encoded POST, XML answers) the
// SDK v3 SNS client uses. It enforces the limits real SNS enforces (signed request, known topic, subject < 100
// characters without control characters, message + attributes ≤ 256 KB), records what was published, and can answer
// chosen requests with an SNS error instead.
import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';

export interface PublishedMessage {
  topicArn: string;
  subject: string | undefined;
  message: string;
  /** Attribute name → string value (every attribute we send is DataType String). */
  attributes: Record<string, string>;
  attributeTypes: Record<string, string>;
  messageGroupId: string | undefined;
  messageDeduplicationId: string | undefined;
  messageId: string;
  headers: IncomingHttpHeaders;
}

export interface SnsFault {
  /** SNS error code: AuthorizationError, Throttled, InternalError, ... */
  code: string;
  status: number;
  message?: string;
  /** How many Publish requests fail; default 1. */
  times?: number;
}

export interface LocalSns {
  /** http://127.0.0.1:PORT — give it to the SDK as endpoint or AWS_ENDPOINT_URL_SNS. */
  endpoint: string;
  /** Messages accepted, in order. */
  messages: PublishedMessage[];
  /** Every Publish request received, including failed ones. */
  attempts: number;
  inject(fault: SnsFault): void;
  /** Accepts the next `times` Publish requests (default every one until clearFaults) and never answers them. */
  injectHang(times?: number): void;
  clearFaults(): void;
  /** An SDK client for this server; SDK retries off unless the config says otherwise. */
  client(config?: SNSClientConfig): SNSClient;
  close(): Promise<void>;
}

export const snsMessageLimitBytes = 262_144;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function errorXml(type: 'Sender' | 'Receiver', code: string, message: string): string {
  return [
    '<?xml version="1.0"?>',
    '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">',
    `<Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>`,
    `<RequestId>${randomUUID()}</RequestId>`,
    '</ErrorResponse>',
  ].join('');
}

function publishXml(messageId: string): string {
  return [
    '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">',
    `<PublishResult><MessageId>${messageId}</MessageId></PublishResult>`,
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>`,
    '</PublishResponse>',
  ].join('');
}

class SnsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parsePublish(params: URLSearchParams, topics: Set<string>): Omit<PublishedMessage, 'messageId' | 'headers'> {
  const topicArn = params.get('TopicArn') ?? '';
  if (!topics.has(topicArn)) throw new SnsError(404, 'NotFound', 'Topic does not exist');
  const message = params.get('Message');
  if (message === null || message === '')
    throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Empty message');
  const subject = params.get('Subject') ?? undefined;
  if (subject !== undefined && (subject.length >= 100 || /[\p{Cc}\u2028\u2029]/u.test(subject) || subject === '')) {
    throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Subject');
  }
  const attributes: Record<string, string> = {};
  const attributeTypes: Record<string, string> = {};
  let size = Buffer.byteLength(message, 'utf8');
  for (let n = 1; params.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const name = params.get(`MessageAttributes.entry.${n}.Name`) ?? '';
    const type = params.get(`MessageAttributes.entry.${n}.Value.DataType`) ?? '';
    const value = params.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? '';
    if (type !== 'String' || value === '') {
      throw new SnsError(400, 'InvalidParameterValue', `The message attribute '${name}' must contain non-empty value`);
    }
    attributes[name] = value;
    attributeTypes[name] = type;
    size += Buffer.byteLength(name) + Buffer.byteLength(type) + Buffer.byteLength(value);
  }
  if (size > snsMessageLimitBytes) {
    throw new SnsError(400, 'InvalidParameter', 'Invalid parameter: Message too long');
  }
  const messageGroupId = params.get('MessageGroupId') ?? undefined;
  if (topicArn.endsWith('.fifo') && !messageGroupId) {
    throw new SnsError(
      400,
      'InvalidParameter',
      'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
    );
  }
  return {
    topicArn,
    subject,
    message,
    attributes,
    attributeTypes,
    messageGroupId,
    messageDeduplicationId: params.get('MessageDeduplicationId') ?? undefined,
  };
}

/** Starts the SNS server knowing the given topics. */
export async function startSnsServer(options: { topics: string[] }): Promise<LocalSns> {
  const topics = new Set(options.topics);
  const messages: PublishedMessage[] = [];
  let faults: Array<SnsFault & { remaining: number }> = [];
  const state = { attempts: 0, hangs: 0 };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body: string) => {
        response.writeHead(status, { 'content-type': 'text/xml' });
        response.end(body);
      };
      try {
        if (request.method !== 'POST') throw new SnsError(405, 'InvalidAction', `Method ${request.method} not allowed`);
        if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=')) {
          throw new SnsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
        }
        const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        if (params.get('Action') !== 'Publish') {
          throw new SnsError(400, 'InvalidAction', `Action ${params.get('Action')} is not supported here`);
        }
        state.attempts += 1;
        if (state.hangs > 0) {
          state.hangs -= 1;
          return;
        }
        const fault = faults.find((candidate) => candidate.remaining > 0);
        if (fault) {
          fault.remaining -= 1;
          throw new SnsError(fault.status, fault.code, fault.message ?? fault.code);
        }
        const parsed = parsePublish(params, topics);
        const messageId = randomUUID();
        messages.push({ ...parsed, messageId, headers: request.headers });
        send(200, publishXml(messageId));
      } catch (error) {
        if (error instanceof SnsError) {
          send(error.status, errorXml(error.status >= 500 ? 'Receiver' : 'Sender', error.code, error.message));
        } else {
          send(500, errorXml('Receiver', 'InternalError', (error as Error).message));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    endpoint,
    messages,
    get attempts() {
      return state.attempts;
    },
    inject(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    injectHang(times = Number.POSITIVE_INFINITY) {
      state.hangs = times;
    },
    clearFaults() {
      faults = [];
      state.hangs = 0;
    },
    client(config = {}) {
      return new SNSClient({
        region: 'us-east-1',
        endpoint,
        maxAttempts: 1,
        credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' },
        ...config,
      });
    },
    async close() {
      faults = [];
      state.hangs = 0;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
