// Reads docs/cloudformation/schema-drift.yml as CloudFormation does: YAML with the short intrinsic tags (!Ref, !Sub,
// !If, …), then evaluates it for given parameter values — conditions decided, !If branches chosen, AWS::NoValue
// removed, !Sub filled in — so tests can ask what a deployed stack would hold (which OIDC subjects a role trusts).
import { readFileSync } from 'node:fs';
import type { Tags, YAMLMap, YAMLSeq } from 'yaml';
import { parseStrictYaml } from './action-metadata.js';

/** An intrinsic function as written in the template: `!Sub 'x'` → Intrinsic('Sub', 'x'). */
export class Intrinsic {
  constructor(
    readonly fn: string,
    readonly arg: unknown,
  ) {}
}

const scalarFunctions = ['Ref', 'Sub', 'GetAtt', 'Base64', 'GetAZs', 'ImportValue', 'Condition'];
const seqFunctions = [
  'Sub',
  'GetAtt',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Join',
  'Split',
  'Select',
  'FindInMap',
  'Cidr',
];

/** The short-form tags CloudFormation accepts, each resolving to an Intrinsic. */
export const cloudFormationTags: Tags = [
  ...scalarFunctions.map((fn) => ({ tag: `!${fn}`, resolve: (value: string) => new Intrinsic(fn, value) })),
  ...seqFunctions.map((fn) => ({
    tag: `!${fn}`,
    collection: 'seq' as const,
    resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => new Intrinsic(fn, value.toJSON()),
  })),
];

export interface Template {
  AWSTemplateFormatVersion: string;
  Description: string;
  Parameters: Record<string, Parameter>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, { Type: string; Condition?: string; Properties?: Record<string, unknown> }>;
  Outputs: Record<string, { Condition?: string; Description: string; Value: unknown }>;
}

export interface Parameter {
  Type: string;
  Default?: string | number;
  AllowedValues?: (string | number)[];
  AllowedPattern?: string;
  MinValue?: number;
  MaxValue?: number;
  Description: string;
}

export const TEMPLATE_PATH = 'docs/cloudformation/schema-drift.yml';

/** The template parsed with the CloudFormation tags. */
export function readTemplate(): Template {
  const text = readFileSync(new URL(`../../${TEMPLATE_PATH}`, import.meta.url), 'utf8');
  return parseStrictYaml(text, TEMPLATE_PATH, 1, cloudFormationTags) as Template;
}

const NO_VALUE = Symbol('AWS::NoValue');
const pseudo: Record<string, string | typeof NO_VALUE> = {
  'AWS::NoValue': NO_VALUE,
  'AWS::Partition': 'aws',
  'AWS::AccountId': '123456789012',
  'AWS::Region': 'us-east-1',
  'AWS::StackName': 'schema-drift',
};

/** A deployed stack: the resources and outputs whose conditions hold, with every intrinsic worked out. References
 *  to resources become `<Name>` (Ref) or `<Name.Attribute>` (GetAtt), since only CloudFormation knows them. */
export interface Stack {
  parameters: Record<string, string>;
  conditions: Record<string, boolean>;
  resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  outputs: Record<string, { Description: string; Value: unknown }>;
}

/** Deploys the template on paper with these parameter values, checked against its constraints as CloudFormation
 *  checks them: a parameter without a default must be given. */
