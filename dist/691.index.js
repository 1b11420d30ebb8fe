export const id = 691;
export const ids = [691];
export const modules = {

/***/ 7691:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createLambdaClient: () => (/* binding */ createLambdaClient),
  createLambdaExecutor: () => (/* binding */ createLambdaExecutor)
});

// UNUSED EXPORTS: defaultPayloadTemplate, lambdaPayloadLimitBytes, parsePayloadTemplate, renderPayload

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./lib/aws/errors.js
var errors = __webpack_require__(6762);
// EXTERNAL MODULE: ./lib/aws/retry.js
var retry = __webpack_require__(8083);
;// CONCATENATED MODULE: ./lib/database/inline-params.js
// For an rds-sql-api Lambda that takes only a SQL string: our bound parameters written into the SQL as literals.
// Parameters are always our own validated values (identifiers to look up, chunk sizes), never user text, and are
// still quoted so that any value reads back as itself whatever the server's standard_conforming_strings.
/** The SQL with each `$n` outside quotes and comments replaced by the literal of params[n-1]. */
function inlineParams(sql, params) {
    const literals = params.map((value, index) => literal(value, `parameter $${index + 1}`));
    const used = new Set();
    let out = '';
    let i = 0;
    while (i < sql.length) {
        const skipped = skipQuotedOrComment(sql, i);
        if (skipped > i) {
            out += sql.slice(i, skipped);
            i = skipped;
            continue;
        }
        const placeholder = /^\$(\d+)/.exec(sql.slice(i));
        if (placeholder && !/[\w$]/.test(sql[i - 1] ?? '')) {
            const n = Number(placeholder[1]);
            const value = literals[n - 1];
            if (value === undefined)
                throw new Error(`the query uses $${n} but has ${params.length} parameter(s)`);
            used.add(n);
            out += value;
            i += placeholder[0].length;
            continue;
        }
        out += sql[i];
        i++;
    }
    if (used.size !== params.length)
        throw new Error(`the query does not use all of its ${params.length} parameter(s)`);
    return out;
}
/** A SQL literal for one value: text, number, boolean, null, array (as array text) or JSON object. */
function literal(value, what = 'value') {
    if (value === null || value === undefined)
        return 'NULL';
    if (typeof value === 'boolean')
        return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'bigint')
        return `(${value.toString()})`;
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new Error(`${what} is ${value}, which has no SQL literal`);
        // Parenthesised so that `x-$1` with -1 cannot become the comment `x--1`.
        return `(${String(value)})`;
    }
    if (typeof value === 'string')
        return stringLiteral(value, what);
    if (value instanceof Date)
        return stringLiteral(value.toISOString(), what);
    if (Array.isArray(value))
        return stringLiteral(arrayText(value, what), what);
    if (typeof value === 'object')
        return stringLiteral(JSON.stringify(value), what);
    throw new Error(`${what} is a ${typeof value}, which has no SQL literal`);
}
function stringLiteral(text, what) {
    if (text.includes('\u0000'))
        throw new Error(`${what} holds a NUL character, which PostgreSQL text cannot hold`);
    const doubled = text.replace(/'/g, "''");
    // '…' reads backslashes differently when standard_conforming_strings is off; E'…' reads them the same always.
    return text.includes('\\') ? `E'${doubled.replace(/\\/g, '\\\\')}'` : `'${doubled}'`;
}
/** PostgreSQL's array input text: `{"a","b\"c",NULL,{…}}`, elements double-quoted with `"` and `\` escaped. */
function arrayText(values, what) {
    const items = values.map((item) => {
        if (item === null || item === undefined)
            return 'NULL';
        if (Array.isArray(item))
            return arrayText(item, what);
        if (typeof item === 'number' && !Number.isFinite(item))
            throw new Error(`${what} holds ${item}`);
        const text = typeof item === 'object' ? JSON.stringify(item) : String(item);
        return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    });
    return `{${items.join(',')}}`;
}
/** The index just past a quoted string, quoted identifier, comment or dollar-quoted body starting at `i`, or `i`. */
function skipQuotedOrComment(sql, i) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'") {
        // E'…' strings escape with backslashes; others only by doubling.
        const escapes = /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '');
        let j = i + 1;
        while (j < sql.length) {
            if (escapes && sql[j] === '\\')
                j += 2;
            else if (sql[j] === "'" && sql[j + 1] === "'")
                j += 2;
            else if (sql[j] === "'")
                return j + 1;
            else
                j++;
        }
        return sql.length;
    }
    if (c === '"') {
        const end = sql.indexOf('"', i + 1);
        let j = end;
        while (j >= 0 && sql[j + 1] === '"')
            j = sql.indexOf('"', j + 2);
        return j < 0 ? sql.length : j + 1;
    }
    if (c === '-' && next === '-') {
        const end = sql.indexOf('\n', i);
        return end < 0 ? sql.length : end + 1;
    }
    if (c === '/' && next === '*') {
        let depth = 0;
        let j = i;
        while (j < sql.length) {
            if (sql[j] === '/' && sql[j + 1] === '*') {
                depth++;
                j += 2;
            }
            else if (sql[j] === '*' && sql[j + 1] === '/') {
                depth--;
                j += 2;
                if (depth === 0)
                    return j;
            }
            else
                j++;
        }
        return sql.length;
    }
    if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
        const tag = /^\$(?:[A-Za-z_][\w]*)?\$/.exec(sql.slice(i));
        if (tag) {
            const end = sql.indexOf(tag[0], i + tag[0].length);
            return end < 0 ? sql.length : end + tag[0].length;
        }
    }
    return i;
}

