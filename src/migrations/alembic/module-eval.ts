// The slow path of the reader: evaluates a module's top level the way Python would run it, as far as that can be
// decided without running Python. It is used only for the rare files whose identifiers are not plain literals
// (`a = b = None`, `revision = REV`, `revision, down_revision = ...`, assignments under `if`/`try`, imported
// constants): the fast scanner in python-source.ts handles every other file without a parse tree.
//
// What it follows: literals (str, None, bool, numbers, tuples/lists/sets), names bound earlier in the module, constant
// f-strings, `str()`/`tuple()`/`list()`/`set()` of a literal, `+` on strings or sequences, `x if c else y`,
// `if`/`elif`/`else` with a decidable condition, `try` bodies that cannot fail, `with` bodies, and one level of
// imports from files of this repository (`from pkg.mod import NAME`, `import pkg.mod as m; m.NAME`). Anything else
// makes the names it could bind unknown, with the reason; an unknown value is never guessed.
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { decodeStringLiteral, type Literal } from './python-source.js';

/** A value at module level: a literal, a module object, or unknown with the reason. */
export type Value =
  | Literal
  | { kind: 'bool'; value: boolean }
  | { kind: 'num'; value: number }
  | { kind: 'module'; name: string }
  | { kind: 'unknown'; reason: string };

export interface EvaluatedBinding {
  value: Value;
  line: number;
}

/** Module-level bindings of one file of the repository, or why it cannot be read. */
export type ModuleLookup = (dotted: string) => { bindings: Map<string, EvaluatedBinding> } | { missing: string } | null;

export interface ModuleEvaluation {
  bindings: Map<string, EvaluatedBinding>;
  /** Syntax errors Python would raise on import, with their line. */
  errors: { message: string; line: number }[];
}

interface Context {
  src: string;
  lineStarts: number[];
  env: Map<string, EvaluatedBinding>;
  lookup: ModuleLookup | null;
}

const BUILTIN_CONVERSIONS = new Set(['str', 'tuple', 'list', 'set', 'frozenset']);

/** Evaluates the top level of `src`; `lookup` follows imports into repository files (null: imports are unknown). */
export function evaluateModule(src: string, lookup: ModuleLookup | null): ModuleEvaluation {
  const tree = parser.parse(src);
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const ctx: Context = { src, lineStarts, env: new Map(), lookup };
  const errors: ModuleEvaluation['errors'] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError && errors.length === 0) {
        errors.push({ message: 'invalid syntax', line: lineOf(ctx, node.from) });
      }
    },
  });
  runBlock(ctx, tree.topNode);
  return { bindings: ctx.env, errors };
}

