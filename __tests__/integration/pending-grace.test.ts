// pending-grace end to end: a git repository whose last three migrations were committed ten minutes ago, and a
// database three revisions behind. Within the grace they are reported but are not drift; past it they are.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { openPgliteExecutor } from '../../src/database/pglite.js';
import type { Report } from '../../src/report/model.js';

const example = resolve(import.meta.dirname, '../../examples/credentialmate');
const recent = ['7a9c1e3f5b2d', '20251103_1400', '20251230_1900'];

describe('pending-grace with real git history', () => {
  let repo: string;
  let dataDir: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'sda-grace-repo-'));
    dataDir = mkdtempSync(join(tmpdir(), 'sda-grace-db-'));
    cpSync(example, repo, { recursive: true });
    const git = (args: string[], date: string) =>
      execFileSync('git', args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com',
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
      });
    git(['init', '-q', '-b', 'main'], '2025-01-01T00:00:00Z');
    const versions = join(repo, 'migrations/versions');
    const newer = readdirSync(versions).filter((f) => recent.some((id) => f.startsWith(`${id}_`)));
    expect(newer).toHaveLength(3);
    git(['add', '--all', '--', '.', ...newer.map((f) => `:!migrations/versions/${f}`)], '2025-01-01T00:00:00Z');
    git(['commit', '-qm', 'history'], '2025-09-15T09:00:00Z');
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    git(['add', '--all'], tenMinutesAgo);
    git(['commit', '-qm', 'three new migrations'], tenMinutesAgo);

    const db = await openPgliteExecutor(dataDir, { create: true });
    await db.db.exec(
      "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('20250915_0900');",
    );
    await db.close();
  });
  afterAll(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function check(grace: string) {
    let stdout = '';
    // A fresh report store per check: pending-grace needs one to remember when a migration was first seen pending.
    const reports = mkdtempSync(join(tmpdir(), 'sda-grace-reports-'));
    dirs.push(reports);
    const code = await runCli(
      ['check', '--pglite', dataDir, '--pending-grace', grace, '--report-dir', reports, '--json'],
      {
        stdout: (t) => {
          stdout += t;
        },
        stderr: () => {},
        cwd: repo,
        env: {},
      },
    );
    return { code, report: JSON.parse(stdout) as Report };
  }

  it('reports the three pending migrations but not drift while they are younger than the grace', async () => {
    const { code, report } = await check('60');
    expect(code).toBe(0);
    expect(report.status).toBe('synced');
    expect(report.version).toMatchObject({ state: 'behind', drift: false, pending_grace_minutes: 60 });
    expect(report.version?.pending.map((p) => [p.revision, p.within_grace])).toEqual(recent.map((id) => [id, true]));
    expect(report.version?.summary).toBe('behind by 3 migrations (all within pending-grace)');
  });

  it('counts them as drift once the grace is shorter than their age', async () => {
    const { code, report } = await check('5');
    expect(code).toBe(1);
    expect(report.status).toBe('drift');
    expect(report.version?.pending.every((p) => !p.within_grace && p.added_at !== null)).toBe(true);
  });

  it('gives no grace without a report store, saying why', async () => {
    let stdout = '';
    const code = await runCli(['check', '--pglite', dataDir, '--pending-grace', '60', '--json'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      cwd: repo,
      env: {},
    });
    const report = JSON.parse(stdout) as Report;
    expect([code, report.status]).toEqual([1, 'drift']);
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'pending-grace-unavailable' }));
  });
});
