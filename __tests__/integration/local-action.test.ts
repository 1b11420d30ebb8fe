// The action as a runner loads it, through GitHub's `@github/local-action` (v7): it reads action.yml itself (inputs
// and their defaults), stubs @actions/core, imports the logic entrypoint `src/main.ts` and calls its `run()`. The
// command is the one .env.example documents, with a copy of .env.example as the env file (only the database, the
// report folder and the summary file changed), against real PostgreSQL databases Alembic migrated to each state.
//
// local-action's setFailed records the failure without setting the process exit code (its stub says so), so its exit
// code is 0 whenever it ran the action; a failed step shows as the `::error::` line setFailed prints, and a step
// that passed prints none.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action-metadata.js';
import { alembicPython, alembicUnavailable, createServerDatabase, realPartsRequired } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';

// Skips only on a laptop that names no PostgreSQL server; with a URL given, or in CI, every part must be there.
const skip = process.env.SCHEMA_DRIFT_TEST_PG_URL === undefined && !realPartsRequired;
if (skip) console.warn('skipping the local-action runs: SCHEMA_DRIFT_TEST_PG_URL is not set');

const execFileAsync = promisify(execFile);
const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'sd-local-action-'));
// report-dir must lie inside the workspace (the repository: local-action runs there), so the reports go under .tmp/.
const reportRoot = join('.tmp', `local-action-${process.pid}`);
const drops: (() => Promise<void>)[] = [];

/** The command .env.example documents, split into argv: `npx @github/local-action run . src/main.ts .env`. */
function documentedCommand(): string[] {
  const line = example.split('\n').find((l) => l.startsWith('#') && l.includes('npx '));
  expect(line, '.env.example documents the npx command').toBeDefined();
  return (line ?? '')
    .slice((line ?? '').indexOf('npx '))
    .trim()
    .split(/\s+/);
}

/** .env.example with some variables given other values (each must be in it) and others added. */
function envFile(name: string, replace: Record<string, string>, add: Record<string, string>): string {
  const seen = new Set<string>();
  const lines = example.split('\n').map((line) => {
    const key = line.slice(0, line.indexOf('='));
    if (!line.startsWith('#') && key in replace) {
      seen.add(key);
      return `${key}=${replace[key]}`;
    }
    return line;
  });
  expect(
    Object.keys(replace).filter((key) => !seen.has(key)),
    'variables .env.example must have',
  ).toEqual([]);
  const path = join(scratch, `${name}.env`);
  writeFileSync(path, [...lines, ...Object.entries(add).map(([k, v]) => `${k}=${v}`), ''].join('\n'));
  return path;
}

interface LocalActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** `::set-output name=…::value` lines local-action's core stub prints, last value per name. */
  outputs: Record<string, string>;
  /** `::error::` lines (setFailed prints one). */
  errors: string[];
  summary: string;
  seconds: number;
}

