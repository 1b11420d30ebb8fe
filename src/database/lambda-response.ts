// Decoding what the rds-sql-api Lambda answered into rows, or into an error quoting the Lambda's own words.
// Pure: bytes and strings in, rows or LambdaResponseError out.
import { quoteRemote as quoteAws } from '../aws/errors.js';
import { redactText } from './redact.js';

// The function's words may hold a connection string or a PGPASSWORD it was given: redacted before they go anywhere.
const quoteRemote = (text: string, limit?: number) => quoteAws(redactText(text), limit);

export type Row = Record<string, unknown>;

/** A Lambda answer that is a failure or that we cannot read; `retryable` marks transient ones (429/502/503/504). */
export class LambdaResponseError extends Error {
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'LambdaResponseError';
  }
}

export interface LambdaAnswer {
  payload: Uint8Array | string | null | undefined;
  /** The Invoke response's FunctionError ("Unhandled" or "Handled"), if any. */
  functionError?: string;
  /** Dotted path to the rows (input lambda-rows-path); default: try the known shapes. */
  rowsPath?: string;
}

const transientStatus = new Set([429, 502, 503, 504]);

/** Rows from one Invoke answer; throws LambdaResponseError for every failure shape of the contract. */
export function decodeLambdaAnswer(answer: LambdaAnswer): Row[] {
  const text =
    answer.payload == null
      ? ''
      : typeof answer.payload === 'string'
        ? answer.payload
        : Buffer.from(answer.payload).toString('utf8');
  const parsed = parseJson(text);

  if (answer.functionError) {
    const detail = parsed.ok ? errorText(parsed.value) : undefined;
    const quoted = detail ?? (text.trim() ? quoteRemote(text) : 'no error message');
    throw new LambdaResponseError(`function error (${answer.functionError}): ${quoted}`);
  }
  if (!text.trim()) throw new LambdaResponseError('the function returned an empty payload');
  if (!parsed.ok)
    throw new LambdaResponseError(`the function returned a payload that is not JSON: ${quoteRemote(text, 200)}`);

  const value = parsed.value;
  checkForFailure(value);
  if (answer.rowsPath) return rowsAtPath(value, answer.rowsPath);
  const rows = findRows(value);
  if (rows) return rows;
  throw new LambdaResponseError(
    `no rows found in the answer (${describeShape(value)}); expected an array of rows, {rows}, {statusCode, body} or ` +
      '{records, columnMetadata} — set lambda-rows-path to where the rows are',
  );
}

/**
 * An `errorMessage`, a statusCode ≥ 400 with its body, or a failure flag beside the rows (`error`, `errors`,
 * `ok: false`, `success: false`, `status: "error"`) is a failure even without FunctionError: rows next to an error
 * may be partial.
 */
function checkForFailure(value: unknown): void {
  if (!isObject(value)) return;
  if (typeof value.errorMessage === 'string' || typeof value.errorType === 'string') {
    throw new LambdaResponseError(`the function reported an error: ${errorText(value)}`);
  }
  const flag = failureFlag(value);
  if (flag) {
    const detail = errorText(value) ?? quoteRemote(JSON.stringify(value.errors ?? value.error ?? value) ?? '', 300);
    throw new LambdaResponseError(`the function's answer carries ${flag}: ${detail}`);
  }
  const status = statusOf(value.statusCode);
  if (status !== undefined && status >= 400) {
    const body = typeof value.body === 'string' ? parseJson(value.body) : { ok: true as const, value: value.body };
    const detail =
      (body.ok ? errorText(body.value) : undefined) ??
      (typeof value.body === 'string' && value.body.trim() ? quoteRemote(value.body) : 'no error message');
    throw new LambdaResponseError(`the function answered statusCode ${status}: ${detail}`, transientStatus.has(status));
  }
}

const failedStatus = /^(?:error|errored|failed|failure|fail)$/i;

/** Which failure flag an answer object carries, or undefined. An empty `error`/`errors` (null, "", [], {}) is none. */
function failureFlag(value: Record<string, unknown>): string | undefined {
  for (const key of ['error', 'errors']) {
    if (Object.hasOwn(value, key) && !isEmpty(value[key])) return `"${key}"`;
  }
  for (const key of ['ok', 'success']) {
    if (Object.hasOwn(value, key) && value[key] !== true)
      return `${key}: ${quoteRemote(JSON.stringify(value[key]) ?? 'undefined', 40)}`;
  }
  const status = value.status;
  if (typeof status === 'string' && failedStatus.test(status.trim())) return `status: "${quoteRemote(status, 40)}"`;
  if (typeof status === 'number' && status >= 400) return `status: ${status}`;
  return undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

/** The rows in the first default shape that fits, or undefined. */
export function findRows(value: unknown): Row[] | undefined {
  if (Array.isArray(value)) return asRows(value, 'the answer');
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.rows)) return asRows(value.rows, 'rows');
  if (isDataApi(value)) return decodeDataApi(value);
  if (typeof value.formattedRecords === 'string') {
    const parsed = parseJson(value.formattedRecords);
    if (parsed.ok && Array.isArray(parsed.value)) return asRows(parsed.value, 'formattedRecords');
  }
  if ('statusCode' in value && 'body' in value) {
    if (typeof value.body === 'string') {
      const parsed = parseJson(value.body);
      if (!parsed.ok) {
        throw new LambdaResponseError(
          `the function's body is a string that is not JSON: ${quoteRemote(value.body, 200)}`,
        );
      }
      checkForFailure(parsed.value);
      return findRows(parsed.value);
    }
    checkForFailure(value.body);
    return findRows(value.body);
  }
  return undefined;
}

