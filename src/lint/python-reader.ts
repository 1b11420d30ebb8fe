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
  type Binding,
  bind,
  childEnv,
  classBinding,
  type Env,
  getattrParts,
  importBindings,
  lookup,
  paramNames,
} from './python-bindings.js';
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
import { classifySqlDefault, type FunctionBody, readSql } from './sql-reader.js';

const IGNORE_COMMENT = /^#\s*schema-drift:\s*ignore\[([^\]]*)\]\s*(.*)$/;

/** How deep calls are followed, and how many in all per file, before the rest is reported unreadable. */
const MAX_DEPTH = 8;
const MAX_FOLLOWS = 500;

/** Builtins that run code or reach names the file does not spell. */
const DYNAMIC_BUILTINS = new Set(['exec', 'eval', 'compile', '__import__', 'globals', 'locals', 'vars', 'setattr']);

/** Attributes of `op` that run operations through objects the lint does not read. */
const OPAQUE_OP_NAMES = new Set(['impl', 'invoke', 'run_async', 'migration_context']);
/** Attributes of op that reach Alembic's implementation: the named ones, and any private or dunder one
 * (`op.__getattribute__("drop_table")`, `op.__dict__[…]`, `op._proxy`), which can reach every operation by name. */
const opaqueOp = (name: string): boolean => OPAQUE_OP_NAMES.has(name) || name.startsWith('_');

/** Statements whose bodies may or may not run: a name bound in them adds to its binding instead of replacing it. */
const CONDITIONAL = new Set(['IfStatement', 'ForStatement', 'WhileStatement', 'TryStatement', 'MatchStatement']);

interface Scope {
  autocommit: boolean;
  /**
   * Shared by every scope of one upgrade(): whether an `op.execute("COMMIT")` has ended Alembic's transaction, and the
   * SQL functions the migration has created (their bodies are read where they are called).
   */
  session: { committed: boolean; functions: Map<string, FunctionBody>; checkpoint?: () => void };
}

/** One file's walk: where it is and what it has followed. */
interface Walk {
  src: SourceText;
  out: MigrationOperations;
  depth: number;
  follows: number;
  /** Functions being followed (recursion is not followed again). */
  stack: Set<SyntaxNode>;
  followed: Set<SyntaxNode>;
  /** Functions and lambdas defined in code upgrade() reaches: walked at the end if nothing called them. */
  pending: Array<Binding & { kind: 'function' }>;
  limitReported: boolean;
}

interface Frame {
  env: Env;
  scope: Scope;
  conditional: boolean;
  /** Inside code upgrade() runs (the module's own statements are not). */
  reached: boolean;
}

type FunctionBinding = Binding & { kind: 'function' };

/**
 * The operations of one migration file's `upgrade()`; throws SqlParserNotLoaded on SQL before loadSqlParser().
 * `checkpoint` is called between statements of long SQL and between followed calls: it throws to stop the read.
 */
export function readMigrationOperations(text: string, checkpoint?: () => void): MigrationOperations {
  const src = sourceText(text);
  const tree = parser.parse(text);
  const out: MigrationOperations = { operations: [], unreadable: [], ignores: [], hasUpgrade: false };
  const w: Walk = {
    src,
    out,
    depth: 0,
    follows: 0,
    stack: new Set(),
    followed: new Set(),
    pending: [],
    limitReported: false,
  };
  const module = childEnv(null);
  const scope: Scope = {
    autocommit: false,
    session: { committed: false, functions: new Map(), ...(checkpoint ? { checkpoint } : {}) },
  };
  // The module's statements in order: imports, definitions, rebindings of upgrade, and whatever runs at import.
  for (const node of children(tree.topNode)) walk(w, node, { env: module, scope, conditional: false, reached: false });
  const upgrade = module.names.get('upgrade') ?? [];
  out.hasUpgrade = upgrade.length > 0;
  for (const b of upgrade)
    callBinding(
      w,
      b,
      'upgrade',
      tree.topNode,
      { env: module, scope, conditional: false, reached: true },
      [],
      new Map(),
    );
  // A function defined in code upgrade() runs, but called only by something the lint cannot see (a callback, a
  // container): read as if it ran.
  while (w.pending.length) {
    const fn = w.pending.pop() as FunctionBinding;
    if (!w.followed.has(fn.node))
      follow(w, fn, { env: fn.env, scope, conditional: false, reached: true }, [], new Map(), fn.node);
  }
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      out.unreadable.push({
        line: src.lineAt(cursor.from),
        message: 'Python syntax error: operations near it may be missed',
      });
      break;
    }
    if (cursor.name === 'Comment') {
      const match = IGNORE_COMMENT.exec(textOf(src, cursor.node));
      if (match) out.ignores.push(inlineIgnore(src, cursor.node, match));
    }
  } while (cursor.next());
  return out;
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

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ');

