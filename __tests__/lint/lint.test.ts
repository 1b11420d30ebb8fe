// The lint around the rules: lines, inline and per-file ignores, what cannot be read, grading by production size.
import { describe, expect, it } from 'vitest';
import { parseIgnoreRules } from '../../src/drift/ignore-rules.js';
import { parseLintConfig } from '../../src/lint/config.js';
import { findRisks, gradeRisks } from '../../src/lint/lint.js';
import { envSetsLockTimeout } from '../../src/lint/python-reader.js';
import { DEFAULT_LARGE_TABLE, parseLargeTable, type TableSizes, tableKey } from '../../src/lint/table-sizes.js';
import { FIRST_BODY_LINE, lintText, migration } from './fixtures.js';

const FILE = 'migrations/versions/a1b2c3_add_things.py';

describe('where findings point', () => {
  it('puts an op.* finding at the line of its call, and a raw SQL one at its statement inside the literal', async () => {
    const text = migration([
      "op.add_column('users', sa.Column('a', sa.Integer()))",
      "op.create_index('ix_a', 'users', ['a'])",
      'op.execute("""',
      '    UPDATE users SET a = 1;',
      '    DELETE FROM sessions;',
      '""")',
    ]);
    const { section } = await lintText(text);
    expect(section.findings.map((f) => [f.rule, f.line])).toEqual([
      ['create-index-not-concurrently', FIRST_BODY_LINE + 1],
      ['unbounded-data-change', FIRST_BODY_LINE + 3],
      ['unbounded-data-change', FIRST_BODY_LINE + 4],
    ]);
  });

  it('reads only upgrade(): downgrade drops are not findings', async () => {
    const { section } = await lintText(migration(['pass']));
    expect(section.findings).toEqual([]);
  });

  it('reads batch_alter_table blocks with the batch table', async () => {
    const text = migration(["with op.batch_alter_table('orders') as batch_op:", "    batch_op.drop_column('note')"]);
    const { section } = await lintText(text);
    expect(section.findings).toMatchObject([{ rule: 'drop-column', table: 'orders', line: FIRST_BODY_LINE + 1 }]);
  });
});

describe('what cannot be read statically', () => {
  it('is a notice naming the call, never a guess', async () => {
    const text = migration([
      'op.execute(f"UPDATE {table} SET a = 1")',
      'op.execute(statement)',
      "op.alter_column('users', 'name', type_=sa.Text())",
      'op.execute("UPDATE users SET a = ")',
      "op.add_column('users', sa.Column('b', sa.Integer(), server_default=sa.text('my_func()')))",
    ]);
    const { section } = await lintText(text);
    expect(section.findings.map((f) => [f.kind, f.severity, f.line])).toEqual([
      ['lint-unreadable', 'notice', FIRST_BODY_LINE],
      ['lint-unreadable', 'notice', FIRST_BODY_LINE + 1],
      ['lint-unreadable', 'notice', FIRST_BODY_LINE + 2],
      ['lint-unreadable', 'notice', FIRST_BODY_LINE + 3],
      ['lint-unreadable', 'notice', FIRST_BODY_LINE + 4],
    ]);
    expect(section.findings[2]?.message).toContain('pass existing_type=');
    expect(section.findings[3]?.message).toContain('SQL could not be parsed');
    expect(section.findings[4]?.message).toContain('my_func()');
  });
});

describe('ignores', () => {
  it('an inline comment with a reason on the line before the call silences that rule there only', async () => {
    const text = migration([
      '# schema-drift: ignore[drop-column] unused since release 41, see JIRA-12',
      "op.drop_column('users', 'legacy')",
      "op.drop_column('users', 'other')",
    ]);
    const { section } = await lintText(text);
    expect(section.findings.map((f) => [f.rule, f.line])).toEqual([['drop-column', FIRST_BODY_LINE + 2]]);
    expect(section.ignored).toEqual([
      {
        rule: 'drop-column',
        file: FILE,
        line: FIRST_BODY_LINE + 1,
        reason: 'unused since release 41, see JIRA-12',
        expires: null,
        by: 'inline',
      },
    ]);
  });

  it('an inline comment without a reason does not apply and says so', async () => {
    const text = migration(['# schema-drift: ignore[drop-column]', "op.drop_column('users', 'legacy')"]);
    const { section } = await lintText(text);
    expect(section.findings.map((f) => f.kind)).toEqual(['lint-ignore-invalid', 'drop-column']);
  });

  it('a per-file ignore applies until its expiry, then warns and no longer applies', async () => {
    const yaml = [
      'lint:',
      '  rules:',
      '    rename-table: error',
      '  ignore:',
      '    - file: migrations/versions/a1b2c3_*.py',
      '      rule: drop-column',
      '      reason: "backfilled to S3 first"',
      '      expires: 2026-12-31',
    ].join('\n');
    const config = parseLintConfig(yaml, '.schema-drift.yml');
    const text = migration(["op.drop_column('users', 'legacy')", "op.rename_table('a', 'b')"]);
    const before = await lintText(text, { config, today: '2026-12-31' });
    expect(before.section.findings.map((f) => [f.kind, f.severity])).toEqual([['rename-table', 'error']]);
    expect(before.section.ignored[0]).toMatchObject({ by: 'config', reason: 'backfilled to S3 first' });
    const after = await lintText(text, { config, today: '2027-01-01' });
    expect(after.section.findings.map((f) => [f.kind, f.severity])).toEqual([
      ['expired-ignore-rule', 'warning'],
      ['drop-column', 'warning'],
      ['rename-table', 'error'],
    ]);
  });

  it('the config parser refuses unknown rules, bad settings and ignores without a reason, naming the line', () => {
    expect(() => parseLintConfig('lint:\n  rules:\n    drop-colum: off\n', 'f.yml')).toThrow(
      /"f.yml" line 3: unknown lint rule "drop-colum"/,
    );
    expect(() => parseLintConfig('lint:\n  rules:\n    drop-column: loud\n', 'f.yml')).toThrow(/line 3/);
    expect(() => parseLintConfig('lint:\n  ignore:\n    - file: a.py\n      rule: drop-table\n', 'f.yml')).toThrow(
      /line 3: "reason" is required/,
    );
    expect(parseLintConfig('{"lint": {"rules": {"drop-table": "off"}}}', 'f.json').rules.get('drop-table')).toBe('off');
  });

  it('shares .schema-drift.yml with the structure ignore rules: each parser reads its own block', () => {
    const yaml = [
      'ignore:',
      '  - object: public.audit_log*',
      '    reason: "DBA-managed"',
      'lint:',
      '  rules:',
      '    drop-table: off',
    ].join('\n');
    expect(parseIgnoreRules(yaml, '.schema-drift.yml').map((r) => r.object)).toEqual(['public.audit_log*']);
    expect(parseLintConfig(yaml, '.schema-drift.yml').rules.get('drop-table')).toBe('off');
  });

  it('a rule set to off does not run', async () => {
    const config = parseLintConfig('lint:\n  rules:\n    drop-column: off\n', 'f.yml');
    const { section } = await lintText(migration(["op.drop_column('users', 'legacy')"]), { config });
    expect(section.findings).toEqual([]);
  });
});

