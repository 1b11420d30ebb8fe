// The pull-request check and the monitor let the same findings past: only a `file:` rule of .schema-drift.yml, with
// a reason, and not after it expires.
import { afterAll, describe, expect, it } from 'vitest';
import { runPullRequestCheck } from '../../src/pull-request/run-check.js';
import { createPrRepo, type PrRepo } from './pr-repo.js';

const repos: PrRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.remove();
});

const unparseable = "revision = 'r4'\ndown_revision = parent_of('r3')\nbranch_labels = None\ndepends_on = None\n";

/** main: r1 ← r2 ← r3; the PR adds r4 whose parent the reader cannot evaluate, and the given rules file. */
function prWithUnreadableFile(rules: string | null): { repo: PrRepo; base: string } {
  const repo = createPrRepo(['r1', 'r2', 'r3']);
  repos.push(repo);
  const base = repo.git('rev-parse', 'HEAD');
  repo.git('checkout', '-q', '-b', 'add-r4');
  repo.write('migrations/versions/r4.py', unparseable);
  if (rules !== null) repo.write('.schema-drift.yml', rules);
  repo.commit('add r4');
  return { repo, base };
}

const check = (repo: PrRepo, base: string) =>
  runPullRequestCheck({ root: repo.dir, base: { sha: base, ref: 'main' }, production: { skipped: 'not configured' } });

describe('file rules in the pull-request check', () => {
  it('fails on a migration file the reader cannot read completely', async () => {
    const { repo, base } = prWithUnreadableFile(null);
    const result = await check(repo, base);
    expect(result.conclusion).toBe('failure');
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        kind: 'unparseable-revision-file',
        file: 'migrations/versions/r4.py',
      }),
    );
  });

  it('passes when a rule with a reason covers the file, keeping the finding as a notice naming the rule', async () => {
    const rules =
      'ignore:\n  - file: migrations/versions/r4.py\n    finding: unparseable-revision-file\n    reason: checked by hand\n    expires: 2099-01-01\n';
    const { repo, base } = prWithUnreadableFile(rules);
    const result = await check(repo, base);
    expect(result.conclusion).toBe('success');
    const notice = result.findings.find((f) => f.kind === 'unparseable-revision-file');
    expect(notice?.severity).toBe('notice');
    expect(notice?.message).toContain('ignored by .schema-drift.yml:2 until 2099-01-01: checked by hand');
  });

  it('fails again once the rule has expired, with an expired-ignore-rule warning', async () => {
    const rules =
      'ignore:\n  - file: migrations/versions/r4.py\n    reason: checked by hand\n    expires: 2020-01-01\n';
    const { repo, base } = prWithUnreadableFile(rules);
    const result = await check(repo, base);
    expect(result.conclusion).toBe('failure');
    expect(result.findings.map((f) => f.kind)).toContain('expired-ignore-rule');
  });
});
