// The plan against production: which migrations deploying this pull request would apply on top of the production
// revision, in order, and whether other work is pending ahead of it. Pure.
import type { AppliedVersions } from '../drift/version.js';
import type { Finding } from '../migrations/finding.js';
import { ancestors, inApplyOrder, type MigrationGraph } from '../migrations/graph.js';

export interface PlanStep {
  revision: string;
  file: string;
  line: number;
  message: string;
  /** True when the pull request adds this migration; false for work already on the base branch. */
  fromPullRequest: boolean;
}

export interface ProductionPlan {
  /** Where the versions were read (redacted). */
  source: string;
  versionTable: string;
  /** Production's applied revisions, sorted; empty when the version table is missing or empty. */
  production: string[];
  /** Migrations `alembic upgrade head` would run after merging, in apply order. */
  steps: PlanStep[];
  /** Production revisions the repository does not know. */
  unknown: string[];
}

export interface PlanContext {
  merged: MigrationGraph;
  base: MigrationGraph | null;
  added: ReadonlySet<string>;
  baseRef: string;
  applied: AppliedVersions;
  source: string;
}

/** The plan and the warnings it raises (production behind the base, or on revisions the repository lacks). */
export function planAgainstProduction(ctx: PlanContext): { plan: ProductionPlan; findings: Finding[] } {
  const production = [...ctx.applied.versions].sort();
  const unknown = production.filter((v) => !ctx.merged.revisions.has(v));
  const done = ancestors(ctx.merged, production);
  const target = ancestors(ctx.merged, ctx.merged.heads);
  const steps = inApplyOrder(
    ctx.merged,
    [...target].filter((id) => !done.has(id)),
  ).map((r) => ({
    revision: r.id,
    file: r.file,
    line: r.line,
    message: r.message,
    fromPullRequest: ctx.added.has(r.id),
  }));
  const findings: Finding[] = [];
  const shown = production.length === 0 ? '(no revision)' : production.join(', ');
  if (unknown.length > 0) {
    findings.push({
      severity: 'warning',
      kind: 'production-ahead',
      message: `production holds ${unknown.join(', ')}, which neither ${ctx.baseRef} nor this pull request contains; the plan cannot be trusted until that is explained`,
    });
  }
  const baseHeads = ctx.base?.heads ?? [];
  const atBaseHead =
    ctx.base !== null && baseHeads.length === production.length && baseHeads.every((h) => production.includes(h));
  const others = steps.filter((s) => !s.fromPullRequest);
  if (ctx.base !== null && !atBaseHead && others.length > 0) {
    const n = others.length;
    const list = others
      .slice(0, 5)
      .map((s) => s.revision)
      .join(', ');
    findings.push({
      severity: 'warning',
      kind: 'production-not-at-base-head',
      message:
        `production is at ${shown}, not at the head of ${ctx.baseRef} (${baseHeads.join(', ') || 'none'}): ` +
        `${n} migration${n === 1 ? '' : 's'} from other work (${list}${n > 5 ? ', …' : ''}) will run before this pull request's`,
    });
  }
  return {
    plan: { source: ctx.source, versionTable: ctx.applied.qualifiedName, production, steps, unknown },
    findings,
  };
}
