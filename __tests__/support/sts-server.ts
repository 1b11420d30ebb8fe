// Stand-in for STS AssumeRoleWithWebIdentity on the real Query protocol (form body in, XML out).
import { randomBytes } from 'node:crypto';
import { type RecordedRequest, startHttpServer } from './http-server.js';

export type StsFault = 'access-denied' | 'throttling' | 'server-error' | 'invalid-token' | 'hang';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface StsCall {
  action: string;
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds: string;
}

export interface StsServer {
  url: string;
  requests: RecordedRequest[];
  /** Parsed form bodies, in order. */
  calls: StsCall[];
  /** The credentials the next successful call returns (fixed per server so tests can look for them). */
  credentials: IssuedCredentials;
  /** Faults for the next calls, consumed one per request. */
  queueFaults(...faults: StsFault[]): void;
  /** A fault for every call until cleared. */
  setFault(fault: StsFault | undefined): void;
  /** Text the AccessDenied message includes (to check that echoed secrets get redacted). */
  setDeniedMessage(message: string): void;
  close(): Promise<void>;
}

const ns = 'https://sts.amazonaws.com/doc/2011-06-15/';

const faultReplies: Record<
  Exclude<StsFault, 'hang'>,
  { status: number; code: string; type: string; message: string }
> = {
  'access-denied': {
    status: 403,
    code: 'AccessDenied',
    type: 'Sender',
    message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
  },
  throttling: { status: 400, code: 'Throttling', type: 'Sender', message: 'Rate exceeded' },
  'server-error': { status: 500, code: 'InternalFailure', type: 'Receiver', message: 'An internal error occurred' },
  'invalid-token': {
    status: 400,
    code: 'InvalidIdentityToken',
    type: 'Sender',
    message: 'Incorrect token audience',
  },
};

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function randomKey(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Fresh credentials shaped like real ones: ASIA key id, 40-char secret, long session token. */
export function makeCredentials(): IssuedCredentials {
  return {
    accessKeyId: `ASIA${randomKey(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    secretAccessKey: randomKey(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
    sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(300).toString('base64')}`,
  };
}

/** Starts the STS stand-in on 127.0.0.1. */
export async function startStsServer(options: { credentials?: IssuedCredentials } = {}): Promise<StsServer> {
  const credentials = options.credentials ?? makeCredentials();
  const calls: StsCall[] = [];
  const queued: StsFault[] = [];
  let always: StsFault | undefined;
  let deniedExtra = '';

  const server = await startHttpServer((req) => {
    const form = new URLSearchParams(req.text);
    const call: StsCall = {
      action: form.get('Action') ?? '',
      roleArn: form.get('RoleArn') ?? '',
      roleSessionName: form.get('RoleSessionName') ?? '',
      webIdentityToken: form.get('WebIdentityToken') ?? '',
      durationSeconds: form.get('DurationSeconds') ?? '',
    };
    calls.push(call);
    const requestId = randomBytes(8).toString('hex');
    const fault = queued.shift() ?? always;
    if (call.action !== 'AssumeRoleWithWebIdentity') {
      return errorReply(400, 'InvalidAction', 'Sender', `Could not find operation ${call.action}`, requestId);
    }
    // Accepted, never answered: the connection stays open until the client gives up.
    if (fault === 'hang') return new Promise<undefined>(() => {});
    if (fault) {
      const f = faultReplies[fault];
      const message = fault === 'access-denied' && deniedExtra ? `${f.message} ${deniedExtra}` : f.message;
      return errorReply(f.status, f.code, f.type, message, requestId);
    }
    const session = call.roleSessionName;
    const roleName = call.roleArn.split('/').pop() ?? 'role';
    const expiration = new Date(Date.now() + Number(call.durationSeconds || 3600) * 1000).toISOString();
    const body = `<AssumeRoleWithWebIdentityResponse xmlns="${ns}">
  <AssumeRoleWithWebIdentityResult>
    <Audience>sts.amazonaws.com</Audience>
    <AssumedRoleUser>
      <AssumedRoleId>AROATESTROLEID00000000:${xmlEscape(session)}</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/${xmlEscape(roleName)}/${xmlEscape(session)}</Arn>
    </AssumedRoleUser>
    <Provider>arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com</Provider>
    <Credentials>
      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${xmlEscape(credentials.secretAccessKey)}</SecretAccessKey>
      <SessionToken>${xmlEscape(credentials.sessionToken)}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <SubjectFromWebIdentityToken>repo:test-owner/test-repo:ref:refs/heads/main</SubjectFromWebIdentityToken>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
  });

  return {
    url: server.url,
    requests: server.requests,
    calls,
    credentials,
    queueFaults: (...faults) => {
      queued.push(...faults);
    },
    setFault(fault) {
      always = fault;
    },
    setDeniedMessage(message) {
      deniedExtra = message;
    },
    close: () => server.close(),
  };
}

function errorReply(status: number, code: string, type: string, message: string, requestId: string) {
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<ErrorResponse xmlns="${ns}">
  <Error><Type>${type}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>`,
  };
}
