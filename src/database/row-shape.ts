// The columns a query must answer with. A row that lacks one, or holds a value of another type, means the answer
// is not what we asked for (a Lambda that renamed or dropped a column, a proxy that stringified it): reading on
// would drop that row or read it as empty, which could turn an unreadable table into "no versions" or "no objects".
import { quoteRemote } from '../aws/errors.js';
import { redactText } from './redact.js';

/** `text`: a string; `integer`: a whole number (or its decimal text, as bigint columns arrive); `json`: any value. */
export type ColumnKind = 'text' | 'integer' | 'json';
/** A kind, or the kind with `?` when SQL NULL is a legal answer. */
export type ColumnSpec = ColumnKind | `${ColumnKind}?`;

/** The rows as asked for; throws naming the row, the column and what was found instead. */
export function checkRows<Row>(rows: readonly unknown[], columns: Record<string, ColumnSpec>, what: string): Row[] {
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new Error(`${what}: row ${index} is ${shapeOf(row)}, not a row keyed by column name`);
    }
    const record = row as Record<string, unknown>;
    for (const [column, spec] of Object.entries(columns)) {
      const nullable = spec.endsWith('?');
      const kind = (nullable ? spec.slice(0, -1) : spec) as ColumnKind;
      if (!Object.hasOwn(record, column)) {
        const has = Object.keys(record)
          .slice(0, 10)
          .map((k) => quoteRemote(redactText(k), 64));
        throw new Error(
          `${what}: row ${index} has no column "${column}" (it has: ${has.join(', ') || 'no columns'}); the answer is not the query's`,
        );
      }
      const value = record[column];
      if (value === null) {
        if (nullable) continue;
        throw new Error(`${what}: row ${index} column "${column}" is null, expected ${kind}`);
      }
      if (!fits(kind, value)) {
        throw new Error(`${what}: row ${index} column "${column}" is ${shapeOf(value)}, expected ${kind}`);
      }
    }
  });
  return rows as Row[];
}

function fits(kind: ColumnKind, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'integer':
      return (
        (typeof value === 'number' && Number.isInteger(value)) ||
        typeof value === 'bigint' ||
        (typeof value === 'string' && /^-?\d+$/.test(value))
      );
    case 'json':
      return value !== undefined;
  }
}

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${quoteRemote(redactText(JSON.stringify(value)), 80)}`;
  return `the ${typeof value} ${quoteRemote(redactText(String(value)), 80)}`;
}
