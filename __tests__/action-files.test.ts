// action.yml and every workflow file, read by the programs that read them: the `yaml` package in strict mode (the
// loader every test uses), PyYAML, and action-validator (the JSON schemas of action metadata and of workflows). Each
// reader is also shown refusing a broken copy, so a file the runner would refuse cannot pass here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  loadActionMetadata,
  loadStrictYaml,
  loadWorkflow,
  parseStrictYaml,
  repoRoot,
  workflowFiles,
} from './support/action-metadata.js';
import { realPartsRequired } from './support/real-parts.js';

const scratch = mkdtempSync(join(tmpdir(), 'sd-action-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const workflows = workflowFiles();
const files = ['action.yml', ...workflows];
const actionText = readFileSync(join(repoRoot, 'action.yml'), 'utf8');

/** action.yml as it was before 7df0752: a description holding an unquoted `: ` (every YAML parser refuses it). */
function brokenActionYml(): { path: string; line: number } {
  expect(parseDocument(actionText).errors).toEqual([]);
  const lines = actionText.split('\n');
  const line = lines.findIndex((l) => /^ {4}description: /.test(l));
  lines[line] = '    description: With mode: audit — a plain scalar cannot hold a colon and a space';
  expect(parseDocument(lines.join('\n')).errors.length, 'the copy is broken').toBeGreaterThan(0);
  // action-validator picks the action schema by the file name, so the copy keeps it.
  const path = join(mkdtempSync(join(scratch, 'broken-')), 'action.yml');
  writeFileSync(path, lines.join('\n'));
  return { path, line: line + 1 };
}

describe('the yaml package, strict (errors and warnings both fail)', () => {
  it('finds action.yml and every workflow file', () => {
    expect(workflows).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        'examples/workflows/nightly.yml',
        'examples/workflows/fleet.yml',
      ]),
    );
    expect(workflows.length).toBeGreaterThanOrEqual(6);
  });

  it('reads action.yml with its inputs, outputs and runs', () => {
    const action = loadActionMetadata();
    expect(Object.keys(action.inputs).length).toBeGreaterThan(20);
    expect(Object.keys(action.outputs)).toContain('status');
    expect(action.runs.using).toBe('node24');
  });

  it.each(workflows)('reads %s as a workflow with jobs', (path) => {
    const workflow = loadWorkflow(path);
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
    expect(workflow.on, `${path} has a trigger`).toBeDefined();
  });

  it('refuses the broken action.yml, naming the file and the line', () => {
    const { path, line } = brokenActionYml();
    expect(() => loadActionMetadata(path)).toThrow(`${path}:${line}:`);
  });

  it('refuses a duplicate key and a warning (an unresolved tag), naming the line', () => {
    expect(() => parseStrictYaml('a: 1\nb: 2\na: 3\n', 'dup.yml')).toThrow(/dup\.yml:3:\d+ DUPLICATE_KEY/);
    expect(() => parseStrictYaml('a: 1\nb: !Ref x\n', 'tag.yml')).toThrow(/tag\.yml:2:\d+ TAG_RESOLVE_FAILED/);
    expect(() => parseStrictYaml('a: 1\n---\nb: 2\n', 'two.yml')).toThrow(/two\.yml:\d+:\d+ /);
    expect(() => loadStrictYaml(join(scratch, 'missing.yml'))).toThrow(/ENOENT/);
  });
});

// PyYAML: Debian's python3-yaml (.ci/run installs it). Without it a laptop skips; CI may not.
const python = '/usr/bin/python3';
const pyyamlMissing = (() => {
  const probe = spawnSync(python, ['-c', 'import yaml'], { encoding: 'utf8' });
  if (probe.status === 0) return null;
  const reason = `PyYAML unavailable: ${python} -c 'import yaml' failed (${probe.error?.message ?? probe.stderr.trim()})`;
  if (realPartsRequired) throw new Error(`${reason} (required: SCHEMA_DRIFT_REQUIRE_REAL_PARTS=1)`);
  console.warn(`skipping: ${reason}`);
  return reason;
})();

