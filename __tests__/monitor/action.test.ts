// The monitor mode with its world faked: fail-on, the one fail() that sets status, and the time budget (with
// fake timers, so a hang costs no real time).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type RawInputs } from '../../src/config/config.js';
import type { SqlExecutor } from '../../src/database/executor.js';
import { type MonitorModeDeps, runMonitorMode } from '../../src/monitor/action.js';
import type { CheckDeps, CheckOutcome } from '../../src/monitor/check.js';
import type { Notifier } from '../../src/publish/deliver.js';
import type { ChainHead, PreviousReport, ReportStore, StoredReport } from '../../src/publish/report-store.js';
import type { ActionCore } from '../../src/pull-request/action.js';
import type { Report } from '../../src/report/model.js';
import { reportFor, run } from '../report/fixtures.js';

const never = <T>() => new Promise<T>(() => {});

interface Recorded {
  core: ActionCore;
  outputs: Record<string, string>;
  failed: string[];
  summaries: string[];
  errors: string[];
}

function recorder(): Recorded {
  const r: Recorded = {
    outputs: {},
    failed: [],
    summaries: [],
    errors: [],
    core: {
      info: () => {},
      notice: () => {},
      warning: () => {},
      error: (message) => {
        r.errors.push(message);
      },
      setFailed: (message) => {
        r.failed.push(message);
      },
      setOutput: (name, value) => {
        r.outputs[name] = value;
      },
      setSecret: () => {},
      writeSummary: async (markdown) => {
        r.summaries.push(markdown);
      },
    },
  };
  return r;
}

class MemoryStore implements ReportStore {
  saved: Report[] = [];
  calls = 0;
  constructor(private readonly hang = false) {}
  async latest(): Promise<PreviousReport | null> {
    this.calls++;
    return this.hang ? never() : null;
  }
  async head(): Promise<ChainHead> {
    this.calls++;
    return this.hang ? never() : { previous: null, link: null, pointer: { state: 'absent' }, broken: [] };
  }
  async save(report: Report): Promise<StoredReport> {
    this.calls++;
    if (this.hang) return never();
    this.saved.push(report);
    return { key: `k${this.saved.length}`, location: `/work/reports/k${this.saved.length}.json`, sha256: 'x' };
  }
  async storeEvidence(): Promise<string> {
    return 'unused';
  }
  async baseline() {
    return null;
  }
  describe() {
    return this.hang ? 's3://stalled/' : 'local directory /work/reports';
  }
}

class MemoryNotifier implements Notifier {
  sent: { subject: string; report: Report }[] = [];
  async publish(message: { subject: string; body: string; report: Report }) {
    this.sent.push(message);
    return { messageId: 'm1' };
  }
  describe() {
    return 'SNS topic test';
  }
}

interface World {
  rec: Recorded;
  deps: MonitorModeDeps;
  remote: MemoryStore;
  local: MemoryStore;
  notifier: MemoryNotifier;
  exit: ReturnType<typeof vi.fn>;
  checkCalls: CheckDeps[];
}

function world(
  inputs: RawInputs,
  check: (deps: CheckDeps) => Promise<CheckOutcome>,
  options: { remoteHangs?: boolean; configError?: string; summaryHangs?: boolean } = {},
): World {
  const rec = recorder();
  const remote = new MemoryStore(options.remoteHangs);
  const local = new MemoryStore();
  const notifier = new MemoryNotifier();
  const exit = vi.fn();
  const checkCalls: CheckDeps[] = [];
  if (options.summaryHangs) rec.core.writeSummary = () => never();
  const deps: MonitorModeDeps = {
    root: '/work',
    config: parseConfig({
      'database-url': 'postgres://app:secret@db.internal/app',
      'timeout-seconds': '10',
      'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:alerts',
      ...inputs,
    }),
    configError: options.configError,
    run,
    core: rec.core,
    now: () => new Date(),
    clock: () => Date.now(),
    awsIdentity: async () => ({ region: 'us-east-1' }),
    planDelivery: async () => ({ remote, local, notifier, setupErrors: [] }),
    openExecutor: async () => ({}) as SqlExecutor,
    describeTarget: () => 'postgres://app:***@db.internal/app',
    readAddedTimes: async () => ({ times: new Map(), commits: new Map(), unavailable: null }),
    structureDeps: () => ({
      openReference: never,
      describeReference: (u) => u,
      runSetupCommand: never,
      loadBaseline: never,
    }),
    runCheck: (d) => {
      checkCalls.push(d);
      return check(d);
    },
    exit,
  };
  return { rec, deps, remote, local, notifier, exit, checkCalls };
}

const outcomeOf = (report: Report): Promise<CheckOutcome> => Promise.resolve({ report, graph: null, snapshot: null });

