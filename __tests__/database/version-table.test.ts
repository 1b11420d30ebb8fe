import { describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../src/database/executor.js';
import { readVersionTable } from '../../src/database/version-table.js';

// Records what is sent; answers the lookup with `found` and the read with `rows`.
function recordingExecutor(found: string | null, rows: unknown[] = []) {
  const sent: { sql: string; params: readonly unknown[] | undefined }[] = [];
  const executor: SqlExecutor = {
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      sent.push({ sql, params });
      if (sql.includes('to_regclass')) return (found === null ? [] : [{ qualified_name: found }]) as Row[];
      return rows as Row[];
    },
    describe: () => 'fake',
    close: async () => {},
  };
  return { executor, sent };
}

describe('readVersionTable (validation and SQL shape)', () => {
  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    [' alembic_version', 'leading or trailing spaces'],
    ['public.alembic_version', 'give the schema in version-table-schema'],
    ['bad\u0000name', 'control character'],
    ['x'.repeat(64), '63-byte identifier limit'],
  ])('rejects version-table %j naming the value and the input', async (table, reason) => {
    const { executor, sent } = recordingExecutor(null);
    await expect(readVersionTable(executor, { table })).rejects.toThrow(
      `Invalid version-table ${JSON.stringify(table)}: `,
    );
    await expect(readVersionTable(executor, { table })).rejects.toThrow(reason);
    expect(sent).toEqual([]);
  });

  it('rejects a bad version-table-schema by that input name', async () => {
    const { executor } = recordingExecutor(null);
    await expect(readVersionTable(executor, { table: 'alembic_version', schema: 'a.b' })).rejects.toThrow(
      'Invalid version-table-schema "a.b": a name, not a dotted path',
    );
  });

  it('counts the 63-byte limit in UTF-8 bytes, not characters', async () => {
    const { executor } = recordingExecutor(null);
    await expect(readVersionTable(executor, { table: 'é'.repeat(32) })).rejects.toThrow('63-byte');
    await expect(readVersionTable(executor, { table: 'é'.repeat(31) })).resolves.toMatchObject({ exists: false });
  });

  it('sends hostile names only as bound parameters to the lookup', async () => {
    const table = `x"; drop table users; --`;
    const { executor, sent } = recordingExecutor(null);
    const read = await readVersionTable(executor, { table, schema: "o'neil" });
    expect(read).toEqual({
      exists: false,
      versions: [],
      invalid: [],
      qualifiedName: `"o'neil"."x""; drop table users; --"`,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.sql).not.toContain('drop table');
    expect(sent[0]?.params).toEqual(["o'neil", table]);
  });

  it('quotes the names it must put in SQL text, doubling embedded quotes', async () => {
    const { executor, sent } = recordingExecutor('"We""ird".versions', [{ version_num: 'b' }, { version_num: 'a' }]);
    const read = await readVersionTable(executor, { table: 'versions', schema: 'We"ird' });
    expect(read).toEqual({ exists: true, versions: ['a', 'b'], invalid: [], qualifiedName: '"We""ird".versions' });
    expect(sent[1]?.sql).toBe('select version_num::text as version_num from "We""ird"."versions"');
  });

  it('keeps every row it cannot use as a described invalid row, never dropping or trimming one', async () => {
    const rows = [
      { version_num: 'a' },
      { version_num: null },
      { version_num: '' },
      { version_num: 42 },
      { version_num: ' b ' },
      { other: 'x' },
    ];
    const { executor } = recordingExecutor('public.alembic_version', rows);
    const read = await readVersionTable(executor, { table: 'alembic_version' });
    expect(read.versions).toEqual(['a']);
    expect(read.invalid).toEqual([
      'NULL',
      '"" (empty)',
      '42 (a number, not text)',
      '" b " (leading or trailing whitespace)',
      'a row without version_num ({"other":"x"})',
    ]);
  });

  it('names the table and the stage when the read fails', async () => {
    const executor: SqlExecutor = {
      async query<Row>(sql: string): Promise<Row[]> {
        if (sql.includes('to_regclass')) return [{ qualified_name: 'public.alembic_version' }] as Row[];
        throw new Error('permission denied for table alembic_version');
      },
      describe: () => 'fake',
      close: async () => {},
    };
    await expect(readVersionTable(executor, { table: 'alembic_version' })).rejects.toThrow(
      'Could not read version table public.alembic_version: permission denied for table alembic_version',
    );
  });
});