// EXTERNAL MODULE: ./lib/database/redact.js
var redact = __webpack_require__(2176);
;// CONCATENATED MODULE: ./lib/database/lambda-response.js
// Decoding what the rds-sql-api Lambda answered into rows, or into an error quoting the Lambda's own words.
// Pure: bytes and strings in, rows or LambdaResponseError out.


// The function's words may hold a connection string or a PGPASSWORD it was given: redacted before they go anywhere.
const quoteRemote = (text, limit) => (0,errors/* quoteRemote */.Pj)((0,redact/* redactText */.Rd)(text), limit);
/** A Lambda answer that is a failure or that we cannot read; `retryable` marks transient ones (429/502/503/504). */
class LambdaResponseError extends Error {
    retryable;
    constructor(message, retryable = false) {
        super(message);
        this.retryable = retryable;
        this.name = 'LambdaResponseError';
    }
}
const transientStatus = new Set([429, 502, 503, 504]);
/** Rows from one Invoke answer; throws LambdaResponseError for every failure shape of the contract. */
function decodeLambdaAnswer(answer) {
    const text = answer.payload == null
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
    if (!text.trim())
        throw new LambdaResponseError('the function returned an empty payload');
    if (!parsed.ok)
        throw new LambdaResponseError(`the function returned a payload that is not JSON: ${quoteRemote(text, 200)}`);
    const value = parsed.value;
    checkForFailure(value);
    if (answer.rowsPath)
        return rowsAtPath(value, answer.rowsPath);
    const rows = findRows(value);
    if (rows)
        return rows;
    throw new LambdaResponseError(`no rows found in the answer (${describeShape(value)}); expected an array of rows, {rows}, {statusCode, body} or ` +
        '{records, columnMetadata} — set lambda-rows-path to where the rows are');
}
/**
 * An `errorMessage`, a statusCode ≥ 400 with its body, or a failure flag beside the rows (`error`, `errors`,
 * `ok: false`, `success: false`, `status: "error"`) is a failure even without FunctionError: rows next to an error
 * may be partial.
 */
