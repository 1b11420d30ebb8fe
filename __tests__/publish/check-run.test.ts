import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/migrations/finding.js';
import { CheckRunPublisher, checkAnnotations, fitOutput } from '../../src/publish/check-run.js';
import { createGitHubApi, GitHubApiError } from '../../src/pull-request/github-api.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';

const TOKEN = 'ghs_checkruntoken';
const repo = { owner: 'acme-corp', repo: 'billing' };

function findings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    severity: i % 3 === 0 ? 'warning' : 'error',
    kind: 'missing-parent',
    message: `finding ${i}`,
    file: `migrations/versions/f${i}.py`,
    line: i + 1,
  }));
}

describe('checkAnnotations', () => {
  it('maps severities to check levels, errors first, and leaves out findings without a file', () => {
    const out = checkAnnotations([
      { severity: 'notice', kind: 'n', message: 'n', file: 'a.py', line: 3 },
      { severity: 'warning', kind: 'w', message: 'w', file: 'b.py' },
      { severity: 'error', kind: 'e', message: 'e', file: 'c.py', line: 7 },
      { severity: 'error', kind: 'no-file', message: 'x' },
    ]);
    expect(out.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['c.py', 7, 'failure'],
      ['b.py', 1, 'warning'],
      ['a.py', 3, 'notice'],
    ]);
  });

  it('cuts a title to 255 characters and a summary to 65,535', () => {
    const out = fitOutput('t'.repeat(400), 's'.repeat(70_000));
    expect(Array.from(out.title)).toHaveLength(255);
    expect(out.summary.length).toBeLessThanOrEqual(65_535);
    expect(out.summary).toContain('truncated');
  });
});

describe('CheckRunPublisher against the GitHub server', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
  });
  afterAll(() => github.close());
  beforeEach(() => {
    github.requests.length = 0;
  });

  it('creates the run in_progress and sends 120 annotations as 50 + 50 + 20, completing with the last batch', async () => {
    const publisher = new CheckRunPublisher(createGitHubApi({ baseUrl: github.url, token: TOKEN }), repo);
    const id = await publisher.start('schema-drift', 'a'.repeat(40));
    expect(github.checkRuns.get(id)?.status).toBe('in_progress');
    const requests = await publisher.complete(id, 'failure', {
      title: 'x'.repeat(300),
      summary: 'y'.repeat(70_000),
      annotations: checkAnnotations(findings(120)),
    });
    const run = github.checkRuns.get(id);
    expect(requests).toBe(3);
    expect(run?.batches).toEqual([50, 50, 20]);
    expect(run?.annotations).toHaveLength(120);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const patches = github.requests.filter((r) => r.method === 'PATCH').map((r) => JSON.parse(r.text));
    expect(patches.map((p) => p.status)).toEqual([undefined, undefined, 'completed']);
  });

  it('completes a run without annotations in one request', async () => {
    const publisher = new CheckRunPublisher(createGitHubApi({ baseUrl: github.url, token: TOKEN }), repo);
    const id = await publisher.start('schema-drift', 'b'.repeat(40));
    expect(await publisher.complete(id, 'success', { title: 'ok', summary: 'ok', annotations: [] })).toBe(1);
    expect(github.checkRuns.get(id)?.conclusion).toBe('success');
  });

  it('throws a 403 GitHubApiError naming the request when the token is read-only', async () => {
    const readOnly = await startGitHubServer({ token: TOKEN, readOnly: true });
    try {
      const publisher = new CheckRunPublisher(createGitHubApi({ baseUrl: readOnly.url, token: TOKEN }), repo);
      const error = await publisher.start('schema-drift', 'c'.repeat(40)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitHubApiError);
      expect((error as GitHubApiError).status).toBe(403);
      expect((error as Error).message).toBe(
        'POST /repos/acme-corp/billing/check-runs: 403 Resource not accessible by integration',
      );
      expect((error as Error).message).not.toContain(TOKEN);
    } finally {
      await readOnly.close();
    }
  });
});
