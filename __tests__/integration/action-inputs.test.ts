// The input surface through the BUILT action (dist/index.js) on real PostgreSQL: a bad input of another mode does
// not fail a nightly monitor check, a bad input of the mode that runs fails it naming input and value, and a
// deprecated input name works with a warning naming the new one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { writeAlembicScaffold, writeRevision } from '../support/alembic-tree.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { ensureActionBuilt, runAction } from '../support/run-action.js';

const missing = await pgServerUnavailable();

describe.skipIf(missing !== null)('action inputs (built action, real PostgreSQL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let root: string;

  beforeAll(async () => {
    await ensureActionBuilt();
    db = await createServerDatabase('sda_inputs');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      "create table alembic_version (version_num varchar(32) primary key); insert into alembic_version values ('b2')",
    );
    await client.end();
    root = mkdtempSync(join(tmpdir(), 'sda-inputs-'));
    writeAlembicScaffold(root);
    const versions = join(root, 'migrations', 'versions');
    writeRevision(versions, { id: 'a1', down: [] }, { index: 0, name: 'a1.py' });
    writeRevision(versions, { id: 'b2', down: ['a1'] }, { index: 1, name: 'b2.py' });
  }, 300_000);
  afterAll(async () => {
    await db?.drop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function run(inputs: Record<string, string>) {
    const result = await runAction({
      workspace: root,
      inputs: { migrations: 'alembic.ini', 'database-url': db.url, environment: 'inputs', ...inputs },
      env: { GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)), GITHUB_EVENT_NAME: 'schedule' },
    });
    const path = result.outputs['report-path'];
    const report = path ? (JSON.parse(readFileSync(resolve(root, path), 'utf8')) as Report) : undefined;
    return { ...result, report, log: result.stdout + result.stderr };
  }

  it('passes a synced nightly check whatever the audit, fleet and pull-request inputs hold', async () => {
    const outcome = await run({
      'report-dir': 'reports',
      'audit-period': 'bogus',
      'audit-retention-years': 'seven',
      concurrency: '0',
      shard: '9/4',
      comment: 'maybe',
      'lint-large-table': 'huge',
    });
    expect(outcome.code, outcome.log).toBe(0);
    expect(outcome.outputs.status).toBe('synced');
    expect(outcome.report?.status).toBe('synced');
    expect(outcome.report?.error ?? null).toBeNull();
    expect(outcome.log).not.toMatch(/audit-period|concurrency|lint-large-table/);
  });

  it('fails an audit run on the bad audit-period, naming the input and the value', async () => {
    const outcome = await run({ mode: 'audit', 'report-dir': 'reports', 'audit-period': 'bogus' });
    expect(outcome.code).not.toBe(0);
    expect(outcome.outputs.status).toBe('error');
    expect(outcome.stdout).toMatch(/::error::Invalid input "audit-period": "bogus" — expected last-quarter/);
  });

  it('fails a fleet-plan run on a bad concurrency, naming the input and the value', async () => {
    const outcome = await run({ mode: 'fleet-plan', concurrency: '0', 'audit-period': 'bogus' });
    expect(outcome.code).not.toBe(0);
    expect(outcome.outputs.status).toBe('error');
    expect(outcome.stdout).toMatch(/::error::Invalid input "concurrency": "0" — expected at least 1/);
    expect(outcome.stdout).not.toMatch(/audit-period/);
  });

  it('reads the deprecated pending-grace as pending-grace-minutes, warning with both names', async () => {
    const outcome = await run({ 'report-dir': 'reports', 'pending-grace': '60' });
    expect(outcome.code, outcome.log).toBe(0);
    expect(outcome.report?.version?.pending_grace_minutes).toBe(60);
    expect(outcome.stdout).toContain(
      '::warning::Input "pending-grace" is deprecated: use "pending-grace-minutes" (the same value, 60)',
    );
  });

  it('files a config error naming both when pending-grace and pending-grace-minutes disagree', async () => {
    const outcome = await run({ 'report-dir': 'reports', 'pending-grace': '60', 'pending-grace-minutes': '30' });
    expect(outcome.code).not.toBe(0);
    expect(outcome.report?.status).toBe('error');
    expect(outcome.report?.error?.stage).toBe('config');
    expect(outcome.report?.error?.message).toContain(
      'Inputs "pending-grace" (deprecated) and "pending-grace-minutes" are both set, to "60" and "30"',
    );
  });
});
