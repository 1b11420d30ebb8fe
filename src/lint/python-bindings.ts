// What a name in a revision file is bound to, as far as the file alone decides it: Alembic's `op` (under any alias),
// one of its methods kept as a value, a batch, a function, lambda or class of the file, or something the lint does
// not follow (an import from another module). The reader follows calls through these bindings and reports as
// unreadable whatever runs code it cannot see.
import type { SyntaxNode } from '@lezer/common';
import type { TableRef } from './operation.js';
import { children, type SourceText, stringLiteral, textOf } from './python-syntax.js';

export type Binding =
  | { kind: 'op' }
  /** `op.drop_table` kept as a value (`f = op.drop_table`, `getattr(op, "drop_table")`). */
  | { kind: 'op-method'; method: string }
  /** `with op.batch_alter_table("t") as b:` → b. */
  | { kind: 'batch'; table: TableRef | null }
  /** A FunctionDefinition or LambdaExpression of the file, with the scope it closes over. */
  | { kind: 'function'; node: SyntaxNode; env: Env; name: string; bindFirst?: Binding }
  /** A function wrapped by a decorator of the file we follow: calling it runs the decorator's body on it. */
  | { kind: 'decorated'; decorator: Binding & { kind: 'function' }; inner: Binding }
  | { kind: 'class'; node: SyntaxNode; name: string; methods: Map<string, Binding> }
  | { kind: 'instance'; of: Binding & { kind: 'class' } }
  /** A module or a name imported from one the lint does not follow. */
  | { kind: 'foreign'; module: string }
  /** A module whose functions cannot reach the database (sqlalchemy's constructors, pure standard library). */
  | { kind: 'inert' }
  /** Bound to something we could not resolve; `what` and `line` say what, for upgrade's message. */
  | { kind: 'unknown'; what: string; line: number };

/** A scope: names bound in one function body (or the module), then its enclosing scope. */
export interface Env {
  names: Map<string, Binding[]>;
  parent: Env | null;
}

export const childEnv = (parent: Env | null): Env => ({ names: new Map(), parent });

export function lookup(env: Env, name: string): Binding[] {
  for (let e: Env | null = env; e; e = e.parent) {
    const found = e.names.get(name);
    if (found) return found;
  }
  // A revision that uses `op` without importing it still means Alembic's op (Alembic injects nothing else).
  return name === 'op' ? [{ kind: 'op' }] : [];
}

/**
 * Binds a name in this scope. A statement run unconditionally replaces the binding; one under if/for/while/try adds
 * to it, so a name that may hold either value is followed as both (fail closed).
 */
export function bind(env: Env, name: string, value: Binding[], conditional: boolean): void {
  if (value.length === 0) return;
  const before = conditional ? (env.names.get(name) ?? []) : [];
  env.names.set(name, [...before, ...value]);
}

// Modules whose calls cannot run a migration's SQL: what a revision file normally imports. Everything else imported
// is "another module" whose code the lint does not read; calling into it is unreadable.
const INERT_MODULES = new Set([
  '__future__',
  'sqlalchemy',
  'sqlmodel',
  'geoalchemy2',
  'sqlalchemy_utils',
  'datetime',
  'decimal',
  'enum',
  'uuid',
  'json',
  're',
  'typing',
  'typing_extensions',
  'collections',
  'dataclasses',
  'functools',
  'itertools',
  'logging',
  'math',
  'string',
  'textwrap',
]);

/**
 * `alembic.op` however imported is op (`import alembic.op as o`, `from alembic.op import drop_table as dt`); the
 * package itself (`import alembic`, then `alembic.op.…`) is not followed, so calls through it are unreadable; other
 * alembic.* submodules are inert.
 */
function importedBinding(module: string, name: string | null): Binding {
  const top = module.split('.')[0] ?? module;
  if ((module === 'alembic' && name === 'op') || (module === 'alembic.op' && name === null)) return { kind: 'op' };
  if (module === 'alembic.op' && name !== null) return { kind: 'op-method', method: name };
  if (module === 'alembic' && name === null) return { kind: 'foreign', module };
  if (top === 'alembic' || INERT_MODULES.has(top)) return { kind: 'inert' };
  return { kind: 'foreign', module: name ? `${module}.${name}` : module };
}

