// Raw catalog rows → CatalogObjects, normalising what PostgreSQL spells differently across versions or sessions so
// that equal schemas give equal snapshots.
import type { AttrValue, CatalogObject } from './model.js';

type Raw = Record<string, unknown>;

const ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};
const MATCH: Record<string, string> = { f: 'FULL', p: 'PARTIAL', s: 'SIMPLE' };
const CONTYPES: Record<string, string> = {
  p: 'primary key',
  u: 'unique',
  f: 'foreign key',
  c: 'check',
  x: 'exclusion',
};
const VOLATILITY: Record<string, string> = { i: 'immutable', s: 'stable', v: 'volatile' };
const PARALLEL: Record<string, string> = { s: 'safe', r: 'restricted', u: 'unsafe' };
const PROKIND: Record<string, string> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };
const RELKIND: Record<string, string> = { r: 'table', p: 'partitioned table', f: 'foreign table' };
const TRIGGER_ENABLED: Record<string, string> = { O: 'origin', D: 'disabled', R: 'replica', A: 'always' };
const POLICY_COMMAND: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };
const RULE_ENABLED = TRIGGER_ENABLED;
const REPLICA_IDENTITY: Record<string, string> = { n: 'nothing', f: 'full', i: 'index' };
const STORAGE: Record<string, string> = { p: 'plain', e: 'external', m: 'main', x: 'extended' };

// PostgreSQL 17 added MAINTAIN; "everything the server has" is spelled ALL so 15 and 18 compare equal.
const ALL_TABLE_PRIVILEGES = ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'];
const ALL_SEQUENCE_PRIVILEGES = ['SELECT', 'UPDATE', 'USAGE'];

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const bool = (v: unknown): boolean => v === true || v === 't' || v === 'true';
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const code = (map: Record<string, string>, v: unknown): string | null =>
  v === null || v === undefined ? null : (map[String(v)] ?? String(v));

/** An identity sequence's options as the clauses ALTER COLUMN … SET takes, in a fixed order. */
function identityOptions(raw: readonly unknown[]): string[] {
  const [start, increment, min, max, cache, cycle] = raw;
  return [
    `START WITH ${start}`,
    `INCREMENT BY ${increment}`,
    `MINVALUE ${min}`,
    `MAXVALUE ${max}`,
    `CACHE ${cache}`,
    cycle === true ? 'CYCLE' : 'NO CYCLE',
  ];
}

