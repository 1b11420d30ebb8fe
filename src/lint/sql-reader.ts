// Raw SQL of `op.execute("…")` through PostgreSQL's own parser (libpg-query, WebAssembly): each statement becomes the
// same Operation an `op.*` call would, so one set of rules covers both. Unparseable SQL is unreadable, not guessed.
// Operations are written with the spread last, `{ kind, …, ...base }`: see python-reader.ts for why.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { DefaultKind, Operation, TableRef, TransactionPlace, TypeSpec, Unreadable } from './operation.js';

type Node = Record<string, unknown>;

type LibPgQuery = typeof import('libpg-query');
let loaded: Promise<LibPgQuery> | null = null;
let parser: LibPgQuery['parseSync'] | null = null;
let plpgsqlParser: LibPgQuery['parsePlPgSQLSync'] | null = null;

/** Thrown when SQL is met before loadSqlParser() has finished: the caller loads it and reads the file again. */
export class SqlParserNotLoaded extends Error {
  constructor() {
    super('internal: the SQL parser is not loaded (await loadSqlParser() first)');
  }
}

/** Loads the parser's WebAssembly once; call before readSql, or on SqlParserNotLoaded. */
export async function loadSqlParser(): Promise<void> {
  loaded ??= importParser();
  const lib = await loaded;
  parser = lib.parseSync;
  plpgsqlParser = lib.parsePlPgSQLSync;
}

/** Whether readSql can run (the lint loads the parser only for a migration that has SQL). */
export function sqlParserLoaded(): boolean {
  return parser !== null;
}

function parseSync(sql: string): unknown {
  if (parser === null) throw new SqlParserNotLoaded();
  return parser(sql);
}

// libpg-query's Emscripten loader finds libpg-query.wasm through __dirname, which the ESM bundle (dist/) lacks; the
// build copies the .wasm beside the bundle, so for the import the loader is given the bundle's folder. Unbundled,
// the package's CommonJS entry has its own __dirname and this global is never read.
//
// V8 compiles WebAssembly with its baseline compiler (Liftoff) and then recompiles the hot functions with TurboFan.
// For the parser's 1.7 MB module that second tier is the largest part of its cost: measured on 20,000 statements,
// peak RSS +53 MB with it and +10 MB without, and the CPU of the first 5,000 parses 550 ms with it, 190 ms without:
// the recompilation costs more than it saves at a lint's scale. The flag cannot be scoped to this module (V8 reads
// it while the code runs: set back after the load, the tier-up came back), so it is process-wide: PGlite's
// WebAssembly, when loaded after, runs on the baseline too (measured: its start-up then costs less CPU and memory
// as well). An unknown flag in another Node would only print a warning on stderr.
async function importParser(): Promise<LibPgQuery> {
  v8.setFlagsFromString('--liftoff-only');
  const global = globalThis as { __dirname?: string };
  const shim = global.__dirname === undefined;
  // path.dirname of this module's file: `new URL('.', import.meta.url)` would be taken by ncc for an asset.
  if (shim) global.__dirname = path.dirname(fileURLToPath(import.meta.url));
  try {
    const lib = await import('libpg-query');
    await lib.loadModule();
    return lib;
  } finally {
    if (shim) delete global.__dirname;
  }
}

export interface SqlContext {
  /** Line of each offset of the SQL text in the migration file. */
  lineAt: (offset: number) => number;
  /** Where the execute() call runs. */
  transaction: TransactionPlace;
  /**
   * Functions and procedures the migration created so far (one map per migration file): what their bodies do is
   * read where a later statement calls them.
   */
  functions?: Map<string, FunctionBody>;
  /** How deep this text is nested in DO blocks, function bodies and EXECUTE literals. */
  depth?: number;
  /** Called before each statement is read; throws to stop (a deadline). */
  checkpoint?: () => void;
}

/** What a function's body does when called: its operations and what could not be read in it. */
export interface FunctionBody {
  operations: Operation[];
  unreadable: string[];
}

