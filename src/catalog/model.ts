// The catalog snapshot: schema metadata only (never row data), keyed by names so it is independent of OIDs and
// of the order objects were created in.

export type ObjectKind =
  | 'schema'
  | 'extension'
  | 'enum'
  | 'domain'
  | 'composite type'
  | 'sequence'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'view'
  | 'materialized view'
  | 'function'
  | 'trigger'
  | 'rule'
  | 'policy'
  | 'privilege'
  | 'column privilege'
  | 'function privilege'
  | 'schema privilege'
  | 'type privilege'
  | 'default privilege';

/** Kinds that record who may do what: every difference in one is a security difference. */
export const PRIVILEGE_KINDS: readonly ObjectKind[] = [
  'privilege',
  'column privilege',
  'function privilege',
  'schema privilege',
  'type privilege',
  'default privilege',
];

/** Kinds in the order a snapshot lists them (and a diff reports them). */
export const OBJECT_KINDS: readonly ObjectKind[] = [
  'schema',
  'extension',
  'enum',
  'domain',
  'composite type',
  'sequence',
  'table',
  'column',
  'constraint',
  'index',
  'view',
  'materialized view',
  'function',
  'trigger',
  'rule',
  'policy',
  'privilege',
  'column privilege',
  'function privilege',
  'schema privilege',
  'type privilege',
  'default privilege',
];

export type AttrValue = string | number | boolean | null | readonly string[];

export interface CatalogObject {
  kind: ObjectKind;
  /** Raw (unquoted) name parts: [schema, table, column], [schema, "name(args)"] for functions, [name] for schemas. */
  path: string[];
  /** Compared attributes, already normalised. */
  attrs: Record<string, AttrValue>;
  /**
   * Server-rendered definition used to build fix-up SQL; never compared (it may differ in spelling across majors).
   * For a privilege: the grantee's privileges by default (comma-separated), what a fix-up returns it to.
   */
  ddl?: string;
}

export interface SnapshotStats {
  /** Round trips sent to the database for this snapshot. */
  queries: number;
  /** Size in bytes of the largest single response (its rows as JSON). */
  largest_response_bytes: number;
  /** Size in bytes of all responses together. */
  total_response_bytes: number;
  /** Chunk size limit the responses were cut to. */
  response_budget_bytes: number;
}

export interface Snapshot {
  format: 'schema-drift-snapshot';
  format_version: 1;
  /** SHA-256 of the compared content (see snapshotFingerprint). */
  fingerprint: string;
  /** server_version_num of the database, e.g. 150018. */
  server_version_num: number;
  stats: SnapshotStats;
  /** Sorted by kind (OBJECT_KINDS order), then by path. */
  objects: CatalogObject[];
}

/**
 * Unique key of an object within a snapshot. Names cannot contain NUL, so NUL-joined parts are unique; a diff builds
 * one per object on each side, and JSON text here cost a fifth of the diff.
 */
export function objectKey(object: Pick<CatalogObject, 'kind' | 'path'>): string {
  return `${object.kind}\u0000${object.path.join('\u0000')}`;
}