function unreadable(w: Walk, node: SyntaxNode, message: string): void {
  w.out.unreadable.push({ line: w.src.lineAt(node.from), message });
}

const isOpLike = (b: Binding) => b.kind === 'op' || b.kind === 'op-method';

function walk(w: Walk, node: SyntaxNode, frame: Frame): void {
  switch (node.name) {
    case 'FunctionDefinition':
    case 'ClassDefinition':
    case 'DecoratedStatement':
      define(w, node, frame);
      return;
    case 'LambdaExpression': {
      const fn: FunctionBinding = { kind: 'function', node, env: frame.env, name: 'lambda' };
      if (frame.reached) w.pending.push(fn);
      return;
    }
    case 'ImportStatement':
      for (const [name, b] of importBindings(w.src, node)) bind(frame.env, name, [b], frame.conditional);
      return;
    case 'AssignStatement':
      assign(w, node, frame);
      return;
    case 'WithStatement':
      walkWith(w, node, frame);
      return;
    case 'CallExpression':
      call(w, node, frame);
      return;
    case 'VariableName': {
      const name = textOf(w.src, node);
      if (lookup(frame.env, name).some(isOpLike))
        unreadable(
          w,
          node,
          `\`${name}\` (an Alembic operation) is used as a value here, so what it runs cannot be followed`,
        );
      return;
    }
    case 'MemberExpression':
      member(w, node, frame);
      return;
    case 'ArgList':
      walkArgs(w, node, frame, null);
      return;
  }
  const inner = CONDITIONAL.has(node.name) && !frame.conditional ? { ...frame, conditional: true } : frame;
  for (let c = node.firstChild; c; c = c.nextSibling) walk(w, c, inner);
}

/** Walks call arguments, leaving out keyword names and the arguments `skip` says are bound elsewhere. */
function walkArgs(w: Walk, list: SyntaxNode, frame: Frame, skip: ReadonlySet<number> | null): void {
  for (let c = list.firstChild; c; c = c.nextSibling) {
    if (c.name === 'VariableName' && c.nextSibling?.name === 'AssignOp') continue;
    if (!skip?.has(c.from)) walk(w, c, frame);
  }
}

/** `def`, `class`, and either decorated: binds the name; a function defined in reached code is pending. */
function define(w: Walk, node: SyntaxNode, frame: Frame): void {
  const def =
    node.name === 'DecoratedStatement'
      ? (node.getChild('FunctionDefinition') ?? node.getChild('ClassDefinition'))
      : node;
  if (!def) return;
  const name = textOf(w.src, def.getChild('VariableName') ?? def);
  let value: Binding;
  if (def.name === 'ClassDefinition') {
    value = classBinding(w.src, def, frame.env);
    // The class body's own statements run at definition.
    const classFrame = { ...frame, env: childEnv(frame.env) };
    for (const stmt of children(def.getChild('Body') ?? def))
      if (stmt.name !== 'FunctionDefinition' && stmt.name !== 'DecoratedStatement') walk(w, stmt, classFrame);
  } else {
    const fn: FunctionBinding = { kind: 'function', node: def, env: frame.env, name };
    if (frame.reached) w.pending.push(fn);
    value = fn;
  }
  if (node.name === 'DecoratedStatement') {
    const decorators = node.getChildren('Decorator');
    for (let i = decorators.length - 1; i >= 0; i--) value = decorate(w, decorators[i] as SyntaxNode, value, frame);
  }
  bind(frame.env, name, [value], frame.conditional);
}

