// The pull-request mode end to end below main.ts: real git repositories (base branch, PR branches, GitHub's merge
// commit), the loopback GitHub REST server, and runPullRequestMode as the action runs it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrRepo, eventFixture, type PrRepo, REVISION_LINE } from '../pull-request/pr-repo.js';
import { runMode } from '../pull-request/run-mode.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';

const TOKEN = 'ghs_testtoken0123456789';
const repos: PrRepo[] = [];

afterAll(() => {
  for (const repo of repos) repo.remove();
});

/** main: r1 ← r2, then a PR branch off r2 adding p1 ← r2 while main moves on with r3 ← r2. */
function twoHeadsRepo(): { repo: PrRepo; base: string; head: string } {
  const repo = createPrRepo(['r1', 'r2']);
  repos.push(repo);
  repo.git('checkout', '-q', '-b', 'add-due-dates');
  repo.migration('p1', 'r2', 'add invoice due dates');
  const head = repo.commit('add p1');
  repo.git('checkout', '-q', 'main');
  repo.migration('r3', 'r2', 'add customers');
  const base = repo.commit('add r3');
  repo.checkoutMerge('main', 'add-due-dates');
  return { repo, base, head };
}

/** main: r1 ← r2 ← r3; the PR edits r2's upgrade. */
function editedRepo(): { repo: PrRepo; base: string; head: string } {
  const repo = createPrRepo(['r1', 'r2', 'r3']);
  repos.push(repo);
  const base = repo.git('rev-parse', 'HEAD');
  repo.git('checkout', '-q', '-b', 'fix-r2');
  repo.write('migrations/versions/r2.py', repo.read('migrations/versions/r2.py').replace('select 1', 'select 2'));
  const head = repo.commit('fix r2');
  repo.checkoutMerge('main', 'fix-r2');
  return { repo, base, head };
}

/** main: r1 ← r2 ← r3; the PR adds r4 ← r3. */
function cleanRepo(): { repo: PrRepo; base: string; head: string } {
  const repo = createPrRepo(['r1', 'r2', 'r3']);
  repos.push(repo);
  const base = repo.git('rev-parse', 'HEAD');
  repo.git('checkout', '-q', '-b', 'add-r4');
  repo.migration('r4', 'r3', 'add due dates');
  const head = repo.commit('add r4');
  repo.checkoutMerge('main', 'add-r4');
  return { repo, base, head };
}

