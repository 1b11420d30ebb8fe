import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { INPUT_NAMES } from '../../src/config/inputs.js';
import { TOOL_VERSION } from '../../src/version.js';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const c = parseConfig({ 'database-url': 'postgres://u:p@127.0.0.1/db' });
    expect(c).toMatchObject({
      environment: 'production',
      failOn: 'drift',
      pendingGraceMinutes: 0,
      versionTable: 'alembic_version',
      database: { kind: 'postgres', url: 'postgres://u:p@127.0.0.1/db' },
      aws: { roleDurationSeconds: 3600, audience: 'sts.amazonaws.com' },
    });
    expect(c.s3).toBeUndefined();
    expect(c.sns).toBeUndefined();
  });

  it('treats empty inputs (as GitHub passes unset ones) as absent', () => {
    const c = parseConfig({ environment: '', 'fail-on': '  ', 'lambda-function': 'rds-sql-api' });
    expect(c.environment).toBe('production');
    expect(c.database).toEqual({ kind: 'lambda', functionName: 'rds-sql-api' });
  });

  it.each([
    ['fail-on', 'sometimes', /Invalid input "fail-on": "sometimes" — expected drift, error or never/],
    ['pending-grace', '-5', /Invalid input "pending-grace": "-5" — expected a whole number of minutes/],
    ['environment', '../prod', /Invalid input "environment": "..\/prod"/],
    [
      'version-table',
      'alembic_version; drop table x',
      /Invalid input "version-table": "alembic_version; drop table x"/,
    ],
    ['role-duration-seconds', '60', /Invalid input "role-duration-seconds": "60" — expected at least 900/],
    ['notify-on-success', 'yes', /Invalid input "notify-on-success": "yes" — expected true or false/],
    ['role-to-assume', 'my-role', /Invalid input "role-to-assume": "my-role" — expected an IAM role ARN/],
  ])('rejects %s=%j naming the input and the value', (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrow(message);
  });

  it('rejects a malformed database-url without echoing it', () => {
    expect(() => parseConfig({ 'database-url': 'mysql://root:hunter2@db/x' })).toThrow(
      /Invalid input "database-url": \(hidden: it may hold a password\)/,
    );
    expect(() => parseConfig({ 'database-url': 'mysql://root:hunter2@db/x' })).not.toThrow(/hunter2/);
  });

  it('refuses two databases at once', () => {
    expect(() => parseConfig({ 'database-url': 'postgres://h/db', 'lambda-function': 'f' })).toThrow(
      'Give one database, not "database-url" and "lambda-function"',
    );
  });

  it('requires object lock mode and days together, and a bucket for them', () => {
    expect(() => parseConfig({ 's3-bucket': 'b', 's3-object-lock-mode': 'COMPLIANCE' })).toThrow(/go together/);
    expect(() => parseConfig({ 's3-object-lock-mode': 'COMPLIANCE', 's3-object-lock-days': '7' })).toThrow(
      /need "s3-bucket"/,
    );
    expect(
      parseConfig({ 's3-bucket': 'b', 's3-object-lock-mode': 'compliance', 's3-object-lock-days': '2555' }).s3,
    ).toEqual({
      bucket: 'b',
      prefix: 'schema-drift/',
      objectLockMode: 'COMPLIANCE',
      objectLockDays: 2555,
    });
  });
});

describe('action.yml', () => {
  const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
  const section = (name: string) => {
    const body = yml.split(new RegExp(`^${name}:\\n`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
    return [...body.matchAll(/^ {2}([a-z0-9-]+):\s*$/gm)].map((m) => m[1]);
  };

  it('declares exactly the inputs the action reads', () => {
    expect(section('inputs')).toEqual([...INPUT_NAMES]);
  });

  it('declares the outputs of the contract', () => {
    expect(section('outputs')).toEqual([
      'status',
      'drift-detected',
      'codebase-head',
      'production-version',
      'pending-count',
      'report-path',
      'report-url',
      'audit-result',
    ]);
  });

  it('runs on node24 from dist/index.js', () => {
    expect(yml).toMatch(/^ {2}using: node24$/m);
    expect(yml).toMatch(/^ {2}main: dist\/index\.js$/m);
  });

  it('has the same defaults as parseConfig', () => {
    const defaults = Object.fromEntries(
      [...yml.matchAll(/^ {2}([a-z0-9-]+):\n(?:^ {4}.*\n)*?^ {4}default: '?(.*?)'?$/gm)].map((m) => [m[1], m[2]]),
    );
    const c = parseConfig({});
    expect(defaults.environment).toBe(c.environment);
    expect(defaults['fail-on']).toBe(c.failOn);
    expect(Number(defaults['pending-grace'])).toBe(c.pendingGraceMinutes);
    expect(defaults['version-table']).toBe(c.versionTable);
    expect(Number(defaults['role-duration-seconds'])).toBe(c.aws.roleDurationSeconds);
    expect(defaults.audience).toBe(c.aws.audience);
    const withAlerts = parseConfig({ 's3-bucket': 'b', 'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:t' });
    expect(defaults['s3-prefix']).toBe(withAlerts.s3?.prefix);
    expect(defaults['notify-on']).toBe(withAlerts.sns?.notifyOn);
    expect(defaults['notify-on-success']).toBe(String(withAlerts.sns?.notifyOnSuccess));
  });

  it('records the package version in reports', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