function lineOf(ctx: Context, pos: number): number {
  let lo = 0;
  let hi = ctx.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((ctx.lineStarts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function text(ctx: Context, node: SyntaxNode): string {
  return ctx.src.slice(node.from, node.to);
}

function unknown(reason: string): Value {
  return { kind: 'unknown', reason };
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Runs the statements of a Script or Body node in order. */
function runBlock(ctx: Context, block: SyntaxNode): void {
  for (const stmt of children(block)) runStatement(ctx, stmt);
}

function bind(ctx: Context, name: string, value: Value, at: SyntaxNode): void {
  ctx.env.set(name, { value, line: lineOf(ctx, at.from) });
}

/** Every name a statement (or the blocks inside it) could bind becomes unknown. */
function poison(ctx: Context, node: SyntaxNode, reason: string): void {
  // The first place a name is bound is the line shown.
  const done = new Set<string>();
  for (const name of boundNames(ctx, node)) {
    if (done.has(name.name)) continue;
    done.add(name.name);
    bind(ctx, name.name, unknown(reason), name.node);
  }
}

function boundNames(ctx: Context, node: SyntaxNode): { name: string; node: SyntaxNode }[] {
  const out: { name: string; node: SyntaxNode }[] = [];
  const visit = (n: SyntaxNode): void => {
    switch (n.name) {
      case 'AssignStatement':
      case 'UpdateStatement': {
        const parts = children(n);
        const lastOp = parts.map((p) => p.name).lastIndexOf(n.name === 'AssignStatement' ? 'AssignOp' : 'UpdateOp');
        for (const p of parts.slice(0, lastOp)) collectTargets(ctx, p, out);
        return;
      }
      case 'ImportStatement':
        for (const b of importBindings(ctx, n)) out.push({ name: b.name, node: n });
        return;
      case 'FunctionDefinition':
      case 'ClassDefinition': {
        const name = n.getChild('VariableName');
        if (name) out.push({ name: text(ctx, name), node: name });
        return;
      }
      case 'ForStatement':
      case 'WithStatement':
      case 'TryStatement':
      case 'DeleteStatement':
        // Loop variables, `as` targets and deleted names are VariableNames directly under the statement.
        for (const c of children(n)) {
          if (c.name === 'VariableName') out.push({ name: text(ctx, c), node: c });
          else if (c.name === 'TupleExpression') collectTargets(ctx, c, out);
        }
        break;
    }
    for (const c of children(n)) {
      if (c.name === 'Body' || c.name === 'StatementGroup' || c.name.endsWith('Statement')) visit(c);
    }
  };
  visit(node);
  return out;
}

function collectTargets(ctx: Context, node: SyntaxNode, out: { name: string; node: SyntaxNode }[]): void {
  if (node.name === 'VariableName') out.push({ name: text(ctx, node), node });
  else if (['TupleExpression', 'ArrayExpression', 'ParenthesizedExpression'].includes(node.name)) {
    for (const c of children(node)) collectTargets(ctx, c, out);
  }
}

function runStatement(ctx: Context, stmt: SyntaxNode): void {
  switch (stmt.name) {
    case 'StatementGroup': // `a = 1; b = 2`
      runBlock(ctx, stmt);
      return;
    case 'AssignStatement':
      runAssign(ctx, stmt);
      return;
    case 'UpdateStatement':
      poison(ctx, stmt, 'an augmented assignment (`+=`) needs Python to evaluate');
      return;
    case 'ImportStatement':
      for (const b of importBindings(ctx, stmt)) bind(ctx, b.name, b.value, stmt);
      return;
    case 'IfStatement':
      runIf(ctx, stmt);
      return;
    case 'TryStatement':
      runTry(ctx, stmt);
      return;
    case 'WithStatement': {
      // The `as` target is whatever the context manager returns; the body runs.
      for (const c of children(stmt))
        if (c.name === 'VariableName') bind(ctx, text(ctx, c), unknown('a `with` target'), c);
      const body = stmt.getChild('Body');
      if (body) runBlock(ctx, body);
      return;
    }
    case 'FunctionDefinition':
    case 'ClassDefinition':
    case 'DecoratedStatement':
      poison(ctx, stmt, 'a function or class');
      return;
    case 'ForStatement':
    case 'WhileStatement':
      poison(ctx, stmt, 'bound inside a loop');
      return;
    case 'DeleteStatement':
      poison(ctx, stmt, 'deleted with `del`');
      return;
    default:
      // Expressions, pass, assert, global ...: they bind nothing we read.
      return;
  }
}

function runAssign(ctx: Context, stmt: SyntaxNode): void {
  const parts = children(stmt);
  // Groups of nodes between `=` signs: every group but the last is a target list, the last is the value.
  const groups: SyntaxNode[][] = [[]];
  for (const p of parts) {
    if (p.name === 'AssignOp') groups.push([]);
    else if (p.name !== 'TypeDef') (groups[groups.length - 1] as SyntaxNode[]).push(p);
  }
  if (groups.length < 2) return; // a bare annotation (`x: int`) binds nothing
  const valueGroup = groups.pop() as SyntaxNode[];
  const value = evalList(ctx, valueGroup);
  for (const target of groups) assignTarget(ctx, target, value, stmt);
}

/** A comma-separated group is a tuple; a single node is its value. */
function evalList(ctx: Context, nodes: SyntaxNode[]): Value {
  const items = nodes.filter((n) => n.name !== ',');
  const hasComma = items.length !== nodes.length;
  if (!hasComma && items.length === 1) return evalExpr(ctx, items[0] as SyntaxNode);
  return seqOf(items.map((n) => evalExpr(ctx, n)));
}

function seqOf(values: Value[]): Value {
  for (const v of values) if (v.kind === 'unknown') return v;
  return { kind: 'seq', items: values as Literal[] };
}

function assignTarget(ctx: Context, nodes: SyntaxNode[], value: Value, stmt: SyntaxNode): void {
  const items = nodes.filter((n) => n.name !== ',');
  if (items.length === 1 && items.length === nodes.length) {
    const node = items[0] as SyntaxNode;
    if (node.name === 'VariableName') {
      bind(ctx, text(ctx, node), value, node);
      return;
    }
    if (node.name === 'TupleExpression' || node.name === 'ArrayExpression' || node.name === 'ParenthesizedExpression') {
      const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== '[' && c.name !== ']');
      if (node.name === 'ParenthesizedExpression') {
        assignTarget(ctx, inner, value, stmt);
        return;
      }
      unpack(
        ctx,
        inner.filter((n) => n.name !== ','),
        value,
        stmt,
      );
      return;
    }
    // `obj.attr = ...`, `d[k] = ...`: binds no module-level name we read.
    return;
  }
  unpack(ctx, items, value, stmt);
}

function unpack(ctx: Context, targets: SyntaxNode[], value: Value, stmt: SyntaxNode): void {
  const sequence =
    value.kind === 'seq'
      ? value.items
      : value.kind === 'str'
        ? [...value.value].map((ch): Literal => ({ kind: 'str', value: ch }))
        : null;
  if (sequence === null || sequence.length !== targets.length || targets.some((t) => t.name === 'StarExpression')) {
    const why = value.kind === 'unknown' ? value.reason : 'an unpacking Python would refuse or that needs Python';
    for (const t of targets) poisonTarget(ctx, t, why);
    return;
  }
  targets.forEach((t, i) => {
    assignTarget(ctx, [t], sequence[i] as Value, stmt);
  });
}

function poisonTarget(ctx: Context, node: SyntaxNode, reason: string): void {
  const out: { name: string; node: SyntaxNode }[] = [];
  collectTargets(ctx, node, out);
  for (const n of out) bind(ctx, n.name, unknown(reason), n.node);
}

function runIf(ctx: Context, stmt: SyntaxNode): void {
  const parts = children(stmt);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as SyntaxNode;
    if (p.name === 'if' || p.name === 'elif') {
      const cond = truth(evalExpr(ctx, parts[i + 1] as SyntaxNode));
      const body = parts[i + 2] as SyntaxNode;
      if (cond === null) {
        // Undecidable: whatever this or a later branch binds is unknown.
        const reason = 'assigned under an `if` whose condition needs Python to decide';
        const done = new Set<string>();
        for (const rest of parts.slice(i + 2)) {
          if (rest.name !== 'Body') continue;
          for (const name of boundNames(ctx, rest)) {
            if (!done.has(name.name)) bind(ctx, name.name, unknown(reason), name.node);
            done.add(name.name);
          }
        }
        return;
      }
      if (cond) {
        runBlock(ctx, body);
        return;
      }
      i += 2;
    } else if (p.name === 'else') {
      const body = parts[i + 1];
      if (body) runBlock(ctx, body);
      return;
    }
  }
}

/** Python truthiness of a known value; null when unknown. */
function truth(v: Value): boolean | null {
  switch (v.kind) {
    case 'none':
      return false;
    case 'bool':
      return v.value;
    case 'num':
      return v.value !== 0;
    case 'str':
      return v.value !== '';
    case 'seq':
      return v.items.length > 0;
    case 'module':
      return true;
    default:
      return null;
  }
}

function runTry(ctx: Context, stmt: SyntaxNode): void {
  const parts = children(stmt);
  const tryBody = parts[1];
  if (!tryBody) return;
  if (cannotRaise(ctx, tryBody)) {
    runBlock(ctx, tryBody);
    // Without an exception the `else` body runs too; `finally` always runs.
    for (let i = 2; i < parts.length; i++) {
      const p = parts[i] as SyntaxNode;
      if ((p.name === 'else' || p.name === 'finally') && parts[i + 1]) runBlock(ctx, parts[i + 1] as SyntaxNode);
    }
    return;
  }
  poison(ctx, stmt, 'assigned in a `try` statement whose outcome needs Python to decide');
}

/** A try body that only binds literals and imports resolved in this repository cannot raise. */
function cannotRaise(ctx: Context, body: SyntaxNode): boolean {
  for (const stmt of children(body)) {
    if (stmt.name === ':' || stmt.name === 'PassStatement') continue;
    if (stmt.name === 'ImportStatement') {
      if (importBindings(ctx, stmt).some((b) => b.value.kind === 'unknown')) return false;
      continue;
    }
    if (stmt.name === 'AssignStatement') {
      const parts = children(stmt);
      const value = parts[parts.length - 1] as SyntaxNode;
      if (evalExpr(ctx, value).kind === 'unknown') return false;
      continue;
    }
    return false;
  }
  return true;
}

/** The names an import statement binds and their values (modules, or constants from repository files). */
function importBindings(ctx: Context, stmt: SyntaxNode): { name: string; value: Value }[] {
  const parts = children(stmt);
  const out: { name: string; value: Value }[] = [];
  if (parts[0]?.name === 'from') {
    let i = 1;
    let module = '';
    while (i < parts.length && parts[i]?.name !== 'import') module += text(ctx, parts[i++] as SyntaxNode);
    i++;
    for (; i < parts.length; i++) {
      const p = parts[i] as SyntaxNode;
      if (p.name === '*') {
        // A star import may bind anything: names bound before it are no longer known.
        for (const name of [...ctx.env.keys()])
          bind(ctx, name, unknown(`may be rebound by \`from ${module} import *\``), p);
        for (const name of ['revision', 'down_revision', 'branch_labels', 'depends_on'])
          out.push({ name, value: unknown(`may be bound by \`from ${module} import *\``) });
        continue;
      }
      if (p.name !== 'VariableName') continue;
      const name = text(ctx, p);
      let as = name;
      if (parts[i + 1]?.name === 'as' && parts[i + 2]) {
        as = text(ctx, parts[i + 2] as SyntaxNode);
        i += 2;
      }
      out.push({ name: as, value: importedName(ctx, module, name) });
    }
    return out;
  }
  // import a.b.c [as x], d
  let dotted = '';
  for (let i = 1; i <= parts.length; i++) {
    const p = parts[i];
    if (p === undefined || p.name === ',') {
      if (dotted !== '')
        out.push({ name: dotted.split('.')[0] as string, value: moduleValue(ctx, dotted.split('.')[0] as string) });
      dotted = '';
      continue;
    }
    if (p.name === 'as') {
      const alias = parts[i + 1] as SyntaxNode;
      out.push({ name: text(ctx, alias), value: moduleValue(ctx, dotted) });
      dotted = '';
      i++;
      continue;
    }
    dotted += text(ctx, p);
  }
  return out;
}

// `typing.TYPE_CHECKING` is False when the module runs: the one standard-library constant revision files branch on.
const TYPING = 'typing';

function moduleValue(ctx: Context, dotted: string): Value {
  if (dotted === TYPING) return { kind: 'module', name: TYPING };
  if (ctx.lookup === null) return unknown(`imported from ${dotted}, which is itself an import (one level is followed)`);
  const found = ctx.lookup(dotted);
  if (found === null) return unknown(`module ${dotted} is not a file of this repository`);
  if ('missing' in found) return unknown(found.missing);
  return { kind: 'module', name: dotted };
}

/** `from module import name`: a constant bound in the module's file, or a submodule. */
function importedName(ctx: Context, module: string, name: string): Value {
  if (module === TYPING && name === 'TYPE_CHECKING') return { kind: 'bool', value: false };
  if (module.startsWith('.')) return unknown(`relative import from ${module} needs the package Python would load`);
  if (ctx.lookup === null) return unknown(`${module}.${name} is itself imported (one level of imports is followed)`);
  const found = ctx.lookup(module);
  if (found !== null && 'bindings' in found) {
    const binding = found.bindings.get(name);
    if (binding) return binding.value.kind === 'module' ? binding.value : binding.value;
  }
  const sub = ctx.lookup(`${module}.${name}`);
  if (sub !== null && 'bindings' in sub) return { kind: 'module', name: `${module}.${name}` };
  if (found === null) return unknown(`module ${module} is not a file of this repository`);
  if ('missing' in found) return unknown(found.missing);
  return unknown(`${module} binds no literal named ${name}`);
}

function evalExpr(ctx: Context, node: SyntaxNode): Value {
  switch (node.name) {
    case 'String':
    case 'ContinuedString':
    case 'FormatString':
      return evalString(ctx, node);
    case 'None':
      return { kind: 'none' };
    case 'Boolean':
      return { kind: 'bool', value: text(ctx, node) === 'True' };
    case 'Number': {
      const n = Number(text(ctx, node).replace(/_/g, ''));
      return Number.isNaN(n) ? unknown(`number ${text(ctx, node)}`) : { kind: 'num', value: n };
    }
    case 'VariableName': {
      const name = text(ctx, node);
      const bound = ctx.env.get(name);
      if (bound) return bound.value;
      if (name === 'TYPE_CHECKING') return unknown('TYPE_CHECKING is only known when imported from typing');
      return unknown(`name ${name} is not bound to a literal earlier in the file`);
    }
    case 'ParenthesizedExpression': {
      const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')');
      return evalList(ctx, inner);
    }
    case 'TupleExpression':
    case 'ArrayExpression':
    case 'SetExpression': {
      const items = children(node).filter((c) => !['(', ')', '[', ']', '{', '}', ','].includes(c.name));
      return seqOf(items.map((c) => evalExpr(ctx, c)));
    }
    case 'MemberExpression':
      return evalMember(ctx, node);
    case 'CallExpression':
      return evalCall(ctx, node);
    case 'BinaryExpression':
      return evalBinary(ctx, node);
    case 'UnaryExpression': {
      const [op, operand] = children(node);
      if (op?.name === 'not' && operand) {
        const t = truth(evalExpr(ctx, operand));
        return t === null ? unknown('`not` of an unknown value') : { kind: 'bool', value: !t };
      }
      return unknown(`${text(ctx, node)} needs Python to evaluate`);
    }
    case 'ConditionalExpression': {
      const [yes, , cond, , no] = children(node);
      if (!yes || !cond || !no) return unknown('incomplete conditional expression');
      const t = truth(evalExpr(ctx, cond));
      if (t === null) return unknown('a conditional expression whose condition needs Python to decide');
      return evalExpr(ctx, t ? yes : no);
    }
    default:
      return unknown(`${short(text(ctx, node))} needs Python to evaluate`);
  }
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

function evalString(ctx: Context, node: SyntaxNode): Value {
  if (node.name === 'ContinuedString') {
    let value = '';
    for (const part of children(node)) {
      const v = evalString(ctx, part);
      if (v.kind !== 'str') return v;
      value += v.value;
    }
    return { kind: 'str', value };
  }
  const raw = text(ctx, node);
  if (node.name === 'FormatString') {
    const fields = children(node).filter((c) => c.name === 'FormatReplacement');
    if (fields.length === 0)
      return {
        kind: 'str',
        value: decodeStringLiteral(raw.replace(/^[fF]|(?<=^[rR])[fF]/, '').replace(/^([rR]?)[fF]/, '$1'))
          .value.replace(/\{\{/g, '{')
          .replace(/\}\}/g, '}'),
      };
    return fString(ctx, node, raw, fields);
  }
  const decoded = decodeStringLiteral(raw);
  if (decoded.prefix.includes('b')) return unknown('bytes are not a revision identifier');
  return { kind: 'str', value: decoded.value };
}

/** An f-string whose fields are names or literals holding strings, without conversions or format specs. */
function fString(ctx: Context, node: SyntaxNode, raw: string, fields: SyntaxNode[]): Value {
  let out = '';
  let pos = node.from;
  const prefixLength = /^[a-zA-Z]*/.exec(raw)?.[0].length ?? 0;
  const quote = raw.slice(prefixLength, prefixLength + 3) === raw[prefixLength]?.repeat(3) ? 3 : 1;
  pos += prefixLength + quote;
  const end = node.to - quote;
  for (const field of fields) {
    out += ctx.src.slice(pos, field.from).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    const inner = children(field).filter((c) => c.name !== '{' && c.name !== '}');
    if (inner.length !== 1) return unknown(`f-string field ${text(ctx, field)} needs Python to evaluate`);
    const v = evalExpr(ctx, inner[0] as SyntaxNode);
    if (v.kind !== 'str')
      return v.kind === 'unknown' ? v : unknown(`f-string field ${text(ctx, field)} is not a string`);
    out += v.value;
    pos = field.to;
  }
  out += ctx.src.slice(pos, end).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  if (out.includes('\\')) return unknown('an f-string with escapes needs Python to evaluate');
  return { kind: 'str', value: out };
}

function evalMember(ctx: Context, node: SyntaxNode): Value {
  const [base, , prop] = children(node);
  if (!base || !prop) return unknown(`${short(text(ctx, node))} needs Python to evaluate`);
  const owner = evalExpr(ctx, base);
  if (owner.kind === 'unknown') return owner;
  if (owner.kind !== 'module') return unknown(`${short(text(ctx, node))} needs Python to evaluate`);
  const name = text(ctx, prop);
  if (owner.name === TYPING && name === 'TYPE_CHECKING') return { kind: 'bool', value: false };
  const found = ctx.lookup?.(owner.name);
  if (found && 'bindings' in found) {
    const binding = found.bindings.get(name);
    if (binding) return binding.value;
  }
  const sub = ctx.lookup?.(`${owner.name}.${name}`);
  if (sub && 'bindings' in sub) return { kind: 'module', name: `${owner.name}.${name}` };
  return unknown(`${owner.name} binds no literal named ${name}`);
}

function evalCall(ctx: Context, node: SyntaxNode): Value {
  const [callee, args] = children(node);
  const name = callee?.name === 'VariableName' ? text(ctx, callee) : '';
  if (!BUILTIN_CONVERSIONS.has(name) || ctx.env.has(name) || !args) {
    return unknown(`the call ${short(text(ctx, node))} needs Python to evaluate`);
  }
  const list = children(args).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',');
  if (list.length === 0) return name === 'str' ? { kind: 'str', value: '' } : { kind: 'seq', items: [] };
  if (list.length !== 1) return unknown(`the call ${short(text(ctx, node))} needs Python to evaluate`);
  const v = evalExpr(ctx, list[0] as SyntaxNode);
  if (v.kind === 'unknown') return v;
  if (name === 'str') return v.kind === 'str' ? v : unknown(`str() of a non-string in ${short(text(ctx, node))}`);
  if (v.kind === 'seq') return v;
  if (v.kind === 'str') return { kind: 'seq', items: [...v.value].map((ch): Literal => ({ kind: 'str', value: ch })) };
  return unknown(`${name}() of ${short(text(ctx, list[0] as SyntaxNode))} needs Python to evaluate`);
}

function evalBinary(ctx: Context, node: SyntaxNode): Value {
  const [left, op, right] = children(node);
  if (!left || !op || !right) return unknown(`${short(text(ctx, node))} needs Python to evaluate`);
  const opText = text(ctx, op);
  const a = evalExpr(ctx, left);
  const b = evalExpr(ctx, right);
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  if (opText === '+' && a.kind === 'str' && b.kind === 'str') return { kind: 'str', value: a.value + b.value };
  if (opText === '+' && a.kind === 'seq' && b.kind === 'seq') return { kind: 'seq', items: [...a.items, ...b.items] };
  if (
    (opText === '==' || opText === '!=') &&
    (a.kind === 'str' || a.kind === 'none') &&
    (b.kind === 'str' || b.kind === 'none')
  ) {
    const same =
      a.kind === b.kind && (a.kind === 'none' || (a as { value: string }).value === (b as { value: string }).value);
    return { kind: 'bool', value: opText === '==' ? same : !same };
  }
  return unknown(`${short(text(ctx, node))} needs Python to evaluate`);
}
