// Introspection queries: only SELECTs against the system catalogs, one per group of object kinds. Each section's
// inner query yields o: one object as a positional JSON array. wrapSection() turns it into a query answering one
// chunk of the section's objects as a single json_agg row, cut so that no response exceeds the size budget.

/**
 * Keeps pg_get_*def output schema-qualified whatever the session's search_path (the Lambda's is unknown). As an
 * uncorrelated subquery it runs once, before the first row is read; set per row it cost a third of the snapshot.
 */
const PIN = "(SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)) IS NOT NULL";

const USER_SCHEMA = (ns: string) =>
  `${ns}.nspname NOT IN ('pg_catalog', 'information_schema') AND ${ns}.nspname NOT LIKE 'pg\\_toast%' AND ${ns}.nspname NOT LIKE 'pg\\_temp\\_%'`;

/** Extension members are the extension's business, not the migrations'. */
const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

export interface Section {
  name: string;
  inner: string;
  /**
   * When set, each o is a JSON array [type, ...values] instead of an object: fields[type] names the values in order.
   * Keys repeated on every row were most of the bytes and json_build_object most of the server time of big sections.
   */
  fields?: Readonly<Record<string, readonly string[]>>;
}

/** Builds `json_build_array(type, v1, v2, ...)` and the field names it stands for, from (name, SQL) pairs. */
function positional(type: string, pairs: readonly (readonly [string, string])[]): { sql: string; names: string[] } {
  return {
    sql: `json_build_array('${type}', ${pairs.map(([, e]) => e).join(', ')})`,
    names: pairs.map(([n]) => n),
  };
}

/** A comment, read by a LEFT JOIN on pg_description (a per-row obj_description call costs an index probe each). */
const DESCRIPTION = (alias: string, catalog: string, oid: string, sub = '0') =>
  `LEFT JOIN pg_description ${alias} ON ${alias}.objoid = ${oid} AND ${alias}.classoid = '${catalog}'::regclass AND ${alias}.objsubid = ${sub}`;

const TABLE = positional('table', [
  ['schema', 'n.nspname'],
  ['name', 'c.relname'],
  ['relkind', 'c.relkind'],
  ['partition_key', "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END"],
  [
    'partition_of',
    `(SELECT json_build_array(pn.nspname, pc.relname) FROM pg_inherits i
                          JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                          WHERE i.inhrelid = c.oid AND c.relispartition)`,
  ],
  ['partition_bound', 'CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END'],
  ['rls_enabled', 'c.relrowsecurity'],
  ['rls_forced', 'c.relforcerowsecurity'],
  ['unlogged', "c.relpersistence = 'u'"],
  ['options', 'c.reloptions'],
  ['comment', 'd.description'],
  ['owner', 'pg_get_userbyid(c.relowner)'],
  [
    'tablespace',
    'CASE WHEN c.reltablespace <> 0 THEN (SELECT spcname FROM pg_tablespace WHERE oid = c.reltablespace) END',
  ],
  // heap is the default everywhere (a partitioned table has no access method of its own before 17)
  ['access_method', "(SELECT amname FROM pg_am WHERE oid = c.relam AND amname <> 'heap')"],
  ['replica_identity', "nullif(c.relreplident, 'd')"],
  [
    'inherits',
    `(SELECT json_agg(format('%I.%I', pn.nspname, pc.relname) ORDER BY i.inhseqno) FROM pg_inherits i
                    JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                    WHERE i.inhrelid = c.oid AND NOT c.relispartition)`,
  ],
  [
    'columns',
    `(SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)`,
  ],
]);

const COLUMN = positional('column', [
  ['schema', 'n.nspname'],
  ['table', 'c.relname'],
  ['name', 'a.attname'],
  ['type', 'format_type(a.atttypid, a.atttypmod)'],
  ['not_null', 'a.attnotnull'],
  // A default cannot refer to a column, so it needs no relation to deparse against: ~30 ms less on 10k defaults.
  ['default', "CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END"],
  ['generated', "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END"],
  ['generated_kind', "nullif(a.attgenerated, '')"],
  ['identity', "nullif(a.attidentity, '')"],
  ['collation', "CASE WHEN co.oid IS NOT NULL THEN format('%I.%I', cn.nspname, co.collname) END"],
  ['comment', 'd.description'],
  // -1 (15, 16) and NULL (17+) both mean the default target
  ['statistics', 'nullif(a.attstattarget::int, -1)'],
  ['storage', 'CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END'],
  // what a dump restores of an identity column's sequence (its type follows the column). refclassid first: it leads
  // pg_depend's reference index; without it the columns section took 625 ms instead of 190 on 2,000 tables.
  [
    'identity_options',
    `CASE WHEN a.attidentity <> '' THEN (SELECT json_build_array(s.seqstart::text, s.seqincrement::text,
       s.seqmin::text, s.seqmax::text, s.seqcache::text, s.seqcycle) FROM pg_depend dd
       JOIN pg_sequence s ON s.seqrelid = dd.objid
       WHERE dd.refclassid = 'pg_class'::regclass AND dd.refobjid = c.oid AND dd.refobjsubid = a.attnum
         AND dd.classid = 'pg_class'::regclass
         AND dd.deptype = 'i') END`,
  ],
]);

