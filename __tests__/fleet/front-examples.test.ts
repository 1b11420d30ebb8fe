// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are GitHub Actions' own ${{ }} expressions
// examples/workflows/fleet.yml stays a working plan → matrix → merge: every `with:` of our action names an input
// of action.yml, the jobs are wired through the plan's `matrix` output, and the merge runs even after a failed shard.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUT_NAMES } from '../../src/config/inputs.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean };
  steps: Step[];
}

const workflow = parse(read('examples/workflows/fleet.yml')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const ours = (job: Job) => job.steps.filter((s) => s.uses?.startsWith('credentialmate/schema-drift-action'));

describe('examples/workflows/fleet.yml', () => {
  it('runs nightly and on dispatch, with OIDC', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.permissions['id-token']).toBe('write');
  });

  it('gives our action only inputs action.yml declares', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of ours(job)) {
        for (const name of Object.keys(step.with ?? {})) expect(ACTION_INPUT_NAMES).toContain(name);
      }
    }
  });

  it('plans, checks one shard per matrix job, and merges after every shard, failed ones included', () => {
    const { plan, check, merge } = workflow.jobs;
    expect(ours(plan!)[0]?.with?.mode).toBe('fleet-plan');
    expect(plan!.outputs?.matrix).toMatch(/steps\.plan\.outputs\.matrix/);
    expect(check!.needs).toBe('plan');
    expect(JSON.stringify(check!.strategy?.matrix)).toMatch(/fromJSON\(needs\.plan\.outputs\.matrix\)/);
    expect(check!.strategy?.['fail-fast']).toBe(false);
    expect(ours(check!)[0]?.with).toMatchObject({ mode: 'fleet', shard: '${{ matrix.shard }}' });
    expect(merge!.needs).toBe('check');
    expect(merge!.if).toBe('always()');
    expect(ours(merge!)[0]?.with?.mode).toBe('fleet-merge');
  });
});
