// `schema-drift lint` through the BUILT CLI (node dist/cli/index.js) on generated Alembic trees: exit codes 0/1/2,
// --base against git, --json validated as the report's `lint` section, sizes from a real PostgreSQL 15.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migration } from '../lint/fixtures.js';
import { reportFor } from '../report/fixtures.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { ensureActionBuilt, repoRoot } from '../support/run-action.js';

const serverMissing = (await pgServerUnavailable()) !== null;
const cli = path.join(repoRoot, 'dist', 'cli', 'index.js');
const dirs: string[] = [];

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sd-lint-cli-'));
  dirs.push(dir);
  const all: Record<string, string> = {
    'alembic.ini': '[alembic]\nscript_location = migrations\n',
    'migrations/env.py': 'from alembic import context\n',
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function lint(dir: string, ...args: string[]) {
  const out = spawnSync(process.execPath, [cli, 'lint', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const safe = migration(["op.add_column('users', sa.Column('nickname', sa.Text()))"], 'a1');
const failing = migration(["op.create_index('ix', 'users', ['email'], postgresql_concurrently=True)"], 'b2').replace(
  "down_revision = 'f00'",
  "down_revision = 'a1'",
);

beforeAll(async () => {
  await ensureActionBuilt();
}, 280_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('built schema-drift lint', () => {
  it('exits 0 on safe migrations, 1 on an error finding, 2 on a revision file it cannot read', () => {
    const fixed = safe.replace("down_revision = 'f00'", 'down_revision = None');
    expect(lint(tree({ 'migrations/versions/a1.py': fixed }))).toMatchObject({ code: 0 });
    const bad = lint(tree({ 'migrations/versions/a1.py': fixed, 'migrations/versions/b2.py': failing }));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('migrations/versions/b2.py:13: error: concurrently-in-transaction:');
    const broken = lint(tree({ 'migrations/versions/a1.py': 'revision = (\n' }));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('migrations/versions/a1.py');
  });

  it('lints only what changed since --base, and refuses --base with --all', () => {
    const dir = tree({ 'migrations/versions/a1.py': safe.replace("down_revision = 'f00'", 'down_revision = None') });
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'base');
    writeFileSync(path.join(dir, 'migrations/versions/b2.py'), failing);
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'pr');
    const changed = lint(dir, '--base', 'HEAD~1', '--json');
    expect(JSON.parse(changed.stdout).migrations).toBe(1);
    expect(lint(dir, '--base', 'HEAD', '--json').code).toBe(0);
    expect(lint(dir, '--base', 'HEAD~1', '--all').code).toBe(2);
  });

  it('prints a --json section the report schema accepts', () => {
    const body = [
      "op.drop_column('users', 'legacy')",
      'op.execute(f"UPDATE {t} SET a = 1")',
      '# schema-drift: ignore[drop-table] archived to S3 (JIRA-9)',
      "op.drop_table('old_sessions')",
    ];
    const dir = tree({ 'migrations/versions/a1.py': migration(body, 'a1').replace("'f00'", 'None') });
    const out = lint(dir, '--json');
    expect(out.code, out.stderr).toBe(0);
    const section = JSON.parse(out.stdout);
    expect(section.counts).toEqual({ error: 0, warning: 2, notice: 1 });
    expect(section.ignored).toHaveLength(1);
    assertValidReport({ ...reportFor('synced'), lint: section });
  });
});

describe('built schema-drift lint, output larger than a pipe holds', () => {
  // 150 revisions of 12 unsafe indexes: ~1.5 MB of JSON, read by a parent that first lets the pipe fill, so the CLI
  // has to wait for it to drain instead of queueing the rest.
  const files: Record<string, string> = {};
  for (let i = 0; i < 150; i++) {
    const id = `r${String(i).padStart(3, '0')}`;
    const down = i === 0 ? 'None' : `'r${String(i - 1).padStart(3, '0')}'`;
    const body = Array.from({ length: 12 }, (_, k) => `op.create_index('ix_${i}_${k}', 'users', ['c${k}'])`);
    files[`migrations/versions/${id}.py`] = migration(body, id).replace("'f00'", down);
  }

  async function slowlyRead(dir: string, ...args: string[]): Promise<{ code: number | null; stdout: string }> {
    const child = spawn(process.execPath, [cli, 'lint', '--all', ...args], { cwd: dir });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout: Buffer.concat(chunks).toString('utf8') };
  }

  it('writes every finding, in order, as --json and as text', async () => {
    const dir = tree(files);
    const json = await slowlyRead(dir, '--json');
    expect(json.code).toBe(0);
    expect(json.stdout.length).toBeGreaterThan(1_000_000);
    const section = JSON.parse(json.stdout);
    // Each revision: 12 unsafe indexes and the first of them waiting for its lock without a lock_timeout.
    expect(section.findings).toHaveLength(1950);
    expect(section.findings.filter((f: { kind: string }) => f.kind === 'create-index-not-concurrently')).toHaveLength(
      1800,
    );
    const text = await slowlyRead(dir);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1951);
    expect(lines[0]).toMatch(/^migrations\/versions\/r000\.py:13: warning: /);
    expect(lines.at(-1)).toMatch(/^150 migrations linted: 0 errors, 1950 warnings, 0 notices, 0 ignored/);
  });
});

describe('built schema-drift lint against --timeout-seconds', () => {
  it('stops when the time is up, exit 2, naming the file it was reading', () => {
    // 160 revisions of ~500 KB of SQL each: about 15 s of reading on a quiet machine here (40 took under 4 s).
    const statements = Array.from({ length: 7_000 }, (_, k) => `UPDATE users SET a = ${k} WHERE id = ${k};`).join('\n');
    const files: Record<string, string> = {};
    for (let i = 0; i < 160; i++) {
      const id = `t${String(i).padStart(3, '0')}`;
      const down = i === 0 ? 'None' : `'t${String(i - 1).padStart(3, '0')}'`;
      files[`migrations/versions/${id}.py`] = migration([`op.execute("""${statements}""")`], id).replace("'f00'", down);
    }
    const dir = tree(files);
    const started = Date.now();
    const out = lint(dir, '--all', '--timeout-seconds', '5');
    expect(out.code, out.stdout).toBe(2);
    expect(out.stderr).toMatch(
      /--timeout-seconds \(5\) ran out while linting migrations\/versions\/t\d\d\d\.py \((\d+) of 160 migrations linted\)/,
    );
    expect(Number(/\((\d+) of 160/.exec(out.stderr)?.[1])).toBeLessThan(160);
    // Start-up (node, the bundle, the graph) comes on top of the 5 s; one file's read is well under a second.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe.skipIf(serverMissing)('built schema-drift lint with a PostgreSQL 15 database', () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    db = await createServerDatabase('sd_lint_cli');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('create table users (id int primary key, email text)');
      await client.query('insert into users select g, g::text from generate_series(1, 1500) g');
      await client.query('analyze users');
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('grades by the table size read from the catalog, against the threshold given', () => {
    const body = ["op.create_index('ix_users_email', 'users', ['email'])"];
    const dir = tree({ 'migrations/versions/a1.py': migration(body, 'a1').replace("'f00'", 'None') });
    const small = lint(dir, '--database-url', db.url, '--json');
    expect(small.code, small.stderr).toBe(0);
    expect(JSON.parse(small.stdout).findings[0]).toMatchObject({
      severity: 'warning',
      rows: 1500,
      graded_by: 'production',
    });
    const large = lint(dir, '--database-url', db.url, '--lint-large-table', '1000 rows');
    expect(large.code).toBe(1);
    expect(large.stdout).toContain('~1,500 rows');
    expect(large.stdout).not.toContain('postgres:postgres@');
  });
});