/** The bindings an ImportStatement makes: `import a.b as c`, `import a.b`, `from a import b as c, d`. */
export function importBindings(src: SourceText, node: SyntaxNode): Array<[string, Binding]> {
  const parts = children(node);
  const out: Array<[string, Binding]> = [];
  if (parts[0]?.name === 'from') {
    const importAt = parts.findIndex((p) => p.name === 'import');
    const module = parts
      .slice(1, importAt)
      .map((p) => textOf(src, p))
      .join('');
    for (let i = importAt + 1; i < parts.length; i++) {
      const part = parts[i] as SyntaxNode;
      if (part.name !== 'VariableName') continue;
      const name = textOf(src, part);
      const alias = parts[i + 1]?.name === 'as' ? parts[i + 2] : undefined;
      if (alias) i += 2;
      out.push([alias ? textOf(src, alias) : name, importedBinding(module, name)]);
    }
    return out;
  }
  // import a.b as c, d
  let dotted: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const part = parts[i];
    if (part === undefined || part.name === ',') {
      if (dotted.length) out.push([dotted[0] as string, importedBinding(dotted[0] as string, null)]);
      dotted = [];
      continue;
    }
    if (part.name === 'VariableName') dotted.push(textOf(src, part));
    if (part.name === 'as') {
      const alias = parts[i + 1];
      if (alias) out.push([textOf(src, alias), importedBinding(dotted.join('.'), null)]);
      dotted = [];
      i++;
    }
  }
  return out;
}

/** The class's methods: plain, @staticmethod and @classmethod (cls bound to the class). */
export function classBinding(src: SourceText, node: SyntaxNode, env: Env): Binding & { kind: 'class' } {
  const name = textOf(src, node.getChild('VariableName') ?? node);
  const cls: Binding & { kind: 'class' } = { kind: 'class', node, name, methods: new Map() };
  for (const stmt of children(node.getChild('Body') ?? node)) {
    const def = stmt.name === 'DecoratedStatement' ? stmt.getChild('FunctionDefinition') : stmt;
    if (def?.name !== 'FunctionDefinition') continue;
    const decorators =
      stmt.name === 'DecoratedStatement' ? stmt.getChildren('Decorator').map((d) => textOf(src, d)) : [];
    const method = textOf(src, def.getChild('VariableName') ?? def);
    const classMethod = decorators.some((d) => /^@classmethod\b/.test(d));
    cls.methods.set(method, {
      kind: 'function',
      node: def,
      env,
      name: `${name}.${method}`,
      ...(classMethod ? { bindFirst: cls } : {}),
    });
  }
  return cls;
}

/** Parameter names of a FunctionDefinition or LambdaExpression, in order; `*`/`**` ones are left out. */
export function paramNames(src: SourceText, fn: SyntaxNode): string[] {
  const list = fn.getChild('ParamList');
  if (!list) return [];
  const names: string[] = [];
  const parts = children(list);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as SyntaxNode;
    const previous = parts[i - 1]?.name;
    if (part.name === 'VariableName' && previous !== 'AssignOp' && previous !== '*' && previous !== '**')
      names.push(textOf(src, part));
  }
  return names;
}

/** `getattr(x, "name")` → [x, "name"]; the name is undefined when it is not a literal. */
export function getattrParts(
  src: SourceText,
  call: SyntaxNode,
): { object: SyntaxNode | undefined; name: string | undefined } | null {
  const callee = call.firstChild;
  if (call.name !== 'CallExpression' || callee?.name !== 'VariableName' || textOf(src, callee) !== 'getattr')
    return null;
  const args = children(call.getChild('ArgList') ?? call).filter((n) => !['(', ')', ','].includes(n.name));
  return { object: args[0], name: stringLiteral(src, args[1]) };
}
