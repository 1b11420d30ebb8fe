// Migration safety through the BUILT action on a pull request: real PostgreSQL 15 as production holding a 2,000,000-row
// table (generate_series, then ANALYZE) and a small one, the loopback GitHub server, a real git repository. The same
// unsafe index is an error on the large table and a warning on the small one, each annotated at its line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrRepo, eventFixture, type PrRepo } from '../pull-request/pr-repo.js';
import { actionInputDefaults } from '../support/action-metadata.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { ensureActionBuilt, runAction } from '../support/run-action.js';

const serverMissing = (await pgServerUnavailable()) !== null;
const TOKEN = 'ghs_lintPrToken0123456789abcdef';
const scratch = mkdtempSync(join(tmpdir(), 'sd-action-lint-'));

/** action.yml's input defaults (strict YAML loader), as the runner passes them. */
function actionDefaults(): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, value] of actionInputDefaults()) {
    if (value === undefined) continue;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression in action.yml, not a JS template.
    defaults[name] = value === '${{ github.token }}' ? TOKEN : value;
  }
  return defaults;
}

const MIGRATION = [
  '"""index events and plans',
  '',
  'Revision ID: r4',
  '"""',
  'from alembic import op',
  'import sqlalchemy as sa',
  '',
  "revision = 'r4'",
  "down_revision = 'r3'",
  'branch_labels = None',
  'depends_on = None',
  '',
  '',
  'def upgrade():',
  '    op.execute("SET lock_timeout = \'5s\'")',
  "    op.create_index('ix_events_kind', 'events', ['kind'])",
  "    op.create_index('ix_plans_kind', 'plans', ['kind'])",
  '    with op.get_context().autocommit_block():',
  "        op.create_index('ix_events_at', 'events', ['at'], postgresql_concurrently=True, if_not_exists=True)",
  '',
  '',
  'def downgrade():',
  '    pass',
  '',
].join('\n');
const EVENTS_LINE = 16;
const PLANS_LINE = 17;

/** Sequential and index scans of events and plans so far (the action's backend has exited, so its stats are in). */
async function userRowScans(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ scans: string }>(
      "select sum(seq_scan + coalesce(idx_scan, 0))::text as scans from pg_stat_user_tables where relname in ('events', 'plans')",
    );
    return Number(rows[0]?.scans);
  } finally {
    await client.end();
  }
}

describe.skipIf(serverMissing)('built action: migration safety graded by a PostgreSQL 15 production', () => {
  let github: GitHubServer;
  let db: { url: string; drop: () => Promise<void> };
  let repo: PrRepo;

  beforeAll(async () => {
    const build = await ensureActionBuilt();
    if (build.built) console.info(`built dist/ in ${build.durationMs} ms`);
    [github, db] = await Promise.all([startGitHubServer({ token: TOKEN }), createServerDatabase('sd_action_lint')]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('create table alembic_version (version_num varchar(32) primary key)');
      await client.query("insert into alembic_version values ('r3')");
      await client.query('create table events (id bigint primary key, kind text not null, at timestamptz not null)');
      await client.query(
        "insert into events select g, 'kind' || (g % 7), timestamptz '2026-01-01' + g * interval '1 second' from generate_series(1, 2000000) g",
      );
      await client.query('create table plans (id int primary key, kind text not null)');
      await client.query("insert into plans select g, 'p' || g from generate_series(1, 12) g");
      await client.query('analyze events');
      await client.query('analyze plans');
    } finally {
      await client.end();
    }
  }, 280_000);

  afterAll(async () => {
    await github?.close();
    await db?.drop();
    repo?.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('annotates the index on the 2M-row table as an error and the same index on a 12-row table as a warning', async () => {
    repo = createPrRepo(['r1', 'r2', 'r3']);
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'index-kinds');
    repo.write('migrations/versions/r4.py', MIGRATION);
    const head = repo.commit('index kinds');
    repo.checkoutMerge('main', 'index-kinds');
    const eventPath = join(scratch, 'event.json');
    writeFileSync(eventPath, JSON.stringify(eventFixture('pull_request.opened', { base, head })));

    const scansBefore = await userRowScans(db.url);
    const run = await runAction({
      workspace: repo.dir,
      inputs: { ...actionDefaults(), migrations: 'alembic.ini', 'database-url': db.url },
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme-corp/billing',
        GITHUB_RUN_ID: '9101',
        GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_ACTOR: 'octocat',
      },
    });

    expect(run.code, run.stderr).toBe(1);
    const check = [...github.checkRuns.values()].at(-1);
    expect(check).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      title: '1 migration error: create-index-not-concurrently',
    });
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: 'migrations/versions/r4.py',
        start_line: EVENTS_LINE,
        annotation_level: 'failure',
        title: 'schema-drift: create-index-not-concurrently',
        message: expect.stringMatching(
          /^op\.create_index on `events` builds the index without CONCURRENTLY.*~2,000,000 rows, \d+ MB \(a large table\)/,
        ),
      }),
      expect.objectContaining({
        path: 'migrations/versions/r4.py',
        start_line: PLANS_LINE,
        annotation_level: 'warning',
        title: 'schema-drift: create-index-not-concurrently',
        message: expect.stringContaining('in production: ~12 rows'),
      }),
    ]);
    // The section in the check run summary, the sticky comment and the job summary.
    for (const text of [check?.summary ?? '', github.comments[0]?.body ?? '', run.summary]) {
      expect(text).toContain('#### Migration safety (1 migration: 1 error, 1 warning, 0 notices)');
      expect(text).toContain('Graded by production table sizes');
    }
    // Catalog only: no scan of the user tables, and the password never leaves.
    expect(await userRowScans(db.url)).toBe(scansBefore);
    expect(run.summary).not.toContain('postgres:postgres@');
  });
});

