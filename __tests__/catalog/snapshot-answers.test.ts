// takeSnapshot reading the answers of an executor: items as text (PostgreSQL, PGlite) or already parsed (a Lambda
// that decodes JSON), each answer read item by item.
import { describe, expect, it } from 'vitest';
import { SECTIONS, wrapSection } from '../../src/catalog/queries.js';
import { buildSnapshot, snapshotJson, takeSnapshot } from '../../src/catalog/snapshot.js';
import type { SqlExecutor } from '../../src/database/executor.js';

const ITEMS: Record<string, unknown[]> = {
  namespaces: [
    ['schema', 'public', 'standard public schema', 'pg_database_owner'],
    ['sequence', 'public', 't_id_seq', 'bigint', '1', '1', '1', '9223372036854775807', '1', false, 'app', null, null],
  ],
  tables: [
    [
      'table',
      'public',
      't',
      'r',
      null,
      null,
      null,
      false,
      false,
      false,
      null,
      null,
      'app',
      null,
      null,
      null,
      null,
      ['id', 'note'],
    ],
  ],
  columns: Array.from({ length: 4_500 }, (_, i) => [
    'column',
    'public',
    `t${i % 3}`,
    `c${i}`,
    'text',
    i % 2 === 0,
    i % 5 === 0 ? '\'x, "y" ][\'::text' : null,
    null,
    null,
    null,
    null,
    i % 7 === 0 ? 'a comment with \\ and "' : null,
    null,
    null,
  ]),
  privileges: [['privilege', 'table', 'public', 't', null, 'reader', ['SELECT'], [], []]],
};

/** Answers each section's query as one chunk; `items` says how the items arrive. */
function executor(items: (section: string, list: unknown[]) => unknown): SqlExecutor & { queries: number } {
  const bySql = new Map(SECTIONS.map((s) => [wrapSection(s), s.name]));
  const fake = {
    queries: 0,
    async query<Row>(sql: string): Promise<Row[]> {
      fake.queries++;
      const section = bySql.get(sql);
      if (!section) throw new Error('not a section query');
      const list = ITEMS[section] ?? [];
      return [{ chunks: 1, server_version_num: 150004, items: list.length ? items(section, list) : null }] as Row[];
    },
    describe: () => 'fake',
    close: async () => {},
  };
  return fake;
}

describe('takeSnapshot reads each answer item by item', () => {
  it('gives the same snapshot whether the items arrive as JSON text, pretty text or parsed', async () => {
    const text = await takeSnapshot(executor((_, list) => JSON.stringify(list)));
    const pretty = await takeSnapshot(executor((_, list) => JSON.stringify(list, null, 2)));
    const parsed = await takeSnapshot(executor((_, list) => list));
    expect(text.objects).toHaveLength(4_504);
    // The response sizes (stats) differ with the spelling; the objects and the fingerprint do not.
    const body = (s: typeof text) => snapshotJson({ ...s, stats: text.stats });
    expect(body(pretty)).toBe(snapshotJson(text));
    expect(body(parsed)).toBe(snapshotJson(text));
    expect(text.stats.queries).toBe(SECTIONS.length);
    const column = text.objects.find((o) => o.kind === 'column' && o.path[2] === 'c0');
    expect(column?.attrs.default).toBe('\'x, "y" ][\'');
  });

  it('sorts and fingerprints section by section exactly as sorting the whole at once does', async () => {
    const snapshot = await takeSnapshot(executor((_, list) => JSON.stringify(list)));
    // Shuffled, and with an object read twice (the later one wins, as in buildSnapshot).
    const shuffled = [...snapshot.objects].reverse();
    const twice = { ...shuffled[5]!, attrs: { ...shuffled[5]!.attrs, comment: 'second' } };
    const whole = buildSnapshot([...shuffled, twice], snapshot.server_version_num, snapshot.stats);
    expect(whole.objects.map((o) => `${o.kind} ${o.path.join('.')}`)).toEqual(
      snapshot.objects.map((o) => `${o.kind} ${o.path.join('.')}`),
    );
    const again = buildSnapshot(shuffled, snapshot.server_version_num, snapshot.stats);
    expect(snapshotJson(again)).toBe(snapshotJson(snapshot));
    expect(whole.fingerprint).not.toBe(snapshot.fingerprint);
    const doubled = await takeSnapshot(
      executor((section, list) =>
        JSON.stringify(
          section === 'columns' ? [...list, [...(list[3] as unknown[]).slice(0, 11), 'second', null, null]] : list,
        ),
      ),
    );
    expect(doubled.objects).toHaveLength(snapshot.objects.length);
    expect(doubled.objects.find((o) => o.kind === 'column' && o.path[2] === 'c3')?.attrs.comment).toBe('second');
  });

  it('reads the text null as no items, as SQL NULL is', async () => {
    const snapshot = await takeSnapshot(executor((section, list) => (section === 'columns' ? 'null' : list)));
    expect(snapshot.objects.filter((o) => o.kind === 'column')).toEqual([]);
  });

  it.each([
    ['a truncated answer', (text: string) => text.slice(0, text.length - 40)],
    ['a stray comma', (text: string) => text.replace('],[', '],,[')],
    ['text after the array', (text: string) => `${text} {"more": 1}`],
    ['an object instead of the array', () => '{"items": []}'],
  ])('fails closed on %s, naming the section, never reading part of it', async (_, corrupt) => {
    const snapshot = takeSnapshot(
      executor((section, list) => (section === 'columns' ? corrupt(JSON.stringify(list)) : JSON.stringify(list))),
    );
    await expect(snapshot).rejects.toThrow(
      /^Could not take a catalog snapshot \(columns\): items is not a JSON array: /,
    );
  });

  it('fails closed on parsed items that are not an array', async () => {
    await expect(
      takeSnapshot(executor((section, list) => (section === 'tables' ? { 0: list[0] } : list))),
    ).rejects.toThrow('Could not take a catalog snapshot (tables): items is not a JSON array');
  });
});