// Decorators that return the function they are given (or a wrapper that only calls it).
const TRANSPARENT_DECORATORS = new Set(['staticmethod', 'classmethod', 'property', 'functools.wraps', 'wraps']);

/** What a decorator makes of a function: itself, a decorator of the file followed on it, or unknown. */
function decorate(w: Walk, decorator: SyntaxNode, value: Binding, frame: Frame): Binding {
  const names = decorator.getChildren('VariableName').map((n) => textOf(w.src, n));
  const dotted = names.join('.');
  const args = decorator.getChild('ArgList');
  if (args) walk(w, args, frame);
  if (TRANSPARENT_DECORATORS.has(dotted)) return value;
  const local = names.length === 1 && !args ? lookup(frame.env, dotted).find((b) => b.kind === 'function') : undefined;
  if (local?.kind === 'function') return { kind: 'decorated', decorator: local, inner: value };
  return {
    kind: 'unknown',
    what: `the decorator ${short(textOf(w.src, decorator).trim())}, which the lint cannot see through`,
    line: w.src.lineAt(decorator.from),
  };
}

/** `x = …`: binds names to what the lint can follow; anything else in the value is walked. */
function assign(w: Walk, node: SyntaxNode, frame: Frame): void {
  const parts = children(node);
  let last = -1;
  for (let i = 0; i < parts.length; i++) if (parts[i]?.name === 'AssignOp') last = i;
  const targets = parts.slice(0, last).filter((p) => p.name !== 'AssignOp');
  const values = parts.slice(last + 1);
  const value = values.length === 1 ? (values[0] as SyntaxNode) : undefined;
  const plain = targets.length > 0 && targets.every((t) => t.name === 'VariableName');
  if (!value || !plain || last < 0) {
    for (const p of parts) if (p.name !== 'VariableName' || parts.indexOf(p) > last) walk(w, p, frame);
    return;
  }
  const resolved = resolve(w, value, frame);
  const tracked = resolved.some((b) => b.kind !== 'unknown');
  if (value.name === 'CallExpression') call(w, value, frame);
  else if (!tracked) walk(w, value, frame);
  const bound: Binding[] = tracked
    ? resolved
    : [{ kind: 'unknown', what: `\`${short(textOf(w.src, value))}\``, line: w.src.lineAt(value.from) }];
  for (const t of targets) bind(frame.env, textOf(w.src, t), bound, frame.conditional);
}

/** What an expression evaluates to, as far as bindings go; empty when not known. */
function resolve(w: Walk, node: SyntaxNode, frame: Frame): Binding[] {
  switch (node.name) {
    case 'VariableName':
      return lookup(frame.env, textOf(w.src, node));
    case 'ParenthesizedExpression': {
      const inner = node.firstChild?.nextSibling;
      return inner ? resolve(w, inner, frame) : [];
    }
    case 'LambdaExpression':
      return [{ kind: 'function', node, env: frame.env, name: 'lambda' }];
    case 'MemberExpression': {
      const object = node.firstChild;
      const property = node.lastChild;
      if (!object || property?.name !== 'PropertyName') return [];
      return attribute(resolve(w, object, frame), textOf(w.src, property));
    }
    case 'CallExpression': {
      const got = getattrParts(w.src, node);
      if (got) return got.object && got.name !== undefined ? attribute(resolve(w, got.object, frame), got.name) : [];
      const callee = node.firstChild;
      if (!callee) return [];
      return resolve(w, callee, frame).flatMap((b): Binding[] =>
        b.kind === 'class' ? [{ kind: 'instance', of: b }] : [],
      );
    }
    default:
      return [];
  }
}

function attribute(objects: Binding[], name: string): Binding[] {
  return objects.flatMap((b): Binding[] => {
    switch (b.kind) {
      case 'op':
        return [{ kind: 'op-method', method: name }];
      case 'class': {
        const method = b.methods.get(name);
        return method ? [method] : [];
      }
      case 'instance': {
        const method = b.of.methods.get(name);
        if (method?.kind !== 'function') return [];
        return [method.bindFirst ? method : { ...method, bindFirst: b }];
      }
      case 'foreign':
        return [{ kind: 'foreign', module: `${b.module}.${name}` }];
      case 'inert':
        return [b];
      default:
        return [];
    }
  });
}

