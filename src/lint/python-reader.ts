// Reads what a migration's `upgrade()` does from its Python syntax tree (@lezer/python): the `op.*` calls with their
// arguments, `with op.batch_alter_table(...) as b:` blocks, `with op.get_context().autocommit_block():` blocks, and
// the SQL of `execute("…")` / `execute(sa.text("…"))` given as literals. Anything not literal is unreadable.
//
// Operations are written `{ kind, …, ...base }`, the spread last (here and in sql-reader.ts): V8 (Node 20) moved
// objects written `{ ...base, kind, … }` to the old generation even when they died at once (measured: 875 MB
// promoted for 3 million such short-lived objects, 0.1 MB with the spread last). On `lint --all` over 2,000
// revisions that was most of the old generation's growth, hence of the peak memory (the bench shows it).
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import type {
  DefaultKind,
  InlineIgnore,
  MigrationOperations,
  Operation,
  TableRef,
  TransactionPlace,
  TypeSpec,
} from './operation.js';
import {
  arg,
  boolLiteral,
  type CallArgs,
  callArgs,
  calleeName,
  children,
  dottedName,
  isNone,
  numberLiteral,
  type SourceText,
  sourceText,
  stringLiteral,
  textOf,
} from './python-syntax.js';
import { classifySqlDefault, readSql } from './sql-reader.js';

const IGNORE_COMMENT = /^#\s*schema-drift:\s*ignore\[([^\]]*)\]\s*(.*)$/;

interface Scope {
  autocommit: boolean;
  /** Shared by every scope of one upgrade(): whether an `op.execute("COMMIT")` has ended Alembic's transaction. */
  session: { committed: boolean };
  /** `with op.batch_alter_table("t") as batch_op:` → batch_op → t. */
  batches: Map<string, TableRef | null>;
}

/** The operations of one migration file's `upgrade()`; throws SqlParserNotLoaded on SQL before loadSqlParser(). */
export function readMigrationOperations(text: string): MigrationOperations {
  const src = sourceText(text);
  const tree = parser.parse(text);
  const result: MigrationOperations = { operations: [], unreadable: [], ignores: [], hasUpgrade: false };
  const top = tree.topNode;
  for (const node of children(top)) {
    if (node.name === 'FunctionDefinition' && textOf(src, node.getChild('VariableName') ?? node) === 'upgrade') {
      result.hasUpgrade = true;
      const body = node.getChild('Body');
      if (body) walk(src, body, { autocommit: false, session: { committed: false }, batches: new Map() }, result);
    }
  }
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      result.unreadable.push({
        line: src.lineAt(cursor.from),
        message: 'Python syntax error: operations near it may be missed',
      });
      break;
    }
    if (cursor.name === 'Comment') {
      const match = IGNORE_COMMENT.exec(textOf(src, cursor.node));
      if (match) result.ignores.push(inlineIgnore(src, cursor.node, match));
    }
  } while (cursor.next());
  return result;
}

function inlineIgnore(src: SourceText, comment: SyntaxNode, match: RegExpExecArray): InlineIgnore {
  return {
    line: src.lineAt(comment.from) + 1,
    rules: (match[1] ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    reason: (match[2] ?? '').trim(),
  };
}

function walk(src: SourceText, node: SyntaxNode, scope: Scope, out: MigrationOperations): void {
  if (node.name === 'WithStatement') {
    walkWith(src, node, scope, out);
    return;
  }
  if (node.name === 'CallExpression' && readCall(src, node, scope, out)) return;
  for (const child of children(node)) walk(src, child, scope, out);
}

function walkWith(src: SourceText, node: SyntaxNode, scope: Scope, out: MigrationOperations): void {
  const inner: Scope = { autocommit: scope.autocommit, session: scope.session, batches: new Map(scope.batches) };
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as SyntaxNode;
    if (part.name !== 'CallExpression') continue;
    const callee = part.firstChild;
    const property = callee?.name === 'MemberExpression' ? callee.lastChild : null;
    const method = property ? textOf(src, property) : '';
    if (method === 'autocommit_block') inner.autocommit = true;
    if (method === 'batch_alter_table' && dottedName(src, callee) === 'op.batch_alter_table') {
      const args = callArgs(src, part);
      const alias = parts[i + 1]?.name === 'as' ? parts[i + 2] : undefined;
      if (alias?.name === 'VariableName') inner.batches.set(textOf(src, alias), tableRef(src, args, 0, 'table_name'));
    } else walk(src, part, scope, out);
  }
  const body = node.getChild('Body');
  if (body) walk(src, body, inner, out);
  // Alembic begins a new transaction as an autocommit block ends.
  if (inner.autocommit && !scope.autocommit) scope.session.committed = false;
}

