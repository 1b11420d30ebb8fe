// Jittered exponential backoff shared by every AWS call we make. The SDK's own retries are switched off on our
// clients (maxAttempts: 1) so that one policy, with one time budget, decides.

export interface RetryEvent {
  what: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface RetryOptions {
  /** Most attempts in all, including the first (default 5). */
  attempts?: number;
  /** Cap of the first backoff; doubles per attempt (default 200 ms). */
  baseDelayMs?: number;
  /** Largest single backoff (default 5 s). */
  maxDelayMs?: number;
  /** No retry starts whose backoff would end after this much time since the first attempt (default 30 s). */
  totalTimeMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  isRetryable?: (error: unknown) => boolean;
  /** Called before each backoff, e.g. to log at debug level. */
  onRetry?: (event: RetryEvent) => void;
  now?: () => number;
}

const defaults = { attempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, totalTimeMs: 30_000 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff within a bounded total time; the sleep is injectable so tests do not wait. */
export async function withRetry<T>(
  what: string,
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? defaults.attempts;
  const baseDelayMs = options.baseDelayMs ?? defaults.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? defaults.maxDelayMs;
  const totalTimeMs = options.totalTimeMs ?? defaults.totalTimeMs;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new Error(`Could not ${what}: retry attempts must be a whole number of at least 1, got ${attempts}`);
  }
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const isRetryable = options.isRetryable ?? isThrottleOrServerError;
  const now = options.now ?? Date.now;

  const started = now();
  let slept = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.floor(random() * cap);
      // An injected sleep does not pass real time, so count what we slept as well as the clock.
      const elapsed = Math.max(now() - started, slept);
      if (elapsed + delayMs > totalTimeMs) throw error;
      options.onRetry?.({ what, attempt, delayMs, error });
      await sleep(delayMs);
      slept += delayMs;
    }
  }
}

const throttleNames = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

// Connection-level failures where the request may never have reached the service.
const transientNames = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const transientCodes = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);

/** True for throttling, HTTP 429 and 5xx answers, and transient connection failures (reset, timeout). */
export function isThrottleOrServerError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    $retryable?: { throttling?: boolean };
    $metadata?: { httpStatusCode?: number };
  };
  if (typeof e.name === 'string' && (throttleNames.has(e.name) || transientNames.has(e.name))) return true;
  if (typeof e.code === 'string' && (throttleNames.has(e.code) || transientCodes.has(e.code))) return true;
  if (e.$retryable?.throttling) return true;
  const status = e.$metadata?.httpStatusCode;
  return typeof status === 'number' && (status === 429 || status >= 500);
}
