// The sticky pull-request comment: one per check name, found again by a hidden HTML marker and updated in place —
// only a comment the token's own identity wrote: anyone can paste our marker into a comment of theirs, and we must
// never rewrite someone else's words (nor let them park the verdict under their name).

import { type GitHubApi, GitHubApiError, nextPage } from '../pull-request/github-api.js';
import { GITHUB_LIMITS, truncateUtf8 } from '../report/limits.js';
import type { Repo } from './check-run.js';

/** The hidden marker that identifies our comment; the key keeps two jobs (say, two environments) apart. */
export function commentMarker(key: string): string {
  return `<!-- schema-drift-action:${key.replace(/--|[<>]/g, '_')} -->`;
}

/** Marker + Markdown, at most 65,536 characters; when longer, cut and ended with a link to the run. */
export function commentBody(markdown: string, marker: string, runUrl?: string): string {
  const body = `${marker}\n${markdown}`;
  const max = GITHUB_LIMITS.commentChars;
  if (body.length <= max && Buffer.byteLength(body) <= max) return body;
  const link = runUrl && /^https?:\/\//.test(runUrl) ? `[the run](${encodeURI(runUrl)})` : 'the run';
  return truncateUtf8(body, max, `\n\n… truncated: the full report is in ${link}.\n`);
}

export interface StickyResult {
  action: 'created' | 'updated';
  id: number;
}

interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string; type?: string } | null;
}

/** Who the token is, as comment authors are spelled in REST (`github-actions[bot]`, `my-app[bot]`, `octocat`). */
export interface TokenIdentity {
  login: string;
  bot: boolean;
  /** How it was found: `user` (GET /user), `graphql` (viewer), or `assumed` (both refused: the GITHUB_TOKEN's bot). */
  source: 'user' | 'graphql' | 'assumed';
}

/** The GITHUB_TOKEN's author; assumed only when GitHub tells us nothing about the token. */
const ACTIONS_BOT: TokenIdentity = { login: 'github-actions[bot]', bot: true, source: 'assumed' };

/**
 * The identity of the token: GET /user for a user's token; an installation token (the GITHUB_TOKEN or an app's) gets
 * 403 there, so then GraphQL `viewer { login }` (which spells a bot without "[bot]"). When both are refused, the
 * GITHUB_TOKEN's `github-actions[bot]`: a comment by anyone else is then never taken for ours either.
 */
export async function tokenIdentity(api: GitHubApi, graphqlUrl: string): Promise<TokenIdentity> {
  try {
    const { data } = await api.request<{ login?: unknown; type?: unknown }>('GET', '/user');
    if (typeof data?.login === 'string' && data.login !== '') {
      return { login: data.login, bot: data.type === 'Bot', source: 'user' };
    }
  } catch (error) {
    if (!(error instanceof GitHubApiError) || (error.status !== 403 && error.status !== 401 && error.status !== 404))
      throw error;
  }
  try {
    const { data } = await api.request<{ data?: { viewer?: { login?: unknown } } }>('POST', graphqlUrl, {
      query: 'query { viewer { login } }',
    });
    const login = data?.data?.viewer?.login;
    // A user token answered /user above; here it is an installation, whose REST author is "<slug>[bot]".
    if (typeof login === 'string' && login !== '') {
      return { login: login.endsWith('[bot]') ? login : `${login}[bot]`, bot: true, source: 'graphql' };
    }
  } catch (error) {
    if (!(error instanceof GitHubApiError) || error.status < 400 || error.status >= 500) throw error;
  }
  return ACTIONS_BOT;
}

/** True when `comment` was written by `identity` (logins compare case-insensitively, as GitHub's do). */
export function writtenBy(comment: IssueComment, identity: TokenIdentity): boolean {
  const login = comment.user?.login;
  if (typeof login !== 'string' || login.toLowerCase() !== identity.login.toLowerCase()) return false;
  return identity.bot ? comment.user?.type === 'Bot' : comment.user?.type !== 'Bot';
}

/**
 * Updates the comment holding `marker` that `author` wrote, or creates one; pages through every comment of the
 * pull request. A marker in anyone else's comment is ignored.
 */
export async function upsertStickyComment(
  api: GitHubApi,
  repo: Repo,
  issueNumber: number,
  marker: string,
  body: string,
  author: TokenIdentity,
): Promise<StickyResult> {
  const base = `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/issues`;
  let url: string | null = `${base}/${issueNumber}/comments?per_page=100`;
  while (url !== null) {
    const page: { data: IssueComment[]; headers: Headers } = await api.request<IssueComment[]>('GET', url);
    // At the start only (a comment that merely quotes our marker is someone else's), and written by this token.
    const ours = page.data.find((c) => c.body?.startsWith(marker) && writtenBy(c, author));
    if (ours) {
      await api.request('PATCH', `${base}/comments/${ours.id}`, { body });
      return { action: 'updated', id: ours.id };
    }
    url = nextPage(page.headers);
  }
  const { data } = await api.request<IssueComment>('POST', `${base}/${issueNumber}/comments`, { body });
  return { action: 'created', id: data.id };
}
