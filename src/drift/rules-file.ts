// Reads the rules of `.schema-drift.yml` (input `config`): the `file:` rules for the version verdict (monitor) and the
// pull-request check alike, so a finding one mode lets past the other does too, and the `object:` rules for the
// structure check. One reader, so every mode finds the same file and fails on it with the same words.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { type FindingRule, type IgnoreRule, parseFindingRules, parseIgnoreRules } from './ignore-rules.js';

/** The rules `parse` reads from the `config` input's file, or from `.schema-drift.yml` at the root when it exists. */
async function readRules<T>(
  root: string,
  file: string | undefined,
  parse: (text: string, shown: string) => T[],
): Promise<T[]> {
  const path = resolve(root, file ?? '.schema-drift.yml');
  if (!file && !existsSync(path)) return [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Could not read ignore rules (input "config") "${file ?? path}": ${(error as Error).message}`);
  }
  return parse(text, relative(root, path).split('\\').join('/'));
}

/** Migration file rules (`file:`), which let an error finding past the verdict. */
export const readFindingRules = (root: string, file: string | undefined): Promise<FindingRule[]> =>
  readRules(root, file, parseFindingRules);

/** Structure rules (`object:`), which accept a structural difference. */
export const readIgnoreRules = (root: string, file: string | undefined): Promise<IgnoreRule[]> =>
  readRules(root, file, parseIgnoreRules);
