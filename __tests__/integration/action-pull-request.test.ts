// The pull-request check through the BUILT action (dist/index.js) as the GitHub runner starts it: a
// `pull_request` event payload at GITHUB_EVENT_PATH, the loopback GitHub REST server as GITHUB_API_URL, a real git
// repository (base branch, PR branch, GitHub's merge commit checked out) as GITHUB_WORKSPACE, and the inputs with
// action.yml's defaults filled in as the runner does. One scenario per test, each run twice like a PR push.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrRepo, eventFixture, type PrRepo, REVISION_LINE } from '../pull-request/pr-repo.js';
import { actionInputDefaults } from '../support/action-metadata.js';
import { type GitHubServer, type StoredCheckRun, startGitHubServer } from '../support/github-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { type ActionRun, ensureActionBuilt, runAction } from '../support/run-action.js';

const serverMissing = (await pgServerUnavailable()) !== null;
const TOKEN = 'ghs_actionPrToken0123456789abcdef';
const MARKER = '<!-- schema-drift-action:schema-drift -->';
const scratch = mkdtempSync(join(tmpdir(), 'sd-action-pr-'));
const repos: PrRepo[] = [];
let runCounter = 0;

/** action.yml's input defaults (strict YAML loader), as the runner passes them (`${{ github.token }}` evaluated to the token). */
function actionDefaults(token: string): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, value] of actionInputDefaults()) {
    if (value === undefined) continue;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression in action.yml, not a JS template.
    defaults[name] = value === '${{ github.token }}' ? token : value;
  }
  return defaults;
}

interface WorkflowCommand {
  command: string;
  props: Record<string, string>;
  message: string;
}

/** `::error file=a,line=9::msg` lines from stdout, unescaped as the runner does. */
function workflowCommands(stdout: string): WorkflowCommand[] {
  const unescapeCommand = (s: string) =>
    s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const props: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      props[pair.slice(0, at)] = unescapeCommand(pair.slice(at + 1));
    }
    commands.push({ command: match[1] ?? '', props, message: unescapeCommand(match[3] ?? '') });
  }
  return commands;
}

interface PrRun {
  run: ActionRun;
  commands: WorkflowCommand[];
}

interface RunOptions {
  repo: PrRepo;
  event: Record<string, unknown>;
  github: GitHubServer;
  eventName?: string;
  inputs?: Record<string, string>;
}

/** Runs dist/index.js on the repository's checked-out commit for one event, as the runner would. */
async function runPr({ repo, event, github, eventName = 'pull_request', inputs = {} }: RunOptions): Promise<PrRun> {
  runCounter += 1;
  const eventPath = join(scratch, `event-${runCounter}.json`);
  writeFileSync(eventPath, JSON.stringify(event));
  const number = (event.pull_request as { number: number }).number;
  const run = await runAction({
    workspace: repo.dir,
    inputs: { ...actionDefaults(TOKEN), migrations: 'alembic.ini', ...inputs },
    env: {
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme-corp/billing',
      GITHUB_RUN_ID: `${7000 + runCounter}`,
      GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
      GITHUB_REF: `refs/pull/${number}/merge`,
      GITHUB_ACTOR: 'octocat',
    },
  });
  return { run, commands: workflowCommands(run.stdout) };
}

/** The same run pushed twice (opened, then synchronize); both runs' results. */
async function runTwice(options: Omit<RunOptions, 'event'>, shas: { base: string; head: string }, fixture?: string) {
  const first = await runPr({ ...options, event: eventFixture(fixture ?? 'pull_request.opened', shas) });
  const second = await runPr({ ...options, event: eventFixture(fixture ?? 'pull_request.synchronize', shas) });
  return [first, second] as const;
}

function newRepo(ids: string[]): PrRepo {
  const repo = createPrRepo(ids);
  repos.push(repo);
  return repo;
}

/** main: r1 ← r2 ← r3 (`ids`); a PR branch applies `change`; GitHub's merge commit is checked out. */
function prRepo(change: (repo: PrRepo) => void, ids = ['r1', 'r2', 'r3']) {
  const repo = newRepo(ids);
  const base = repo.git('rev-parse', 'HEAD');
  repo.git('checkout', '-q', '-b', 'pr');
  change(repo);
  const head = repo.commit('pr change');
  repo.checkoutMerge('main', 'pr');
  return { repo, base, head };
}

