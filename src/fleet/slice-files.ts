// The slice reports of a matrix run as downloaded artifacts: every shard-{i}-of-{N}.json under a folder (each
// download-artifact puts its artifact in a folder of its own), read for `mode: fleet-merge` / `schema-drift merge`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SliceText } from './action.js';

const SLICE_FILE = /^shard-\d+-of-\d+(-\d+)?\.json$/;

/** Every slice file under `dir` (recursively), in path order; throws naming the folder when it cannot be read. */
export async function readSliceFiles(dir: string): Promise<SliceText[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })) as string[];
  } catch (error) {
    throw new Error(`Could not list ${dir}: ${(error as Error).message}`);
  }
  const files = names.filter((name) => SLICE_FILE.test(name.split(/[\\/]/).pop() ?? '')).sort();
  return Promise.all(
    files.map(async (name) => {
      const location = join(dir, name);
      return { text: await readFile(location, 'utf8'), location };
    }),
  );
}
