// The AWS docs stay true to action.yml (read with the strict YAML loader): every input they name exists, and the AWS
// inputs are all documented with action.yml's defaults. The CloudFormation template is checked in
// docs-cloudformation.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionInputDefaults, loadActionMetadata } from './support/action-metadata.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** Input (or output) name → default (undefined when action.yml gives none), read by the strict YAML loader. */
function actionInputs(block: 'inputs' | 'outputs' = 'inputs'): Map<string, string | undefined> {
  if (block === 'inputs') return actionInputDefaults();
  return new Map(Object.keys(loadActionMetadata().outputs).map((name) => [name, undefined]));
}

// Backticked kebab-case words in these docs that are not action inputs.
const notInputs = new Set(['rds-sql-api', 'id-token']);

/** Every `input-name` (or `input-name: value`) written in backticks. */
function namedInputs(markdown: string): string[] {
  const names = new Set<string>();
  for (const match of markdown.matchAll(/`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?::[^`]*)?`/g)) {
    if (match[1] && !notInputs.has(match[1])) names.add(match[1]);
  }
  return [...names];
}

const awsInputs = [
  'role-to-assume',
  'aws-region',
  'role-session-name',
  'role-duration-seconds',
  'audience',
  'lambda-function',
  'lambda-qualifier',
  'lambda-payload-template',
  'lambda-rows-path',
  's3-bucket',
  's3-prefix',
  's3-kms-key-id',
  's3-object-lock-mode',
  's3-object-lock-days',
  'sns-topic-arn',
  'notify-on',
];

describe('docs/aws-setup.md and docs/rds-sql-api.md', () => {
  const inputs = actionInputs();

  it('reads the inputs of action.yml (the parser itself sees the known ones)', () => {
    expect(inputs.get('s3-prefix')).toBe('schema-drift/');
    expect(inputs.get('lambda-payload-template')).toBe('{"sql": "{{sql}}", "params": "{{params}}"}');
    expect(inputs.has('role-to-assume')).toBe(true);
    expect(inputs.get('role-to-assume')).toBeUndefined();
    expect(inputs.has('report-url')).toBe(false);
    expect(actionInputs('outputs').has('report-url')).toBe(true);
  });

  it.each(['docs/aws-setup.md', 'docs/rds-sql-api.md'])(
    'names only inputs (or outputs) that action.yml has, in %s',
    (path) => {
      const outputs = actionInputs('outputs');
      const named = namedInputs(read(path));
      expect(named.length).toBeGreaterThan(3);
      expect(named.filter((name) => !inputs.has(name) && !outputs.has(name))).toEqual([]);
    },
  );

  it('documents every AWS input with the default action.yml gives it', () => {
    const rows = new Map<string, string>();
    for (const match of read('docs/aws-setup.md').matchAll(/^\| `([a-z0-9-]+)` \| ([^|]*) \|/gm)) {
      if (match[1]) rows.set(match[1], (match[2] ?? '').trim());
    }
    for (const name of awsInputs) expect(inputs.has(name), `${name} is in action.yml`).toBe(true);
    expect(awsInputs.filter((name) => !rows.has(name))).toEqual([]);
    for (const name of awsInputs) {
      const fallback = inputs.get(name);
      if (fallback !== undefined) expect(rows.get(name), name).toBe(`\`${fallback}\``);
    }
  });
});

describe('README', () => {
  const readme = read('README.md');
  /** First-column names of the README's Markdown tables: | `name` | ... */
  const tableNames = new Set([...readme.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]));

  it('documents every input and output of action.yml in a table', () => {
    const missing = [...actionInputs('inputs').keys(), ...actionInputs('outputs').keys()].filter(
      (name) => !tableNames.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('gives each input the default action.yml gives it', () => {
    for (const [name, fallback] of actionInputs('inputs')) {
      if (fallback === undefined || fallback === '') continue;
      // The name may also head another table (e.g. the structure sources): one of its rows must give the default.
      const cells = [...readme.matchAll(new RegExp(`^\\| \`${name}\` \\| ([^|]*) \\|`, 'gm'))].map((m) =>
        (m[1] ?? '').replaceAll('`', '').trim(),
      );
      expect(cells, `README default of ${name}`).toContainEqual(expect.stringContaining(fallback));
    }
  });

  it('starts with the two commands that work on a fresh machine', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toMatch(/^npm ci && npm run demo\b/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('## '));
  });
});
