// What a migration does, read statically: one Operation per `op.*` call or raw SQL statement, in one shape for
// both sources so every rule is written once.

/** A table as written in the migration: schema when given, name as written. */
export interface TableRef {
  schema: string | null;
  name: string;
}

interface Base {
  /** 1-based line of the call; for raw SQL, of the statement inside the `execute` call's literal. */
  line: number;
  /** For raw SQL: the line of the `execute(…)` call, which an inline ignore comment precedes. */
  callLine?: number;
  /** How the migration wrote it, for messages: `op.create_index`, `batch_op.add_column`, `CREATE INDEX`. */
  call: string;
  /** The transaction the statement runs in. */
  transaction: TransactionPlace;
  /** Null when the table name is not a literal. */
  table: TableRef | null;
  /** IF NOT EXISTS / IF EXISTS given (`if_not_exists=True`, `if_exists=True`): running it again does not fail. */
  guarded?: boolean;
}

/**
 * `alembic`: Alembic's transaction (PostgreSQL migrations run in one). `autocommit`: inside
 * `with op.get_context().autocommit_block():`, outside any. `after-commit`: after an `op.execute("COMMIT")` — outside
 * any with psycopg2, which does not begin again, but in a new one with psycopg 3, which does: the driver decides, and
 * it cannot be read statically. `statement-list`: one of several statements of one execute() string, which
 * PostgreSQL runs as one implicit transaction block whatever the session's state.
 */
export type TransactionPlace = 'alembic' | 'autocommit' | 'after-commit' | 'statement-list';

/** A column default, classified; `unknown` names the function whose volatility we cannot know statically. */
export type DefaultKind =
  | { kind: 'none' }
  | { kind: 'stable' }
  | { kind: 'volatile'; fn: string }
  | { kind: 'unknown'; what: string };

/** A column type change: the new type and, when the migration says it, the old one. */
export interface TypeSpec {
  /** Lower-case base name: `varchar`, `text`, `int8`, `numeric`. */
  name: string;
  /** Length or precision, when given. */
  size: number | null;
}

export type Operation = Base &
  (
    | { kind: 'create-table' }
    | { kind: 'create-index'; concurrently: boolean; unique: boolean }
    | { kind: 'drop-index'; concurrently: boolean }
    | {
        kind: 'add-column';
        column: string;
        notNull: boolean;
        default: DefaultKind;
        /** The column carries a REFERENCES / ForeignKey: validated under lock when added. */
        foreignKey: boolean;
        /** serial/bigserial: a volatile nextval() default. */
        serial: boolean;
        /** The column is the table's new primary key (its unique index is built under lock). */
        primaryKey: boolean;
      }
    | { kind: 'set-not-null'; column: string }
    | { kind: 'drop-not-null'; column: string }
    | { kind: 'drop-database'; database: string }
    | { kind: 'alter-type'; column: string; to: TypeSpec | null; from: TypeSpec | null }
    | { kind: 'add-foreign-key'; notValid: boolean }
    | { kind: 'add-check'; notValid: boolean }
    | { kind: 'add-unique'; usingIndex: boolean; primaryKey: boolean }
    | { kind: 'drop-column'; column: string }
    | { kind: 'drop-table' }
    | { kind: 'rename-column'; column: string; to: string }
    | { kind: 'rename-table'; to: string }
    | { kind: 'data-change'; statement: 'UPDATE' | 'DELETE'; bounded: boolean }
    | { kind: 'set-lock-timeout' }
  );

export type OperationKind = Operation['kind'];

/** Something in the migration we could not read statically: reported as a notice, never guessed. */
export interface Unreadable {
  line: number;
  message: string;
}

/** `# schema-drift: ignore[rule-id, other] reason` on the line before a call. */
export interface InlineIgnore {
  /** The line the comment covers (the line after it). */
  line: number;
  rules: string[];
  reason: string;
}

export interface MigrationOperations {
  operations: Operation[];
  unreadable: Unreadable[];
  ignores: InlineIgnore[];
  /** False when the file has no `upgrade()` function. */
  hasUpgrade: boolean;
}

export function tableName(t: TableRef): string {
  return t.schema ? `${t.schema}.${t.name}` : t.name;
}

/** Same table, compared the way PostgreSQL folds unquoted names; an unqualified name matches any schema. */
export function sameTable(a: TableRef, b: TableRef): boolean {
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return false;
  return a.schema === null || b.schema === null || a.schema.toLowerCase() === b.schema.toLowerCase();
}
