// Time limits around the adapters the monitor run uses, so a service that accepts the connection and never
// answers costs a known share of the run. The adapters keep their own timeouts; these are the backstop that also
// covers what has none (a response body that stops, a connection close that waits for a dead peer).
import type { DatabaseTarget } from '../config/config.js';
import type { SqlExecutor } from '../database/executor.js';
import type { Notifier } from '../publish/deliver.js';
import type { ReportStore } from '../publish/report-store.js';
import { errorMessage } from '../shared/error-message.js';
import { TimeLimitError, withTimeLimit } from '../shared/time-limit.js';

/** How long the next call may take, asked at each call (the phase of the run decides). */
export type LimitMs = () => number;

/**
 * The store with each call limited; after one call gave no answer the store is given up for the run, so the next
 * calls fail at once instead of each waiting out its own limit.
 */
export function boundedStore(store: ReportStore, limitMs: LimitMs): ReportStore {
  let givenUp: string | null = null;
  const call = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    if (givenUp !== null) throw new Error(`Could not ${what} in ${store.describe()}: skipped, ${givenUp}`);
    try {
      return await withTimeLimit(`${store.describe()} gave no answer`, limitMs(), work());
    } catch (error) {
      if (!gaveNoAnswer(error)) throw error;
      givenUp = 'it gave no answer earlier in this run';
      throw error instanceof TimeLimitError ? new Error(`Could not ${what}: ${errorMessage(error)}`) : error;
    }
  };
  return {
    latest: (environment) => call('read the latest report', () => store.latest(environment)),
    head: (environment) => call('read the evidence chain', () => store.head(environment)),
    save: (report, attachments, head) => call('store the report', () => store.save(report, attachments, head)),
    storeEvidence: (environment, name, body, contentType) =>
      call(`store ${name}`, () => store.storeEvidence(environment, name, body, contentType)),
    baseline: (environment) => call('read the baseline', () => store.baseline(environment)),
    describe: () => store.describe(),
  };
}

/** Our time limit, or the SDK's request timeout, anywhere in the error's cause chain. */
function gaveNoAnswer(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof TimeLimitError || e.name === 'TimeoutError' || (e as { code?: unknown }).code === 'ETIMEDOUT') {
      return true;
    }
  }
  return false;
}

/** The notifier with its publish limited. */
export function boundedNotifier(notifier: Notifier, limitMs: LimitMs): Notifier {
  return {
    publish: async (message) => {
      try {
        return await withTimeLimit(`${notifier.describe()} gave no answer`, limitMs(), notifier.publish(message));
      } catch (error) {
        if (error instanceof TimeLimitError) throw new Error(`Could not send the alert: ${errorMessage(error)}`);
        throw error;
      }
    },
    describe: () => notifier.describe(),
  };
}

/** An executor opener (a DatabaseTarget, or a reference URL) with the opening, every query and the close limited. */
export function boundedOpenExecutor<Target = DatabaseTarget>(
  open: (target: Target) => Promise<SqlExecutor>,
  describeTarget: (target: Target) => string,
  limitMs: LimitMs,
): (target: Target) => Promise<SqlExecutor> {
  return async (target) => {
    const shown = describeTarget(target);
    const executor = await withTimeLimit(`${shown} gave no answer`, limitMs(), open(target));
    return {
      query: <Row>(sql: string, params?: readonly unknown[]) =>
        withTimeLimit(`${executor.describe()} gave no answer`, limitMs(), executor.query<Row>(sql, params)),
      describe: () => executor.describe(),
      // A close that waits for a query still running must not hold the run: what is left ends with the process.
      close: () => withTimeLimit('close', Math.min(2_000, limitMs()), executor.close()).catch(() => {}),
    };
  };
}

/** Any async function with its calls limited. */
export function bounded<A extends unknown[], T>(
  what: string,
  fn: (...args: A) => Promise<T>,
  limitMs: LimitMs,
): (...args: A) => Promise<T> {
  return (...args) => withTimeLimit(`${what} gave no answer`, limitMs(), fn(...args));
}