const CONSTRAINT = positional('constraint', [
  ['schema', 'n.nspname'],
  ['table', 'c.relname'],
  ['name', 'co.conname'],
  ['contype', 'co.contype'],
  ['def', 'pg_get_constraintdef(co.oid)'],
  [
    'fk_key',
    `CASE WHEN co.contype = 'f' THEN format('(%s) REFERENCES %s(%s)',
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) FROM unnest(co.conkey) WITH ORDINALITY k(n, i)
            JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n),
           (SELECT format('%I.%I', fn.nspname, fc.relname) FROM pg_class fc
            JOIN pg_namespace fn ON fn.oid = fc.relnamespace WHERE fc.oid = co.confrelid),
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) FROM unnest(co.confkey) WITH ORDINALITY k(n, i)
            JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n)) END`,
  ],
  ['on_delete', "CASE WHEN co.contype = 'f' THEN co.confdeltype END"],
  ['on_update', "CASE WHEN co.contype = 'f' THEN co.confupdtype END"],
  ['match', "CASE WHEN co.contype = 'f' THEN co.confmatchtype END"],
  ['deferrable', 'co.condeferrable'],
  ['deferred', 'co.condeferred'],
  ['validated', 'co.convalidated'],
  ['comment', 'd.description'],
]);

const INDEX = positional('index', [
  ['schema', 'n.nspname'],
  ['name', 'ic.relname'],
  ['table', 'json_build_array(tn.nspname, tc.relname)'],
  ['def', 'pg_get_indexdef(i.indexrelid)'],
  ['predicate', 'pg_get_expr(i.indpred, i.indrelid)'],
  ['unique', 'i.indisunique'],
  ['valid', 'i.indisvalid'],
  ['comment', 'd.description'],
  [
    'tablespace',
    'CASE WHEN ic.reltablespace <> 0 THEN (SELECT spcname FROM pg_tablespace WHERE oid = ic.reltablespace) END',
  ],
  ['clustered', 'i.indisclustered'],
]);

const SCHEMA = positional('schema', [
  ['name', 'n.nspname'],
  ['comment', 'd.description'],
  ['owner', 'pg_get_userbyid(n.nspowner)'],
]);

const EXTENSION = positional('extension', [
  ['name', 'x.extname'],
  ['version', 'x.extversion'],
  ['schema', 'n.nspname'],
]);

/** Enums and domains share one field list; the type is `enum` or `domain`. */
const TYPE = positional('type', [
  ['schema', 'n.nspname'],
  ['name', 't.typname'],
  ['labels', '(SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)'],
  ['base_type', "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END"],
  ['not_null', 't.typnotnull'],
  ['default', 't.typdefault'],
  [
    'collation',
    `(SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co
                       JOIN pg_namespace cn ON cn.oid = co.collnamespace JOIN pg_type bt ON bt.oid = t.typbasetype
                       WHERE co.oid = t.typcollation AND t.typcollation <> bt.typcollation)`,
  ],
  [
    'checks',
    `(SELECT json_agg(json_build_array(c.conname, pg_get_constraintdef(c.oid)) ORDER BY c.conname)
                    FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c')`,
  ],
  ['comment', 'd.description'],
  ['owner', 'pg_get_userbyid(t.typowner)'],
  [
    'attributes',
    `(SELECT json_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
                               || CASE WHEN a.attcollation <> at.typcollation
                                  THEN ' COLLATE ' || (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co
                                       JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)
                                  ELSE '' END ORDER BY a.attnum)
                       FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                       WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)`,
  ],
]);