// SQL inside DO blocks, functions and EXECUTE literals nested deeper than this is reported unreadable.
const MAX_SQL_DEPTH = 4;

export interface ReadSql {
  operations: Operation[];
  unreadable: Unreadable[];
  /** What the text's last COMMIT/ROLLBACK or BEGIN leaves the session in, for the calls after it; null: unchanged. */
  leaves: 'outside-transaction' | 'transaction' | null;
}

/** The operations of a SQL text, or why it cannot be read. */
export function readSql(sql: string, ctx: SqlContext): ReadSql {
  let stmts: Node[];
  try {
    stmts = (parseSync(sql) as { stmts?: Node[] }).stmts ?? [];
  } catch (error) {
    if (error instanceof SqlParserNotLoaded) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const unreadable = [{ line: ctx.lineAt(0), message: `SQL could not be parsed: ${message}` }];
    return { operations: [], unreadable, leaves: null };
  }
  const operations: Operation[] = [];
  const unreadable: Unreadable[] = [];
  // Several statements in one string are one implicit transaction block, even outside Alembic's transaction.
  const transaction = stmts.length > 1 ? 'statement-list' : ctx.transaction;
  let leaves: ReadSql['leaves'] = null;
  for (const raw of stmts) {
    ctx.checkpoint?.();
    const offset = (raw.stmt_location as number | undefined) ?? 0;
    // Leading blank lines and comments belong to the statement's span; its line is the first with code.
    const start = offset + leadingSpace(sql, offset);
    const base = { line: ctx.lineAt(start), transaction };
    const stmt = raw.stmt as Node;
    const length = raw.stmt_len as number | undefined;
    const text = () => sql.slice(offset, length ? offset + length : sql.length);
    operations.push(...statementOperations(stmt, base));
    if (stmt.DoStmt || stmt.CreateFunctionStmt) {
      routine(stmt, text, base, ctx, operations, unreadable);
    } else if (ctx.functions?.size) {
      for (const name of calledFunctions(stmt)) {
        const body = ctx.functions.get(name);
        if (!body) continue;
        for (const op of body.operations) operations.push({ ...op, ...base, call: `${op.call} (in ${name}())` });
        for (const message of body.unreadable) unreadable.push({ line: base.line, message: `${name}(): ${message}` });
      }
    }
    leaves = transactionEffect(stmt) ?? leaves;
  }
  return { operations, unreadable, leaves };
}

/** Length of the white space at `offset` (a statement's span starts with it), without copying the rest. */
function leadingSpace(sql: string, offset: number): number {
  let i = offset;
  while (i < sql.length && /\s/.test(sql[i] as string)) i++;
  return i - offset;
}

/**
 * A DO block (run now) or a CREATE FUNCTION/PROCEDURE (run where it is called, so kept in ctx.functions): the
 * statements of its body, and the text its EXECUTEs run when that text is a literal; any other EXECUTE is unreadable.
 */