describe('pull-request mode with a write token', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
  });
  afterAll(() => github.close());
  afterEach(() => {
    github.requests.length = 0;
    github.checkRuns.clear();
    github.comments.length = 0;
  });

  it('fails a PR whose migration shares its parent with a newer base migration, naming both and the fix', async () => {
    const { repo, base, head } = twoHeadsRepo();
    const event = eventFixture('pull_request.opened', { base, head });
    const { outcome, core } = await runMode({ root: repo.dir, event, apiUrl: github.url, token: TOKEN });

    expect(outcome.result?.conclusion).toBe('failure');
    expect(outcome.result?.heads).toEqual(['p1', 'r3']);
    const [run] = [...github.checkRuns.values()];
    expect(run).toMatchObject({ name: 'schema-drift', head_sha: head, status: 'completed', conclusion: 'failure' });
    const multiple = run?.annotations.filter((a) => a.title === 'schema-drift: multiple-heads') ?? [];
    expect(multiple).toHaveLength(1);
    expect(multiple[0]).toMatchObject({
      path: 'migrations/versions/p1.py',
      start_line: REVISION_LINE,
      annotation_level: 'failure',
    });
    const message = String(multiple[0]?.message);
    expect(message).toContain('`p1`');
    expect(message).toContain('`r3`');
    expect(message).toContain('revises `r2`');
    expect(message).toContain('down_revision = "r3"');
    expect(message).toContain('alembic merge -m "merge heads" p1 r3');
    expect(core.failed).toEqual([expect.stringContaining('multiple-heads')]);
    // The check run carries the annotations; workflow annotations would show them twice.
    expect(core.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('<!-- schema-drift-action:schema-drift -->');
    expect(github.comments[0]?.body).toContain('**multiple-heads** Migration `p1`');
  });

  it('finds the two heads too when the workflow checks out the PR head instead of the merge commit', async () => {
    const { repo, base, head } = twoHeadsRepo();
    repo.git('checkout', '-q', '--detach', head);
    const { outcome } = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
      comment: false,
    });
    expect(outcome.result?.heads).toEqual(['p1', 'r3']);
    expect(outcome.result?.findings.filter((f) => f.kind === 'multiple-heads')).toEqual([
      expect.objectContaining({ file: 'migrations/versions/p1.py', message: expect.stringContaining('`r3`') }),
    ]);
    expect(github.comments).toEqual([]);
  });

  it('keeps exactly one PR comment after two runs, updating it in place', async () => {
    const { repo, base, head } = cleanRepo();
    const other = github.addComment(42, 'LGTM <!-- schema-drift-action:schema-drift --> quoted');
    const first = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
    });
    const second = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.synchronize', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
    });
    expect(first.outcome.comment?.action).toBe('created');
    expect(second.outcome.comment).toEqual({ action: 'updated', id: first.outcome.comment?.id });
    const ours = github.comments.filter((c) => c.user.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(github.comments.find((c) => c.id === other.id)?.body).toBe(
      'LGTM <!-- schema-drift-action:schema-drift --> quoted',
    );
    expect(
      github
        .writes()
        .filter((r) => r.path.includes('/comments'))
        .map((r) => r.method),
    ).toEqual(['POST', 'PATCH']);
  });

  it("leaves a comment that starts with our marker but was written by someone else, and creates the bot's own", async () => {
    const { repo, base, head } = cleanRepo();
    github.comments.length = 0;
    const planted = github.addComment(
      42,
      '<!-- schema-drift-action:schema-drift -->\n### ✅ Migrations: No migration changes',
      'mallory',
    );
    const run = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
    });
    expect(run.outcome.comment?.action).toBe('created');
    expect(run.outcome.comment?.id).not.toBe(planted.id);
    expect(github.comments.find((c) => c.id === planted.id)?.body).toBe(
      '<!-- schema-drift-action:schema-drift -->\n### ✅ Migrations: No migration changes',
    );
    expect(github.comments.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
    expect(run.core.logs).toContain('PR comment author: github-actions[bot] (from GraphQL viewer)');
  });

  it('fails a PR that edits a migration already on the base branch, at that file', async () => {
    const { repo, base, head } = editedRepo();
    const { outcome } = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
    });
    expect(outcome.result?.conclusion).toBe('failure');
    const [run] = [...github.checkRuns.values()];
    expect(run?.conclusion).toBe('failure');
    expect(run?.annotations).toEqual([
      expect.objectContaining({
        path: 'migrations/versions/r2.py',
        start_line: REVISION_LINE,
        annotation_level: 'failure',
        title: 'schema-drift: edited-after-apply',
        message: expect.stringContaining('revision r2, which is already on main'),
      }),
    ]);
    expect(outcome.result?.productionSkipped).toMatch(/no database is configured/);
  });

  it('passes a clean PR with its new migration listed and no annotations', async () => {
    const { repo, base, head } = cleanRepo();
    const { outcome, core } = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
    });
    expect(outcome.result?.conclusion).toBe('success');
    expect(outcome.result?.added.map((r) => r.id)).toEqual(['r4']);
    const [run] = [...github.checkRuns.values()];
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success', title: '1 new migration, graph OK' });
    expect(run?.annotations).toEqual([]);
    expect(core.failed).toEqual([]);
    expect(core.summaries[0]).toContain('Migrations in this pull request (1');
    // Created in_progress first, so a crash would leave a visible run.
    const create = github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs'));
    expect(JSON.parse(create?.text ?? '{}').status).toBe('in_progress');
  });

  it('fails with a fetch-depth: 0 hint when the base commit is not in a shallow clone', async () => {
    const { repo, base, head } = cleanRepo();
    const shallow = createPrRepo(['x']);
    repos.push(shallow);
    shallow.remove();
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow.dir]);
    const merge = repo.git('rev-parse', 'HEAD');
    expect(execFileSync('git', ['-C', shallow.dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()).not.toBe(base);
    execFileSync('git', ['-C', shallow.dir, '-c', 'advice.detachedHead=false', 'checkout', '-q', '--detach', merge]);
    const { outcome } = await runMode({
      root: shallow.dir,
      event: eventFixture('pull_request.opened', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
    });
    expect(outcome.result?.conclusion).toBe('failure');
    const finding = outcome.result?.findings.find((f) => f.kind === 'base-unavailable');
    expect(finding?.message).toMatch(/shallow clone; set `fetch-depth: 0`/);
  });
});

