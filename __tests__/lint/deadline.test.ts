// timeout-seconds while linting: reading stops at the deadline, between files and between statements of one long
// SQL text, and the error names the file that was being read.
import { describe, expect, it } from 'vitest';
import { EMPTY_LINT_CONFIG } from '../../src/lint/config.js';
import { findRisks, LintTimeoutError } from '../../src/lint/lint.js';
import { migration } from './fixtures.js';

const options = { config: EMPTY_LINT_CONFIG, envLockTimeout: true, today: '2026-12-01' };
const small = migration(["op.drop_column('users', 'a')"]);

describe('linting within a deadline', () => {
  it('stops before the next file once the time is up, naming the file it was reading', async () => {
    let clock = 0;
    const inputs = ['a.py', 'b.py', 'c.py'].map((file) => ({
      file,
      text: () => {
        clock += 10;
        return small;
      },
    }));
    const deadline = { at: 15, what: 'timeout-seconds (1)', now: () => clock };
    const error = await findRisks(inputs, { ...options, deadline }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintTimeoutError);
    expect((error as LintTimeoutError).file).toBe('b.py');
    expect((error as Error).message).toBe('timeout-seconds (1) ran out while linting b.py (1 of 3 migrations linted)');
  });

  it('stops inside one long SQL literal, between its statements', async () => {
    const statements = Array.from({ length: 2_000 }, (_, i) => `UPDATE t SET a = ${i} WHERE id = ${i};`).join('\n');
    let calls = 0;
    const now = () => {
      calls++;
      return calls > 50 ? 100 : 0;
    };
    const text = migration([`op.execute("""${statements}""")`]);
    const error = await findRisks([{ file: 'big.py', text }], {
      ...options,
      deadline: { at: 100, what: 'timeout-seconds (1)', now },
    }).catch((e: unknown) => e);
    expect((error as LintTimeoutError).file).toBe('big.py');
    expect(calls).toBeLessThan(60);
  });

  it('reads everything when the time suffices', async () => {
    const found = await findRisks([{ file: 'a.py', text: small }], {
      ...options,
      deadline: { at: Number.POSITIVE_INFINITY, what: 'timeout-seconds (300)' },
    });
    expect(found.risks.map((r) => r.rule.id)).toEqual(['drop-column']);
  });
});
