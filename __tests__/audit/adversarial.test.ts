// The audit as an auditor and an attacker try it: each forgery and fault, through the BUILT CLI
// (node dist/cli/index.js) and, where it concerns the action, the BUILT action (mode: audit), with the verdict it
// must give. Healthy chains must never be called tampered; missing or laundered evidence never complete.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../src/audit/period.js';
import { KmsReportSigner } from '../../src/publish/kms-signer.js';
import { LocalReportStore } from '../../src/publish/local.js';
import { S3ReportStore } from '../../src/publish/s3.js';
import { type LocalKms, startKmsServer } from '../support/kms-server.js';
import { assertValidAuditPack } from '../support/report-schema.js';
import { ensureActionBuilt, repoRoot, runAction } from '../support/run-action.js';
import { runProcess } from '../support/run-process.js';
import { type LocalS3, startS3Server } from '../support/s3-server.js';
import { type Night, nightly } from './nightly.js';

const cli = join(repoRoot, 'dist', 'cli', 'index.js');
const DAY = 86_400_000;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** node dist/cli/index.js ARGS in `cwd`, with PATH and HOME only (plus `env`). */
async function runBuilt(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  killAfterMs = 90_000,
): Promise<CliRun> {
  const started = Date.now();
  const run = await runProcess(process.execPath, [cli, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env },
    timeoutMs: killAfterMs,
  });
  return {
    ...run,
    // The AWS SDK's warning about Node 20 is not ours.
    stderr: run.stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?trace-warnings[^\n]*\n?/g, ''),
    ms: Date.now() - started,
  };
}

const now = new Date();
const lastQuarter = resolvePeriod({ period: 'last-quarter' }, now);
const lastMonth = resolvePeriod({ period: 'last-month' }, now);
const day = (d: Date) => d.toISOString().slice(0, 10);
const at = (date: string) => `${date}T03:07:00Z`;

/** Every night from `from` to yesterday, at 03:07 (a few minutes after the 03:00 schedule, as GitHub runs them). */
function nights(from: Date): string[] {
  const dates: string[] = [];
  for (let t = from.getTime(); t < Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()); t += DAY) {
    dates.push(day(new Date(t)));
  }
  return dates;
}

/** Stores one nightly report per date through the local store (the chain as the monitor writes it). */
async function storeNights(
  dir: string,
  dates: readonly string[],
  plan: (date: string) => Night | 'skip' = () => 'synced',
  environment = 'production',
): Promise<Map<string, string>> {
  const store = new LocalReportStore(dir);
  const keys = new Map<string, string>();
  for (const [i, date] of dates.entries()) {
    const night = plan(date);
    if (night === 'skip') continue;
    const stored = await store.save({ ...nightly(at(date), String(5000 + i), night), environment }, { markdown: 'm' });
    keys.set(date, stored.key);
  }
  return keys;
}

let base: string;
let healthy: string;
let healthyKeys: Map<string, string>;
beforeAll(async () => {
  await ensureActionBuilt();
  base = await mkdtemp(join(tmpdir(), 'schema-drift-adversarial-'));
  healthy = join(base, 'healthy');
  healthyKeys = await storeNights(healthy, nights(lastQuarter.from));
}, 300_000);
afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

/** A copy of the healthy store to attack. */
async function copyOfHealthy(name: string): Promise<string> {
  const dir = join(base, name);
  await cp(healthy, dir, { recursive: true });
  return dir;
}

const packOf = (run: CliRun) => {
  const pack = JSON.parse(run.stdout);
  assertValidAuditPack(pack);
  return pack;
};

