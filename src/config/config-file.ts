// The `targets:` list of the config file (input `config`, default `.schema-drift.yml`): a fleet. Read with a real YAML
// parser (JSON is YAML too); the `ignore:` and `lint:` blocks of the same file are read by their own parsers, which
// skip this one. Keys are the action's input names; the step's inputs are the defaults for every target.
// A URL is never written in the file: the route names the environment variable (a secret) that holds it.
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { TargetSpec } from '../fleet/model.js';
import { ConfigError } from './config.js';

/** Input names a target may override, as written in the file. */
export const TARGET_INPUT_KEYS = [
  'environment',
  'migrations',
  'ini-section',
  'version-locations',
  'version-table',
  'version-table-schema',
  'structure-expected',
  'snapshot-file',
  'lambda-function',
  'lambda-qualifier',
  'lambda-payload-template',
  'lambda-rows-path',
  'aws-region',
  'role-to-assume',
] as const;

const OTHER_KEYS = ['name', 'database-url-env', 'discover'] as const;

/** Target names are key segments of the report store: no slash, no `..`, at most 100 characters. */
export const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function targetNameProblem(name: string): string | null {
  if (!TARGET_NAME.test(name)) return 'letters, digits, ".", "_" or "-", at most 100, starting alphanumeric';
  if (name.includes('..')) return 'must not contain ".."';
  return null;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

// Numbers and booleans are what YAML makes of `version-table: 2024` or `aws-region: no`; the inputs are text.
const scalarText = z
  .union([z.string(), z.number(), z.boolean()], 'a string')
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1, 'must not be empty'));

const discoverSchema = z
  .object(
    {
      schemas: z.string().trim().min(1, 'a LIKE pattern, e.g. tenant_%').optional(),
      databases: z.string().trim().min(1, 'a LIKE pattern, e.g. tenant_%').optional(),
    },
    'a map: {schemas: PATTERN} or {databases: PATTERN}',
  )
  .strict()
  .refine((d) => (d.schemas === undefined) !== (d.databases === undefined), 'exactly one of "schemas" or "databases"')
  .transform(
    (d): NonNullable<TargetSpec['discover']> =>
      d.schemas !== undefined ? { schemas: d.schemas } : { databases: d.databases as string },
  );

/** Reads the `targets:` list; null when the file has none (not a fleet). Throws ConfigError naming file, target, key. */
export function parseConfigFileTargets(text: string, file: string): TargetSpec[] | null {
  const fail = (message: string): never => {
    throw new ConfigError(`Invalid config file "${file}": ${message}`, ['config']);
  };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const at = first?.linePos?.[0];
    fail(`${at ? `line ${at.line}: ` : ''}not valid YAML (${first?.message.split('\n')[0]})`);
  }
  const root = doc.contents;
  if (root === null || !isMap(root)) {
    if (root === null) return null;
    return fail('expected a map of top-level keys (ignore, lint, targets)');
  }
  const node = root.get('targets', true);
  if (node === undefined) return null;
  if (!isSeq(node)) return fail('"targets" must be a list of "- name: …" entries');
  if (node.items.length === 0) return fail('"targets" is empty: a fleet of no targets checks nothing');

  const specs: TargetSpec[] = [];
  const seen = new Map<string, string>();
  node.items.forEach((item, index) => {
    const offset = (item as { range?: [number, number, number] }).range?.[0];
    const source = `${file}${offset === undefined ? '' : ` line ${lines.linePos(offset).line}`}`;
    const value = (item as { toJSON?: () => unknown }).toJSON?.() ?? item;
    const spec = readEntry(value, index, source, fail);
    const before = seen.get(spec.name);
    if (before) fail(`target "${spec.name}" (${source}) has the same name as the target at ${before}`);
    seen.set(spec.name, source);
    specs.push(spec);
  });
  return specs;
}

function readEntry(value: unknown, index: number, source: string, fail: (m: string) => never): TargetSpec {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(`targets[${index}] (${source}) is not a map of keys`);
  }
  const entry = value as Record<string, unknown>;
  const rawName = entry.name;
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  const label = name ? `target "${name}" (${source})` : `targets[${index}] (${source})`;
  if (rawName === undefined) fail(`${label}: "name" is required`);
  const nameProblem = targetNameProblem(name);
  if (nameProblem) fail(`${label}: key "name" ${JSON.stringify(rawName)} — ${nameProblem}`);

  const inputs: Record<string, string> = {};
  let databaseUrlEnv: string | undefined;
  let discover: TargetSpec['discover'];
  for (const [key, raw] of Object.entries(entry)) {
    if (key === 'name') continue;
    if (key === 'database-url' || key === 'reference-database-url') {
      fail(
        `${label}: key "${key}" — a URL is never written in the config file (it would be committed with its ` +
          `password); put it in a secret and name the environment variable with "${key}-env"`,
      );
    }
    if (key === 'database-url-env') {
      const parsed = scalarText.pipe(z.string().regex(ENV_NAME, 'an environment variable name')).safeParse(raw);
      if (!parsed.success) fail(`${label}: key "${key}" ${JSON.stringify(raw)} — ${issueOf(parsed.error)}`);
      databaseUrlEnv = parsed.data;
      continue;
    }
    if (key === 'discover') {
      const parsed = discoverSchema.safeParse(raw);
      if (!parsed.success) fail(`${label}: key "discover" — ${issueOf(parsed.error)}`);
      discover = parsed.data;
      continue;
    }
    if (!(TARGET_INPUT_KEYS as readonly string[]).includes(key)) {
      fail(`${label}: unknown key "${key}" (expected ${[...OTHER_KEYS, ...TARGET_INPUT_KEYS].join(', ')})`);
    }
    const text = inputText(key, raw);
    if (text === null) fail(`${label}: key "${key}" ${JSON.stringify(raw)} — expected a non-empty string`);
    // Any URL — whatever the key — may carry a password into the repository.
    if (/:\/\//.test(text as string)) {
      fail(`${label}: key "${key}" holds a URL; a URL is never written in the config file (use database-url-env)`);
    }
    inputs[key] = text as string;
  }
  if (discover && 'databases' in discover && !databaseUrlEnv) {
    fail(`${label}: key "discover" — {databases: …} needs "database-url-env" (the server's URL, database replaced)`);
  }
  return { name, inputs, databaseUrlEnv, discover, source };
}

/** The input's text: scalars as text, a list of version-locations one a line, a payload template as JSON. */
function inputText(key: string, raw: unknown): string | null {
  if (key === 'version-locations' && Array.isArray(raw)) {
    const parts = raw.map((p) => scalarText.safeParse(p));
    return parts.every((p) => p.success) && parts.length > 0 ? parts.map((p) => p.data).join('\n') : null;
  }
  if (key === 'lambda-payload-template' && raw !== null && typeof raw === 'object') return JSON.stringify(raw);
  const parsed = scalarText.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function issueOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `expected ${issue.message}` : 'invalid';
}
