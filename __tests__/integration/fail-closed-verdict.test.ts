// The version verdict fails closed, end to end: the BUILT action (dist/index.js) on real PostgreSQL 15 with trees
// real Alembic reads (or refuses). Every case asserts the exact status, version state and exit code; no case whose
// truth is not "synced" may say synced. Where Alembic itself has an opinion (it refuses the tree, `upgrade heads`
// refuses the table or has nothing to do), the test asks it.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializePointer, serializeReport } from '../../src/publish/report-store.js';
import type { Report } from '../../src/report/model.js';
import { alembicView, type RevisionSpec, writeAlembicScaffold, writeRevision } from '../support/alembic-tree.js';
import { alembicPython, alembicUnavailable, createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { ensureActionBuilt, repoRoot, runAction } from '../support/run-action.js';

const runFile = promisify(execFile);
const missing = (await pgServerUnavailable()) ?? alembicUnavailable();
const exampleEnv = resolve(repoRoot, 'examples/credentialmate/migrations/env.py');
const ENV = 'failclosed';

// a1 ← b2 ← c3: the tree most cases start from.
const BASE: RevisionSpec[] = [
  { id: 'a1', down: [] },
  { id: 'b2', down: ['a1'] },
  { id: 'c3', down: ['b2'] },
];

interface Outcome {
  code: number | null;
  status: string;
  report: Report;
  stdout: string;
}

describe.skipIf(missing !== null)('fail-closed version verdict (built action, real PostgreSQL, real Alembic)', () => {
  let db: { url: string; drop: () => Promise<void> };
  const dirs: string[] = [];

  beforeAll(async () => {
    await ensureActionBuilt();
    db = await createServerDatabase('sda_failclosed');
  }, 300_000);
  afterAll(async () => {
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function sql(text: string, params: unknown[] = []): Promise<{ version_num: string | null }[]> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** The version table as a hand-made one may be: no primary key, so NULLs and repeats can be planted. */
  async function rows(...values: (string | null)[]): Promise<void> {
    await sql('drop table if exists alembic_version; create table alembic_version (version_num varchar(32))');
    for (const v of values) await sql('insert into alembic_version values ($1)', [v]);
  }

  /** A workspace with an Alembic project (the example's real env.py, so Alembic can run online against db). */
  function tree(specs: RevisionSpec[], extra: Record<string, string> = {}): { root: string; ini: string } {
    const root = mkdtempSync(join(tmpdir(), 'sda-failclosed-'));
    dirs.push(root);
    const ini = writeAlembicScaffold(root);
    copyFileSync(exampleEnv, join(root, 'migrations', 'env.py'));
    const versions = join(root, 'migrations', 'versions');
    for (const [index, spec] of specs.entries()) writeRevision(versions, spec, { index, name: `${spec.id}.py` });
    for (const [file, text] of Object.entries(extra)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return { root, ini };
  }

  /** What `alembic <args>` says against db, online. */
  async function alembic(ini: string, ...args: string[]): Promise<{ ok: boolean; output: string }> {
    try {
      const { stdout, stderr } = await runFile(alembicPython, ['-m', 'alembic', '-c', ini, ...args], {
        env: { ...process.env, DATABASE_URL: db.url.replace(/^postgres:/, 'postgresql:') },
      });
      return { ok: true, output: stdout + stderr };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  }

  async function check(root: string, inputs: Record<string, string> = {}): Promise<Outcome> {
    const run = await runAction({
      workspace: root,
      inputs: {
        migrations: 'alembic.ini',
        'database-url': db.url,
        environment: ENV,
        'report-dir': 'reports',
        ...inputs,
      },
      env: { GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)) },
    });
    const path = run.outputs['report-path'];
    expect(path, run.stdout + run.stderr).toBeTruthy();
    const report = JSON.parse(readFileSync(resolve(root, path as string), 'utf8')) as Report;
    assertValidReport(report);
    expect(run.outputs.status).toBe(report.status);
    return { code: run.code, status: report.status, report, stdout: run.stdout };
  }

  const unparseable = [
    '"""c4: its parent comes from a call the reader cannot evaluate"""',
    'def parent_of(x):',
    '    return x',
    '',
    "revision = 'c4'",
    "down_revision = parent_of('c3')",
    'branch_labels = None',
    'depends_on = None',
    '',
    'def upgrade():',
    '    pass',
    '',
    'def downgrade():',
    '    pass',
    '',
  ].join('\n');

  describe('graph findings decide the verdict', () => {
    it('is error (stage migrations) when the newest file cannot be read, though the database is at the last readable head', async () => {
      const { root, ini } = tree(BASE, { 'migrations/versions/c4.py': unparseable });
      // Alembic reads c4 (it runs the module): the truth is "behind by one".
      expect(alembicView(ini).heads).toEqual(['c4']);
      await rows('c3');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([1, 'error', 'error']);
      expect(report.error?.stage).toBe('migrations');
      expect(report.error?.message).toContain('migrations/versions/c4.py');
      expect(report.version?.deciding_findings?.map((f) => f.file)).toContain('migrations/versions/c4.py');
    });

    it('lets the finding past only with a file rule carrying reason and expiry, and shows the rule', async () => {
      const rule = [
        'ignore:',
        '  - file: migrations/versions/c4.py',
        '    finding: unparseable-revision-file',
        '    reason: "vendored migration, parent checked by hand"',
        '    expires: 2099-12-31',
        '',
      ].join('\n');
      const { root } = tree(BASE, { 'migrations/versions/c4.py': unparseable, '.schema-drift.yml': rule });
      await rows('c3');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([0, 'synced', 'synced']);
      expect(report.version?.ignored_findings).toEqual([
        expect.objectContaining({
          finding: expect.objectContaining({ kind: 'unparseable-revision-file', file: 'migrations/versions/c4.py' }),
          rule: expect.objectContaining({
            reason: 'vendored migration, parent checked by hand',
            expires: '2099-12-31',
          }),
        }),
      ]);
      // Still visible, as a notice naming the rule, not an error annotation beside a synced verdict.
      const shown = report.findings.find((f) => f.kind === 'unparseable-revision-file');
      expect(shown?.severity).toBe('notice');
      expect(shown?.message).toContain('ignored by .schema-drift.yml:2 until 2099-12-31');
    });

    it('is error again once the rule has expired, with an expired-ignore-rule warning', async () => {
      const rule = 'ignore:\n  - file: migrations/versions/c4.py\n    reason: "old"\n    expires: 2020-01-01\n';
      const { root } = tree(BASE, { 'migrations/versions/c4.py': unparseable, '.schema-drift.yml': rule });
      await rows('c3');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state, report.error?.stage]).toEqual([1, 'error', 'error', 'migrations']);
      expect(report.findings).toContainEqual(
        expect.objectContaining({ kind: 'expired-ignore-rule', file: '.schema-drift.yml', line: 2 }),
      );
    });

    it.each<[string, RevisionSpec[], string]>([
      ['missing-parent', [...BASE, { id: 'd4', down: ['zz9'] }], 'missing-parent'],
      ['a cycle', [{ id: 'a1', down: ['c3'] }, ...BASE.slice(1)], 'cycle'],
      [
        'down_revision naming a branch label',
        [...BASE, { id: 'l1', down: [], branchLabels: ['lib'] }, { id: 'd4', down: ['lib'] }],
        'down-revision-is-branch-label',
      ],
      [
        'a branch label equal to a revision id',
        [BASE[0] as RevisionSpec, { id: 'b2', down: ['a1'], branchLabels: ['c3'] }, BASE[2] as RevisionSpec],
        'branch-label-is-revision-id',
      ],
    ])('is error for %s (%s)', async (_name, specs, kind) => {
      const { root } = tree(specs);
      await rows('c3');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state, report.error?.stage]).toEqual([1, 'error', 'error', 'migrations']);
      expect(report.version?.deciding_findings?.map((f) => f.kind)).toContain(kind);
    });

    it('agrees with Alembic that it refuses a down_revision naming a label and a label equal to an id', () => {
      const byLabel = tree([...BASE, { id: 'l1', down: [], branchLabels: ['lib'] }, { id: 'd4', down: ['lib'] }]);
      expect(alembicView(byLabel.ini)).toMatchObject({ ok: false, error: "KeyError: 'lib'" });
      const labelIsId = tree([
        BASE[0] as RevisionSpec,
        { id: 'b2', down: ['a1'], branchLabels: ['c3'] },
        BASE[2] as RevisionSpec,
      ]);
      expect(alembicView(labelIsId.ini).error).toContain("Branch name 'c3' in revision b2 already used by revision c3");
    });

    it('is drift, not error, for an id too long for alembic_version (the heads are certain)', async () => {
      const long = 'd'.repeat(33);
      const { root } = tree([...BASE, { id: long, down: ['c3'] }]);
      await rows('c3');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([1, 'drift', 'behind']);
      expect(report.findings.map((f) => f.kind)).toContain('revision-id-too-long');
    });
  });

  describe('version rows', () => {
    it('says synced for the plain head row (the control case)', async () => {
      const { root } = tree(BASE);
      await rows('c3');
      const { code, status } = await check(root);
      expect([code, status]).toEqual([0, 'synced']);
    });

    it.each<[string, (string | null)[], string]>([
      ['a NULL row beside the head', ['c3', null], 'NULL'],
      ['an empty row beside the head', ['c3', ''], '"" (empty)'],
      ['a whitespace-padded head', [' c3'], '" c3" (leading or trailing whitespace)'],
      ['a head with a trailing space', ['c3 '], '"c3 " (leading or trailing whitespace)'],
      ['the head in another case', ['C3'], 'differs only in case from revision c3'],
      ['the head twice', ['c3', 'c3'], 'c3 more than once'],
      ['rows where one is an ancestor of the other', ['a1', 'c3'], 'c3 already includes a1'],
    ])('is error for %s', async (_name, values, said) => {
      const { root } = tree(BASE);
      await rows(...values);
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state, report.error?.stage]).toEqual([1, 'error', 'error', 'version']);
      expect(report.error?.message).toContain(said);
    });

    it('is error for rows overlapping through depends_on, as Alembic refuses the table', async () => {
      const specs: RevisionSpec[] = [
        ...BASE,
        { id: 'l1', down: [], branchLabels: ['lib'] },
        { id: 'd4', down: ['c3'], dependsOn: ['l1'] },
      ];
      const { root, ini } = tree(specs);
      await rows('l1', 'd4');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([1, 'error', 'error']);
      expect(report.error?.message).toContain('d4 already includes l1');
      const upgrade = await alembic(ini, 'upgrade', 'heads');
      expect(upgrade.ok).toBe(false);
      expect(upgrade.output).toContain('overlaps');
    });

    it('is error for rows overlapping through down_revision, and Alembic refuses the same table', async () => {
      const { root, ini } = tree(BASE);
      await rows('a1', 'c3');
      expect((await check(root)).status).toBe('error');
      const upgrade = await alembic(ini, 'upgrade', 'heads');
      expect(upgrade.ok).toBe(false);
      expect(upgrade.output).toContain('overlaps');
    });
  });

  describe('heads by the rule of alembic upgrade heads', () => {
    const labelled: RevisionSpec[] = [
      { id: 'root0', down: [] },
      { id: 'exp1', down: ['root0'], branchLabels: ['expand'] },
      { id: 'exp2', down: ['exp1'] },
      { id: 'con1', down: ['root0'], branchLabels: ['contract'] },
    ];

    it('is synced at every head of a labelled expand/contract tree, with no multiple-heads finding', async () => {
      const { root, ini } = tree(labelled);
      await alembic(ini, 'stamp', '--purge', 'heads');
      expect((await sql('select version_num from alembic_version order by 1')).map((r) => r.version_num)).toEqual([
        'con1',
        'exp2',
      ]);
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([0, 'synced', 'synced']);
      expect(report.findings.map((f) => f.kind)).not.toContain('multiple-heads');
    });

    it('is behind when one labelled branch lags, and Alembic has that one migration to run', async () => {
      const { root, ini } = tree(labelled);
      await alembic(ini, 'stamp', '--purge', 'con1', 'exp1');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([1, 'drift', 'behind']);
      expect(report.version?.pending.map((p) => p.revision)).toEqual(['exp2']);
      expect((await alembic(ini, 'upgrade', 'heads', '--sql')).ok).toBe(true);
    });

    it('is synced at every unlabelled head (upgrade heads has nothing to do) and keeps the multiple-heads finding', async () => {
      const { root, ini } = tree([...BASE, { id: 'x3', down: ['b2'] }]);
      await alembic(ini, 'stamp', '--purge', 'heads');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([0, 'synced', 'synced']);
      expect(report.findings.filter((f) => f.kind === 'multiple-heads')).toHaveLength(2);
      const before = await sql('select version_num from alembic_version order by 1');
      expect((await alembic(ini, 'upgrade', 'heads')).ok).toBe(true);
      expect(await sql('select version_num from alembic_version order by 1')).toEqual(before);
    });

    it('is branched at one of two unlabelled heads', async () => {
      const { root, ini } = tree([...BASE, { id: 'x3', down: ['b2'] }]);
      await alembic(ini, 'stamp', '--purge', 'c3');
      const { code, status, report } = await check(root);
      expect([code, status, report.version?.state]).toEqual([1, 'drift', 'branched']);
    });
  });

  describe('pending-grace cannot be stretched by commit dates', () => {
    function gitRepo(specs: RevisionSpec[], newest: RevisionSpec, newestDate: string): string {
      const { root } = tree(specs);
      const git = (args: string[], date: string) =>
        execFileSync('git', args, {
          cwd: root,
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@example.com',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@example.com',
            GIT_AUTHOR_DATE: date,
            GIT_COMMITTER_DATE: date,
          },
        }).toString();
      git(['init', '-q', '-b', 'main'], '2025-01-01T00:00:00Z');
      writeFileSync(join(root, '.gitignore'), 'reports/\n');
      git(['add', '--all'], '2025-01-01T00:00:00Z');
      git(['commit', '-qm', 'history'], '2025-01-01T00:00:00Z');
      writeRevision(join(root, 'migrations', 'versions'), newest, { name: `${newest.id}.py` });
      git(['add', '--all'], newestDate);
      git(['commit', '-qm', 'new migration'], newestDate);
      return root;
    }

    it('gives no grace to a migration committed "in the future", with a warning naming the commit', async () => {
      const root = gitRepo(BASE, { id: 'd4', down: ['c3'] }, '2099-01-01T00:00:00Z');
      const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim();
      await rows('c3');
      const { code, status, report } = await check(root, { 'pending-grace': '60' });
      expect([code, status, report.version?.state]).toEqual([1, 'drift', 'behind']);
      expect(report.version?.pending[0]?.within_grace).toBe(false);
      const warning = report.findings.find((f) => f.kind === 'pending-grace-future-commit');
      expect(warning?.message).toContain(sha);
    });

    it('ends grace pending-grace after the previous report first saw the migration pending', async () => {
      const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
      const root = gitRepo(BASE, { id: 'd4', down: ['c3'] }, fiveMinutesAgo);
      await rows('c3');
      const first = await check(root, { 'pending-grace': '60' });
      expect([first.code, first.status, first.report.version?.pending[0]?.within_grace]).toEqual([0, 'synced', true]);
      const seen = first.report.version?.pending[0]?.first_seen_pending_at;
      // First seen by this run: its own clock, read a moment before the report's timestamp.
      const lag = Date.parse(first.report.timestamp) - Date.parse(seen as string);
      expect(lag >= 0 && lag < 60_000, `${seen} vs ${first.report.timestamp}`).toBe(true);

      // The next run still within grace carries the first sighting forward rather than restarting it.
      const second = await check(root, { 'pending-grace': '60' });
      expect(second.report.version?.pending[0]?.first_seen_pending_at).toBe(seen);

      // A re-dated commit cannot restart the clock: the previous report says it was first seen two hours ago.
      // latest.json points at the dated report by key and sha256: rewrite both as an earlier run would have left them.
      const latest = join(root, 'reports', ENV, 'latest.json');
      const pointer = JSON.parse(readFileSync(latest, 'utf8')) as { key: string };
      const datedPath = join(root, 'reports', pointer.key);
      const previous = JSON.parse(readFileSync(datedPath, 'utf8')) as Report;
      const twoHoursAgo = `${new Date(Date.now() - 120 * 60_000).toISOString().slice(0, 19)}Z`;
      (previous.version?.pending[0] as { first_seen_pending_at: string }).first_seen_pending_at = twoHoursAgo;
      const json = serializeReport(previous);
      writeFileSync(datedPath, json);
      writeFileSync(latest, serializePointer(previous, pointer.key, createHash('sha256').update(json).digest('hex')));
      const third = await check(root, { 'pending-grace': '60' });
      expect([third.code, third.status, third.report.version?.state]).toEqual([1, 'drift', 'behind']);
      expect(third.report.version?.pending[0]).toMatchObject({
        within_grace: false,
        first_seen_pending_at: twoHoursAgo,
      });
    });

    it('gives no grace without a report store to remember the first sighting', async () => {
      const root = gitRepo(BASE, { id: 'd4', down: ['c3'] }, new Date(Date.now() - 5 * 60_000).toISOString());
      await rows('c3');
      const run = await runAction({
        workspace: root,
        inputs: { migrations: 'alembic.ini', 'database-url': db.url, environment: ENV, 'pending-grace': '60' },
      });
      expect([run.code, run.outputs.status]).toEqual([1, 'drift']);
      expect(run.stdout).toContain('pending-grace is ignored: no report store');
    });
  });
});