function checkForFailure(value) {
    if (!isObject(value))
        return;
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
        const body = typeof value.body === 'string' ? parseJson(value.body) : { ok: true, value: value.body };
        const detail = (body.ok ? errorText(body.value) : undefined) ??
            (typeof value.body === 'string' && value.body.trim() ? quoteRemote(value.body) : 'no error message');
        throw new LambdaResponseError(`the function answered statusCode ${status}: ${detail}`, transientStatus.has(status));
    }
}
const failedStatus = /^(?:error|errored|failed|failure|fail)$/i;
/** Which failure flag an answer object carries, or undefined. An empty `error`/`errors` (null, "", [], {}) is none. */
function failureFlag(value) {
    for (const key of ['error', 'errors']) {
        if (Object.hasOwn(value, key) && !isEmpty(value[key]))
            return `"${key}"`;
    }
    for (const key of ['ok', 'success']) {
        if (Object.hasOwn(value, key) && value[key] !== true)
            return `${key}: ${quoteRemote(JSON.stringify(value[key]) ?? 'undefined', 40)}`;
    }
    const status = value.status;
    if (typeof status === 'string' && failedStatus.test(status.trim()))
        return `status: "${quoteRemote(status, 40)}"`;
    if (typeof status === 'number' && status >= 400)
        return `status: ${status}`;
    return undefined;
}
function isEmpty(value) {
    if (value === null || value === undefined || value === false || value === '')
        return true;
    if (Array.isArray(value))
        return value.length === 0;
    return isObject(value) && Object.keys(value).length === 0;
}
/** The rows in the first default shape that fits, or undefined. */
function findRows(value) {
    if (Array.isArray(value))
        return asRows(value, 'the answer');
    if (!isObject(value))
        return undefined;
    if (Array.isArray(value.rows))
        return asRows(value.rows, 'rows');
    if (isDataApi(value))
        return decodeDataApi(value);
    if (typeof value.formattedRecords === 'string') {
        const parsed = parseJson(value.formattedRecords);
        if (parsed.ok && Array.isArray(parsed.value))
            return asRows(parsed.value, 'formattedRecords');
    }
    if ('statusCode' in value && 'body' in value) {
        if (typeof value.body === 'string') {
            const parsed = parseJson(value.body);
            if (!parsed.ok) {
                throw new LambdaResponseError(`the function's body is a string that is not JSON: ${quoteRemote(value.body, 200)}`);
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
function rowsAtPath(value, path) {
    let current = value;
    const walked = [];
    for (const key of path.split('.').filter(Boolean)) {
        if (typeof current === 'string') {
            const parsed = parseJson(current);
            if (parsed.ok)
                current = parsed.value;
        }
        const here = walked.length ? walked.join('.') : 'the answer';
        // Every object on the way may say the query failed ({result: {error, data}}).
        checkForFailure(current);
        if (Array.isArray(current) && /^\d+$/.test(key))
            current = current[Number(key)];
        else if (isObject(current) && key in current)
            current = current[key];
        else {
            const keys = isObject(current) ? Object.keys(current).slice(0, 10).join(', ') : describeShape(current);
            throw new LambdaResponseError(`lambda-rows-path "${path}" not found: ${here} has no "${key}" (it has: ${keys || 'nothing'})`);
        }
        walked.push(key);
    }
    if (typeof current === 'string') {
        const parsed = parseJson(current);
        if (parsed.ok)
            current = parsed.value;
    }
    checkForFailure(current);
    if (Array.isArray(current))
        return asRows(current, `lambda-rows-path "${path}"`);
    if (isObject(current) && isDataApi(current))
        return decodeDataApi(current);
    throw new LambdaResponseError(`lambda-rows-path "${path}" holds ${describeShape(current)}, not an array of rows`);
}
function asRows(values, where) {
    values.forEach((row, index) => {
        if (!isObject(row)) {
            throw new LambdaResponseError(`${where}: row ${index} is ${describeShape(row)}, not an object keyed by column name`);
        }
    });
    return values;
}
function isDataApi(value) {
    return Array.isArray(value.records) && Array.isArray(value.columnMetadata);
}
/** RDS Data API ExecuteStatement output → row objects keyed by column label (or name). */
function decodeDataApi(result) {
    const names = result.columnMetadata.map((column, index) => {
        if (isObject(column)) {
            if (typeof column.label === 'string' && column.label)
                return column.label;
            if (typeof column.name === 'string' && column.name)
                return column.name;
        }
        throw new LambdaResponseError(`columnMetadata[${index}] has no name or label`);
    });
    return result.records.map((record, rowIndex) => {
        if (!Array.isArray(record) || record.length !== names.length) {
            throw new LambdaResponseError(`records[${rowIndex}] has ${Array.isArray(record) ? record.length : 'no'} fields for ${names.length} columns`);
        }
        const row = {};
        names.forEach((name, i) => {
            row[name] = dataApiField(record[i], `records[${rowIndex}][${i}]`);
        });
        return row;
    });
}
function dataApiField(field, where) {
    if (!isObject(field))
        throw new LambdaResponseError(`${where} is ${describeShape(field)}, not a Data API field`);
    if (field.isNull === true)
        return null;
    if ('stringValue' in field)
        return field.stringValue;
    if ('longValue' in field)
        return field.longValue;
    if ('doubleValue' in field)
        return field.doubleValue;
    if ('booleanValue' in field)
        return field.booleanValue;
    if ('blobValue' in field)
        return field.blobValue;
    if ('arrayValue' in field)
        return dataApiArray(field.arrayValue, where);
    throw new LambdaResponseError(`${where} has no value we know (${Object.keys(field).join(', ') || 'empty'})`);
}
function dataApiArray(value, where) {
    if (!isObject(value))
        throw new LambdaResponseError(`${where}.arrayValue is ${describeShape(value)}`);
    for (const key of ['stringValues', 'longValues', 'doubleValues', 'booleanValues']) {
        const list = value[key];
        if (Array.isArray(list))
            return list;
    }
    if (Array.isArray(value.arrayValues)) {
        return value.arrayValues.map((inner, i) => dataApiArray(inner, `${where}.arrayValues[${i}]`));
    }
    throw new LambdaResponseError(`${where}.arrayValue has no values we know (${Object.keys(value).join(', ')})`);
}
/** The message a Lambda error object carries: errorType and errorMessage, or message/error fields. */
function errorText(value) {
    if (typeof value === 'string')
        return value.trim() ? quoteRemote(value) : undefined;
    if (!isObject(value))
        return undefined;
    const type = typeof value.errorType === 'string' ? value.errorType : undefined;
    const message = [value.errorMessage, value.message, value.error, value.Message].find((m) => typeof m === 'string' && m.trim() !== '');
    const nested = isObject(value.error) ? errorText(value.error) : undefined;
    const text = message ?? nested;
    if (type && text)
        return quoteRemote(`${type}: ${text}`);
    if (text)
        return quoteRemote(text);
    if (type)
        return quoteRemote(type);
    return undefined;
}
function statusOf(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && /^\d{3}$/.test(value))
        return Number(value);
    return undefined;
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describeShape(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (isObject(value)) {
        const keys = Object.keys(value);
        return keys.length ? `an object with keys ${keys.slice(0, 10).join(', ')}` : 'an empty object';
    }
    return `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./lib/database/lambda.js
// SqlExecutor through the existing rds-sql-api Lambda (the only way into the production VPC).





/** Lambda's limit for a synchronous request or response payload. */
const lambdaPayloadLimitBytes = 6 * 1024 * 1024;
const defaultPayloadTemplate = '{"sql": "{{sql}}", "params": "{{params}}"}';
/** A LambdaClient for the executor: our retry policy only (SDK retries off) and a bounded wait per call. */
function createLambdaClient(config, options = {}) {
    // No endpoint here: AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_LAMBDA must keep working (LocalStack, tests).
    return new dist_cjs/* LambdaClient */.Nox({
        region: config.region,
        credentials: config.credentials,
        maxAttempts: 1,
        // Without throwOnRequestTimeout the handler only logs a warning and keeps waiting.
        requestHandler: {
            requestTimeout: options.timeoutMs ?? 60_000,
            throwOnRequestTimeout: true,
            connectionTimeout: options.connectionTimeoutMs ?? 10_000,
        },
    });
}
/** Runs each query as one synchronous Invoke of the rds-sql-api function. */
function createLambdaExecutor(options) {
    const functionName = options.functionName.trim();
    if (!functionName || /\s/.test(functionName)) {
        throw new Error(`Invalid input lambda-function: "${options.functionName}" is not a function name or ARN`);
    }
    const qualifier = options.qualifier?.trim() || undefined;
    if (qualifier !== undefined && !/^[\w$-]{1,128}$/.test(qualifier)) {
        throw new Error(`Invalid input lambda-qualifier: "${qualifier}" is not a version or alias name`);
    }
    const template = parsePayloadTemplate(options.payloadTemplate);
    const maxResponseBytes = options.maxResponseBytes ?? lambdaPayloadLimitBytes;
    const rowsPath = options.rowsPath?.trim() || undefined;
    const fail = (detail) => new Error(`Could not invoke rds-sql-api "${functionName}": ${detail}`);
    return {
        async query(sql, params = []) {
            let text = sql;
            let bound = params;
            if (params.length > 0 && !template.hasParams) {
                // A Lambda that takes only SQL: our parameters go into the text as quoted literals.
                try {
                    text = inlineParams(sql, params);
                }
                catch (error) {
                    throw fail(`could not write the parameters into the SQL: ${error.message}`);
                }
                bound = [];
            }
            const payload = Buffer.from(renderPayload(template.value, text, bound), 'utf8');
            if (payload.byteLength >= lambdaPayloadLimitBytes) {
                throw fail(`the request payload is ${payload.byteLength} bytes, over Lambda's 6 MB limit`);
            }
            let attempts = 0;
            try {
                return await (0,retry/* withRetry */.b)(`invoke rds-sql-api "${functionName}"`, async (attempt) => {
                    attempts = attempt;
                    const answer = await options.client.send(new dist_cjs/* InvokeCommand */.mdN({
                        FunctionName: functionName,
                        Qualifier: qualifier,
                        InvocationType: 'RequestResponse',
                        Payload: payload,
                    }));
                    const size = answer.Payload?.byteLength ?? 0;
                    if (size > maxResponseBytes) {
                        throw new LambdaResponseError(`the response payload is ${size} bytes, over the ${maxResponseBytes}-byte limit; ` +
                            'the query returned more than the Lambda can carry');
                    }
                    return decodeLambdaAnswer({
                        payload: answer.Payload,
                        functionError: answer.FunctionError,
                        rowsPath,
                    });
                }, {
                    ...options.retry,
                    isRetryable: options.retry?.isRetryable ??
                        ((error) => (0,retry/* isThrottleOrServerError */.F)(error) || (error instanceof LambdaResponseError && error.retryable)),
                });
            }
            catch (error) {
                const detail = error instanceof LambdaResponseError ? error.message : explainSdkError(error);
                throw fail(attempts > 1 ? `${detail} (gave up after ${attempts} attempts)` : detail);
            }
        },
        describe: () => `lambda:${functionName}${qualifier ? `:${qualifier}` : ''}`,
        async close() {
            // The client belongs to the caller, who may share it.
        },
    };
}
function explainSdkError(error) {
    const text = (0,errors/* describeError */.Uc)(error);
    const name = error?.name;
    if (name === 'RequestTooLargeException')
        return `${text} (the request is over Lambda's 6 MB limit)`;
    if (name === 'TimeoutError')
        return `${text} (no answer in time; the function may still be running)`;
    return text;
}
/** Parses and checks lambda-payload-template: valid JSON with a string value that is exactly "{{sql}}". */
function parsePayloadTemplate(text) {
    const source = text?.trim() ? text : defaultPayloadTemplate;
    let value;
    try {
        value = JSON.parse(source);
    }
    catch (error) {
        // The template may carry an API key, so its text is not echoed.
        throw new Error(`Invalid input lambda-payload-template: not valid JSON (${(0,errors/* quoteRemote */.Pj)(error.message, 120)})`);
    }
    const found = { sql: false, params: false };
    visitStrings(value, (s) => {
        if (s === '{{sql}}')
            found.sql = true;
        if (s === '{{params}}')
            found.params = true;
    });
    if (!found.sql) {
        throw new Error('Invalid input lambda-payload-template: it has no string value that is exactly "{{sql}}"');
    }
    return { value, hasParams: found.params };
}
/** The request JSON: every string value "{{sql}}" becomes the SQL and every "{{params}}" the parameter array. */
function renderPayload(template, sql, params) {
    const jsonParams = params.map((p) => (typeof p === 'bigint' ? p.toString() : p === undefined ? null : p));
    const fill = (node) => {
        if (node === '{{sql}}')
            return sql;
        if (node === '{{params}}')
            return jsonParams;
        if (Array.isArray(node))
            return node.map(fill);
        if (typeof node === 'object' && node !== null) {
            return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
        }
        return node;
    };
    return JSON.stringify(fill(template));
}
function visitStrings(node, visit) {
    if (typeof node === 'string')
        visit(node);
    else if (Array.isArray(node))
        for (const item of node)
            visitStrings(item, visit);
    else if (typeof node === 'object' && node !== null)
        for (const v of Object.values(node))
            visitStrings(v, visit);
}


/***/ })

};