describe('falsely tampered: a healthy chain audited after its period', () => {
  it('is complete (exit 0) for last month and for last quarter through the built CLI', async () => {
    for (const period of ['last-month', 'last-quarter']) {
      const run = await runBuilt(['audit', '--report-dir', healthy, '--period', period, '--json'], base);
      expect(run.stderr).toBe('');
      const pack = packOf(run);
      expect(pack.issues).toEqual([]);
      expect(pack.result).toBe('complete');
      expect(run.code).toBe(0);
      const expected = period === 'last-month' ? lastMonth : lastQuarter;
      expect(pack.counts.scheduled_runs).toBe((expected.to.getTime() - expected.from.getTime()) / DAY);
      expect(pack.counts.runs_found).toBe(pack.counts.scheduled_runs);
      expect(pack.reports.every((r: { place: string }) => r.place === 'in-chain')).toBe(true);
    }
  }, 60_000);

  it('is complete through mode: audit (built action) for last month', async () => {
    const run = await runAction({
      workspace: base,
      inputs: { mode: 'audit', environment: 'production', 'report-dir': 'healthy', 'audit-period': 'last-month' },
      env: { GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ID: '778' },
    });
    expect(run.outputs['audit-result']).toBe('complete');
    expect(run.code).toBe(0);
  }, 60_000);

  it('a deleted report in the period, that the chain proves existed, is tampering (exit 2), not a gap', async () => {
    const dir = await copyOfHealthy('deleted');
    const date = day(new Date(lastMonth.from.getTime() + 9 * DAY));
    const key = healthyKeys.get(date) as string;
    await unlink(join(dir, ...key.split('/')));
    const run = await runBuilt(['audit', '--report-dir', dir, '--period', 'last-month', '--json'], base);
    const pack = packOf(run);
    expect(pack.result).toBe('tampered');
    expect(run.code).toBe(2);
    expect(pack.issues.filter((i: { kind: string }) => i.kind === 'gap')).toEqual([]);
    expect(pack.issues.find((i: { kind: string }) => i.kind === 'deleted')).toMatchObject({ class: 'tampered', key });
  }, 60_000);
});

