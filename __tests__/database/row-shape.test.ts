import { describe, expect, it } from 'vitest';
import { checkRows } from '../../src/database/row-shape.js';

describe('checkRows', () => {
  it('passes rows that have every column with its type, extra columns allowed', () => {
    const rows = [
      { chunks: '2', items: null, extra: 1 },
      { chunks: 3, items: [] },
    ];
    expect(checkRows(rows, { chunks: 'integer', items: 'json?' }, 'q')).toBe(rows);
  });

  it('refuses a row without the column, naming the row and what it had', () => {
    expect(() =>
      checkRows([{ version_num: 'a' }, { VERSION_NUM: 'b' }], { version_num: 'text?' }, 'the table'),
    ).toThrow('the table: row 1 has no column "version_num" (it has: VERSION_NUM)');
  });

  it('refuses a value of another type, and null where null is not allowed', () => {
    expect(() => checkRows([{ version_num: 1001 }], { version_num: 'text?' }, 't')).toThrow(
      't: row 0 column "version_num" is the number 1001, expected text',
    );
    expect(() => checkRows([{ chunks: '1.5' }], { chunks: 'integer' }, 't')).toThrow('expected integer');
    expect(() => checkRows([{ name: null }], { name: 'text' }, 't')).toThrow('is null, expected text');
    expect(() => checkRows([['a']], { name: 'text' }, 't')).toThrow('row 0 is an array of 1');
  });
});