describe('built action: a pull request whose migrations take longer to lint than timeout-seconds', () => {
  let github: GitHubServer;
  let repo: PrRepo;
  const dir = mkdtempSync(join(tmpdir(), 'sd-action-lint-timeout-'));

  beforeAll(async () => {
    await ensureActionBuilt();
    github = await startGitHubServer({ token: TOKEN });
  }, 280_000);

  afterAll(async () => {
    await github?.close();
    repo?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops linting within timeout-seconds and fails the check run, naming the file it was reading', async () => {
    repo = createPrRepo(['r1', 'r2', 'r3']);
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'big-backfill');
    // 160 revisions of ~500 KB of SQL each: about 15 s of reading on a quiet machine here, far more than the 4 s
    // the lint gets of the 5 allowed (40 took under 4 s).
    const statements = Array.from({ length: 7_000 }, (_, k) => `UPDATE users SET a = ${k} WHERE id = ${k};`).join('\n');
    for (let i = 0; i < 160; i++) {
      const id = `b${String(i).padStart(3, '0')}`;
      const down = i === 0 ? 'r3' : `b${String(i - 1).padStart(3, '0')}`;
      repo.write(
        `migrations/versions/${id}.py`,
        MIGRATION.replaceAll("'r4'", `'${id}'`)
          .replace("down_revision = 'r3'", `down_revision = '${down}'`)
          .replace('    op.execute("SET lock_timeout = \'5s\'")', `    op.execute("""${statements}""")`),
      );
    }
    const head = repo.commit('backfill');
    repo.checkoutMerge('main', 'big-backfill');
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(eventFixture('pull_request.opened', { base, head })));

    const started = Date.now();
    const run = await runAction({
      workspace: repo.dir,
      inputs: { ...actionDefaults(), migrations: 'alembic.ini', 'timeout-seconds': '5' },
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme-corp/billing',
        GITHUB_RUN_ID: '9102',
        GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
        GITHUB_REF: 'refs/pull/43/merge',
        GITHUB_ACTOR: 'octocat',
      },
    });
    const elapsed = Date.now() - started;

    expect(run.code, run.stderr).toBe(1);
    // Completed by the mode itself (the watchdog at 100% would leave it in progress), as a failure.
    const check = [...github.checkRuns.values()].at(-1);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check?.summary).toMatch(
      /timeout-seconds \(5\) ran out while linting migrations\/versions\/b\d\d\d\.py \(\d+ of 160 migrations linted\)/,
    );
    expect(elapsed).toBeLessThan(30_000);
  });
});
