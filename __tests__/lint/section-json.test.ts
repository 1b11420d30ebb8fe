// The streamed --json text of a lint section is the same, byte for byte, as one JSON.stringify of it.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { LintSection } from '../../src/lint/lint.js';
import { lintSectionJson } from '../../src/lint/section-json.js';
import { lintText, migration } from './fixtures.js';

function streamed(section: LintSection): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  for (const piece of lintSectionJson(section)) {
    text += piece;
    pieces++;
  }
  return { text, pieces };
}

const whole = (section: unknown) => `${JSON.stringify(section, null, 2)}\n`;

describe('lintSectionJson', () => {
  it('pieces a real section (findings, notices, ignores, messages with quotes and "—") as JSON.stringify does', async () => {
    const text = migration([
      "op.create_index('ix_a', 'users', ['a'])",
      '# schema-drift: ignore[drop-column] moved to "users_v2"',
      "op.drop_column('users', 'old')",
      'op.execute("UPDATE users SET a = \'x\\ny\'")',
      'op.execute(sql)',
    ]);
    const { section } = await lintText(text);
    expect(section.findings.length).toBeGreaterThan(2);
    expect(section.ignored.length).toBe(1);
    const out = streamed(section);
    expect(out.text).toBe(whole(section));
    // A piece a finding: the whole text is never one string.
    expect(out.pieces).toBeGreaterThan(section.findings.length);
  });

  it('never stringifies the findings array whole, not even to test a field', async () => {
    const { section } = await lintText(migration(["op.create_index('ix_a', 'users', ['a'])", 'op.execute(sql)']));
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      streamed(section);
      expect(stringify.mock.calls.filter(([value]) => value === section.findings)).toEqual([]);
      expect(stringify).toHaveBeenCalledWith(section.findings[0], null, 2);
    } finally {
      stringify.mockRestore();
    }
  });

  it('pieces an empty section (no findings, no ignores) as JSON.stringify does', async () => {
    const { section } = await lintText(migration(['pass']));
    expect(section.findings).toEqual([]);
    expect(streamed(section).text).toBe(whole(section));
  });

  it('matches JSON.stringify on any plain data', () => {
    const item = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(item, { maxLength: 4 })), {
          maxKeys: 6,
        }),
        (value) => {
          expect(streamed(value as unknown as LintSection).text).toBe(whole(value));
        },
      ),
    );
  });
});
