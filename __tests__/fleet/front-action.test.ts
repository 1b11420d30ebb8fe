// The fleet modes with the engine faked and real local stores: each target's report in its own chain under
// {environment}/{target}/, the fleet report and its pointer under {environment}/fleet/, ONE alert per run with the
// notify-on policy on the fleet fingerprint, the outputs, the summary table, shard slices and their merge.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type RawInputs } from '../../src/config/config.js';
import { consoleUrl, type FleetModeDeps, type FleetWorld, runFleetMode } from '../../src/fleet/action.js';
import { buildFleetReport, summarizeTarget } from '../../src/fleet/fleet-report.js';
import type { FleetRun, FleetTarget } from '../../src/fleet/model.js';
import { mergeFleetReports, shardOf } from '../../src/fleet/shard.js';
import { readSliceFiles } from '../../src/fleet/slice-files.js';
import type { AlertMessage, Notifier } from '../../src/publish/deliver.js';
import { LocalReportStore } from '../../src/publish/local.js';
import { Redactor } from '../../src/publish/redactor.js';
import type { ActionCore } from '../../src/pull-request/action.js';
import type { Report } from '../../src/report/model.js';
import { reportFor, run } from '../report/fixtures.js';
import { assertValidFleetReport } from '../support/report-schema.js';

interface Recorded {
  core: ActionCore;
  outputs: Record<string, string>;
  failed: string[];
  summaries: string[];
}

