import { describe, expect, it } from 'vitest';
import type { CatalogObject } from '../../src/catalog/model.js';
import { renameSchema, userSchemas } from '../../src/catalog/rename-schema.js';
import { buildSnapshot } from '../../src/catalog/snapshot.js';

const stats = { queries: 1, largest_response_bytes: 0, total_response_bytes: 0, response_budget_bytes: 1024 };
const snap = (objects: CatalogObject[]) => buildSnapshot(objects, 150000, stats);

function tenant(schema: string, spelled: string, literal: string): CatalogObject[] {
  return [
    { kind: 'schema', path: [schema], attrs: { owner: 'app' } },
    { kind: 'extension', path: ['hstore'], attrs: { schema, version: '1.8' } },
    {
      kind: 'column',
      path: [schema, 'users', 'id'],
      attrs: { default: `nextval('${literal}.users_id_seq'::regclass)` },
    },
    { kind: 'sequence', path: [schema, 'users_id_seq'], attrs: { owned_by: [schema, 'users', 'id'] } },
    {
      kind: 'index',
      path: [schema, 'i'],
      attrs: { table: `${schema}.users`, def: `CREATE INDEX i ON ${spelled}.users (x)` },
    },
    {
      kind: 'constraint',
      path: [schema, 'orders', 'fk'],
      attrs: { def: `FOREIGN KEY (u) REFERENCES ${spelled}.users(id)` },
    },
    { kind: 'default privilege', path: ['app', schema, 'tables', 'reader'], attrs: { privileges: 'SELECT' } },
  ];
}

describe('renaming a tenant schema', () => {
  it('makes a tenant equal to the template it was cloned from, whatever its name needs', () => {
    const template = snap(tenant('template', 'template', 'template'));
    for (const [name, spelled, literal] of [
      ['tenant_1', 'tenant_1', 'tenant_1'],
      ['Tenant-ACME', '"Tenant-ACME"', '"Tenant-ACME"'],
      [`q"uo'te`, `"q""uo'te"`, `"q""uo''te"`],
      ['user', '"user"', '"user"'],
    ] as const) {
      const renamed = renameSchema(snap(tenant(name, spelled, literal)), name, 'template');
      expect(renamed.objects).toEqual(template.objects);
      expect(renamed.fingerprint).toBe(template.fingerprint);
    }
  });

  it('leaves other schemas, longer names and non-leading parts alone', () => {
    const note: CatalogObject = { kind: 'view', path: ['t', 'v'], attrs: { def: 'SELECT other.t.x, myt.y, t.z' } };
    const renamed = renameSchema(snap([...tenant('t', 't', 't'), note]), 't', 'tpl');
    expect(renamed.objects.find((o) => o.kind === 'view')?.attrs.def).toBe('SELECT other.t.x, myt.y, tpl.z');
    expect(renamed.objects.find((o) => o.kind === 'extension')?.path).toEqual(['hstore']);
  });

  it('names the schemas a snapshot holds', () => {
    expect(userSchemas(snap([...tenant('b', 'b', 'b'), { kind: 'schema', path: ['a'], attrs: {} }]))).toEqual([
      'a',
      'b',
    ]);
  });
});
