// The facts the check needs from a `pull_request` event payload (GITHUB_EVENT_PATH).
import { z } from 'zod';

export interface PullRequestContext {
  number: number;
  /** Base repository owner and name: where check runs and comments go. */
  owner: string;
  repo: string;
  baseSha: string;
  baseRef: string;
  headSha: string;
  headRef: string;
  headRepo: string;
  author: string;
  /** The head lives in another repository: GitHub gives a read-only token and no secrets. */
  fork: boolean;
  /** Opened by Dependabot: read-only token and only Dependabot secrets on `pull_request`. */
  dependabot: boolean;
  htmlUrl: string;
}

const sha = z.string().regex(/^[0-9a-f]{40,64}$/, 'a commit sha');
const repoShape = z.object({ full_name: z.string() });
const payload = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    html_url: z.string().optional(),
    user: z.object({ login: z.string() }).optional(),
    base: z.object({ sha, ref: z.string(), repo: repoShape }),
    head: z.object({ sha, ref: z.string(), repo: repoShape.nullable() }),
  }),
  sender: z.object({ login: z.string() }).optional(),
});

const DEPENDABOT = 'dependabot[bot]';

/** Reads the pull request from an event payload; throws naming the first missing or bad field. */
export function pullRequestFromEvent(event: unknown, actor?: string): PullRequestContext {
  const parsed = payload.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Could not read the pull_request event: ${issue?.path.join('.') || '(payload)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const pr = parsed.data.pull_request;
  const [owner, repo] = pr.base.repo.full_name.split('/');
  if (!owner || !repo) {
    throw new Error(
      `Could not read the pull_request event: base.repo.full_name ${JSON.stringify(pr.base.repo.full_name)}`,
    );
  }
  // A deleted fork has head.repo null: it was not the base repository either way.
  const headRepo = pr.head.repo?.full_name ?? '';
  const author = pr.user?.login ?? '';
  return {
    number: pr.number,
    owner,
    repo,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    headRepo,
    author,
    fork: headRepo.toLowerCase() !== pr.base.repo.full_name.toLowerCase(),
    dependabot: author === DEPENDABOT || actor === DEPENDABOT || parsed.data.sender?.login === DEPENDABOT,
    htmlUrl: pr.html_url ?? '',
  };
}
