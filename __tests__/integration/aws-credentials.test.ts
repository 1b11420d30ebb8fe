// GitHub OIDC → STS AssumeRoleWithWebIdentity → a signed Lambda Invoke, all with the real @actions/core and
// AWS SDK v3 clients against loopback stand-ins reached through the standard endpoint environment settings.
import { getIDToken } from '@actions/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsIdentityOptions, defaultRoleSessionName, resolveAwsIdentity } from '../../src/aws/credentials.js';
import { createLambdaClient, createLambdaExecutor } from '../../src/database/lambda.js';
import { setEnv } from '../support/http-server.js';
import { type LambdaServer, type SqlRunner, startLambdaServer } from '../support/lambda-server.js';
import { fakeJwt, type OidcServer, startOidcServer } from '../support/oidc-server.js';
import { makeCredentials, type StsServer, startStsServer } from '../support/sts-server.js';

const roleArn = 'arn:aws:iam::123456789012:role/schema-drift-reader';
const noWait = { sleep: async () => {} };

// Identity is under test here, not SQL (aws-lambda.test.ts runs real SQL), so the function answers from memory
// and the file does not pay PGlite's start-up.
const versionTable: SqlRunner = async (sql) => {
  if (sql !== 'select version_num from alembic_version') throw new Error(`unexpected SQL: ${sql}`);
  return { rows: [{ version_num: '20251230_1900' }], fields: [{ name: 'version_num', dataTypeID: 1043 }] };
};

let oidc: OidcServer;
let sts: StsServer;
let lambda: LambdaServer;
let restoreEnv: () => void;
let masked: string[];

beforeAll(async () => {
  [oidc, sts, lambda] = await Promise.all([
    startOidcServer(),
    startStsServer(),
    startLambdaServer({ runSql: versionTable }),
  ]);
});

afterAll(async () => {
  await Promise.all([oidc.close(), sts.close(), lambda.close()]);
});

