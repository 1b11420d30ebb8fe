// The plain-text output of `lint`, made a finding at a time, and the writer that gathers pieces into chunks and waits
// for the stream after each.
import { describe, expect, it } from 'vitest';
import { writeChunked } from '../../src/lint/chunked-writer.js';
import { lintSectionText } from '../../src/lint/section-text.js';
import { lintText, migration } from './fixtures.js';

describe('lintSectionText', () => {
  it('makes one `file:line: severity: rule: message` line a finding, then the summary', async () => {
    const { section } = await lintText(
      migration([
        "op.create_index('ix_a', 'users', ['a'])",
        '# schema-drift: ignore[drop-column] moved to users_v2',
        "op.drop_column('users', 'old')",
        'op.execute(sql)',
      ]),
    );
    const pieces = [...lintSectionText(section)];
    expect(pieces).toHaveLength(section.findings.length + 1);
    expect(pieces[0]).toMatch(
      /^migrations\/versions\/a1b2c3_add_things\.py:13: warning: create-index-not-concurrently: op\.create_index on `users` builds .*\n$/,
    );
    expect(pieces[1]).toMatch(/^migrations\/versions\/a1b2c3_add_things\.py:16: notice: lint-unreadable: Not linted: /);
    expect(pieces[2]).toBe('1 migration linted: 0 errors, 1 warning, 1 notice, 1 ignored (default severities: test)\n');
  });
});

describe('writeChunked', () => {
  it('passes every character on, in order, in few large writes, waiting for the stream after each', async () => {
    const pieces = Array.from({ length: 5_000 }, (_, i) => `finding ${i} — “quoted” é\n`);
    const events: string[] = [];
    await writeChunked(
      pieces,
      (text) => events.push(`write ${text}`),
      async () => {
        events.push('drained');
      },
      4_096,
    );
    const writes = events.filter((e) => e.startsWith('write '));
    expect(writes.map((w) => w.slice(6)).join('')).toBe(pieces.join(''));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThan(pieces.length / 50);
    // Every full chunk is followed by a wait; the last, partial one needs none.
    expect(events.filter((e) => e === 'drained')).toHaveLength(writes.length - 1);
    expect(events.every((e, i) => e !== 'drained' || events[i - 1]?.startsWith('write '))).toBe(true);
  });

  it('writes nothing for nothing', async () => {
    const writes: string[] = [];
    await writeChunked(
      [],
      (t) => writes.push(t),
      async () => {},
    );
    await writeChunked(
      ['', ''],
      (t) => writes.push(t),
      async () => {},
    );
    expect(writes).toEqual([]);
  });
});
