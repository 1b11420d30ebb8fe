import { describe, expect, it } from 'vitest';
import { stepFailures, verdictFailure } from '../../src/monitor/fail-on.js';
import { reportFor, structureWith } from '../report/fixtures.js';

describe('verdictFailure (fail-on)', () => {
  const behind = reportFor('behind');
  const synced = reportFor('synced');
  const error = reportFor('error');

  it('fails on drift and on error with fail-on drift, naming the environment and the summary', () => {
    expect(verdictFailure(behind, 'drift', 'production')).toBe(
      `Schema drift in production: ${behind.version?.summary}`,
    );
    expect(verdictFailure(error, 'drift', 'production')).toMatch(
      /^Could not determine the schema state of production: /,
    );
  });

  it('fails only on error with fail-on error', () => {
    expect(verdictFailure(behind, 'error', 'production')).toBeNull();
    expect(verdictFailure(error, 'error', 'production')).toBe(
      `Could not determine the schema state of production: ${error.error?.message ?? error.version?.summary}`,
    );
  });

  it('never fails on the verdict with fail-on never', () => {
    expect(verdictFailure(behind, 'never', 'production')).toBeNull();
    expect(verdictFailure(error, 'never', 'production')).toBeNull();
  });

  it('passes a synced report under every policy', () => {
    for (const failOn of ['drift', 'error', 'never'] as const) expect(verdictFailure(synced, failOn, 'p')).toBeNull();
  });

  it('names the structure drift beside a synced version', () => {
    const drifted = reportFor('synced', {
      structure: structureWith({ state: 'drifted', summary: '1 security difference' }),
    });
    expect(drifted.status).toBe('drift');
    expect(verdictFailure(drifted, 'drift', 'staging')).toBe('Schema drift in staging: 1 security difference');
  });
});

describe('stepFailures', () => {
  it('puts the verdict first, then each delivery failure once', () => {
    const failures = stepFailures(reportFor('behind'), 'drift', 'production', ['S3 down', 'SNS down', 'S3 down']);
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatch(/^Schema drift in production/);
    expect(failures.slice(1)).toEqual(['S3 down', 'SNS down']);
  });

  it('fails a synced run whose delivery failed, even with fail-on never', () => {
    expect(stepFailures(reportFor('synced'), 'never', 'production', ['S3 down'])).toEqual(['S3 down']);
  });

  it('is empty when the verdict passes and everything was delivered', () => {
    expect(stepFailures(reportFor('synced'), 'drift', 'production', [])).toEqual([]);
  });
});