beforeEach(() => {
  masked = [];
  for (const s of [oidc, sts, lambda]) s.requests.length = 0;
  oidc.issued.length = 0;
  oidc.setFault(undefined);
  sts.calls.length = 0;
  sts.setFault(undefined);
  sts.setDeniedMessage('');
  lambda.invocations.length = 0;
  lambda.setFault(undefined);
  restoreEnv = setEnv({
    ...oidc.env(),
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_LAMBDA: lambda.url,
    AWS_ENDPOINT_URL: undefined,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_ROLE_ARN: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    // Keep the SDK away from the developer's ~/.aws and the instance metadata service.
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});

afterEach(() => restoreEnv());

function identity(overrides: Partial<AwsIdentityOptions> = {}): AwsIdentityOptions {
  return {
    region: 'eu-west-1',
    roleToAssume: roleArn,
    roleSessionName: defaultRoleSessionName('acme/credentialmate', '987654321'),
    roleDurationSeconds: 3600,
    audience: 'sts.amazonaws.com',
    getIdToken: (audience) => getIDToken(audience),
    setSecret: (secret) => masked.push(secret),
    retry: noWait,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

const versionsSql = 'select version_num from alembic_version';

describe('role from GitHub OIDC', () => {
  it('assumes the role with the OIDC token and signs the Lambda call with the assumed credentials', async () => {
    const config = await resolveAwsIdentity(identity());

    expect(oidc.requests).toHaveLength(1);
    expect(oidc.requests[0]?.query.get('audience')).toBe('sts.amazonaws.com');
    expect(sts.calls).toEqual([
      {
        action: 'AssumeRoleWithWebIdentity',
        roleArn,
        roleSessionName: 'schema-drift-acme-credentialmate-987654321',
        webIdentityToken: oidc.issued[0],
        durationSeconds: '3600',
      },
    ]);
    // AssumeRoleWithWebIdentity is unsigned: the token is the proof.
    expect(sts.requests[0]?.headers.authorization).toBeUndefined();
    expect(config.region).toBe('eu-west-1');

    const rows = await createLambdaExecutor({
      functionName: 'credmate-rds-sql-api',
      client: createLambdaClient(config),
    }).query(versionsSql);
    expect(rows).toEqual([{ version_num: '20251230_1900' }]);

    const invoke = lambda.requests[0];
    expect(String(invoke?.headers.authorization)).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${sts.credentials.accessKeyId}/\\d{8}/eu-west-1/lambda/aws4_request`),
    );
    expect(invoke?.headers['x-amz-security-token']).toBe(sts.credentials.sessionToken);
  });

  it('masks the web-identity token and every part of the assumed credentials', async () => {
    await resolveAwsIdentity(identity());
    expect(masked).toEqual(
      expect.arrayContaining([
        oidc.issued[0],
        sts.credentials.accessKeyId,
        sts.credentials.secretAccessKey,
        sts.credentials.sessionToken,
      ]),
    );
  });

  it('assumes the role once and shares the credentials across calls', async () => {
    const config = await resolveAwsIdentity(identity());
    const client = createLambdaClient(config);
    const executor = createLambdaExecutor({ functionName: 'fn', client });
    await executor.query(versionsSql);
    await executor.query(versionsSql);
    await createLambdaExecutor({ functionName: 'fn', client: createLambdaClient(config) }).query(versionsSql);
    expect(sts.calls).toHaveLength(1);
    expect(lambda.requests).toHaveLength(3);
  });

  it('retries STS throttling and 500s, then succeeds', async () => {
    sts.queueFaults('throttling', 'server-error');
    const config = await resolveAwsIdentity(identity());
    expect(sts.calls).toHaveLength(3);
    expect(config.credentials).toMatchObject({ accessKeyId: sts.credentials.accessKeyId });
  });

  it('fails on STS AccessDenied at once, naming the role and quoting STS', async () => {
    sts.setFault('access-denied');
    const message = await failure(resolveAwsIdentity(identity()));
    expect(message).toBe(
      `Could not assume role "${roleArn}" with the GitHub OIDC token: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`,
    );
    expect(sts.calls).toHaveLength(1);
  });

  it('gives up on persistent throttling within the attempts', async () => {
    sts.setFault('throttling');
    const message = await failure(resolveAwsIdentity(identity({ retry: { ...noWait, attempts: 3 } })));
    expect(message).toBe(`Could not assume role "${roleArn}" with the GitHub OIDC token: Throttling: Rate exceeded`);
    expect(sts.calls).toHaveLength(3);
  });

  it('names "permissions: id-token: write" when the job has no OIDC token', async () => {
    restoreEnv();
    restoreEnv = setEnv({
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
      AWS_ENDPOINT_URL_STS: sts.url,
    });
    const message = await failure(resolveAwsIdentity(identity()));
    expect(message).toMatch(/^Could not get a GitHub OIDC token \(audience "sts.amazonaws.com"\) to assume role/);
    expect(message).toContain('ACTIONS_ID_TOKEN_REQUEST');
    expect(message).toContain('permissions: id-token: write');
    expect(message).toMatch(/forks and Dependabot/);
    expect(sts.calls).toHaveLength(0);
  });

  it('names the probable cause when the token service refuses', async () => {
    oidc.setFault('forbidden');
    const message = await failure(resolveAwsIdentity(identity()));
    expect(message).toContain('permissions: id-token: write');
    expect(message).toContain('403');
    expect(sts.calls).toHaveLength(0);
  });
});

describe('secrets stay out of messages', () => {
  it('never shows the planted token, secret key or session token in any error, and masks each of them', async () => {
    const planted = {
      token: fakeJwt({ sub: 'repo:acme/credentialmate:ref:refs/heads/main', planted: 'token-4b1d' }),
      ...makeCredentials(),
    };
    const plantedOidc = await startOidcServer({ token: planted.token });
    const plantedSts = await startStsServer({ credentials: planted });
    const restore = setEnv({ ...plantedOidc.env(), AWS_ENDPOINT_URL_STS: plantedSts.url });
    const messages: string[] = [];
    try {
      // 1. STS refuses and echoes everything back in its message.
      plantedSts.setFault('access-denied');
      plantedSts.setDeniedMessage(
        `token=${planted.token} key ${planted.accessKeyId} secret ${planted.secretAccessKey} session ${planted.sessionToken}`,
      );
      messages.push(await failure(resolveAwsIdentity(identity())));

      // 2. STS grants; then the Lambda fails and quotes the credentials it was given.
      plantedSts.setFault(undefined);
      const config = await resolveAwsIdentity(identity());
      lambda.setErrorText(
        `bad signature for ${planted.accessKeyId}:${planted.secretAccessKey} with ${planted.sessionToken} from ${planted.token}`,
      );
      for (const fault of ['unhandled', 'non-json', 'status-500', 'error-message'] as const) {
        lambda.setFault(fault);
        const executor = createLambdaExecutor({ functionName: 'fn', client: createLambdaClient(config) });
        messages.push(await failure(executor.query(versionsSql)));
      }
    } finally {
      restore();
      await plantedOidc.close();
      await plantedSts.close();
    }

    expect(messages).toHaveLength(5);
    for (const message of messages) {
      for (const [name, secret] of Object.entries(planted)) {
        expect(message.includes(secret), `${name} leaked into: ${message}`).toBe(false);
      }
    }
    for (const secret of Object.values(planted)) expect(masked).toContain(secret);
  });
});

describe('without a role', () => {
  it('uses the SDK default chain, so environment credentials sign the call and OIDC/STS are not used', async () => {
    restoreEnv();
    restoreEnv = setEnv({
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      AWS_ACCESS_KEY_ID: 'AKIAENVCREDENTIALS01',
      AWS_SECRET_ACCESS_KEY: 'env-secret-for-test',
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_REGION: 'ap-southeast-2',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    });
    const config = await resolveAwsIdentity(identity({ roleToAssume: '', region: '' }));
    expect(config.region).toBe('ap-southeast-2');
    await createLambdaExecutor({ functionName: 'fn', client: createLambdaClient(config) }).query(versionsSql);
    expect(String(lambda.requests[0]?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAENVCREDENTIALS01\/\d{8}\/ap-southeast-2\/lambda\/aws4_request/,
    );
    expect(oidc.requests).toHaveLength(0);
    expect(sts.calls).toHaveLength(0);
    expect(masked).toEqual([]);
  });
});

describe('identity inputs', () => {
  it.each([
    [
      { roleToAssume: 'schema-drift-reader' },
      'Invalid input role-to-assume: "schema-drift-reader" is not an IAM role ARN',
    ],
    [{ roleSessionName: 'has space' }, 'Invalid input role-session-name: "has space"'],
    [
      { roleDurationSeconds: 600 },
      'Invalid input role-duration-seconds: "600" must be a whole number from 900 to 43200',
    ],
    [{ roleDurationSeconds: 50000 }, 'Invalid input role-duration-seconds: "50000"'],
    [{ region: ' ' }, 'Invalid input aws-region: it is empty'],
  ])('rejects %o before asking for a token', async (overrides, expected) => {
    const message = await failure(resolveAwsIdentity(identity(overrides)));
    expect(message).toContain(expected);
    expect(oidc.requests).toHaveLength(0);
  });
});
