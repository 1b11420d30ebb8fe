// The hostile corpus (__tests__/fixtures/lint-hostile/): one Alembic revision per way of hiding a DROP TABLE, each
// naming in a `# expect:` comment the finding it must get — the rule, or `lint-unreadable` where the lint cannot
// see. Run through the BUILT CLI, as users run it. Silence on any of them would read as "safe".
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureActionBuilt, repoRoot } from '../support/run-action.js';

const corpus = path.join(repoRoot, '__tests__', 'fixtures', 'lint-hostile');
const versions = path.join(corpus, 'migrations', 'versions');
const cli = path.join(repoRoot, 'dist', 'cli', 'index.js');

const files = readdirSync(versions)
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((name) => {
    const expected = /^# expect: (\S+)$/m.exec(readFileSync(path.join(versions, name), 'utf8'))?.[1];
    if (!expected) throw new Error(`${name} in the hostile corpus names no expected finding (# expect: …)`);
    return { name, expected };
  });

interface Finding {
  kind: string;
  file: string;
  line: number | null;
}

let findings: Finding[];

beforeAll(async () => {
  await ensureActionBuilt();
  const out = spawnSync(process.execPath, [cli, 'lint', '--migrations', '.', '--all', '--json'], {
    cwd: corpus,
    encoding: 'utf8',
  });
  expect(out.status, out.stderr).toBe(0);
  const section = JSON.parse(out.stdout) as { migrations: number; findings: Finding[] };
  expect(section.migrations).toBe(files.length);
  findings = section.findings;
}, 280_000);

describe('built schema-drift lint on the hostile corpus', () => {
  it('holds at least the 29 hiding places of issue 22', () => {
    expect(files.length).toBeGreaterThanOrEqual(29);
  });

  it.each(files)('$name gets $expected', ({ name, expected }) => {
    const mine = findings.filter((f) => f.file === `migrations/versions/${name}`);
    expect(
      mine.map((f) => f.kind),
      JSON.stringify(mine),
    ).toContain(expected);
    // Every finding names the line it is about.
    for (const f of mine) expect(f.line).toBeGreaterThan(0);
  });
});
