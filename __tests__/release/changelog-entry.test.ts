// scripts/changelog-entry.mjs is what the release workflow publishes as the release notes: run as the workflow runs
// it, on the repository's CHANGELOG.md and on changelogs that must be refused.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-action.js';

const script = join(repoRoot, 'scripts', 'changelog-entry.mjs');
const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

async function entry(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sda-changelog-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function changelog(text: string): Promise<string> {
  const file = join(dir, `CHANGELOG-${Math.random().toString(36).slice(2)}.md`);
  await writeFile(file, text);
  return file;
}

const sample = `# Changelog

## [Unreleased]

- not yet

## [1.1.0] - 2027-01-15

### Added

- Something new.

\`\`\`md
## [0.9.0] - 2026-01-01
\`\`\`

## [1.0.0] - 2026-12-08

### Fixed

- action.yml is valid YAML again.

[Unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/o/r/releases/tag/v1.1.0
[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0
`;

describe('CHANGELOG.md', () => {
  it("has package.json's version as its newest released entry, dated, with the action.yml fix", async () => {
    const text = await readFile(join(repoRoot, 'CHANGELOG.md'), 'utf8');
    const released = text.split('\n').filter((line) => line.startsWith('## [') && !line.startsWith('## [Unreleased]'));
    expect(released[0]).toMatch(new RegExp(`^## \\[${pkg.version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`));
    const run = await entry(pkg.version);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('### Fixed');
    expect(run.stdout).toContain('`action.yml` is valid YAML again');
    expect(run.stdout).not.toContain(`## [${pkg.version}]`);
  });
});

describe('scripts/changelog-entry.mjs', () => {
  it("prints one entry's body: not the heading, not the next entry, not a heading inside a code block, not the links", async () => {
    const file = await changelog(sample);
    const newest = await entry('1.1.0', file);
    expect(newest.code).toBe(0);
    expect(newest.stdout).toBe('### Added\n\n- Something new.\n\n```md\n## [0.9.0] - 2026-01-01\n```\n');
    const first = await entry('1.0.0', file);
    expect(first.stdout).toBe('### Fixed\n\n- action.yml is valid YAML again.\n');
  });

  it.each([
    ['a version with no entry', '1.2.0', sample, 'has no entry "## [1.2.0] - YYYY-MM-DD"'],
    ['a tag name instead of a version', 'v1.0.0', sample, '"v1.0.0" is not a semantic version'],
    ['the Unreleased section', 'Unreleased', sample, 'is not a semantic version'],
    ['an undated entry', '1.0.0', '## [1.0.0]\n\n- x\n', 'has no release date'],
    ['an empty entry', '1.0.0', '## [1.0.0] - 2026-12-08\n\n## [0.9.0] - 2026-01-01\n- y\n', 'is empty'],
    ['a repeated entry', '1.0.0', '## [1.0.0] - 2026-12-08\n- a\n## [1.0.0] - 2026-12-09\n- b\n', 'has 2 entries'],
  ])('refuses %s (exit 1, naming the file)', async (_what, version, text, message) => {
    const file = await changelog(text);
    const run = await entry(version, file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    if (!message.includes('semantic')) expect(run.stderr).toContain(file);
  });

  it('refuses a missing file and a missing version', async () => {
    const missing = await entry('1.0.0', join(dir, 'nope.md'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Could not read ${join(dir, 'nope.md')}`);
    expect((await entry()).stderr).toContain('usage: node scripts/changelog-entry.mjs VERSION');
  });
});
