// The plain-text output of `lint`, written a finding at a time, and the writer that gathers such writes into chunks.
import { describe, expect, it } from 'vitest';
import { chunkedWriter } from '../../src/lint/chunked-writer.js';
import { writeLintSectionText } from '../../src/lint/section-text.js';
import { lintText, migration } from './fixtures.js';

function collect(write: (out: (text: string) => void) => void): { text: string; writes: number } {
  let text = '';
  let writes = 0;
  write((chunk) => {
    text += chunk;
    writes++;
  });
  return { text, writes };
}

describe('writeLintSectionText', () => {
  it('writes one `file:line: severity: rule: message` line a finding, then the summary', async () => {
    const { section } = await lintText(
      migration([
        "op.create_index('ix_a', 'users', ['a'])",
        '# schema-drift: ignore[drop-column] moved to users_v2',
        "op.drop_column('users', 'old')",
        'op.execute(sql)',
      ]),
    );
    const out = collect((write) => writeLintSectionText(section, write));
    const lines = out.text.split('\n');
    expect(lines).toHaveLength(section.findings.length + 2);
    expect(lines[0]).toMatch(
      /^migrations\/versions\/a1b2c3_add_things\.py:13: warning: create-index-not-concurrently: op\.create_index on `users` builds/,
    );
    expect(lines[1]).toMatch(/^migrations\/versions\/a1b2c3_add_things\.py:16: notice: lint-unreadable: Not linted: /);
    expect(lines[2]).toBe('1 migration linted: 0 errors, 1 warning, 1 notice, 1 ignored (default severities: test)');
    expect(lines[3]).toBe('');
    expect(out.writes).toBe(section.findings.length + 1);
  });
});

describe('chunkedWriter', () => {
  it('passes every character on, in order, in few large writes', () => {
    const pieces = Array.from({ length: 5_000 }, (_, i) => `finding ${i} — “quoted” é\n`);
    const out = collect((write) => {
      const writer = chunkedWriter(write, 4_096);
      for (const p of pieces) writer.write(p);
      writer.flush();
    });
    expect(out.text).toBe(pieces.join(''));
    expect(out.writes).toBeGreaterThan(1);
    expect(out.writes).toBeLessThan(pieces.length / 50);
  });

  it('writes nothing for nothing, and nothing twice', () => {
    const out = collect((write) => {
      const writer = chunkedWriter(write);
      writer.flush();
      writer.write('a');
      writer.flush();
      writer.flush();
    });
    expect(out).toEqual({ text: 'a', writes: 1 });
  });
});