/** Reads one call; true when it was an operation (its arguments need no further walk). */
function readCall(src: SourceText, call: SyntaxNode, scope: Scope, out: MigrationOperations): boolean {
  const callee = call.firstChild;
  if (callee?.name !== 'MemberExpression') return false;
  const method = textOf(src, callee.lastChild ?? callee);
  const objectNode = callee.firstChild;
  const object = objectNode?.name === 'VariableName' ? textOf(src, objectNode) : undefined;
  const line = src.lineAt(call.from);
  if (method === 'execute') {
    readExecute(src, call, scope, out);
    return true;
  }
  let fixed: TableRef | null | undefined;
  if (object === 'op') fixed = undefined;
  else if (object !== undefined && scope.batches.has(object)) fixed = scope.batches.get(object) ?? null;
  else return false;
  const args = callArgs(src, call);
  const name = `${object}.${method}`;
  if (args.starred) {
    out.unreadable.push({ line, message: `${name}(…) passes *args/**kwargs, which cannot be read statically` });
    return true;
  }
  const op = operationOf(src, method, args, fixed, { line, call: name, transaction: place(scope) }, out);
  if (op) out.operations.push(op);
  return true;
}

type Base = { line: number; call: string; transaction: TransactionPlace };

function place(scope: Scope): TransactionPlace {
  return scope.autocommit ? 'autocommit' : scope.session.committed ? 'after-commit' : 'alembic';
}

/**
 * `fixed`: the batch's table (batch methods take no table argument, so their positions shift by one), or
 * undefined for `op.*`.
 */
function operationOf(
  src: SourceText,
  method: string,
  args: CallArgs,
  fixed: TableRef | null | undefined,
  base: Base,
  out: MigrationOperations,
): Operation | null {
  const batch = fixed !== undefined;
  const shift = batch ? 1 : 0;
  const table = (position: number, keyword = 'table_name'): TableRef | null =>
    batch ? (fixed ?? null) : tableRef(src, args, position, keyword);
  const str = (position: number, keyword: string) => stringLiteral(src, arg(args, position - shift, keyword));
  const flag = (keyword: string) => boolLiteral(src, args.keywords.get(keyword)) === true;
  switch (method) {
    case 'create_table':
      return batch ? null : { kind: 'create-table', table: table(0, 'table_name'), ...base };
    case 'create_index':
      return {
        kind: 'create-index',
        table: table(1),
        concurrently: flag('postgresql_concurrently'),
        unique: flag('unique'),
        ...base,
      };
    case 'drop_index':
      return { kind: 'drop-index', table: null, concurrently: flag('postgresql_concurrently'), ...base };
    case 'add_column':
      return addColumn(src, args, table(0), shift, base, out);
    case 'alter_column':
      return alterColumn(src, args, table(0), shift, base, out);
    case 'drop_column':
      return { kind: 'drop-column', table: table(0), column: str(1, 'column_name') ?? '?', ...base };
    case 'drop_table':
      return batch ? null : { kind: 'drop-table', table: table(0), ...base };
    case 'rename_table':
      return batch
        ? null
        : { kind: 'rename-table', table: table(0, 'old_table_name'), to: str(1, 'new_table_name') ?? '?', ...base };
    case 'create_foreign_key':
      return {
        kind: 'add-foreign-key',
        table: table(1, 'source_table'),
        notValid: flag('postgresql_not_valid'),
        ...base,
      };
    case 'create_check_constraint':
      return { kind: 'add-check', table: table(1), notValid: flag('postgresql_not_valid'), ...base };
    case 'create_unique_constraint':
      return { kind: 'add-unique', table: table(1), usingIndex: false, primaryKey: false, ...base };
    case 'create_primary_key':
      return { kind: 'add-unique', table: table(1), usingIndex: false, primaryKey: true, ...base };
    default:
      return null;
  }
}

