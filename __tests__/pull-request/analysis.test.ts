// Pure pieces of the pull-request check: heads explained, edited after apply, the production plan, the Markdown.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/migrations/graph.js';
import { editedAfterApply } from '../../src/pull-request/edited-after-apply.js';
import { explainMultipleHeads } from '../../src/pull-request/heads-explained.js';
import { planAgainstProduction } from '../../src/pull-request/plan.js';
import { renderPullRequestMarkdown } from '../../src/pull-request/render.js';
import type { PullRequestCheckResult } from '../../src/pull-request/run-check.js';
import { chain, rev } from '../support/revisions.js';

const applied = (versions: string[]) => ({ exists: true, versions, qualifiedName: 'public.alembic_version' });

describe('explainMultipleHeads', () => {
  it('names the PR migration, the base migration sharing its parent, the base head and both fixes', () => {
    const base = buildGraph([...chain(3), rev('r4', 'r3')]);
    const merged = buildGraph([...chain(3), rev('r4', 'r3'), rev('p1', 'r2'), rev('p2', 'p1')]);
    const findings = explainMultipleHeads({ merged, base, added: new Set(['p1', 'p2']), baseRef: 'main' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', kind: 'multiple-heads', file: 'migrations/versions/p1.py' });
    expect(findings[0]?.message).toContain('and so does `r3` (now followed up to `r4`)');
    expect(findings[0]?.message).toContain('down_revision = "r4"');
    expect(findings[0]?.message).toContain('alembic merge -m "merge heads" p2 r4');
  });

  it('keeps the generic findings when the base itself already had two heads', () => {
    const revisions = [...chain(2), rev('b1', 'r1')];
    const base = buildGraph(revisions);
    const merged = buildGraph([...revisions, rev('p1', 'r2')]);
    const findings = explainMultipleHeads({ merged, base, added: new Set(['p1']), baseRef: 'main' });
    expect(findings.map((f) => f.file).sort()).toEqual(['migrations/versions/b1.py', 'migrations/versions/p1.py']);
    expect(findings.every((f) => f.message.includes('is one of 2 heads'))).toBe(true);
  });

  it('finds nothing when the PR adds a merge migration joining both lines', () => {
    const base = buildGraph([...chain(3)]);
    const merged = buildGraph([...chain(3), rev('p1', 'r2'), rev('m1', ['p1', 'r3'])]);
    expect(explainMultipleHeads({ merged, base, added: new Set(['p1', 'm1']), baseRef: 'main' })).toEqual([]);
  });
});

describe('editedAfterApply', () => {
  const base = buildGraph(chain(3));
  const merged = buildGraph([...chain(3), rev('r4', 'r3')]);
  const change = (status: string, id: string, extra = {}) => ({
    status,
    path: `migrations/versions/${id}.py`,
    ...extra,
  });

  it('flags an edited revision production ran, and only notes one it has not', () => {
    const findings = editedAfterApply({
      changes: [change('M', 'r1'), change('M', 'r3'), change('A', 'r4')],
      base,
      merged,
      baseRef: 'main',
      production: ['r2'],
    });
    expect(findings.map((f) => [f.severity, f.kind, f.file])).toEqual([
      ['error', 'edited-after-apply', 'migrations/versions/r1.py'],
      ['notice', 'edited-before-apply', 'migrations/versions/r3.py'],
    ]);
    expect(findings[0]?.message).toMatch(/^revision r1 already ran in production; add a new migration instead/);
  });

  it('treats everything on the base branch as applied without production access, including deletions', () => {
    const findings = editedAfterApply({
      changes: [change('D', 'r3')],
      base,
      merged: buildGraph(chain(2)),
      baseRef: 'main',
      production: null,
    });
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', file: 'migrations/versions/r3.py', line: 9 }),
    ]);
    expect(findings[0]?.message).toContain('deletes revision r3, which is already on main');
  });

  it('ignores a pure rename, which Alembic does not notice', () => {
    expect(
      editedAfterApply({
        changes: [
          {
            status: 'R',
            previous: 'migrations/versions/r1.py',
            path: 'migrations/versions/0001_r1.py',
            pureRename: true,
          },
        ],
        base,
        merged,
        baseRef: 'main',
        production: null,
      }),
    ).toEqual([]);
  });
});

describe('planAgainstProduction', () => {
  it('lists nothing to do and warns about nothing when production is at the base head and the PR adds none', () => {
    const graph = buildGraph(chain(3));
    const { plan, findings } = planAgainstProduction({
      merged: graph,
      base: graph,
      added: new Set(),
      baseRef: 'main',
      applied: applied(['r3']),
      source: 'db',
    });
    expect(plan.steps).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('warns when production holds a revision neither branch has', () => {
    const graph = buildGraph(chain(2));
    const { plan, findings } = planAgainstProduction({
      merged: graph,
      base: graph,
      added: new Set(),
      baseRef: 'main',
      applied: applied(['zz9']),
      source: 'db',
    });
    expect(plan.unknown).toEqual(['zz9']);
    expect(findings.map((f) => f.kind)).toContain('production-ahead');
  });
});

describe('renderPullRequestMarkdown', () => {
  const result = (n: number): PullRequestCheckResult => ({
    conclusion: 'failure',
    title: `${n} migration errors: missing-parent`,
    findings: Array.from({ length: n }, (_, i) => ({
      severity: 'error' as const,
      kind: 'missing-parent',
      message: `revision <b>x${i}</b> | referenced from ${'y'.repeat(200)}`,
      file: `migrations/versions/x${i}.py`,
      line: 3,
    })),
    heads: ['a'],
    baseHeads: ['a'],
    baseRef: 'main',
    added: [],
    plan: null,
    productionSkipped: null,
    revisions: 1,
    lint: null,
  });

  it('escapes HTML and table pipes from the repository', () => {
    const md = renderPullRequestMarkdown(result(1), { maxLength: 65_535 });
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;b&gt;x0&lt;/b&gt; \\|');
  });

  it('fits a check run summary with 2,000 findings, saying how many were left out', () => {
    const md = renderPullRequestMarkdown(result(2000), { maxLength: 65_535 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(65_535);
    expect(md).toMatch(/… and \d+ more/);
  });
});
