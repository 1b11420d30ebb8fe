// Small readers over @lezer/python's syntax tree: literals, dotted callee names and call arguments. A value that is
// not a literal reads as undefined, so callers report it as unreadable instead of guessing.
import type { SyntaxNode } from '@lezer/common';

export interface SourceText {
  text: string;
  /** 1-based line of an offset. */
  lineAt(offset: number): number;
}

export function sourceText(text: string): SourceText {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    text,
    lineAt(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

/**
 * The source text of a node, as a string of its own. V8 answers a slice of 13 characters or more with a view into the
 * whole file; a table name or a call kept in a finding would then keep every linted file's text alive until the end
 * of `lint --all` (~10 MB on 2,000 revisions). Adding a character and slicing it off again copies the text.
 */
export const textOf = (src: SourceText, node: SyntaxNode): string =>
  node.to - node.from < 13 ? src.text.slice(node.from, node.to) : `${src.text.slice(node.from, node.to)} `.slice(0, -1);

/** Children of a node, tokens included. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** `op.create_index` → "op.create_index"; `op.get_context().autocommit_block` → undefined (not a plain name). */
export function dottedName(src: SourceText, node: SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  if (node.name === 'VariableName') return textOf(src, node);
  if (node.name === 'MemberExpression') {
    const object = node.firstChild;
    const property = node.lastChild;
    if (!object || property?.name !== 'PropertyName') return undefined;
    const left = dottedName(src, object);
    return left === undefined ? undefined : `${left}.${textOf(src, property)}`;
  }
  return undefined;
}

export interface CallArgs {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** `*args` or `**kwargs` present: the arguments cannot be known statically. */
  starred: boolean;
}

/** Arguments of a CallExpression's ArgList. */
export function callArgs(src: SourceText, call: SyntaxNode): CallArgs {
  const args: CallArgs = { positional: [], keywords: new Map(), starred: false };
  const list = call.getChild('ArgList');
  if (!list) return args;
  const parts = children(list);
  for (let i = 0; i < parts.length; i++) {
    const node = parts[i] as SyntaxNode;
    if (node.name === '(' || node.name === ')' || node.name === ',') continue;
    if (node.name === '*' || node.name === '**') {
      args.starred = true;
      i++;
      continue;
    }
    const next = parts[i + 1];
    if (node.name === 'VariableName' && next?.name === 'AssignOp') {
      const value = parts[i + 2];
      if (value) args.keywords.set(textOf(src, node), value);
      i += 2;
      continue;
    }
    args.positional.push(node);
  }
  return args;
}

/** Argument by keyword, or else by position. */
export function arg(args: CallArgs, position: number, keyword: string): SyntaxNode | undefined {
  return args.keywords.get(keyword) ?? args.positional[position];
}

/** The value of a string literal (implicit concatenation included); undefined for anything else, f-strings too. */
export function stringLiteral(src: SourceText, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.name === 'ContinuedString') {
    let out = '';
    for (const part of children(node)) {
      const value = stringLiteral(src, part);
      if (value === undefined) return undefined;
      out += value;
    }
    return out;
  }
  if (node.name !== 'String') return undefined;
  const raw = textOf(src, node);
  const prefix = /^[A-Za-z]*/.exec(raw)?.[0] ?? '';
  if (/[fF]/.test(prefix)) return undefined;
  const body = raw.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  const inner = body.slice(quote.length, body.length - quote.length);
  return /[rR]/.test(prefix) ? inner : unescapePython(inner);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function unescapePython(s: string): string {
  return s.replace(/\\(\r?\n|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (m, c: string) => {
    if (c.startsWith('\n') || c.startsWith('\r')) return '';
    if (c.length > 1) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    return ESCAPES[c] ?? m;
  });
}

/** True/False literal; undefined otherwise. */
export function boolLiteral(src: SourceText, node: SyntaxNode | undefined): boolean | undefined {
  if (node?.name !== 'Boolean') return undefined;
  return textOf(src, node) === 'True';
}

export function numberLiteral(src: SourceText, node: SyntaxNode | undefined): number | undefined {
  if (node?.name !== 'Number') return undefined;
  const n = Number(textOf(src, node).replaceAll('_', ''));
  return Number.isFinite(n) ? n : undefined;
}

export const isNone = (src: SourceText, node: SyntaxNode | undefined): boolean =>
  node?.name === 'None' || (node !== undefined && textOf(src, node) === 'None');

/** The callee's last name part: `sa.Column(...)` → "Column"; undefined when not a call of a plain name. */
export function calleeName(src: SourceText, node: SyntaxNode | undefined): string | undefined {
  if (node?.name !== 'CallExpression') return undefined;
  const name = dottedName(src, node.firstChild);
  return name?.slice(name.lastIndexOf('.') + 1);
}
