// The few git questions the pull-request check asks, through the git CLI (present on every GitHub runner).
// Paths given and returned are relative to the repository top level, with forward slashes.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Thrown when git itself fails; `stderr` holds git's own words. */
export class GitError extends Error {
  override name = 'GitError';
}

export interface Git {
  /** The repository top level (absolute). */
  top: string;
  run(args: string[]): Promise<string>;
}

/** A git runner rooted at the repository holding `dir`. */
export async function openGit(dir: string): Promise<Git> {
  const run = async (args: string[], cwd = dir): Promise<string> => {
    try {
      const { stdout } = await exec('git', ['-C', cwd, ...args], { maxBuffer: 512 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new GitError(`git ${args.join(' ')} failed in ${cwd}: ${stderr || (error as Error).message}`);
    }
  };
  const top = (await run(['rev-parse', '--show-toplevel'])).trim();
  return { top, run: (args) => run(args, top) };
}

export async function isShallow(git: Git): Promise<boolean> {
  return (await git.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/** Whether the commit object is present in the local repository. */
export async function hasCommit(git: Git, sha: string): Promise<boolean> {
  try {
    await git.run(['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

export interface TreeEntry {
  path: string;
  blob: string;
}

/** Regular files (and symlinks) under `dirs` at `commit`, recursively. */
export async function listTree(git: Git, commit: string, dirs: readonly string[]): Promise<TreeEntry[]> {
  if (dirs.length === 0) return [];
  const out = await git.run(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...dirs]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (record === '') continue;
    // "<mode> SP <type> SP <object> TAB <path>"
    const tab = record.indexOf('\t');
    const [, type, blob] = record.slice(0, tab).split(' ');
    if (type === 'blob' && blob) entries.push({ path: record.slice(tab + 1), blob });
  }
  return entries;
}

/** The contents of many blobs through one `git cat-file --batch`, in the order asked. */
export async function readBlobs(git: Git, blobs: readonly string[]): Promise<Buffer[]> {
  if (blobs.length === 0) return [];
  const child = spawn('git', ['-C', git.top, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => errors.push(c));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(`${blobs.join('\n')}\n`);
  const code = await done;
  if (code !== 0) throw new GitError(`git cat-file --batch failed: ${Buffer.concat(errors).toString().trim()}`);
  const all = Buffer.concat(chunks);
  const out: Buffer[] = [];
  let at = 0;
  for (const blob of blobs) {
    const eol = all.indexOf(10, at);
    const header = all.subarray(at, eol).toString();
    const [, type, size] = header.split(' ');
    if (type !== 'blob' || size === undefined) throw new GitError(`git cat-file --batch: ${blob}: ${header}`);
    const start = eol + 1;
    out.push(all.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return out;
}

export interface ChangedFile {
  /** A added, M modified, D deleted, R renamed (from `previous`), T type changed, C copied. */
  status: string;
  path: string;
  previous?: string;
  /** For renames: the content did not change (similarity 100). */
  pureRename?: boolean;
}

/** Files the pull request changes: `git diff base...head` (from their merge base), renames detected. */
export async function changedFiles(git: Git, base: string, head: string): Promise<ChangedFile[]> {
  const out = await git.run(['diff', '--name-status', '-z', '-M', '--no-ext-diff', `${base}...${head}`]);
  const fields = out.split('\0');
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < fields.length) {
    const status = fields[i++];
    if (!status) continue;
    const letter = status[0] as string;
    if (letter === 'R' || letter === 'C') {
      const previous = fields[i++] as string;
      files.push({ status: letter, previous, path: fields[i++] as string, pureRename: status === 'R100' });
    } else {
      files.push({ status: letter, path: fields[i++] as string });
    }
  }
  return files;
}
