import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfigError, parseConfig } from '../../src/config/config.js';
import { ACTION_INPUT_NAMES } from '../../src/config/inputs.js';
import { TOOL_VERSION } from '../../src/shared/tool-version.js';
import { actionInputDefaults, loadActionMetadata } from '../support/action-metadata.js';

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

  it('reads baseline: keep by default, re-record only with structure-expected baseline', () => {
    const url = { 'database-url': 'postgres://u:p@127.0.0.1/db' };
    expect(parseConfig({ ...url, 'structure-expected': 'baseline' }).structure?.rerecordBaseline).toBe(false);
    expect(
      parseConfig({ ...url, 'structure-expected': 'baseline', baseline: 'Re-Record' }).structure?.rerecordBaseline,
    ).toBe(true);
    expect(() => parseConfig({ ...url, 'structure-expected': 'baseline', baseline: 'reset' })).toThrow(
      'Invalid input "baseline": "reset" — expected keep or re-record',
    );
    expect(() => parseConfig({ ...url, baseline: 're-record' })).toThrow(
      'Input "baseline" is "re-record": it needs "structure-expected" baseline, not "none"',
    );
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
    expect(() => parseConfig({ 's3-bucket': 'evidence', 's3-object-lock-mode': 'COMPLIANCE' })).toThrow(/go together/);
    expect(() => parseConfig({ 's3-object-lock-mode': 'COMPLIANCE', 's3-object-lock-days': '7' })).toThrow(
      /need "s3-bucket"/,
    );
    expect(
      parseConfig({ 's3-bucket': 'evidence', 's3-object-lock-mode': 'compliance', 's3-object-lock-days': '2555' }).s3,
    ).toEqual({
      bucket: 'evidence',
      prefix: 'schema-drift/',
      objectLockMode: 'COMPLIANCE',
      objectLockDays: 2555,
    });
  });
});

describe('action.yml', () => {
  const action = loadActionMetadata();
  const section = (name: 'inputs' | 'outputs') => Object.keys(action[name]);

  it('declares exactly the inputs the action reads', () => {
    expect(section('inputs')).toEqual([...ACTION_INPUT_NAMES]);
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
      'targets-total',
      'targets-drifted',
      'targets-error',
      'matrix',
    ]);
  });

  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('has the same defaults as parseConfig', () => {
    const defaults = Object.fromEntries(actionInputDefaults());
    const c = parseConfig({});
    expect(defaults.environment).toBe(c.environment);
    expect(defaults['fail-on']).toBe(c.failOn);
    expect(defaults['version-table']).toBe(c.versionTable);
    expect(Number(defaults['role-duration-seconds'])).toBe(c.aws.roleDurationSeconds);
    expect(defaults.audience).toBe(c.aws.audience);
    const withAlerts = parseConfig({
      's3-bucket': 'evidence',
      'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:t',
    });
    expect(defaults['s3-prefix']).toBe(withAlerts.s3?.prefix);
    expect(defaults['notify-on']).toBe(withAlerts.sns?.notifyOn);
  });

  it('records the package version in reports', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});

describe('parseConfig checks every input up front (stage config)', () => {
  it.each([
    ['s3-bucket', 'My_Bucket', /Invalid input "s3-bucket": "My_Bucket" — a bucket name may hold only lower-case/],
    ['s3-prefix', '/reports', /Invalid input "s3-prefix": "\/reports" — must not start with '\/'/],
    ['s3-prefix', 'a/../b', /Invalid input "s3-prefix": "a\/..\/b" — empty, '.' and '..' path segments/],
    ['notify-on', 'drift,sometimes', /Invalid input "notify-on": "drift,sometimes" — "sometimes" is not one of/],
    ['sns-topic-arn', 'alerts', /Invalid input "sns-topic-arn": "alerts" — "alerts" is not an SNS topic ARN/],
    [
      'mode',
      'nightly',
      /Invalid input "mode": "nightly" — expected auto, monitor, pull-request, audit, fleet, fleet-plan or fleet-merge/,
    ],
    ['shard', '5/4', /Invalid input "shard": "5\/4" — .*i must be 1 to 4/],
    ['shards', '257', /Invalid input "shards": "257" — expected at most 256/],
    ['concurrency', '0', /Invalid input "concurrency": "0" — expected at least 1/],
    ['role-session-name', 'a b', /Invalid input "role-session-name": "a b" — expected 2–64 characters/],
    ['timeout-seconds', '2', /Invalid input "timeout-seconds": "2" — expected at least 5/],
    ['timeout-seconds', '1m', /Invalid input "timeout-seconds": "1m" — expected a whole number of seconds/],
  ])('rejects %s=%j naming the input and the value', (name, value, message) => {
    const inputs = { 's3-bucket': 'evidence', 'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:t', [name]: value };
    expect(() => parseConfig(inputs)).toThrow(message);
    try {
      parseConfig(inputs);
    } catch (error) {
      expect((error as ConfigError).inputs).toEqual([name]);
    }
  });

  it('reads timeout-seconds, 300 by default', () => {
    expect(parseConfig({}).timeoutSeconds).toBe(300);
    expect(parseConfig({ 'timeout-seconds': ' 45 ' }).timeoutSeconds).toBe(45);
  });

  it('normalises s3-prefix once, here', () => {
    expect(parseConfig({ 's3-bucket': 'evidence', 's3-prefix': 'reports' }).s3?.prefix).toBe('reports/');
  });
});

describe('report-dir stays inside the workspace', () => {
  let workspace: string;
  let outside: string;
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'schema-drift-ws-'));
    outside = mkdtempSync(join(tmpdir(), 'schema-drift-outside-'));
    mkdirSync(join(workspace, 'reports'));
    mkdirSync(join(workspace, 'shared'));
    symlinkSync(outside, join(workspace, 'escape'));
    symlinkSync(outside, join(workspace, 'shared', 'production'));
  });
  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const parse = (dir: string) => parseConfig({ 'report-dir': dir }, { workspace });

  it('accepts folders inside it, existing or not', () => {
    expect(parse('reports').reportDir).toBe('reports');
    expect(parse('new/deeper').reportDir).toBe('new/deeper');
    expect(parse(join(workspace, 'abs')).reportDir).toBe(join(workspace, 'abs'));
  });

  it.each([
    ['..', /resolves to .*, outside the workspace/],
    ['reports/../../x', /resolves to .*, outside the workspace/],
    ['/tmp', /resolves to \/tmp, outside the workspace/],
    ['escape', /leads through a symbolic link to .*, outside the workspace/],
    ['escape/sub', /leads through a symbolic link/],
  ])('refuses %j at the config stage', (dir, reason) => {
    expect(() => parse(dir)).toThrow(
      new RegExp(`Invalid input "report-dir": ${JSON.stringify(dir).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} — `),
    );
    expect(() => parse(dir)).toThrow(reason);
  });

  it("refuses a symbolic link in the environment's folder, where the reports are written", () => {
    expect(() => parse('shared')).toThrow(/"shared" — it leads through a symbolic link to .*, outside the workspace/);
    expect(parseConfig({ 'report-dir': 'shared', environment: 'staging' }, { workspace }).reportDir).toBe('shared');
  });

  it('is not checked without a workspace (the CLI writes where its user says)', () => {
    expect(parseConfig({ 'report-dir': '/tmp' }).reportDir).toBe('/tmp');
  });
});
