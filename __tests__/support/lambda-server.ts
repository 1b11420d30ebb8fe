// Stand-in for Lambda Invoke (REST-JSON, POST /2015-03-31/functions/{name}/invocations) hosting an `rds-sql-api`
// that really runs the SQL on PGlite or the PostgreSQL server and answers in any of the shapes we decode.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type HttpReply, type RecordedRequest, startHttpServer } from './http-server.js';

export type LambdaShape =
  | 'array' // [ {col: value} ]
  | 'rows' // { rows: [...] }
  | 'api-gateway' // { statusCode: 200, body: { rows: [...] } }
  | 'api-gateway-string' // { statusCode: 200, body: "{\"rows\": [...]}" }
  | 'data-api' // { records: [[{stringValue}]], columnMetadata: [{name}] }
  | 'nested'; // { result: { data: [...] } } — only found through lambda-rows-path "result.data"

export type LambdaFault =
  | 'throttle' // 429 TooManyRequestsException
  | 'service-error' // 500 ServiceException
  | 'hang' // never answers (past the client's timeout)
  | 'unhandled' // X-Amz-Function-Error: Unhandled
  | 'handled' // X-Amz-Function-Error: Handled
  | 'error-message' // 200 with {errorMessage}, no FunctionError header
  | 'non-json'
  | 'status-500' // {statusCode: 500, body: "{\"error\": ...}"}
  | 'status-503'
  | 'oversize' // a real payload over 6 MB
  | 'response-too-large' // what Lambda itself answers when the function's response is too large
  | 'empty'
  // Answers that look like success but are not (issue 8 item 3); the real rows come with them where it says so.
  | 'error-beside-rows' // { rows: [...real rows], error: errorText }
  | 'errors-array' // { rows: [], errors: [{ message: errorText }] }
  | 'ok-false' // { ok: false, message: errorText, rows: [] }
  | 'success-false' // { success: false, rows: [...real rows] }
  | 'status-failed' // { status: "failed", result: errorText, rows: [] }
  | 'renamed-column' // the real rows with every column name upper-cased
  | 'wrong-type'; // the real rows with every value turned into a number

export interface SqlResult {
  rows: Record<string, unknown>[];
  fields: { name: string; dataTypeID: number }[];
}
export type SqlRunner = (sql: string, params: unknown[]) => Promise<SqlResult>;

/** Runs SQL on the real PostgreSQL server at `url` (one pooled connection). */
export function pgRunner(url: string): SqlRunner & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const run = (async (sql: string, params: unknown[]) => {
    const result = await pool.query(sql, params);
    return { rows: result.rows, fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
  }) as SqlRunner & { close(): Promise<void> };
  run.close = () => pool.end();
  return run;
}

/** Runs SQL on an embedded PGlite database the test owns. */
export function pgliteRunner(db: PGlite): SqlRunner {
  return async (sql, params) => {
    const result = await db.query<Record<string, unknown>>(sql, params);
    return { rows: result.rows, fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
  };
}

export interface Invocation {
  functionName: string;
  qualifier: string | null;
  /** The parsed event, or the raw text when it was not JSON. */
  event: unknown;
  request: RecordedRequest;
}

export interface LambdaServer {
  url: string;
  requests: RecordedRequest[];
  invocations: Invocation[];
  setShape(shape: LambdaShape): void;
  /** Faults for the next invocations, one per request, before normal answers resume. */
  queueFaults(...faults: LambdaFault[]): void;
  /** A fault for every invocation until cleared. */
  setFault(fault: LambdaFault | undefined): void;
  /** A fault chosen by the query's SQL (e.g. only for the catalog reads), until cleared with undefined. */
  setFaultWhen(choose: ((sql: string) => LambdaFault | undefined) | undefined): void;
  /** The function's own error text used by error faults (to plant secrets in). */
  setErrorText(text: string): void;
  close(): Promise<void>;
}

export interface LambdaServerOptions {
  runSql: SqlRunner;
  shape?: LambdaShape;
  /** Where the SQL and params are in the event (default: event.sql, event.params). */
  extract?: (event: unknown) => { sql: string; params: unknown[] };
  /** false: a function that takes only SQL and never binds `params` (as many in-house ones do). Default true. */
  bindsParams?: boolean;
}

const defaultExtract = (event: unknown) => {
  const e = event as { sql?: unknown; params?: unknown };
  if (typeof e?.sql !== 'string') throw new Error('event has no "sql" string');
  return { sql: e.sql, params: Array.isArray(e.params) ? e.params : [] };
};

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v) =>
    typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v,
  );