/** An attribute read outside a call: `op.impl…` is unreadable, an operation kept as a value cannot be followed. */
function member(w: Walk, node: SyntaxNode, frame: Frame): void {
  const object = node.firstChild;
  const property = node.lastChild;
  if (!object) return;
  if (property?.name === 'PropertyName' && resolve(w, object, frame).some((b) => b.kind === 'op')) {
    const name = textOf(w.src, property);
    unreadable(
      w,
      node,
      opaqueOp(name)
        ? `\`${short(textOf(w.src, node))}\` reaches Alembic's implementation, whose operations the lint does not read`
        : `\`${short(textOf(w.src, node))}\` is used as a value here, so what it runs cannot be followed`,
    );
    return;
  }
  if (object.name !== 'VariableName') walk(w, object, frame);
}

function call(w: Walk, node: SyntaxNode, frame: Frame): void {
  const { src } = w;
  const callee = node.firstChild;
  const argList = node.getChild('ArgList');
  if (!callee) return;
  const got = getattrParts(src, node);
  if (got) {
    if (got.name === undefined)
      unreadable(
        w,
        node,
        `\`${short(textOf(src, node))}\` fetches an attribute whose name is not a literal, so what it runs cannot be read`,
      );
    else if (got.object && !resolve(w, got.object, frame).some(isOpLike)) walk(w, got.object, frame);
    return;
  }
  if (
    callee.name === 'VariableName' &&
    DYNAMIC_BUILTINS.has(textOf(src, callee)) &&
    lookup(frame.env, textOf(src, callee)).length === 0
  ) {
    unreadable(w, node, `\`${short(textOf(src, node))}\` runs code the lint cannot read`);
    return;
  }
  let memberValues: Binding[] | undefined;
  if (callee.name === 'MemberExpression') {
    const property = callee.lastChild;
    const method = property?.name === 'PropertyName' ? textOf(src, property) : '';
    const object = callee.firstChild as SyntaxNode;
    const objects = resolve(w, object, frame);
    const batch = objects.find((b) => b.kind === 'batch');
    const opaque = objects.some((b) => b.kind === 'op-method' && opaqueOp(b.method));
    if ((objects.some((b) => b.kind === 'op') && opaqueOp(method)) || opaque) {
      unreadable(
        w,
        node,
        `\`${short(textOf(src, callee))}(…)\` runs operations through Alembic's implementation, which the lint does not read`,
      );
      return;
    }
    if (method === 'execute' || method === 'exec_driver_sql') {
      if (object.name !== 'VariableName') walk(w, object, frame);
      readExecute(src, node, frame.scope, w.out);
      return;
    }
    if (objects.some((b) => b.kind === 'op') || batch) {
      const fixed = batch?.kind === 'batch' ? batch.table : undefined;
      operation(w, node, method, `${textOf(src, object)}.${method}`, fixed, frame);
      if (argList) walk(w, argList, frame);
      return;
    }
    if (objects.length === 0 && object.name !== 'VariableName') walk(w, object, frame);
    memberValues = property?.name === 'PropertyName' ? attribute(objects, method) : [];
  }
  const values = memberValues ?? resolve(w, callee, frame);
  if (values.length === 0 && callee.name !== 'VariableName' && callee.name !== 'MemberExpression')
    walk(w, callee, frame);
  // Calls of sqlalchemy constructors and the like (most calls in a revision) bind nothing and are only walked into.
  const takesArgs = values.some(
    (b) => b.kind === 'function' || b.kind === 'decorated' || b.kind === 'class' || b.kind === 'foreign',
  );
  if (!takesArgs) {
    for (const b of values)
      if (b.kind !== 'inert') callBinding(w, b, textOf(src, callee), node, frame, [], NO_KEYWORDS);
    if (argList) walkArgs(w, argList, frame, null);
    return;
  }
  const positional: Binding[][] = [];
  const keywords = new Map<string, Binding[]>();
  // Arguments bound to a followed function's parameters, or handed to code already reported unreadable, are not
  // reported again as values used where they cannot be followed. (Nodes are compared by offset: lezer makes a new
  // object for each visit.)
  const boundArgs = new Set<number>();
  if (argList) {
    const args = callArgs(src, node);
    const track = (a: SyntaxNode) => {
      const v = resolve(w, a, frame);
      if (v.some((b) => b.kind !== 'unknown' && b.kind !== 'inert')) boundArgs.add(a.from);
      return v;
    };
    args.positional.forEach((a, i) => {
      positional[i] = track(a);
    });
    for (const [k, a] of args.keywords) keywords.set(k, track(a));
  }
  for (const b of values) callBinding(w, b, textOf(src, callee), node, frame, positional, keywords);
  if (argList) walkArgs(w, argList, frame, boundArgs);
}

