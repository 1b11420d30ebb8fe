// For an rds-sql-api Lambda that takes only a SQL string: our bound parameters written into the SQL as literals.
// Parameters are always our own validated values (identifiers to look up, chunk sizes), never user text, and are
// still quoted so that any value reads back as itself whatever the server's standard_conforming_strings.

/** The SQL with each `$n` outside quotes and comments replaced by the literal of params[n-1]. */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  const literals = params.map((value, index) => literal(value, `parameter $${index + 1}`));
  const used = new Set<number>();
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
      if (value === undefined) throw new Error(`the query uses $${n} but has ${params.length} parameter(s)`);
      used.add(n);
      out += value;
      i += placeholder[0].length;
      continue;
    }
    out += sql[i];
    i++;
  }
  if (used.size !== params.length) throw new Error(`the query does not use all of its ${params.length} parameter(s)`);
  return out;
}

/** A SQL literal for one value: text, number, boolean, null, array (as array text) or JSON object. */
export function literal(value: unknown, what = 'value'): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return `(${value.toString()})`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${what} is ${value}, which has no SQL literal`);
    // Parenthesised so that `x-$1` with -1 cannot become the comment `x--1`.
    return `(${String(value)})`;
  }
  if (typeof value === 'string') return stringLiteral(value, what);
  if (value instanceof Date) return stringLiteral(value.toISOString(), what);
  if (Array.isArray(value)) return stringLiteral(arrayText(value, what), what);
  if (typeof value === 'object') return stringLiteral(JSON.stringify(value), what);
  throw new Error(`${what} is a ${typeof value}, which has no SQL literal`);
}

function stringLiteral(text: string, what: string): string {
  if (text.includes('\u0000')) throw new Error(`${what} holds a NUL character, which PostgreSQL text cannot hold`);
  const doubled = text.replace(/'/g, "''");
  // '…' reads backslashes differently when standard_conforming_strings is off; E'…' reads them the same always.
  return text.includes('\\') ? `E'${doubled.replace(/\\/g, '\\\\')}'` : `'${doubled}'`;
}

/** PostgreSQL's array input text: `{"a","b\"c",NULL,{…}}`, elements double-quoted with `"` and `\` escaped. */
function arrayText(values: readonly unknown[], what: string): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayText(item, what);
    if (typeof item === 'number' && !Number.isFinite(item)) throw new Error(`${what} holds ${item}`);
    const text = typeof item === 'object' ? JSON.stringify(item) : String(item);
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}

/** The index just past a quoted string, quoted identifier, comment or dollar-quoted body starting at `i`, or `i`. */
function skipQuotedOrComment(sql: string, i: number): number {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === "'") {
    // E'…' strings escape with backslashes; others only by doubling.
    const escapes = /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '');
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === '\\') j += 2;
      else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
      else if (sql[j] === "'") return j + 1;
      else j++;
    }
    return sql.length;
  }
  if (c === '"') {
    const end = sql.indexOf('"', i + 1);
    let j = end;
    while (j >= 0 && sql[j + 1] === '"') j = sql.indexOf('"', j + 2);
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
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth--;
        j += 2;
        if (depth === 0) return j;
      } else j++;
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
