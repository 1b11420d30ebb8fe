import { describe, expect, it } from 'vitest';
import type { CatalogObject } from '../../src/catalog/model.js';
import { buildSnapshot } from '../../src/catalog/snapshot.js';
import { parseIgnoreRules } from '../../src/drift/ignore-rules.js';
import { diffSnapshots, severityOf } from '../../src/drift/structure.js';

const stats = { queries: 0, largest_response_bytes: 0, total_response_bytes: 0, response_budget_bytes: 0 };
const snap = (objects: CatalogObject[]) => buildSnapshot(structuredClone(objects), 150000, stats);

const column = (table: string, name: string, attrs: Partial<CatalogObject['attrs']> = {}): CatalogObject => ({
  kind: 'column',
  path: ['public', table, name],
  attrs: {
    type: 'text',
    not_null: false,
    default: null,
    collation: null,
    identity: null,
    generated: null,
    comment: null,
    ...attrs,
  },
});
const table = (name: string, columns: string[], attrs: Partial<CatalogObject['attrs']> = {}): CatalogObject => ({
  kind: 'table',
  path: ['public', name],
  attrs: { relkind: 'table', rls_enabled: false, rls_forced: false, comment: null, column_order: columns, ...attrs },
});

describe('diffSnapshots', () => {
  const base = [
    table('providers', ['id', 'npi']),
    column('providers', 'id', { type: 'bigint', not_null: true }),
    column('providers', 'npi', { type: 'character varying(10)' }),
  ];

  it('reports nothing and equal fingerprints for the same objects in another order', () => {
    const a = snap(base);
    const b = snap([...base].reverse());
    const diff = diffSnapshots(a, b);
    expect(diff).toMatchObject({ equal: true, differences: [], notices: [] });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists a missing table once, with a CREATE TABLE holding its columns, and not its columns again', () => {
    const diff = diffSnapshots(snap(base), snap([]));
    expect(diff.differences).toHaveLength(1);
    expect(diff.differences[0]).toMatchObject({
      change: 'missing',
      kind: 'table',
      object: 'public.providers',
      severity: 'breaking',
    });
    expect(diff.differences[0]?.fix_sql).toBe(
      'CREATE TABLE public.providers (\n  id bigint NOT NULL,\n  npi character varying(10)\n);',
    );
  });

  it('drops an unexpected table without listing what hangs on it', () => {
    const extra = [
      table('scratch', ['x']),
      column('scratch', 'x'),
      {
        kind: 'index',
        path: ['public', 'scratch_x_idx'],
        attrs: { table: 'public.scratch' },
        ddl: 'CREATE INDEX scratch_x_idx ON public.scratch USING btree (x)',
      },
      {
        kind: 'privilege',
        path: ['public', 'scratch', 'app'],
        attrs: { object_type: 'table', privileges: ['SELECT'], grantable: [] },
      },
    ] as CatalogObject[];
    const diff = diffSnapshots(snap(base), snap([...base, ...extra]));
    // The index is not a table child by path ([schema, index]), so it is listed; columns and grants are not.
    expect(diff.differences.map((d) => `${d.change} ${d.kind} ${d.object}`)).toEqual([
      'unexpected table public.scratch',
      'unexpected index public.scratch_x_idx',
    ]);
    // Dropping a table loses its rows: offered commented out, never runnable as it stands.
    expect(diff.differences[0]?.fix_sql).toBe(
      '-- destructive, not run: DROP TABLE deletes every row of the table\n-- DROP TABLE public.scratch;',
    );
    expect(diff.differences[0]?.safety).toBe('destructive');
  });

  it('orders differences security first, then breaking, then cosmetic', () => {
    const actual = [
      table('providers', ['id', 'npi'], { rls_enabled: true, comment: 'hand-made' }),
      column('providers', 'id', { type: 'integer', not_null: true }),
      base[2] as CatalogObject,
    ];
    const diff = diffSnapshots(snap(base), snap(actual));
    expect(diff.differences.map((d) => [d.severity, d.attribute])).toEqual([
      ['security', 'rls_enabled'],
      ['breaking', 'type'],
      ['cosmetic', 'comment'],
    ]);
    expect(diff.counts).toEqual({ security: 1, breaking: 1, cosmetic: 1 });
    expect(diff.differences[0]?.fix_sql).toBe('ALTER TABLE public.providers DISABLE ROW LEVEL SECURITY;');
    expect(diff.differences[2]?.fix_sql).toBe('COMMENT ON TABLE public.providers IS NULL;');
  });

  it('treats a differing column order as a notice unless asked to report it', () => {
    const reordered = [table('providers', ['npi', 'id']), ...base.slice(1)];
    const diff = diffSnapshots(snap(base), snap(reordered));
    expect(diff.equal).toBe(true);
    expect(diff.notices).toHaveLength(1);
    expect(diff.notices[0]).toMatchObject({
      attribute: 'column_order',
      expected: ['id', 'npi'],
      actual: ['npi', 'id'],
    });
    expect(diffSnapshots(snap(base), snap(reordered), { columnOrder: 'difference' }).differences).toHaveLength(1);
  });

  it('quotes hostile names in fix-up SQL and keeps newlines out of SQL comments', () => {
    const hostile = 'x"; DROP TABLE users; --\n<script>|';
    const expected = [table(hostile, ['a|b']), column(hostile, 'a|b', { type: 'integer' })];
    const diff = diffSnapshots(snap(expected), snap([table(hostile, ['a|b'])]));
    expect(diff.differences[0]?.object).toBe('public."x""; DROP TABLE users; --\n<script>|"."a|b"');
    expect(diff.differences[0]?.fix_sql).toBe(
      'ALTER TABLE public."x""; DROP TABLE users; --\n<script>|" ADD COLUMN "a|b" integer;',
    );
    const enumDiff = diffSnapshots(
      snap([{ kind: 'enum', path: ['public', hostile], attrs: { labels: ['a'] } }]),
      snap([{ kind: 'enum', path: ['public', hostile], attrs: { labels: ['a', "it's"] } }]),
    );
    const fix = enumDiff.differences[0]?.fix_sql ?? '';
    expect(fix.startsWith('-- ')).toBe(true);
    expect(fix).not.toContain('\n');
    expect(fix).toContain("'it''s'");
  });

  it('resets a grantee with REVOKE ALL and grants exactly what is expected', () => {
    const grant = (who: string, privileges: string[]): CatalogObject => ({
      kind: 'privilege',
      path: ['public', 'providers', who],
      attrs: { object_type: 'table', privileges, grantable: [] },
    });
    const diff = diffSnapshots(
      snap([...base, grant('reader', ['SELECT'])]),
      snap([...base, grant('Intruder', ['ALL'])]),
    );
    expect(diff.differences.map((d) => [d.change, d.severity, d.fix_sql])).toEqual([
      // sorted by object name: public.providers."Intruder" before public.providers.reader
      ['unexpected', 'security', 'REVOKE ALL ON TABLE public.providers FROM "Intruder";'],
      [
        'missing',
        'security',
        'REVOKE ALL ON TABLE public.providers FROM reader;\nGRANT SELECT ON TABLE public.providers TO reader;',
      ],
    ]);
  });

  it('moves differences matched by an unexpired rule to ignored and warns about expired rules', () => {
    const rules = parseIgnoreRules(
      [
        'ignore:',
        '  - object: public.providers.*',
        '    kind: column',
        '    reason: "widened during incident 42"',
        '    expires: 2030-01-01',
        '  - object: public.providers',
        '    reason: old exception',
        '    expires: 2020-01-01',
      ].join('\n'),
      '.schema-drift.yml',
    );
    const actual = [
      table('providers', ['id', 'npi'], { rls_enabled: true }),
      base[1] as CatalogObject,
      column('providers', 'npi'),
    ];
    const diff = diffSnapshots(snap(base), snap(actual), { rules, today: new Date('2026-01-15T12:00:00Z') });
    expect(diff.differences.map((d) => d.attribute)).toEqual(['rls_enabled']);
    expect(diff.ignored).toHaveLength(1);
    expect(diff.ignored[0]?.rule.reason).toBe('widened during incident 42');
    expect(diff.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', kind: 'expired-ignore-rule', file: '.schema-drift.yml', line: 6 }),
    ]);
    expect(diff.warnings[0]?.message).toContain('expired on 2020-01-01');
    // The same rule applies through its expiry day, and not the day after.
    const onDay = diffSnapshots(snap(base), snap(actual), { rules, today: new Date('2030-01-01T23:59:00Z') });
    expect(onDay.ignored).toHaveLength(1);
    const after = diffSnapshots(snap(base), snap(actual), { rules, today: new Date('2030-01-02T00:00:00Z') });
    expect(after.ignored).toHaveLength(0);
    expect(after.warnings).toHaveLength(2);
  });
});

describe('severityOf', () => {
  it.each([
    ['privilege', null, 'security'],
    ['policy', 'using', 'security'],
    ['table', 'rls_forced', 'security'],
    ['function', 'security_definer', 'security'],
    ['view', 'security_invoker', 'security'],
    ['column', 'not_null', 'breaking'],
    ['constraint', 'on_delete', 'breaking'],
    ['index', null, 'breaking'],
    ['column', 'comment', 'cosmetic'],
  ] as const)('rates %s %s as %s', (kind, attribute, severity) => {
    expect(severityOf(kind, attribute)).toBe(severity);
  });
});