const NO_KEYWORDS: Map<string, Binding[]> = new Map();

/** Calls what a name is bound to. */
function callBinding(
  w: Walk,
  b: Binding,
  name: string,
  at: SyntaxNode,
  frame: Frame,
  positional: Binding[][],
  keywords: Map<string, Binding[]>,
): void {
  switch (b.kind) {
    case 'function':
      follow(w, b, frame, positional, keywords, at);
      return;
    case 'decorated':
      // The decorator runs on the function; what it returns (a wrapper defined in it) is pending, and calls it.
      follow(w, b.decorator, frame, [[b.inner]], new Map(), at);
      return;
    case 'class': {
      const init = b.methods.get('__init__');
      if (init?.kind === 'function')
        follow(w, { ...init, bindFirst: { kind: 'instance', of: b } }, frame, positional, keywords, at);
      return;
    }
    case 'op-method':
      if (opaqueOp(b.method))
        unreadable(
          w,
          at,
          `\`${short(name)}(…)\` runs operations through Alembic's implementation, which the lint does not read`,
        );
      else if (b.method === 'execute') readExecute(w.src, at, frame.scope, w.out);
      else operation(w, at, b.method, `op.${b.method} (as ${short(name)})`, undefined, frame);
      return;
    case 'foreign':
      unreadable(w, at, `\`${short(name)}(…)\` calls into ${b.module}, code the lint does not read`);
      return;
    case 'unknown':
      if (name === 'upgrade')
        w.out.unreadable.push({
          line: b.line,
          message: `upgrade is bound to ${b.what}, so what it runs cannot be read`,
        });
      return;
    case 'op':
    case 'batch':
    case 'instance':
    case 'inert':
      return;
  }
}

/** Walks a function's body with its parameters bound to the arguments the lint could resolve. */
function follow(
  w: Walk,
  fn: FunctionBinding,
  frame: Frame,
  positional: Binding[][],
  keywords: Map<string, Binding[]>,
  at: SyntaxNode,
): void {
  if (w.stack.has(fn.node)) return;
  if (w.depth >= MAX_DEPTH || w.follows >= MAX_FOLLOWS) {
    if (!w.limitReported)
      unreadable(
        w,
        at,
        `calls nest deeper than ${MAX_DEPTH} levels or number more than ${MAX_FOLLOWS}: the rest is not read`,
      );
    w.limitReported = true;
    return;
  }
  w.follows++;
  frame.scope.session.checkpoint?.();
  w.followed.add(fn.node);
  const env = childEnv(fn.env);
  const params = paramNames(w.src, fn.node);
  const given = fn.bindFirst ? [[fn.bindFirst], ...positional] : positional;
  params.forEach((p, i) => {
    bind(env, p, keywords.get(p) ?? given[i] ?? [], false);
  });
  const inner: Frame = { env, scope: frame.scope, conditional: false, reached: true };
  w.stack.add(fn.node);
  w.depth++;
  try {
    if (fn.node.name === 'LambdaExpression') {
      const body = fn.node.lastChild;
      if (body && body.name !== ':') walk(w, body, inner);
    } else {
      const body = fn.node.getChild('Body');
      if (body) for (const stmt of children(body)) walk(w, stmt, inner);
    }
  } finally {
    w.depth--;
    w.stack.delete(fn.node);
  }
}

