import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonArrayItems } from '../../src/catalog/json-items.js';

const items = (text: string) => [...jsonArrayItems(text)];

/** What JSON.parse makes of the text: the array's elements, or that it is not an array. */
function oracle(text: string): { items: unknown[] } | 'refused' {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? { items: value } : 'refused';
  } catch {
    return 'refused';
  }
}

function ours(text: string): { items: unknown[] } | 'refused' {
  try {
    return { items: items(text) };
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return 'refused';
  }
}

describe('jsonArrayItems', () => {
  it('reads the items a catalog answer holds, separators and brackets inside strings included', () => {
    const answer = [
      ['column', 'public', 't', 'a"b', 'text', false, null],
      ['table', 'we\\ird', '],[', { nested: ['x', 1, [2, { y: '}' }]] }],
      ['policy', 'public', 'ends with a backslash \\', '"', '\\"', 'ünïcödé ✓', '\u0001\u001f'],
      [],
      {},
      '',
      -0.5e3,
    ];
    expect(items(JSON.stringify(answer))).toEqual(answer);
    expect(items(JSON.stringify(answer, null, 2))).toEqual(answer);
  });

  it('reads an empty array, with or without blanks, as no items', () => {
    expect(items('[]')).toEqual([]);
    expect(items(' \n[ \t]\r\n')).toEqual([]);
  });

  it.each([
    ['', 'no text'],
    ['null', 'not an array'],
    ['{"a":[1]}', 'an object'],
    ['[1,]', 'a trailing comma'],
    ['[,1]', 'a leading comma'],
    ['[1,,2]', 'an empty element'],
    ['[1 2]', 'a missing comma'],
    ['[1]x', 'text after the array'],
    ['[1][2]', 'a second array'],
    ['[1', 'no closing bracket'],
    ['["abc]', 'an unterminated string'],
    ['["a\\"]', 'a quote escaped to the end'],
    ['[[1,2}]', 'mismatched brackets'],
    ['[{"a":1],[2}]', 'brackets crossing elements'],
    ['\ufeff[1]', 'a byte order mark'],
  ])('refuses %j (%s), as JSON.parse would', (text) => {
    expect(() => items(text)).toThrow(SyntaxError);
    expect(oracle(text)).toBe('refused');
  });

  it('never quotes the remote text in its error', () => {
    expect(() => items('[1,{"secret-looking":tru}]')).toThrow(/^the element at offset 3 is not valid JSON$/);
  });

  it('agrees with JSON.parse on every array and on every one-character corruption of it', () => {
    const alphabet = fc.constantFrom('[', ']', '{', '}', ',', '"', '\\', ':', ' ', 'a', '1', 'n');
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        alphabet,
        (array, pretty, at, edit, char) => {
          const text = pretty ? JSON.stringify(array, null, 1) : JSON.stringify(array);
          expect(ours(text)).toEqual(oracle(text));
          const i = at % (text.length + 1);
          const corrupted =
            edit === 0
              ? text.slice(0, i) + text.slice(i + 1)
              : edit === 1
                ? text.slice(0, i) + char + text.slice(i)
                : text.slice(0, i) + char + text.slice(i + 1);
          expect(ours(corrupted)).toEqual(oracle(corrupted));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