function pyyaml(path: string) {
  return spawnSync(python, ['-c', 'import yaml,sys; yaml.safe_load(open(sys.argv[1]))', path], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

describe.skipIf(pyyamlMissing !== null)('PyYAML safe_load', () => {
  it.each(files)('reads %s', (path) => {
    const result = pyyaml(path);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses the broken action.yml', () => {
    const { path, line } = brokenActionYml();
    const result = pyyaml(path);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`line ${line}`);
  });
});

interface ValidatorError {
  code: string;
  path: string;
  detail?: string;
  states?: { errors: ValidatorError[] }[];
}

const validatorCli = join(repoRoot, 'node_modules/@action-validator/cli/cli.mjs');

/** Runs action-validator (it picks the action schema for a file named action.yml, else the workflow schema). */
function actionValidator(path: string): { status: number | null; errors: ValidatorError[]; output: string } {
  const result = spawnSync(process.execPath, [validatorCli, path], { cwd: repoRoot, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  const json =
    output.indexOf('\n{') >= 0 ? output.slice(output.indexOf('\n{') + 1) : output.startsWith('{') ? output : '';
  const errors = json ? (JSON.parse(json) as { errors: ValidatorError[] }).errors : [];
  return { status: result.status, errors, output };
}

describe('action-validator (the action and workflow schemas)', () => {
  it('is installed', () => {
    expect(existsSync(validatorCli), `${validatorCli} (npm ci)`).toBe(true);
  });

  it.each(workflows)('accepts %s', (path) => {
    const result = actionValidator(path);
    expect(result.errors).toEqual([]);
    expect(result.status, result.output).toBe(0);
  });

  // Its bundled schema predates node24 (it knows node12, node16 and node20): action.yml must fail on that one enum and
  // nothing else, and pass whole once only `runs.using` is set to the newest runtime the schema knows.
  it('accepts action.yml except for the node24 runtime its schema predates', () => {
    const result = actionValidator('action.yml');
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    const [runs] = result.errors;
    expect(runs).toMatchObject({ code: 'one_of', path: '/runs' });
    const nodeBranch = runs?.states?.map((state) => state.errors.map((e) => `${e.code} ${e.path}`));
    expect(nodeBranch).toContainEqual(['enum /runs/using']);

    const doc = parseDocument(actionText);
    expect(doc.getIn(['runs', 'using'])).toBe('node24');
    doc.setIn(['runs', 'using'], 'node20');
    const dir = mkdtempSync(join(scratch, 'node20-'));
    writeFileSync(join(dir, 'action.yml'), doc.toString());
    const node20 = actionValidator(join(dir, 'action.yml'));
    expect(node20.errors).toEqual([]);
    expect(node20.status, node20.output).toBe(0);
  });

  it('refuses the broken action.yml', () => {
    const { path } = brokenActionYml();
    const result = actionValidator(path);
    expect(result.status).not.toBe(0);
  });

  it('refuses a workflow whose job lacks runs-on', () => {
    const ci = parseDocument(readFileSync(join(repoRoot, '.github/workflows/ci.yml'), 'utf8'));
    const [job] = Object.keys(loadWorkflow('.github/workflows/ci.yml').jobs);
    const runsOn = ci.getIn(['jobs', job, 'runs-on']);
    expect(runsOn, 'ci.yml has runs-on').toBeDefined();
    ci.deleteIn(['jobs', job, 'runs-on']);
    ci.setIn(['jobs', job, 'runs_on'], runsOn);
    const path = join(scratch, 'bad-workflow.yml');
    writeFileSync(path, ci.toString());
    const result = actionValidator(path);
    expect(result.status).toBe(1);
    expect(JSON.stringify(result.errors)).toContain(`/jobs/${job}/runs-on`);
  });
});
