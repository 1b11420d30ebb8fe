// What the Python reader follows inside one revision file, and where it stops following without guessing: the
// hostile corpus (integration/lint-hostile.test.ts) pins that nothing is silent; these pin that it is not noisy.
import { describe, expect, it } from 'vitest';
import { lintText } from './fixtures.js';

const file = (lines: string[]) =>
  [
    'from alembic import op',
    'import sqlalchemy as sa',
    "revision = 'a1'",
    'down_revision = None',
    '',
    ...lines,
    '',
  ].join('\n');

async function kinds(lines: string[]): Promise<string[]> {
  const { section } = await lintText(file(lines));
  return section.findings.map((f) => `${f.kind}:${f.line}`);
}

describe('the Python reader follows what the file decides', () => {
  it('does not lint a helper nothing calls, nor the upgrade() a later assignment replaced', async () => {
    expect(
      await kinds([
        'def _unused():',
        "    op.drop_table('a')",
        'def upgrade():',
        "    op.drop_table('b')",
        'def _real():',
        "    op.add_column('users', sa.Column('nick', sa.Text()))",
        'upgrade = _real',
      ]),
    ).toEqual([]);
  });

  it('follows both values of a name bound under an if', async () => {
    expect(
      await kinds([
        'def _a():',
        "    op.drop_table('a')",
        'def _b():',
        "    op.drop_column('b', 'c')",
        'def upgrade():',
        '    f = _a',
        '    if sa:',
        '        f = _b',
        '    f()',
      ]),
    ).toEqual(['drop-table:7', 'drop-column:9']);
  });

  it('reads a lambda passed to map() as if it ran, with its table unknown', async () => {
    expect(await kinds(['def upgrade():', "    list(map(lambda t: op.drop_table(t), ['a', 'b']))"])).toEqual([
      'drop-table:7',
    ]);
  });

  it('stops at recursion and says so when calls nest too deep', async () => {
    const deep = Array.from({ length: 12 }, (_, i) => [`def f${i}():`, `    f${i + 1}()`]).flat();
    const found = await kinds([...deep, 'def f12():', "    op.drop_table('x')", 'def upgrade():', '    f0()']);
    expect(found).toEqual([expect.stringMatching(/^lint-unreadable:/)]);
    expect(await kinds(['def r():', '    r()', "    op.drop_table('x')", 'def upgrade():', '    r()'])).toEqual([
      'drop-table:8',
    ]);
  });

  it('calls into sqlalchemy and the standard library are not unreadable; into other modules they are', async () => {
    expect(
      await kinds([
        'import datetime',
        'from app.models import helpers',
        'def upgrade():',
        "    t = sa.table('users', sa.column('id'))",
        '    datetime.datetime.now()',
        '    helpers.backfill()',
      ]),
    ).toEqual(['lint-unreadable:11']);
  });
});