function routine(
  stmt: Node,
  text: () => string,
  base: BaseFields,
  ctx: SqlContext,
  operations: Operation[],
  unreadable: Unreadable[],
): void {
  const doBlock = stmt.DoStmt as Node | undefined;
  const fn = stmt.CreateFunctionStmt as Node | undefined;
  const options = ((doBlock ? doBlock.args : fn?.options) as Node[] | undefined) ?? [];
  const option = (name: string) => options.map((o) => o.DefElem as Node).find((d) => d?.defname === name)?.arg as Node;
  const language = String(((option('language') as Node | undefined)?.String as Node | undefined)?.sval ?? 'plpgsql');
  const names = ((fn?.funcname as Node[] | undefined) ?? []).map((n) => String((n.String as Node).sval));
  const what = doBlock ? 'DO block' : `${fn?.is_procedure ? 'procedure' : 'function'} ${names.join('.')}`;
  const body: FunctionBody = { operations: [], unreadable: [] };
  const depth = (ctx.depth ?? 0) + 1;
  const nested = (sqlText: string) => {
    if (depth > MAX_SQL_DEPTH) {
      body.unreadable.push(`SQL nested deeper than ${MAX_SQL_DEPTH} levels in the ${what} is not read`);
      return;
    }
    const read = readSql(sqlText, {
      lineAt: () => base.line,
      transaction: base.transaction,
      functions: ctx.functions,
      depth,
    });
    body.operations.push(...read.operations);
    body.unreadable.push(...read.unreadable.map((u) => u.message));
  };
  if (language === 'sql' && fn) {
    const source = ((option('as') as Node | undefined)?.List as Node | undefined)?.items as Node[] | undefined;
    const sqlBody = (source?.[0]?.String as Node | undefined)?.sval;
    if (typeof sqlBody === 'string') nested(sqlBody);
    else if (fn.sql_body === undefined) body.unreadable.push(`the body of the ${what} could not be read`);
  } else if (language !== 'plpgsql') {
    body.unreadable.push(`the ${what} is written in LANGUAGE ${language}, which the lint cannot read`);
  } else {
    let parsed: unknown;
    try {
      if (plpgsqlParser === null) throw new SqlParserNotLoaded();
      parsed = plpgsqlParser(text());
    } catch (error) {
      if (error instanceof SqlParserNotLoaded) throw error;
      body.unreadable.push(`the ${what}'s PL/pgSQL could not be parsed: ${(error as Error).message}`);
    }
    if (parsed !== undefined) plpgsqlStatements(parsed, what, nested, body);
  }
  if (doBlock) {
    for (const op of body.operations) operations.push({ ...op, ...base, call: `${op.call} (in a DO block)` });
    for (const message of body.unreadable) unreadable.push({ line: base.line, message });
  } else if (ctx.functions && names.length) {
    ctx.functions.set((names.at(-1) as string).toLowerCase(), body);
  }
}

// PL/pgSQL statements that run SQL text given as an expression (EXECUTE, FOR … IN EXECUTE, OPEN … FOR EXECUTE,
// RETURN QUERY EXECUTE).
const DYNAMIC_SQL = new Set([
  'PLpgSQL_stmt_dynexecute',
  'PLpgSQL_stmt_dynfors',
  'PLpgSQL_stmt_open',
  'PLpgSQL_stmt_return_query',
]);

function plpgsqlStatements(node: unknown, what: string, nested: (sql: string) => void, body: FunctionBody): void {
  if (Array.isArray(node)) {
    for (const item of node) plpgsqlStatements(item, what, nested, body);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Node)) {
    const v = value as Node;
    const query = (expr: unknown) =>
      ((expr as Node | undefined)?.PLpgSQL_expr as Node | undefined)?.query as string | undefined;
    if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_perform') {
      const sql = query(v.sqlstmt ?? v.expr);
      if (sql !== undefined) nested(sql);
      continue;
    }
    if (DYNAMIC_SQL.has(key)) {
      const expr = query(v.query ?? v.dynquery);
      if (expr !== undefined) {
        const literal = sqlStringLiteral(expr);
        if (literal === undefined)
          body.unreadable.push(
            `EXECUTE in the ${what} runs SQL built at run time (${expr.length > 60 ? `${expr.slice(0, 57)}…` : expr}), which the lint cannot read`,
          );
        else nested(literal);
      }
    }
    plpgsqlStatements(value, what, nested, body);
  }
}

/** The value of a SQL expression that is one string literal ('…' or $$…$$); undefined for anything else. */
function sqlStringLiteral(expr: string): string | undefined {
  try {
    const parsed = parseSync(`SELECT ${expr}`) as { stmts?: Node[] };
    const select = (parsed.stmts?.[0]?.stmt as Node | undefined)?.SelectStmt as Node | undefined;
    const targets = (select?.targetList as Node[] | undefined) ?? [];
    if (targets.length !== 1 || (parsed.stmts?.length ?? 0) !== 1) return undefined;
    const value = ((targets[0]?.ResTarget as Node | undefined)?.val as Node | undefined)?.A_Const as Node | undefined;
    const sval = (value?.sval as Node | undefined)?.sval;
    return typeof sval === 'string' ? sval : undefined;
  } catch (error) {
    if (error instanceof SqlParserNotLoaded) throw error;
    return undefined;
  }
}

