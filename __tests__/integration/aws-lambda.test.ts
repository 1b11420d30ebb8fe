// The rds-sql-api executor with the real LambdaClient, pointed at the loopback Lambda stand-in through the
// standard AWS_ENDPOINT_URL_LAMBDA setting; the stand-in runs the SQL on PGlite (and on the real server below).
import { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLambdaClient, createLambdaExecutor, type LambdaExecutorOptions } from '../../src/database/lambda.js';
import { setEnv } from '../support/http-server.js';
import {
  type LambdaServer,
  type LambdaShape,
  pgliteRunner,
  pgRunner,
  startLambdaServer,
} from '../support/lambda-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';

const credentials = { accessKeyId: 'AKIDLAMBDATEST000001', secretAccessKey: 'test-secret-not-real' };
const noWait = { sleep: async () => {}, attempts: 3 };

let db: PGlite;
let server: LambdaServer;
let restoreEnv: () => void;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(`
    create table alembic_version (version_num varchar(32) not null primary key);
    insert into alembic_version values ('20251230_1900'), ('20251231_0800');
  `);
  server = await startLambdaServer({ runSql: pgliteRunner(db) });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

beforeEach(() => {
  server.setShape('array');
  server.setFault(undefined);
  server.requests.length = 0;
  server.invocations.length = 0;
  restoreEnv = setEnv({
    AWS_ENDPOINT_URL_LAMBDA: server.url,
    AWS_ENDPOINT_URL: undefined,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
  });
});

afterEach(() => restoreEnv());

function executor(overrides: Partial<LambdaExecutorOptions> = {}, timeoutMs?: number) {
  return createLambdaExecutor({
    functionName: 'credmate-rds-sql-api',
    client: createLambdaClient({ region: 'us-east-1', credentials }, { timeoutMs }),
    retry: noWait,
    ...overrides,
  });
}