function recorder(): Recorded {
  const r: Recorded = {
    outputs: {},
    failed: [],
    summaries: [],
    core: {
      info: () => {},
      notice: () => {},
      warning: () => {},
      error: () => {},
      setFailed: (message) => r.failed.push(message),
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

class Alerts implements Notifier {
  sent: AlertMessage[] = [];
  async publish(message: AlertMessage) {
    this.sent.push(message);
    return { messageId: `m${this.sent.length}` };
  }
  describe() {
    return 'SNS topic test';
  }
}

/** The outcome each target has, by name. */
type Outcomes = Record<string, 'synced' | 'behind' | 'error'>;

function fakeFleet(outcomes: Outcomes, now: Date): (world: FleetWorld) => Promise<FleetRun> {
  return async (world) => {
    const names = Object.keys(outcomes).sort();
    const mine = world.shard ? names.filter((n) => shardOf(n, world.shard!.count) === world.shard!.index) : names;
    const reports = mine.map((name) => {
      const target: FleetTarget = { name, environment: 'production', entry: 'tenants', schema: name };
      const state = outcomes[name]!;
      const report: Report =
        state === 'error'
          ? reportFor('error', { now, error: { stage: 'database', message: `connect to ${name} refused` } })
          : reportFor(state, { now });
      return { target, report };
    });
    const fleet = buildFleetReport({
      now,
      run,
      config: '.schema-drift.yml',
      targets: reports.map(({ target, report }) => summarizeTarget(target, report)),
      discovered: names,
      errors: [],
      shards: world.shard ? { ...world.shard, merged: [] } : null,
    });
    return { fleet, reports };
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleet-front-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function world(inputs: RawInputs, outcomes: Outcomes, options: { now?: Date; runId?: string } = {}) {
  const rec = recorder();
  const alerts = new Alerts();
  const now = options.now ?? new Date('2026-03-01T03:00:00Z');
  const runInfo = { ...run, run_id: options.runId ?? '7001' };
  const deps: FleetModeDeps = {
    root: dir,
    config: parseConfig({
      'timeout-seconds': '30',
      'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:alerts',
      ...inputs,
    }),
    run: runInfo,
    core: rec.core,
    now: () => now,
    clock: Date.now,
    awsIdentity: async () => ({ region: 'us-east-1' }),
    planDelivery: async () => ({
      local: new LocalReportStore(join(dir, 'reports')),
      notifier: alerts,
      setupErrors: [],
    }),
    runFleet: async (w) => {
      const made = await fakeFleet(outcomes, now)(w);
      return { ...made, fleet: { ...made.fleet, run: runInfo } };
    },
    mergeSlices: (slices) => mergeFleetReports(slices, { now, run: runInfo }),
    readSliceFiles,
    exit: vi.fn(),
  };
  return { rec, alerts, deps };
}

const three: Outcomes = { 'tenants.acme': 'synced', 'tenants.globex': 'behind', 'tenants.initech': 'error' };

describe('mode: fleet', () => {
  it('stores each target in its own chain, the fleet report beside them, and sends one alert', async () => {
    const { rec, alerts, deps } = world({}, three);
    const outcome = await runFleetMode(deps, 'fleet');

    for (const name of Object.keys(three)) {
      const pointer = JSON.parse(await readFile(join(dir, 'reports', 'production', name, 'latest.json'), 'utf8'));
      expect(pointer.key).toMatch(new RegExp(`^production/${name.replace('.', '\\.')}/2026/03/01/`));
    }
    expect(alerts.sent).toHaveLength(1);
    const alert = alerts.sent[0]!;
    expect(alert.subject).toBe(
      '[schema-drift] production fleet: 1 of 3 targets drifted, 1 target error: tenants.initech +1',
    );
    expect(alert.subject.length).toBeLessThanOrEqual(99);
    expect(alert.body).toContain('tenants.initech');
    expect(rec.outputs).toMatchObject({
      status: 'error',
      'drift-detected': 'true',
      'targets-total': '3',
      'targets-drifted': '1',
      'targets-error': '1',
    });
    expect(rec.outputs['report-path']).toMatch(
      /^reports\/production\/fleet\/2026\/03\/01\/2026-03-01T03-00-00Z-7001\.json$/,
    );
    const stored = JSON.parse(await readFile(join(dir, rec.outputs['report-path']!), 'utf8'));
    expect(stored.targets.map((t: { report_location: string }) => t.report_location)).toEqual(
      outcome.fleet!.targets.map((t) => expect.stringContaining(`/production/${t.name}/`)),
    );
    // One table, worst first.
    const summary = rec.summaries.join('');
    expect(summary.indexOf('tenants.initech')).toBeLessThan(summary.indexOf('tenants.globex'));
    expect(summary.indexOf('tenants.globex')).toBeLessThan(summary.indexOf('tenants.acme'));
    expect(rec.failed.join('\n')).toContain('Could not determine the schema state of the production fleet');
  });

  it('chains each target to its previous report, and with notify-on change alerts only when the fleet changed', async () => {
    const first = world({ 'notify-on': 'change' }, three);
    await runFleetMode(first.deps, 'fleet');
    expect(first.alerts.sent).toHaveLength(1);

    const second = world({ 'notify-on': 'change' }, three, { now: new Date('2026-03-02T03:00:00Z'), runId: '7002' });
    await runFleetMode(second.deps, 'fleet');
    expect(second.alerts.sent).toHaveLength(0);
    const latest = JSON.parse(await readFile(join(dir, 'reports/production/tenants.acme/latest.json'), 'utf8'));
    const report = JSON.parse(await readFile(join(dir, 'reports', latest.key), 'utf8'));
    expect(report.previous_report.key).toMatch(/^production\/tenants\.acme\/2026\/03\/01\//);

    const third = world({ 'notify-on': 'change' }, { ...three, 'tenants.globex': 'synced' }, { runId: '7003' });
    await runFleetMode(third.deps, 'fleet');
    expect(third.alerts.sent).toHaveLength(1);
  });

  it('alerts and fails when the previous fleet report was modified after it was stored', async () => {
    const first = world({ 'notify-on': 'change', 'fail-on': 'never' }, { a: 'synced' });
    await runFleetMode(first.deps, 'fleet');
    const pointer = JSON.parse(await readFile(join(dir, 'reports/production/fleet/latest.json'), 'utf8'));
    await writeFile(join(dir, 'reports/production', pointer.name), '{"schema_drift_fleet":1,"status":"drift"}\n');

    const second = world({ 'notify-on': 'change', 'fail-on': 'never' }, { a: 'synced' }, { runId: '7002' });
    await runFleetMode(second.deps, 'fleet');
    expect(second.rec.failed.join('\n')).toMatch(/previous fleet report .* was modified/);
  });

  it("makes a target's tampered chain a fleet error and alerts whatever notify-on says", async () => {
    const first = world({ 'notify-on': 'drift' }, { a: 'synced', b: 'synced' });
    await runFleetMode(first.deps, 'fleet');
    expect(first.alerts.sent).toHaveLength(0);
    const pointer = JSON.parse(await readFile(join(dir, 'reports/production/b/latest.json'), 'utf8'));
    const path = join(dir, 'reports', pointer.key);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"synced"', '"drift"'));

    const second = world({ 'notify-on': 'drift' }, { a: 'synced', b: 'synced' }, { runId: '7002' });
    const outcome = await runFleetMode(second.deps, 'fleet');
    expect(outcome.fleet?.status).toBe('error');
    expect(outcome.fleet?.errors).toEqual([
      { stage: 'evidence', message: expect.stringMatching(/^target b: Evidence chain broken .* was modified/) },
    ]);
    expect(second.alerts.sent).toHaveLength(1);
    expect(second.rec.failed.join('\n')).toContain('Evidence chain broken');
    assertValidFleetReport(outcome.fleet);
  });

  it('passes with fail-on never and an all-synced fleet sends nothing under drift,error', async () => {
    const { rec, alerts, deps } = world({}, { a: 'synced', b: 'synced' });
    await runFleetMode(deps, 'fleet');
    expect(rec.failed).toEqual([]);
    expect(alerts.sent).toHaveLength(0);
    expect(rec.outputs.status).toBe('synced');
  });
});

describe('timeout-seconds', () => {
  it('ends a fleet that never finishes as error within the run, still storing the fleet report and alerting', async () => {
    const { rec, alerts, deps } = world({ 'timeout-seconds': '5' }, {});
    deps.runFleet = () => new Promise(() => {});
    const outcome = await runFleetMode(deps, 'fleet');
    expect(outcome.fleet?.status).toBe('error');
    expect(outcome.fleet?.errors[0]?.message).toMatch(/the fleet did not finish .*timeout-seconds 5/);
    assertValidFleetReport(JSON.parse(await readFile(join(dir, rec.outputs['report-path']!), 'utf8')));
    expect(rec.outputs.status).toBe('error');
    expect(rec.outputs['report-path']).toMatch(/^reports\/production\/fleet\//);
    expect(alerts.sent).toHaveLength(1);
    expect(deps.exit).not.toHaveBeenCalled();
  }, 20_000);
});

describe('secrets', () => {
  it("removes a target's URL password from its report, the fleet report, the summary and the alert", async () => {
    const { rec, alerts, deps } = world({}, {});
    const redactor = new Redactor();
    const url = 'postgres://app:s3cr3t-pa55word@db.internal/tenants';
    for (const secret of redactor.secretsOfInput('database-url', url)) redactor.add(secret);
    deps.redact = { report: (r) => redactor.report(r), fleet: (f) => redactor.fleet(f) };
    const now = new Date('2026-03-01T03:00:00Z');
    deps.runFleet = async () => {
      const target: FleetTarget = { name: 'leaky', environment: 'production', entry: 'leaky' };
      const report = reportFor('error', { now, error: { stage: 'database', message: `could not connect to ${url}` } });
      const fleet = buildFleetReport({
        now,
        run,
        config: '.schema-drift.yml',
        targets: [summarizeTarget(target, report)],
        discovered: ['leaky'],
        errors: [{ stage: 'discovery', message: `listing schemas on ${url} failed` }],
        shards: null,
      });
      return { fleet, reports: [{ target, report }] };
    };
    await runFleetMode(deps, 'fleet');
    const stored = await readFile(join(dir, rec.outputs['report-path']!), 'utf8');
    const pointer = JSON.parse(await readFile(join(dir, 'reports/production/leaky/latest.json'), 'utf8'));
    const targetReport = await readFile(join(dir, 'reports', pointer.key), 'utf8');
    for (const text of [stored, targetReport, rec.summaries.join(''), alerts.sent[0]?.body ?? '']) {
      expect(text).not.toContain('s3cr3t-pa55word');
      expect(text).toContain('could not connect');
    }
  });
});

describe('consoleUrl', () => {
  it('links an s3:// report to its S3 console page, and nothing else', () => {
    expect(consoleUrl('s3://evidence/schema-drift/production/t.a/2026/03/01/x.json', 'eu-west-1')).toBe(
      'https://eu-west-1.console.aws.amazon.com/s3/object/evidence?region=eu-west-1&prefix=schema-drift%2Fproduction%2Ft.a%2F2026%2F03%2F01%2Fx.json',
    );
    expect(consoleUrl('/work/reports/production/t.a/x.json', 'eu-west-1')).toBeUndefined();
    expect(consoleUrl('s3://evidence/k.json', undefined)).toBeUndefined();
    expect(consoleUrl('s3://evidence/k.json', 'evil.example/#')).toBeUndefined();
  });
});

describe('identities', () => {
  it("assumes a target's own role or region once per distinct identity, the step's for the rest", async () => {
    const { deps } = world({ 'role-to-assume': 'arn:aws:iam::111111111111:role/step', 'aws-region': 'us-east-1' }, {});
    const asked: (string | undefined)[] = [];
    deps.awsIdentity = async (_timeouts, identity) => {
      asked.push(identity?.aws.roleToAssume);
      return { region: identity?.aws.region ?? deps.config.aws.region ?? '' };
    };
    const eu = parseConfig({ 'role-to-assume': 'arn:aws:iam::222222222222:role/eu', 'aws-region': 'eu-west-1' });
    const regions: string[] = [];
    deps.runFleet = async (w) => {
      for (const c of [eu, deps.config, eu, deps.config]) regions.push(String((await w.awsFor(c)()).region));
      return fakeFleet({ a: 'synced' }, new Date('2026-03-01T03:00:00Z'))(w);
    };
    await runFleetMode(deps, 'fleet');
    expect(regions).toEqual(['eu-west-1', 'us-east-1', 'eu-west-1', 'us-east-1']);
    // Once for the eu role, once for the step's own identity (asked without a target config).
    expect(asked).toHaveLength(2);
    expect(asked).toContain('arn:aws:iam::222222222222:role/eu');
    expect(asked).toContain(undefined);
  });
});

describe('shards and merge', () => {
  it('stores slices without alerting, and a merge of the downloaded slices equals the single run', async () => {
    const many: Outcomes = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`tenants.t${i}`, i % 5 === 0 ? 'behind' : i === 7 ? 'error' : 'synced']),
    );
    const single = world({ 'report-dir': 'single' }, many);
    single.deps.planDelivery = async () => ({
      local: new LocalReportStore(join(dir, 'single')),
      notifier: single.alerts,
      setupErrors: [],
    });
    const whole = await runFleetMode(single.deps, 'fleet');

    let shardAlerts = 0;
    for (let i = 1; i <= 4; i++) {
      const job = world({ shard: `${i}/4` }, many);
      job.deps.planDelivery = async () => ({
        local: new LocalReportStore(join(dir, `artifact-${i}`)),
        notifier: job.alerts,
        setupErrors: [],
      });
      await runFleetMode(job.deps, 'fleet');
      shardAlerts += job.alerts.sent.length;
      expect(job.rec.failed).toEqual([]);
    }
    expect(shardAlerts).toBe(0);

    const merge = world({ 'fleet-slices': dir, shards: '4' }, {});
    const merged = await runFleetMode(merge.deps, 'fleet-merge');
    expect(merge.alerts.sent).toHaveLength(1);
    expect(merged.fleet!.fingerprint).toBe(whole.fleet!.fingerprint);
    expect(merged.fleet!.targets.map((t) => [t.name, t.status])).toEqual(
      whole.fleet!.targets.map((t) => [t.name, t.status]),
    );
    expect(merge.rec.outputs['targets-total']).toBe('12');
  });

  it('a missing slice makes the merge an error that names the shard', async () => {
    const outcomes: Outcomes = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`t${i}`, 'synced']));
    for (const i of [1, 2, 4]) {
      const job = world({ shard: `${i}/4` }, outcomes);
      job.deps.planDelivery = async () => ({ local: new LocalReportStore(join(dir, `a${i}`)), setupErrors: [] });
      await runFleetMode(job.deps, 'fleet');
    }
    const merge = world({ 'fleet-slices': dir, shards: '4' }, {});
    const merged = await runFleetMode(merge.deps, 'fleet-merge');
    expect(merged.fleet!.status).toBe('error');
    assertValidFleetReport(merged.fleet);
    expect(merge.rec.failed.join('\n')).toContain('shard 3/4 is missing');
    expect(merge.alerts.sent).toHaveLength(1);
    expect(merge.rec.outputs.status).toBe('error');
  });

  it('reads the slices of this run from the store when no folder is given', async () => {
    const outcomes: Outcomes = { a: 'synced', b: 'behind', c: 'synced' };
    for (const i of [1, 2]) await runFleetMode(world({ shard: `${i}/2` }, outcomes).deps, 'fleet');
    const files = await readdir(join(dir, 'reports/production/fleet/runs/7001'));
    expect(files.sort()).toEqual(['shard-1-of-2.json', 'shard-2-of-2.json']);
    const merge = world({ shards: '2' }, {});
    const merged = await runFleetMode(merge.deps, 'fleet-merge');
    expect(merged.fleet!.totals).toEqual({ targets: 3, synced: 2, drift: 1, error: 0 });
  });
});