/** Lower-case names of the functions a statement calls (CALL included). */
function calledFunctions(stmt: Node): string[] {
  const names: string[] = [];
  collectFunctions(stmt, names);
  const call = (stmt.CallStmt as Node | undefined)?.funccall as Node | undefined;
  if (call) collectFunctions({ FuncCall: call }, names);
  return names;
}

type BaseFields = { line: number; transaction: TransactionPlace };

/** COMMIT, END and ROLLBACK end the transaction (AND CHAIN begins the next); BEGIN and START TRANSACTION begin one. */
function transactionEffect(stmt: Node): ReadSql['leaves'] {
  const tx = stmt.TransactionStmt as Node | undefined;
  if (!tx) return null;
  if (tx.kind === 'TRANS_STMT_BEGIN' || tx.kind === 'TRANS_STMT_START') return 'transaction';
  if (tx.kind === 'TRANS_STMT_COMMIT' || tx.kind === 'TRANS_STMT_ROLLBACK')
    return tx.chain === true ? 'transaction' : 'outside-transaction';
  return null;
}

function statementOperations(stmt: Node, base: BaseFields): Operation[] {
  const [type, body] = Object.entries(stmt)[0] as [string, Node];
  switch (type) {
    case 'CreateStmt':
      return [
        {
          kind: 'create-table',
          call: 'CREATE TABLE',
          table: relation(body.relation),
          guarded: body.if_not_exists === true,
          ...base,
        },
      ];
    case 'DropdbStmt':
      return [{ kind: 'drop-database', call: 'DROP DATABASE', table: null, database: String(body.dbname), ...base }];
    case 'IndexStmt':
      return [
        {
          kind: 'create-index',
          call: `CREATE ${body.unique ? 'UNIQUE ' : ''}INDEX${body.concurrent ? ' CONCURRENTLY' : ''}`,
          table: relation(body.relation),
          concurrently: body.concurrent === true,
          unique: body.unique === true,
          guarded: body.if_not_exists === true,
          ...base,
        },
      ];
    case 'DropStmt':
      return dropOperations(body, base);
    case 'AlterTableStmt':
      if (body.objtype !== 'OBJECT_TABLE') return [];
      return ((body.cmds as Node[] | undefined) ?? []).flatMap((c) =>
        alterTableCommand(c.AlterTableCmd as Node, relation(body.relation), base),
      );
    case 'RenameStmt':
      if (body.renameType === 'OBJECT_COLUMN' && body.relationType === 'OBJECT_TABLE')
        return [
          {
            kind: 'rename-column',
            call: 'ALTER TABLE … RENAME COLUMN',
            table: relation(body.relation),
            column: String(body.subname),
            to: String(body.newname),
            ...base,
          },
        ];
      if (body.renameType === 'OBJECT_TABLE')
        return [
          {
            kind: 'rename-table',
            call: 'ALTER TABLE … RENAME TO',
            table: relation(body.relation),
            to: String(body.newname),
            ...base,
          },
        ];
      return [];
    case 'UpdateStmt':
    case 'DeleteStmt':
      return [
        {
          kind: 'data-change',
          statement: type === 'UpdateStmt' ? 'UPDATE' : 'DELETE',
          call: type === 'UpdateStmt' ? 'UPDATE' : 'DELETE',
          table: relation(body.relation),
          bounded: body.whereClause !== undefined,
          ...base,
        },
      ];
    case 'VariableSetStmt':
      return body.name === 'lock_timeout' && body.kind === 'VAR_SET_VALUE'
        ? [{ kind: 'set-lock-timeout', call: 'SET lock_timeout', table: null, ...base }]
        : [];
    default:
      return [];
  }
}