/** One raw item from the introspection queries → a snapshot object (null for an unknown item type). */
export function normaliseItem(raw: Raw): CatalogObject | null {
  const schema = String(raw.schema ?? '');
  const name = String(raw.name ?? '');
  switch (raw.t) {
    case 'schema':
      return { kind: 'schema', path: [name], attrs: { comment: str(raw.comment), owner: str(raw.owner) } };
    case 'extension':
      return { kind: 'extension', path: [name], attrs: { version: str(raw.version), schema: str(raw.schema) } };
    case 'enum':
      return {
        kind: 'enum',
        path: [schema, name],
        attrs: { labels: list(raw.labels), comment: str(raw.comment), owner: str(raw.owner) },
      };
    case 'composite type':
      return {
        kind: 'composite type',
        path: [schema, name],
        attrs: { attributes: list(raw.attributes), comment: str(raw.comment), owner: str(raw.owner) },
      };
    case 'domain':
      return {
        kind: 'domain',
        path: [schema, name],
        attrs: {
          base_type: str(raw.base_type),
          not_null: bool(raw.not_null),
          default: str(raw.default),
          collation: str(raw.collation),
          checks: (Array.isArray(raw.checks) ? raw.checks : []).map((c) => {
            const [n, d] = c as [string, string];
            return `${n}: ${d}`;
          }),
          comment: str(raw.comment),
          owner: str(raw.owner),
        },
      };
    case 'sequence':
      return {
        kind: 'sequence',
        path: [schema, name],
        attrs: {
          type: str(raw.type),
          start: str(raw.start),
          increment: str(raw.increment),
          min: str(raw.min),
          max: str(raw.max),
          cache: str(raw.cache),
          cycle: bool(raw.cycle),
          owned_by: Array.isArray(raw.owned_by) ? list(raw.owned_by) : null,
          comment: str(raw.comment),
          owner: str(raw.owner),
        },
      };
    case 'table':
      return {
        kind: 'table',
        path: [schema, name],
        attrs: {
          relkind: code(RELKIND, raw.relkind),
          partition_key: str(raw.partition_key),
          partition_of: Array.isArray(raw.partition_of) ? list(raw.partition_of) : null,
          partition_bound: str(raw.partition_bound),
          rls_enabled: bool(raw.rls_enabled),
          rls_forced: bool(raw.rls_forced),
          unlogged: bool(raw.unlogged),
          options: list(raw.options).sort(),
          comment: str(raw.comment),
          owner: str(raw.owner),
          tablespace: str(raw.tablespace),
          access_method: str(raw.access_method),
          replica_identity: code(REPLICA_IDENTITY, raw.replica_identity),
          inherits: list(raw.inherits),
          column_order: list(raw.columns),
        },
      };
    case 'privilege':
      return normalisePrivilege(raw);
    case 'column': {
      const type = str(raw.type);
      return {
        kind: 'column',
        path: [schema, String(raw.table), name],
        attrs: {
          type,
          not_null: bool(raw.not_null),
          default: normaliseDefault(str(raw.default), type),
          generated: str(raw.generated),
          generated_kind: raw.generated_kind === 's' ? 'stored' : raw.generated_kind === 'v' ? 'virtual' : null,
          identity: raw.identity === 'a' ? 'always' : raw.identity === 'd' ? 'by default' : null,
          collation: str(raw.collation),
          comment: str(raw.comment),
          statistics: raw.statistics === null || raw.statistics === undefined ? null : Number(raw.statistics),
          storage: code(STORAGE, raw.storage),
          // Only identity columns carry the key, so other columns' snapshots (and fingerprints) are unchanged.
          ...(Array.isArray(raw.identity_options) ? { identity_options: identityOptions(raw.identity_options) } : {}),
        },
      };
    }
    case 'constraint': {
      const fk = raw.contype === 'f';
      const def = String(raw.def ?? '');
      return {
        kind: 'constraint',
        path: [schema, String(raw.table), name],
        attrs: {
          type: code(CONTYPES, raw.contype),
          // For a foreign key the actions are their own attributes, so a changed ON DELETE is named as such.
          definition: fk ? str(raw.fk_key) : def.replace(/ NOT VALID$/, ''),
          on_delete: fk ? code(ACTIONS, raw.on_delete) : null,
          on_update: fk ? code(ACTIONS, raw.on_update) : null,
          match: fk ? code(MATCH, raw.match) : null,
          deferrable: bool(raw.deferrable),
          deferred: bool(raw.deferred),
          validated: bool(raw.validated),
          comment: str(raw.comment),
        },
        ddl: def,
      };
    }
    case 'index': {
      const def = String(raw.def ?? '');
      const predicate = str(raw.predicate);
      const where = predicate === null ? -1 : def.lastIndexOf(' WHERE ');
      return {
        kind: 'index',
        path: [schema, name],
        attrs: {
          table: list(raw.table).join('.'),
          definition: where >= 0 ? def.slice(0, where) : def,
          predicate,
          unique: bool(raw.unique),
          valid: bool(raw.valid),
          comment: str(raw.comment),
          tablespace: str(raw.tablespace),
          clustered: bool(raw.clustered),
        },
        ddl: def,
      };
    }
    case 'view':
    case 'materialized view': {
      const options = list(raw.options);
      const option = (key: string) => {
        const found = options.find((o) => o.toLowerCase().startsWith(`${key}=`));
        return found === undefined ? null : found.slice(key.length + 1).toLowerCase();
      };
      const flag = (key: string) => {
        const v = option(key);
        return v === 'true' || v === 'on' || v === '1' || v === 'yes';
      };
      const known = ['security_invoker', 'security_barrier', 'check_option'];
      return {
        kind: raw.t,
        path: [schema, name],
        attrs: {
          definition: normaliseViewDefinition(str(raw.def)),
          security_invoker: flag('security_invoker'),
          security_barrier: flag('security_barrier'),
          check_option: option('check_option'),
          options: options.filter((o) => !known.some((k) => o.toLowerCase().startsWith(`${k}=`))).sort(),
          comment: str(raw.comment),
          owner: str(raw.owner),
          ...(raw.t === 'materialized view' ? { tablespace: str(raw.tablespace) } : {}),
        },
        ddl: str(raw.def) ?? undefined,
      };
    }
    case 'function': {
      const args = String(raw.args ?? '');
      return {
        kind: 'function',
        path: [schema, `${name}(${args})`],
        attrs: {
          kind: code(PROKIND, raw.prokind),
          result: str(raw.result),
          language: str(raw.language),
          volatility: code(VOLATILITY, raw.volatility),
          security_definer: bool(raw.security_definer),
          strict: bool(raw.strict),
          leakproof: bool(raw.leakproof),
          parallel: code(PARALLEL, raw.parallel),
          config: list(raw.config).sort(),
          body_sha256: str(raw.body_sha256),
          comment: str(raw.comment),
          owner: str(raw.owner),
        },
        ddl: str(raw.ddl) ?? undefined,
      };
    }
    case 'trigger':
      return {
        kind: 'trigger',
        path: [schema, String(raw.table), name],
        attrs: {
          definition: str(raw.def),
          enabled: code(TRIGGER_ENABLED, raw.enabled),
          comment: str(raw.comment),
        },
        ddl: str(raw.def) ?? undefined,
      };
    case 'rule':
      return {
        kind: 'rule',
        path: [schema, String(raw.table), name],
        attrs: {
          definition: str(raw.def),
          enabled: code(RULE_ENABLED, raw.enabled),
          comment: str(raw.comment),
        },
        ddl: str(raw.def) ?? undefined,
      };
    case 'policy':
      return {
        kind: 'policy',
        path: [schema, String(raw.table), name],
        attrs: {
          command: code(POLICY_COMMAND, raw.command),
          permissive: bool(raw.permissive),
          roles: list(raw.roles).sort(),
          using: str(raw.using),
          with_check: str(raw.with_check),
        },
      };
    default:
      return null;
  }
}

