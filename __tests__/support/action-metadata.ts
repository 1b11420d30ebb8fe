// The one reader of the YAML files other programs read — action.yml (the Actions runner), the workflow files (GitHub),
// `.schema-drift.yml` examples (our config reader) — for tests. It parses with the `yaml` package in strict mode with
// unique keys, and any error or warning throws naming the file and the line: a file the runner would refuse must
// fail the test that reads it, never be read around with a regex.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, LineCounter, parseDocument, type Tags } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The workflow folders whose files GitHub (or a user copying them) runs. */
export const WORKFLOW_DIRS = ['.github/workflows', 'examples/workflows'] as const;

/**
 * Parses YAML text strictly (one document, unique keys, no warnings) into plain JS values.
 * `file` names the source in the error: `file:line:column code message` for every problem found; `firstLine` is the
 * file's line number of the text's first line (for YAML embedded in another file, such as a Markdown code block).
 */
export function parseStrictYaml(text: string, file: string, firstLine = 1, customTags?: Tags): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: false, lineCounter, customTags });
  const problems = [...doc.errors, ...doc.warnings].map((problem) => {
    const at = problem.pos ? lineCounter.linePos(problem.pos[0]) : undefined;
    const where = at ? `${file}:${at.line + firstLine - 1}:${at.col}` : file;
    return `${where} ${problem.code} ${problem.message.split('\n')[0]}`;
  });
  if (problems.length > 0) throw new Error(`${file} is not strict YAML:\n${problems.join('\n')}`);
  if (!isMap(doc.contents)) throw new Error(`${file}:${firstLine} is not a YAML mapping at the top level`);
  return doc.toJS();
}

/** Reads and strictly parses a file (path relative to the repository root, or absolute). */
export function loadStrictYaml(path: string, customTags?: Tags): Record<string, unknown> {
  const absolute = path.startsWith('/') ? path : join(repoRoot, path);
  return parseStrictYaml(readFileSync(absolute, 'utf8'), path, 1, customTags) as Record<string, unknown>;
}

export interface ActionInput {
  description: string;
  required?: boolean;
  /** The default as the runner passes it (a string; absent when action.yml gives none). */
  default?: string;
  deprecationMessage?: string;
}

export interface ActionOutput {
  description: string;
}

export interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, ActionOutput>;
  runs: { using: string; main: string; pre?: string; post?: string };
  branding?: { icon?: string; color?: string };
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where} must be a mapping, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

function entries<T>(block: unknown, where: string, each: (value: Record<string, unknown>, at: string) => T) {
  const result: Record<string, T> = {};
  for (const [name, value] of Object.entries(record(block ?? {}, where))) {
    result[name] = each(record(value, `${where}.${name}`), `${where}.${name}`);
  }
  return result;
}

function describedString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where} must be a non-empty string`);
  return value;
}

/** action.yml (or another action metadata file) read strictly, with the shape the tests rely on checked. */
export function loadActionMetadata(path = 'action.yml'): ActionMetadata {
  const top = loadStrictYaml(path);
  const inputs = entries(top.inputs, `${path} inputs`, (input, at): ActionInput => {
    const fallback = input.default;
    if (fallback !== undefined && (fallback === null || typeof fallback === 'object')) {
      throw new Error(`${at}.default must be a scalar, got ${JSON.stringify(fallback)}`);
    }
    return {
      ...(input as Partial<ActionInput>),
      description: describedString(input.description, `${at}.description`),
      ...(fallback === undefined ? {} : { default: String(fallback) }),
    };
  });
  const outputs = entries(top.outputs, `${path} outputs`, (output, at) => ({
    ...output,
    description: describedString(output.description, `${at}.description`),
  }));
  const runs = record(top.runs, `${path} runs`) as ActionMetadata['runs'];
  return {
    ...(top as Partial<ActionMetadata>),
    name: describedString(top.name, `${path} name`),
    description: describedString(top.description, `${path} description`),
    inputs,
    outputs,
    runs,
  };
}

/** Input name → default as the runner passes it (undefined when action.yml gives none), in file order. */
export function actionInputDefaults(path = 'action.yml'): Map<string, string | undefined> {
  return new Map(Object.entries(loadActionMetadata(path).inputs).map(([name, input]) => [name, input.default]));
}

/** Every workflow file (`.yml`/`.yaml`) under .github/workflows/ and examples/workflows/, relative to the root. */
export function workflowFiles(): string[] {
  return WORKFLOW_DIRS.flatMap((dir) =>
    readdirSync(join(repoRoot, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => `${dir}/${name}`),
  );
}

/** A workflow file read strictly; its `jobs` checked to be a mapping. */
export function loadWorkflow(path: string): Record<string, unknown> & { jobs: Record<string, unknown> } {
  const workflow = loadStrictYaml(path);
  record(workflow.jobs, `${path} jobs`);
  return workflow as Record<string, unknown> & { jobs: Record<string, unknown> };
}