/** main: r1 ← r2; the PR adds p1 ← r2 while main moves on with r3 ← r2: two heads after the merge. */
function twoHeadsRepo() {
  const repo = newRepo(['r1', 'r2']);
  repo.git('checkout', '-q', '-b', 'add-due-dates');
  repo.migration('p1', 'r2', 'add invoice due dates');
  const head = repo.commit('add p1');
  repo.git('checkout', '-q', 'main');
  repo.migration('r3', 'r2', 'add customers');
  const base = repo.commit('add r3');
  repo.checkoutMerge('main', 'add-due-dates');
  return { repo, base, head };
}

const editFile = (rel: string) => (r: PrRepo) => r.write(rel, r.read(rel).replace('select 1', 'select 9'));

const lastCheckRun = (github: GitHubServer): StoredCheckRun | undefined => [...github.checkRuns.values()].at(-1);
/** The action's comments: posted by the token's bot user and carrying the marker. */
const ourComments = (github: GitHubServer) =>
  github.comments.filter((c) => c.user.type === 'Bot' && c.body.includes(MARKER));
const commentWrites = (github: GitHubServer) =>
  github
    .writes()
    .filter((r) => r.path.includes('/comments'))
    .map((r) => `${r.method} ${r.path}`);
/** Created on the first run, updated in place on the second. */
const createdThenUpdated = (github: GitHubServer, issue: number) => [
  `POST /repos/acme-corp/billing/issues/${issue}/comments`,
  `PATCH /repos/acme-corp/billing/issues/comments/${ourComments(github)[0]?.id}`,
];
const failures = (commands: WorkflowCommand[]) => commands.filter((c) => c.command === 'error');

beforeAll(async () => {
  const build = await ensureActionBuilt();
  if (build.built) console.info(`built dist/ in ${build.durationMs} ms`);
}, 280_000);