describe('a store that cannot be read is error (exit 2 with the cause), never tampered', () => {
  let s3: LocalS3;
  // The bucket has no Object Lock: retention is not what these cases are about.
  const period = () => [
    '--from',
    day(lastMonth.from),
    '--to',
    day(new Date(lastMonth.to.getTime() - DAY)),
    '--retention-years',
    '0',
  ];
  beforeAll(async () => {
    s3 = await startS3Server();
    await s3.createBucket('evidence');
    const dates = nights(lastMonth.from);
    for (const [i, date] of dates.entries()) {
      const store = new S3ReportStore({
        client: s3.client(),
        bucket: 'evidence',
        runId: `s${i}`,
        now: () => new Date(at(date)),
      });
      await store.save(nightly(at(date), `s${i}`, 'synced'), { markdown: 'm' });
    }
  }, 120_000);
  afterAll(async () => {
    await s3?.close();
  });
  const env = () => ({
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
  });

  it('the S3 chain itself is complete', async () => {
    const run = await runBuilt(['audit', '--s3-bucket', 'evidence', ...period(), '--json'], base, env());
    expect(run.stderr).toBe('');
    expect(packOf(run).issues).toEqual([]);
    expect(packOf(run).result).toBe('complete');
    // Without Object Lock (retention not required here) nothing witnesses that no report was deleted.
    expect(packOf(run).anchored).toBe(false);
    expect(packOf(run).witnesses.object_lock).toBe(false);
    expect(run.code).toBe(0);
  }, 60_000);

  it('access denied on one report: result error, exit 2, the cause named', async () => {
    s3.inject({ method: 'GET', key: /\/\d{2}\/10\/[^/]+\.json$/, status: 403, code: 'AccessDenied', times: 5 });
    try {
      const run = await runBuilt(['audit', '--s3-bucket', 'evidence', ...period(), '--json'], base, env());
      const pack = packOf(run);
      expect(pack.result).toBe('error');
      expect(run.code).toBe(2);
      expect(pack.issues.filter((i: { class: string }) => i.class === 'tampered')).toEqual([]);
      expect(JSON.stringify(pack.issues)).toContain('AccessDenied');
    } finally {
      s3.clearFaults();
    }
  }, 60_000);

  it('access denied on the listing: error, exit 2, the cause on stderr, never "tampered"', async () => {
    s3.inject({ method: 'GET', key: '', status: 403, code: 'AccessDenied', times: 50 });
    try {
      const run = await runBuilt(['audit', '--s3-bucket', 'evidence', ...period()], base, env());
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('AccessDenied');
      expect(run.stdout + run.stderr).not.toContain('tampered');
      expect(run.stdout + run.stderr).toMatch(/\berror\b/);
    } finally {
      s3.clearFaults();
    }
  }, 60_000);

  it('a stalled S3 stops the CLI audit at --timeout-seconds: error, exit 2, never a hang', async () => {
    s3.injectHang({ method: 'GET' });
    try {
      const run = await runBuilt(
        ['audit', '--s3-bucket', 'evidence', ...period(), '--timeout-seconds', '4'],
        base,
        env(),
        40_000,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error: the audit did not finish within --timeout-seconds 4');
      expect(run.ms).toBeLessThan(20_000);
    } finally {
      s3.clearFaults();
    }
  }, 60_000);

  it('through mode: audit, a stalled S3 is audit-result error, not tampered', async () => {
    s3.injectHang({ method: 'GET' });
    try {
      const run = await runAction({
        workspace: base,
        timeoutMs: 90_000,
        inputs: {
          mode: 'audit',
          environment: 'production',
          's3-bucket': 'evidence',
          'aws-region': 'us-east-1',
          'audit-period': 'last-month',
          'timeout-seconds': '20',
        },
        env: { ...env(), GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ID: '779' },
      });
      expect(run.outputs['audit-result']).toBe('error');
      expect(run.code).not.toBe(0);
    } finally {
      s3.clearFaults();
    }
  }, 120_000);
});

describe('falsely complete: what the evidence does not prove is never complete', () => {
  const span = (first: number, days: number) => [
    '--from',
    day(new Date(lastMonth.from.getTime() + first * DAY)),
    '--to',
    day(new Date(lastMonth.from.getTime() + (first + days - 1) * DAY)),
  ];

  it('matches reports one-to-one to scheduled runs: one nightly report cannot fill four 6-hourly slots', async () => {
    const run = await runBuilt(
      ['audit', '--report-dir', healthy, ...span(3, 3), '--schedule', '0 */6 * * *', '--tolerance-minutes', '720'],
      base,
    );
    expect(run.code).toBe(1);
    const json = await runBuilt(
      [
        'audit',
        '--report-dir',
        healthy,
        ...span(3, 3),
        '--schedule',
        '0 */6 * * *',
        '--tolerance-minutes',
        '720',
        '--json',
      ],
      base,
    );
    const pack = packOf(json);
    expect(pack.result).toBe('incomplete');
    expect(pack.counts).toMatchObject({ scheduled_runs: 12, runs_found: 3, gaps: 9 });
    // The pack says which report filled which slot; no report fills two.
    const filled = pack.slots.filter((s: { key: string | null }) => s.key !== null);
    expect(filled).toHaveLength(3);
    expect(new Set(filled.map((s: { key: string }) => s.key)).size).toBe(3);
  }, 60_000);

  it('a period not yet started is not-started (exit 1), a period without a scheduled run is empty (exit 1)', async () => {
    const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY);
    const future = await runBuilt(
      ['audit', '--report-dir', healthy, '--from', day(tomorrow), '--to', day(new Date(tomorrow.getTime() + 9 * DAY))],
      base,
    );
    expect(future.code).toBe(1);
    expect(future.stdout).toContain(': not-started');
    const none = await runBuilt(
      ['audit', '--report-dir', healthy, ...span(1, 3), '--schedule', '0 3 1 1 *', '--json'],
      base,
    );
    expect(none.code).toBe(1);
    expect(packOf(none).result).toBe('empty');
  }, 60_000);

  it('a supersedes claim naming itself and the reports of an incident excuses nothing: tampered, the incident kept', async () => {
    const dir = join(base, 'laundered');
    const dates = nights(lastMonth.from).slice(0, 8);
    const drift = new Set(dates.slice(2, 5));
    const store = new LocalReportStore(dir);
    const keys: string[] = [];
    for (const [i, date] of dates.entries()) {
      const report = nightly(at(date), String(7000 + i), drift.has(date) ? 'drift' : 'synced');
      if (i === 5) {
        const self = `production/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8)}/${at(date).replaceAll(':', '-')}-${7000 + i}.json`;
        report.supersedes = [...keys.slice(2, 5), self];
      }
      keys.push((await store.save(report, { markdown: 'm' })).key);
    }
    const run = await runBuilt(
      ['audit', '--report-dir', dir, '--from', dates[0] as string, '--to', dates[7] as string, '--json'],
      base,
    );
    const pack = packOf(run);
    expect(pack.result).toBe('tampered');
    expect(run.code).toBe(2);
    expect(pack.incidents).toHaveLength(1);
    expect(pack.incidents[0]).toMatchObject({ started_at: at(dates[2] as string) });
    expect(pack.issues.filter((i: { kind: string }) => i.kind === 'false-supersedes')).toHaveLength(4);
  }, 60_000);

  it('a real race (a run re-chained after another moved latest.json) stays complete, the attempt superseded', async () => {
    const dir = join(base, 'race');
    const dates = nights(lastMonth.from).slice(0, 4);
    const store = new LocalReportStore(dir);
    for (const [i, date] of dates.entries()) {
      if (i !== 2) {
        await store.save(nightly(at(date), String(8000 + i), 'synced'), { markdown: 'm' });
        continue;
      }
      // A dispatched run read the head, then the nightly moved latest.json first: the dispatch re-chains.
      const stale = await store.head('production');
      await store.save(nightly(at(date), String(8000 + i), 'synced'), { markdown: 'm' });
      const dispatched = nightly(`${date}T03:08:00Z`, 'dispatch', 'synced');
      const final = await store.save(dispatched, { markdown: 'm' }, stale);
      expect(JSON.parse(await readFile(final.location, 'utf8')).supersedes).toHaveLength(1);
    }
    const run = await runBuilt(
      ['audit', '--report-dir', dir, '--from', dates[0] as string, '--to', dates[3] as string, '--json'],
      base,
    );
    const pack = packOf(run);
    expect(pack.issues).toEqual([]);
    expect(pack.result).toBe('complete');
    expect(pack.reports.map((r: { place: string }) => r.place).sort()).toEqual([
      'in-chain',
      'in-chain',
      'in-chain',
      'in-chain',
      'in-chain',
      'superseded',
    ]);
  }, 60_000);

  it('a run without the structure check does not resolve a structural incident; one that checked it does', async () => {
    const dir = join(base, 'structural');
    const dates = nights(lastMonth.from).slice(0, 6);
    const store = new LocalReportStore(dir);
    const structure = (state: 'drifted' | 'clean') => ({
      state,
      expected_source: 'baseline' as const,
      summary: state === 'drifted' ? '1 difference (1 security): GRANT ALL ON patients TO intern' : 'no difference',
      expected_location: null,
      expected_fingerprint: 'a'.repeat(64),
      actual_fingerprint: state === 'drifted' ? 'b'.repeat(64) : 'a'.repeat(64),
      counts: { security: state === 'drifted' ? 1 : 0, breaking: 0, cosmetic: 0 },
      differences: [],
      notices: [],
      ignored: [],
      stats: null,
    });
    for (const [i, date] of dates.entries()) {
      const report = nightly(at(date), String(9000 + i), 'synced');
      if (i === 1) Object.assign(report, { status: 'drift', drift_detected: true, structure: structure('drifted') });
      if (i === 5) report.structure = structure('clean');
      await store.save(report, { markdown: 'm' });
    }
    const audit = async (last: number) =>
      packOf(
        await runBuilt(
          ['audit', '--report-dir', dir, '--from', dates[0] as string, '--to', dates[last] as string, '--json'],
          base,
        ),
      );
    const open = await audit(4);
    expect(open.result).toBe('incomplete');
    expect(open.incidents).toEqual([
      expect.objectContaining({ started_at: at(dates[1] as string), resolved_at: null }),
    ]);
    const resolved = await audit(5);
    expect(resolved.incidents).toEqual([
      expect.objectContaining({ started_at: at(dates[1] as string), resolved_at: at(dates[5] as string) }),
    ]);
    expect(resolved.result).toBe('complete');
  }, 60_000);
});