export function evaluate(template: Template, given: Record<string, string>): Stack {
  const parameters: Record<string, string> = {};
  for (const [name, p] of Object.entries(template.Parameters)) {
    const value = given[name] ?? (p.Default === undefined ? undefined : String(p.Default));
    if (value === undefined) throw new Error(`parameter ${name} has no default and was not given`);
    if (p.AllowedValues && !p.AllowedValues.map(String).includes(value)) {
      throw new Error(`parameter ${name}: ${value} is not one of ${p.AllowedValues.join(', ')}`);
    }
    if (p.AllowedPattern && !new RegExp(p.AllowedPattern).test(value)) {
      throw new Error(`parameter ${name}: ${value} does not match ${p.AllowedPattern}`);
    }
    parameters[name] = value;
  }
  for (const name of Object.keys(given)) {
    if (!(name in template.Parameters)) throw new Error(`no parameter ${name}`);
  }

  const conditions: Record<string, boolean> = {};
  const condition = (name: string): boolean => {
    if (!(name in template.Conditions)) throw new Error(`no condition ${name}`);
    conditions[name] ??= Boolean(resolve(template.Conditions[name]));
    return conditions[name];
  };
  const variable = (name: string): string => {
    const [head, attribute] = name.split('.', 2) as [string, string | undefined];
    if (attribute === undefined && head in parameters) return parameters[head]!;
    if (attribute === undefined && typeof pseudo[head] === 'string') return pseudo[head];
    if (head in template.Resources) return `<${name}>`;
    throw new Error(`\${${name}} names nothing the template declares`);
  };
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve).filter((v) => v !== NO_VALUE);
    if (node instanceof Intrinsic) return intrinsic(node);
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        const value = resolve(v);
        if (value !== NO_VALUE) out[k] = value;
      }
      return out;
    }
    return node;
  };
  const intrinsic = ({ fn, arg }: Intrinsic): unknown => {
    const args = Array.isArray(arg) ? arg : [arg];
    switch (fn) {
      case 'Ref': {
        const name = String(arg);
        if (name in pseudo) return pseudo[name];
        if (name in parameters) return parameters[name];
        if (name in template.Resources) return `<${name}>`;
        throw new Error(`!Ref ${name} names nothing the template declares`);
      }
      case 'GetAtt':
        return variable(Array.isArray(arg) ? arg.join('.') : String(arg));
      case 'Sub': {
        const [text, vars] = args as [string, Record<string, unknown> | undefined];
        const local = Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, String(resolve(v))]));
        return text.replace(/\$\{([A-Za-z0-9:.]+)\}/g, (_, name: string) => local[name] ?? variable(name));
      }
      case 'If':
        return resolve(condition(String(args[0])) ? args[1] : args[2]);
      case 'Equals':
        return String(resolve(args[0])) === String(resolve(args[1]));
      case 'Not':
        return !resolve(args[0]);
      case 'And':
        return args.every((a) => resolve(a));
      case 'Or':
        return args.some((a) => resolve(a));
      case 'Condition':
        return condition(String(arg));
      case 'Join':
        return (resolve(args[1]) as unknown[]).map(String).join(String(args[0]));
      case 'Split':
        return String(resolve(args[1])).split(String(args[0]));
      case 'Select':
        return (resolve(args[1]) as unknown[])[Number(resolve(args[0]))];
      default:
        throw new Error(`!${fn} is not evaluated here`);
    }
  };

  const resources: Stack['resources'] = {};
  for (const [name, r] of Object.entries(template.Resources)) {
    if (r.Condition !== undefined && !condition(r.Condition)) continue;
    resources[name] = { Type: r.Type, Properties: resolve(r.Properties ?? {}) as Record<string, unknown> };
  }
  const outputs: Stack['outputs'] = {};
  for (const [name, o] of Object.entries(template.Outputs)) {
    if (o.Condition !== undefined && !condition(o.Condition)) continue;
    outputs[name] = { Description: o.Description, Value: resolve(o.Value) };
  }
  for (const name of Object.keys(template.Conditions)) condition(name);
  return { parameters, conditions, resources, outputs };
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The OIDC subjects a role's trust policy accepts (exact values under StringEquals), for the given audience. */
export function trustedSubjects(role: { Properties: Record<string, unknown> }, audience = 'sts.amazonaws.com') {
  const trust = role.Properties.AssumeRolePolicyDocument as { Statement: PolicyStatement[] };
  const subjects: string[] = [];
  for (const statement of trust.Statement) {
    if (statement.Effect !== 'Allow' || !list(statement.Action).includes('sts:AssumeRoleWithWebIdentity')) continue;
    const equals = statement.Condition?.StringEquals ?? {};
    if (!list(equals['token.actions.githubusercontent.com:aud']).includes(audience)) continue;
    subjects.push(...list(equals['token.actions.githubusercontent.com:sub']));
  }
  return subjects;
}

/** Every Allow statement of a role's inline policies. */
export function allowed(role: { Properties: Record<string, unknown> }): PolicyStatement[] {
  const policies = (role.Properties.Policies ?? []) as { PolicyDocument: { Statement: PolicyStatement[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement).filter((s) => s.Effect === 'Allow');
}

export const actionsOf = (statements: PolicyStatement[]): string[] => statements.flatMap((s) => list(s.Action));
export const resourcesOf = (statement: PolicyStatement): string[] => list(statement.Resource);
