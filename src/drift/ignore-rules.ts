// Ignore rules from `.schema-drift.yml` (or the same content as JSON). No YAML library ships with the action, so
// the file is read in a documented subset of YAML:
//
//   # comments and blank lines are ignored
//   ignore:
//     - object: public.audit_log*      # glob (* and ?) on the dotted raw name; required
//       kind: index                    # one object kind, or * (default *)
//       attribute: comment             # optional: only differences in this attribute
//       reason: "DBA-managed index"    # required: why this drift is accepted
//       expires: 2026-06-30            # optional YYYY-MM-DD: the rule applies through this day
//
// Values are plain scalars or quoted ("..." with \" \\ \n escapes, or '...' with '' for a quote). Anything else —
// nested maps, flow collections, anchors, multi-line scalars — is refused with its line number. A file starting
// with `{` is read as JSON: {"ignore": [{"object": ..., "kind": ..., "reason": ..., "expires": ...}]}.
import { OBJECT_KINDS } from '../catalog/model.js';
import { globMatches } from '../catalog/snapshot.js';
import type { Finding } from '../migrations/finding.js';
import type { StructureDifference } from './structure.js';

export interface IgnoreRule {
  object: string;
  kind: string;
  attribute?: string;
  reason: string;
  /** YYYY-MM-DD, inclusive. */
  expires?: string;
  /** Where the rule was written, for warnings. */
  file?: string;
  line?: number;
}

export interface IgnoredDifference {
  difference: StructureDifference;
  rule: Pick<IgnoreRule, 'object' | 'kind' | 'attribute' | 'reason' | 'expires'>;
}

const FIELDS = new Set(['object', 'kind', 'attribute', 'reason', 'expires']);

/** Parses `.schema-drift.yml` (subset above) or its JSON form; throws naming the file and line. */
export function parseIgnoreRules(text: string, file: string): IgnoreRule[] {
  const fail: (line: number | undefined, message: string) => never = (line, message) => {
    throw new Error(`Could not read ignore rules "${file}"${line ? ` line ${line}` : ''}: ${message}`);
  };
  const entries: { fields: Record<string, string>; line: number }[] = [];
  if (text.trimStart().startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail(undefined, `not valid JSON (${(error as Error).message})`);
    }
    const list = (value as { ignore?: unknown }).ignore ?? [];
    if (!Array.isArray(list)) return fail(undefined, '"ignore" is not a list');
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) fail(undefined, `ignore[${i}] is not an object`);
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(undefined, `ignore[${i}].${k} is not a string`);
        fields[k] = v as string;
      }
      entries.push({ fields, line: 0 });
    });
  } else {
    let inIgnore = false;
    let inLint = false;
    let current: { fields: Record<string, string>; line: number } | undefined;
    let itemIndent = -1;
    for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
      const line = index + 1;
      const content = stripComment(rawLine, line, fail).trimEnd();
      if (content.trim() === '') continue;
      const indent = content.length - content.trimStart().length;
      const body = content.trim();
      if (indent === 0) {
        const top = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(body);
        if (!top) fail(line, `expected "key:" at the top level, found ${JSON.stringify(body)}`);
        inIgnore = top[1] === 'ignore';
        // The `lint:` block belongs to src/lint/config.ts, which reads it with its own parser.
        inLint = top[1] === 'lint';
        if (inIgnore && top[2] !== '' && top[2] !== '[]')
          fail(line, '"ignore:" must be followed by a list of "- " items');
        if (!inIgnore && !inLint) fail(line, `unknown top-level key "${top[1]}" (only "ignore" and "lint" are read)`);
        current = undefined;
        continue;
      }
      if (inLint) continue;
      if (!inIgnore) fail(line, 'indented line outside "ignore:"');
      let rest = body;
      if (body.startsWith('- ') || body === '-') {
        current = { fields: {}, line };
        entries.push(current);
        itemIndent = indent + 2;
        rest = body.slice(1).trim();
        if (rest === '') continue;
      } else if (!current || indent !== itemIndent) {
        fail(line, 'expected "- key: value" or a key aligned with the item above');
      }
      const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(rest);
      if (!pair || !current) fail(line, `expected "key: value", found ${JSON.stringify(rest)}`);
      const key = pair[1] ?? '';
      if (key in current.fields) fail(line, `"${key}" given twice`);
      current.fields[key] = scalar(pair[2] ?? '', line, fail);
    }
  }

  return entries.map(({ fields, line }, i) => {
    const where = line || undefined;
    const label = line ? '' : `ignore[${i}]: `;
    for (const key of Object.keys(fields)) {
      if (!FIELDS.has(key)) fail(where, `${label}unknown field "${key}" (expected ${[...FIELDS].join(', ')})`);
    }
    if (!fields.object) fail(where, `${label}"object" is required`);
    if (!fields.reason) fail(where, `${label}"reason" is required: say why this drift is accepted`);
    const kind = fields.kind ?? '*';
    if (kind !== '*' && !(OBJECT_KINDS as readonly string[]).includes(kind)) {
      fail(where, `${label}unknown kind "${kind}" (expected * or one of ${OBJECT_KINDS.join(', ')})`);
    }
    if (fields.expires !== undefined && !isDate(fields.expires)) {
      fail(where, `${label}expires "${fields.expires}" is not a date YYYY-MM-DD`);
    }
    return {
      object: fields.object ?? '',
      kind,
      ...(fields.attribute ? { attribute: fields.attribute } : {}),
      reason: fields.reason ?? '',
      ...(fields.expires ? { expires: fields.expires } : {}),
      file,
      ...(line ? { line } : {}),
    };
  });
}

