// A time limit around work that has none of its own (or whose own may fail): the caller goes on, and reports.

/** Thrown when the limit passes first; `name` matches the SDK's, so retry policies see the same kind of failure. */
export class TimeLimitError extends Error {
  override name = 'TimeoutError';
}

/**
 * Settles like `work`, or rejects after `ms` with a TimeLimitError "<what> within N s" (what: "X gave no answer").
 * The work itself is not stopped (a socket is closed by its own timeout, or by the process exit at the end).
 */
export function withTimeLimit<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitError(`${what} within ${seconds(ms)}`)), Math.max(0, ms));
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s` : `${Math.round(ms / 1000)} s`;
}
