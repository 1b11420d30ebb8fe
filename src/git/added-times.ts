// When each migration file entered the branch, from git history — the clock behind pending-grace.
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface AddedTimes {
  /** Repository-relative path → commit time of the commit that added it on this branch. */
  times: Map<string, Date>;
  /** Why the times could not be trusted (not a git checkout, shallow clone), or null. */
  unavailable: string | null;
}

/** One `git log` over the given folders; a shallow clone is refused because its oldest commit "adds" every file. */
export async function readAddedTimes(root: string, folders: readonly string[]): Promise<AddedTimes> {
  const times = new Map<string, Date>();
  const git = (args: string[]) => run('git', ['-C', root, ...args], { maxBuffer: 256 * 1024 * 1024 });
  try {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim();
    if (shallow === 'true') {
      return { times, unavailable: 'the checkout is shallow; set `fetch-depth: 0` on actions/checkout' };
    }
    const top = (await git(['rev-parse', '--show-toplevel'])).stdout.trim();
    const paths = folders.map((f) => relative(top, f) || '.');
    // Newest first: the last time we see a path is the commit that first added it.
    const { stdout } = await git([
      'log',
      '--diff-filter=A',
      '--format=%x00%ct',
      '--name-only',
      '--no-renames',
      '--',
      ...paths,
    ]);
    let when: Date | null = null;
    for (const line of stdout.split('\n')) {
      if (line.startsWith('\0')) when = new Date(Number(line.slice(1)) * 1000);
      else if (line && when) times.set(relative(root, `${top}/${line}`).split('\\').join('/'), when);
    }
    return { times, unavailable: null };
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    return { times, unavailable: `git history could not be read in ${root}: ${message.split('\n')[0]}` };
  }
}
