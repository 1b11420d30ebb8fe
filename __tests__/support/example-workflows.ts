// The example workflows and action.yml, read as the runner reads them: YAML parsed strictly (any error or warning
// fails), never line by line.
import { readdirSync, readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { parseStrictYaml } from './action-metadata.js';

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
export interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  environment?: string | { name: string; url?: string };
  permissions?: Record<string, string> | string;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean };
  steps: Step[];
}
export interface Workflow {
  name: string;
  on: Record<string, Record<string, unknown> | null>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean } | string;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const root = new URL('../../', import.meta.url);
export const EXAMPLES_DIR = 'examples/workflows';
export const OUR_ACTION = 'credentialmate/schema-drift-action';

/** The example file names, sorted. */
export const exampleNames = (): string[] =>
  readdirSync(new URL(`${EXAMPLES_DIR}/`, root))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

/** A workflow of examples/workflows: its text and its strictly parsed content. */
export function readExample(file: string): { path: string; text: string; workflow: Workflow } {
  const path = `${EXAMPLES_DIR}/${file}`;
  const text = readFileSync(new URL(path, root), 'utf8');
  return { path, text, workflow: parseStrictYaml(text, path) as Workflow };
}

/** The input names action.yml declares, read with the yaml package. */
export function actionInputNames(): string[] {
  const action = parseStrictYaml(readFileSync(new URL('action.yml', root), 'utf8'), 'action.yml') as {
    inputs: Record<string, unknown>;
  };
  return Object.keys(action.inputs);
}

/** Whether a step runs our action (by tag or by commit). */
export const isOurs = (step: Step): boolean => step.uses?.startsWith(`${OUR_ACTION}@`) ?? false;

/** Every `uses:` value in the file with the 1-based line it is written on, found through the YAML document. */
export function usesLines(text: string): { uses: string; line: number; lineText: string }[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, strict: true, uniqueKeys: true });
  const lines = text.split('\n');
  const found: { uses: string; line: number; lineText: string }[] = [];
  const walk = (node: unknown) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
          const value = pair.value as Node & { value: unknown };
          const line = lineCounter.linePos(value.range![0]).line;
          found.push({ uses: String(value.value), line, lineText: lines[line - 1] ?? '' });
        } else if (isPair(pair)) walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  walk(doc.contents);
  return found;
}