afterAll(() => {
  for (const repo of repos) repo.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe('built action on pull_request with a write token', () => {
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

  it('fails a PR adding a migration on an old parent, annotating its file and line, with one comment after two runs', async () => {
    const { repo, base, head } = twoHeadsRepo();
    const runs = await runTwice({ repo, github }, { base, head });

    for (const { run, commands } of runs) {
      expect(run.code, run.stderr).toBe(1);
      // The step fails with the verdict; the findings ride on the check run, not twice as workflow annotations.
      expect(failures(commands)).toEqual([
        expect.objectContaining({ props: {}, message: expect.stringMatching(/^Migration check failed: /) }),
      ]);
      expect(run.outputs['codebase-head']).toBe('p1,r3');
      expect(run.summary).toContain('### ❌ Migrations:');
      expect(run.summary).toContain('**multiple-heads** Migration `p1`');
      expect(run.summary).toContain('`migrations/versions/p1.py:9`');
      expect(run.summary).toContain('production comparison skipped: no database is configured');
    }
    expect(github.checkRuns.size).toBe(2);
    const check = lastCheckRun(github);
    expect(check).toMatchObject({ name: 'schema-drift', head_sha: head, status: 'completed', conclusion: 'failure' });
    expect(check?.title).toBe('1 migration error: multiple-heads');
    expect(check?.summary).toContain('**multiple-heads**');
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: 'migrations/versions/p1.py',
        start_line: REVISION_LINE,
        annotation_level: 'failure',
        title: 'schema-drift: multiple-heads',
        message: expect.stringContaining('alembic merge -m "merge heads" p1 r3'),
      }),
    ]);
    expect(ourComments(github)).toHaveLength(1);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('**multiple-heads** Migration `p1`');
    expect(commentWrites(github)).toEqual(createdThenUpdated(github, 42));
  });

  it('fails a PR editing a migration already on the base branch when no production is configured', async () => {
    const { repo, base, head } = prRepo(editFile('migrations/versions/r2.py'));
    const runs = await runTwice({ repo, github }, { base, head });

    for (const { run, commands } of runs) {
      expect(run.code, run.stderr).toBe(1);
      expect(failures(commands).map((c) => c.message)).toEqual([
        'Migration check failed: 1 migration error: edited-after-apply',
      ]);
      expect(run.summary).toContain('**edited-after-apply**');
      expect(run.summary).toContain('`migrations/versions/r2.py:9`');
    }
    const check = lastCheckRun(github);
    expect(check).toMatchObject({
      head_sha: head,
      status: 'completed',
      conclusion: 'failure',
      title: '1 migration error: edited-after-apply',
    });
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: 'migrations/versions/r2.py',
        start_line: REVISION_LINE,
        annotation_level: 'failure',
        title: 'schema-drift: edited-after-apply',
        message: expect.stringContaining('revision r2, which is already on main'),
      }),
    ]);
    expect(ourComments(github)).toHaveLength(1);
  });

  it('passes a clean PR: exit 0, success without annotations, its migration listed, one comment after two runs', async () => {
    const { repo, base, head } = prRepo((r) => r.migration('r4', 'r3', 'add due dates'));
    const other = github.addComment(42, `Looks fine to me; the bot says ${MARKER} in its comments`);
    const runs = await runTwice({ repo, github }, { base, head });

    for (const { run, commands } of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(failures(commands)).toEqual([]);
      expect(commands.filter((c) => c.command === 'warning')).toEqual([]);
      expect(run.outputs['codebase-head']).toBe('r4');
      expect(run.summary).toContain('### ✅ Migrations: 1 new migration, graph OK');
      expect(run.summary).toContain('Migrations in this pull request (1, in apply order)');
      expect(run.summary).toContain('`migrations/versions/r4.py:9`');
    }
    expect(github.checkRuns.size).toBe(2);
    for (const check of github.checkRuns.values()) {
      expect(check).toMatchObject({
        head_sha: head,
        status: 'completed',
        conclusion: 'success',
        title: '1 new migration, graph OK',
        annotations: [],
      });
    }
    // Created in_progress, then completed: a crashed run would stay visible.
    const creates = github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs'));
    expect(creates.map((r) => JSON.parse(r.text).status)).toEqual(['in_progress', 'in_progress']);
    const ours = ourComments(github);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain('1 new migration, graph OK');
    expect(github.comments.find((c) => c.id === other.id)?.body).toBe(
      `Looks fine to me; the bot says ${MARKER} in its comments`,
    );
    expect(commentWrites(github)).toEqual(createdThenUpdated(github, 42));
  });

  it('keeps the token out of everything printed and published', async () => {
    const { repo, base, head } = prRepo((r) => r.migration('r4', 'r3'));
    const { run } = await runPr({ repo, github, event: eventFixture('pull_request.opened', { base, head }) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.masked).toContain(TOKEN);
    const printed = [run.visibleStdout, run.stderr, run.summary, ...github.requests.map((r) => r.text)].join('\n');
    expect(printed).not.toContain(TOKEN);
    // …while every request carried it.
    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});

describe.skipIf(serverMissing)('built action on pull_request against a PostgreSQL 15 production', () => {
  let github: GitHubServer;
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    [github, db] = await Promise.all([startGitHubServer({ token: TOKEN }), createServerDatabase('sd_action_pr')]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('create table alembic_version (version_num varchar(32) primary key)');
      await client.query("insert into alembic_version values ('r2')");
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await github?.close();
    await db?.drop();
  });

  it('fails a PR editing a migration production already ran, saying so at its file and line', async () => {
    const { repo, base, head } = prRepo(editFile('migrations/versions/r1.py'));
    const runs = await runTwice({ repo, github, inputs: { 'database-url': db.url } }, { base, head });

    for (const { run } of runs) {
      expect(run.code, run.stderr).toBe(1);
      expect(run.outputs['production-version']).toBe('r2');
      expect(run.summary).toContain('revision r1 already ran in production; add a new migration instead');
      expect(run.summary).toContain('Plan against `production` (1 to apply after merging, in order)');
      expect(run.masked).toContain(db.url);
    }
    const check = lastCheckRun(github);
    expect(check).toMatchObject({
      head_sha: head,
      status: 'completed',
      conclusion: 'failure',
      title: '1 migration error: edited-after-apply',
    });
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: 'migrations/versions/r1.py',
        start_line: REVISION_LINE,
        annotation_level: 'failure',
        title: 'schema-drift: edited-after-apply',
        message: expect.stringMatching(/^revision r1 already ran in production; add a new migration instead/),
      }),
    ]);
    expect(ourComments(github)).toHaveLength(1);
    expect(ourComments(github)[0]?.body).toContain('revision r1 already ran in production');
    // The database password reaches neither the log, the summary nor GitHub.
    const published = [
      ...runs.flatMap(({ run }) => [run.visibleStdout, run.stderr, run.summary]),
      ...github.requests.map((r) => r.text),
    ].join('\n');
    expect(published).not.toContain('postgres:postgres@');
  });
});

