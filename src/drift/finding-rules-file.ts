// Reads the `file:` rules of `.schema-drift.yml` for the version verdict (monitor) and the pull-request check alike,
// so a finding one mode lets past the other does too.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { type FindingRule, parseFindingRules } from './ignore-rules.js';

/** Finding rules of the `config` input's file, or of `.schema-drift.yml` at the root when it exists. */
export async function readFindingRules(root: string, file: string | undefined): Promise<FindingRule[]> {
  const path = resolve(root, file ?? '.schema-drift.yml');
  if (!file && !existsSync(path)) return [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Could not read ignore rules (input "config") "${file ?? path}": ${(error as Error).message}`);
  }
  return parseFindingRules(text, relative(root, path).split('\\').join('/'));
}
