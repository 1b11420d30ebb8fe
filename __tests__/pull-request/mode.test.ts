import { describe, expect, it } from 'vitest';
import { parsePullRequestInputs } from '../../src/pull-request/action.js';
import { resolveMode } from '../../src/pull-request/mode.js';

describe('resolveMode', () => {
  it('chooses pull-request for pull_request and monitor for every other event when auto', () => {
    expect(resolveMode('auto', 'pull_request')).toBe('pull-request');
    expect(resolveMode('', 'schedule')).toBe('monitor');
    expect(resolveMode(undefined, 'workflow_dispatch')).toBe('monitor');
  });

  it('refuses pull_request_target, explaining that untrusted migrations would run with secrets', () => {
    expect(() => resolveMode('auto', 'pull_request_target')).toThrow(/untrusted code must not run with secrets/);
    expect(() => resolveMode('pull-request', 'pull_request_target')).toThrow(/on: pull_request/);
  });

  it('lets monitor run on any event and refuses pull-request outside pull_request', () => {
    expect(resolveMode('monitor', 'pull_request')).toBe('monitor');
    expect(() => resolveMode('pull-request', 'push')).toThrow(/the event is "push"/);
  });

  it('names the input and the bad value for an unknown mode', () => {
    expect(() => resolveMode('pr', 'pull_request')).toThrow(
      'Invalid input "mode": "pr" — expected auto, monitor, pull-request or audit',
    );
  });
});

describe('parsePullRequestInputs', () => {
  it('defaults to auto, check name schema-drift, a comment and large tables from 1,000,000 rows or 1 GB', () => {
    expect(parsePullRequestInputs({})).toEqual({
      mode: 'auto',
      githubToken: '',
      checkName: 'schema-drift',
      comment: true,
      lintLargeTable: { rows: 1_000_000, bytes: 1024 ** 3 },
    });
  });

  it('rejects a lint-large-table that is not rows or a size, repeating it', () => {
    expect(() => parsePullRequestInputs({ 'lint-large-table': 'huge' })).toThrow(
      'Invalid input "lint-large-table": "huge" — expected rows and/or a size, like "1000000 rows or 1 GB"',
    );
  });

  it('rejects a comment value that is not true or false', () => {
    expect(() => parsePullRequestInputs({ comment: 'yes' })).toThrow('Invalid input "comment": "yes"');
  });
});
