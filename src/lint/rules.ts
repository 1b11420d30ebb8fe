// The migration-safety rules. Each looks at one Operation (or, for missing-lock-timeout, at a whole migration) and
// says what goes wrong in production; docs/lint-rules.md explains each with its lock and the safe Alembic pattern.
import type { Severity } from '../migrations/finding.js';
import type { Operation, TypeSpec } from './operation.js';

export const RULE_IDS = [
  'create-index-not-concurrently',
  'concurrently-in-transaction',
  'add-not-null-column-without-default',
  'set-not-null-with-scan',
  'alter-column-type-rewrite',
  'foreign-key-without-not-valid',
  'check-constraint-without-not-valid',
  'unique-constraint-with-lock',
  'drop-column',
  'drop-table',
  'rename-column',
  'rename-table',
  'volatile-default-rewrite',
  'missing-lock-timeout',
  'unbounded-data-change',
  'require-concurrent-index-deletion',
  'ban-drop-not-null',
  'ban-drop-database',
  'adding-serial-primary-key-field',
  'prefer-robust-stmts',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Rule {
  id: RuleId;
  /** The lock the statement takes, as PostgreSQL names it. */
  lock: string;
  /** Severity follows the table's production size (error when large, warning when small, notice when new). */
  graded: boolean;
  /** Severity when not graded, or when production sizes are not available. */
  severity: Severity;
  /** A table created in the same migration is exempt (nobody else holds it, it has no rows). */
  exemptNewTable: boolean;
  /** The problem in one sentence, or null when the operation is fine. */
  check(op: Operation): string | null;
}

const on = (op: Operation) =>
  op.table
    ? `\`${op.table.schema ? `${op.table.schema}.` : ''}${op.table.name}\``
    : 'a table whose name is not a literal';

const rule = (r: Rule): Rule => r;

export const RULES: readonly Rule[] = [
  rule({
    id: 'create-index-not-concurrently',
    lock: 'SHARE (blocks INSERT, UPDATE, DELETE for the whole build)',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'create-index' && !op.concurrently
        ? `${op.call} on ${on(op)} builds the index without CONCURRENTLY: writes to the table wait for the whole build`
        : null,
  }),
  rule({
    id: 'concurrently-in-transaction',
    lock: 'none taken: the statement fails (CONCURRENTLY cannot run inside a transaction block)',
    graded: false,
    severity: 'error',
    exemptNewTable: false,
    check: (op) =>
      (op.kind === 'create-index' || op.kind === 'drop-index') && op.concurrently
        ? op.transaction === 'alembic'
          ? `${op.call}${op.kind === 'create-index' ? ` on ${on(op)}` : ''} runs CONCURRENTLY inside Alembic's transaction, where PostgreSQL refuses it and the deploy stops; wrap it in \`with op.get_context().autocommit_block():\``
          : op.transaction === 'statement-list'
            ? `${op.call}${op.kind === 'create-index' ? ` on ${on(op)}` : ''} shares its execute() string with other statements, which PostgreSQL runs as one transaction block, where it refuses CONCURRENTLY and the deploy stops; give it an execute() of its own`
            : null
        : null,
  }),
  rule({
    id: 'add-not-null-column-without-default',
    lock: 'ACCESS EXCLUSIVE; fails on any table that has rows',
    graded: false,
    severity: 'error',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'add-column' && op.notNull && op.default.kind === 'none' && !op.serial
        ? `${op.call} adds NOT NULL column \`${op.column}\` to ${on(op)} without a server default: it fails as soon as the table has a row`
        : null,
  }),
  rule({
    id: 'set-not-null-with-scan',
    lock: 'ACCESS EXCLUSIVE for a full scan of the table',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'set-not-null'
        ? `${op.call} makes \`${op.column}\` of ${on(op)} NOT NULL, scanning every row under an ACCESS EXCLUSIVE lock (reads and writes wait)`
        : null,
  }),
  rule({
    id: 'alter-column-type-rewrite',
    lock: 'ACCESS EXCLUSIVE while the table and its indexes are rewritten',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'alter-type' && typeChange(op.from, op.to) === 'rewrite'
        ? `${op.call} changes \`${op.column}\` of ${on(op)}${op.from ? ` from ${typeText(op.from)}` : ''} to ${op.to ? typeText(op.to) : 'another type'}, which rewrites the table and its indexes under an ACCESS EXCLUSIVE lock`
        : null,
  }),
  rule({
    id: 'foreign-key-without-not-valid',
    lock: 'SHARE ROW EXCLUSIVE on both tables while every row is checked',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      (op.kind === 'add-foreign-key' && !op.notValid) || (op.kind === 'add-column' && op.foreignKey)
        ? `${op.call} adds a foreign key on ${on(op)} validated at once: both tables are locked against writes while every row is checked`
        : null,
  }),
  rule({
    id: 'check-constraint-without-not-valid',
    lock: 'ACCESS EXCLUSIVE while every row is checked',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'add-check' && !op.notValid
        ? `${op.call} adds a CHECK constraint on ${on(op)} validated at once, scanning every row under an ACCESS EXCLUSIVE lock`
        : null,
  }),
  rule({
    id: 'unique-constraint-with-lock',
    lock: 'SHARE while the index is built, then ACCESS EXCLUSIVE',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'add-unique' && !op.usingIndex && !op.primaryKey
        ? `${op.call} on ${on(op)} builds its index under lock (writes wait for the whole build); build a unique index CONCURRENTLY first and add the constraint USING INDEX`
        : null,
  }),
  rule({
    id: 'drop-column',
    lock: 'ACCESS EXCLUSIVE (brief); the data is lost',
    graded: false,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'drop-column'
        ? `${op.call} drops \`${op.column}\` from ${on(op)}: its data is gone and code still reading it fails until every deploy has stopped using it`
        : null,
  }),
  rule({
    id: 'drop-table',
    lock: 'ACCESS EXCLUSIVE (brief); the data is lost',
    graded: false,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'drop-table' ? `${op.call} drops ${on(op)}: its data is gone and code still reading it fails` : null,
  }),
  rule({
    id: 'rename-column',
    lock: 'ACCESS EXCLUSIVE (brief)',
    graded: false,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'rename-column'
        ? `${op.call} renames \`${op.column}\` of ${on(op)} to \`${op.to}\`: code running the old name fails from the moment it applies`
        : null,
  }),
  rule({
    id: 'rename-table',
    lock: 'ACCESS EXCLUSIVE (brief)',
    graded: false,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'rename-table'
        ? `${op.call} renames ${on(op)} to \`${op.to}\`: code running the old name fails from the moment it applies`
        : null,
  }),
  rule({
    id: 'volatile-default-rewrite',
    lock: 'ACCESS EXCLUSIVE while the table is rewritten',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) => {
      if (op.kind !== 'add-column') return null;
      if (op.serial)
        return `${op.call} adds serial column \`${op.column}\` to ${on(op)}: its nextval() default rewrites the table under an ACCESS EXCLUSIVE lock`;
      return op.default.kind === 'volatile'
        ? `${op.call} adds \`${op.column}\` to ${on(op)} with the volatile default ${op.default.fn}(), which rewrites the table under an ACCESS EXCLUSIVE lock`
        : null;
    },
  }),
  rule({
    id: 'missing-lock-timeout',
    lock: 'whatever the migration takes, waited for without limit (and queueing every query behind it)',
    graded: false,
    severity: 'warning',
    exemptNewTable: false,
    // A property of the migration, not of one operation: see missingLockTimeout in lint.ts.
    check: () => null,
  }),
  rule({
    id: 'unbounded-data-change',
    lock: 'ROW EXCLUSIVE, with a row lock on every row changed, for the whole transaction',
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'data-change' && !op.bounded
        ? `${op.call} on ${on(op)} has no WHERE clause: every row is changed and locked in one transaction`
        : null,
  }),
  rule({
    id: 'require-concurrent-index-deletion',
    lock: "ACCESS EXCLUSIVE on the index's table (reads and writes wait, and queue behind it while it waits)",
    graded: false,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'drop-index' && !op.concurrently
        ? `${op.call}${op.table ? ` on ${on(op)}` : ''} drops the index without CONCURRENTLY: it takes an ACCESS EXCLUSIVE lock on the table, so every read and write waits, first for the queries already running, then for the drop`
        : null,
  }),
  rule({
    id: 'ban-drop-not-null',
    lock: 'ACCESS EXCLUSIVE (brief)',
    graded: false,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      op.kind === 'drop-not-null'
        ? `${op.call} lets \`${op.column}\` of ${on(op)} hold NULL: code and readers that rely on it never being NULL (the running release, reports, replicas' consumers) break on the first NULL written`
        : null,
  }),
  rule({
    id: 'ban-drop-database',
    lock: 'the whole database: every connection to it must end; everything in it is lost',
    graded: false,
    severity: 'error',
    exemptNewTable: false,
    check: (op) =>
      op.kind === 'drop-database'
        ? `${op.call} drops the database \`${op.database}\` from a migration: everything in it is gone, and PostgreSQL refuses it inside Alembic's transaction anyway`
        : null,
  }),
  rule({
    id: 'adding-serial-primary-key-field',
    lock: "ACCESS EXCLUSIVE while the primary key's index is built (and the table rewritten for a serial column)",
    graded: true,
    severity: 'warning',
    exemptNewTable: true,
    check: (op) =>
      (op.kind === 'add-column' && op.primaryKey) || (op.kind === 'add-unique' && op.primaryKey && !op.usingIndex)
        ? `${op.call} adds a primary key to ${on(op)}, building its unique index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build; build a unique index CONCURRENTLY first and add the key USING INDEX`
        : null,
  }),
  rule({
    id: 'prefer-robust-stmts',
    lock: 'none of its own: outside a transaction a failed run leaves the change half made, and running it again fails',
    graded: false,
    severity: 'warning',
    exemptNewTable: false,
    check: (op) =>
      ROBUST_KINDS.has(op.kind) && !op.guarded && (op.transaction === 'autocommit' || op.transaction === 'after-commit')
        ? `${op.call}${op.table ? ` on ${on(op)}` : ''} runs outside a transaction without ${op.kind.startsWith('drop') ? 'IF EXISTS' : 'IF NOT EXISTS'}: if the migration fails after it, nothing rolls it back, and the retry fails on it (a failed CREATE INDEX CONCURRENTLY also leaves an INVALID index to drop)`
        : null,
  }),
];