function tableRef(src: SourceText, args: CallArgs, position: number, keyword: string): TableRef | null {
  const name = stringLiteral(src, arg(args, position, keyword));
  if (name === undefined) return null;
  const schemaNode = args.keywords.get(keyword === 'source_table' ? 'source_schema' : 'schema');
  const schema = stringLiteral(src, schemaNode) ?? null;
  return { schema, name };
}

function addColumn(
  src: SourceText,
  args: CallArgs,
  table: TableRef | null,
  shift: number,
  base: Base,
  out: MigrationOperations,
): Operation | null {
  const column = arg(args, 1 - shift, 'column');
  if (calleeName(src, column) !== 'Column' || !column) {
    out.unreadable.push({ line: base.line, message: `${base.call}(…) is not given a literal sa.Column(…)` });
    return null;
  }
  const colArgs = callArgs(src, column);
  const name = stringLiteral(src, colArgs.positional[0]) ?? '?';
  const primaryKey = boolLiteral(src, colArgs.keywords.get('primary_key')) === true;
  const nullableNode = colArgs.keywords.get('nullable');
  const nullable = nullableNode === undefined ? !primaryKey : boolLiteral(src, nullableNode);
  if (nullable === undefined) {
    out.unreadable.push({ line: base.line, message: `${base.call}(…) gives nullable= a value that is not a literal` });
  }
  const foreignKey = colArgs.positional.some((p) => calleeName(src, p) === 'ForeignKey');
  const typeNode = colArgs.positional[1];
  const serial = typeNode !== undefined && /^(Small|Big)?Serial$/i.test(calleeName(src, typeNode) ?? '');
  return {
    kind: 'add-column',
    table,
    column: name,
    notNull: nullable === false,
    default: serverDefault(src, colArgs.keywords.get('server_default')),
    foreignKey,
    serial,
    ...base,
  };
}

function serverDefault(src: SourceText, node: SyntaxNode | undefined): DefaultKind {
  if (node === undefined || isNone(src, node)) return { kind: 'none' };
  if (stringLiteral(src, node) !== undefined) return { kind: 'stable' };
  const callee = node.name === 'CallExpression' ? dottedName(src, node.firstChild) : undefined;
  if (callee && /(^|\.)text$/.test(callee)) {
    const sql = stringLiteral(src, callArgs(src, node).positional[0]);
    return sql === undefined ? { kind: 'unknown', what: textOf(src, node) } : classifySqlDefault(sql);
  }
  // sa.func.now() and friends: the function's name decides, as in SQL.
  if (callee?.includes('func.') && callArgs(src, node).positional.length === 0) {
    return classifySqlDefault(`${callee.slice(callee.lastIndexOf('.') + 1)}()`);
  }
  if (callee && /(^|\.)(true|false|null|literal)$/.test(callee)) return { kind: 'stable' };
  return { kind: 'unknown', what: textOf(src, node) };
}

function alterColumn(
  src: SourceText,
  args: CallArgs,
  table: TableRef | null,
  shift: number,
  base: Base,
  out: MigrationOperations,
): Operation | null {
  const column = stringLiteral(src, arg(args, 1 - shift, 'column_name')) ?? '?';
  const at = { table, column, ...base };
  const ops: Operation[] = [];
  const nullable = args.keywords.get('nullable');
  if (nullable !== undefined) {
    const value = boolLiteral(src, nullable);
    if (value === undefined)
      out.unreadable.push({ line: base.line, message: `${base.call}(…) nullable= is not a literal` });
    else if (!value) ops.push({ kind: 'set-not-null', ...at });
  }
  const type = args.keywords.get('type_');
  if (type !== undefined) {
    ops.push({
      kind: 'alter-type',
      to: pythonType(src, type),
      from: pythonType(src, args.keywords.get('existing_type')),
      ...at,
    });
  }
  const newName = stringLiteral(src, args.keywords.get('new_column_name'));
  if (newName !== undefined) ops.push({ kind: 'rename-column', to: newName, ...at });
  // One call can do several things; all but the last are pushed here, the last is returned.
  const last = ops.pop() ?? null;
  out.operations.push(...ops);
  return last;
}

