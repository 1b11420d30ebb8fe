import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commentBody, commentMarker, upsertStickyComment } from '../../src/publish/pr-comment.js';
import { createGitHubApi } from '../../src/pull-request/github-api.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';

const TOKEN = 'ghs_commenttoken';
const repo = { owner: 'acme-corp', repo: 'billing' };

describe('commentBody', () => {
  const marker = commentMarker('schema-drift');

  it('starts with the hidden marker and keeps short Markdown whole', () => {
    expect(commentBody('hello', marker)).toBe('<!-- schema-drift-action:schema-drift -->\nhello');
  });

  it('cuts a long body to 65,536 characters, ending with a link to the run', () => {
    const body = commentBody('a'.repeat(100_000), marker, 'https://github.com/o/r/actions/runs/1');
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(65_000);
    expect(body.startsWith(marker)).toBe(true);
    expect(
      body.endsWith('… truncated: the full report is in [the run](https://github.com/o/r/actions/runs/1).\n'),
    ).toBe(true);
  });

  it('keeps a marker key from closing the HTML comment early', () => {
    expect(commentMarker('a-->b')).toBe('<!-- schema-drift-action:a__b -->');
  });
});

describe('upsertStickyComment against the GitHub server', () => {
  let github: GitHubServer;
  const api = () => createGitHubApi({ baseUrl: github.url, token: TOKEN });
  beforeAll(async () => {
    github = await startGitHubServer({ token: TOKEN });
  });
  afterAll(() => github.close());
  beforeEach(() => {
    github.comments.length = 0;
    github.requests.length = 0;
  });

  it('finds its comment on a later page and updates it instead of adding another', async () => {
    const marker = commentMarker('schema-drift');
    for (let i = 0; i < 130; i++) github.addComment(7, `chatter ${i}`);
    const created = await upsertStickyComment(api(), repo, 7, marker, `${marker}\nfirst`);
    for (let i = 0; i < 30; i++) github.addComment(7, `more ${i}`);
    const updated = await upsertStickyComment(api(), repo, 7, marker, `${marker}\nsecond`);
    expect(created.action).toBe('created');
    expect(updated).toEqual({ action: 'updated', id: created.id });
    const ours = github.comments.filter((c) => c.body.startsWith(marker));
    expect(ours.map((c) => c.body)).toEqual([`${marker}\nsecond`]);
    // 130 + 1 comments at 100 per page: the second search reads page 2.
    expect(github.requests.filter((r) => r.method === 'GET').map((r) => r.query.get('page') ?? '1')).toEqual([
      '1',
      '2',
      '1',
      '2',
    ]);
  });

  it('keeps two check names in separate comments', async () => {
    const a = commentMarker('staging');
    const b = commentMarker('production');
    await upsertStickyComment(api(), repo, 8, a, `${a}\nA`);
    await upsertStickyComment(api(), repo, 8, b, `${b}\nB`);
    await upsertStickyComment(api(), repo, 8, a, `${a}\nA2`);
    expect(github.comments.map((c) => c.body)).toEqual([`${a}\nA2`, `${b}\nB`]);
  });
});
