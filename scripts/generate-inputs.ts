// Writes action.yml's `inputs:`/`outputs:` blocks and the README's Inputs/Outputs tables from the one table in
// src/config/input-definitions.ts (`npm run generate:inputs`). The rest of action.yml (name, description, author,
// branding, runs) and of the README is kept as it is. A test fails when a committed file differs from what this
// writes, so edit the definitions and run it rather than editing either file by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, parseDocument, type Scalar, YAMLMap } from 'yaml';
import {
  DEPRECATED_INPUTS,
  INPUT_DEFINITIONS,
  INPUT_GROUPS,
  type InputDefinition,
  OUTPUT_DEFINITIONS,
} from '../src/config/input-definitions.js';

const GENERATED = 'Generated from src/config/input-definitions.ts by `npm run generate:inputs`: edit there, not here.';

/** The description action.yml gives an input: the README's words, plus the default action.yml cannot write. */
function actionDescription(input: InputDefinition): string {
  if (input.default !== undefined && input.defaultInCode) return `${input.description} Default: \`${input.default}\`.`;
  if (input.default === undefined && input.defaultText !== undefined) {
    return `${input.description} Default: ${input.defaultText}.`;
  }
  return input.description;
}

/** action.yml with its `inputs:` and `outputs:` blocks replaced by the definitions' (grouped, a comment a group). */
export function renderActionYml(current: string): string {
  const doc = parseDocument(current, { strict: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`action.yml does not parse: ${doc.errors[0]?.message}`);
  if (!isMap(doc.contents)) throw new Error('action.yml is not a map');

  const inputs = new YAMLMap();
  for (const group of INPUT_GROUPS) {
    const comment = ` ${group.title}: ${group.about.replaceAll('`', '')}`;
    const entries =
      group.id === 'deprecated'
        ? DEPRECATED_INPUTS.map((d) => ({
            name: d.name,
            body: { description: d.description, required: false, deprecationMessage: d.message },
          }))
        : INPUT_DEFINITIONS.filter((d) => d.group === group.id).map((d) => ({
            name: d.name,
            body: {
              description: actionDescription(d),
              required: false,
              ...(d.default !== undefined && !d.defaultInCode ? { default: d.default } : {}),
            },
          }));
    entries.forEach((entry, index) => {
      const pair = doc.createPair(entry.name, entry.body);
      if (index === 0) (pair.key as Scalar).commentBefore = comment;
      inputs.items.push(pair);
    });
  }
  const outputs = new YAMLMap();
  for (const output of OUTPUT_DEFINITIONS) {
    outputs.items.push(doc.createPair(output.name, { description: `${output.description} Set by: ${output.modes}.` }));
  }

  const root = doc.contents as unknown as YAMLMap<unknown, unknown>;
  const order = root.items.map((pair) => String((pair.key as Scalar).value));
  if (!order.includes('inputs') || !order.includes('outputs')) throw new Error('action.yml has no inputs/outputs');
  root.set('inputs', inputs);
  root.set('outputs', outputs);
  const inputsKey = root.items.find((pair) => (pair.key as Scalar).value === 'inputs')?.key as Scalar;
  inputsKey.commentBefore = ` ${GENERATED}`;
  (inputsKey as Scalar & { spaceBefore?: boolean }).spaceBefore = true;
  const outputsKey = root.items.find((pair) => (pair.key as Scalar).value === 'outputs')?.key as Scalar;
  (outputsKey as Scalar & { spaceBefore?: boolean }).spaceBefore = true;
  return doc.toString({ lineWidth: 0, singleQuote: true });
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function defaultCell(input: InputDefinition): string {
  if (input.default !== undefined) return `\`${input.default}\``;
  return input.defaultText ?? '—';
}

/** The README's input tables, one per group. */
export function inputTables(): string {
  const parts: string[] = [];
  for (const group of INPUT_GROUPS) {
    parts.push(`#### ${group.title}`, '', `_${group.about[0]?.toUpperCase()}${group.about.slice(1)}._`, '');
    if (group.id === 'deprecated') {
      parts.push('| input | use instead | meaning |', '|---|---|---|');
      for (const d of DEPRECATED_INPUTS) {
        parts.push(`| \`${d.name}\` | \`${d.replacedBy}\` | ${cell(d.description)} |`);
      }
    } else {
      parts.push('| input | default | meaning |', '|---|---|---|');
      for (const d of INPUT_DEFINITIONS.filter((i) => i.group === group.id)) {
        const cli = d.cliFlags ? ` CLI: ${d.cliFlags.map((f) => `\`${f}\``).join(', ')}.` : '';
        parts.push(`| \`${d.name}\` | ${cell(defaultCell(d))} | ${cell(d.description)}${cli} |`);
      }
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** The README's output table. */
export function outputTable(): string {
  const rows = OUTPUT_DEFINITIONS.map((o) => `| \`${o.name}\` | ${o.modes} | ${cell(o.description)} |`);
  return ['| output | set by | meaning |', '|---|---|---|', ...rows, ''].join('\n');
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
function between(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
  const note = `<!-- ${GENERATED} -->`;
  return `${text.slice(0, from)}${start}\n${note}\n\n${body}${text.slice(to)}`;
}

/** README.md with its Inputs and Outputs tables replaced by the definitions'. */
export function renderReadme(current: string): string {
  return between(between(current, 'inputs', inputTables()), 'outputs', outputTable());
}

const root = new URL('../', import.meta.url);
export const GENERATED_FILES = {
  'action.yml': renderActionYml,
  'README.md': renderReadme,
} as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, render] of Object.entries(GENERATED_FILES)) {
    const path = new URL(file, root);
    const before = readFileSync(path, 'utf8');
    const after = render(before);
    if (after !== before) writeFileSync(path, after);
    process.stdout.write(`${file}: ${after === before ? 'unchanged' : 'written'}\n`);
  }
}
