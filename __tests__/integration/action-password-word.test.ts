// A database password that is an ordinary word (`postgres`, the default of every PostgreSQL image) through the BUILT
// action, as the runner runs it. Masked by value, the word turned every `postgresql://` in the log into `***ql://`
// (and the user `postgres` into ***): it must be redacted where it is a password instead — URL userinfo and
// password= values — in the log, the annotations, the summary, the outputs and the stored report, while the whole URL
// is still handed to the runner to mask.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { type ActionRun, ensureActionBuilt, repoRoot, runAction } from '../support/run-action.js';

const unavailable = await pgServerUnavailable();
let database: { url: string; drop: () => Promise<void> };
let dir: string;

beforeAll(async () => {
  if (unavailable) return;
  await ensureActionBuilt();
  database = await createServerDatabase('sda_password_word');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    // Three revisions behind the example's head: drift, so the run logs, annotates and summarises a verdict.
    await client.query('create table alembic_version (version_num varchar(32) primary key)');
    await client.query("insert into alembic_version values ('20250915_0900')");
  } finally {
    await client.end();
  }
  await mkdir(join(repoRoot, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(repoRoot, '.tmp', 'password-word-'));
}, 240_000);

afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every file under `folder`, as text. */
async function filesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return out;
}

/** What a reader sees: the runner's masking applied to stdout (each ::add-mask:: value → ***), then every other file. */
function asShown(run: ActionRun, stored: string[]): string {
  let log = run.visibleStdout;
  for (const value of [...run.masked].sort((a, b) => b.length - a.length)) log = log.split(value).join('***');
  return [log, run.stderr, run.summary, run.outputFile, ...stored].join('\n');
}

function expectRedactedByPosition(run: ActionRun, stored: string[]): void {
  // The word itself is never handed to the runner: it would mask every occurrence of it.
  expect(run.masked).not.toContain('postgres');
  const shown = asShown(run, stored);
  expect(shown).not.toContain('***ql://');
  expect(shown).not.toContain(':postgres@');
  expect(shown).not.toMatch(/password=postgres/i);
  // Nor does our own redaction say it by value: without the runner's masking the log shows the same.
  expect(run.visibleStdout).not.toContain('***ql://');
  expect(run.visibleStdout).not.toContain(':postgres@');
}

describe.skipIf(unavailable !== null)('the built action with the password "postgres"', () => {
  it('logs, annotates, summarises and stores a drift verdict with the password redacted where it is one', async () => {
    const url = database.url.replace(/^postgres:/, 'postgresql:');
    expect(url).toContain(':postgres@');
    const reports = relative(repoRoot, join(dir, 'reports'));
    const run = await runAction({
      inputs: {
        migrations: 'examples/credentialmate',
        'database-url': url,
        environment: 'word',
        'fail-on': 'drift',
        'report-dir': reports,
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('drift');
    // The whole URL is long and random enough: still masked by value.
    expect(run.masked).toContain(url);
    const stored = await filesUnder(join(repoRoot, reports));
    expect(stored.length).toBeGreaterThan(0);
    expectRedactedByPosition(run, stored);
    // The scheme and the user stay readable; only the password is hidden.
    expect(stored.join('\n')).toContain('postgresql://postgres:***@127.0.0.1');
  }, 120_000);

  it('says why it could not connect without the password, as a URL and as a conninfo string', async () => {
    for (const target of [
      'postgresql://postgres:postgres@127.0.0.1:1/nowhere',
      'host=127.0.0.1 port=1 user=postgres password=postgres dbname=nowhere',
    ]) {
      const run = await runAction({
        inputs: { migrations: 'examples/credentialmate', 'database-url': target, environment: 'word' },
      });
      expect(run.code, target).not.toBe(0);
      expect(run.outputs.status).toBe('error');
      expect(run.masked).toContain(target);
      expectRedactedByPosition(run, []);
      expect(run.visibleStdout).toContain('::error');
    }
  }, 120_000);

  it('keeps a short plain password out of what another program printed (the reference setup command)', async () => {
    // `hunter2` is too plain to be masked by value everywhere; a setup command that echoes it outside any URL must
    // still not carry it into the log, the annotation, the summary or the stored report.
    const reports = relative(repoRoot, join(dir, 'reports-setup'));
    const run = await runAction({
      inputs: {
        migrations: 'examples/credentialmate',
        'database-url': database.url,
        environment: 'setup',
        'structure-expected': 'reference',
        'reference-database-url': 'postgres://ref:hunter2@127.0.0.1:1/ref',
        'reference-setup-command': 'echo connect as ref with hunter2; exit 3',
        'report-dir': reports,
      },
    });
    expect(run.code).not.toBe(0);
    const stored = await filesUnder(join(repoRoot, reports));
    expect(stored.length).toBeGreaterThan(0);
    const shown = asShown(run, stored);
    expect(shown).toContain('connect as ref with ***');
    expect(shown).not.toContain('hunter2');
    expect(run.visibleStdout).not.toContain('hunter2');
  }, 120_000);
});