// What `prefer-robust-stmts` asks IF [NOT] EXISTS of: the statements a retried migration meets again.
const ROBUST_KINDS: ReadonlySet<string> = new Set([
  'create-index',
  'drop-index',
  'create-table',
  'drop-table',
  'add-column',
  'drop-column',
]);

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

// Changes PostgreSQL makes without a rewrite (binary-coercible widenings). Without the old type only the targets
// no widening can reach are certain rewrites; a widening target with an unknown source cannot be told statically.
const WIDENING_TARGETS = new Set(['text', 'varchar', 'numeric', 'varbit', 'cidr']);

/** safe | rewrite | unknown (the old type is not given and the new one could be a widening). */
export function typeChange(from: TypeSpec | null, to: TypeSpec | null): 'safe' | 'rewrite' | 'unknown' {
  if (to === null) return 'unknown';
  if (from === null) return WIDENING_TARGETS.has(to.name) ? 'unknown' : 'rewrite';
  const textual = (t: TypeSpec) => t.name === 'text' || t.name === 'varchar';
  if (to.name === 'text' && textual(from)) return 'safe';
  if (to.name === 'varchar' && from.name === 'varchar') {
    if (to.size === null) return 'safe';
    return from.size !== null && from.size <= to.size ? 'safe' : 'rewrite';
  }
  if (to.name === 'numeric' && from.name === 'numeric') {
    if (to.size === null) return 'safe';
    return from.size !== null && from.size <= to.size ? 'safe' : 'rewrite';
  }
  if (to.name === 'cidr' && from.name === 'inet') return 'rewrite';
  return from.name === to.name && from.size === to.size ? 'safe' : 'rewrite';
}

function typeText(t: TypeSpec): string {
  return t.size === null ? t.name : `${t.name}(${t.size})`;
}
