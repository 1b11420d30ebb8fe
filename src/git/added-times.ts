// When each migration file entered the branch, from git history — the clock behind pending-grace.
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface AddedTimes {
  /** Repository-relative path → commit time of the commit that added it on this branch. */
  times: Map<string, Date>;
  /** Repository-relative path → the commit that added it (named when its date cannot be trusted). */
  commits: Map<string, string>;
  /** Why the times could not be trusted (not a git checkout, shallow clone), or null. */
  unavailable: string | null;
}

/** One `git log` over the given folders; a shallow clone is refused because its oldest commit "adds" every file. */
export async function readAddedTimes(root: string, folders: readonly string[]): Promise<AddedTimes> {
  const times = new Map<string, Date>();
  const commits = new Map<string, string>();
  const git = (cwd: string, args: string[]) => run('git', ['-C', cwd, ...args], { maxBuffer: 256 * 1024 * 1024 });
  try {
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim();
    if (shallow === 'true') {
      return { times, commits, unavailable: 'the checkout is shallow; set `fetch-depth: 0` on actions/checkout' };
    }
    const top = (await git(root, ['rev-parse', '--show-toplevel'])).stdout.trim();
    // git prints real paths from the top level; compare like with like even when root sits behind a symlink.
    const realRoot = await realpath(root);
    const paths = await Promise.all(folders.map(async (f) => relative(top, await realpath(f)) || '.'));
    // Newest first: the last time we see a path is the commit that first added it.
    const { stdout } = await git(top, [
      'log',
      '--diff-filter=A',
      '--format=%x00%ct %H',
      '--name-only',
      '--no-renames',
      '--',
      ...paths,
    ]);
    let when: Date | null = null;
    let commit = '';
    for (const line of stdout.split('\n')) {
      if (line.startsWith('\0')) {
        const [seconds = '', sha = ''] = line.slice(1).split(' ');
        when = new Date(Number(seconds) * 1000);
        commit = sha;
      } else if (line && when) {
        const path = relative(realRoot, join(top, line)).split('\\').join('/');
        times.set(path, when);
        commits.set(path, commit);
      }
    }
    return { times, commits, unavailable: null };
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    return { times, commits, unavailable: `git history could not be read in ${root}: ${message.split('\n')[0]}` };
  }
}
