import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  commentBody,
  commentMarker,
  type TokenIdentity,
  tokenIdentity,
  upsertStickyComment,
} from '../../src/publish/pr-comment.js';
import { createGitHubApi } from '../../src/pull-request/github-api.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';

const TOKEN = 'ghs_commenttoken';
const repo = { owner: 'acme-corp', repo: 'billing' };
const actionsBot: TokenIdentity = { login: 'github-actions[bot]', bot: true, source: 'graphql' };

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
    const created = await upsertStickyComment(api(), repo, 7, marker, `${marker}\nfirst`, actionsBot);
    for (let i = 0; i < 30; i++) github.addComment(7, `more ${i}`);
    const updated = await upsertStickyComment(api(), repo, 7, marker, `${marker}\nsecond`, actionsBot);
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
    await upsertStickyComment(api(), repo, 8, a, `${a}\nA`, actionsBot);
    await upsertStickyComment(api(), repo, 8, b, `${b}\nB`, actionsBot);
    await upsertStickyComment(api(), repo, 8, a, `${a}\nA2`, actionsBot);
    expect(github.comments.map((c) => c.body)).toEqual([`${a}\nA2`, `${b}\nB`]);
  });
});

describe('sticky comment ownership', () => {
  const marker = commentMarker('schema-drift');
  const servers: GitHubServer[] = [];
  async function server(options: Partial<Parameters<typeof startGitHubServer>[0]> = {}) {
    const github = await startGitHubServer({ token: TOKEN, ...options });
    servers.push(github);
    const api = createGitHubApi({ baseUrl: github.url, token: TOKEN });
    return { github, api, graphql: `${github.url}/graphql` };
  }
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('finds the GITHUB_TOKEN bot through GraphQL after GET /user answers 403', async () => {
    const { api, graphql, github } = await server();
    expect(await tokenIdentity(api, graphql)).toEqual({ login: 'github-actions[bot]', bot: true, source: 'graphql' });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user', 'POST /graphql']);
  });

  it("finds an app's bot and a user's token", async () => {
    const app = await server({ identity: { login: 'acme-drift[bot]', type: 'Bot' } });
    expect(await tokenIdentity(app.api, app.graphql)).toMatchObject({ login: 'acme-drift[bot]', bot: true });
    const user = await server({ identity: { login: 'release-manager', type: 'User' } });
    expect(await tokenIdentity(user.api, user.graphql)).toEqual({
      login: 'release-manager',
      bot: false,
      source: 'user',
    });
  });

  it('assumes github-actions[bot] when GitHub refuses to say who the token is', async () => {
    const { api, graphql } = await server({ identityEndpoints: 'forbidden' });
    expect(await tokenIdentity(api, graphql)).toEqual({ login: 'github-actions[bot]', bot: true, source: 'assumed' });
  });

  it("ignores our marker in a user's comment and in another bot's, creates its own, then updates only that", async () => {
    const { github, api, graphql } = await server();
    const planted = github.addComment(7, `${marker}\nAll migrations verified. Safe to merge.`, 'mallory');
    const otherBot = github.addComment(7, `${marker}\nfrom another app`, 'other-app[bot]', 'Bot');
    const author = await tokenIdentity(api, graphql);
    const created = await upsertStickyComment(api, repo, 7, marker, `${marker}\nfirst`, author);
    expect(created.action).toBe('created');
    expect(created.id).not.toBe(planted.id);
    const updated = await upsertStickyComment(api, repo, 7, marker, `${marker}\nsecond`, author);
    expect(updated).toEqual({ action: 'updated', id: created.id });
    expect(github.comments.map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${marker}\nAll migrations verified. Safe to merge.`],
      ['other-app[bot]', `${marker}\nfrom another app`],
      ['github-actions[bot]', `${marker}\nsecond`],
    ]);
    expect(github.writes().map((r) => `${r.method} ${r.path}`)).not.toContain(
      `PATCH /repos/acme-corp/billing/issues/comments/${planted.id}`,
    );
    expect(github.writes().map((r) => r.path)).not.toContain(`/repos/acme-corp/billing/issues/comments/${otherBot.id}`);
  });

  it("does not take a user's comment for the bot's even with the same login spelled as a user", async () => {
    const { github, api, graphql } = await server({ identity: { login: 'acme-drift[bot]', type: 'Bot' } });
    github.addComment(9, `${marker}\nforged`, 'acme-drift', 'User');
    const ours = await upsertStickyComment(api, repo, 9, marker, `${marker}\nreal`, await tokenIdentity(api, graphql));
    expect(ours.action).toBe('created');
    expect(github.comments.map((c) => c.user.login)).toEqual(['acme-drift', 'acme-drift[bot]']);
  });
});
