// The sticky pull-request comment: one per check name, found again by a hidden HTML marker and updated in place.

import { type GitHubApi, nextPage } from '../pull-request/github-api.js';
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
}

/** Updates the comment holding `marker`, or creates it; pages through every comment of the pull request. */
export async function upsertStickyComment(
  api: GitHubApi,
  repo: Repo,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<StickyResult> {
  const base = `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/issues`;
  let url: string | null = `${base}/${issueNumber}/comments?per_page=100`;
  while (url !== null) {
    const page: { data: IssueComment[]; headers: Headers } = await api.request<IssueComment[]>('GET', url);
    // At the start only: a comment that merely quotes our marker is someone else's.
    const ours = page.data.find((c) => c.body?.startsWith(marker));
    if (ours) {
      await api.request('PATCH', `${base}/comments/${ours.id}`, { body });
      return { action: 'updated', id: ours.id };
    }
    url = nextPage(page.headers);
  }
  const { data } = await api.request<IssueComment>('POST', `${base}/${issueNumber}/comments`, { body });
  return { action: 'created', id: data.id };
}
