import { describe, expect, it } from 'vitest';
import { clip, fitToBudget, truncateUtf8, utf8Length } from '../../src/report/limits.js';

describe('limits', () => {
  it('cuts UTF-8 text at a code point boundary, marker included in the budget', () => {
    const cut = truncateUtf8('🚀🚀🚀🚀', 10, '…');
    expect(cut).toBe('🚀…');
    expect(utf8Length(cut)).toBeLessThanOrEqual(10);
    expect(truncateUtf8('short', 10)).toBe('short');
  });

  it('clips a value by characters with an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });

  it('picks the largest list limit that fits', () => {
    const render = (limit: number) => 'x'.repeat(10 + limit * 3);
    expect(fitToBudget(render, 100, 40)).toBe('x'.repeat(40));
    expect(fitToBudget(render, 100, 1000)).toBe('x'.repeat(310));
    expect(utf8Length(fitToBudget(render, 100, 5))).toBeLessThanOrEqual(5);
  });
});
