// The structure stage of the check end to end on the real PostgreSQL server: the example project migrated by real
// Alembic, then changed out of band. Through the CLI for each expected source, and once through the built action.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { Report } from '../../src/report/model.js';
import { alembicPython, alembicUnavailable, createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { ensureActionBuilt, runAction } from '../support/run-action.js';

const exec = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const ini = join(repoRoot, 'examples/credentialmate/alembic.ini');
const skip = alembicUnavailable() !== null || (await pgServerUnavailable()) !== null;

const pgUrl = (url: string) => url.replace(/^postgres:/, 'postgresql:');

async function upgrade(url: string, revision: string) {
  await exec(alembicPython, ['-m', 'alembic', '-c', ini, 'upgrade', revision], {
    env: { ...process.env, DATABASE_URL: url },
  });
}

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function check(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', '--migrations', 'examples/credentialmate', '--json', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: repoRoot,
    env: {},
  });
  const report = stdout ? (JSON.parse(stdout) as Report) : null;
  if (report) assertValidReport(report);
  return { code, report, stderr };
}

describe.skipIf(skip)('the structure check on the PostgreSQL server', () => {
  let production: { url: string; drop: () => Promise<void> };
  let reference: { url: string; drop: () => Promise<void> };
  let reports: string;
  let prod: string;
  let ref: string;

  beforeAll(async () => {
    production = await createServerDatabase('sda_struct_prod');
    reference = await createServerDatabase('sda_struct_ref');
    prod = pgUrl(production.url);
    ref = pgUrl(reference.url);
    reports = await mkdtemp(join(tmpdir(), 'sda-struct-reports-'));
    // Production three revisions behind the head.
    await upgrade(prod, '20250915_0900');
  });
  afterAll(async () => {
    await production?.drop();
    await reference?.drop();
    if (reports) await rm(reports, { recursive: true, force: true });
  });

  const referenceArgs = () => [
    '--database-url',
    prod,
    '--structure-expected',
    'reference',
    '--reference-database-url',
    ref,
    '--reference-setup-command',
    `DATABASE_URL='${ref}' '${alembicPython}' -m alembic -c '${ini}' upgrade {revision}`,
  ];

  it('builds the reference at the production revision, so pending migrations are not structural drift', async () => {
    const { code, report } = await check(referenceArgs());
    expect(code).toBe(1); // behind by 3: version drift only
    expect(report?.version?.state).toBe('behind');
    expect(report?.structure).toMatchObject({
      state: 'clean',
      expected_source: 'reference',
      differences: [],
      expected_location: expect.stringContaining(':***@'),
    });
    expect(report?.structure?.stats?.queries).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain(':postgres@');
  });

  it('finds an out-of-band column with its fix-up SQL, and fails the check on it alone', async () => {
    await sql(prod, 'ALTER TABLE providers ADD COLUMN hotfix_note text');
    try {
      const { code, report } = await check(referenceArgs());
      expect(code).toBe(1);
      expect(report?.status).toBe('drift');
      expect(report?.structure?.state).toBe('drifted');
      expect(report?.structure?.differences).toEqual([
        expect.objectContaining({
          change: 'unexpected',
          kind: 'column',
          object: 'public.providers.hotfix_note',
          severity: 'breaking',
          // The built report offers the DROP commented out: it would delete the column's values.
          fix_sql:
            '-- destructive, not run: DROP COLUMN deletes the values of the column in every row\n-- ALTER TABLE public.providers DROP COLUMN hotfix_note;',
          safety: 'destructive',
          possible_rename: null,
        }),
      ]);
    } finally {
      await sql(prod, 'ALTER TABLE providers DROP COLUMN hotfix_note');
    }
  });

  it('records a baseline on the first run, finds the change on the next, and re-records when the version moves', async () => {
    const baseline = ['--database-url', prod, '--structure-expected', 'baseline', '--report-dir', reports];
    const first = await check(baseline);
    expect(first.report?.structure).toMatchObject({
      state: 'skipped',
      summary: expect.stringContaining('no baseline yet'),
    });
    const second = await check(baseline);
    expect(second.report?.structure?.state).toBe('clean');

    await sql(prod, 'REVOKE SELECT ON documents FROM PUBLIC; GRANT SELECT ON documents TO PUBLIC');
    await sql(prod, 'ALTER TABLE documents DISABLE ROW LEVEL SECURITY');
    try {
      const third = await check(baseline);
      expect(third.report?.structure?.state).toBe('drifted');
      expect(third.report?.structure?.differences.map((d) => [d.severity, d.kind, d.attribute])).toEqual(
        expect.arrayContaining([['security', 'table', 'rls_enabled']]),
      );
    } finally {
      await sql(prod, 'REVOKE SELECT ON documents FROM PUBLIC; ALTER TABLE documents ENABLE ROW LEVEL SECURITY');
    }

    await upgrade(prod, '7a9c1e3f5b2d');
    const moved = await check(baseline);
    expect(moved.report?.structure).toMatchObject({
      state: 'skipped',
      summary: expect.stringContaining('the version moved from 20250915_0900 to 7a9c1e3f5b2d'),
    });
    const files = await readdir(join(reports, 'production'));
    expect(files).toContain('latest-snapshot.json');
  });

  it('turns an unreachable reference database into status error at the structure stage, never synced', async () => {
    const { code, report } = await check([
      '--database-url',
      prod,
      '--structure-expected',
      'reference',
      '--reference-database-url',
      'postgresql://ref:hunter2@127.0.0.1:1/ref',
    ]);
    expect(code).toBe(2);
    expect(report?.status).toBe('error');
    expect(report?.error?.stage).toBe('structure');
    expect(report?.structure?.state).toBe('error');
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });

  it('refuses structure-expected snapshot without a snapshot-file, naming both inputs', async () => {
    const { code, stderr } = await check(['--database-url', prod, '--structure-expected', 'snapshot']);
    expect(code).toBe(2);
    expect(stderr).toContain('Input "structure-expected" is "snapshot": set "snapshot-file" too');
  });

  it('stores the HTML report and the live snapshot beside the JSON when run as the built action', async () => {
    await ensureActionBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'sda-struct-action-'));
    try {
      const run = await runAction({
        inputs: {
          migrations: 'examples/credentialmate',
          'database-url': prod,
          environment: 'structure',
          'structure-expected': 'snapshot',
          'snapshot-file': 'examples/credentialmate/demo/expected-20250915_0900.snapshot.json',
          'report-dir': dir,
          'fail-on': 'never',
        },
        workspace: repoRoot,
      });
      expect(run.code).toBe(0);
      // Production moved to 7a9c1e3f5b2d above: the attestations table is new against the 20250915_0900 snapshot.
      expect(run.summary).toContain('attestations');
      const day = join(dir, 'structure', ...new Date().toISOString().slice(0, 10).split('-'));
      const names = await readdir(day);
      expect(names.some((n) => n.endsWith('.html'))).toBe(true);
      expect(names.some((n) => n.endsWith('.snapshot.json'))).toBe(true);
      const html = await readFile(join(day, names.find((n) => n.endsWith('.html'))!), 'utf8');
      expect(html).toContain('<h2>Structure: drifted</h2>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
