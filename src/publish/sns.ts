// Sends the alert to an SNS topic (email subscribers read the plain-text body). The caller decides whether to send
// and renders subject and body; this adapter enforces SNS's limits and wraps every failure with the topic.
import { createHash } from 'node:crypto';
import { type MessageAttributeValue, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { describeError, quoteRemote } from '../aws/errors.js';
import { type RetryOptions, withRetry } from '../aws/retry.js';
import type { AlertMessage } from './deliver.js';
import { sanitizeSubjectText } from './notify-policy.js';

export interface SnsNotifierOptions {
  client: SNSClient;
  topicArn: string;
  /** Backoff for throttling and 5xx; tests inject a sleep. */
  retry?: RetryOptions;
}

/** SNS's limit for message plus attributes, in bytes. */
export const snsPublishLimitBytes = 256 * 1024;
// Room for the request's other parts, so a body cut "to the limit" is never rejected for a few bytes.
const safetyMarginBytes = 1024;
const truncationNote = '\n\n[Message truncated to fit the SNS 256 KB limit. The stored report has everything.]\n';
const topicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** The longest prefix of text whose UTF-8 encoding fits in maxBytes, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  // Step back over continuation bytes (10xxxxxx) to the first byte of the character the cut would split.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

function attributeText(value: string | null | undefined): string {
  const clean = (value ?? '').replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').trim();
  return clean === '' ? 'unknown' : clean.slice(0, 256);
}

function awsErrorText(error: unknown): string {
  // The query protocol's wire code (AuthorizationError) is what AWS documents and users search for.
  const code = (error as { Code?: unknown } | null)?.Code;
  if (typeof code === 'string' && error instanceof Error) return `${code}: ${quoteRemote(error.message || code)}`;
  return describeError(error);
}

export class SnsNotifier {
  private readonly client: SNSClient;
  private readonly topicArn: string;
  private readonly retry: RetryOptions;

  constructor(options: SnsNotifierOptions) {
    if (!topicArnPattern.test(options.topicArn)) {
      throw new Error(
        `Invalid sns-topic-arn: "${options.topicArn}" is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)`,
      );
    }
    this.client = options.client;
    this.topicArn = options.topicArn;
    this.retry = options.retry ?? {};
  }

  /** Publishes; body cut safely (UTF-8 boundary) below 256 KB; MessageAttributes status, state, environment. */
  async publish(message: AlertMessage): Promise<{ messageId: string }> {
    const facts = alertFacts(message);
    const attributes: Record<string, MessageAttributeValue> = {
      status: { DataType: 'String', StringValue: attributeText(facts.status) },
      state: { DataType: 'String', StringValue: attributeText(facts.state) },
      environment: { DataType: 'String', StringValue: attributeText(facts.environment) },
    };
    const attributeBytes = Object.entries(attributes).reduce(
      (sum, [name, value]) =>
        sum +
        Buffer.byteLength(name) +
        Buffer.byteLength(value.DataType ?? '') +
        Buffer.byteLength(value.StringValue ?? ''),
      0,
    );
    const budget = snsPublishLimitBytes - safetyMarginBytes - attributeBytes;
    const body =
      Buffer.byteLength(message.body, 'utf8') <= budget
        ? message.body
        : truncateUtf8(message.body, budget - Buffer.byteLength(truncationNote)) + truncationNote;
    // The subject comes from notificationSubject already; this guards against any other caller.
    const subject = sanitizeSubjectText(message.subject).slice(0, 99) || 'schema-drift';
    const fifo = this.topicArn.endsWith('.fifo')
      ? {
          MessageGroupId: 'schema-drift',
          MessageDeduplicationId: createHash('sha256').update(facts.deduplication).digest('hex'),
        }
      : {};

    try {
      const output = await withRetry(
        `publish to SNS topic ${this.topicArn}`,
        () =>
          this.client.send(
            new PublishCommand({
              TopicArn: this.topicArn,
              Subject: subject,
              Message: body === '' ? '(empty)' : body,
              MessageAttributes: attributes,
              ...fifo,
            }),
          ),
        this.retry,
      );
      return { messageId: output.MessageId ?? '' };
    } catch (error) {
      throw new Error(`Could not publish to SNS topic ${this.topicArn}: ${awsErrorText(error)}`, { cause: error });
    }
  }

  describe(): string {
    return `SNS topic ${this.topicArn}`;
  }
}

function alertFacts(message: AlertMessage): {
  status: string;
  state: string;
  environment: string;
  deduplication: string;
} {
  if (message.report === null) return message.facts;
  const { report } = message;
  return {
    status: report.status,
    state: report.version?.state ?? report.status,
    environment: report.environment,
    deduplication: `${report.environment}\n${report.run.run_id}\n${report.timestamp}`,
  };
}
