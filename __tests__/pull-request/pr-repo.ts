// Git repositories for pull-request tests: an Alembic project on `main`, branches for pull requests, and the merge
// commit GitHub checks out for a `pull_request` event (refs/pull/N/merge: base tip + PR head).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PrRepo {
  dir: string;
  git(...args: string[]): string;
  write(rel: string, text: string): void;
  read(rel: string): string;
  /** Writes migrations/versions/<id>.py; returns its repository-relative path. */
  migration(id: string, down: string | null, message?: string): string;
  commit(message: string): string;
  /** Checks out GitHub's merge commit of `branch` into `base` (detached); returns its sha. */
  checkoutMerge(base: string, branch: string): string;
  remove(): void;
}

/** Line of `revision = ...` in files written by `migration`. */
export const REVISION_LINE = 9;

export function revisionSource(id: string, down: string | null, message = `${id} message`): string {
  return [
    `"""${message}`,
    '',
    `Revision ID: ${id}`,
    `Revises: ${down ?? ''}`,
    '"""',
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    `revision = '${id}'`,
    `down_revision = ${down === null ? 'None' : `'${down}'`}`,
    'branch_labels = None',
    'depends_on = None',
    '',
    '',
    'def upgrade():',
    `    op.execute("select 1")  # ${id}`,
    '',
    '',
    'def downgrade():',
    '    pass',
    '',
  ].join('\n');
}

/** A repository whose `main` holds an Alembic project with the chain `ids` (each revising the previous). */
export function createPrRepo(ids: string[]): PrRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'sd-pr-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    }).trim();
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const repo: PrRepo = {
    dir,
    git,
    write,
    read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
    migration(id, down, message) {
      const rel = `migrations/versions/${id}.py`;
      write(rel, revisionSource(id, down, message));
      return rel;
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    checkoutMerge(base, branch) {
      git('checkout', '-q', '--detach', base);
      git('merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${branch} into ${base}`, branch);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  write('alembic.ini', '[alembic]\nscript_location = migrations\n');
  write('migrations/env.py', '# env\n');
  let down: string | null = null;
  for (const id of ids) {
    repo.migration(id, down);
    down = id;
  }
  repo.commit('initial migrations');
  return repo;
}

/** A fixture payload with the shas of this repository. */
export function eventFixture(name: string, shas: { base: string; head: string }): Record<string, unknown> {
  const file = path.join(import.meta.dirname, '..', 'fixtures', 'github', `${name}.json`);
  const event = JSON.parse(readFileSync(file, 'utf8'));
  event.pull_request.base.sha = shas.base;
  event.pull_request.head.sha = shas.head;
  return event;
}