export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function stripComment(line: string, n: number, fail: (line: number, m: string) => never): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
    else if (c === '\t' && line.slice(0, i).trim() === '') fail(n, 'tabs are not allowed for indentation');
  }
  return line;
}

export function scalar(raw: string, line: number, fail: (line: number, m: string) => never): string {
  const value = raw.trim();
  if (value.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(value)) return fail(line, `unterminated or malformed string ${value}`);
    return value.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  if (value.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(value)) return fail(line, `unterminated or malformed string ${value}`);
    return value.slice(1, -1).replaceAll("''", "'");
  }
  if (/^[[{&*!|>]/.test(value)) return fail(line, `unsupported YAML value ${value} (use a plain or quoted string)`);
  return value;
}

function ruleMatches(rule: IgnoreRule, d: StructureDifference): boolean {
  if (rule.kind !== '*' && rule.kind !== d.kind) return false;
  if (rule.attribute !== undefined && rule.attribute !== d.attribute) return false;
  return globMatches(rule.object, d.path.join('.'));
}

/** Splits differences into kept and ignored; expired rules do not apply and each becomes a warning. */
export function applyIgnoreRules(
  differences: StructureDifference[],
  rules: readonly IgnoreRule[],
  today: Date,
): { kept: StructureDifference[]; ignored: IgnoredDifference[]; warnings: Finding[] } {
  const day = today.toISOString().slice(0, 10);
  const active = rules.filter((r) => r.expires === undefined || r.expires >= day);
  const warnings: Finding[] = rules
    .filter((r) => r.expires !== undefined && r.expires < day)
    .map((r) => ({
      severity: 'warning',
      kind: 'expired-ignore-rule',
      message: `Ignore rule for ${r.kind === '*' ? '' : `${r.kind} `}"${r.object}" expired on ${r.expires} and no longer applies (reason was: ${r.reason})`,
      ...(r.file ? { file: r.file } : {}),
      ...(r.line ? { line: r.line } : {}),
    }));
  const kept: StructureDifference[] = [];
  const ignored: IgnoredDifference[] = [];
  for (const d of differences) {
    const rule = active.find((r) => ruleMatches(r, d));
    if (!rule) kept.push(d);
    else {
      const { object, kind, attribute, reason, expires } = rule;
      ignored.push({
        difference: d,
        rule: { object, kind, reason, ...(attribute ? { attribute } : {}), ...(expires ? { expires } : {}) },
      });
    }
  }
  return { kept, ignored, warnings };
}
