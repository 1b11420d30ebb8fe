// Reads an Alembic tree from disk into a MigrationGraph: lists revision files as Alembic does, reads and parses each
// statically and builds the graph.
//
// Files are read synchronously into one reused buffer. Measured on 10,000 revision files (page cache warm, 2 cores):
// fs.promises.readFile through a pool of 64 took ~1,000 ms, callback fs.readFile through a pool ~250 ms, and this
// ~50 ms: each async read costs four libuv threadpool round trips (open, fstat, read, close) for a 1 KB file.
import { closeSync, constants, type Dirent, existsSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { type AlembicLocation, resolveMigrationsInput } from './alembic/locate.js';
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
}

/** Reads the tree and builds the graph. File paths in revisions/findings are relative to `root`, forward slashes. */
export async function loadMigrationGraph(
  root: string,
  input?: string,
): Promise<{ graph: MigrationGraph; location: AlembicLocation }> {
  const base = path.resolve(root);
  const location = resolveMigrationsInput(base, input);
  const findings: Finding[] = [];
  const files = findRevisionFiles(base, location, findings);
  const revisions: Revision[] = [];
  const reader = new FileReader();
  for (const file of files) {
    const result = readRevisionFile(reader.read(`${file.dir}${path.sep}${file.name}`), file.rel, file.name);
    if (result.revision) revisions.push(result.revision);
    for (const f of result.findings) findings.push(f);
  }
  return { graph: buildGraph(revisions, findings), location };
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
  return findRevisionFiles(base, location, findings).map((f) => ({
    abs: `${f.dir}${path.sep}${f.name}`,
    rel: f.rel,
    name: f.name,
  }));
}

function findRevisionFiles(base: string, location: AlembicLocation, findings: Finding[]): Found[] {
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
          if (location.recursive && name !== '__pycache__') dirs.push(abs);
          else if (location.sourceless && name === '__pycache__') compiledOnly(base, abs, names, findings);
          continue;
        }
        if (name.startsWith('.#') || name.startsWith('__init__')) continue;
        if (name.endsWith('.py')) out.push({ dir, prefix: relPrefix, rel: relPrefix + name, name });
        else if (location.sourceless && /\.py[co]$/.test(name) && !names.has(name.slice(0, -1))) {
          compiledFinding(base, `${dir}${path.sep}${name}`, findings);
        }
      }
    }
  }
  if (out.length === 0) {
    const shown = existing.map((d) => `"${relative(base, d) || '.'}"`).join(', ');
    fail(`no revision files (*.py) in ${shown}`);
  }
  // Same folder (the usual case): compare names, so the joined paths are never flattened just to be sorted.
  return out.sort((a, b) => (a.prefix === b.prefix ? byString(a.name, b.name) : byString(a.rel, b.rel)));
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

/** Reads whole files into one growing buffer; the returned view is valid until the next read. */
class FileReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  read(p: string): Uint8Array {
    let fd: number;
    try {
      fd = openSync(p, constants.O_RDONLY);
    } catch (error) {
      fail(`cannot read "${p}": ${(error as Error).message}`);
    }
    try {
      let length = 0;
      while (true) {
        if (length === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const room = this.buffer.length - length;
        const got = readSync(fd, this.buffer, length, room, null);
        length += got;
        // A regular file gives a short read only at its end: stop there rather than pay a syscall to see 0.
        if (got < room) break;
      }
      return this.buffer.subarray(0, length);
    } catch (error) {
      fail(`cannot read "${p}": ${(error as Error).message}`);
    } finally {
      closeSync(fd);
    }
  }
}
