// A loopback stand-in for the GitHub REST API (GITHUB_API_URL): check runs (create, update with annotation batches)
// and issue comments (list with Link pagination, create, update). It records every request, keeps state like GitHub
// does (annotations append across updates), validates the documented limits with 422s, and answers 403 to writes
// when started with a read-only token — as GitHub does for forks and Dependabot. The token belongs to an identity
// (default the GITHUB_TOKEN's `github-actions[bot]`): comments it creates carry that author, and `GET /user` and
// GraphQL `viewer` answer as GitHub does for it (403 "Resource not accessible by integration" on /user for a bot).
import { type RecordedRequest, startHttpServer, type TestHttpServer } from './http-server.js';

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  title: string;
  summary: string;
  annotations: Record<string, unknown>[];
  /** Number of annotations in each request that carried some. */
  batches: number[];
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
}

export interface GitHubServer {
  url: string;
  requests: RecordedRequest[];
  checkRuns: Map<number, StoredCheckRun>;
  comments: StoredComment[];
  /** Requests that write: other than GET, and other than a GraphQL query. */
  writes(): RecordedRequest[];
  /** Adds a comment as another user (to check we do not touch it); `type` 'Bot' for another app's bot. */
  addComment(issue: number, body: string, login?: string, type?: 'User' | 'Bot'): StoredComment;
  close(): Promise<void>;
}

export interface GitHubServerOptions {
  /** The only token accepted; others get 401. */
  token: string;
  /** Writes answer 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** Comments per page when the client does not ask (GitHub's default is 30). */
  pageSize?: number;
  /** Who the token is: REST login and type. Default `github-actions[bot]`, a Bot (the GITHUB_TOKEN). */
  identity?: { login: string; type: 'User' | 'Bot' };
  /** How the identity endpoints answer: `github` (as GitHub does; default) or `forbidden` (403 on both). */
  identityEndpoints?: 'github' | 'forbidden';
}

const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest',
  status: '403',
};

