import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineParams, literal } from '../../src/database/inline-params.js';

describe('inlineParams', () => {
  it('replaces each $n with its quoted literal, doubling quotes', () => {
    expect(inlineParams('select $1::text, $2, $3', ["o'brien", 42, null])).toBe("select 'o''brien'::text, (42), NULL");
  });

  it('leaves $n inside strings, quoted identifiers, comments and dollar quotes alone', () => {
    const sql = `select '$1', "a$1", $q$ $1 $q$, E'\\'$1' -- $1\n/* $1 /* $1 */ */ , $1`;
    expect(inlineParams(sql, ['x'])).toBe(`select '$1', "a$1", $q$ $1 $q$, E'\\'$1' -- $1\n/* $1 /* $1 */ */ , 'x'`);
  });

  it('keeps $10 apart from $1', () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParams('select $10 + $1, $2,$3,$4,$5,$6,$7,$8,$9', params)).toBe(
      'select (10) + (1), (2),(3),(4),(5),(6),(7),(8),(9)',
    );
  });

  it('parenthesises negative numbers so x-$1 cannot become a comment', () => {
    expect(inlineParams('select 1-$1', [-1])).toBe('select 1-(-1)');
  });

  it('refuses a parameter the SQL does not use, or a $n without a parameter', () => {
    expect(() => inlineParams('select 1', ['a'])).toThrow('does not use all of its 1 parameter(s)');
    expect(() => inlineParams('select $2', ['a'])).toThrow('uses $2 but has 1 parameter(s)');
  });

  it('refuses values with no literal', () => {
    expect(() => literal(Number.NaN)).toThrow('NaN');
    expect(() => literal('a\u0000b')).toThrow('NUL');
    expect(() => literal(Symbol('x'))).toThrow('symbol');
  });
});

describe('inlined literals read back as the values, whatever standard_conforming_strings says', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
  });
  afterAll(async () => db?.close());

  const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
  for (const setting of ['on', 'off']) {
    it(`text and text[] with standard_conforming_strings ${setting}`, async () => {
      await db.exec(`set standard_conforming_strings = ${setting}; set escape_string_warning = off`);
      await fc.assert(
        fc.asyncProperty(text, fc.array(fc.option(text, { nil: null }), { maxLength: 4 }), async (value, list) => {
          const sql = inlineParams('select $1::text as value, $2::text[] as list', [value, list]);
          const result = await db.query<{ value: string; list: (string | null)[] }>(sql);
          expect(result.rows[0]).toEqual({ value, list });
        }),
        { numRuns: 60 },
      );
    });
  }

  it('numbers, booleans, null and JSON objects', async () => {
    const sql = inlineParams('select $1::bigint as n, $2::float8 as f, $3::bool as b, $4::text as z, $5::jsonb as j', [
      -9007199254740991,
      1.5,
      false,
      null,
      { a: "it's", b: [1, '\\'] },
    ]);
    const result = await db.query(sql);
    expect(result.rows[0]).toEqual({ n: -9007199254740991, f: 1.5, b: false, z: null, j: { a: "it's", b: [1, '\\'] } });
  });
});
