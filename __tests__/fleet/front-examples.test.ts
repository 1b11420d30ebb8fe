// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are GitHub Actions' own ${{ }} expressions
// examples/workflows/fleet.yml, read strictly with the yaml package as the runner reads it, stays a working
// plan → matrix → merge: every `with:` of our action names an input of action.yml, the jobs are wired through the
// plan's `matrix` output, and the merge runs even after a failed shard.
import { describe, expect, it } from 'vitest';
import { actionInputNames, isOurs, type Job, readExample } from '../support/example-workflows.js';

const { workflow } = readExample('fleet.yml');
const ours = (job: Job) => job.steps.filter(isOurs);

describe('examples/workflows/fleet.yml', () => {
  it('runs nightly and on dispatch, with OIDC in the jobs that assume the role', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const { plan, check, merge } = workflow.jobs;
    expect(plan!.permissions).toEqual({ contents: 'read' });
    for (const job of [check!, merge!]) {
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      expect(ours(job)[0]?.with?.['role-to-assume']).toMatch(/^arn:aws:iam::\d{12}:role\//);
    }
  });

  it('gives our action only inputs action.yml declares', () => {
    const inputs = actionInputNames();
    const given = Object.values(workflow.jobs).flatMap((job) => ours(job).flatMap((s) => Object.keys(s.with ?? {})));
    expect(given.length).toBeGreaterThan(15);
    expect(given.filter((name) => !inputs.includes(name))).toEqual([]);
  });

  it('plans, checks one shard per matrix job, and merges after every shard, failed ones included', () => {
    const { plan, check, merge } = workflow.jobs;
    expect(ours(plan!)[0]).toMatchObject({ id: 'plan', with: { mode: 'fleet-plan' } });
    expect(plan!.outputs?.matrix).toBe('${{ steps.plan.outputs.matrix }}');
    expect(check!.needs).toBe('plan');
    expect(check!.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    expect(check!.strategy?.['fail-fast']).toBe(false);
    expect(ours(check!)[0]?.with).toMatchObject({ mode: 'fleet', shard: '${{ matrix.shard }}' });
    expect(merge!.needs).toBe('check');
    expect(merge!.if).toBe('always()');
    expect(ours(merge!)[0]?.with?.mode).toBe('fleet-merge');
  });

  it('hands each shard slice to the merge as an artifact of this run', () => {
    const { check, merge } = workflow.jobs;
    const upload = check!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const download = merge!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(upload).toMatchObject({ if: 'always()', with: { name: 'schema-drift-slice-${{ strategy.job-index }}' } });
    expect(String(upload!.with!.path).startsWith(`${ours(check!)[0]!.with!['report-dir']}/`)).toBe(true);
    expect(download!.with).toMatchObject({
      pattern: 'schema-drift-slice-*',
      path: ours(merge!)[0]!.with!['fleet-slices'],
    });
  });
});
