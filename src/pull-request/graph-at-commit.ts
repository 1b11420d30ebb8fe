// The migration graph as it was at another commit (the pull request's base), read from git blobs rather than a
// second checkout: the same listing rules as the disk reader, the same revision-file parser, the same graph.
import path from 'node:path';
import type { AlembicLocation } from '../migrations/alembic/locate.js';
import { readRevisionFile } from '../migrations/alembic/revision-file.js';
import type { Finding } from '../migrations/finding.js';
import { buildGraph, type MigrationGraph } from '../migrations/graph.js';
import type { Revision } from '../migrations/revision.js';
import { type Git, listTree, readBlobs } from './git.js';

/** Path of an absolute file or folder relative to the git top level, forward slashes ('' for the top itself). */
export function topRelative(git: Git, abs: string): string {
  return path.relative(git.top, abs).split(path.sep).join('/');
}

/**
 * Reads the graph at `commit` from the version locations of `location` (found in the working tree: a pull request
 * that moves its versions folder is compared folder for folder). File paths are relative to `root`.
 */
export async function loadGraphAtCommit(
  git: Git,
  root: string,
  location: AlembicLocation,
  commit: string,
): Promise<MigrationGraph> {
  const dirs = location.versionLocations.map((d) => topRelative(git, d));
  const entries = await listTree(git, commit, dirs);
  const wanted = entries.filter((entry) => {
    const owner = dirs.find((d) => d === '' || entry.path.startsWith(`${d}/`));
    if (owner === undefined) return false;
    const inside = owner === '' ? entry.path : entry.path.slice(owner.length + 1);
    const parts = inside.split('/');
    const name = parts[parts.length - 1] as string;
    // Alembic lists only the folder itself unless recursive_version_locations, and never __pycache__.
    if (parts.length > 1 && (!location.recursive || parts.includes('__pycache__'))) return false;
    return name.endsWith('.py') && !name.startsWith('.#') && !name.startsWith('__init__');
  });
  // Overlapping version_locations list a file twice; Alembic reads it once.
  const unique = [...new Map(wanted.map((e) => [e.path, e])).values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const blobs = await readBlobs(
    git,
    unique.map((e) => e.blob),
  );
  const revisions: Revision[] = [];
  const findings: Finding[] = [];
  unique.forEach((entry, i) => {
    const file = path.relative(root, path.join(git.top, entry.path)).split(path.sep).join('/');
    const result = readRevisionFile(blobs[i] as Buffer, file, path.posix.basename(entry.path));
    if (result.revision) revisions.push(result.revision);
    findings.push(...result.findings);
  });
  return buildGraph(revisions, findings);
}