/** Starts the Lambda stand-in on 127.0.0.1; point clients at it with AWS_ENDPOINT_URL_LAMBDA. */
export async function startLambdaServer(options: LambdaServerOptions): Promise<LambdaServer> {
  let shape: LambdaShape = options.shape ?? 'array';
  let always: LambdaFault | undefined;
  let chooseFault: ((sql: string) => LambdaFault | undefined) | undefined;
  const queued: LambdaFault[] = [];
  let errorText = 'relation "alembic_version" does not exist';
  const invocations: Invocation[] = [];
  const extract = options.extract ?? defaultExtract;

  const server = await startHttpServer(async (req): Promise<HttpReply | undefined> => {
    const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.path);
    if (req.method !== 'POST' || !match) {
      return awsError(404, 'ResourceNotFoundException', `Function not found: ${req.path}`);
    }
    let event: unknown = req.text;
    try {
      event = JSON.parse(req.text);
    } catch {
      // kept as text; recorded as sent
    }
    invocations.push({
      functionName: decodeURIComponent(match[1] ?? ''),
      qualifier: req.query.get('Qualifier'),
      event,
      request: req,
    });

    const sqlOf = (e: unknown) => (typeof (e as { sql?: unknown })?.sql === 'string' ? (e as { sql: string }).sql : '');
    const fault = queued.shift() ?? always ?? chooseFault?.(sqlOf(event));
    if (fault === 'hang') return new Promise<undefined>(() => {});
    if (fault && !answerFaults.has(fault)) return faultReply(fault as PlainFault, errorText);

    let result: SqlResult;
    try {
      const { sql, params } = extract(event);
      result = await options.runSql(sql, options.bindsParams === false ? [] : params);
    } catch (error) {
      // A failing query surfaces the way a Node Lambda does: an unhandled exception, or a 500 behind API Gateway.
      const message = (error as Error).message;
      if (shape === 'api-gateway' || shape === 'api-gateway-string') {
        return ok({ statusCode: 500, body: json({ error: message }) });
      }
      return functionError('Unhandled', { errorType: 'error', errorMessage: message, trace: [`error: ${message}`] });
    }
    if (fault) return ok(forgedAnswer(fault, result, errorText));
    return ok(encode(shape, result));
  });

  return {
    url: server.url,
    requests: server.requests,
    invocations,
    setShape(next) {
      shape = next;
    },
    queueFaults(...faults) {
      queued.push(...faults);
    },
    setFault(fault) {
      always = fault;
    },
    setFaultWhen(choose) {
      chooseFault = choose;
    },
    setErrorText(text) {
      errorText = text;
    },
    close: () => server.close(),
  };
}

function encode(shape: LambdaShape, result: SqlResult): unknown {
  switch (shape) {
    case 'array':
      return result.rows;
    case 'rows':
      return { rows: result.rows };
    case 'api-gateway':
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: { rows: result.rows } };
    case 'api-gateway-string':
      return { statusCode: 200, body: json({ rows: result.rows }) };
    case 'nested':
      return { result: { data: result.rows, count: result.rows.length } };
    case 'data-api':
      return {
        numberOfRecordsUpdated: 0,
        columnMetadata: result.fields.map((f) => ({ name: f.name, label: f.name, type: f.dataTypeID })),
        records: result.rows.map((row) => result.fields.map((f) => dataApiField(row[f.name], f.dataTypeID))),
      };
  }
}

const intTypes = new Set([20, 21, 23, 26]);
const floatTypes = new Set([700, 701]);
const intArrayTypes = new Set([1005, 1007, 1016, 1028]);

