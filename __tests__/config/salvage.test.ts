import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type RawInputs } from '../../src/config/config.js';
import { deliveryConfigDespite } from '../../src/config/salvage.js';

const good: RawInputs = {
  'lambda-function': 'rds-sql-api',
  'role-to-assume': 'arn:aws:iam::123456789012:role/reader',
  'aws-region': 'us-east-1',
  's3-bucket': 'evidence',
  's3-prefix': 'reports/',
  'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:alerts',
  'notify-on': 'drift',
  'report-dir': 'out',
  environment: 'staging',
};

function salvage(bad: RawInputs) {
  const raw = { ...good, ...bad };
  let error: ConfigError | undefined;
  try {
    parseConfig(raw);
  } catch (caught) {
    error = caught as ConfigError;
  }
  expect(error).toBeInstanceOf(ConfigError);
  return deliveryConfigDespite(raw, error as ConfigError);
}

describe('deliveryConfigDespite: where a config-error report can still go', () => {
  it('leaves out S3 entirely for a bad S3 input, never falling back to the default prefix', () => {
    const config = salvage({ 's3-prefix': '/abs' });
    expect(config?.s3).toBeUndefined();
    expect(config?.sns?.topicArn).toBe(good['sns-topic-arn']);
    expect(config?.reportDir).toBe('out');
    expect(config?.environment).toBe('staging');
  });

  it('leaves out S3 and SNS for a bad AWS identity input, never using another identity', () => {
    const config = salvage({ 'role-to-assume': 'my-role' });
    expect(config?.s3).toBeUndefined();
    expect(config?.sns).toBeUndefined();
    expect(config?.reportDir).toBe('out');
  });

  it('alerts with the default notify-on when notify-on is bad', () => {
    expect(salvage({ 'notify-on': 'sometimes' })?.sns?.notifyOn).toBe('drift,error');
  });

  it('keeps every destination for a bad input unrelated to them', () => {
    const config = salvage({ 'fail-on': 'maybe', mode: 'nightly' });
    expect(config?.s3?.prefix).toBe('reports/');
    expect(config?.sns?.notifyOn).toBe('drift');
  });

  it('gets past several bad inputs and a bad combination', () => {
    const config = salvage({ 'database-url': 'postgres://h/db', 's3-object-lock-mode': 'COMPLIANCE', mode: 'x' });
    expect(config?.database).toBeUndefined();
    expect(config?.s3).toBeUndefined();
    expect(config?.sns?.topicArn).toBe(good['sns-topic-arn']);
  });

  it('files nothing when the environment itself is bad', () => {
    expect(salvage({ environment: '../prod' })).toBeNull();
  });
});
