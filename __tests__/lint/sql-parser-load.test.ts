// The SQL parser (WebAssembly) is loaded only when a migration has SQL to read, and that migration loses nothing for
// being the one that loads it. A file of its own: the parser's loaded state is per module instance.
import { describe, expect, it } from 'vitest';
import { EMPTY_LINT_CONFIG } from '../../src/lint/config.js';
import { findRisks } from '../../src/lint/lint.js';
import { sqlParserLoaded } from '../../src/lint/sql-reader.js';
import { FIRST_BODY_LINE, migration } from './fixtures.js';

const options = { config: EMPTY_LINT_CONFIG, envLockTimeout: true, today: '2026-12-01' };

describe('loading the SQL parser', () => {
  it('does not load it for migrations without SQL, then loads it for the first that has some and reads it whole', async () => {
    const plain = migration(["op.create_index('ix_a', 'users', ['a'])", "op.drop_column('users', 'b')"]);
    const before = await findRisks([{ file: 'a.py', text: plain }], options);
    expect(sqlParserLoaded()).toBe(false);
    expect(before.risks.map((r) => r.rule.id)).toEqual(['create-index-not-concurrently', 'drop-column']);

    const withSql = migration([
      "op.create_index('ix_b', 'users', ['b'])",
      "op.add_column('users', sa.Column('c', sa.Integer(), server_default=sa.text('random()')))",
      'op.execute("DELETE FROM sessions")',
    ]);
    const after = await findRisks(
      [
        { file: 'a.py', text: plain },
        { file: 'b.py', text: withSql },
      ],
      options,
    );
    expect(sqlParserLoaded()).toBe(true);
    expect(after.risks.map((r) => [r.file, r.rule.id, r.line])).toEqual([
      ['a.py', 'create-index-not-concurrently', FIRST_BODY_LINE],
      ['a.py', 'drop-column', FIRST_BODY_LINE + 1],
      ['b.py', 'create-index-not-concurrently', FIRST_BODY_LINE],
      ['b.py', 'volatile-default-rewrite', FIRST_BODY_LINE + 1],
      ['b.py', 'unbounded-data-change', FIRST_BODY_LINE + 2],
    ]);
    expect(after.notes).toEqual([]);
  });
});