/** Follows a dotted path (JSON-string bodies are parsed on the way) to an array of rows or a Data API result. */
export function rowsAtPath(value: unknown, path: string): Row[] {
  let current = value;
  const walked: string[] = [];
  for (const key of path.split('.').filter(Boolean)) {
    if (typeof current === 'string') {
      const parsed = parseJson(current);
      if (parsed.ok) current = parsed.value;
    }
    const here = walked.length ? walked.join('.') : 'the answer';
    // Every object on the way may say the query failed ({result: {error, data}}).
    checkForFailure(current);
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isObject(current) && key in current) current = current[key];
    else {
      const keys = isObject(current) ? Object.keys(current).slice(0, 10).join(', ') : describeShape(current);
      throw new LambdaResponseError(
        `lambda-rows-path "${path}" not found: ${here} has no "${key}" (it has: ${keys || 'nothing'})`,
      );
    }
    walked.push(key);
  }
  if (typeof current === 'string') {
    const parsed = parseJson(current);
    if (parsed.ok) current = parsed.value;
  }
  checkForFailure(current);
  if (Array.isArray(current)) return asRows(current, `lambda-rows-path "${path}"`);
  if (isObject(current) && isDataApi(current)) return decodeDataApi(current);
  throw new LambdaResponseError(`lambda-rows-path "${path}" holds ${describeShape(current)}, not an array of rows`);
}

function asRows(values: unknown[], where: string): Row[] {
  values.forEach((row, index) => {
    if (!isObject(row)) {
      throw new LambdaResponseError(
        `${where}: row ${index} is ${describeShape(row)}, not an object keyed by column name`,
      );
    }
  });
  return values as Row[];
}

interface DataApiResult {
  records: unknown[];
  columnMetadata: unknown[];
}

function isDataApi(value: Record<string, unknown>): value is Record<string, unknown> & DataApiResult {
  return Array.isArray(value.records) && Array.isArray(value.columnMetadata);
}

/** RDS Data API ExecuteStatement output → row objects keyed by column label (or name). */
export function decodeDataApi(result: DataApiResult): Row[] {
  const names = result.columnMetadata.map((column, index) => {
    if (isObject(column)) {
      if (typeof column.label === 'string' && column.label) return column.label;
      if (typeof column.name === 'string' && column.name) return column.name;
    }
    throw new LambdaResponseError(`columnMetadata[${index}] has no name or label`);
  });
  return result.records.map((record, rowIndex) => {
    if (!Array.isArray(record) || record.length !== names.length) {
      throw new LambdaResponseError(
        `records[${rowIndex}] has ${Array.isArray(record) ? record.length : 'no'} fields for ${names.length} columns`,
      );
    }
    const row: Row = {};
    names.forEach((name, i) => {
      row[name] = dataApiField(record[i], `records[${rowIndex}][${i}]`);
    });
    return row;
  });
}

function dataApiField(field: unknown, where: string): unknown {
  if (!isObject(field)) throw new LambdaResponseError(`${where} is ${describeShape(field)}, not a Data API field`);
  if (field.isNull === true) return null;
  if ('stringValue' in field) return field.stringValue;
  if ('longValue' in field) return field.longValue;
  if ('doubleValue' in field) return field.doubleValue;
  if ('booleanValue' in field) return field.booleanValue;
  if ('blobValue' in field) return field.blobValue;
  if ('arrayValue' in field) return dataApiArray(field.arrayValue, where);
  throw new LambdaResponseError(`${where} has no value we know (${Object.keys(field).join(', ') || 'empty'})`);
}

function dataApiArray(value: unknown, where: string): unknown[] {
  if (!isObject(value)) throw new LambdaResponseError(`${where}.arrayValue is ${describeShape(value)}`);
  for (const key of ['stringValues', 'longValues', 'doubleValues', 'booleanValues']) {
    const list = value[key];
    if (Array.isArray(list)) return list;
  }
  if (Array.isArray(value.arrayValues)) {
    return value.arrayValues.map((inner, i) => dataApiArray(inner, `${where}.arrayValues[${i}]`));
  }
  throw new LambdaResponseError(`${where}.arrayValue has no values we know (${Object.keys(value).join(', ')})`);
}

/** The message a Lambda error object carries: errorType and errorMessage, or message/error fields. */
function errorText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? quoteRemote(value) : undefined;
  if (!isObject(value)) return undefined;
  const type = typeof value.errorType === 'string' ? value.errorType : undefined;
  const message = [value.errorMessage, value.message, value.error, value.Message].find(
    (m): m is string => typeof m === 'string' && m.trim() !== '',
  );
  const nested = isObject(value.error) ? errorText(value.error) : undefined;
  const text = message ?? nested;
  if (type && text) return quoteRemote(`${type}: ${text}`);
  if (text) return quoteRemote(text);
  if (type) return quoteRemote(type);
  return undefined;
}

function statusOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{3}$/.test(value)) return Number(value);
  return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeShape(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length ? `an object with keys ${keys.slice(0, 10).join(', ')}` : 'an empty object';
  }
  return `a ${typeof value}`;
}