const SEQUENCE = positional('sequence', [
  ['schema', 'n.nspname'],
  ['name', 'c.relname'],
  ['type', 'format_type(s.seqtypid, NULL)'],
  ['start', 's.seqstart::text'],
  ['increment', 's.seqincrement::text'],
  ['min', 's.seqmin::text'],
  ['max', 's.seqmax::text'],
  ['cache', 's.seqcache::text'],
  ['cycle', 's.seqcycle'],
  ['owner', 'pg_get_userbyid(c.relowner)'],
  [
    'owned_by',
    `(SELECT json_build_array(tn.nspname, tc.relname, a.attname)
                      FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid
                      JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refobjsubid > 0
                        AND d.deptype = 'a' LIMIT 1)`,
  ],
  ['comment', 'sd.description'],
]);

/** Views and materialized views share one field list. */
const VIEW = positional('view', [
  ['schema', 'n.nspname'],
  ['name', 'c.relname'],
  ['def', 'pg_get_viewdef(c.oid)'],
  ['options', 'c.reloptions'],
  ['comment', 'd.description'],
  ['owner', 'pg_get_userbyid(c.relowner)'],
  [
    'tablespace',
    'CASE WHEN c.reltablespace <> 0 THEN (SELECT spcname FROM pg_tablespace WHERE oid = c.reltablespace) END',
  ],
]);

const FUNCTION = positional('function', [
  ['schema', 'n.nspname'],
  ['name', 'p.proname'],
  ['args', 'pg_get_function_identity_arguments(p.oid)'],
  ['prokind', 'p.prokind'],
  ['result', 'pg_get_function_result(p.oid)'],
  ['language', 'l.lanname'],
  ['volatility', 'p.provolatile'],
  ['security_definer', 'p.prosecdef'],
  ['strict', 'p.proisstrict'],
  ['leakproof', 'p.proleakproof'],
  ['parallel', 'p.proparallel'],
  ['config', 'p.proconfig'],
  [
    'body_sha256',
    `encode(sha256(convert_to(btrim(replace(
           CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) ELSE p.prosrc END,
           E'\\r\\n', E'\\n'), E' \\n\\t'), 'UTF8')), 'hex')`,
  ],
  ['comment', 'd.description'],
  ['owner', 'pg_get_userbyid(p.proowner)'],
  ['ddl', "CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END"],
]);

const TRIGGER = positional('trigger', [
  ['schema', 'n.nspname'],
  ['table', 'c.relname'],
  ['name', 't.tgname'],
  ['def', 'pg_get_triggerdef(t.oid)'],
  ['enabled', 't.tgenabled'],
  ['comment', 'd.description'],
]);

const POLICY = positional('policy', [
  ['schema', 'n.nspname'],
  ['table', 'c.relname'],
  ['name', 'p.polname'],
  ['command', 'p.polcmd'],
  ['permissive', 'p.polpermissive'],
  [
    'roles',
    `(SELECT json_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r)::text END ORDER BY 1)
                   FROM unnest(p.polroles) r)`,
  ],
  ['using', 'pg_get_expr(p.polqual, p.polrelid)'],
  ['with_check', 'pg_get_expr(p.polwithcheck, p.polrelid)'],
]);

const RULE = positional('rule', [
  ['schema', 'n.nspname'],
  ['table', 'c.relname'],
  ['name', 'r.rulename'],
  ['def', 'pg_get_ruledef(r.oid)'],
  ['enabled', 'r.ev_enabled'],
  ['comment', 'd.description'],
]);

/**
 * One row per (object, grantee) whose privileges differ from what the object would have with no GRANT or REVOKE at
 * all (acldefault): so an owner's revoked rights and a function's EXECUTE revoked from PUBLIC show, while an ACL
 * that a GRANT and its REVOKE left equal to the default does not. `defaults` is that default, for the fix-up.
 */
const PRIVILEGE = positional('privilege', [
  ['object_type', 'o.object_type'],
  ['schema', 'o.schema'],
  ['name', 'o.name'],
  ['sub', 'o.sub'],
  ['grantee', 'g.grantee'],
  ['privileges', 'g.privileges'],
  ['grantable', 'g.grantable'],
  ['defaults', 'g.defaults'],
]);

/** A positional item whose type is computed per row: the SQL of `item` with its literal type replaced. */
function retyped(item: { sql: string }, literal: string, typeSql: string): string {
  return item.sql.replace(`json_build_array('${literal}', `, `json_build_array(${typeSql}, `);
}

