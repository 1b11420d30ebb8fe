import { describe, expect, it } from 'vitest';
import {
  decideVersion,
  firstSeenFrom,
  futureCommitFindings,
  type VersionCheckOptions,
} from '../../src/drift/version.js';
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
      first_seen_pending_at: '2026-01-01T12:00:00Z',
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

  describe('version rows Alembic could not have written', () => {
    const invalidTable = (invalid: string[], versions: string[] = []) => ({ ...table(versions), invalid });
    it.each([['NULL'], ['"" (empty)'], ['42 (a number, not text)'], ['" r5" (leading or trailing whitespace)']])(
      'reports error, never synced, for a row %s even beside the head',
      (problem) => {
        const v = decideVersion(linear, invalidTable([problem], ['r5']), options);
        expect(v).toMatchObject({ state: 'error', drift: true });
        expect(v.summary).toContain(problem);
      },
    );

    it('reports error for a repeated row', () => {
      const v = decideVersion(linear, table(['r5', 'r5']), options);
      expect(v.state).toBe('error');
      expect(v.summary).toContain('r5 more than once');
    });

    it('reports error, not ahead, for a row that differs only in case from a revision', () => {
      const g = buildGraph(chain(3, 'ab'));
      const v = decideVersion(g, table(['AB3']), options);
      expect(v.state).toBe('error');
      expect(v.summary).toContain('differs only in case from revision ab3');
    });

    it('reports error for a row Alembic would resolve by prefix to a revision', () => {
      const g = buildGraph([rev('abcdef12', null), rev('fedcba98', 'abcdef12')]);
      const v = decideVersion(g, table(['fedc']), options);
      expect(v.state).toBe('error');
      expect(v.summary).toContain('prefix of fedcba98');
    });

    it('still reports ahead for a row no revision resembles', () => {
      expect(decideVersion(linear, table(['r5', 'zz9']), options).state).toBe('ahead');
    });

    it('reports error when one row is an ancestor of another through down_revision (Alembic: overlaps)', () => {
      const v = decideVersion(linear, table(['r3', 'r5']), options);
      expect(v.state).toBe('error');
      expect(v.summary).toContain('r5 already includes r3');
    });

    it('reports error when one row is an ancestor of another through depends_on', () => {
      const g = buildGraph([rev('a', null), rev('b', 'a'), rev('x', null, { dependsOn: ['b'] })]);
      const v = decideVersion(g, table(['b', 'x']), options);
      expect(v.state).toBe('error');
      expect(v.summary).toContain('x already includes b');
    });
  });

  describe('heads by the rule of alembic upgrade heads', () => {
    const labelled = buildGraph([
      rev('root', null),
      rev('e1', 'root', { branchLabels: ['expand'] }),
      rev('e2', 'e1'),
      rev('c1', 'root', { branchLabels: ['contract'] }),
    ]);

    it('reports synced for a database at every head of a labelled multi-branch tree', () => {
      const v = decideVersion(labelled, table(['c1', 'e2']), options);
      expect(v).toMatchObject({ state: 'synced', drift: false, pending: [] });
    });

    it('reports behind, not branched, when one labelled branch is behind', () => {
      const v = decideVersion(labelled, table(['c1', 'e1']), options);
      expect(v.state).toBe('behind');
      expect(v.pending.map((p) => p.revision)).toEqual(['e2']);
    });

    it('reports synced at every unlabelled head (upgrade heads has nothing to do), naming the finding', () => {
      const g = buildGraph([rev('a', null), rev('b', 'a'), rev('c', 'a')]);
      const v = decideVersion(g, table(['b', 'c']), options);
      expect(v.state).toBe('synced');
      expect(v.summary).toContain('multiple-heads');
      expect(g.findings.filter((f) => f.kind === 'multiple-heads')).toHaveLength(2);
    });

    it('reports branched at one of two unlabelled heads', () => {
      const g = buildGraph([rev('a', null), rev('b', 'a'), rev('c', 'a')]);
      expect(decideVersion(g, table(['b']), options).state).toBe('branched');
    });

    it('counts a head another branch depends_on as applied with its dependant', () => {
      const g = buildGraph([rev('a', null), rev('b', 'a'), rev('c', 'a', { dependsOn: ['b'] })]);
      expect(decideVersion(g, table(['c']), options).state).toBe('synced');
      expect(decideVersion(g, table(['b']), options).state).toBe('behind');
    });
  });

  describe('deciding findings', () => {
    it('reports error naming the finding and its file, whatever the database holds', () => {
      const finding = {
        severity: 'error' as const,
        kind: 'unparseable-revision-file',
        message: 'down_revision cannot be evaluated',
        file: 'migrations/versions/r6.py',
        line: 4,
      };
      const v = decideVersion(linear, table(['r5']), { ...options, decidingFindings: [finding] });
      expect(v.state).toBe('error');
      expect(v.summary).toContain('unparseable-revision-file in migrations/versions/r6.py:4');
      expect(v.deciding_findings).toEqual([finding]);
    });
  });

  describe('pending-grace against forged dates', () => {
    const young = new Map([['migrations/versions/r5.py', new Date('2026-01-01T11:55:00Z')]]);

    it('gives no grace to a file whose commit is dated after the run', () => {
      const future = new Map([['migrations/versions/r5.py', new Date('2026-01-01T12:05:00Z')]]);
      const v = decideVersion(linear, table(['r4']), { pendingGraceMinutes: 30, now, addedAt: future });
      expect(v.pending[0]?.within_grace).toBe(false);
      expect(v.drift).toBe(true);
      const warned = futureCommitFindings(v, now, new Map([['migrations/versions/r5.py', 'c0ffee']]));
      expect(warned).toEqual([
        expect.objectContaining({
          severity: 'warning',
          kind: 'pending-grace-future-commit',
          file: 'migrations/versions/r5.py',
        }),
      ]);
      expect(warned[0]?.message).toContain('c0ffee');
    });

    it('ends grace pending-grace after an earlier run first saw the revision pending, whatever git says', () => {
      const firstSeenPending = new Map([['r5', new Date('2026-01-01T11:00:00Z')]]);
      const v = decideVersion(linear, table(['r4']), {
        pendingGraceMinutes: 30,
        now,
        addedAt: young,
        firstSeenPending,
      });
      expect(v.pending[0]).toMatchObject({ within_grace: false, first_seen_pending_at: '2026-01-01T11:00:00Z' });
      expect(v.drift).toBe(true);
    });

    it('keeps grace while the first sighting is recent', () => {
      const firstSeenPending = new Map([['r5', new Date('2026-01-01T11:58:00Z')]]);
      const v = decideVersion(linear, table(['r4']), {
        pendingGraceMinutes: 30,
        now,
        addedAt: young,
        firstSeenPending,
      });
      expect(v.pending[0]?.within_grace).toBe(true);
    });

    it('gives no grace when it cannot be enforced', () => {
      const v = decideVersion(linear, table(['r4']), {
        pendingGraceMinutes: 30,
        now,
        addedAt: young,
        graceEnforceable: false,
      });
      expect(v.pending[0]?.within_grace).toBe(false);
    });

    it('reads first sightings from a previous report, older reports by their timestamp', () => {
      const { firstSeen, unavailable } = firstSeenFrom({
        timestamp: '2026-01-01T10:00:00Z',
        version: {
          state: 'behind',
          pending: [{ revision: 'r5', first_seen_pending_at: '2026-01-01T09:00:00Z' }, { revision: 'r4' }],
        },
      });
      expect(unavailable).toBeNull();
      expect([...firstSeen].map(([id, d]) => [id, d.toISOString()])).toEqual([
        ['r5', '2026-01-01T09:00:00.000Z'],
        ['r4', '2026-01-01T10:00:00.000Z'],
      ]);
      expect(firstSeenFrom(null)).toEqual({ firstSeen: new Map(), unavailable: null });
    });

    it('has no record after a report without a verdict, so an error run cannot restart the clock', () => {
      for (const version of [null, { state: 'error', pending: [] }]) {
        const { unavailable } = firstSeenFrom({ timestamp: '2026-01-01T10:00:00Z', version });
        expect(unavailable).toContain('has no version verdict');
      }
    });
  });
});
