import { describe, expect, it } from 'vitest';
import { isThrottleOrServerError, withRetry } from '../../src/aws/retry.js';

function throttle(): Error {
  return Object.assign(new Error('Rate exceeded'), {
    name: 'TooManyRequestsException',
    $metadata: { httpStatusCode: 429 },
  });
}

describe('withRetry', () => {
  it('retries a throttled call and returns the first success, sleeping between attempts', async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await withRetry(
      'test call',
      async (attempt) => {
        calls++;
        if (attempt < 3) throw throttle();
        return `ok on ${attempt}`;
      },
      { sleep: async (ms) => void slept.push(ms), random: () => 0.5, baseDelayMs: 100 },
    );
    expect(result).toBe('ok on 3');
    expect(calls).toBe(3);
    // full jitter: random × min(max, base × 2^(n-1))
    expect(slept).toEqual([50, 100]);
  });

  it('caps each backoff at maxDelayMs', async () => {
    const slept: number[] = [];
    await expect(
      withRetry(
        'test call',
        async () => {
          throw throttle();
        },
        {
          attempts: 6,
          sleep: async (ms) => void slept.push(ms),
          random: () => 0.999,
          baseDelayMs: 1000,
          maxDelayMs: 3000,
        },
      ),
    ).rejects.toThrow('Rate exceeded');
    expect(slept).toEqual([999, 1998, 2997, 2997, 2997]);
  });

  it('gives up with the last error after the configured attempts', async () => {
    let calls = 0;
    const error = await withRetry(
      'test call',
      async () => {
        calls++;
        throw throttle();
      },
      { attempts: 4, sleep: async () => {} },
    ).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect((error as Error).name).toBe('TooManyRequestsException');
  });

  it('does not retry errors that are not retryable', async () => {
    let calls = 0;
    await expect(
      withRetry(
        'test call',
        async () => {
          calls++;
          throw Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
        },
        { sleep: async () => {} },
      ),
    ).rejects.toThrow('denied');
    expect(calls).toBe(1);
  });

  it('stops before a backoff that would end past the total time budget', async () => {
    const slept: number[] = [];
    let calls = 0;
    await expect(
      withRetry(
        'test call',
        async () => {
          calls++;
          throw throttle();
        },
        {
          attempts: 100,
          baseDelayMs: 1000,
          maxDelayMs: 1000,
          totalTimeMs: 3500,
          random: () => 0.99999,
          sleep: async (ms) => void slept.push(ms),
        },
      ),
    ).rejects.toThrow('Rate exceeded');
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3500);
    expect(calls).toBe(4);
  });

  it('reports each retry to onRetry with what was being done', async () => {
    const events: string[] = [];
    await withRetry(
      'invoke thing',
      async (attempt) => {
        if (attempt === 1) throw throttle();
        return 1;
      },
      { sleep: async () => {}, random: () => 0, onRetry: (e) => events.push(`${e.what}#${e.attempt}:${e.delayMs}`) },
    );
    expect(events).toEqual(['invoke thing#1:0']);
  });

  it('rejects a non-positive attempt count naming the call', async () => {
    await expect(withRetry('invoke thing', async () => 1, { attempts: 0 })).rejects.toThrow(
      'Could not invoke thing: retry attempts must be a whole number of at least 1, got 0',
    );
  });
});

describe('isThrottleOrServerError', () => {
  it.each([
    ['TooManyRequestsException', { name: 'TooManyRequestsException' }],
    ['Throttling (STS)', { name: 'Throttling', $metadata: { httpStatusCode: 400 } }],
    ['HTTP 429', { name: 'Whatever', $metadata: { httpStatusCode: 429 } }],
    ['HTTP 500', { name: 'ServiceException', $metadata: { httpStatusCode: 500 } }],
    ['HTTP 503', { name: 'X', $metadata: { httpStatusCode: 503 } }],
    ['a connection reset', { name: 'Error', code: 'ECONNRESET' }],
    ['a timeout', { name: 'TimeoutError' }],
    ['SDK throttling marker', { name: 'X', $retryable: { throttling: true } }],
  ])('is true for %s', (_label, error) => {
    expect(isThrottleOrServerError(Object.assign(new Error('x'), error))).toBe(true);
  });

  it.each([
    ['AccessDenied 403', { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }],
    ['RequestTooLargeException 413', { name: 'RequestTooLargeException', $metadata: { httpStatusCode: 413 } }],
    ['a plain error', {}],
  ])('is false for %s', (_label, error) => {
    expect(isThrottleOrServerError(Object.assign(new Error('x'), error))).toBe(false);
  });

  it('is false for non-objects', () => {
    expect(isThrottleOrServerError('TooManyRequestsException')).toBe(false);
    expect(isThrottleOrServerError(undefined)).toBe(false);
  });
});