describe('verify binds identity: a genuine signature proves the report at its own key only', () => {
  let kms: LocalKms;
  let dir: string;
  let keys: Map<string, string>;
  const client = () =>
    new KMSClient({
      region: 'us-east-1',
      endpoint: kms.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 1,
    });
  const path = (key: string) => join(dir, ...key.split('/'));
  const verify = (file: string, ...extra: string[]) =>
    runBuilt(['verify', file, '--public-key', 'key.pem', ...extra], dir, {}, 20_000);
  beforeAll(async () => {
    kms = await startKmsServer();
    dir = join(base, 'signed');
    const store = new LocalReportStore(dir, { signer: new KmsReportSigner(client(), kms.keyId) });
    keys = new Map();
    for (const date of nights(lastMonth.from).slice(0, 3)) {
      keys.set(date, (await store.save(nightly(at(date), date.replaceAll('-', ''), 'synced'), { markdown: 'm' })).key);
    }
    await writeFile(join(dir, 'key.pem'), kms.publicKeyPem);
  });
  afterAll(async () => {
    await kms?.close();
  });

  it('a report at its own key is genuine, "signed by" the key that verified (never the .sig.json key_id)', async () => {
    const [first = ''] = keys.values();
    const sig = join(dir, first.replace(/\.json$/, '.sig.json'));
    await writeFile(
      sig,
      (await readFile(sig, 'utf8')).replace(kms.keyId, 'arn:aws:kms:us-east-1:999:key/not-the-signer'),
    );
    const run = await verify(path(first));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const der = (await import('node:crypto')).createPublicKey(kms.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(run.stdout).toContain(
      `signed by the key with SPKI sha256 ${createHash('sha256').update(der).digest('hex')}`,
    );
    expect(run.stdout).not.toContain('not-the-signer');
  }, 30_000);

  it("a genuine report and signature copied over another report's path are NOT genuine there", async () => {
    const [a = '', b = ''] = keys.values();
    const moved = join(base, 'moved');
    await cp(dir, moved, { recursive: true });
    const at = (key: string) => join(moved, ...key.split('/'));
    await copyFile(at(a), at(b));
    await copyFile(at(a).replace(/\.json$/, '.sig.json'), at(b).replace(/\.json$/, '.sig.json'));
    const run = await runBuilt(['verify', at(b), '--public-key', join(dir, 'key.pem')], moved, {}, 20_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('NOT GENUINE');
    // Rewriting the key the .sig.json names does not help: the signature binds it.
    const sig = at(b).replace(/\.json$/, '.sig.json');
    await writeFile(sig, (await readFile(sig, 'utf8')).replace(a, b));
    const edited = await runBuilt(['verify', at(b), '--public-key', join(dir, 'key.pem')], moved, {}, 20_000);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain('NOT GENUINE');
    // Nor does claiming the other key with --key.
    const claimed = await verify(path(a), '--key', b);
    expect(claimed.code).toBe(2);
  }, 30_000);

  it('refuses a FIFO without blocking', async () => {
    const fifo = join(await mkdtemp(join(base, 'fifo-')), 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const run = await verify(fifo, '--signature', path([...keys.values()][0] ?? '').replace(/\.json$/, '.sig.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a regular file');
    expect(run.ms).toBeLessThan(15_000);
  }, 30_000);

  it('a version-1 signature (bytes only) is not genuine for a path, and audits as unbound (exit 1), not complete', async () => {
    const v1 = join(base, 'v1');
    await cp(dir, v1, { recursive: true });
    for (const key of keys.values()) {
      const bytes = await readFile(join(v1, ...key.split('/')));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const signed = await client().send(
        new SignCommand({
          KeyId: kms.keyId,
          Message: Buffer.from(sha256, 'hex'),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      const sig = {
        schema_drift_signature: 1,
        report_key: key,
        sha256,
        key_id: kms.keyId,
        algorithm: 'ECDSA_SHA_256',
        signature: Buffer.from(signed.Signature ?? new Uint8Array()).toString('base64'),
      };
      await writeFile(join(v1, ...key.replace(/\.json$/, '.sig.json').split('/')), JSON.stringify(sig));
    }
    const [first = ''] = keys.values();
    const run = await runBuilt(['verify', join(v1, ...first.split('/')), '--public-key', join(dir, 'key.pem')], v1);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('version-1');
    const dates = [...keys.keys()];
    const audit = await runBuilt(
      [
        'audit',
        '--report-dir',
        v1,
        '--from',
        dates[0] as string,
        '--to',
        dates[2] as string,
        '--public-key',
        join(dir, 'key.pem'),
        '--json',
      ],
      v1,
    );
    const pack = packOf(audit);
    expect(pack.reports.map((r: { signature: string }) => r.signature)).toEqual(['unbound', 'unbound', 'unbound']);
    expect(pack.result).toBe('incomplete');
    // The same store with its own (bound) signatures audits complete.
    const bound = packOf(
      await runBuilt(
        [
          'audit',
          '--report-dir',
          dir,
          '--from',
          dates[0] as string,
          '--to',
          dates[2] as string,
          '--public-key',
          'key.pem',
          '--json',
        ],
        dir,
      ),
    );
    expect(bound.reports.map((r: { signature: string }) => r.signature)).toEqual(['valid', 'valid', 'valid']);
    expect(bound.result).toBe('complete');
  }, 60_000);
});

describe('a pack that cannot mislead', () => {
  it('a tampered pack: what to do first, the altered report listed and counted nowhere, no controls table', async () => {
    const dir = await copyOfHealthy('pack-tampered');
    const date = day(new Date(lastMonth.from.getTime() + 4 * DAY));
    const key = healthyKeys.get(date) as string;
    const file = join(dir, ...key.split('/'));
    await writeFile(file, (await readFile(file, 'utf8')).replace('"status": "synced"', '"status": "drift"'));
    const out = join(dir, 'pack');
    const run = await runBuilt(['audit', '--report-dir', dir, '--period', 'last-month', '--out', out, '--json'], base);
    const pack = packOf(run);
    expect(pack.result).toBe('tampered');
    expect(pack.counts.drift).toBe(0);
    expect(pack.incidents).toEqual([]);
    expect(pack.tampered_reports).toEqual([expect.objectContaining({ key })]);
    expect(pack.reports.map((r: { key: string }) => r.key)).not.toContain(key);
    expect(pack.actions[0]).toContain(key);
    expect(pack.controls).toEqual([]);
    const html = await readFile(join(out, 'audit.html'), 'utf8');
    expect(html).not.toContain('§164.312(b)');
    expect(html.indexOf('What to do')).toBeGreaterThan(-1);
    expect(html.indexOf('What to do')).toBeLessThan(html.indexOf('Findings'));
  }, 60_000);

  it('a complete local pack shows the controls, and says in its headline that it is unanchored', async () => {
    const out = join(base, 'pack-complete');
    const run = await runBuilt(
      ['audit', '--report-dir', healthy, '--period', 'last-month', '--out', out, '--json'],
      base,
    );
    const pack = packOf(run);
    expect(pack.result).toBe('complete');
    expect(pack.anchored).toBe(false);
    expect(pack.controls.length).toBeGreaterThan(0);
    const html = await readFile(join(out, 'audit.html'), 'utf8');
    expect(html).toContain('§164.312(b)');
    expect(/<h1>[\s\S]*?<\/h1>/.exec(html)?.[0]).toContain('(unanchored)');
    const text = await runBuilt(['audit', '--report-dir', healthy, '--period', 'last-month'], base);
    expect(text.stdout.split('\n')[0]).toContain('unanchored');
  }, 60_000);
});

describe('S3 object versions witness what the chain alone cannot', () => {
  let s3: LocalS3;
  const env = () => ({
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
  });
  const dates = nights(lastMonth.from).slice(0, 5);
  const audit = async (bucket: string) =>
    packOf(
      await runBuilt(
        [
          'audit',
          '--s3-bucket',
          bucket,
          '--from',
          dates[0] as string,
          '--to',
          dates[4] as string,
          '--retention-years',
          '0',
          '--json',
        ],
        base,
        env(),
      ),
    );
  /** Five nights, then an unscheduled drift run on the last day that is deleted and latest.json rewound. */
  async function attack(bucket: string, versioning: boolean): Promise<void> {
    await s3.createBucket(bucket);
    if (versioning) s3.enableVersioning(bucket);
    const save = (timestamp: string, run: string, night: Night) =>
      new S3ReportStore({ client: s3.client(), bucket, runId: run, now: () => new Date(timestamp) }).save(
        nightly(timestamp, run, night),
        { markdown: 'm' },
      );
    for (const [i, date] of dates.entries()) await save(at(date), `v${i}`, 'synced');
    const latest = 'schema-drift/production/latest.json';
    const before = await (
      await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: latest }))
    ).Body?.transformToString();
    const drift = await save(`${dates[4]}T12:00:00Z`, 'dispatch', 'drift');
    const key = drift.key;
    await s3.client().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    await s3.client().send(new PutObjectCommand({ Bucket: bucket, Key: latest, Body: before }));
  }
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('without versioning a deleted drift report and a rewound latest.json pass, but the pack says it is unanchored', async () => {
    await attack('plain', false);
    const pack = await audit('plain');
    expect(pack.result).toBe('complete');
    expect(pack.anchored).toBe(false);
    expect(pack.witnesses.object_versions).toBe(false);
  }, 60_000);

  it('with versioning the same deletion is tampered (a delete marker), and a healthy chain is anchored', async () => {
    await s3.createBucket('healthy-versioned');
    s3.enableVersioning('healthy-versioned');
    for (const [i, date] of dates.entries()) {
      await new S3ReportStore({
        client: s3.client(),
        bucket: 'healthy-versioned',
        runId: `h${i}`,
        now: () => new Date(at(date)),
      }).save(nightly(at(date), `h${i}`, 'synced'), { markdown: 'm' });
    }
    const healthyPack = await audit('healthy-versioned');
    expect(healthyPack.issues).toEqual([]);
    expect(healthyPack.result).toBe('complete');
    expect(healthyPack.anchored).toBe(true);

    await attack('versioned', true);
    const pack = await audit('versioned');
    expect(pack.result).toBe('tampered');
    expect(pack.issues.find((i: { kind: string }) => i.kind === 'deleted')?.message).toContain('delete marker');
  }, 60_000);

  it('with versioning a dated report rewritten with its own bytes (a second version) is tampered', async () => {
    await s3.createBucket('rewritten');
    s3.enableVersioning('rewritten');
    const keys: string[] = [];
    for (const [i, date] of dates.entries()) {
      const stored = await new S3ReportStore({
        client: s3.client(),
        bucket: 'rewritten',
        runId: `w${i}`,
        now: () => new Date(at(date)),
      }).save(nightly(at(date), `w${i}`, 'synced'), { markdown: 'm' });
      keys.push(stored.key);
    }
    const target = keys[2] as string;
    const object = await s3.client().send(new GetObjectCommand({ Bucket: 'rewritten', Key: target }));
    const bytes = await object.Body?.transformToByteArray();
    await s3.client().send(
      new PutObjectCommand({
        Bucket: 'rewritten',
        Key: target,
        Body: bytes,
        Metadata: object.Metadata,
        ChecksumAlgorithm: 'SHA256',
      }),
    );
    const pack = await audit('rewritten');
    expect(pack.result).toBe('tampered');
    expect(pack.tampered_reports).toEqual([expect.objectContaining({ key: target, state: 'altered' })]);
  }, 60_000);
});