const ALL_FOR: Record<string, readonly string[]> = {
  table: ALL_TABLE_PRIVILEGES,
  sequence: ALL_SEQUENCE_PRIVILEGES,
  'default tables': ALL_TABLE_PRIVILEGES,
  'default sequences': ALL_SEQUENCE_PRIVILEGES,
};

/** A table or sequence grantee holding every privilege the server has is spelled ALL (see ALL_TABLE_PRIVILEGES). */
function privilegeList(objectType: string, values: unknown): string[] {
  const set = list(values).sort();
  const all = ALL_FOR[objectType];
  return all && set.length > 0 && all.every((p) => set.includes(p)) ? ['ALL'] : set;
}

/** One grantee's privileges on one object, where they differ from the object's default (see the privileges query). */
function normalisePrivilege(raw: Raw): CatalogObject {
  const objectType = String(raw.object_type ?? '');
  const schema = String(raw.schema ?? '');
  const name = str(raw.name);
  const grantee = String(raw.grantee ?? '');
  const attrs: Record<string, AttrValue> = {
    privileges: privilegeList(objectType, raw.privileges),
    grantable: privilegeList(objectType, raw.grantable),
  };
  const ddl = privilegeList(objectType, raw.defaults).join(', ');
  if (objectType === 'table' || objectType === 'sequence') {
    return {
      kind: 'privilege',
      path: [schema, name ?? '', grantee],
      attrs: { object_type: objectType, ...attrs },
      ddl,
    };
  }
  if (objectType === 'column') {
    return { kind: 'column privilege', path: [schema, name ?? '', String(raw.sub ?? ''), grantee], attrs, ddl };
  }
  if (objectType === 'function' || objectType === 'procedure') {
    return {
      kind: 'function privilege',
      path: [schema, name ?? '', grantee],
      attrs: { object_type: objectType, ...attrs },
      ddl,
    };
  }
  if (objectType === 'schema') return { kind: 'schema privilege', path: [schema, grantee], attrs, ddl };
  if (objectType === 'type') return { kind: 'type privilege', path: [schema, name ?? '', grantee], attrs, ddl };
  if (objectType.startsWith('default ')) {
    // [role, schema ('' for all schemas), objects, grantee]
    return { kind: 'default privilege', path: [name ?? '', schema, objectType.slice(8), grantee], attrs, ddl };
  }
  // Fail closed: a privilege we cannot place must not vanish from the snapshot.
  throw new Error(`Could not take a catalog snapshot (privileges): unknown object type "${objectType}"`);
}

/** A literal default cast to the column's own type (`'x'::text` on a text column) is just the literal. */
export function normaliseDefault(value: string | null, columnType: string | null): string | null {
  if (value === null) return null;
  const match = /^('(?:[^']|'')*')::(.+)$/s.exec(value);
  if (!match || columnType === null) return value;
  const cast = stripTypmod(match[2] ?? '');
  return cast === stripTypmod(columnType) ? (match[1] ?? value) : value;
}

function stripTypmod(type: string): string {
  return type.replace(/\(\d+(?:,\s*\d+)?\)/g, '').trim();
}

const IDENT = '(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)';
const SINGLE_FROM = new RegExp(
  `\\bFROM (?:${IDENT}\\.)?(${IDENT})(?: (?:AS )?(${IDENT}))?(?=$| WHERE| GROUP| ORDER| LIMIT| HAVING| WINDOW| OFFSET| FETCH| FOR|\\))`,
);

/**
 * Whitespace in a stored view definition is layout, not meaning. PostgreSQL 16 stopped qualifying columns when a
 * query reads one relation (`SELECT id FROM public.t` where 15 wrote `SELECT t.id ...`), so for a view over a
 * single relation the redundant qualifier is dropped whatever the version.
 */
export function normaliseViewDefinition(def: string | null): string | null {
  if (def === null) return null;
  const flat = def
    .replace(/\s+/g, ' ')
    .replace(/\s*;\s*$/, '')
    .trim();
  if ((flat.match(/\bFROM\b/g) ?? []).length !== 1 || /\bJOIN\b|\bSELECT\b.*\bSELECT\b/.test(flat)) return flat;
  const from = SINGLE_FROM.exec(flat);
  if (!from) return flat;
  const qualifier = from[2] ?? from[1] ?? '';
  const escaped = qualifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return flat.replace(new RegExp(`(?<![\\w."$])${escaped}\\.(?=[a-z_"])`, 'g'), '');
}

export type { AttrValue };
