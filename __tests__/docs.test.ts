// The AWS docs stay true to action.yml (read with the strict YAML loader): every input they name exists, the AWS
// inputs are all documented with action.yml's defaults, and the CloudFormation template is well-formed enough to
// deploy (read with the strict YAML loader and CloudFormation's intrinsic-function tags, then checked by name and
// line by line).
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are CloudFormation's own ${Name} syntax
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  actionInputDefaults,
  CLOUDFORMATION_TAGS,
  loadActionMetadata,
  loadStrictYaml,
  parseStrictYaml,
} from './support/action-metadata.js';

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
  'notify-on-success',
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

describe('docs/cloudformation/schema-drift.yml', () => {
  const text = read('docs/cloudformation/schema-drift.yml');
  const lines = text.split('\n');
  const template = loadStrictYaml('docs/cloudformation/schema-drift.yml', CLOUDFORMATION_TAGS);

  /** The names declared directly under a top-level section, from the template read by the strict YAML loader. */
  function section(name: string): string[] {
    const body = template[name];
    expect(body, `section ${name}`).toBeTypeOf('object');
    return Object.keys(body as object);
  }

  it('parses as strict YAML with only the short forms of CloudFormation intrinsic functions as tags', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    const bucket = (template.Resources as Record<string, { Properties: Record<string, unknown> }>).ReportBucket;
    expect(bucket?.Properties.ObjectLockEnabled).toEqual({
      'Fn::If': ['UseObjectLock', true, { Ref: 'AWS::NoValue' }],
    });
    expect(() => parseStrictYaml(`${text}\nExtra: !Unknown x\n`, 'template.yml', 1, CLOUDFORMATION_TAGS)).toThrow(
      /TAG_RESOLVE_FAILED/,
    );
  });

  it('has the sections of a template, spaces-only indentation in steps of two, and no stray top-level keys', () => {
    const topLevel = Object.keys(template);
    expect(topLevel).toEqual([
      'AWSTemplateFormatVersion',
      'Description',
      'Parameters',
      'Conditions',
      'Resources',
      'Outputs',
    ]);
    expect(lines[0]).toBe("AWSTemplateFormatVersion: '2010-09-09'");
    for (const [i, line] of lines.entries()) {
      expect(line.includes('\t'), `line ${i + 1} has a tab`).toBe(false);
      expect((/^ */.exec(line)?.[0].length ?? 0) % 2, `line ${i + 1} indentation`).toBe(0);
      expect(/\s$/.test(line), `line ${i + 1} trailing space`).toBe(false);
    }
  });

  it('refers only to declared parameters, resources, conditions and pseudo parameters', () => {
    const parameters = section('Parameters');
    const resources = section('Resources');
    const conditions = section('Conditions');
    const known = new Set([...parameters, ...resources]);
    const refs = [
      ...[...text.matchAll(/!Ref ([A-Za-z0-9:]+)/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z]+)?\}/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/!GetAtt ([A-Za-z0-9]+)\./g)].map((m) => m[1] ?? ''),
    ];
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !known.has(r) && !r.startsWith('AWS::'))).toEqual([]);
    const usedConditions = [
      ...[...text.matchAll(/Condition: ([A-Za-z0-9]+)$/gm)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/!If\s*\[?\s*\n?\s*-?\s*([A-Za-z0-9]+)/g)].map((m) => m[1] ?? ''),
    ];
    expect(usedConditions.length).toBeGreaterThan(3);
    expect(usedConditions.filter((c) => !conditions.includes(c))).toEqual([]);
  });

  it('takes repository, branch, environment and function name as parameters, with seven years of retention by default', () => {
    expect(section('Parameters')).toEqual(
      expect.arrayContaining([
        'GitHubRepository',
        'Branch',
        'EnvironmentName',
        'FunctionName',
        'RetentionYears',
        'ColdAfterDays',
        'ObjectLockMode',
        'SigningKey',
        'AlertEmail',
      ]),
    );
    expect(text).toMatch(/ {2}RetentionYears:\n {4}Type: Number\n {4}Default: 7\n/);
    expect(text).toMatch(/ {2}ObjectLockMode:\n {4}Type: String\n {4}Default: COMPLIANCE\n/);
    expect(text).toMatch(/ {2}Branch:\n {4}Type: String\n {4}Default: main\n/);
  });

  it('creates the role, a private versioned encrypted bucket with a lifecycle and optional Object Lock, and an emailing topic', () => {
    for (const type of [
      'AWS::IAM::Role',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::SNS::Topic',
      'AWS::IAM::OIDCProvider',
    ]) {
      expect(text).toContain(`Type: ${type}\n`);
    }
    expect(text).toMatch(/VersioningConfiguration:\n\s+Status: Enabled/);
    expect(text).toContain('BucketEncryption:');
    for (const flag of ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets']) {
      expect(text).toContain(`${flag}: true`);
    }
    // Evidence is kept seven years: a colder class after 90 days, never an expiry.
    expect(text).not.toMatch(/Expiration/);
    expect(text).toMatch(/Transitions:\n\s+- StorageClass: GLACIER_IR\n\s+TransitionInDays: !Ref ColdAfterDays/);
    expect(text).toMatch(/DefaultRetention:\n\s+Mode: !Ref ObjectLockMode\n\s+Years: !Ref RetentionYears/);
    expect(text).toContain('ObjectLockEnabled: !If [UseObjectLock, true, !Ref AWS::NoValue]');
    expect(text).toMatch(/- Protocol: email\n\s+Endpoint: !Ref AlertEmail/);
  });

  it('trusts only the main-branch ref, the environment and (when allowed) pull requests, with the STS audience', () => {
    expect(text).toContain("'token.actions.githubusercontent.com:aud': sts.amazonaws.com");
    expect(text).toContain("!Sub 'repo:${GitHubRepository}:ref:refs/heads/${Branch}'");
    expect(text).toContain("!Sub 'repo:${GitHubRepository}:environment:${EnvironmentName}'");
    expect(text).toContain("!Sub 'repo:${GitHubRepository}:pull_request'");
    expect(text).not.toMatch(/githubusercontent\.com:sub'?:\s*'?repo:[^\n]*\*/);
    expect(text).toContain('StringEquals:');
  });

  it('grants invoke on the one function, put/get under the prefix, publish to the one topic, and KMS only when used', () => {
    expect(text).toContain('Action: lambda:InvokeFunction');
    expect(text).toContain(':function:${FunctionName}');
    expect(text).toMatch(/- s3:PutObject\n\s+- s3:GetObject\n/);
    expect(text).toContain("Resource: !Sub '${ReportBucket.Arn}/${ReportPrefix}*'");
    expect(text).toMatch(/Action: sns:Publish\n\s+Resource: !Ref AlertTopic/);
    expect(text).toMatch(/- UseKms\n\s+- Sid: ReportKey[\s\S]*?- kms:GenerateDataKey\n\s+- kms:Decrypt/);
    expect(text).not.toMatch(/Action: '?(s3|sns|lambda|kms):\*'?\n[\s\S]{0,40}Effect: Allow/);
  });

  it('outputs name inputs that action.yml has', () => {
    const inputs = actionInputs();
    const named = [...text.matchAll(/Description: Input ([a-z0-9-]+)/g)].map((m) => m[1] ?? '');
    expect(named).toEqual([
      'role-to-assume',
      's3-bucket',
      's3-prefix',
      'sns-topic-arn',
      'kms-signing-key-id',
      'aws-region',
    ]);
    expect(named.filter((n) => !inputs.has(n))).toEqual([]);
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
