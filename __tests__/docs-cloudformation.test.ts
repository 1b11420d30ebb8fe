// docs/cloudformation/schema-drift.yml, read as CloudFormation reads it (YAML with its short intrinsic tags, parsed
// strictly) and deployed on paper for given parameters: what each role trusts and may do, what the bucket locks and
// for how long, and that the outputs name inputs action.yml has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStrictYaml } from './support/action-metadata.js';
import {
  actionsOf,
  allowed,
  cloudFormationTags,
  evaluate,
  Intrinsic,
  readTemplate,
  resourcesOf,
  TEMPLATE_PATH,
  trustedSubjects,
} from './support/cloudformation.js';

const template = readTemplate();
const required = { GitHubRepository: 'credentialmate/backend', AlertEmail: 'oncall@example.com' };
const deploy = (over: Record<string, string> = {}) =>
  evaluate(template, { ...required, ObjectLockMode: 'GOVERNANCE', ...over });

/** Every name an intrinsic in the raw template refers to, by kind. */
function references(node: unknown, out = { refs: [] as string[], conditions: [] as string[] }) {
  if (node instanceof Intrinsic) {
    const args = Array.isArray(node.arg) ? node.arg : [node.arg];
    if (node.fn === 'Ref') out.refs.push(String(node.arg));
    if (node.fn === 'GetAtt') out.refs.push(String(Array.isArray(node.arg) ? node.arg[0] : node.arg).split('.')[0]!);
    if (node.fn === 'Sub') {
      const locals = Object.keys((args[1] as Record<string, unknown> | undefined) ?? {});
      for (const m of String(args[0]).matchAll(/\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z]+)?\}/g)) {
        if (!locals.includes(m[1]!)) out.refs.push(m[1]!);
      }
    }
    if (node.fn === 'If' || node.fn === 'Condition') out.conditions.push(String(args[0]));
    references(node.arg, out);
  } else if (Array.isArray(node)) {
    for (const item of node) references(item, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Condition' && typeof value === 'string') out.conditions.push(value);
      else references(value, out);
    }
  }
  return out;
}

/** Every key anywhere under a node. */
function keysUnder(node: unknown): string[] {
  if (node instanceof Intrinsic) return keysUnder(node.arg);
  if (Array.isArray(node)) return node.flatMap(keysUnder);
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => [k, ...keysUnder(v)]);
  }
  return [];
}