function dropOperations(body: Node, base: BaseFields): Operation[] {
  const names = ((body.objects as Node[] | undefined) ?? []).map((o) =>
    (((o.List as Node | undefined)?.items as Node[] | undefined) ?? []).map((i) => String((i.String as Node).sval)),
  );
  const ref = (parts: string[]): TableRef => ({
    schema: parts.length > 1 ? (parts.at(-2) as string) : null,
    name: parts.at(-1) ?? '',
  });
  if (body.removeType === 'OBJECT_TABLE')
    return names.map((n) => ({
      kind: 'drop-table',
      call: 'DROP TABLE',
      table: ref(n),
      guarded: body.missing_ok === true,
      ...base,
    }));
  if (body.removeType === 'OBJECT_INDEX')
    return names.map(() => ({
      kind: 'drop-index',
      call: `DROP INDEX${body.concurrent ? ' CONCURRENTLY' : ''}`,
      table: null,
      concurrently: body.concurrent === true,
      guarded: body.missing_ok === true,
      ...base,
    }));
  return [];
}

function alterTableCommand(cmd: Node, table: TableRef | null, base: BaseFields): Operation[] {
  const at = { table, ...base };
  const column = String(cmd.name ?? '');
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const def = (cmd.def as Node).ColumnDef as Node;
      const constraints = ((def.constraints as Node[] | undefined) ?? []).map((c) => c.Constraint as Node);
      const typeName = typeSpec(def.typeName as Node);
      const dflt = constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
      return [
        {
          kind: 'add-column',
          call: 'ALTER TABLE … ADD COLUMN',
          column: String(def.colname),
          notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
          default: dflt ? classifyDefault(dflt.raw_expr as Node) : { kind: 'none' },
          foreignKey: constraints.some((c) => c.contype === 'CONSTR_FOREIGN' && c.skip_validation !== true),
          serial: typeName !== null && /^(small|big)?serial[248]?$/.test(typeName.name),
          primaryKey: constraints.some((c) => c.contype === 'CONSTR_PRIMARY'),
          guarded: cmd.missing_ok === true,
          ...at,
        },
      ];
    }
    case 'AT_SetNotNull':
      return [{ kind: 'set-not-null', call: 'ALTER COLUMN … SET NOT NULL', column, ...at }];
    case 'AT_DropNotNull':
      return [{ kind: 'drop-not-null', call: 'ALTER COLUMN … DROP NOT NULL', column, ...at }];
    case 'AT_AlterColumnType': {
      const def = (cmd.def as Node).ColumnDef as Node;
      return [
        {
          kind: 'alter-type',
          call: 'ALTER COLUMN … TYPE',
          column,
          to: typeSpec(def.typeName as Node),
          from: null,
          ...at,
        },
      ];
    }
    case 'AT_DropColumn':
      return [
        { kind: 'drop-column', call: 'ALTER TABLE … DROP COLUMN', column, guarded: cmd.missing_ok === true, ...at },
      ];
    case 'AT_AddConstraint': {
      const c = (cmd.def as Node).Constraint as Node;
      const notValid = c.skip_validation === true;
      if (c.contype === 'CONSTR_FOREIGN')
        return [{ kind: 'add-foreign-key', call: 'ADD CONSTRAINT … FOREIGN KEY', notValid, ...at }];
      if (c.contype === 'CONSTR_CHECK') return [{ kind: 'add-check', call: 'ADD CONSTRAINT … CHECK', notValid, ...at }];
      if (c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY') {
        const primaryKey = c.contype === 'CONSTR_PRIMARY';
        return [
          {
            kind: 'add-unique',
            call: `ADD CONSTRAINT … ${primaryKey ? 'PRIMARY KEY' : 'UNIQUE'}`,
            usingIndex: typeof c.indexname === 'string',
            primaryKey,
            ...at,
          },
        ];
      }
      return [];
    }
    default:
      return [];
  }
}