/** Runs the documented command with an env file for `name`, the database at `databaseUrl`, and extra inputs. */
async function localAction(name: string, databaseUrl: string, inputs: Record<string, string> = {}) {
  const summaryPath = join(scratch, `${name}-summary.md`);
  writeFileSync(summaryPath, '');
  const env = envFile(
    name,
    { 'INPUT_DATABASE-URL': databaseUrl, INPUT_ENVIRONMENT: name, 'INPUT_REPORT-DIR': reportRoot, ...inputs },
    { GITHUB_STEP_SUMMARY: summaryPath },
  );
  const [npx, ...args] = documentedCommand();
  const argv = args.map((arg) => (arg === '.env' ? env : arg));
  // Nothing of a CI job's own step (INPUT_*, GITHUB_*) reaches the run: only the env file says what it is.
  const childEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(key)),
  );
  const started = Date.now();
  const child = spawn(npx ?? 'npx', argv, { cwd: repoRoot, env: { ...childEnv, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs: Record<string, string> = {};
  for (const match of stdout.matchAll(/^::set-output name=([a-z-]+)::(.*)$/gm))
    outputs[match[1] ?? ''] = match[2] ?? '';
  const errors = [...stdout.matchAll(/^::error::(.*)$/gm)].map((m) => m[1] ?? '');
  const run: LocalActionRun = {
    code,
    stdout,
    stderr,
    outputs,
    errors,
    summary: readFileSync(summaryPath, 'utf8'),
    seconds: (Date.now() - started) / 1000,
  };
  console.log(`local-action ${name}: ${run.seconds.toFixed(1)} s, exit ${code}, status ${outputs.status}`);
  return run;
}

/** A fresh database with examples/credentialmate migrated by real Alembic to `revision`. */
async function migratedDatabase(prefix: string, revision: string): Promise<string> {
  const db = await createServerDatabase(prefix);
  drops.push(db.drop);
  const url = db.url.replace(/^postgres:/, 'postgresql:');
  await execFileAsync(alembicPython, ['-m', 'alembic', 'upgrade', revision], {
    cwd: join(repoRoot, 'examples/credentialmate'),
    env: { ...process.env, DATABASE_URL: url },
  });
  return url;
}

describe.skipIf(skip)('the action through @github/local-action (.env.example, src/main.ts)', () => {
  let behindUrl = '';
  let syncedUrl = '';

  beforeAll(async () => {
    if (alembicUnavailable() !== null) throw new Error(`Alembic is needed: ${alembicUnavailable()}`);
    [behindUrl, syncedUrl] = await Promise.all([
      migratedDatabase('sd_local_action_behind', '20250915_0900'),
      migratedDatabase('sd_local_action_synced', 'heads'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop().catch(() => {})));
    rmSync(scratch, { recursive: true, force: true });
    rmSync(join(repoRoot, reportRoot), { recursive: true, force: true });
  });

  it('documents the command local-action needs: the action folder, the logic entrypoint src/main.ts, the env file', () => {
    expect(documentedCommand()).toEqual(['npx', '@github/local-action', 'run', '.', 'src/main.ts', '.env']);
  });

  it('fails the step on a database 3 migrations behind, naming the verdict', async () => {
    const run = await localAction('behind', behindUrl);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Running Action');
    expect(run.errors).toEqual(['Schema drift in behind: behind by 3 migrations']);
    expect(run.outputs).toMatchObject({
      status: 'drift',
      'drift-detected': 'true',
      'codebase-head': '20251230_1900',
      'production-version': '20250915_0900',
      'pending-count': '3',
    });
    expect(run.summary).toContain('behind: behind by 3 migrations');
    const reportPath = run.outputs['report-path'] ?? '';
    expect(reportPath.startsWith(`${reportRoot}/behind/`)).toBe(true);
    const report = JSON.parse(readFileSync(join(repoRoot, reportPath), 'utf8'));
    assertValidReport(report);
    expect(report.version.state).toBe('behind');
    expect(report.status).toBe('drift');
  }, 180_000);

  it('passes the step on a database at the head', async () => {
    const run = await localAction('synced', syncedUrl);
    expect(run.code, run.stderr).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({
      status: 'synced',
      'drift-detected': 'false',
      'codebase-head': '20251230_1900',
      'production-version': '20251230_1900',
      'pending-count': '0',
    });
    expect(run.summary).toContain('## ✅ synced: in sync at 20251230\\_1900');
    expect(existsSync(join(repoRoot, run.outputs['report-path'] ?? 'missing'))).toBe(true);
  }, 180_000);

  it('fails the step with status error when the database does not answer', async () => {
    const run = await localAction('unreachable', 'postgresql://postgres:postgres@127.0.0.1:1/nowhere');
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs['drift-detected']).toBe('false');
    expect(run.summary).toContain('unreachable: could not determine the state (database error)');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('Could not determine the schema state of unreachable');
    expect(run.errors[0]).toContain('Could not connect to PostgreSQL');
    expect(run.errors[0]).toContain('ECONNREFUSED 127.0.0.1:1');
    const report = JSON.parse(readFileSync(join(repoRoot, run.outputs['report-path'] ?? 'missing'), 'utf8'));
    assertValidReport(report);
    expect(report.status).toBe('error');
    expect(report.error.stage).toBe('database');
  }, 180_000);

  it('fails the step with status error on a bad input, naming the input and the value', async () => {
    const run = await localAction('bad-input', syncedUrl, { 'INPUT_FAIL-ON': 'sometimes' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs.status).toBe('error');
    expect(run.errors.join('\n')).toContain('Invalid input "fail-on": "sometimes"');
  }, 180_000);
});
