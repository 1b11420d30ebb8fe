import { describe, expect, it } from 'vitest';
import type { CatalogObject } from '../../src/catalog/model.js';
import { normaliseItem } from '../../src/catalog/normalise.js';
import { buildSnapshot } from '../../src/catalog/snapshot.js';
import { diffSnapshots } from '../../src/drift/structure.js';

const stats = { queries: 0, largest_response_bytes: 0, total_response_bytes: 0, response_budget_bytes: 0 };
const snap = (objects: CatalogObject[]) => buildSnapshot(structuredClone(objects), 150000, stats);

const table = (name: string, columns: string[], attrs: Partial<CatalogObject['attrs']> = {}): CatalogObject => ({
  kind: 'table',
  path: ['public', name],
  attrs: { relkind: 'table', owner: 'app_owner', column_order: columns, options: [], ...attrs },
});
const column = (
  t: string,
  name: string,
  type = 'text',
  attrs: Partial<CatalogObject['attrs']> = {},
): CatalogObject => ({
  kind: 'column',
  path: ['public', t, name],
  attrs: { type, not_null: false, default: null, ...attrs },
});

/** The lines of a fix-up that would run if pasted: everything not a comment. */
const runnableLines = (sql: string) => sql.split('\n').filter((l) => l.trim() && !l.startsWith('--'));

describe('fix-up SQL that converges (issue 21)', () => {
  const constraint = (t: string, name: string, definition: string): CatalogObject => ({
    kind: 'constraint',
    path: ['public', t, name],
    attrs: { type: 'check', definition, deferrable: false, deferred: false, validated: true },
    ddl: definition,
  });
  const index = (name: string, t: string, columns: string): CatalogObject => ({
    kind: 'index',
    path: ['public', name],
    attrs: { table: `public.${t}`, definition: `CREATE INDEX ${name} ON public.${t} USING btree (${columns})` },
    ddl: `CREATE INDEX ${name} ON public.${t} USING btree (${columns})`,
  });

  it('leaves a NOT NULL column without a default to a human: ADD COLUMN fails on a table with rows', () => {
    const diff = diffSnapshots(
      snap([table('t', ['id', 'code']), column('t', 'id', 'bigint'), column('t', 'code', 'text', { not_null: true })]),
      snap([table('t', ['id']), column('t', 'id', 'bigint')]),
    );
    expect(diff.differences).toHaveLength(1);
    expect(diff.differences[0]?.safety).not.toBe('safe');
    expect(diff.differences[0]?.fix_sql).toMatch(/^-- .*rows/);
    expect(runnableLines(diff.fix_script)).toEqual([]);
  });

  it('creates a missing index on an existing table CONCURRENTLY', () => {
    const diff = diffSnapshots(
      snap([table('t', ['a']), column('t', 'a'), index('t_a_idx', 't', 'a')]),
      snap([table('t', ['a']), column('t', 'a')]),
    );
    expect(runnableLines(diff.fix_script)).toEqual(['CREATE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a);']);
  });

  it('after a column rename, does not rebuild the indexes and CHECKs the rename restores', () => {
    const diff = diffSnapshots(
      snap([
        table('t', ['id', 'email']),
        column('t', 'email'),
        constraint('t', 't_email_check', "CHECK ((email <> 'email'::text))"),
        index('t_email_idx', 't', 'email'),
      ]),
      snap([
        table('t', ['id', 'mail']),
        column('t', 'mail'),
        constraint('t', 't_email_check', "CHECK ((mail <> 'email'::text))"),
        index('t_email_idx', 't', 'mail'),
      ]),
    );
    expect(runnableLines(diff.fix_script)).toEqual(['ALTER TABLE public.t RENAME COLUMN mail TO email;']);
    expect(diff.differences).toHaveLength(1);
  });

  it('names both candidates when a missing table could be either of two unexpected ones, and creates nothing', () => {
    const cols = (t: string) => [table(t, ['a']), column(t, 'a', 'integer')];
    const diff = diffSnapshots(snap(cols('orders')), snap([...cols('orders_a'), ...cols('orders_b')]));
    const missing = diff.differences.find((d) => d.change === 'missing');
    expect(missing?.fix_sql).toMatch(/public\.orders_a or public\.orders_b/);
    expect(missing?.possible_rename).toBeNull();
    expect(runnableLines(diff.fix_script)).toEqual([]);
  });

  it('creates no empty stand-in for a table renamed and changed: a similar unexpected table is named instead', () => {
    const expected = [table('orders', ['id', 'total']), column('orders', 'id', 'bigint'), column('orders', 'total')];
    const actual = [
      table('old_orders', ['id', 'total', 'note']),
      column('old_orders', 'id', 'bigint'),
      column('old_orders', 'total'),
      column('old_orders', 'note'),
    ];
    const diff = diffSnapshots(snap(expected), snap(actual));
    const missing = diff.differences.find((d) => d.change === 'missing' && d.kind === 'table');
    expect(missing?.fix_sql).toMatch(/^-- .*public\.old_orders/);
    expect(runnableLines(diff.fix_script)).toEqual([]);
    // A table with nothing in common is still created.
    const unrelated = diffSnapshots(snap(expected), snap([table('x', ['a']), column('x', 'a', 'integer')]));
    expect(runnableLines(unrelated.fix_script).some((l) => l.startsWith('CREATE TABLE public.orders'))).toBe(true);
  });

  it('pairs a renamed table and moves the ones moved to another schema back with SET SCHEMA', () => {
    const t = (schema: string, name: string): CatalogObject[] => [
      { ...table(name, ['a']), path: [schema, name] },
      { ...column(name, 'a', 'integer'), path: [schema, name, 'a'] },
    ];
    const diff = diffSnapshots(snap(t('public', 'orders')), snap(t('archive', 'old_orders')));
    expect(diff.differences.map((d) => [d.possible_rename, d.possible_move])).toEqual([
      ['archive.old_orders', 'archive.old_orders'],
    ]);
    expect(runnableLines(diff.fix_script)).toEqual([
      'ALTER TABLE archive.old_orders RENAME TO orders;',
      'ALTER TABLE archive.orders SET SCHEMA public;',
    ]);
  });

  it('classes widening casts as locks and narrowing ones as destructive', () => {
    const retype = (from: string, to: string) =>
      diffSnapshots(snap([table('t', ['a']), column('t', 'a', to)]), snap([table('t', ['a']), column('t', 'a', from)]))
        .differences[0]?.safety;
    expect(retype('character varying(100)', 'character varying(200)')).toBe('locks');
    expect(retype('character varying(100)', 'text')).toBe('locks');
    expect(retype('integer', 'bigint')).toBe('locks');
    expect(retype('numeric(4,1)', 'numeric(6,1)')).toBe('locks');
    expect(retype('character varying(200)', 'character varying(100)')).toBe('destructive');
    expect(retype('bigint', 'integer')).toBe('destructive');
    expect(retype('numeric(4,2)', 'numeric(6,1)')).toBe('destructive');
  });
});