// SQLAlchemy type names → PostgreSQL's; sizes from the first argument or length=/precision=.
const TYPE_NAMES: Record<string, string> = {
  string: 'varchar',
  unicode: 'varchar',
  varchar: 'varchar',
  text: 'text',
  unicodetext: 'text',
  integer: 'int4',
  int: 'int4',
  biginteger: 'int8',
  bigint: 'int8',
  smallinteger: 'int2',
  smallint: 'int2',
  numeric: 'numeric',
  decimal: 'numeric',
  float: 'float8',
  boolean: 'bool',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  date: 'date',
  char: 'bpchar',
};

function pythonType(src: SourceText, node: SyntaxNode | undefined): TypeSpec | null {
  if (!node) return null;
  const isCall = node.name === 'CallExpression';
  const name = isCall ? dottedName(src, node.firstChild) : dottedName(src, node);
  if (!name) return null;
  const short = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  let mapped = TYPE_NAMES[short] ?? short;
  const args = isCall ? callArgs(src, node) : null;
  if (mapped === 'timestamp' && args && boolLiteral(src, args.keywords.get('timezone'))) mapped = 'timestamptz';
  const size = args ? numberLiteral(src, arg(args, 0, mapped === 'numeric' ? 'precision' : 'length')) : undefined;
  return { name: mapped, size: size ?? null };
}

function readExecute(src: SourceText, call: SyntaxNode, scope: Scope, out: MigrationOperations): void {
  const line = src.lineAt(call.from);
  const args = callArgs(src, call);
  let node = args.positional[0] ?? args.keywords.get('sqltext') ?? args.keywords.get('statement');
  const callee = node?.name === 'CallExpression' ? dottedName(src, node.firstChild) : undefined;
  if (callee && /(^|\.)text$/.test(callee)) node = node ? callArgs(src, node).positional[0] : undefined;
  const sql = stringLiteral(src, node);
  if (sql === undefined || node === undefined) {
    out.unreadable.push({
      line,
      message: `${dottedName(src, call.firstChild) ?? 'execute'}(…) is not given literal SQL, so what it does cannot be read statically`,
    });
    return;
  }
  // Offsets inside a one-piece literal map to lines of the file; escapes or concatenation shift them, so those
  // statements take the line of the literal's start.
  const start = src.lineAt(node.from);
  const raw = textOf(src, node);
  const exact = node.name === 'String' && !raw.includes('\\');
  const lineAt = (offset: number) => (exact ? start + countNewlines(sql, offset) : start);
  const read = readSql(sql, { lineAt, transaction: place(scope) });
  if (read.leaves !== null && !scope.autocommit) scope.session.committed = read.leaves === 'outside-transaction';
  for (const op of read.operations) {
    op.line = Math.max(op.line, line);
    op.callLine = line;
    out.operations.push(op);
  }
  out.unreadable.push(...read.unreadable);
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Whether env.py sets lock_timeout: a string mentioning it (`SET lock_timeout …`, `-c lock_timeout=…` in
 * connect_args) or a `lock_timeout=` keyword anywhere in the file.
 */
export function envSetsLockTimeout(text: string): boolean {
  const src = sourceText(text);
  const cursor = parser.parse(text).cursor();
  do {
    if (cursor.name === 'String' && stringLiteral(src, cursor.node)?.includes('lock_timeout')) return true;
    if (cursor.name === 'VariableName' && textOf(src, cursor.node) === 'lock_timeout') {
      if (cursor.node.nextSibling?.name === 'AssignOp') return true;
    }
  } while (cursor.next());
  return false;
}