export const SECTIONS: readonly Section[] = [
  {
    name: 'namespaces',
    fields: {
      schema: SCHEMA.names,
      extension: EXTENSION.names,
      enum: TYPE.names,
      domain: TYPE.names,
      'composite type': TYPE.names,
      sequence: SEQUENCE.names,
    },
    inner: `
SELECT ${SCHEMA.sql} AS o
FROM pg_namespace n ${DESCRIPTION('d', 'pg_namespace', 'n.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')}
UNION ALL
SELECT ${EXTENSION.sql}
FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
UNION ALL
SELECT ${retyped(TYPE, 'type', "CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'composite type' END")}
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace ${DESCRIPTION('d', 'pg_type', 't.oid')}
WHERE ${PIN} AND (t.typtype IN ('e', 'd')
       -- a stand-alone composite type (a table's row type is the table's)
       OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))
  AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
UNION ALL
SELECT ${SEQUENCE.sql}
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('sd', 'pg_class', 'c.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
  -- identity sequences belong to their column (its identity attribute)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.deptype = 'i')`,
  },
  {
    name: 'tables',
    fields: { table: TABLE.names },
    inner: `
SELECT ${TABLE.sql} AS o
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ${DESCRIPTION('d', 'pg_class', 'c.oid')}
WHERE ${PIN} AND c.relkind IN ('r', 'p', 'f') AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
  },
  {
    name: 'columns',
    fields: { column: COLUMN.names },
    inner: `
SELECT ${COLUMN.sql} AS o
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
-- a collation is reported only where it differs from the type's own
LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
${DESCRIPTION('d', 'pg_class', 'a.attrelid', 'a.attnum')}
WHERE ${PIN} AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f')
  AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
  },
  {
    name: 'constraints',
    fields: { constraint: CONSTRAINT.names },
    inner: `
SELECT ${CONSTRAINT.sql} AS o
FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('d', 'pg_constraint', 'co.oid')}
-- PostgreSQL 18 also records NOT NULL as constraints (contype n); nullability is the column's not_null
WHERE ${PIN} AND co.contype IN ('p', 'u', 'f', 'c', 'x') AND ${USER_SCHEMA('n')}
  AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
  },
  {
    name: 'indexes',
    fields: { index: INDEX.names },
    inner: `
SELECT ${INDEX.sql} AS o
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
${DESCRIPTION('d', 'pg_class', 'ic.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'ic.oid')}
  -- the index behind a primary key, unique or exclusion constraint is reported as that constraint
  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid
                  AND co.contype IN ('p', 'u', 'x'))`,
  },
  {
    name: 'views',
    fields: { view: VIEW.names, 'materialized view': VIEW.names },
    inner: `
SELECT ${retyped(VIEW, 'view', "CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END")} AS o
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ${DESCRIPTION('d', 'pg_class', 'c.oid')}
WHERE ${PIN} AND c.relkind IN ('v', 'm') AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`,
  },
  {
    name: 'functions',
    fields: { function: FUNCTION.names },
    inner: `
SELECT ${FUNCTION.sql} AS o
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
${DESCRIPTION('d', 'pg_proc', 'p.oid')}
WHERE ${PIN} AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}`,
  },
  {
    name: 'triggers, rules and policies',
    fields: { trigger: TRIGGER.names, rule: RULE.names, policy: POLICY.names },
    inner: `
SELECT ${TRIGGER.sql} AS o
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('d', 'pg_trigger', 't.oid')}
WHERE ${PIN} AND NOT t.tgisinternal AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
UNION ALL
SELECT ${RULE.sql}
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
${DESCRIPTION('d', 'pg_rewrite', 'r.oid')}
-- _RETURN is the rule that makes a view a view: the view's definition
WHERE ${PIN} AND r.rulename <> '_RETURN' AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
UNION ALL
SELECT ${POLICY.sql}
FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${PIN} AND ${USER_SCHEMA('n')}`,
  },
  {
    name: 'privileges',
    fields: { privilege: PRIVILEGE.names },
    inner: `
WITH acl AS (
  SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END AS object_type, n.nspname AS schema,
         -- text, not name: a routine's "name(args)" in this column must not be cut at 63 bytes
         c.relname::text AS name, NULL::text AS sub, c.relowner AS owner, c.relacl AS acl,
         CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char" AS default_type
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${USER_SCHEMA('n')}
    AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
  UNION ALL
  SELECT 'column', n.nspname, c.relname, a.attname, c.relowner, a.attacl, 'c'
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND ${USER_SCHEMA('n')}
    AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname,
         p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, p.proowner, p.proacl, 'f'
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE ${PIN} AND p.proacl IS NOT NULL AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
  UNION ALL
  SELECT 'schema', n.nspname, NULL, NULL, n.nspowner, n.nspacl, 'n'
  FROM pg_namespace n
  WHERE n.nspacl IS NOT NULL AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')}
  UNION ALL
  SELECT 'type', n.nspname, t.typname, NULL, t.typowner, t.typacl, 'T'
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typacl IS NOT NULL AND ${USER_SCHEMA('n')} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
  UNION ALL
  -- default privileges: schema '' for the role's global entry, which replaces the built-in default (so is compared
  -- with it); an entry for one schema adds to it (so is compared with nothing)
  -- an object class a later major adds is kept under its code letter, never dropped
  SELECT 'default ' || CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                                             WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' WHEN 'L' THEN 'large objects'
                                             ELSE da.defaclobjtype::text END,
         coalesce(n.nspname, ''), pg_get_userbyid(da.defaclrole), NULL, da.defaclrole, da.defaclacl,
         CASE WHEN da.defaclnamespace = 0 THEN CASE da.defaclobjtype WHEN 'S' THEN 's' ELSE da.defaclobjtype END END
  FROM pg_default_acl da LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
)
SELECT ${PRIVILEGE.sql} AS o
FROM acl o CROSS JOIN LATERAL (
  SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END AS grantee,
         coalesce(json_agg(DISTINCT x.privilege_type) FILTER (WHERE x.side = 'a'), '[]') AS privileges,
         coalesce(json_agg(DISTINCT x.privilege_type) FILTER (WHERE x.side = 'a' AND x.is_grantable), '[]') AS grantable,
         coalesce(json_agg(DISTINCT x.privilege_type) FILTER (WHERE x.side = 'd'), '[]') AS defaults
  FROM (SELECT 'a' AS side, e.grantee, e.privilege_type, e.is_grantable FROM aclexplode(o.acl) e
        UNION ALL
        SELECT 'd', e.grantee, e.privilege_type, e.is_grantable
        FROM aclexplode(CASE WHEN o.default_type IS NOT NULL THEN acldefault(o.default_type, o.owner) END) e) x
  GROUP BY x.grantee
  HAVING array_agg(DISTINCT x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END) FILTER (WHERE x.side = 'a')
         IS DISTINCT FROM
         array_agg(DISTINCT x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END) FILTER (WHERE x.side = 'd')
) g
WHERE ${PIN}`,
  },
];

/**
 * One chunk of a section: $1 the chunk size in bytes, $2 the chunk number. Answers one row: the number of chunks,
 * the server version and this chunk's objects as the text of a JSON array. Chunks follow the running size of the
 * objects in the order of their text, so a chunk holds at most $1 bytes plus one object. A section that fits in one
 * chunk (the usual case) skips the ordering: the snapshot sorts its objects itself.
 */
export function wrapSection(section: Section): string {
  // Null attributes are left out of object items (normalisation reads a missing key as null): about half the bytes.
  const text = section.fields ? 'o::text' : 'json_strip_nulls(o)::text';
  // Each item is rendered to text once; its size and the response are both taken from that text. Chunks are cut in
  // the order of that text: a total order (equal texts are equal objects, so their order cannot change a chunk), and
  // unlike a separate sort key it costs nothing when the section fits in one chunk.
  return `WITH items AS MATERIALIZED (SELECT ${text} AS o FROM (${section.inner}
) AS section),
total AS (SELECT coalesce(sum(octet_length(o)), 0) <= $1::bigint AS single FROM items),
chunked AS (
  SELECT o, ((sum(octet_length(o)) OVER (ORDER BY o COLLATE "C" ROWS UNBOUNDED PRECEDING) - 1) / $1::bigint)::int
           AS chunk
  FROM items
)
SELECT CASE WHEN (SELECT single FROM total) THEN 1
            ELSE (SELECT coalesce(max(chunk), 0) + 1 FROM chunked) END AS chunks,
       current_setting('server_version_num') AS server_version_num,
       CASE WHEN (SELECT single FROM total) THEN (SELECT '[' || string_agg(o, ',') || ']' FROM items)
            ELSE (SELECT '[' || string_agg(o, ',' ORDER BY o COLLATE "C") || ']' FROM chunked WHERE chunk = $2::int)
       END AS items`;
}
