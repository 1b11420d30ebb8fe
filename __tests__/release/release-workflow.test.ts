// .github/workflows/release.yml read as the runner reads it (the `yaml` package, strict), and its shell steps run by
// bash as the runner runs them (`bash --noprofile --norc -eo pipefail`), each in a sandbox: a wrong tag, a changelog
// without the entry, a dist/ that differs from the tag's, the release command and the move of the major tag.
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { ensureActionBuilt, repoRoot } from '../support/run-action.js';

const workflowPath = join(repoRoot, '.github', 'workflows', 'release.yml');
const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

/** Parses YAML the strict way: any error or warning fails. */
function parseStrict(text: string, where: string) {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('\n')}`);
  return doc;
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions: unknown;
  jobs: { release: { permissions: unknown; env: Record<string, string>; steps: Step[] } };
}

const doc = parseStrict(await readFile(workflowPath, 'utf8'), workflowPath);
const workflow = doc.toJS() as Workflow;
const steps = workflow.jobs.release.steps;
const step = (id: string): Step => {
  const found = steps.find((s) => s.id === id);
  if (!found) throw new Error(`release.yml has no step with id ${id}`);
  return found;
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sda-release-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** Runs a step's `run:` script as the runner does, in `cwd`, with GITHUB_OUTPUT and RUNNER_TEMP of its own. */
async function runStep(id: string, cwd: string, env: Record<string, string>): Promise<StepRun> {
  const sandbox = await mkdtemp(join(dir, `${id}-`));
  const script = join(sandbox, 'step.sh');
  const output = join(sandbox, 'output');
  await writeFile(script, step(id).run ?? '');
  await writeFile(output, '');
  let result: Omit<StepRun, 'outputs'>;
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: sandbox,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: sandbox,
        ...env,
      },
    });
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    result = { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
  const outputs = Object.fromEntries(
    (await readFile(output, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { ...result, outputs };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

describe('release.yml as the runner reads it', () => {
  it('runs on version tags only, reads by default and writes only in the release job', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.release.permissions).toEqual({ contents: 'write' });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(workflow.jobs.release.env).toEqual({ TAG: '${{ github.ref_name }}' });
  });

  it('checks, builds, compares, packs, releases and moves the major tag, in that order', () => {
    expect(steps.map((s) => s.id)).toEqual([
      'checkout',
      'setup-node',
      'version',
      'notes',
      'install',
      'build',
      'dist',
      'pack',
      'release',
      'major',
    ]);
    expect(step('checkout').with).toEqual({ 'persist-credentials': false });
    expect(step('setup-node').with).toMatchObject({ 'node-version': 24, 'package-manager-cache': false });
    expect(step('install').run).toContain('npm ci --ignore-scripts');
    expect(step('build').run).toBe('npm run build');
    expect(step('notes').run).toContain('node scripts/changelog-entry.mjs "$VERSION"');
    // Only the two steps that write hold the token.
    expect(steps.filter((s) => s.env?.GH_TOKEN !== undefined).map((s) => s.id)).toEqual(['release', 'major']);
  });

  it('pins every action by a full commit SHA, with the version in a comment', () => {
    const jobSteps = doc.getIn(['jobs', 'release', 'steps'], true);
    if (!isSeq(jobSteps)) throw new Error('jobs.release.steps is not a list');
    const pinned = jobSteps.items.flatMap((item) => {
      const uses = isMap(item) ? (item as YAMLMap).get('uses', true) : undefined;
      return isScalar(uses) ? [uses as Scalar] : [];
    });
    expect(pinned.map((u) => String(u.value).split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node']);
    for (const uses of pinned) {
      expect(String(uses.value)).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(uses.comment?.trim()).toMatch(/^v\d+\.\d+\.\d+$/);
    }
  });
});

describe('release.yml steps run by bash', () => {
  it("version: accepts the tag of package.json's version and refuses another", async () => {
    const good = await runStep('version', repoRoot, { TAG: `v${pkg.version}` });
    expect(good).toMatchObject({ code: 0, outputs: { version: pkg.version } });
    const bad = await runStep('version', repoRoot, { TAG: 'v9.9.9' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`::error::tag v9.9.9 does not match package.json's version ${pkg.version}`);
  });

  it("notes: writes the version's CHANGELOG entry, and fails for a version without one", async () => {
    const temp = await mkdtemp(join(dir, 'notes-'));
    const good = await runStep('notes', repoRoot, { VERSION: pkg.version, RUNNER_TEMP: temp });
    expect(good.code).toBe(0);
    const notes = await readFile(join(temp, 'release-notes.md'), 'utf8');
    expect(notes).toContain('`action.yml` is valid YAML again');
    const bad = await runStep('notes', repoRoot, { VERSION: '9.9.9' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('has no entry "## [9.9.9]');
  });

  it('dist: passes an unchanged dist/, fails a changed, an added file or a CLI of another version', async () => {
    const repo = await mkdtemp(join(dir, 'dist-repo-'));
    await mkdir(join(repo, 'dist', 'cli'), { recursive: true });
    await writeFile(join(repo, 'dist', 'index.js'), 'console.log("action");\n');
    await writeFile(join(repo, 'dist', 'cli', 'index.js'), 'console.log("1.2.3");\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'dist');
    expect((await runStep('dist', repo, { TAG: 'v1.2.3', VERSION: '1.2.3' })).code).toBe(0);

    const wrongVersion = await runStep('dist', repo, { TAG: 'v1.2.4', VERSION: '1.2.4' });
    expect(wrongVersion.code).toBe(1);
    expect(wrongVersion.stdout).toContain('dist/cli says it is version 1.2.3, the tag is 1.2.4');

    await writeFile(join(repo, 'dist', 'index.js'), 'console.log("rebuilt");\n');
    const changed = await runStep('dist', repo, { TAG: 'v1.2.3', VERSION: '1.2.3' });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('M dist/index.js');
    expect(changed.stdout).toContain('::error::dist/ at v1.2.3 is not what its sources build');

    git(repo, 'checkout', '-q', '--', 'dist');
    await writeFile(join(repo, 'dist', 'cli', '999.index.js'), 'new chunk\n');
    const added = await runStep('dist', repo, { TAG: 'v1.2.3', VERSION: '1.2.3' });
    expect(added.code).toBe(1);
    expect(added.stdout).toContain('?? dist/cli/999.index.js');
  });

  it('pack: writes the archive npm names and says where it is', async () => {
    await ensureActionBuilt(); // never pack while another test file rebuilds dist/
    const run = await runStep('pack', repoRoot, {});
    expect(run.code).toBe(0);
    expect(run.outputs.tarball).toMatch(new RegExp(`/${pkg.name}-${pkg.version.replaceAll('.', '\\.')}\\.tgz$`));
    expect((await readFile(run.outputs.tarball!)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
  }, 360_000);

  it('release: creates the release from the tag with the notes and the archive; a pre-release as one', async () => {
    const bin = await mkdtemp(join(dir, 'bin-'));
    const log = join(bin, 'gh.log');
    await writeFile(join(bin, 'gh'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n`);
    await chmod(join(bin, 'gh'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}`, GH_TOKEN: 'token', TARBALL: '/tmp/x/sda-1.0.0.tgz' };
    const release = await runStep('release', repoRoot, { ...env, TAG: 'v1.0.0', RUNNER_TEMP: '/tmp/rt' });
    expect(release.code).toBe(0);
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
      'release',
      'create',
      'v1.0.0',
      '/tmp/x/sda-1.0.0.tgz',
      '--verify-tag',
      '--title',
      'v1.0.0',
      '--notes-file',
      '/tmp/rt/release-notes.md',
    ]);
    await runStep('release', repoRoot, { ...env, TAG: 'v1.1.0-rc.1' });
    expect((await readFile(log, 'utf8')).trim().split('\n').at(-1)).toBe('--prerelease');
  });

  it("major: force-moves v1 to the release tag's commit on the remote; a pre-release leaves it", async () => {
    const origin = await mkdtemp(join(dir, 'origin-'));
    git(origin, 'init', '-q', '--bare');
    const clone = await mkdtemp(join(dir, 'clone-'));
    git(clone, 'init', '-q');
    git(clone, 'remote', 'add', 'origin', origin);
    git(clone, 'commit', '-q', '--allow-empty', '-m', 'first');
    const first = git(clone, 'rev-parse', 'HEAD');
    git(clone, 'tag', 'v1');
    git(clone, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
    git(clone, 'commit', '-q', '--allow-empty', '-m', 'second');
    const second = git(clone, 'rev-parse', 'HEAD');
    git(clone, 'tag', '-a', 'v1.1.0', '-m', 'v1.1.0'); // annotated: v1 must name the commit, not the tag object
    git(clone, 'tag', '-a', 'v1.2.0-rc.1', '-m', 'rc');
    git(clone, 'push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
    const remoteV1 = () => git(origin, 'rev-parse', 'refs/tags/v1');

    const rc = await runStep('major', clone, { TAG: 'v1.2.0-rc.1', GH_TOKEN: 'token' });
    expect(rc.code).toBe(0);
    expect(remoteV1()).toBe(first);

    const moved = await runStep('major', clone, { TAG: 'v1.1.0', GH_TOKEN: 'token' });
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(`v1 now points at ${second} (v1.1.0)`);
    expect(remoteV1()).toBe(second);
    expect(git(origin, 'cat-file', '-t', 'refs/tags/v1')).toBe('commit');
  });
});

describe('the README names the release that package.json holds', () => {
  it('in the CLI install commands and the pinning example', async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const cli = readme.slice(readme.indexOf('## The CLI'));
    expect(cli).toContain(`gh release download v${pkg.version} `);
    expect(cli).toContain(`npm install -g ./${pkg.name}-${pkg.version}.tgz`);
    const pinning = readme.slice(readme.indexOf('### Pinning a version'), readme.indexOf('### Inputs'));
    expect(pinning).toContain(`# v${pkg.version}`);
    expect(pinning).toContain(`'refs/tags/v${pkg.version}^{}'`);
  });
});
