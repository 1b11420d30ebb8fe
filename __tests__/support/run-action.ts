// Runs the BUILT action (dist/index.js) in a child process the way the GitHub runner does: inputs as INPUT_*
// environment variables (dashes kept in the names), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_WORKSPACE.
// The child is asynchronous so loopback servers living in the test process keep answering while it runs.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const actionEntry = join(repoRoot, 'dist', 'index.js');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** The GITHUB_OUTPUT file as written, for looking at it whole. */
  outputFile: string;
  /** The GITHUB_STEP_SUMMARY file. */
  summary: string;
  /** The values the action handed to the runner to mask (`::add-mask::` lines). */
  masked: string[];
  /** stdout without its `::add-mask::` lines: what the runner would show, had it not masked anything. */
  visibleStdout: string;
  durationMs: number;
}

export interface RunActionOptions {
  /** Action inputs by their action.yml names. */
  inputs: Record<string, string>;
  /** Extra environment (GitHub's and AWS's variables); undefined removes a variable. */
  env?: Record<string, string | undefined>;
  workspace?: string;
  timeoutMs?: number;
}

// Only what a runner would give a step: nothing from the developer's shell (AWS_PROFILE, keys) leaks into a run.
function baseEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    RUNNER_TEMP: home,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    // No instance metadata lookups when the default credential chain runs.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
  };
}

/** GITHUB_OUTPUT's `name<<delimiter` … `delimiter` blocks (and plain `name=value` lines) as a record. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

/** Runs dist/index.js with `process.execPath` and returns what a runner would see. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'schema-drift-action-run-'));
  const outputPath = join(dir, 'github_output');
  const summaryPath = join(dir, 'step_summary');
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const env: Record<string, string> = {
    ...baseEnv(dir),
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: options.workspace ?? repoRoot,
  };
  for (const [name, value] of Object.entries(options.inputs)) {
    // @actions/core reads INPUT_<NAME upper-cased, spaces → _>; dashes stay.
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const started = Date.now();
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [actionEntry], {
          cwd: options.workspace ?? repoRoot,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
        child.on('error', reject);
        child.on('close', (exitCode, signal) => {
          clearTimeout(timer);
          const stderrText = Buffer.concat(err).toString('utf8');
          resolve({
            code: exitCode,
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: signal ? `${stderrText}\n[killed by ${signal}]` : stderrText,
          });
        });
      },
    );
    const outputFile = await readFile(outputPath, 'utf8');
    const summary = await readFile(summaryPath, 'utf8');
    const lines = stdout.split('\n');
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(outputFile),
      outputFile,
      summary,
      masked: lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length)),
      visibleStdout: lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'),
      durationMs: Date.now() - started,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (info === null) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/index.js is missing or older than a source it is built from. */
export async function distIsStale(): Promise<boolean> {
  const built = await stat(actionEntry).catch(() => null);
  if (built === null) return true;
  const inputs = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
  const newest = Math.max(...(await Promise.all(inputs.map((p) => newestMtime(join(repoRoot, p))))));
  return newest > built.mtimeMs;
}

/**
 * Runs `npm run build` when dist/ is stale (CI runs the tests before it builds); throws with the build's output.
 * SCHEMA_DRIFT_TEST_DIST=as-is uses dist/ as it is (while someone else's half-written source breaks the build).
 */
export async function ensureActionBuilt(timeoutMs = 200_000): Promise<{ built: boolean; durationMs: number }> {
  const started = Date.now();
  if (process.env.SCHEMA_DRIFT_TEST_DIST === 'as-is' || !(await distIsStale())) return { built: false, durationMs: 0 };
  // Test files run in parallel: one builds while the others wait for it, then find dist current.
  const lock = join(repoRoot, '.tmp', 'dist-build.lock');
  await mkdir(dirname(lock), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > timeoutMs) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!(await distIsStale())) return { built: false, durationMs: Date.now() - started };
    return await buildDist(started, timeoutMs);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function buildDist(started: number, timeoutMs: number): Promise<{ built: boolean; durationMs: number }> {
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, text: Buffer.concat(chunks).toString('utf8') });
    });
  });
  if (output.code !== 0) {
    throw new Error(`npm run build failed (exit ${output.code}):\n${output.text.slice(-4000)}`);
  }
  return { built: true, durationMs: Date.now() - started };
}
