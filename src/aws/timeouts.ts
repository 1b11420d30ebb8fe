// Time limits for every AWS call, derived from the run's budget (input timeout-seconds), so an endpoint that
// accepts the connection and never answers costs a bounded, known share of the run.

export interface AwsTimeouts {
  /** Waiting for the TCP (and TLS) connection. */
  connectionMs: number;
  /** One request, from sending to the whole answer. */
  requestMs: number;
  /** All attempts of one call together, backoff included (no retry starts past it). */
  retryTotalMs: number;
}

/**
 * Limits for a run of `totalMs`: at the default 300 s, 10 s to connect, 15 s per request, 37.5 s per call with
 * its retries — so one call, its last attempt included, ends within a fifth of the run.
 */
export function awsTimeouts(totalMs: number): AwsTimeouts {
  return {
    connectionMs: Math.max(1_000, Math.min(10_000, Math.floor(totalMs / 20))),
    requestMs: Math.max(1_000, Math.min(30_000, Math.floor(totalMs / 20))),
    retryTotalMs: Math.max(1_000, Math.min(45_000, Math.floor(totalMs / 8))),
  };
}

/** The SDK clients' requestHandler options: without throwOnRequestTimeout the handler only warns and keeps waiting. */
export function requestHandlerOptions(timeouts: AwsTimeouts) {
  return {
    connectionTimeout: timeouts.connectionMs,
    requestTimeout: timeouts.requestMs,
    // Idle socket (a body that stops arriving after the headers): the request timer ends at the headers.
    socketTimeout: timeouts.requestMs,
    throwOnRequestTimeout: true,
  };
}