function walkWith(w: Walk, node: SyntaxNode, frame: Frame): void {
  const { src } = w;
  const scope: Scope = { autocommit: frame.scope.autocommit, session: frame.scope.session };
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as SyntaxNode;
    if (part.name !== 'CallExpression') continue;
    const callee = part.firstChild;
    const property = callee?.name === 'MemberExpression' ? callee.lastChild : null;
    const method = property ? textOf(src, property) : '';
    if (method === 'autocommit_block') scope.autocommit = true;
    const isBatch =
      callee && resolve(w, callee, frame).some((b) => b.kind === 'op-method' && b.method === 'batch_alter_table');
    if (isBatch) {
      const args = callArgs(src, part);
      const alias = parts[i + 1]?.name === 'as' ? parts[i + 2] : undefined;
      if (alias?.name === 'VariableName')
        bind(
          frame.env,
          textOf(src, alias),
          [{ kind: 'batch', table: tableRef(src, args, 0, 'table_name') }],
          frame.conditional,
        );
    } else walk(w, part, frame);
  }
  const body = node.getChild('Body');
  if (body) walk(w, body, { ...frame, scope });
  // Alembic begins a new transaction as an autocommit block ends.
  if (scope.autocommit && !frame.scope.autocommit) frame.scope.session.committed = false;
}

/** One `op.*` (or batch) call: its operation, or unreadable when its arguments are starred. */
function operation(
  w: Walk,
  call: SyntaxNode,
  method: string,
  name: string,
  fixed: TableRef | null | undefined,
  frame: Frame,
): void {
  const line = w.src.lineAt(call.from);
  const args = callArgs(w.src, call);
  if (args.starred) {
    w.out.unreadable.push({ line, message: `${name}(…) passes *args/**kwargs, which cannot be read statically` });
    return;
  }
  const op = operationOf(w.src, method, args, fixed, { line, call: name, transaction: place(frame.scope) }, w.out);
  if (op) w.out.operations.push(op);
}

type Base = { line: number; call: string; transaction: TransactionPlace; guarded?: boolean };

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
      return batch
        ? null
        : { kind: 'create-table', table: table(0, 'table_name'), guarded: flag('if_not_exists'), ...base };
    case 'create_index':
      return {
        kind: 'create-index',
        table: table(1),
        concurrently: flag('postgresql_concurrently'),
        unique: flag('unique'),
        guarded: flag('if_not_exists'),
        ...base,
      };
    case 'drop_index': {
      const on = batch ? (fixed ?? null) : tableRef(src, args, 1, 'table_name');
      return {
        kind: 'drop-index',
        table: on,
        concurrently: flag('postgresql_concurrently'),
        guarded: flag('if_exists'),
        ...base,
      };
    }
    case 'add_column':
      return addColumn(src, args, table(0), shift, { ...base, guarded: flag('if_not_exists') }, out);
    case 'alter_column':
      return alterColumn(src, args, table(0), shift, base, out);
    case 'drop_column':
      return {
        kind: 'drop-column',
        table: table(0),
        column: str(1, 'column_name') ?? '?',
        guarded: flag('if_exists'),
        ...base,
      };
    case 'drop_table':
      return batch ? null : { kind: 'drop-table', table: table(0), guarded: flag('if_exists'), ...base };
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
    primaryKey,
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
    // nullable=True on a column already nullable (existing_nullable=True) changes nothing.
    else if (!value || boolLiteral(src, args.keywords.get('existing_nullable')) !== true)
      ops.push({ kind: value ? 'drop-not-null' : 'set-not-null', ...at });
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
  const lineAt = exact ? linesOf(sql, start) : () => start;
  const read = readSql(sql, {
    lineAt,
    transaction: place(scope),
    functions: scope.session.functions,
    ...(scope.session.checkpoint ? { checkpoint: scope.session.checkpoint } : {}),
  });
  if (read.leaves !== null && !scope.autocommit) scope.session.committed = read.leaves === 'outside-transaction';
  for (const op of read.operations) {
    op.line = Math.max(op.line, line);
    op.callLine = line;
    out.operations.push(op);
  }
  out.unreadable.push(...read.unreadable);
}

/**
 * Line of each offset of a literal that starts on line `first`: the newlines are found once and searched, so a literal
 * of many statements is read in linear time (counting from the start for each statement was quadratic: 12 s of a
 * 2 MB literal of 40,000 statements).
 */
function linesOf(text: string, first: number): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return first + lo;
  };
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
