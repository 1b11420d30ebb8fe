// structure-expected: baseline through the BUILT action on the real PostgreSQL server, run after run: an out-of-band
// change stays drift on every later run (and notify-on: change stays quiet about it) until the baseline is
// re-recorded on purpose; a tampered or vanished baseline is an error, never a fresh start.
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { ensureActionBuilt, repoRoot, runAction } from '../support/run-action.js';
import { type LocalSns, startSnsServer } from '../support/sns-server.js';

const skip = (await pgServerUnavailable()) !== null;
const head = '20251230_1900';
const topicArn = 'arn:aws:sns:us-east-1:123456789012:schema-drift';

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(skip)('a recorded baseline keeps drift until it is re-recorded on purpose (built action)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let sns: LocalSns;
  let reports: string;

  beforeAll(async () => {
    await ensureActionBuilt();
    database = await createServerDatabase('sda_baseline');
    await sql(
      database.url,
      `CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
       INSERT INTO alembic_version VALUES ('${head}');
       CREATE TABLE patients (id bigint PRIMARY KEY, name text NOT NULL)`,
    );
    sns = await startSnsServer({ topics: [topicArn] });
    // report-dir must lie inside the workspace (the repository here).
    await mkdir(join(repoRoot, '.tmp'), { recursive: true });
    reports = await mkdtemp(join(repoRoot, '.tmp', 'sda-baseline-'));
  }, 300_000);
  afterAll(async () => {
    await sns?.close();
    await database?.drop();
    if (reports) await rm(reports, { recursive: true, force: true });
  });

  let runs = 0;
  async function run(environment: string, inputs: Record<string, string> = {}) {
    runs++;
    const sent = sns.messages.length;
    const action = await runAction({
      inputs: {
        migrations: 'examples/credentialmate',
        environment,
        'database-url': database.url,
        'structure-expected': 'baseline',
        'report-dir': reports,
        'sns-topic-arn': topicArn,
        'notify-on': 'change',
        'aws-region': 'us-east-1',
        ...inputs,
      },
      env: {
        AWS_ENDPOINT_URL_SNS: sns.endpoint,
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
        GITHUB_RUN_ID: `run-${runs}`,
        GITHUB_EVENT_NAME: 'schedule',
      },
    });
    // latest.json points at the newest report (key relative to the report-dir).
    const pointer = JSON.parse(await readFile(join(reports, environment, 'latest.json'), 'utf8')) as { key: string };
    const report = JSON.parse(await readFile(join(reports, ...pointer.key.split('/')), 'utf8')) as Report;
    assertValidReport(report);
    return { action, report, alerts: sns.messages.slice(sent) };
  }

  it('reports an out-of-band change on every run, alerts once, and accepts it only on baseline: re-record', async () => {
    const env = 'keeps';
    const first = await run(env);
    expect(first.report.structure).toMatchObject({
      state: 'skipped',
      baseline: { compared_with: null, recorded: { reason: 'first', production_version: head } },
    });
    expect(first.action.code).toBe(0);
    const pointer = JSON.parse(await readFile(join(reports, env, 'baseline.json'), 'utf8'));
    expect(pointer).toMatchObject({
      production_version: head,
      fingerprint: first.report.structure?.actual_fingerprint,
    });

    const second = await run(env);
    expect(second.report.structure).toMatchObject({
      state: 'clean',
      expected_location: pointer.snapshot_key,
      baseline: { compared_with: { key: pointer.snapshot_key, fingerprint: pointer.fingerprint }, recorded: null },
    });

    await sql(database.url, 'ALTER TABLE patients ADD COLUMN hotfix_note text; GRANT SELECT ON patients TO PUBLIC');
    const third = await run(env);
    expect(third.report.status).toBe('drift');
    expect(third.report.structure?.differences.map((d) => d.object)).toEqual(
      expect.arrayContaining(['public.patients.hotfix_note']),
    );
    expect(third.report.structure?.baseline?.recorded).toBeNull();
    expect(third.action.code).toBe(1);
    expect(third.alerts).toHaveLength(1);

    // The runs after the change: the same drift against the same baseline, no "fixed" alert, no new baseline.
    for (let i = 0; i < 2; i++) {
      const later = await run(env);
      expect(later.report.status).toBe('drift');
      expect(later.report.structure).toMatchObject({
        state: 'drifted',
        baseline: { compared_with: { key: pointer.snapshot_key }, recorded: null },
      });
      expect(later.report.fingerprint).toBe(third.report.fingerprint);
      expect(later.action.code).toBe(1);
      expect(later.alerts).toEqual([]);
    }
    expect(JSON.parse(await readFile(join(reports, env, 'baseline.json'), 'utf8'))).toEqual(pointer);

    const accepted = await run(env, { baseline: 're-record' });
    expect(accepted.report.structure).toMatchObject({
      state: 'skipped',
      summary: expect.stringContaining('re-recorded on request'),
      baseline: { compared_with: { key: pointer.snapshot_key }, recorded: { reason: 're-record' } },
    });
    expect(accepted.action.code).toBe(0);
    const rerecorded = JSON.parse(await readFile(join(reports, env, 'baseline.json'), 'utf8'));
    expect(rerecorded.snapshot_key).not.toBe(pointer.snapshot_key);

    const after = await run(env);
    expect(after.report.structure).toMatchObject({
      state: 'clean',
      baseline: { compared_with: { key: rerecorded.snapshot_key }, recorded: null },
    });
    expect(after.action.code).toBe(0);
  }, 400_000);

  it('records a new baseline when the production version moves, not before', async () => {
    const env = 'moves';
    await run(env);
    await sql(database.url, 'CREATE INDEX patients_name_idx ON patients (name)');
    try {
      expect((await run(env)).report.structure?.state).toBe('drifted');
      await sql(database.url, `UPDATE alembic_version SET version_num = '7a9c1e3f5b2d'`);
      const moved = await run(env, { 'fail-on': 'never' });
      expect(moved.report.structure).toMatchObject({
        state: 'skipped',
        baseline: { recorded: { reason: 'version-moved', production_version: '7a9c1e3f5b2d' } },
      });
      expect((await run(env, { 'fail-on': 'never' })).report.structure?.state).toBe('clean');
    } finally {
      await sql(database.url, `DROP INDEX patients_name_idx; UPDATE alembic_version SET version_num = '${head}'`);
    }
  }, 400_000);

  it('turns a tampered baseline snapshot or a vanished baseline into error, never a new baseline', async () => {
    const env = 'tampered';
    await run(env);
    const pointerPath = join(reports, env, 'baseline.json');
    const pointer = JSON.parse(await readFile(pointerPath, 'utf8'));
    const snapshotPath = join(reports, ...pointer.snapshot_key.split('/'));
    const original = await readFile(snapshotPath, 'utf8');
    await writeFile(snapshotPath, `${original} `);
    const tampered = await run(env);
    expect(tampered.report.status).toBe('error');
    expect(tampered.report.error).toMatchObject({ stage: 'structure', message: expect.stringContaining('sha256') });
    expect(tampered.action.code).toBe(1);
    expect(JSON.parse(await readFile(pointerPath, 'utf8'))).toEqual(pointer);

    await writeFile(snapshotPath, original);
    expect((await run(env)).report.structure?.state).toBe('clean');
    await unlink(pointerPath);
    const vanished = await run(env);
    expect(vanished.report.status).toBe('error');
    expect(vanished.report.error?.message).toContain(`the baseline the previous report used (${pointer.snapshot_key})`);
  }, 400_000);
});
