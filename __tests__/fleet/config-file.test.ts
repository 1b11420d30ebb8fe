import { describe, expect, it } from 'vitest';
import { parseConfigFileTargets } from '../../src/config/config-file.js';
import { parseFindingRules, parseIgnoreRules } from '../../src/drift/ignore-rules.js';
import { targetConfig } from '../../src/fleet/targets.js';
import { parseLintConfig } from '../../src/lint/config.js';

const FILE = `# a fleet beside ignore rules and lint settings
ignore:
  - object: public.audit_log
    reason: "DBA-managed"
targets:
- name: prod-eu
  environment: production-eu
  database-url-env: PROD_EU_URL
  version-locations: [migrations/versions, migrations/extra]
- name: tenants
  database-url-env: TENANTS_URL
  discover: {schemas: 'tenant_%'}
- name: lambda-us
  lambda-function: arn:aws:lambda:us-east-1:123456789012:function:rds-sql-api
  aws-region: us-east-1
  role-to-assume: arn:aws:iam::123456789012:role/drift
lint:
  rules:
    drop-table: error
`;

describe('config file targets', () => {
  it('reads every entry with its keys, its route and where it was written', () => {
    const specs = parseConfigFileTargets(FILE, '.schema-drift.yml');
    expect(specs?.map((s) => [s.name, s.databaseUrlEnv, s.discover, s.source])).toEqual([
      ['prod-eu', 'PROD_EU_URL', undefined, '.schema-drift.yml line 6'],
      ['tenants', 'TENANTS_URL', { schemas: 'tenant_%' }, '.schema-drift.yml line 10'],
      ['lambda-us', undefined, undefined, '.schema-drift.yml line 13'],
    ]);
    expect(specs?.[0]?.inputs).toEqual({
      environment: 'production-eu',
      'version-locations': 'migrations/versions\nmigrations/extra',
    });
  });

  it('lets the ignore-rules and lint parsers skip the targets block', () => {
    expect(parseIgnoreRules(FILE, 'f').map((r) => r.object)).toEqual(['public.audit_log']);
    expect(parseFindingRules(FILE, 'f')).toEqual([]);
    expect(parseLintConfig(FILE, 'f').rules.get('drop-table' as never)).toBeDefined();
  });

  it('is null without a targets list (not a fleet), and refuses an empty one', () => {
    expect(parseConfigFileTargets('ignore: []\n', 'f')).toBeNull();
    expect(parseConfigFileTargets('', 'f')).toBeNull();
    expect(() => parseConfigFileTargets('targets: []\n', 'f')).toThrow(/"targets" is empty/);
  });

  it.each([
    [
      'a database-url written in the file',
      'database-url: postgres://u:pw@db/x',
      /key "database-url" — a URL is never written.*database-url-env/,
    ],
    ['a URL under another key', 'migrations: postgres://u:pw@db/x', /key "migrations" holds a URL/],
    ['an unknown key', 'databse-url-env: X', /unknown key "databse-url-env"/],
    [
      'a bad env name',
      'database-url-env: "A B"',
      /key "database-url-env" "A B" — expected an environment variable name/,
    ],
    ['discover with both', "discover: {schemas: 'a%', databases: 'b%'}", /key "discover" — .*exactly one/],
    ['discover with another key', "discover: {tables: 'a%'}", /key "discover"/],
    [
      'databases discovery without a URL variable',
      "discover: {databases: 'db%'}\n    lambda-function: f",
      /needs "database-url-env"/,
    ],
    ['a map value', 'migrations: {a: 1}', /key "migrations" .* expected a non-empty string/],
  ])('refuses %s, naming the file, the target and the key', (_what, line, message) => {
    const text = `targets:\n  - name: t1\n  ${line}\n`.replace('\n  - name: t1\n  ', '\n  - name: t1\n    ');
    expect(() => parseConfigFileTargets(text, 'cfg.yml')).toThrow(
      /^Invalid config file "cfg.yml": target "t1" \(cfg.yml line 2\)/,
    );
    expect(() => parseConfigFileTargets(text, 'cfg.yml')).toThrow(message);
  });

  it.each([
    ['../etc', /key "name" "\.\.\/etc"/],
    ['a..b', /must not contain "\.\."/],
    ['a/b', /key "name" "a\/b"/],
    ['x'.repeat(101), /at most 100/],
  ])('refuses the unsafe name %s', (name, message) => {
    expect(() => parseConfigFileTargets(`targets:\n  - name: "${name}"\n`, 'f')).toThrow(message);
  });

  it('refuses two targets of one name, naming both lines', () => {
    expect(() => parseConfigFileTargets('targets:\n  - name: a\n  - name: b\n  - name: a\n', 'f')).toThrow(
      /target "a" \(f line 4\) has the same name as the target at f line 2/,
    );
  });

  it('refuses malformed YAML with its line', () => {
    expect(() => parseConfigFileTargets('targets:\n  - name: a\n   bad: [\n', 'f')).toThrow(
      /Invalid config file "f": .*not valid YAML/,
    );
  });
});

describe('a target config', () => {
  const [prod, , lambda] = parseConfigFileTargets(FILE, '.schema-drift.yml') ?? [];
  const step = { 'database-url': 'postgres://step@db/x', environment: 'staging', 'version-table': 'av' };

  it('overrides the step inputs with the target keys, the URL from the named variable', () => {
    const config = targetConfig(step, prod!, { PROD_EU_URL: 'postgres://u:secret@eu/db' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:secret@eu/db' });
    expect(config.environment).toBe('production-eu');
    expect(config.versionTable).toBe('av');
    expect(config.versionLocations).toEqual(['migrations/versions', 'migrations/extra']);
  });

  it('replaces the step route with the target route', () => {
    const config = targetConfig(step, lambda!, {});
    expect(config.database).toMatchObject({ kind: 'lambda' });
    expect(config.aws.region).toBe('us-east-1');
  });

  it('refuses an unset or empty variable, naming it and never printing a value', () => {
    expect(() => targetConfig(step, prod!, {})).toThrow(/target "prod-eu" .*database-url-env "PROD_EU_URL" is not set/);
    expect(() => targetConfig(step, prod!, { PROD_EU_URL: ' ' })).toThrow(/"PROD_EU_URL" is empty/);
  });

  it('runs the URL through the one set of checks, without echoing it', () => {
    let message = '';
    try {
      targetConfig(step, prod!, { PROD_EU_URL: 'mysql://u:hunter2@h/db' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Invalid database-url-env "PROD_EU_URL": \(hidden/);
    expect(message).not.toContain('hunter2');
  });

  it('sets the discovered schema as the version table schema', () => {
    expect(
      targetConfig(step, prod!, { PROD_EU_URL: 'postgres://h/db' }, { schema: 'tenant_1' }).versionTableSchema,
    ).toBe('tenant_1');
  });
});