/** Starts the server on 127.0.0.1. */
export async function startGitHubServer(options: GitHubServerOptions): Promise<GitHubServer> {
  const checkRuns = new Map<number, StoredCheckRun>();
  const comments: StoredComment[] = [];
  let nextId = 1000;
  let http: TestHttpServer | undefined;
  const identity = options.identity ?? { login: 'github-actions[bot]', type: 'Bot' as const };

  const unprocessable = (message: string) => ({ status: 422, body: { message, status: '422' } });

  const validateOutput = (output: Record<string, unknown> | undefined) => {
    if (!output) return null;
    if (typeof output.title === 'string' && output.title.length > 255) return 'output.title is too long (maximum 255)';
    if (typeof output.summary === 'string' && output.summary.length > 65_535)
      return 'output.summary is too long (maximum is 65535 characters)';
    const annotations = output.annotations as unknown[] | undefined;
    if (annotations && annotations.length > 50) return 'output.annotations: maximum 50 per request';
    return null;
  };

  http = await startHttpServer((req) => {
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return { status: 401, body: { message: 'Bad credentials' } };
    }
    const parts = req.path.split('/').filter(Boolean);
    const isWrite = req.method !== 'GET';
    const json = req.text ? (JSON.parse(req.text) as Record<string, unknown>) : {};

    // GET /user: the user a user token belongs to; an installation token (GITHUB_TOKEN, an app's) gets 403.
    if (req.method === 'GET' && req.path === '/user') {
      if (identity.type === 'Bot' || options.identityEndpoints === 'forbidden') return { status: 403, body: FORBIDDEN };
      return { status: 200, body: { login: identity.login, id: 1, type: identity.type } };
    }
    // POST /graphql `{ viewer { login } }`: GraphQL spells a bot's login without the "[bot]" REST adds.
    if (req.method === 'POST' && req.path === '/graphql') {
      if (options.identityEndpoints === 'forbidden') return { status: 403, body: FORBIDDEN };
      if (!/viewer\s*\{\s*login/.test(String(json.query))) return unprocessable('only viewer { login } is served');
      return { status: 200, body: { data: { viewer: { login: identity.login.replace(/\[bot\]$/, '') } } } };
    }
    // A GraphQL query is a POST but reads; every other non-GET writes.
    if (isWrite && options.readOnly) return { status: 403, body: FORBIDDEN };

    // /repos/:owner/:repo/check-runs[/:id]
    if (parts[0] === 'repos' && parts[3] === 'check-runs') {
      if (req.method === 'POST' && parts.length === 4) {
        if (typeof json.name !== 'string' || typeof json.head_sha !== 'string')
          return unprocessable('name and head_sha are required');
        const output = json.output as Record<string, unknown> | undefined;
        const invalid = validateOutput(output);
        if (invalid) return unprocessable(invalid);
        const run: StoredCheckRun = {
          id: nextId++,
          name: json.name,
          head_sha: json.head_sha,
          status: String(json.status ?? 'queued'),
          conclusion: null,
          title: String(output?.title ?? ''),
          summary: String(output?.summary ?? ''),
          annotations: [],
          batches: [],
        };
        checkRuns.set(run.id, run);
        return { status: 201, body: { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status } };
      }
      if (req.method === 'PATCH' && parts.length === 5) {
        const run = checkRuns.get(Number(parts[4]));
        if (!run) return { status: 404, body: { message: 'Not Found' } };
        if (run.status === 'completed' && json.status === 'completed') {
          // GitHub accepts this; we keep it to catch double completion in tests.
          run.batches.push(-1);
        }
        const output = json.output as Record<string, unknown> | undefined;
        const invalid = validateOutput(output);
        if (invalid) return unprocessable(invalid);
        if (json.status === 'completed' && json.conclusion === undefined)
          return unprocessable('conclusion is required');
        if (json.status) run.status = String(json.status);
        if (json.conclusion) run.conclusion = String(json.conclusion);
        if (output?.title !== undefined) run.title = String(output.title);
        if (output?.summary !== undefined) run.summary = String(output.summary);
        const added = (output?.annotations as Record<string, unknown>[] | undefined) ?? [];
        if (added.length > 0) run.batches.push(added.length);
        run.annotations.push(...added);
        return { status: 200, body: { id: run.id, status: run.status, conclusion: run.conclusion } };
      }
    }

    // /repos/:owner/:repo/issues/:number/comments and /repos/:owner/:repo/issues/comments/:id
    if (parts[0] === 'repos' && parts[3] === 'issues') {
      if (parts[4] === 'comments' && parts.length === 6 && req.method === 'PATCH') {
        const comment = comments.find((c) => c.id === Number(parts[5]));
        if (!comment) return { status: 404, body: { message: 'Not Found' } };
        if (typeof json.body !== 'string') return unprocessable('body is required');
        if (json.body.length > 65_536) return unprocessable('body is too long (maximum is 65536 characters)');
        comment.body = json.body;
        return { status: 200, body: comment };
      }
      if (parts[5] === 'comments' && parts.length === 6) {
        const issue = Number(parts[4]);
        if (req.method === 'GET') {
          const perPage = Number(req.query.get('per_page') ?? options.pageSize ?? 30);
          const page = Number(req.query.get('page') ?? 1);
          const all = comments.filter((c) => c.issue === issue);
          const slice = all.slice((page - 1) * perPage, page * perPage);
          const headers: Record<string, string> = {};
          if (page * perPage < all.length) {
            headers.link = `<${http?.url}${req.path}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
          }
          return { status: 200, headers, body: slice };
        }
        if (req.method === 'POST') {
          if (typeof json.body !== 'string') return unprocessable('body is required');
          if (json.body.length > 65_536) return unprocessable('body is too long (maximum is 65536 characters)');
          const comment: StoredComment = {
            id: nextId++,
            issue,
            body: json.body,
            user: { ...identity },
          };
          comments.push(comment);
          return { status: 201, body: comment };
        }
      }
    }
    return { status: 404, body: { message: 'Not Found' } };
  });

  const server = http;
  return {
    url: server.url,
    requests: server.requests,
    checkRuns,
    comments,
    writes: () => server.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
    addComment(issue, body, login = 'octocat', type = 'User') {
      const comment: StoredComment = { id: nextId++, issue, body, user: { login, type } };
      comments.push(comment);
      return comment;
    },
    close: () => server.close(),
  };
}
