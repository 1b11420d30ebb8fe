// Fix-up SQL for privileges at every level. A privilege object is one grantee's rights on one thing where they differ
// from the default; the fix-up resets the grantee (REVOKE ALL) and grants exactly what is expected — or, when nothing
// is expected for the grantee, the default recorded with the actual object. Resetting is one idempotent step per
// grantee, whatever mixture of extra and missing rights (and grant options) it had.
import { type Statement, safe } from './fixup-statement.js';
import type { AttrValue, CatalogObject } from './model.js';
import { quoteIdent, quoteQualified } from './sql-quote.js';

const arr = (v: AttrValue | undefined): readonly string[] => (Array.isArray(v) ? v : []);

function granteeOf(o: CatalogObject): string {
  const g = o.path[o.path.length - 1] ?? '';
  return g === 'PUBLIC' ? 'PUBLIC' : quoteIdent(g);
}

function functionTarget(o: CatalogObject): string {
  const raw = o.path[1] ?? '';
  const open = raw.indexOf('(');
  const name = `${quoteIdent(o.path[0] ?? '')}.${quoteIdent(raw.slice(0, open))}${raw.slice(open)}`;
  return `${o.attrs.object_type === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${name}`;
}

interface Target {
  /** Prefix before GRANT/REVOKE (ALTER DEFAULT PRIVILEGES …), or ''. */
  prefix: string;
  /** `ON …` clause. */
  on: string;
  /** Column list applied to each privilege (column privileges), or ''. */
  columns: string;
}

function targetOf(o: CatalogObject): Target {
  const p = o.path;
  switch (o.kind) {
    case 'privilege':
      return {
        prefix: '',
        on: `${o.attrs.object_type === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${quoteQualified(p.slice(0, 2))}`,
        columns: '',
      };
    case 'column privilege':
      return { prefix: '', on: `TABLE ${quoteQualified(p.slice(0, 2))}`, columns: ` (${quoteIdent(p[2] ?? '')})` };
    case 'function privilege':
      return { prefix: '', on: functionTarget(o), columns: '' };
    case 'schema privilege':
      return { prefix: '', on: `SCHEMA ${quoteIdent(p[0] ?? '')}`, columns: '' };
    case 'type privilege':
      return { prefix: '', on: `TYPE ${quoteQualified(p.slice(0, 2))}`, columns: '' };
    default: {
      // default privilege: [role, schema ('' for every schema), objects, grantee]
      const inSchema = p[1] ? ` IN SCHEMA ${quoteIdent(p[1])}` : '';
      return {
        prefix: `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(p[0] ?? '')}${inSchema} `,
        on: (p[2] ?? 'tables').toUpperCase(),
        columns: '',
      };
    }
  }
}

const listOf = (privileges: readonly string[], columns: string) =>
  privileges.includes('ALL') ? `ALL${columns}` : privileges.map((x) => `${x}${columns}`).join(', ');

/** The statements that make `grantee` hold exactly the expected rights (the default when `expected` is absent). */
export function privilegeFixup(expected: CatalogObject | undefined, actual: CatalogObject | undefined): Statement[] {
  const o = expected ?? actual;
  if (!o) return [];
  const t = targetOf(o);
  const grantee = granteeOf(o);
  const want = expected ? arr(expected.attrs.privileges) : (actual?.ddl ?? '').split(', ').filter(Boolean);
  const withOption = expected ? arr(expected.attrs.grantable) : [];
  const plain = want.includes('ALL')
    ? withOption.includes('ALL')
      ? []
      : ['ALL']
    : want.filter((x) => !withOption.includes(x));
  const statements = [safe(`${t.prefix}REVOKE ALL${t.columns} ON ${t.on} FROM ${grantee};`)];
  if (plain.length) statements.push(safe(`${t.prefix}GRANT ${listOf(plain, t.columns)} ON ${t.on} TO ${grantee};`));
  if (withOption.length) {
    statements.push(
      safe(`${t.prefix}GRANT ${listOf(withOption, t.columns)} ON ${t.on} TO ${grantee} WITH GRANT OPTION;`),
    );
  }
  return statements;
}