describe('grading by production size', () => {
  const text = migration([
    "op.create_index('ix_events', 'events', ['at'])",
    "op.create_index('ix_plans', 'plans', ['name'])",
    "op.create_index('ix_new', 'not_yet', ['x'])",
  ]);
  const grade = async (sizes: TableSizes | null) => {
    const { found } = await lintText(text);
    return gradeRisks(found, {
      config: { rules: new Map(), ignores: [] },
      production: sizes ? { sizes, source: 'postgres://prod' } : { skipped: 'no database is configured' },
      largeTable: DEFAULT_LARGE_TABLE,
    });
  };

  it('is an error on a large table, a warning on a small one and a notice on a table production lacks', async () => {
    const sizes: TableSizes = new Map([
      [tableKey({ schema: null, name: 'events' }), { rows: 2_000_000, bytes: 90 * 1024 ** 2 }],
      [tableKey({ schema: null, name: 'plans' }), { rows: 12, bytes: 16384 }],
    ]);
    const section = await grade(sizes);
    expect(section.findings.map((f) => [f.table, f.severity, f.graded_by])).toEqual([
      ['events', 'error', 'production'],
      ['plans', 'warning', 'production'],
      ['not_yet', 'notice', 'new-table'],
    ]);
    expect(section.findings[0]?.message).toContain('~2,000,000 rows, 90 MB');
    expect(section.production).toEqual({ read: true, source: 'postgres://prod' });
  });

  it('counts size alone: a 1 GB table with few rows is large', async () => {
    const sizes: TableSizes = new Map([[tableKey({ schema: null, name: 'events' }), { rows: 10, bytes: 1024 ** 3 }]]);
    expect((await grade(sizes)).findings[0]?.severity).toBe('error');
  });

  it('without production uses the rule default and says why', async () => {
    const section = await grade(null);
    expect(section.findings.map((f) => [f.severity, f.graded_by])).toEqual([
      ['warning', 'default'],
      ['warning', 'default'],
      ['warning', 'default'],
    ]);
    expect(section.findings[0]?.message).toContain('production sizes not read (no database is configured)');
    expect(section.production).toEqual({ read: false, reason: 'no database is configured' });
  });

  it('reads lint-large-table in rows, bytes or both', () => {
    expect(parseLargeTable('1000000 rows or 1 GB')).toEqual({ rows: 1_000_000, bytes: 1024 ** 3 });
    expect(parseLargeTable('500,000 rows')).toEqual({ rows: 500_000, bytes: Number.POSITIVE_INFINITY });
    expect(parseLargeTable('200 MB')).toEqual({ rows: Number.POSITIVE_INFINITY, bytes: 200 * 1024 ** 2 });
    expect(() => parseLargeTable('big')).toThrow(/not a size/);
  });
});

describe('env.py', () => {
  it('counts lock_timeout set through SQL, connect_args or a keyword, and nothing else', () => {
    expect(envSetsLockTimeout('connection.execute(text("SET lock_timeout = \'5s\'"))')).toBe(true);
    expect(envSetsLockTimeout('create_engine(url, connect_args={"options": "-c lock_timeout=5000"})')).toBe(true);
    expect(envSetsLockTimeout('context.configure(connection=c, lock_timeout=5)')).toBe(true);
    expect(envSetsLockTimeout('# lock_timeout is set by the DBA\ncontext.configure(connection=c)')).toBe(false);
  });

  it('findRisks counts each file read', async () => {
    const found = await findRisks([], {
      config: { rules: new Map(), ignores: [] },
      envLockTimeout: true,
      today: '2026-01-01',
    });
    expect(found.migrations).toBe(0);
  });
});
