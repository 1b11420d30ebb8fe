import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestFromEvent } from '../../src/pull-request/event.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'github', `${name}.json`), 'utf8'));

describe('pullRequestFromEvent', () => {
  it('reads number, repository and both commits from an opened event of the same repository', () => {
    const pr = pullRequestFromEvent(fixture('pull_request.opened'));
    expect(pr).toMatchObject({
      number: 42,
      owner: 'acme-corp',
      repo: 'billing',
      baseRef: 'main',
      baseSha: '1111111111111111111111111111111111111111',
      headSha: '2222222222222222222222222222222222222222',
      fork: false,
      dependabot: false,
    });
  });

  it('marks a pull request from another repository as a fork', () => {
    expect(pullRequestFromEvent(fixture('pull_request.fork'))).toMatchObject({
      fork: true,
      headRepo: 'outside-contrib/billing',
    });
  });

  it('marks a Dependabot pull request', () => {
    expect(pullRequestFromEvent(fixture('pull_request.dependabot'))).toMatchObject({ fork: false, dependabot: true });
  });

  it('treats a deleted fork (head.repo null) as a fork', () => {
    const event = fixture('pull_request.fork');
    event.pull_request.head.repo = null;
    expect(pullRequestFromEvent(event).fork).toBe(true);
  });

  it('names the missing field of a payload that is not a pull_request event', () => {
    expect(() => pullRequestFromEvent({ ref: 'refs/heads/main' })).toThrow(
      /^Could not read the pull_request event: pull_request: /,
    );
    const event = fixture('pull_request.opened');
    event.pull_request.base.sha = 'main';
    expect(() => pullRequestFromEvent(event)).toThrow('pull_request.base.sha: a commit sha');
  });
});