function relation(value: unknown): TableRef | null {
  const r = value as Node | undefined;
  if (!r || typeof r.relname !== 'string') return null;
  return { schema: typeof r.schemaname === 'string' ? r.schemaname : null, name: r.relname };
}

/** `varchar(20)` → {varchar, 20}; `pg_catalog.int8` → {int8}. */
export function typeSpec(typeName: Node | undefined): TypeSpec | null {
  const names = (typeName?.names as Node[] | undefined) ?? [];
  const last = names.at(-1)?.String as Node | undefined;
  if (!last) return null;
  const mod = ((typeName?.typmods as Node[] | undefined) ?? [])[0]?.A_Const as Node | undefined;
  const size = (mod?.ival as Node | undefined)?.ival;
  return { name: String(last.sval).toLowerCase(), size: typeof size === 'number' ? size : null };
}

// Volatile functions force PostgreSQL to rewrite the table when they are a new column's default; stable ones
// (now(), CURRENT_TIMESTAMP) are evaluated once and stored in the catalog since PostgreSQL 11.
const VOLATILE = new Set([
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'txid_current',
  'setseed',
]);
const STABLE = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_timestamp',
  'localtimestamp',
  'current_date',
  'current_user',
  'current_setting',
  'to_timestamp',
  'lower',
  'upper',
  'coalesce',
  'jsonb_build_object',
  'json_build_object',
  'array',
]);

/** Classifies a default expression: constant or stable (stored once), volatile (rewrite), or not knowable. */
export function classifyDefault(expr: Node | undefined): DefaultKind {
  if (!expr) return { kind: 'none' };
  const functions: string[] = [];
  collectFunctions(expr, functions);
  const volatile = functions.find((f) => VOLATILE.has(f));
  if (volatile) return { kind: 'volatile', fn: volatile };
  const unknown = functions.find((f) => !STABLE.has(f));
  if (unknown) return { kind: 'unknown', what: `${unknown}()` };
  return { kind: 'stable' };
}

function collectFunctions(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectFunctions(item, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const fn = (node as Node).FuncCall as Node | undefined;
  if (fn) {
    const names = (fn.funcname as Node[] | undefined) ?? [];
    out.push(String((names.at(-1)?.String as Node | undefined)?.sval ?? '').toLowerCase());
  }
  for (const value of Object.values(node as Node)) collectFunctions(value, out);
}

// The same few defaults (`sa.text("false")`, `sa.func.now()`) recur in nearly every migration of a tree; each
// answer depends on the text alone, so it is parsed once. Bounded, so a tree of distinct defaults cannot grow it.
const DEFAULT_CACHE_SIZE = 1_000;
const classifiedDefaults = new Map<string, DefaultKind>();

/** A default given as SQL text (`server_default=sa.text("gen_random_uuid()")`), classified. */
export function classifySqlDefault(sql: string): DefaultKind {
  const known = classifiedDefaults.get(sql);
  if (known) return known;
  const kind = Object.freeze(classifyDefaultText(sql));
  if (classifiedDefaults.size < DEFAULT_CACHE_SIZE) classifiedDefaults.set(sql, kind);
  return kind;
}

function classifyDefaultText(sql: string): DefaultKind {
  try {
    const parsed = parseSync(`SELECT ${sql}`) as { stmts?: Node[] };
    const select = (parsed.stmts?.[0]?.stmt as Node | undefined)?.SelectStmt as Node | undefined;
    const targets = (select?.targetList as Node[] | undefined) ?? [];
    const target = targets[0]?.ResTarget as Node | undefined;
    if (!target || targets.length !== 1) return { kind: 'unknown', what: sql };
    return classifyDefault(target.val as Node);
  } catch (error) {
    if (error instanceof SqlParserNotLoaded) throw error;
    return { kind: 'unknown', what: sql };
  }
}
