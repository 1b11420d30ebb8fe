// The pull-request check planned against a real PostgreSQL 15 "production" whose alembic_version is set per test.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrRepo, eventFixture, type PrRepo, REVISION_LINE } from '../pull-request/pr-repo.js';
import { runMode } from '../pull-request/run-mode.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';

const serverMissing = (await pgServerUnavailable()) !== null;
const TOKEN = 'ghs_prodtesttoken';

describe.skipIf(serverMissing)('pull-request check against production on PostgreSQL 15', () => {
  let db: { url: string; drop: () => Promise<void> };
  let github: GitHubServer;
  const repos: PrRepo[] = [];

  beforeAll(async () => {
    db = await createServerDatabase('sd_pr');
    github = await startGitHubServer({ token: TOKEN });
  });
  afterAll(async () => {
    await github.close();
    await db.drop();
    for (const repo of repos) repo.remove();
  });

  async function productionAt(version: string): Promise<void> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('create table if not exists alembic_version (version_num varchar(32) primary key)');
      await client.query('delete from alembic_version');
      await client.query('insert into alembic_version values ($1)', [version]);
    } finally {
      await client.end();
    }
  }

  /** main: r1 ← r2 ← r3; the PR branch applies `change` and is checked out as GitHub's merge commit. */
  function prRepo(change: (repo: PrRepo) => void): { repo: PrRepo; base: string; head: string } {
    const repo = createPrRepo(['r1', 'r2', 'r3']);
    repos.push(repo);
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'pr');
    change(repo);
    const head = repo.commit('pr change');
    repo.checkoutMerge('main', 'pr');
    return { repo, base, head };
  }

  const run = (repo: PrRepo, base: string, head: string) =>
    runMode({
      root: repo.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
      comment: false,
      inputs: { 'database-url': db.url },
    });

  it('plans the base work and then the PR migration in order, warning that production is behind the base', async () => {
    await productionAt('r2');
    const { repo, base, head } = prRepo((r) => r.migration('r4', 'r3', 'add due dates'));
    const { outcome, core } = await run(repo, base, head);
    const result = outcome.result;
    expect(result?.plan?.production).toEqual(['r2']);
    expect(result?.plan?.steps.map((s) => [s.revision, s.fromPullRequest])).toEqual([
      ['r3', false],
      ['r4', true],
    ]);
    expect(result?.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        kind: 'production-not-at-base-head',
        message: expect.stringContaining('1 migration from other work (r3)'),
      }),
    ]);
    expect(result?.conclusion).toBe('success');
    expect(core.outputs['pending-count']).toBe('2');
    expect(core.summaries[0]).toContain('Plan against `production` (2 to apply after merging, in order)');
    // The password never reaches what the action prints or publishes.
    const published = [...core.summaries, ...core.logs, ...github.requests.map((r) => r.text)].join('\n');
    expect(published).not.toContain('postgres:postgres@');
  });

  it('fails when the PR edits a revision production already ran', async () => {
    await productionAt('r2');
    const { repo, base, head } = prRepo((r) =>
      r.write('migrations/versions/r1.py', r.read('migrations/versions/r1.py').replace('select 1', 'select 9')),
    );
    const { outcome } = await run(repo, base, head);
    expect(outcome.result?.conclusion).toBe('failure');
    const [check] = [...github.checkRuns.values()].slice(-1);
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: 'migrations/versions/r1.py',
        start_line: REVISION_LINE,
        annotation_level: 'failure',
        message: expect.stringMatching(/^revision r1 already ran in production; add a new migration instead/),
      }),
    ]);
  });

  it('only notes an edit of a base revision production has not run yet', async () => {
    await productionAt('r2');
    const { repo, base, head } = prRepo((r) =>
      r.write('migrations/versions/r3.py', r.read('migrations/versions/r3.py').replace('select 1', 'select 9')),
    );
    const { outcome } = await run(repo, base, head);
    expect(outcome.result?.conclusion).toBe('success');
    expect(outcome.result?.findings.map((f) => [f.severity, f.kind])).toContainEqual(['notice', 'edited-before-apply']);
  });

  it('falls back to the base branch rule with a warning when production cannot be reached', async () => {
    const { repo, base, head } = prRepo((r) =>
      r.write('migrations/versions/r3.py', r.read('migrations/versions/r3.py').replace('select 1', 'select 9')),
    );
    const { outcome } = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
      comment: false,
      inputs: { 'database-url': 'postgres://postgres:postgres@127.0.0.1:1/nowhere' },
    });
    const kinds = outcome.result?.findings.map((f) => [f.severity, f.kind]);
    expect(kinds).toContainEqual(['warning', 'production-unavailable']);
    expect(kinds).toContainEqual(['error', 'edited-after-apply']);
    expect(outcome.result?.conclusion).toBe('failure');
    expect(JSON.stringify(outcome.result)).not.toContain('postgres:postgres@');
  });
});