describe(TEMPLATE_PATH, () => {
  it('parses as YAML with only the tags CloudFormation knows, and has the sections of a template', () => {
    expect(Object.keys(template)).toEqual([
      'AWSTemplateFormatVersion',
      'Description',
      'Parameters',
      'Conditions',
      'Resources',
      'Outputs',
    ]);
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    // The reader refuses what CloudFormation would refuse: an unknown tag, a repeated key.
    expect(() => parseStrictYaml('A: !Reff B\n', 'unknown tag', 1, cloudFormationTags)).toThrow(/not strict YAML/);
    expect(() => parseStrictYaml('A: 1\nA: 2\n', 'repeated key', 1, cloudFormationTags)).toThrow(/not strict YAML/);
  });

  it('refers only to declared parameters, resources, conditions and pseudo parameters', () => {
    const { refs, conditions } = references(template);
    const declared = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !declared.has(r) && !r.startsWith('AWS::'))).toEqual([]);
    expect(conditions.length).toBeGreaterThan(5);
    expect(conditions.filter((c) => !(c in template.Conditions))).toEqual([]);
    // Every condition is used somewhere.
    const unused = Object.keys(template.Conditions).filter((c) => !conditions.includes(c));
    expect(unused).toEqual([]);
  });

  describe('Object Lock: chosen by whoever deploys, never a silent seven-year COMPLIANCE lock', () => {
    const mode = template.Parameters.ObjectLockMode!;

    it('has no default mode, so a stack cannot be created without choosing one', () => {
      expect(mode.Default).toBeUndefined();
      expect(mode.AllowedValues).toEqual(['GOVERNANCE', 'COMPLIANCE', 'NONE']);
      expect(() => evaluate(template, required)).toThrow('parameter ObjectLockMode has no default and was not given');
    });

    it('says where the parameter is described that GOVERNANCE is for a trial and COMPLIANCE for production evidence', () => {
      expect(mode.Description).toMatch(/GOVERNANCE - for a trial/);
      expect(mode.Description).toMatch(/COMPLIANCE - for production evidence/);
      expect(mode.Description).toMatch(/NONE - no lock/);
    });

    it('locks a trial in GOVERNANCE mode for the days asked, with no years', () => {
      const bucket = deploy({ ObjectLockMode: 'GOVERNANCE', RetentionDays: '1' }).resources.ReportBucket!.Properties;
      expect(bucket.ObjectLockEnabled).toBe(true);
      expect(bucket.ObjectLockConfiguration).toEqual({
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: '1' } },
      });
    });

    it('locks production evidence in COMPLIANCE mode for seven years when asked', () => {
      expect(template.Parameters.RetentionYears?.Default).toBe(7);
      expect(template.Parameters.RetentionDays?.Default).toBe(0);
      const stack = deploy({ ObjectLockMode: 'COMPLIANCE' });
      expect(stack.resources.ReportBucket!.Properties.ObjectLockConfiguration).toEqual({
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: '7' } },
      });
      expect(actionsOf(allowed(stack.resources.GitHubRole!))).toContain('s3:PutObjectRetention');
    });

    it('creates no lock, and asks for no retention permission, with NONE', () => {
      const stack = deploy({ ObjectLockMode: 'NONE' });
      const bucket = stack.resources.ReportBucket!.Properties;
      expect(bucket).not.toHaveProperty('ObjectLockEnabled');
      expect(bucket).not.toHaveProperty('ObjectLockConfiguration');
      expect(actionsOf(allowed(stack.resources.GitHubRole!))).not.toContain('s3:PutObjectRetention');
    });
  });

  it('creates a private, versioned, encrypted bucket whose reports move to a colder class and never expire', () => {
    const stack = deploy();
    const bucket = stack.resources.ReportBucket!.Properties;
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const [rule] = (bucket.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rule).toMatchObject({
      Status: 'Enabled',
      Prefix: 'schema-drift/',
      Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: '90' }],
    });
    expect(keysUnder(template.Resources).filter((k) => /Expiration/.test(k))).toEqual([]);
    const tls = (stack.resources.ReportBucketPolicy!.Properties.PolicyDocument as { Statement: unknown[] }).Statement;
    expect(tls).toEqual([
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ]);
    expect(stack.resources.AlertTopic!.Properties.Subscription).toEqual([
      { Protocol: 'email', Endpoint: 'oncall@example.com' },
    ]);
  });

  describe('whom the roles trust (docs/aws-setup.md, "The trust policy")', () => {
    it('trusts the main branch and the one environment of the stack, by exact subject, with the STS audience', () => {
      for (const environment of ['production', 'staging']) {
        const role = deploy({ EnvironmentName: environment }).resources.GitHubRole!;
        expect(trustedSubjects(role)).toEqual([
          'repo:credentialmate/backend:ref:refs/heads/main',
          `repo:credentialmate/backend:environment:${environment}`,
        ]);
      }
      expect(template.Parameters.EnvironmentName?.Default).toBe('production');
      expect(trustedSubjects(deploy({ EnvironmentName: '' }).resources.GitHubRole!)).toEqual([
        'repo:credentialmate/backend:ref:refs/heads/main',
      ]);
      const trust = JSON.stringify(deploy().resources.GitHubRole!.Properties.AssumeRolePolicyDocument);
      expect(trust).not.toMatch(/StringLike|\*/);
    });

    it('never lets a pull request assume the evidence role; a separate role that may only invoke the function', () => {
      expect(deploy().resources.PullRequestRole).toBeUndefined();
      const stack = deploy({ AllowPullRequests: 'true' });
      expect(trustedSubjects(stack.resources.GitHubRole!)).not.toContain('repo:credentialmate/backend:pull_request');
      const pr = stack.resources.PullRequestRole!;
      expect(trustedSubjects(pr)).toEqual(['repo:credentialmate/backend:pull_request']);
      expect(actionsOf(allowed(pr))).toEqual(['lambda:InvokeFunction']);
      expect(allowed(pr).flatMap(resourcesOf)).toEqual([
        'arn:aws:lambda:us-east-1:123456789012:function:credmate-rds-sql-api',
        'arn:aws:lambda:us-east-1:123456789012:function:credmate-rds-sql-api:*',
      ]);
      expect(stack.outputs.PullRequestRoleArn?.Value).toBe('<PullRequestRole.Arn>');
    });
  });

  it('grants invoke on the one function, put/get under the prefix, publish to the one topic, and KMS only when used', () => {
    const plain = allowed(deploy({ SigningKey: 'false' }).resources.GitHubRole!);
    const bySid = Object.fromEntries(plain.map((s) => [s.Sid, s]));
    expect(Object.keys(bySid)).toEqual([
      'InvokeRdsSqlApi',
      'ReportsUnderPrefix',
      'MissingLatestIsNotFoundNotDenied',
      'PublishAlerts',
    ]);
    expect(resourcesOf(bySid.InvokeRdsSqlApi!)).toEqual([
      'arn:aws:lambda:us-east-1:123456789012:function:credmate-rds-sql-api',
      'arn:aws:lambda:us-east-1:123456789012:function:credmate-rds-sql-api:*',
    ]);
    expect(bySid.ReportsUnderPrefix!.Action).toEqual([
      's3:PutObject',
      's3:GetObject',
      's3:PutObjectRetention',
      's3:GetObjectRetention',
    ]);
    expect(bySid.ReportsUnderPrefix!.Resource).toBe('<ReportBucket.Arn>/schema-drift/*');
    expect(bySid.PublishAlerts!.Resource).toBe('<AlertTopic>');
    expect(actionsOf(plain).filter((a) => a.endsWith('*') || a.startsWith('kms:'))).toEqual([]);

    const withKeys = allowed(
      deploy({ KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234', SigningKey: 'true' }).resources.GitHubRole!,
    );
    expect(actionsOf(withKeys).filter((a) => a.startsWith('kms:'))).toEqual([
      'kms:GenerateDataKey',
      'kms:Decrypt',
      'kms:Sign',
      'kms:GetPublicKey',
    ]);
  });

  it('outputs name inputs that action.yml has', () => {
    const action = parseStrictYaml(readFileSync(new URL('../action.yml', import.meta.url), 'utf8'), 'action.yml') as {
      inputs: Record<string, unknown>;
    };
    const stack = deploy({ AllowPullRequests: 'true' });
    const named = Object.values(stack.outputs).map((o) => /^Input ([a-z0-9-]+)$/.exec(o.Description)?.[1]);
    expect(named).toEqual([
      'role-to-assume',
      'role-to-assume',
      's3-bucket',
      's3-prefix',
      'sns-topic-arn',
      'kms-signing-key-id',
      'aws-region',
    ]);
    expect(named.filter((n) => n === undefined || !(n in action.inputs))).toEqual([]);
  });
});
