import { describe, expect, it } from 'vitest';
import { decodeLambdaAnswer, LambdaResponseError } from '../../src/database/lambda-response.js';

const rows = [{ version_num: '20251230_1900' }, { version_num: '20251231_0800' }];
const decode = (payload: unknown, extra: { functionError?: string; rowsPath?: string } = {}) =>
  decodeLambdaAnswer({ payload: typeof payload === 'string' ? payload : JSON.stringify(payload), ...extra });
const failure = (payload: unknown, extra: { functionError?: string; rowsPath?: string } = {}) => {
  try {
    decode(payload, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(LambdaResponseError);
    return error as LambdaResponseError;
  }
  throw new Error('expected a LambdaResponseError');
};

describe('decodeLambdaAnswer: default shapes', () => {
  it('reads a bare array of rows', () => {
    expect(decode(rows)).toEqual(rows);
  });

  it('reads {rows}', () => {
    expect(decode({ rows, rowCount: 2 })).toEqual(rows);
  });

  it('reads {statusCode, body} with an object body', () => {
    expect(decode({ statusCode: 200, body: { rows } })).toEqual(rows);
    expect(decode({ statusCode: 200, body: rows })).toEqual(rows);
  });

  it('reads {statusCode, body} with a JSON-string body', () => {
    expect(decode({ statusCode: 200, body: JSON.stringify({ rows }) })).toEqual(rows);
    expect(decode({ statusCode: '200', body: JSON.stringify(rows) })).toEqual(rows);
  });

  it('reads an empty result as no rows', () => {
    expect(decode([])).toEqual([]);
    expect(decode({ rows: [] })).toEqual([]);
  });

  it('reads RDS Data API records into objects keyed by column, with typed values', () => {
    const answer = {
      columnMetadata: [
        { name: 'version_num', label: 'version_num' },
        { name: 'n' },
        { name: 'ratio' },
        { name: 'ok' },
        { name: 'missing' },
        { name: 'cols' },
        { name: 'ids' },
      ],
      records: [
        [
          { stringValue: 'abc' },
          { longValue: 42 },
          { doubleValue: 0.5 },
          { booleanValue: true },
          { isNull: true },
          { arrayValue: { stringValues: ['a', 'b'] } },
          { arrayValue: { longValues: [1, 2] } },
        ],
      ],
      numberOfRecordsUpdated: 0,
    };
    expect(decode(answer)).toEqual([
      { version_num: 'abc', n: 42, ratio: 0.5, ok: true, missing: null, cols: ['a', 'b'], ids: [1, 2] },
    ]);
  });

  it('prefers the Data API column label (the alias) over the name', () => {
    expect(
      decode({ columnMetadata: [{ name: 'version_num', label: 'v' }], records: [[{ stringValue: 'x' }]] }),
    ).toEqual([{ v: 'x' }]);
  });

  it('reads Data API formattedRecords JSON', () => {
    expect(decode({ formattedRecords: JSON.stringify(rows) })).toEqual(rows);
  });

  it('reads a Data API answer inside an API Gateway string body', () => {
    const body = JSON.stringify({ columnMetadata: [{ name: 'a' }], records: [[{ longValue: 1 }]] });
    expect(decode({ statusCode: 200, body })).toEqual([{ a: 1 }]);
  });

  it('names the shape it found when no rows fit', () => {
    expect(failure({ data: rows }).message).toMatch(
      /no rows found in the answer \(an object with keys data\).*lambda-rows-path/,
    );
  });

  it('rejects rows that are not objects', () => {
    expect(failure([['a', 1]]).message).toContain('row 0 is an array of 2, not an object keyed by column name');
  });

  it('rejects a Data API record with the wrong number of fields', () => {
    expect(
      failure({ columnMetadata: [{ name: 'a' }, { name: 'b' }], records: [[{ longValue: 1 }]] }).message,
    ).toContain('records[0] has 1 fields for 2 columns');
  });
});

describe('decodeLambdaAnswer: lambda-rows-path', () => {
  it('follows a dotted path', () => {
    expect(decode({ result: { data: rows } }, { rowsPath: 'result.data' })).toEqual(rows);
  });

  it('parses JSON-string bodies on the way', () => {
    expect(
      decode({ statusCode: 200, body: JSON.stringify({ out: { items: rows } }) }, { rowsPath: 'body.out.items' }),
    ).toEqual(rows);
  });

  it('reads a Data API result at the path', () => {
    expect(
      decode(
        { result: { columnMetadata: [{ name: 'a' }], records: [[{ stringValue: 'x' }]] } },
        { rowsPath: 'result' },
      ),
    ).toEqual([{ a: 'x' }]);
  });

  it('names the missing key and what was there', () => {
    expect(failure({ result: { items: rows } }, { rowsPath: 'result.data' }).message).toBe(
      'lambda-rows-path "result.data" not found: result has no "data" (it has: items)',
    );
  });

  it('says what it found when the path holds no array', () => {
    expect(failure({ result: { data: 'x' } }, { rowsPath: 'result.data' }).message).toBe(
      'lambda-rows-path "result.data" holds a string, not an array of rows',
    );
  });
});

describe('decodeLambdaAnswer: failures quote the function', () => {
  it('turns an Unhandled FunctionError into its type and trimmed message', () => {
    const error = failure(
      {
        errorType: 'Runtime.UnhandledPromiseRejection',
        errorMessage: '  boom: relation "x" does not exist \n',
        trace: [],
      },
      { functionError: 'Unhandled' },
    );
    expect(error.message).toBe(
      'function error (Unhandled): Runtime.UnhandledPromiseRejection: boom: relation "x" does not exist',
    );
    expect(error.retryable).toBe(false);
  });

  it('turns a Handled FunctionError into an error too', () => {
    expect(failure({ errorMessage: 'bad query' }, { functionError: 'Handled' }).message).toBe(
      'function error (Handled): bad query',
    );
  });

  it('quotes a FunctionError payload that is not JSON', () => {
    expect(failure('Task timed out after 3.00 seconds', { functionError: 'Unhandled' }).message).toBe(
      'function error (Unhandled): Task timed out after 3.00 seconds',
    );
  });

  it('treats an errorMessage field without FunctionError as a failure', () => {
    expect(failure({ errorType: 'QueryError', errorMessage: 'permission denied for table x' }).message).toBe(
      'the function reported an error: QueryError: permission denied for table x',
    );
  });

  it('treats statusCode >= 400 as a failure, quoting the body error', () => {
    const error = failure({ statusCode: 500, body: JSON.stringify({ error: 'connection refused' }) });
    expect(error.message).toBe('the function answered statusCode 500: connection refused');
    expect(error.retryable).toBe(false);
    expect(failure({ statusCode: 403, body: { message: 'forbidden' } }).message).toBe(
      'the function answered statusCode 403: forbidden',
    );
    expect(failure({ statusCode: 400, body: 'plain words' }).message).toBe(
      'the function answered statusCode 400: plain words',
    );
  });

  it('marks 429 and 503 bodies as retryable', () => {
    expect(failure({ statusCode: 503, body: '{}' }).retryable).toBe(true);
    expect(failure({ statusCode: 429, body: '' }).retryable).toBe(true);
  });

  it('catches an error status inside an API Gateway string body', () => {
    expect(failure({ statusCode: 200, body: JSON.stringify({ statusCode: 502, body: { error: 'x' } }) }).message).toBe(
      'the function answered statusCode 502: x',
    );
  });

  it('reports an empty payload', () => {
    expect(failure('').message).toBe('the function returned an empty payload');
    expect(decodeLambdaAnswer.bind(null, { payload: undefined })).toThrow('empty payload');
  });

  it('reports a non-JSON payload, quoting its start', () => {
    expect(failure('<html>Bad Gateway</html>').message).toBe(
      'the function returned a payload that is not JSON: <html>Bad Gateway</html>',
    );
  });

  it('redacts credentials the function puts in its message', () => {
    const message = failure({
      errorMessage:
        'connect failed for postgres://app:hunter2pass@db.internal:5432/prod with AKIAIOSFODNN7EXAMPLE ' +
        'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY password=letmein',
    }).message;
    expect(message).not.toContain('hunter2pass');
    expect(message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(message).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(message).not.toContain('letmein');
    expect(message).toContain('connect failed for postgres://app:***@db.internal:5432/prod');
  });

  it('shortens a very long message', () => {
    const message = failure({ errorMessage: 'x '.repeat(5000) }).message;
    expect(message.length).toBeLessThan(600);
    expect(message.endsWith('…')).toBe(true);
  });

  it('reads a Uint8Array payload as the SDK hands it over', () => {
    expect(decodeLambdaAnswer({ payload: new TextEncoder().encode(JSON.stringify(rows)) })).toEqual(rows);
  });
});

describe('decodeLambdaAnswer: a 200 answer that says it failed', () => {
  const fails = (payload: unknown) => () => decodeLambdaAnswer({ payload: JSON.stringify(payload) });
  it.each([
    [{ rows: [{ version_num: 'a1' }], error: 'relation does not exist' }, /carries "error": relation does not exist/],
    [{ rows: [], errors: [{ message: 'syntax error' }] }, /carries "errors": \[\{"message":"syntax error"\}\]/],
    [{ ok: false, message: 'db down', rows: [] }, /carries ok: false: db down/],
    [{ success: false, rows: [{ version_num: 'a1' }] }, /carries success: false/],
    [{ status: 'failed', rows: [] }, /carries status: "failed"/],
    [{ status: 'ERROR', rows: [] }, /carries status: "ERROR"/],
    [
      { statusCode: 200, body: JSON.stringify({ rows: [], error: { message: 'timeout' } }) },
      /carries "error": timeout/,
    ],
  ])('%j is an error quoting it', (payload, message) => {
    expect(fails(payload)).toThrow(message);
  });

  it('reads rows beside an empty error field or ok: true', () => {
    const rows = [{ version_num: 'a1' }];
    for (const extra of [
      { error: null },
      { errors: [] },
      { error: '' },
      { ok: true },
      { success: true, status: 'ok' },
    ]) {
      expect(decodeLambdaAnswer({ payload: JSON.stringify({ rows, ...extra }) })).toEqual(rows);
    }
  });

  it('checks every object on lambda-rows-path for a failure', () => {
    const payload = JSON.stringify({ result: { error: 'partial', data: [{ a: 1 }] } });
    expect(() => decodeLambdaAnswer({ payload, rowsPath: 'result.data' })).toThrow(/carries "error": partial/);
  });

  it('redacts passwords the function writes in every common form', () => {
    for (const text of [
      'PGPASSWORD=Hunter2-secret psql failed',
      '{"DB_PASSWORD": "Hunter2-secret"} rejected',
      'password: Hunter2-secret',
      "password='Hunter2-secret' host=db",
      'postgres://app:Hunter2@secret/x@db.internal/app refused',
    ]) {
      const message = (() => {
        try {
          decodeLambdaAnswer({ payload: JSON.stringify({ rows: [], error: text }) });
        } catch (error) {
          return (error as Error).message;
        }
        return '';
      })();
      expect(message).toMatch(/\*\*\*/);
      expect(message).not.toMatch(/Hunter2|secret\/x/);
    }
  });
});
