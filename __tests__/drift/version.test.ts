import { describe, expect, it } from 'vitest';
import { decideVersion, type VersionCheckOptions } from '../../src/drift/version.js';
import { buildGraph } from '../../src/migrations/graph.js';
import { chain, rev } from '../support/revisions.js';

const now = new Date('2026-01-01T12:00:00Z');
const options: VersionCheckOptions = { pendingGraceMinutes: 0, now, addedAt: new Map() };
const table = (versions: string[], exists = true) => ({ exists, versions, qualifiedName: 'public.alembic_version' });

describe('decideVersion', () => {
  const linear = buildGraph(chain(5));

  it('reports synced when the database is at the only head', () => {
    const v = decideVersion(linear, table(['r5']), options);
    expect(v).toMatchObject({ state: 'synced', drift: false, pending: [], unknown: [], summary: 'in sync at r5' });
    expect(v.codebase_heads).toEqual(['r5']);
    expect(v.database_versions).toEqual(['r5']);
  });

  it('reports behind with 3 pending in apply order when production is 3 revisions back', () => {
    const v = decideVersion(linear, table(['r2']), options);
    expect(v.state).toBe('behind');
    expect(v.drift).toBe(true);
    expect(v.summary).toBe('behind by 3 migrations');
    expect(v.pending.map((p) => p.revision)).toEqual(['r3', 'r4', 'r5']);
    expect(v.pending[0]).toEqual({
      revision: 'r3',
      down_revisions: ['r2'],
      file: 'migrations/versions/r3.py',
      line: 9,
      message: 'r3 message',
      added_at: null,
      within_grace: false,
    });
  });

  it('reports ahead and lists the revisions the repository lacks', () => {
    const v = decideVersion(linear, table(['zzz999']), options);
    expect(v).toMatchObject({ state: 'ahead', drift: true, unknown: ['zzz999'] });
    expect(v.summary).toContain('zzz999');
  });

  it('reports branched when the repository has two heads, with what is pending on both', () => {
    const g = buildGraph([...chain(3), rev('b1', 'r2'), rev('b2', 'b1')]);
    const v = decideVersion(g, table(['r2']), options);
    expect(v.state).toBe('branched');
    expect(v.drift).toBe(true);
    expect(v.codebase_heads).toEqual(['b2', 'r3']);
    expect(v.pending.map((p) => p.revision).sort()).toEqual(['b1', 'b2', 'r3']);
  });

  it('reports behind across a merge when production sits on one side of it', () => {
    const g = buildGraph([...chain(2), rev('a1', 'r2'), rev('b1', 'r2'), rev('m1', ['a1', 'b1'])]);
    const v = decideVersion(g, table(['a1']), options);
    expect(v.state).toBe('behind');
    expect(v.pending.map((p) => p.revision)).toEqual(['b1', 'm1']);
  });

  it('treats two database rows that are both merged into the head as behind by the merge only', () => {
    const g = buildGraph([...chain(2), rev('a1', 'r2'), rev('b1', 'r2'), rev('m1', ['a1', 'b1'])]);
    const v = decideVersion(g, table(['b1', 'a1']), options);
    expect(v.database_versions).toEqual(['a1', 'b1']);
    expect(v.pending.map((p) => p.revision)).toEqual(['m1']);
  });

  it('reports uninitialized when the version table does not exist, with every revision pending', () => {
    const v = decideVersion(linear, table([], false), options);
    expect(v).toMatchObject({ state: 'uninitialized', drift: true });
    expect(v.summary).toBe(
      'uninitialized: public.alembic_version does not exist (a fresh database, the wrong database, or check the version-table / version-table-schema inputs)',
    );
    expect(v.pending).toHaveLength(5);
  });

  it('reports uninitialized when the version table is empty', () => {
    expect(decideVersion(linear, table([]), options).summary).toBe('uninitialized: public.alembic_version is empty');
  });

  it('reports error, never synced, when the graph has a cycle', () => {
    const g = buildGraph([rev('a', 'b'), rev('b', 'a'), rev('c', 'b')]);
    const v = decideVersion(g, table(['c']), options);
    expect(v.state).toBe('error');
    expect(v.drift).toBe(true);
  });

  it('keeps pending migrations younger than pending-grace out of drift', () => {
    const addedAt = new Map([
      ['migrations/versions/r4.py', new Date('2026-01-01T11:50:00Z')],
      ['migrations/versions/r5.py', new Date('2026-01-01T11:55:00Z')],
    ]);
    const v = decideVersion(linear, table(['r3']), { pendingGraceMinutes: 30, now, addedAt });
    expect(v.state).toBe('behind');
    expect(v.drift).toBe(false);
    expect(v.summary).toBe('behind by 2 migrations (all within pending-grace)');
    expect(v.pending.map((p) => [p.revision, p.within_grace, p.added_at])).toEqual([
      ['r4', true, '2026-01-01T11:50:00Z'],
      ['r5', true, '2026-01-01T11:55:00Z'],
    ]);
  });

  it('counts as drift when one pending migration is older than pending-grace', () => {
    const addedAt = new Map([
      ['migrations/versions/r4.py', new Date('2026-01-01T09:00:00Z')],
      ['migrations/versions/r5.py', new Date('2026-01-01T11:55:00Z')],
    ]);
    const v = decideVersion(linear, table(['r3']), { pendingGraceMinutes: 30, now, addedAt });
    expect(v.drift).toBe(true);
    expect(v.summary).toBe('behind by 2 migrations (1 within pending-grace)');
  });

  it('never puts a migration of unknown age within grace', () => {
    const v = decideVersion(linear, table(['r4']), { pendingGraceMinutes: 30, now, addedAt: new Map() });
    expect(v.pending[0]?.within_grace).toBe(false);
    expect(v.drift).toBe(true);
  });
});
