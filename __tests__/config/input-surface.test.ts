// The input surface as users receive it: action.yml read by a real YAML parser (strict: an error or a warning
// fails), its inputs and outputs equal to what the code reads and sets (found with the TypeScript parser in src/),
// action.yml and the README equal to what the generator writes from the one table, and the defaults it documents
// equal to the ones parseConfig applies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { renderActionYml, renderReadme } from '../../scripts/generate-inputs.js';
import { parseConfig } from '../../src/config/config.js';
import { DEPRECATED_INPUTS, INPUT_DEFINITIONS, OUTPUT_DEFINITIONS } from '../../src/config/input-definitions.js';
import { ACTION_INPUT_NAMES, DEPRECATED_INPUT_NAMES, INPUT_NAMES } from '../../src/config/inputs.js';
import { fleetOutputs } from '../../src/fleet/fleet-outcome.js';
import type { FleetReport } from '../../src/fleet/model.js';
import { actionOutputs } from '../../src/publish/outputs.js';
import type { Report } from '../../src/report/model.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface ActionInput {
  description?: unknown;
  required?: unknown;
  default?: unknown;
  deprecationMessage?: unknown;
}
interface ActionYml {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: unknown }>;
  runs: { using: string; main: string };
}

/** action.yml as the runner reads it; any YAML error or warning fails. */
function loadActionYml(): ActionYml {
  const doc = parseDocument(read('action.yml'), { strict: true, uniqueKeys: true, prettyErrors: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(doc.warnings.map((w) => w.message)).toEqual([]);
  return doc.toJS() as ActionYml;
}

let parsed: ts.SourceFile[] | undefined;
/** Every source file under src/, parsed by TypeScript. */
function sources(): ts.SourceFile[] {
  if (parsed) return parsed;
  const files: ts.SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        files.push(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true));
      }
    }
  };
  walk(new URL('src', root).pathname);
  parsed = files;
  return files;
}

