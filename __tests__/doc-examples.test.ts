// The YAML a user copies from the README and docs/, and the JSON Schemas in docs/, read by the programs that read
// them: every ```yaml block parses with the strict YAML loader; each `.schema-drift.yml` example (a block of `ignore:`,
// `targets:` or `lint:`) is read by the action's own readers of that file; every docs/*.schema.json compiles in ajv.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ajvModule from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseConfigFileTargets } from '../src/config/config-file.js';
import { parseFindingRules, parseIgnoreRules } from '../src/drift/ignore-rules.js';
import { parseLintConfig } from '../src/lint/config.js';
import { parseStrictYaml, repoRoot } from './support/action-metadata.js';

const documents = [
  'README.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Block {
  /** `file:line` of the block's first YAML line. */
  where: string;
  file: string;
  line: number;
  text: string;
}

/** The ```yaml fenced blocks of a Markdown file, each named by the file and the line of its first YAML line. */
function yamlBlocks(path: string): Block[] {
  const lines = readFileSync(join(repoRoot, path), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    expect(end, `${path}:${i + 1} closes its fence`).toBeGreaterThan(i);
    blocks.push({ where: `${path}:${i + 2}`, file: path, line: i + 2, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const blocks = documents.flatMap(yamlBlocks);
const CONFIG_KEYS = new Set(['ignore', 'targets', 'lint']);
/** The top-level keys of a block; none when it does not parse (the strict parse test below says why). */
function topLevelKeys(block: Block): string[] {
  try {
    return Object.keys(parseStrictYaml(block.text, block.file, block.line) as object);
  } catch {
    return [];
  }
}
const configExamples = blocks.filter((block) => {
  const keys = topLevelKeys(block);
  return keys.length > 0 && keys.every((key) => CONFIG_KEYS.has(key));
});

describe('YAML examples in the README and docs/', () => {
  it('finds the examples, among them the three .schema-drift.yml ones', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(configExamples.map((b) => b.where.split(':')[0]).sort()).toEqual([
      'README.md',
      'docs/fleet.md',
      'docs/lint-rules.md',
    ]);
  });

  it.each(blocks.map((b) => [b.where, b] as const))('%s parses with the strict YAML loader', (_where, block) => {
    expect(() => parseStrictYaml(block.text, block.file, block.line)).not.toThrow();
  });

  it.each(configExamples.map((b) => [b.where, b] as const))(
    '%s is a .schema-drift.yml the action reads, with every rule and target',
    (_where, block) => {
      const parsed = parseStrictYaml(block.text, block.file, block.line) as Record<
        string,
        unknown[] | Record<string, unknown>
      >;
      const file = '.schema-drift.yml';
      if (parsed.targets) {
        const targets = parseConfigFileTargets(block.text, file);
        expect(targets?.map((t) => t.name)).toEqual((parsed.targets as { name: string }[]).map((t) => t.name));
      }
      if (parsed.ignore) {
        const rules = [...parseIgnoreRules(block.text, file), ...parseFindingRules(block.text, file)];
        expect(rules).toHaveLength((parsed.ignore as unknown[]).length);
      }
      if (parsed.lint) {
        const lint = parsed.lint as { rules?: Record<string, string>; ignore?: unknown[] };
        const config = parseLintConfig(block.text, file);
        expect(Object.fromEntries(config.rules)).toEqual(lint.rules ?? {});
        expect(config.ignores).toHaveLength(lint.ignore?.length ?? 0);
      }
    },
  );
});

// ajv ships CommonJS; depending on the loader the class is the default export or that export's default.
type Ajv2020Class = typeof ajvModule.Ajv2020;
const loaded = ajvModule as unknown as { default: Ajv2020Class | { default: Ajv2020Class } };
const Ajv2020: Ajv2020Class = 'default' in loaded.default ? loaded.default.default : loaded.default;

describe('JSON Schemas in docs/', () => {
  const schemas = readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.schema.json'));

  it('has the report, fleet report and audit pack schemas', () => {
    expect(schemas).toEqual(
      expect.arrayContaining(['report.schema.json', 'fleet-report.schema.json', 'audit-pack.schema.json']),
    );
  });

  it.each(schemas)('docs/%s compiles in ajv (draft 2020-12, strict)', (name) => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'docs', name), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate({})).toBe(false);
  });
});