describe('fix-up SQL safe by construction', () => {
  it('reports a renamed column as a possible rename fixed by RENAME COLUMN, never ADD + DROP', () => {
    const expected = [table('t', ['id', 'email']), column('t', 'id', 'bigint'), column('t', 'email')];
    const actual = [table('t', ['id', 'mail']), column('t', 'id', 'bigint'), column('t', 'mail')];
    const diff = diffSnapshots(snap(expected), snap(actual));
    expect(diff.differences).toHaveLength(1);
    expect(diff.differences[0]).toMatchObject({
      change: 'missing',
      kind: 'column',
      object: 'public.t.email',
      possible_rename: 'public.t.mail',
      safety: 'locks',
      fix_sql: 'ALTER TABLE public.t RENAME COLUMN mail TO email;',
    });
  });

  it('pairs a column renamed and retyped: RENAME runs, a narrowing cast back is left destructive', () => {
    const retyped = diffSnapshots(
      snap([table('t', ['id', 'email']), column('t', 'email')]),
      snap([table('t', ['id', 'mail']), column('t', 'mail', 'integer')]),
    );
    expect(retyped.differences.map((d) => [d.change, d.attribute, d.possible_rename, d.safety])).toEqual([
      ['missing', null, 'public.t.mail', 'locks'],
      ['changed', 'type', null, 'destructive'],
    ]);
    expect(runnableLines(retyped.fix_script)).toEqual(['ALTER TABLE public.t RENAME COLUMN mail TO email;']);
  });

  it('does not guess a rename when the position differs, or two candidates fit', () => {
    const moved = diffSnapshots(
      snap([table('t', ['id', 'email']), column('t', 'email')]),
      snap([table('t', ['mail', 'id']), column('t', 'mail', 'integer')]),
    );
    expect(moved.differences.map((d) => d.change).sort()).toEqual(['missing', 'unexpected']);
    const ambiguous = diffSnapshots(
      snap([table('t', ['a', 'b']), column('t', 'a'), column('t', 'b')]),
      snap([table('t', ['x', 'y']), column('t', 'x'), column('t', 'y')]),
    );
    expect(ambiguous.differences.every((d) => d.possible_rename === null)).toBe(true);
    // The unexpected columns' DROP loses data: commented out, so nothing runnable drops anything.
    for (const d of ambiguous.differences.filter((x) => x.change === 'unexpected')) {
      expect(d.safety).toBe('destructive');
      expect(runnableLines(d.fix_sql)).toEqual([]);
    }
    expect(runnableLines(ambiguous.fix_script).some((l) => /DROP/.test(l))).toBe(false);
  });

  it('reports a renamed index as a possible rename fixed by ALTER INDEX … RENAME', () => {
    const index = (name: string): CatalogObject => ({
      kind: 'index',
      path: ['public', name],
      attrs: { table: 'public.t', definition: `CREATE INDEX ${name} ON public.t USING btree (a)`, predicate: null },
      ddl: `CREATE INDEX ${name} ON public.t USING btree (a)`,
    });
    const diff = diffSnapshots(snap([index('t_a_idx')]), snap([index('t_a_index')]));
    expect(diff.differences.map((d) => [d.possible_rename, d.fix_sql])).toEqual([
      ['public.t_a_index', 'ALTER INDEX public.t_a_index RENAME TO t_a_idx;'],
    ]);
  });

  it('writes a column type change with USING, commented out as destructive', () => {
    const diff = diffSnapshots(
      snap([table('t', ['n']), column('t', 'n', 'integer')]),
      snap([table('t', ['n']), column('t', 'n', 'text')]),
    );
    expect(diff.differences[0]?.safety).toBe('destructive');
    expect(diff.differences[0]?.fix_sql).toBe(
      '-- destructive, not run: a type change rewrites the table and its cast can lose data (text to integer)\n' +
        '-- ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;',
    );
  });

  it('renames an enum label in place with RENAME VALUE, and adds new labels before their neighbour', () => {
    const e = (labels: string[]): CatalogObject => ({ kind: 'enum', path: ['public', 's'], attrs: { labels } });
    const renamed = diffSnapshots(snap([e(['a', 'denied', 'c'])]), snap([e(['a', 'rejected', 'c'])]));
    expect(renamed.differences[0]?.fix_sql).toBe("ALTER TYPE public.s RENAME VALUE 'rejected' TO 'denied';");
    expect(renamed.differences[0]?.safety).toBe('safe');
    const added = diffSnapshots(snap([e(['a', 'b', 'c'])]), snap([e(['a', 'c'])]));
    expect(added.differences[0]?.fix_sql).toBe("ALTER TYPE public.s ADD VALUE 'b' BEFORE 'c';");
    const extra = diffSnapshots(snap([e(['a'])]), snap([e(['a', 'b'])]));
    expect(extra.differences[0]?.safety).toBe('destructive');
    expect(runnableLines(extra.differences[0]?.fix_sql ?? '')).toEqual([]);
  });

  it('attaches a detached partition once, although two attributes changed', () => {
    const partition = (attached: boolean) =>
      table('p_2026', ['id'], {
        partition_of: attached ? ['public', 'p'] : null,
        partition_bound: attached ? "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')" : null,
      });
    const diff = diffSnapshots(snap([partition(true)]), snap([partition(false)]));
    expect(diff.differences.map((d) => d.attribute)).toEqual(['partition_bound', 'partition_of']);
    expect(runnableLines(diff.fix_script)).toEqual([
      "ALTER TABLE public.p ATTACH PARTITION public.p_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
    ]);
    expect(diff.differences[0]?.fix_sql).toBe('-- done by the fix-up of partition_of');
  });

  it('RESETs options that were unset, on tables and views', () => {
    const t = diffSnapshots(
      snap([table('t', [], { options: [] })]),
      snap([table('t', [], { options: ['fillfactor=70'] })]),
    );
    expect(t.differences[0]?.fix_sql).toBe('ALTER TABLE public.t RESET (fillfactor);');
    const view = (barrier: boolean): CatalogObject => ({
      kind: 'view',
      path: ['public', 'v'],
      attrs: { definition: 'SELECT 1', security_barrier: barrier },
    });
    const v = diffSnapshots(snap([view(false)]), snap([view(true)]));
    expect(v.differences[0]?.fix_sql).toBe('ALTER VIEW public.v RESET (security_barrier);');
  });

  it('recreates a materialized view before its index, keeps its owner, and recreates the index once', () => {
    const view: CatalogObject = {
      kind: 'materialized view',
      path: ['public', 'mv'],
      attrs: { definition: 'SELECT 1 AS x', owner: 'reporting' },
      ddl: ' SELECT 1 AS x;',
    };
    const index: CatalogObject = {
      kind: 'index',
      path: ['public', 'mv_x_idx'],
      attrs: { table: 'public.mv', definition: 'CREATE INDEX mv_x_idx ON public.mv USING btree (x)' },
      ddl: 'CREATE INDEX mv_x_idx ON public.mv USING btree (x)',
    };
    const diff = diffSnapshots(snap([view, index]), snap([]));
    expect(runnableLines(diff.fix_script)).toEqual([
      'CREATE MATERIALIZED VIEW public.mv AS',
      'SELECT 1 AS x;',
      'CREATE INDEX mv_x_idx ON public.mv USING btree (x);',
      'ALTER MATERIALIZED VIEW public.mv OWNER TO reporting;',
    ]);
  });

  it('creates foreign keys after the keys they reference, and drops unexpected views before tables', () => {
    const fk: CatalogObject = {
      kind: 'constraint',
      path: ['public', 'a', 'a_b_fkey'],
      attrs: { type: 'foreign key', definition: '(b_id) REFERENCES public.b(id)' },
      ddl: 'FOREIGN KEY (b_id) REFERENCES public.b(id)',
    };
    const pk: CatalogObject = {
      kind: 'constraint',
      path: ['public', 'b', 'b_pkey'],
      attrs: { type: 'primary key', definition: 'PRIMARY KEY (id)' },
      ddl: 'PRIMARY KEY (id)',
    };
    const base = [table('a', []), table('b', [])];
    const diff = diffSnapshots(snap([...base, fk, pk]), snap(base));
    expect(runnableLines(diff.fix_script)).toEqual([
      'ALTER TABLE public.b ADD CONSTRAINT b_pkey PRIMARY KEY (id);',
      'ALTER TABLE public.a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES public.b(id);',
    ]);
  });

  it('rates owners, new SECURITY DEFINER functions and every privilege level as security', () => {
    const f = (definer: boolean): CatalogObject => ({
      kind: 'function',
      path: ['public', 'f()'],
      attrs: { kind: 'function', security_definer: definer, owner: 'app' },
      ddl: 'CREATE OR REPLACE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$SELECT 1$$',
    });
    expect(diffSnapshots(snap([]), snap([f(true)])).differences[0]?.severity).toBe('security');
    expect(diffSnapshots(snap([]), snap([f(false)])).differences[0]?.severity).toBe('breaking');
    const owner = diffSnapshots(snap([table('t', [])]), snap([table('t', [], { owner: 'intruder' })]));
    expect(owner.differences[0]).toMatchObject({
      attribute: 'owner',
      severity: 'security',
      fix_sql: 'ALTER TABLE public.t OWNER TO app_owner;',
    });
    const kinds = ['column privilege', 'function privilege', 'schema privilege', 'type privilege', 'default privilege'];
    for (const kind of kinds) {
      const grant = { kind, path: ['public', 'x', 'PUBLIC'], attrs: { privileges: ['USAGE'] } } as CatalogObject;
      expect(diffSnapshots(snap([]), snap([grant])).differences[0]?.severity).toBe('security');
    }
  });

  it('gives a missing object back its owner instead of the role running the fix-up', () => {
    const seq: CatalogObject = {
      kind: 'sequence',
      path: ['public', 's'],
      attrs: { type: 'bigint', start: '1', increment: '1', min: '1', max: '9', cache: '1', cycle: false, owner: 'app' },
    };
    expect(runnableLines(diffSnapshots(snap([seq]), snap([])).fix_script)).toEqual([
      'CREATE SEQUENCE public.s AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9 START WITH 1 CACHE 1;',
      'ALTER SEQUENCE public.s OWNER TO app;',
    ]);
  });
});

describe('privilege items', () => {
  it('refuses a privilege on an object type it cannot place instead of dropping it', () => {
    expect(() =>
      normaliseItem({ t: 'privilege', object_type: 'mystery', schema: 'public', name: 'x', grantee: 'PUBLIC' }),
    ).toThrow('unknown object type "mystery"');
    expect(
      normaliseItem({
        t: 'privilege',
        object_type: 'table',
        schema: 'public',
        name: 't',
        grantee: 'app',
        privileges: ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE', 'MAINTAIN'],
        grantable: [],
        defaults: [],
      }),
    ).toMatchObject({ kind: 'privilege', path: ['public', 't', 'app'], attrs: { privileges: ['ALL'] } });
  });
});