/** The string-literal first arguments of calls to functions (or methods) with one of these names. */
function literalArguments(files: ts.SourceFile[], callees: readonly string[], argument = 0): Set<string> {
  const found = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : undefined;
      const arg = node.arguments[argument];
      if (name !== undefined && callees.includes(name) && arg !== undefined && ts.isStringLiteralLike(arg)) {
        found.add(arg.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  return found;
}

describe('action.yml', () => {
  const action = loadActionYml();

  it('parses strictly and runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the action reads: the current names in order, then the deprecated ones', () => {
    expect(Object.keys(action.inputs)).toEqual([...ACTION_INPUT_NAMES]);
    expect(ACTION_INPUT_NAMES).toHaveLength(INPUT_NAMES.length + DEPRECATED_INPUT_NAMES.length);
  });

  it('reads in parseConfig exactly the current inputs (plus the CLI-only --pglite)', () => {
    const config = sources().filter((f) => f.fileName.endsWith('/src/config/config.ts'));
    // read(raw, NAME, …) and the mode-aware get(NAME, …) / text(NAME).
    const names = new Set([...literalArguments(config, ['read'], 1), ...literalArguments(config, ['get', 'text'])]);
    expect([...names].sort()).toEqual([...INPUT_NAMES, 'pglite'].sort());
  });

  it('gives every input a string description and required: false; every output a description', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(typeof input.description, name).toBe('string');
      expect(input.required, name).toBe(false);
      if (input.default !== undefined) expect(typeof input.default, name).toBe('string');
    }
    for (const [name, output] of Object.entries(action.outputs)) expect(typeof output.description, name).toBe('string');
  });

  it('marks each deprecated name with a deprecationMessage naming its replacement, and no default', () => {
    for (const old of DEPRECATED_INPUTS) {
      const input = action.inputs[old.name];
      expect(input?.deprecationMessage, old.name).toEqual(expect.stringContaining(old.replacedBy));
      expect(input?.default, old.name).toBeUndefined();
    }
    // A renamed input has no action.yml default either: the runner would pass it beside the old name.
    for (const renamed of DEPRECATED_INPUTS.filter((d) => d.kind === 'rename')) {
      expect(action.inputs[renamed.replacedBy]?.default, renamed.replacedBy).toBeUndefined();
    }
  });

  it('declares exactly the outputs the code sets', () => {
    const set = literalArguments(sources(), ['setOutput']);
    const report = {
      status: 'synced',
      drift_detected: false,
      codebase_head: null,
      production_version: null,
      version: null,
    } as unknown as Report;
    const fleet = { status: 'synced', drift_detected: false, totals: { targets: 0, drift: 0, error: 0 } };
    for (const name of Object.keys(actionOutputs(report, {}))) set.add(name);
    for (const name of Object.keys(fleetOutputs(fleet as unknown as FleetReport, {}))) set.add(name);
    expect(Object.keys(action.outputs).sort()).toEqual([...set].sort());
    expect(Object.keys(action.outputs)).toEqual(OUTPUT_DEFINITIONS.map((o) => o.name));
  });

  it("documents the defaults parseConfig applies (in action.yml, or in the description when it can't be there)", () => {
    const applied: Record<string, unknown> = {};
    const c = parseConfig({ 's3-bucket': 'evidence', 'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:t' });
    Object.assign(applied, {
      environment: c.environment,
      mode: c.pullRequest.mode,
      'fail-on': c.failOn,
      'pending-grace-minutes': String(c.pendingGraceMinutes),
      'timeout-seconds': String(c.timeoutSeconds),
      'version-table': c.versionTable,
      'role-duration-seconds': String(c.aws.roleDurationSeconds),
      audience: c.aws.audience,
      's3-prefix': c.s3?.prefix,
      'notify-on': c.sns?.notifyOn,
      'structure-expected': c.structure?.expected ?? 'none',
      baseline: 'keep',
      'check-name': c.pullRequest.checkName,
      comment: String(c.pullRequest.comment),
      concurrency: String(c.fleet.concurrency),
      'audit-period': c.audit.period,
      'audit-schedule': c.audit.schedule,
      'audit-tolerance-minutes': String(c.audit.toleranceMinutes),
      'audit-retention-years': String(c.audit.retentionYears),
    });
    for (const [name, value] of Object.entries(applied)) {
      const definition = INPUT_DEFINITIONS.find((d) => d.name === name);
      expect(definition?.default, name).toBe(value);
      const input = action.inputs[name];
      if (definition?.defaultInCode) expect(input?.description, name).toContain(`Default: \`${value}\``);
      else expect(input?.default, name).toBe(value);
    }
    expect(parseConfig({ baseline: '' }).structure).toBeUndefined();
  });
});

describe('the generated files', () => {
  it('action.yml is what `npm run generate:inputs` writes', () => {
    const committed = read('action.yml');
    expect(renderActionYml(committed)).toBe(committed);
  });

  it('README.md is what `npm run generate:inputs` writes', () => {
    const committed = read('README.md');
    expect(renderReadme(committed)).toBe(committed);
  });

  it('would notice a hand edit: a changed description in action.yml is rewritten', () => {
    const committed = read('action.yml');
    const edited = committed.replace("Name of Alembic's version table.", 'Edited by hand.');
    expect(edited).not.toBe(committed);
    expect(renderActionYml(edited)).toBe(committed);
  });

  it('lists every input and output in the README exactly once, each in its group table', () => {
    const readme = read('README.md');
    const tables = readme.slice(readme.indexOf('<!-- inputs:start -->'), readme.indexOf('<!-- outputs:end -->'));
    const rows = [...tables.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual([...ACTION_INPUT_NAMES, ...OUTPUT_DEFINITIONS.map((o) => o.name)]);
    // No other input table in the README repeats an input (the old ones said pending-grace twice, differently).
    const inputTables = readme.split(/\n(?!\|)/).filter((block) => block.trimStart().startsWith('| input |'));
    const all = inputTables.flatMap((t) => [...t.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]));
    for (const name of ACTION_INPUT_NAMES)
      expect(
        all.filter((n) => n === name),
        name,
      ).toHaveLength(1);
  });
});
