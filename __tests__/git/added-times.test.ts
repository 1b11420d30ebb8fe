// pending-grace's clock: when each migration file entered the branch, read from a real git repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAddedTimes } from '../../src/git/added-times.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function git(cwd: string, args: string[], date?: string) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  return execFileSync('git', args, {
    cwd,
    env: date ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : env,
    encoding: 'utf8',
  });
}

function commitFile(repo: string, file: string, content: string, date: string) {
  mkdirSync(join(repo, file, '..'), { recursive: true });
  writeFileSync(join(repo, file), content);
  git(repo, ['add', file]);
  git(repo, ['commit', '-qm', `add ${file}`], date);
}

describe('readAddedTimes', () => {
  let repo: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'sda-git-'));
    dirs.push(repo);
    git(repo, ['init', '-q', '-b', 'main']);
    commitFile(repo, 'app/migrations/versions/a1.py', 'revision = "a1"\n', '2026-01-01T10:00:00Z');
    commitFile(repo, 'app/migrations/versions/b2.py', 'revision = "b2"\n', '2026-01-02T10:00:00Z');
    // Editing a file later does not change when it entered the branch.
    commitFile(repo, 'app/migrations/versions/a1.py', 'revision = "a1"\n# edited\n', '2026-01-03T10:00:00Z');
    commitFile(repo, 'README.md', 'x', '2026-01-04T10:00:00Z');
  });

  it('gives the commit time that added each file, relative to the given root', async () => {
    const added = await readAddedTimes(join(repo, 'app'), [join(repo, 'app/migrations/versions')]);
    expect(added.unavailable).toBeNull();
    expect(Object.fromEntries([...added.times].map(([k, v]) => [k, v.toISOString()]))).toEqual({
      'migrations/versions/a1.py': '2026-01-01T10:00:00.000Z',
      'migrations/versions/b2.py': '2026-01-02T10:00:00.000Z',
    });
  });

  it('refuses a shallow clone, whose oldest commit would "add" every file, and says to set fetch-depth: 0', async () => {
    const shallow = mkdtempSync(join(tmpdir(), 'sda-git-shallow-'));
    dirs.push(shallow);
    git(shallow, ['clone', '-q', '--depth', '1', `file://${repo}`, 'clone']);
    const added = await readAddedTimes(join(shallow, 'clone'), [join(shallow, 'clone/app/migrations/versions')]);
    expect(added.times.size).toBe(0);
    expect(added.unavailable).toContain('fetch-depth: 0');
  });

  it('says why when the folder is not a git checkout', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'sda-nogit-'));
    dirs.push(plain);
    const added = await readAddedTimes(plain, [plain]);
    expect(added.times.size).toBe(0);
    expect(added.unavailable).toMatch(/^git history could not be read in /);
  });
});