const versionsSql = 'select version_num from alembic_version order by version_num';
const expectedRows = [{ version_num: '20251230_1900' }, { version_num: '20251231_0800' }];

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('rds-sql-api executor against the Lambda stand-in', () => {
  it.each<LambdaShape>(['array', 'rows', 'api-gateway', 'api-gateway-string', 'data-api'])(
    'reads the version rows when the function answers in the %s shape',
    async (shape) => {
      server.setShape(shape);
      const rows = await executor().query(versionsSql);
      expect(rows).toEqual(expectedRows);
      expect(server.invocations).toHaveLength(1);
    },
  );

  it('finds rows by lambda-rows-path in a shape it would not guess', async () => {
    server.setShape('nested');
    await expect(executor().query(versionsSql)).rejects.toThrow(/no rows found.*lambda-rows-path/);
    expect(await executor({ rowsPath: 'result.data' }).query(versionsSql)).toEqual(expectedRows);
  });

  it('sends the SQL and its parameters through the default template and gets the filtered rows', async () => {
    const sql = 'select version_num from alembic_version where version_num = $1';
    const rows = await executor().query(sql, ['20251231_0800']);
    expect(rows).toEqual([{ version_num: '20251231_0800' }]);
    expect(server.invocations[0]?.event).toEqual({ sql, params: ['20251231_0800'] });
    expect(server.invocations[0]?.functionName).toBe('credmate-rds-sql-api');
    expect(server.invocations[0]?.qualifier).toBeNull();
  });

  it('fills a custom payload template wherever "{{sql}}" and "{{params}}" appear', async () => {
    const custom = await startLambdaServer({
      runSql: pgliteRunner(db),
      extract: (event) => {
        const e = event as { input: { query: string; args: unknown[] } };
        return { sql: e.input.query, params: e.input.args };
      },
    });
    const restore = setEnv({ AWS_ENDPOINT_URL_LAMBDA: custom.url });
    try {
      const template =
        '{"input": {"query": "{{sql}}", "args": "{{params}}"}, "mode": "read-only", "tags": ["{{sql}}x"]}';
      const rows = await executor({ payloadTemplate: template }).query('select $1::int + 1 as n', [41]);
      expect(rows).toEqual([{ n: 42 }]);
      expect(custom.invocations[0]?.event).toEqual({
        input: { query: 'select $1::int + 1 as n', args: [41] },
        mode: 'read-only',
        tags: ['{{sql}}x'],
      });
    } finally {
      restore();
      await custom.close();
    }
  });

  it('invokes the qualifier and URL-encodes an alias ARN, and describes itself without secrets', async () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:credmate-rds-sql-api';
    const ex = executor({ functionName: arn, qualifier: 'live' });
    expect(await ex.query(versionsSql)).toEqual(expectedRows);
    expect(server.invocations[0]?.functionName).toBe(arn);
    expect(server.invocations[0]?.qualifier).toBe('live');
    expect(ex.describe()).toBe(`lambda:${arn}:live`);
    expect(executor().describe()).toBe('lambda:credmate-rds-sql-api');
  });

  it('reaches the function through the generic AWS_ENDPOINT_URL setting too', async () => {
    const restore = setEnv({ AWS_ENDPOINT_URL_LAMBDA: undefined, AWS_ENDPOINT_URL: server.url });
    try {
      expect(await executor().query(versionsSql)).toEqual(expectedRows);
      expect(server.invocations).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it('signs the Invoke with SigV4 for the lambda service using the given access key', async () => {
    await executor().query(versionsSql);
    const auth = String(server.requests[0]?.headers.authorization);
    expect(auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLAMBDATEST000001\/\d{8}\/us-east-1\/lambda\/aws4_request/);
    expect(auth).not.toContain(credentials.secretAccessKey);
  });

  it('quotes the database error when the query fails inside the function', async () => {
    const message = await failure(executor().query('select * from no_such_table'));
    expect(message).toBe(
      'Could not invoke rds-sql-api "credmate-rds-sql-api": function error (Unhandled): error: relation "no_such_table" does not exist',
    );
  });
});

describe('rds-sql-api executor faults', () => {
  it('retries throttling (429 TooManyRequestsException) and succeeds on the third request', async () => {
    server.queueFaults('throttle', 'throttle');
    const delays: number[] = [];
    const rows = await executor({ retry: { attempts: 5, sleep: async (ms) => void delays.push(ms) } }).query(
      versionsSql,
    );
    expect(rows).toEqual(expectedRows);
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('gives up on persistent throttling after the attempts, naming the function and the AWS error', async () => {
    server.setFault('throttle');
    const message = await failure(executor().query(versionsSql));
    expect(message).toBe(
      'Could not invoke rds-sql-api "credmate-rds-sql-api": TooManyRequestsException: Rate Exceeded. (gave up after 3 attempts)',
    );
    expect(server.requests).toHaveLength(3);
  });

  it('retries a 5xx from the Lambda service', async () => {
    server.queueFaults('service-error');
    expect(await executor().query(versionsSql)).toEqual(expectedRows);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a statusCode 503 answer from the function', async () => {
    server.queueFaults('status-503', 'status-503');
    expect(await executor().query(versionsSql)).toEqual(expectedRows);
    expect(server.requests).toHaveLength(3);
  });

  it('fails clearly when the function does not answer within the client timeout', async () => {
    server.setFault('hang');
    const started = Date.now();
    const message = await failure(executor({ retry: { attempts: 1 } }, 300).query(versionsSql));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(message).toMatch(/^Could not invoke rds-sql-api "credmate-rds-sql-api": TimeoutError: .*no answer in time/);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [
      'unhandled',
      'function error (Unhandled): Runtime.UnhandledPromiseRejection: relation "alembic_version" does not exist',
    ],
    ['handled', 'function error (Handled): QueryError: relation "alembic_version" does not exist'],
    ['error-message', 'the function reported an error: QueryError: relation "alembic_version" does not exist'],
    [
      'non-json',
      'the function returned a payload that is not JSON: Internal proxy failure: relation "alembic_version" does not exist',
    ],
    ['status-500', 'the function answered statusCode 500: relation "alembic_version" does not exist'],
    ['empty', 'the function returned an empty payload'],
    [
      'response-too-large',
      'function error (Unhandled): Function.ResponseSizeTooLarge: Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    ],
  ] as const)('turns the %s fault into an error quoting the function, without retrying', async (fault, detail) => {
    server.setFault(fault);
    const message = await failure(executor().query(versionsSql));
    expect(message).toBe(`Could not invoke rds-sql-api "credmate-rds-sql-api": ${detail}`);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a response payload over the 6 MB limit', async () => {
    server.setFault('oversize');
    const message = await failure(executor().query(versionsSql));
    expect(message).toMatch(
      /^Could not invoke rds-sql-api "credmate-rds-sql-api": the response payload is \d+ bytes, over the 6291456-byte limit/,
    );
  });

  it('refuses to send a request payload of 6 MB or more, before any request', async () => {
    const message = await failure(executor().query(`select '${'x'.repeat(6 * 1024 * 1024)}' as big`));
    expect(message).toMatch(/the request payload is \d+ bytes, over Lambda's 6 MB limit/);
    expect(server.requests).toHaveLength(0);
  });

  it('redacts credentials the function puts into its error message', async () => {
    server.setErrorText(
      'could not connect to postgres://admin:S3cr3tDbPass@prod-db:5432/app using key ASIAZZZZZZZZZZZZZZZZ',
    );
    server.setFault('unhandled');
    const message = await failure(executor().query(versionsSql));
    expect(message).toContain('could not connect to postgres://admin:***@prod-db:5432/app');
    expect(message).not.toContain('S3cr3tDbPass');
    expect(message).not.toContain('ASIAZZZZZZZZZZZZZZZZ');
  });
});

describe('rds-sql-api executor configuration', () => {
  it('rejects a payload template that is not JSON, naming the input', () => {
    expect(() => executor({ payloadTemplate: '{"sql": {{sql}}}' })).toThrow(
      /^Invalid input lambda-payload-template: not valid JSON/,
    );
  });

  it('rejects a payload template without "{{sql}}", naming the input', () => {
    expect(() => executor({ payloadTemplate: '{"query": "{{ sql }}"}' })).toThrow(
      'Invalid input lambda-payload-template: it has no string value that is exactly "{{sql}}"',
    );
  });

  it('writes the parameters into the SQL as literals when the template has no "{{params}}"', async () => {
    const sqlOnly = await startLambdaServer({ runSql: pgliteRunner(db), bindsParams: false });
    const restore = setEnv({ AWS_ENDPOINT_URL_LAMBDA: sqlOnly.url });
    try {
      const rows = await executor({ payloadTemplate: '{"sql": "{{sql}}"}' }).query(
        'select version_num from alembic_version where version_num = $1 or version_num = $2',
        ['20251231_0800', "x' or '1'='1"],
      );
      expect(rows).toEqual([{ version_num: '20251231_0800' }]);
      expect(sqlOnly.invocations[0]?.event).toEqual({
        sql: "select version_num from alembic_version where version_num = '20251231_0800' or version_num = 'x'' or ''1''=''1'",
      });
    } finally {
      restore();
      await sqlOnly.close();
    }
  });

  it('rejects an empty function name, naming the input', () => {
    expect(() => executor({ functionName: '  ' })).toThrow('Invalid input lambda-function: "  "');
  });
});

describe('rds-sql-api stand-in on the real PostgreSQL server', async () => {
  const unavailable = await pgServerUnavailable();
  it.skipIf(unavailable)('reads the version table from the server in the Data API shape, with params', async () => {
    const database = await createServerDatabase('lambda_it');
    const runner = pgRunner(database.url);
    const real = await startLambdaServer({ runSql: runner, shape: 'data-api' });
    const restore = setEnv({ AWS_ENDPOINT_URL_LAMBDA: real.url });
    try {
      await runner('create table alembic_version (version_num varchar(32) primary key)', []);
      await runner('insert into alembic_version values ($1), ($2)', ['a1', 'b2']);
      const rows = await executor().query(
        'select version_num, length(version_num) as len, version_num = $1 as is_first from alembic_version order by 1',
        ['a1'],
      );
      expect(rows).toEqual([
        { version_num: 'a1', len: 2, is_first: true },
        { version_num: 'b2', len: 2, is_first: false },
      ]);
    } finally {
      restore();
      await real.close();
      await runner.close();
      await database.drop();
    }
  });
});