describe('pull-request mode on forks and Dependabot (read-only token)', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN, readOnly: true });
  });
  afterAll(() => github.close());

  it('lints a fork PR, makes no write attempts and fails the job with annotations on the files', async () => {
    const { repo, base, head } = twoHeadsRepo();
    github.requests.length = 0;
    const { outcome, core } = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.fork', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
      // Secrets are empty on forks; even a configured database must not be tried.
      inputs: { 'database-url': 'postgres://user:pw@127.0.0.1:1/prod' },
    });
    expect(github.writes()).toEqual([]);
    expect(outcome.readOnly).toMatch(/fork outside-contrib\/billing/);
    expect(outcome.result?.conclusion).toBe('failure');
    expect(outcome.result?.productionSkipped).toMatch(/production cannot be reached/);
    expect(outcome.result?.findings.some((f) => f.kind === 'production-unavailable')).toBe(false);
    expect(core.failed).toHaveLength(1);
    expect(core.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        props: expect.objectContaining({ file: 'migrations/versions/p1.py', startLine: REVISION_LINE }),
      }),
    );
    expect(core.summaries[0]).toContain('production comparison skipped');
  });

  it('passes a clean Dependabot PR without any request that would be refused', async () => {
    const { repo, base, head } = cleanRepo();
    github.requests.length = 0;
    const { outcome, core } = await runMode({
      root: repo.dir,
      event: eventFixture('pull_request.dependabot', { base, head }),
      apiUrl: github.url,
      token: TOKEN,
    });
    expect(github.requests).toEqual([]);
    expect(outcome.readOnly).toMatch(/Dependabot/);
    expect(outcome.result?.conclusion).toBe('success');
    expect(core.failed).toEqual([]);
  });
});

describe('pull-request mode when the workflow forgot the write permissions', () => {
  it('warns naming the missing permission, annotates through the workflow and still fails on errors', async () => {
    const github = await startGitHubServer({ token: TOKEN, readOnly: true });
    try {
      const { repo, base, head } = editedRepo();
      const { outcome, core } = await runMode({
        root: repo.dir,
        event: eventFixture('pull_request.opened', { base, head }),
        apiUrl: github.url,
        token: TOKEN,
      });
      // One refused create and one refused comment; no completion attempt for a run that does not exist.
      expect(github.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /repos/acme-corp/billing/check-runs',
        'POST /repos/acme-corp/billing/issues/42/comments',
      ]);
      expect(outcome.publishErrors).toEqual([
        expect.stringContaining('grant `permissions: checks: write`'),
        expect.stringContaining('grant `permissions: pull-requests: write`'),
      ]);
      expect(core.annotations).toContainEqual(
        expect.objectContaining({
          level: 'error',
          props: expect.objectContaining({ file: 'migrations/versions/r2.py' }),
        }),
      );
      expect(core.failed).toEqual([expect.stringContaining('edited-after-apply')]);
    } finally {
      await github.close();
    }
  });
});
