import { describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../src/database/executor.js';
import { readTenantVersions } from '../../src/fleet/tenant-versions.js';

function executor(answer: (sql: string) => unknown[]): SqlExecutor & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    query: async <Row>(sql: string) => {
      sent.push(sql);
      return answer(sql) as Row[];
    },
    describe: () => 'fake',
    close: async () => {},
  };
}

const schemas = Array.from({ length: 5 }, (_, i) => ({ schema: `t${i}`, versionTable: `t${i}.alembic_version` }));

describe('tenant version tables read together', () => {
  it('reads chunks of schemas in one query each, judging rows as a single read does', async () => {
    const fake = executor((sql) =>
      sql.includes('"t0"')
        ? [
            { i: 0, version_num: 'a' },
            { i: 1, version_num: null },
            { i: 1, version_num: 'b' },
          ]
        : [{ i: '1', version_num: ' c' }],
    );
    const read = await readTenantVersions(
      fake,
      [...schemas.slice(0, 3), { schema: 'bare', versionTable: null }, schemas[3]!],
      'alembic_version',
      3,
    );
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[0]).toContain('select 2 as i, version_num::text as version_num from "t2"."alembic_version"');
    expect(read.get('t0')).toEqual({ exists: true, versions: ['a'], invalid: [], qualifiedName: 't0.alembic_version' });
    expect(read.get('t1')).toMatchObject({ versions: ['b'], invalid: ['NULL'] });
    expect(read.get('t2')).toMatchObject({ exists: true, versions: [], invalid: [] });
    expect(read.get('bare')).toMatchObject({ exists: false, versions: [] });
    // The second chunk answered a tag it was not asked for: the whole chunk is unreadable.
    expect(read.get('t3')).toBeInstanceOf(Error);
    expect((read.get('t3') as Error).message).toMatch(/tagged "1", not one of the 1 schemas/);
  });

  it('makes every tenant of a chunk that fails an error, never uninitialized', async () => {
    const fake = executor(() => {
      throw new Error('permission denied for schema t4');
    });
    const read = await readTenantVersions(fake, schemas, 'alembic_version');
    expect([...read.values()].every((r) => r instanceof Error && /permission denied/.test(r.message))).toBe(true);
    const shape = await readTenantVersions(
      executor(() => [{ I: 0 }]),
      schemas,
      'alembic_version',
    );
    expect((shape.get('t0') as Error).message).toMatch(/no column "i"/);
  });
});
