// A small GitHub REST client over fetch: the check run and comment publishers need four endpoints, and `fetch`
// (injectable) keeps them testable against a loopback server without module mocking.

/** A non-2xx answer from the REST API; `status` 403 means the token may not write (forks, Dependabot). */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GitHubApi {
  request<T>(method: string, path: string, body?: unknown): Promise<{ data: T; headers: Headers }>;
}

export interface GitHubApiOptions {
  /** GITHUB_API_URL, e.g. https://api.github.com or a GHES https://host/api/v3. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  userAgent?: string;
}

/** A client whose errors name the request and GitHub's message, never the token. */
export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async request<T>(method: string, path: string, body?: unknown) {
      const url = path.startsWith('http') ? path : `${base}${path}`;
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${options.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': options.userAgent ?? 'schema-drift-action',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        throw new GitHubApiError(0, `${method} ${path}: ${(error as Error).message}`);
      }
      const text = await response.text();
      if (!response.ok) {
        let detail = text.slice(0, 500);
        try {
          detail = (JSON.parse(text) as { message?: string }).message ?? detail;
        } catch {
          // Not JSON: keep the text.
        }
        throw new GitHubApiError(response.status, `${method} ${path}: ${response.status} ${detail}`);
      }
      return { data: (text === '' ? null : JSON.parse(text)) as T, headers: response.headers };
    },
  };
}

/** The URL of the next page from a Link header, or null. */
export function nextPage(headers: Headers): string | null {
  const link = headers.get('link');
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match?.[1]) return match[1];
  }
  return null;
}
