// Stand-in for the GitHub Actions OIDC token endpoint, so @actions/core's getIDToken runs for real against it.
import { randomBytes } from 'node:crypto';
import { type RecordedRequest, startHttpServer } from './http-server.js';

export type OidcFault = 'forbidden' | 'no-value' | 'hang';

export interface OidcServer {
  url: string;
  requests: RecordedRequest[];
  /** The bearer token the runner would hold (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  requestToken: string;
  /** Every ID token handed out, in order. */
  issued: string[];
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN as a runner sets them. */
  env(): Record<string, string>;
  setFault(fault: OidcFault | undefined): void;
  close(): Promise<void>;
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT-shaped token (unsigned for real, but the right form for anything that inspects it). */
export function fakeJwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'test' })}.${b64url(claims)}.${randomBytes(32).toString('base64url')}`;
}

/** Starts the token endpoint on 127.0.0.1; answers GET ?api-version=2.0&audience=... with {"value": "<jwt>"}. */
export async function startOidcServer(
  options: { subject?: string; requestToken?: string; token?: string } = {},
): Promise<OidcServer> {
  const requestToken = options.requestToken ?? `runner-request-${randomBytes(12).toString('hex')}`;
  const issued: string[] = [];
  let fault: OidcFault | undefined;
  const server = await startHttpServer((req) => {
    if (req.method !== 'GET' || req.path !== '/_apis/distributedtask/oidc/token') return { status: 404, body: 'no' };
    if (req.headers.authorization !== `Bearer ${requestToken}`) return { status: 401, body: { message: 'bad bearer' } };
    // Accepted, never answered (the runner's token service stalled).
    if (fault === 'hang') return new Promise<undefined>(() => {});
    if (fault === 'forbidden') return { status: 403, body: { message: 'Forbidden: the token request was refused' } };
    if (fault === 'no-value') return { status: 200, body: {} };
    const audience = req.query.get('audience') ?? 'https://github.com/test-owner';
    const token =
      options.token ??
      fakeJwt({
        iss: 'https://token.actions.githubusercontent.com',
        aud: audience,
        sub: options.subject ?? 'repo:test-owner/test-repo:ref:refs/heads/main',
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 300,
      });
    issued.push(token);
    return { status: 200, body: { count: 1, value: token } };
  });
  return {
    url: server.url,
    requests: server.requests,
    requestToken,
    issued,
    env: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/_apis/distributedtask/oidc/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    }),
    setFault(next) {
      fault = next;
    },
    close: () => server.close(),
  };
}