/** Runs the mode, letting fake time pass until it settles. */
async function runToEnd(w: World) {
  const done = runMonitorMode(w.deps);
  let settled = false;
  void done.finally(() => {
    settled = true;
  });
  for (let i = 0; i < 200 && !settled; i++) await vi.advanceTimersByTimeAsync(100);
  return done;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runMonitorMode: fail-on', () => {
  it('passes a synced run: outputs and summary written, report stored, nothing failed', async () => {
    const w = world({}, () => outcomeOf(reportFor('synced')));
    const outcome = await runToEnd(w);
    expect(w.rec.failed).toEqual([]);
    expect(w.rec.outputs).toMatchObject({ status: 'synced', 'drift-detected': 'false' });
    expect(w.rec.summaries).toHaveLength(1);
    expect(w.remote.saved).toHaveLength(1);
    expect(w.local.saved).toHaveLength(1);
    expect(outcome.failures).toEqual([]);
  });

  it('fails a drifted run with fail-on drift, status drift, and alerts', async () => {
    const w = world({}, () => outcomeOf(reportFor('behind')));
    await runToEnd(w);
    expect(w.rec.outputs.status).toBe('drift');
    expect(w.rec.failed).toHaveLength(1);
    expect(w.rec.failed[0]).toMatch(/^Schema drift in production: /);
    expect(w.notifier.sent).toHaveLength(1);
  });

  it('passes a drifted run with fail-on error, still alerting', async () => {
    const w = world({ 'fail-on': 'error' }, () => outcomeOf(reportFor('behind')));
    await runToEnd(w);
    expect(w.rec.failed).toEqual([]);
    expect(w.rec.outputs.status).toBe('drift');
    expect(w.notifier.sent).toHaveLength(1);
  });

  it('passes an error with fail-on never but still annotates it', async () => {
    const report = reportFor('error', { error: { stage: 'database', message: 'refused' } });
    const w = world({ 'fail-on': 'never' }, () => outcomeOf(report));
    await runToEnd(w);
    expect(w.rec.failed).toEqual([]);
    expect(w.rec.outputs.status).toBe('error');
    expect(w.rec.errors).toContain('database: refused');
  });
});

describe('runMonitorMode: errors end as reports, never as exceptions', () => {
  it('files a config error as an error report (stage config), stored and alerted, without checking', async () => {
    const w = world({}, () => outcomeOf(reportFor('synced')), {
      configError: 'Invalid input "notify-on": "sometimes" — "sometimes" is not one of drift, error, always, change',
    });
    await runToEnd(w);
    expect(w.checkCalls).toHaveLength(0);
    expect(w.rec.outputs.status).toBe('error');
    expect(w.remote.saved[0]?.error).toEqual({ stage: 'config', message: expect.stringContaining('"notify-on"') });
    expect(w.notifier.sent).toHaveLength(1);
    expect(w.rec.failed[0]).toContain('Invalid input "notify-on"');
  });

  it('turns a check that throws into an error report naming the stage, with no stack trace', async () => {
    const w = world({}, async () => {
      throw new TypeError("Cannot read properties of null (reading 'startsWith')");
    });
    await runToEnd(w);
    expect(w.rec.outputs.status).toBe('error');
    expect(w.remote.saved[0]?.error?.stage).toBe('migrations');
    expect(w.rec.failed.join('\n')).toContain("Cannot read properties of null (reading 'startsWith')");
    expect(w.rec.failed.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('ends a check whose database never answers as error (stage database) within the check share', async () => {
    const w = world({}, async (d) => {
      try {
        await d.openExecutor({ kind: 'postgres', url: 'postgres://x' });
      } catch (error) {
        return {
          report: reportFor('error', { error: { stage: 'database', message: String(error) } }),
          graph: null,
          snapshot: null,
        };
      }
      return { report: reportFor('synced'), graph: null, snapshot: null };
    });
    w.deps.openExecutor = () => never();
    const started = Date.now();
    await runToEnd(w);
    expect(w.remote.saved[0]?.error).toEqual({
      stage: 'database',
      message: expect.stringMatching(/postgres:\/\/app:\*\*\*@db\.internal\/app gave no answer within 6 s/),
    });
    expect(w.notifier.sent).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('backstops a check that never returns with an error report naming the stage it was in', async () => {
    const w = world({}, async (d) => {
      await d.openExecutor({ kind: 'postgres', url: 'postgres://x' }).catch(() => {});
      return never();
    });
    w.deps.openExecutor = () => never();
    await runToEnd(w);
    expect(w.remote.saved[0]?.error).toEqual({
      stage: 'database',
      message: expect.stringMatching(/^the check did not finish within 6.5 s \(timeout-seconds 10\)$/),
    });
    expect(w.rec.outputs.status).toBe('error');
  });

  it('gives up a store that never answers and still stores locally and alerts', async () => {
    const w = world({}, () => outcomeOf(reportFor('behind')), { remoteHangs: true });
    await runToEnd(w);
    expect(w.local.saved).toHaveLength(1);
    expect(w.notifier.sent).toHaveLength(1);
    // latest() timed out; save() was skipped at once instead of waiting again.
    expect(w.remote.calls).toBe(1);
    expect(w.rec.failed[0]).toMatch(/s3:\/\/stalled\/ gave no answer within 2 s/);
    expect(w.rec.failed[0]).toMatch(/skipped, it gave no answer earlier in this run/);
    expect(w.rec.outputs['report-path']).not.toBe('');
  });

  it('fails the step through the watchdog when the run outlives timeout-seconds', async () => {
    const w = world({}, () => outcomeOf(reportFor('synced')), { summaryHangs: true });
    void runMonitorMode(w.deps);
    await vi.advanceTimersByTimeAsync(10_001);
    expect(w.exit).toHaveBeenCalledWith(1);
    expect(w.rec.outputs.status).toBe('synced');
    expect(w.rec.failed).toEqual(['schema-drift stopped: timeout-seconds (10) ran out before the run finished']);
  });
});

describe('runMonitorMode: a summary that cannot be written', () => {
  it('still fails with the verdict first, then the summary failure', async () => {
    const w = world({}, () => outcomeOf(reportFor('behind')));
    w.rec.core.writeSummary = async () => {
      throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    };
    await runToEnd(w);
    expect(w.rec.outputs.status).toBe('drift');
    expect(w.rec.failed[0]?.split('\n')).toEqual([
      expect.stringMatching(/^Schema drift in production: /),
      'Could not write the job summary: Unable to find environment variable for $GITHUB_STEP_SUMMARY',
    ]);
  });
});