/** One value as the RDS Data API types it. */
function dataApiField(value: unknown, typeId: number): Record<string, unknown> {
  if (value === null || value === undefined) return { isNull: true };
  if (typeId === 16) return { booleanValue: Boolean(value) };
  if (intTypes.has(typeId)) return { longValue: Number(value) };
  if (floatTypes.has(typeId)) return { doubleValue: Number(value) };
  // json and jsonb come back as their JSON text, whatever they hold (the Data API does not type their contents).
  if (typeId === 114 || typeId === 3802) return { stringValue: json(value) };
  if (Array.isArray(value)) {
    if (intArrayTypes.has(typeId)) return { arrayValue: { longValues: value.map(Number) } };
    if (typeId === 1000) return { arrayValue: { booleanValues: value.map(Boolean) } };
    return { arrayValue: { stringValues: value.map(String) } };
  }
  if (value instanceof Date) return { stringValue: value.toISOString() };
  if (typeof value === 'object') return { stringValue: json(value) };
  return { stringValue: String(value) };
}

function ok(payload: unknown): HttpReply {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' },
    body: json(payload),
  };
}

function functionError(kind: 'Unhandled' | 'Handled', payload: unknown): HttpReply {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-amz-function-error': kind, 'x-amz-executed-version': '$LATEST' },
    body: json(payload),
  };
}

function awsError(status: number, type: string, message: string): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/` },
    body: json({ Type: status >= 500 ? 'Service' : 'User', message }),
  };
}

// Faults that answer 200 around the real query's result.
const answerFaults = new Set<LambdaFault>([
  'error-beside-rows',
  'errors-array',
  'ok-false',
  'success-false',
  'status-failed',
  'renamed-column',
  'wrong-type',
]);
type PlainFault = Exclude<
  LambdaFault,
  | 'hang'
  | 'error-beside-rows'
  | 'errors-array'
  | 'ok-false'
  | 'success-false'
  | 'status-failed'
  | 'renamed-column'
  | 'wrong-type'
>;

function forgedAnswer(fault: LambdaFault, result: SqlResult, errorText: string): unknown {
  const rows = result.rows;
  switch (fault) {
    case 'error-beside-rows':
      return { rows, error: errorText };
    case 'errors-array':
      return { rows: [], errors: [{ message: errorText }] };
    case 'ok-false':
      return { ok: false, message: errorText, rows: [] };
    case 'success-false':
      return { success: false, rows };
    case 'status-failed':
      return { status: 'failed', result: errorText, rows: [] };
    case 'renamed-column':
      return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toUpperCase(), v])));
    case 'wrong-type':
      return rows.map((row) => Object.fromEntries(Object.keys(row).map((k, i) => [k, 1000 + i])));
    default:
      throw new Error(`not an answer fault: ${fault}`);
  }
}

function faultReply(fault: PlainFault, errorText: string): HttpReply {
  switch (fault) {
    case 'throttle':
      return {
        status: 429,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException' },
        body: json({ Reason: 'CallerRateLimitExceeded', Type: 'User', message: 'Rate Exceeded.' }),
      };
    case 'service-error':
      return awsError(500, 'ServiceException', 'An internal error occurred in the Lambda service');
    case 'unhandled':
      return functionError('Unhandled', {
        errorType: 'Runtime.UnhandledPromiseRejection',
        errorMessage: `  ${errorText}  `,
        trace: ['Runtime.UnhandledPromiseRejection: ...', '    at process.<anonymous>'],
      });
    case 'handled':
      return functionError('Handled', { errorType: 'QueryError', errorMessage: errorText });
    case 'error-message':
      return ok({ errorType: 'QueryError', errorMessage: errorText });
    case 'non-json':
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: `Internal proxy failure: ${errorText}` };
    case 'status-500':
      return ok({ statusCode: 500, body: json({ error: errorText }) });
    case 'status-503':
      return ok({ statusCode: 503, body: json({ error: 'database is starting up' }) });
    case 'oversize':
      return ok([{ version_num: 'x'.repeat(6 * 1024 * 1024 + 10) }]);
    case 'response-too-large':
      return functionError('Unhandled', {
        errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
        errorType: 'Function.ResponseSizeTooLarge',
      });
    case 'empty':
      return { status: 200, headers: { 'x-amz-executed-version': '$LATEST' }, body: '' };
  }
}