describe('built action on fork and Dependabot pull requests (read-only token, no secrets)', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN, readOnly: true });
  });
  afterAll(() => github.close());

  it('makes no write request at all and fails the job itself, with annotations on the files', async () => {
    const { repo, base, head } = twoHeadsRepo();
    const runs = await runTwice(
      // Secrets are empty on forks; even a configured database must not be tried.
      { repo, github, inputs: { 'database-url': 'postgres://reader:pw@127.0.0.1:1/prod' } },
      { base, head },
      'pull_request.fork',
    );

    expect(github.writes()).toEqual([]);
    expect(github.requests).toEqual([]);
    for (const { run, commands } of runs) {
      expect(run.code, run.stderr).toBe(1);
      expect(commands).toContainEqual(
        expect.objectContaining({
          command: 'notice',
          message: expect.stringMatching(/^Check run and PR comment skipped: .*fork outside-contrib\/billing/),
        }),
      );
      const errors = failures(commands);
      expect(errors).toContainEqual({
        command: 'error',
        props: expect.objectContaining({
          title: 'schema-drift: multiple-heads',
          file: 'migrations/versions/p1.py',
          line: String(REVISION_LINE),
        }),
        message: expect.stringContaining('`r3`'),
      });
      expect(errors.at(-1)?.message).toMatch(/^Migration check failed: /);
      expect(run.summary).toContain('### ❌ Migrations:');
      expect(run.summary).toContain('production comparison skipped');
      expect(run.summary).toContain('production cannot be reached');
      expect(run.summary).not.toContain('production-unavailable');
    }
  });

  it('passes a clean Dependabot PR with exit 0 and no request to GitHub', async () => {
    github.requests.length = 0;
    const { repo, base, head } = prRepo((r) => r.migration('r4', 'r3'));
    const { run, commands } = await runPr({
      repo,
      github,
      event: eventFixture('pull_request.dependabot', { base, head }),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(github.requests).toEqual([]);
    expect(failures(commands)).toEqual([]);
    expect(commands).toContainEqual(
      expect.objectContaining({ command: 'notice', message: expect.stringContaining('Dependabot') }),
    );
    expect(run.summary).toContain('### ✅ Migrations: 1 new migration, graph OK');
  });
});

describe('built action on other events', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
  });
  afterAll(() => github.close());
  afterEach(() => {
    github.requests.length = 0;
  });

  it('refuses pull_request_target, explaining why, without touching GitHub', async () => {
    const { repo, base, head } = prRepo((r) => r.migration('r4', 'r3'));
    const { run, commands } = await runPr({
      repo,
      github,
      eventName: 'pull_request_target',
      event: eventFixture('pull_request.opened', { base, head }),
    });
    expect(run.code).toBe(1);
    expect(failures(commands)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /does not run on pull_request_target: .*untrusted code must not run with secrets.*`on: pull_request`/,
        ),
      }),
    ]);
    expect(github.requests).toEqual([]);
    expect(run.summary).toBe('');
  });

  it.skipIf(serverMissing)('runs the monitor check on schedule, ignoring a pull-request payload', async () => {
    const db = await createServerDatabase('sd_action_sched');
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('create table alembic_version (version_num varchar(32) primary key)');
      await client.query("insert into alembic_version values ('r2')");
      await client.end();
      const { repo, base, head } = prRepo((r) => r.migration('r4', 'r3'));
      repo.git('checkout', '-q', 'main');
      const { run, commands } = await runPr({
        repo,
        github,
        eventName: 'schedule',
        // A stale payload at GITHUB_EVENT_PATH must not switch the mode: the event name decides.
        event: eventFixture('pull_request.opened', { base, head }),
        inputs: { 'database-url': db.url },
      });
      expect(run.code, run.stderr).toBe(1);
      expect(run.outputs).toMatchObject({
        status: 'drift',
        'drift-detected': 'true',
        'codebase-head': 'r3',
        'production-version': 'r2',
        'pending-count': '1',
      });
      expect(failures(commands).at(-1)?.message).toMatch(/^Schema drift in production: /);
      expect(run.summary).not.toContain('Migrations:');
      expect(github.requests).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
