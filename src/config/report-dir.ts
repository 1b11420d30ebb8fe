// report-dir must stay inside the workspace: reports are written there, and a repository (or an input) that points
// it elsewhere — `..`, an absolute path, a committed symlink — would make the action write outside the checkout.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

// The real path of the deepest part of `path` that exists: where a write below it would really land.
function realExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return realpathSync(current);
}

/** Throws (saying why) unless `dir`, and the environment's folder under it, resolve inside `workspace`. */
export function checkReportDir(dir: string, workspace: string, environment: string): void {
  const root = resolve(workspace);
  const target = resolve(root, dir);
  if (!inside(root, target)) throw new Error(`it resolves to ${target}, outside the workspace ${root}`);
  const realRoot = realExisting(root);
  // The environment's folder too: the reports are written below it, so a symlink there leads out as well.
  for (const path of [target, join(target, environment)]) {
    const real = realExisting(path);
    if (!inside(realRoot, real)) {
      throw new Error(`it leads through a symbolic link to ${real}, outside the workspace ${realRoot}`);
    }
  }
}
