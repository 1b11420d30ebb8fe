// SqlExecutor through the existing rds-sql-api Lambda (the only way into the production VPC).
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsClientConfig } from '../aws/credentials.js';
import { describeError, quoteRemote } from '../aws/errors.js';
import { isThrottleOrServerError, type RetryOptions, withRetry } from '../aws/retry.js';
import type { SqlExecutor } from './executor.js';
import { inlineParams } from './inline-params.js';
import { decodeLambdaAnswer, LambdaResponseError } from './lambda-response.js';

/** Lambda's limit for a synchronous request or response payload. */
export const lambdaPayloadLimitBytes = 6 * 1024 * 1024;

export const defaultPayloadTemplate = '{"sql": "{{sql}}", "params": "{{params}}"}';

export interface LambdaExecutorOptions {
  /** Name, ARN or alias ARN (input lambda-function). */
  functionName: string;
  qualifier?: string;
  /** JSON (input lambda-payload-template); string values "{{sql}}" and "{{params}}" are replaced. */
  payloadTemplate?: string;
  /** Dotted path to the rows in the answer (input lambda-rows-path). */
  rowsPath?: string;
  client: LambdaClient;
  retry?: RetryOptions;
  maxResponseBytes?: number;
}

/** A LambdaClient for the executor: our retry policy only (SDK retries off) and a bounded wait per call. */
export function createLambdaClient(
  config: AwsClientConfig,
  options: { timeoutMs?: number; connectionTimeoutMs?: number } = {},
): LambdaClient {
  // No endpoint here: AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_LAMBDA must keep working (LocalStack, tests).
  return new LambdaClient({
    region: config.region,
    credentials: config.credentials,
    maxAttempts: 1,
    // Without throwOnRequestTimeout the handler only logs a warning and keeps waiting.
    requestHandler: {
      requestTimeout: options.timeoutMs ?? 60_000,
      throwOnRequestTimeout: true,
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    },
  });
}

/** Runs each query as one synchronous Invoke of the rds-sql-api function. */
export function createLambdaExecutor(options: LambdaExecutorOptions): SqlExecutor {
  const functionName = options.functionName.trim();
  if (!functionName || /\s/.test(functionName)) {
    throw new Error(`Invalid input lambda-function: "${options.functionName}" is not a function name or ARN`);
  }
  const qualifier = options.qualifier?.trim() || undefined;
  if (qualifier !== undefined && !/^[\w$-]{1,128}$/.test(qualifier)) {
    throw new Error(`Invalid input lambda-qualifier: "${qualifier}" is not a version or alias name`);
  }
  const template = parsePayloadTemplate(options.payloadTemplate);
  const maxResponseBytes = options.maxResponseBytes ?? lambdaPayloadLimitBytes;
  const rowsPath = options.rowsPath?.trim() || undefined;
  const fail = (detail: string) => new Error(`Could not invoke rds-sql-api "${functionName}": ${detail}`);

  return {
    async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      let text = sql;
      let bound = params;
      if (params.length > 0 && !template.hasParams) {
        // A Lambda that takes only SQL: our parameters go into the text as quoted literals.
        try {
          text = inlineParams(sql, params);
        } catch (error) {
          throw fail(`could not write the parameters into the SQL: ${(error as Error).message}`);
        }
        bound = [];
      }
      const payload = Buffer.from(renderPayload(template.value, text, bound), 'utf8');
      if (payload.byteLength >= lambdaPayloadLimitBytes) {
        throw fail(`the request payload is ${payload.byteLength} bytes, over Lambda's 6 MB limit`);
      }
      let attempts = 0;
      try {
        return await withRetry(
          `invoke rds-sql-api "${functionName}"`,
          async (attempt) => {
            attempts = attempt;
            const answer = await options.client.send(
              new InvokeCommand({
                FunctionName: functionName,
                Qualifier: qualifier,
                InvocationType: 'RequestResponse',
                Payload: payload,
              }),
            );
            const size = answer.Payload?.byteLength ?? 0;
            if (size > maxResponseBytes) {
              throw new LambdaResponseError(
                `the response payload is ${size} bytes, over the ${maxResponseBytes}-byte limit; ` +
                  'the query returned more than the Lambda can carry',
              );
            }
            return decodeLambdaAnswer({
              payload: answer.Payload,
              functionError: answer.FunctionError,
              rowsPath,
            }) as Row[];
          },
          {
            ...options.retry,
            isRetryable:
              options.retry?.isRetryable ??
              ((error) => isThrottleOrServerError(error) || (error instanceof LambdaResponseError && error.retryable)),
          },
        );
      } catch (error) {
        const detail = error instanceof LambdaResponseError ? error.message : explainSdkError(error);
        throw fail(attempts > 1 ? `${detail} (gave up after ${attempts} attempts)` : detail);
      }
    },
    describe: () => `lambda:${functionName}${qualifier ? `:${qualifier}` : ''}`,
    async close() {
      // The client belongs to the caller, who may share it.
    },
  };
}

function explainSdkError(error: unknown): string {
  const text = describeError(error);
  const name = (error as { name?: unknown })?.name;
  if (name === 'RequestTooLargeException') return `${text} (the request is over Lambda's 6 MB limit)`;
  if (name === 'TimeoutError') return `${text} (no answer in time; the function may still be running)`;
  return text;
}

interface PayloadTemplate {
  value: unknown;
  hasParams: boolean;
}

/** Parses and checks lambda-payload-template: valid JSON with a string value that is exactly "{{sql}}". */
export function parsePayloadTemplate(text: string | undefined): PayloadTemplate {
  const source = text?.trim() ? text : defaultPayloadTemplate;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    // The template may carry an API key, so its text is not echoed.
    throw new Error(
      `Invalid input lambda-payload-template: not valid JSON (${quoteRemote((error as Error).message, 120)})`,
    );
  }
  const found = { sql: false, params: false };
  visitStrings(value, (s) => {
    if (s === '{{sql}}') found.sql = true;
    if (s === '{{params}}') found.params = true;
  });
  if (!found.sql) {
    throw new Error('Invalid input lambda-payload-template: it has no string value that is exactly "{{sql}}"');
  }
  return { value, hasParams: found.params };
}

/** The request JSON: every string value "{{sql}}" becomes the SQL and every "{{params}}" the parameter array. */
export function renderPayload(template: unknown, sql: string, params: readonly unknown[]): string {
  const jsonParams = params.map((p) => (typeof p === 'bigint' ? p.toString() : p === undefined ? null : p));
  const fill = (node: unknown): unknown => {
    if (node === '{{sql}}') return sql;
    if (node === '{{params}}') return jsonParams;
    if (Array.isArray(node)) return node.map(fill);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  return JSON.stringify(fill(template));
}

function visitStrings(node: unknown, visit: (s: string) => void): void {
  if (typeof node === 'string') visit(node);
  else if (Array.isArray(node)) for (const item of node) visitStrings(item, visit);
  else if (typeof node === 'object' && node !== null) for (const v of Object.values(node)) visitStrings(v, visit);
}
