// The time budget of one monitor run (input timeout-seconds). The check gets the first 60%, so that whatever hangs
// there, the `error` report is still stored (remote stores until 80%, the local copy until 90%) and the alert sent
// (until 97%); at 100% a watchdog fails the step whatever is still running.
import { type AwsTimeouts, awsTimeouts } from '../aws/timeouts.js';

export type Phase = 'check' | 'remote-store' | 'local-store' | 'alert';

const phaseEnds: Record<Phase, number> = { check: 0.6, 'remote-store': 0.8, 'local-store': 0.9, alert: 0.97 };

export interface RunBudget {
  totalMs: number;
  /** Limits for each network call (AWS clients, PostgreSQL connection). */
  timeouts: AwsTimeouts;
  /** Milliseconds left until the phase ends (0 when it has). */
  remainingMs(phase: Phase): number;
  /** The longest one delivery call (a read or a write of one store, one alert) may take. */
  deliveryCallMs(phase: Exclude<Phase, 'check'>): number;
  /** Milliseconds left until the whole run must have ended. */
  totalRemainingMs(): number;
}

/** The budget of a run of `totalSeconds` that started at `startedAt` (ms, on `now`'s clock). */
export function runBudget(totalSeconds: number, startedAt: number, now: () => number = Date.now): RunBudget {
  const totalMs = totalSeconds * 1000;
  const remainingMs = (phase: Phase) => Math.max(0, startedAt + phaseEnds[phase] * totalMs - now());
  return {
    totalMs,
    timeouts: awsTimeouts(totalMs),
    remainingMs,
    // A fifth of the run: room for the SDK's own retries of one call, but one store cannot eat the others' time.
    deliveryCallMs: (phase) => Math.min(totalMs / 5, remainingMs(phase)),
    totalRemainingMs: () => Math.max(0, startedAt + totalMs - now()),
  };
}
