// The `lint:` block of `.schema-drift.yml` (or `"lint": {…}` in its JSON form), in the same YAML subset as the
// ignore rules (src/drift/ignore-rules.ts):
//
//   lint:
//     rules:
//       drop-column: error            # off | error | warning | notice | on (the rule's own grading)
//       missing-lock-timeout: off
//     ignore:
//       - file: migrations/versions/2024_*.py   # glob on the repository-relative path; required
//         rule: drop-table                      # a rule id or * ; required
//         reason: "archived table, data exported to S3"   # required
//         expires: 2026-06-30                   # optional YYYY-MM-DD, inclusive
//
// Anything else is refused with its line number, like the rest of the file.
import { globMatches } from '../catalog/snapshot.js';
import { isDate, scalar, stripComment } from '../drift/ignore-rules.js';
import type { Severity } from '../migrations/finding.js';
import { RULE_IDS } from './rules.js';

export type RuleSetting = 'off' | 'on' | Severity;

export interface LintFileIgnore {
  file: string;
  rule: string;
  reason: string;
  expires?: string;
  /** Where it was written, for the expiry warning. */
  source: string;
  line?: number;
}

export interface LintConfig {
  rules: Map<string, RuleSetting>;
  ignores: LintFileIgnore[];
}

export const EMPTY_LINT_CONFIG: LintConfig = { rules: new Map(), ignores: [] };

const SETTINGS = new Set(['off', 'on', 'error', 'warning', 'notice']);
const IGNORE_FIELDS = new Set(['file', 'rule', 'reason', 'expires']);

type Fail = (line: number | undefined, message: string) => never;

/** Reads the `lint:` block; an absent block is the empty config. Throws naming the file and line. */
export function parseLintConfig(text: string, file: string): LintConfig {
  const fail: Fail = (line, message) => {
    throw new Error(`Could not read the lint configuration "${file}"${line ? ` line ${line}` : ''}: ${message}`);
  };
  if (text.trimStart().startsWith('{')) return fromJson(text, file, fail);
  const config: LintConfig = { rules: new Map(), ignores: [] };
  let inLint = false;
  let section: 'rules' | 'ignore' | null = null;
  let item: { fields: Record<string, string>; line: number } | null = null;
  let itemIndent = -1;
  const items: { fields: Record<string, string>; line: number }[] = [];
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const content = stripComment(rawLine, line, fail).trimEnd();
    if (content.trim() === '') continue;
    const indent = content.length - content.trimStart().length;
    const body = content.trim();
    if (indent === 0) {
      inLint = /^lint:\s*$/.test(body);
      section = null;
      continue;
    }
    if (!inLint) continue;
    if (indent === 2) {
      const key = /^(rules|ignore):\s*(\[\]|\{\})?$/.exec(body);
      if (!key) fail(line, `expected "rules:" or "ignore:" under "lint:", found ${JSON.stringify(body)}`);
      section = key[1] as 'rules' | 'ignore';
      item = null;
      continue;
    }
    if (section === 'rules') {
      const pair = /^([a-z-]+):\s*(.*)$/.exec(body);
      if (indent !== 4 || !pair)
        fail(line, `expected "rule-id: setting" under "rules:", found ${JSON.stringify(body)}`);
      setRule(config, pair[1] ?? '', scalar(pair[2] ?? '', line, fail), line, fail);
      continue;
    }
    if (section !== 'ignore') fail(line, 'indented line outside "rules:" or "ignore:"');
    let rest = body;
    if (body.startsWith('- ')) {
      item = { fields: {}, line };
      items.push(item);
      itemIndent = indent + 2;
      rest = body.slice(2).trim();
    } else if (!item || indent !== itemIndent) {
      fail(line, 'expected "- key: value" or a key aligned with the item above');
    }
    const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(rest);
    if (!pair || !item) fail(line, `expected "key: value", found ${JSON.stringify(rest)}`);
    const key = pair[1] ?? '';
    if (key in item.fields) fail(line, `"${key}" given twice`);
    item.fields[key] = scalar(pair[2] ?? '', line, fail);
  }
  for (const { fields, line } of items) config.ignores.push(fileIgnore(fields, file, line, fail));
  return config;
}

function fromJson(text: string, file: string, fail: Fail): LintConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(undefined, `not valid JSON (${(error as Error).message})`);
  }
  const config: LintConfig = { rules: new Map(), ignores: [] };
  const lint = (value as { lint?: unknown }).lint;
  if (lint === undefined) return config;
  if (!lint || typeof lint !== 'object') return fail(undefined, '"lint" is not an object');
  const { rules = {}, ignore = [], ...rest } = lint as { rules?: unknown; ignore?: unknown };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) fail(undefined, `unknown key lint.${extra} (expected rules, ignore)`);
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) fail(undefined, '"lint.rules" is not an object');
  for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
    if (typeof setting !== 'string') fail(undefined, `lint.rules.${id} is not a string`);
    setRule(config, id, setting as string, undefined, fail);
  }
  if (!Array.isArray(ignore)) return fail(undefined, '"lint.ignore" is not a list');
  ignore.forEach((item, i) => {
    const fields = item as Record<string, unknown>;
    if (!item || typeof item !== 'object' || Object.values(fields).some((v) => typeof v !== 'string'))
      fail(undefined, `lint.ignore[${i}] is not an object of strings`);
    config.ignores.push(fileIgnore(fields as Record<string, string>, file, undefined, fail, `lint.ignore[${i}]: `));
  });
  return config;
}

function setRule(config: LintConfig, id: string, setting: string, line: number | undefined, fail: Fail): void {
  if (!(RULE_IDS as readonly string[]).includes(id))
    fail(line, `unknown lint rule "${id}" (expected one of ${RULE_IDS.join(', ')})`);
  if (!SETTINGS.has(setting)) fail(line, `lint rule ${id}: "${setting}" is not off, on, error, warning or notice`);
  config.rules.set(id, setting as RuleSetting);
}

function fileIgnore(
  fields: Record<string, string>,
  file: string,
  line: number | undefined,
  fail: Fail,
  label = '',
): LintFileIgnore {
  for (const key of Object.keys(fields)) {
    if (!IGNORE_FIELDS.has(key))
      fail(line, `${label}unknown field "${key}" (expected ${[...IGNORE_FIELDS].join(', ')})`);
  }
  if (!fields.file) fail(line, `${label}"file" is required`);
  if (!fields.rule) fail(line, `${label}"rule" is required (a rule id or *)`);
  if (fields.rule !== '*' && !(RULE_IDS as readonly string[]).includes(fields.rule ?? ''))
    fail(line, `${label}unknown lint rule "${fields.rule}"`);
  if (!fields.reason) fail(line, `${label}"reason" is required: say why this migration is accepted`);
  if (fields.expires !== undefined && !isDate(fields.expires))
    fail(line, `${label}expires "${fields.expires}" is not a date YYYY-MM-DD`);
  return {
    file: fields.file ?? '',
    rule: fields.rule ?? '',
    reason: fields.reason ?? '',
    ...(fields.expires ? { expires: fields.expires } : {}),
    source: file,
    ...(line ? { line } : {}),
  };
}

/** The active file ignore covering `rule` in `file` on `day` (YYYY-MM-DD), if any. */
export function fileIgnoreFor(config: LintConfig, file: string, rule: string, day: string): LintFileIgnore | undefined {
  return config.ignores.find(
    (i) =>
      (i.rule === '*' || i.rule === rule) && (i.expires === undefined || i.expires >= day) && globMatches(i.file, file),
  );
}
