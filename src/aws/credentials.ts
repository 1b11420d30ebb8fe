// AWS identity for one run: GitHub OIDC → STS AssumeRoleWithWebIdentity once, or the SDK's default chain.

import { AssumeRoleWithWebIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { withTimeLimit } from '../shared/time-limit.js';
import { describeError, redactSecrets, rememberSecret } from './errors.js';
import { isThrottleOrServerError, type RetryOptions, withRetry } from './retry.js';
import { type AwsTimeouts, awsTimeouts, requestHandlerOptions } from './timeouts.js';

export interface AwsIdentityOptions {
  region: string;
  roleToAssume?: string;
  roleSessionName: string;
  roleDurationSeconds: number;
  audience: string;
  /** main.ts passes core.getIDToken. */
  getIdToken: (audience: string) => Promise<string>;
  /** main.ts passes core.setSecret. */
  setSecret: (secret: string) => void;
  retry?: RetryOptions;
  /** Limits for the token request and STS (default: those of a 300 s run). */
  timeouts?: AwsTimeouts;
}

// @aws-sdk/types is not a direct dependency, so the credential types come through a client we depend on.
type ClientCredentials = NonNullable<STSClientConfig['credentials']>;
export type AwsCredentialIdentity = Exclude<ClientCredentials, (...args: never[]) => unknown>;
export type AwsCredentialIdentityProvider = Extract<ClientCredentials, (...args: never[]) => unknown>;

/** What every AWS client of the run gets: region + one credentials provider (assumed once per run). */
export interface AwsClientConfig {
  region: string;
  credentials?: AwsCredentialIdentityProvider | AwsCredentialIdentity;
}

const roleArnPattern = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Assumes the role once with the GitHub OIDC token, or falls back to the SDK default chain without a role. */
export async function resolveAwsIdentity(options: AwsIdentityOptions): Promise<AwsClientConfig> {
  const region = options.region.trim() || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || '';
  if (!region) {
    throw new Error('Invalid input aws-region: it is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set');
  }
  const roleArn = options.roleToAssume?.trim();
  // Environment credentials, configure-aws-credentials, profiles, container and instance roles keep working.
  if (!roleArn) return { region, credentials: fromNodeProviderChain() };

  if (!roleArnPattern.test(roleArn)) {
    throw new Error(
      `Invalid input role-to-assume: "${roleArn}" is not an IAM role ARN (arn:aws:iam::123456789012:role/name)`,
    );
  }
  const sessionName = validateRoleSessionName(options.roleSessionName);
  const duration = options.roleDurationSeconds;
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    throw new Error(`Invalid input role-duration-seconds: "${duration}" must be a whole number from 900 to 43200`);
  }
  const audience = options.audience.trim() || 'sts.amazonaws.com';
  const mask = (secret: string | undefined) => {
    if (!secret) return;
    options.setSecret(secret);
    rememberSecret(secret);
  };

  const timeouts = options.timeouts ?? awsTimeouts(300_000);
  let token: string;
  try {
    // @actions/core's token request has no timeout of its own and retries up to 10 times.
    token = await withTimeLimit(
      'the GitHub token endpoint gave no answer',
      timeouts.retryTotalMs,
      options.getIdToken(audience),
    );
  } catch (error) {
    throw new Error(oidcFailure(roleArn, audience, error));
  }
  mask(token);
  if (!token) throw new Error(oidcFailure(roleArn, audience, new Error('the token was empty')));

  const sts = new STSClient({ region, maxAttempts: 1, requestHandler: requestHandlerOptions(timeouts) });
  try {
    const answer = await withRetry(
      `assume role "${roleArn}"`,
      () =>
        sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: roleArn,
            RoleSessionName: sessionName,
            WebIdentityToken: token,
            DurationSeconds: duration,
          }),
        ),
      {
        totalTimeMs: timeouts.retryTotalMs,
        ...options.retry,
        isRetryable:
          options.retry?.isRetryable ??
          ((error) =>
            isThrottleOrServerError(error) || (error as { name?: unknown })?.name === 'IDPCommunicationError'),
      },
    );
    const c = answer.Credentials;
    mask(c?.AccessKeyId);
    mask(c?.SecretAccessKey);
    mask(c?.SessionToken);
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new Error(`Could not assume role "${roleArn}": STS answered without credentials`);
    }
    return {
      region,
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      },
    };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Could not assume role')) throw error;
    throw new Error(
      redactSecrets(`Could not assume role "${roleArn}" with the GitHub OIDC token: ${describeError(error)}`, [token]),
    );
  } finally {
    sts.destroy();
  }
}

function oidcFailure(roleArn: string, audience: string, error: unknown): string {
  const reason = describeError(error);
  const noToken = /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(reason);
  const cause = noToken
    ? 'this job gets no OIDC token. Add "permissions: id-token: write" to the workflow or job; ' +
      'pull requests from forks and Dependabot runs never get one (give them other credentials or skip this step)'
    : 'check that the job has "permissions: id-token: write"; pull requests from forks and Dependabot runs get no token';
  return `Could not get a GitHub OIDC token (audience "${audience}") to assume role "${roleArn}": ${reason} — ${cause}`;
}

const sessionNamePattern = /^[\w+=,.@-]{2,64}$/;

/** Default session name from repository and run id, sanitised to [\w+=,.@-], 2–64 chars. */
export function defaultRoleSessionName(repository: string, runId: string): string {
  const clean = (s: string) => s.replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '');
  const run = clean(runId).slice(0, 30);
  const suffix = run ? `-${run}` : '';
  const repo = clean(repository);
  const base = repo ? `schema-drift-${repo}` : 'schema-drift';
  // Cut the repository part, not the run id, so sessions of different runs stay distinguishable in CloudTrail.
  return `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** Checks a role session name (input role-session-name); throws naming the value. */
export function validateRoleSessionName(name: string): string {
  const trimmed = name.trim();
  if (!sessionNamePattern.test(trimmed)) {
    throw new Error(
      `Invalid input role-session-name: "${name}" must be 2–64 characters of letters, digits and _+=,.@-`,
    );
  }
  return trimmed;
}
