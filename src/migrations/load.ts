// Reads an Alembic tree from disk into a MigrationGraph: lists revision files as Alembic does, reads and parses each
// statically and builds the graph.
//
// Files are read synchronously into one reused buffer. Measured on 10,000 revision files (page cache warm, 2 cores):
// fs.promises.readFile through a pool of 64 took ~1,000 ms, callback fs.readFile through a pool ~250 ms, and this
// ~50 ms: each async read costs four libuv threadpool round trips (open, fstat, read, close) for a 1 KB file.
import {
  closeSync,
  constants,
  type Dirent,
  existsSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { type AlembicLocation, type LocateOptions, resolveMigrationsInput } from './alembic/locate.js';
import { type EvaluatedBinding, evaluateModule, type ModuleLookup } from './alembic/module-eval.js';
import { decodePythonSource } from './alembic/python-source.js';
import { readRevisionFile } from './alembic/revision-file.js';
import type { Finding } from './finding.js';
import { buildGraph, type MigrationGraph } from './graph.js';
import type { Revision } from './revision.js';

interface Listed {
  abs: string;
  rel: string;
  name: string;
}

/** A listed file without its absolute path, which is built only while the file is read: 10,000 long paths kept
 *  alive through the whole read are enough to make V8 grow its young generation, and the process's peak RSS. */
interface Found {
  dir: string;
  /** `rel` up to the file name, shared by every file of a folder. */
  prefix: string;
  rel: string;
  name: string;
  /** Set for a symbolic link: the checked target inside the repository, which is what is read. */
  target?: string;
}

/** A revision or module file larger than this is refused (a finding), never read whole. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads the tree and builds the graph. File paths in revisions/findings are relative to `root`, forward slashes.
 *  `options` carries the ini section and version locations given as inputs (they override the ini). */
export async function loadMigrationGraph(
  root: string,
  input?: string,
  options: LocateOptions = {},
): Promise<{ graph: MigrationGraph; location: AlembicLocation }> {
  const base = path.resolve(root);
  const location = resolveMigrationsInput(base, input, options);
  const findings: Finding[] = [];
  const realBase = realOrSelf(base);
  const files = findRevisionFiles(base, location, findings, realBase);
  const revisions: Revision[] = [];
  const reader = new FileReader();
  // Its own reader: a module is read while a revision file's bytes (a view of `reader`'s buffer) are still in use.
  const lookup = moduleLookup(base, realBase, location, new FileReader());
  for (const file of files) {
    const bytes = reader.read(file.target ?? `${file.dir}${path.sep}${file.name}`);
    if (typeof bytes === 'string') {
      findings.push(unreadable(file.rel, bytes));
      continue;
    }
    const result = readRevisionFile(bytes, file.rel, file.name, lookup);
    if (result.revision) revisions.push(result.revision);
    for (const f of result.findings) findings.push(f);
  }
  return { graph: buildGraph(revisions, findings), location };
}

function unreadable(file: string, why: string): Finding {
  return {
    severity: 'error',
    kind: 'unreadable-revision-file',
    message: `${file} was not read: ${why}`,
    file,
    line: 1,
  };
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function inside(realBase: string, real: string): boolean {
  return real === realBase || real.startsWith(realBase.endsWith(path.sep) ? realBase : `${realBase}${path.sep}`);
}

/**
 * Follows `from pkg.mod import NAME` / `import pkg.mod as m` into files of this repository, as Python would find
 * them from the repository root, its `src/` folder, the ini's folder or the ini's `prepend_sys_path`. Only one level:
 * the imported file's own imports are not followed. Each module is read (with the same checks as revision files)
 * and evaluated once.
 */
function moduleLookup(base: string, realBase: string, location: AlembicLocation, reader: FileReader): ModuleLookup {
  const roots = [base, path.join(base, 'src')];
  if (location.iniPath) roots.push(path.dirname(location.iniPath));
  for (const extra of location.sysPath ?? []) roots.push(extra);
  const cache = new Map<string, ReturnType<ModuleLookup>>();
  return (dotted) => {
    const cached = cache.get(dotted);
    if (cached !== undefined) return cached;
    let result: ReturnType<ModuleLookup> = null;
    if (/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(dotted)) {
      const parts = dotted.split('.');
      for (const r of [...new Set(roots)]) {
        const candidates = [`${path.join(r, ...parts)}.py`, path.join(r, ...parts, '__init__.py')];
        const found = candidates.find((c) => isRegularFile(c));
        if (!found) continue;
        const rel = relative(base, found);
        if (!inside(realBase, realOrSelf(found))) {
          result = { missing: `module ${dotted} (${found}) is outside the repository` };
          break;
        }
        const bytes = reader.read(found);
        const decoded = typeof bytes === 'string' ? { error: bytes } : decodePythonSource(bytes);
        if ('error' in decoded) {
          result = { missing: `module ${dotted} (${rel}) ${decoded.error}` };
          break;
        }
        const bindings: Map<string, EvaluatedBinding> = evaluateModule(decoded.src.toString('utf8'), null).bindings;
        result = { bindings };
        break;
      }
    }
    cache.set(dotted, result);
    return result;
  };
}

function isRegularFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function relative(base: string, abs: string): string {
  const rel = path.relative(base, abs);
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

function fail(message: string): never {
  throw new Error(`Could not read migrations: ${message}`);
}

/** Revision files in Alembic's sense (`*.py`, not `.#*` nor `__init__*`), sorted by path for stable output. */
export function listRevisionFiles(base: string, location: AlembicLocation, findings: Finding[]): Listed[] {
  return findRevisionFiles(base, location, findings, realOrSelf(base)).map((f) => ({
    abs: f.target ?? `${f.dir}${path.sep}${f.name}`,
    rel: f.rel,
    name: f.name,
  }));
}

function findRevisionFiles(base: string, location: AlembicLocation, findings: Finding[], realBase: string): Found[] {
  const existing = location.versionLocations.filter((dir) => existsSync(dir));
  if (existing.length === 0) {
    const shown = location.versionLocations.map((d) => `"${relative(base, d) || '.'}"`).join(', ');
    fail(`versions folder ${shown} not found${location.iniPath ? ` (from "${location.iniPath}")` : ''}`);
  }
  const seenDirs = new Set<string>();
  const out: Found[] = [];
  for (const top of existing) {
    const dirs = [top];
    while (dirs.length > 0) {
      const dir = dirs.pop() as string;
      let real: string;
      try {
        real = realpathSync(dir);
      } catch {
        real = dir;
      }
      // Alembic warns and ignores a file reached twice through overlapping version_locations.
      if (seenDirs.has(real)) continue;
      seenDirs.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        fail(`cannot list "${relative(base, dir)}": ${(error as Error).message}`);
      }
      // Only sourceless trees need the folder's names as a set.
      const names = location.sourceless ? new Set(entries.map((e) => e.name)) : new Set<string>();
      const relDir = relative(base, dir);
      const relPrefix = relDir === '' ? '' : `${relDir}/`;
      for (const entry of entries) {
        const name = entry.name;
        if (entry.isDirectory() || (entry.isSymbolicLink() && isDir(`${dir}${path.sep}${name}`))) {
          const abs = `${dir}${path.sep}${name}`;
          const walks = location.recursive && name !== '__pycache__';
          if (walks && entry.isSymbolicLink() && !inside(realBase, realOrSelf(abs))) {
            findings.push(unreadable(relPrefix + name, `it is a link to ${realOrSelf(abs)}, outside the repository`));
          } else if (walks) dirs.push(abs);
          else if (location.sourceless && name === '__pycache__') compiledOnly(base, abs, names, findings);
          continue;
        }
        if (name.startsWith('.#') || name.startsWith('__init__')) continue;
        if (name.endsWith('.py')) {
          const rel = relPrefix + name;
          // Only regular files inside the repository are read: a link to /dev/zero or /etc/shadow, a FIFO or a
          // device named *.py is a finding, never an endless or foreign read.
          if (entry.isFile()) out.push({ dir, prefix: relPrefix, rel, name });
          else if (entry.isSymbolicLink()) {
            const target = checkedLinkTarget(`${dir}${path.sep}${name}`, realBase);
            if ('why' in target) findings.push(unreadable(rel, target.why));
            else out.push({ dir, prefix: relPrefix, rel, name, target: target.real });
          } else findings.push(unreadable(rel, 'it is not a regular file'));
        } else if (location.sourceless && /\.py[co]$/.test(name) && !names.has(name.slice(0, -1))) {
          compiledFinding(base, `${dir}${path.sep}${name}`, findings);
        }
      }
    }
  }
  if (out.length === 0 && findings.length === 0) {
    const shown = existing.map((d) => `"${relative(base, d) || '.'}"`).join(', ');
    fail(`no revision files (*.py) in ${shown}`);
  }
  // Same folder (the usual case): compare names, so the joined paths are never flattened just to be sorted.
  return out.sort((a, b) => (a.prefix === b.prefix ? byString(a.name, b.name) : byString(a.rel, b.rel)));
}

/** The real path of a link when it is a regular file inside the repository, or why it is not read. */
function checkedLinkTarget(link: string, realBase: string): { real: string } | { why: string } {
  let real: string;
  try {
    real = realpathSync(link);
  } catch (error) {
    return { why: `it is a link that cannot be resolved (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (!inside(realBase, real)) return { why: `it is a link to ${real}, outside the repository` };
  if (!isRegularFile(real)) return { why: `it is a link to ${real}, which is not a regular file` };
  return { real };
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDir(p: string): boolean {
  try {
    return readdirSync(p) !== undefined;
  } catch {
    return false;
  }
}

function compiledOnly(base: string, cacheDir: string, sourceNames: Set<string>, findings: Finding[]): void {
  const stems = new Set([...sourceNames].map((n) => n.split('.')[0]));
  for (const name of readdirSync(cacheDir)) {
    if (!stems.has(name.split('.')[0]) && /\.py[co]$/.test(name))
      compiledFinding(base, path.join(cacheDir, name), findings);
  }
}

function compiledFinding(base: string, abs: string, findings: Finding[]): void {
  const file = relative(base, abs);
  findings.push({
    severity: 'error',
    kind: 'unparseable-revision-file',
    message: `${file} is a compiled revision (sourceless = true) without its .py source; it cannot be read without Python`,
    file,
    line: 1,
  });
}

/** Reads whole files into one growing buffer; the returned view is valid until the next read. A string is the
 *  reason a file was not read (it cannot be opened, it is larger than MAX_FILE_BYTES, or reading failed). */
class FileReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  read(p: string): Uint8Array | string {
    let fd: number;
    try {
      // O_NOFOLLOW: a file swapped for a link after listing is refused; O_NONBLOCK: a FIFO never blocks the open.
      fd = openSync(p, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      return `it cannot be opened (${describeError(error)})`;
    }
    try {
      let length = 0;
      while (true) {
        if (length === this.buffer.length) {
          if (length > MAX_FILE_BYTES) return `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
          const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, MAX_FILE_BYTES + 1));
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const room = this.buffer.length - length;
        const got = readSync(fd, this.buffer, length, room, null);
        length += got;
        // A regular file gives a short read only at its end: stop there rather than pay a syscall to see 0.
        if (got < room) break;
      }
      if (length > MAX_FILE_BYTES) return `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
      return this.buffer.subarray(0, length);
    } catch (error) {
      return `reading it failed (${describeError(error)})`;
    } finally {
      closeSync(fd);
    }
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? (error as Error).message;
}
