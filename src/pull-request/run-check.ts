// The pull-request check: lint the tree the pull request produces, compare it with the base branch read through git,
// plan it against production when that can be read, and flag applied migrations the pull request edits.
// Resolves to a result in every case; nothing here talks to GitHub.
import path from 'node:path';
import { applyFindingRules, asWaived, type FindingRule } from '../drift/ignore-rules.js';
import { readFindingRules } from '../drift/rules-file.js';
import type { AppliedVersions } from '../drift/version.js';
import type { LintConfig } from '../lint/config.js';
import {
  type FoundRisks,
  gradeRisks,
  type LintDeadline,
  type LintSection,
  LintTimeoutError,
  risksTables,
} from '../lint/lint.js';
import type { TableRef } from '../lint/operation.js';
import { findMigrationRisks, lintFindings } from '../lint/read-migrations.js';
import { DEFAULT_LARGE_TABLE, type LargeTable, type TableSizes } from '../lint/table-sizes.js';
import type { AlembicLocation, LocateOptions } from '../migrations/alembic/locate.js';
import type { Finding } from '../migrations/finding.js';
import { buildGraph, inApplyOrder, type MigrationGraph, withoutFiles } from '../migrations/graph.js';
import { loadMigrationGraph } from '../migrations/load.js';
import type { Revision } from '../migrations/revision.js';
import { editedAfterApply, type FileChange } from './edited-after-apply.js';
import { changedFiles, type Git, hasCommit, isShallow, openGit } from './git.js';
import { loadGraphAtCommit } from './graph-at-commit.js';
import { explainMultipleHeads } from './heads-explained.js';
import { type ProductionPlan, planAgainstProduction } from './plan.js';

/** How production is reached: a reader, or the reason it is not consulted (fork, no database configured). The
 *  reader also answers the catalog sizes of `tables` (migration safety), or why it could not. */
export type ProductionAccess =
  | {
      read: (tables: readonly TableRef[]) => Promise<{
        applied: AppliedVersions;
        source: string;
        sizes?: TableSizes | { error: string };
      }>;
    }
  | { skipped: string };

export interface PullRequestCheckDeps {
  /** Workspace root: file paths in findings are relative to it. */
  root: string;
  /** The migrations input (alembic.ini, its folder or a versions folder); undefined = auto. */
  migrations?: string;
  /** `ini-section` and `version-locations` inputs. */
  locate?: LocateOptions;
  /** The base branch commit and name from the event. */
  base: { sha: string; ref: string };
  /** The commit whose changes are the pull request's; default HEAD (GitHub's merge commit, or the PR head). */
  head?: string;
  production: ProductionAccess;
  /** The `config` input (ignore rules file); undefined = `.schema-drift.yml` when present. */
  ignoreRulesFile?: string;
  /** Migration safety settings: the `config` input and `lint-large-table`. */
  lint?: { configFile?: string; largeTable: LargeTable; deadline?: LintDeadline };
  now?: () => Date;
  log?: (line: string) => void;
}

export type Conclusion = 'success' | 'failure';

export interface PullRequestCheckResult {
  conclusion: Conclusion;
  /** One line, ≤ 255 characters: the check run's title. */
  title: string;
  findings: Finding[];
  /** Heads after merging, sorted. */
  heads: string[];
  /** The base branch's heads; null when the base could not be read. */
  baseHeads: string[] | null;
  baseRef: string;
  /** Migrations the pull request adds, in apply order. */
  added: Revision[];
  plan: ProductionPlan | null;
  /** Why production was not compared, or null when it was. */
  productionSkipped: string | null;
  revisions: number;
  /** Migration safety of the pull request's new and changed migrations; null when they could not be told. */
  lint: LintSection | null;
}

/** Runs the check; never throws. */
export async function runPullRequestCheck(deps: PullRequestCheckDeps): Promise<PullRequestCheckResult> {
  const log = deps.log ?? (() => {});
  const findings: Finding[] = [];
  const baseRef = deps.base.ref || 'the base branch';
  let productionSkipped: string | null = 'skipped' in deps.production ? deps.production.skipped : null;
  const result = (over: Partial<PullRequestCheckResult>): PullRequestCheckResult => {
    const all = over.findings ?? findings;
    return {
      conclusion: all.some((f) => f.severity === 'error') ? 'failure' : 'success',
      title: titleFor(all, over.added ?? [], over.plan ?? null),
      findings: all,
      heads: [],
      baseHeads: null,
      baseRef,
      added: [],
      plan: null,
      productionSkipped,
      revisions: 0,
      lint: null,
      ...over,
    };
  };

  let head: MigrationGraph;
  let location: AlembicLocation;
  try {
    ({ graph: head, location } = await loadMigrationGraph(deps.root, deps.migrations, deps.locate));
  } catch (error) {
    findings.push({ severity: 'error', kind: 'migrations-unreadable', message: messageOf(error) });
    return result({});
  }
  // As in the monitor: a file a rule lets past counts as absent from the graph (its finding stays, as a notice).
  head = withoutFiles(head, await filesWaived(head.findings, deps));
  log(`Read ${head.revisions.size} revisions; heads: ${head.heads.join(', ') || '(none)'}`);

  let base: MigrationGraph | null = null;
  let changes: FileChange[] = [];
  let baseProblem: string | null = null;
  try {
    const git = await openGit(deps.root);
    if (!(await hasCommit(git, deps.base.sha))) {
      baseProblem = (await isShallow(git))
        ? `the base commit ${deps.base.sha} of ${baseRef} is not in this shallow clone; set \`fetch-depth: 0\` on actions/checkout so the base branch's migrations can be compared`
        : `the base commit ${deps.base.sha} of ${baseRef} is not in the checkout; fetch it (\`fetch-depth: 0\` on actions/checkout)`;
    } else {
      base = await loadGraphAtCommit(git, deps.root, location, deps.base.sha);
      changes = await pullRequestChanges(git, deps.root, deps.base.sha, deps.head ?? 'HEAD');
      log(`Base ${baseRef} (${deps.base.sha.slice(0, 12)}): heads ${base.heads.join(', ') || '(none)'}`);
    }
  } catch (error) {
    baseProblem = `could not read ${baseRef} through git: ${messageOf(error)}`;
  }
  if (baseProblem !== null) {
    findings.push({
      severity: 'error',
      kind: 'base-unavailable',
      message: `Could not compare with the base branch: ${baseProblem}`,
    });
  }

  const merged = base === null ? head : withBaseRevisions(head, base, changes);
  const added = new Set([...merged.revisions.keys()].filter((id) => !base?.revisions.has(id)));
  findings.push(
    ...(await waived(
      head.findings.filter((f) => f.kind !== 'multiple-heads'),
      deps,
    )),
  );
  findings.push(
    ...(base === null
      ? merged.findings.filter((f) => f.kind === 'multiple-heads')
      : explainMultipleHeads({ merged, base, added, baseRef })),
  );

  const risks = base === null ? null : await migrationRisks(deps, location, merged, added, changes, findings);
  let sizes: { sizes: TableSizes; source: string } | { skipped: string } = {
    skipped: productionSkipped ?? 'production was not read',
  };

  let plan: ProductionPlan | null = null;
  let production: string[] | null = null;
  if ('read' in deps.production) {
    try {
      const read = await deps.production.read(risks ? risksTables(risks.found) : []);
      sizes =
        read.sizes === undefined
          ? { skipped: 'production sizes were not read' }
          : 'error' in read.sizes
            ? { skipped: `production table sizes could not be read: ${read.sizes.error}` }
            : { sizes: read.sizes, source: read.source };
      production = [...read.applied.versions].sort();
      const planned = planAgainstProduction({
        merged,
        base,
        added,
        baseRef,
        applied: read.applied,
        source: read.source,
      });
      plan = planned.plan;
      findings.push(...planned.findings);
      log(`Production ${read.source}: ${production.join(', ') || '(none)'}; ${plan.steps.length} to apply`);
    } catch (error) {
      productionSkipped = `production could not be read: ${messageOf(error)}`;
      sizes = { skipped: productionSkipped };
      findings.push({
        severity: 'warning',
        kind: 'production-unavailable',
        message: `Could not compare with production (${messageOf(error)}); migrations already on ${baseRef} count as applied`,
      });
    }
  }
  if (base !== null) findings.push(...editedAfterApply({ changes, base, merged, baseRef, production }));
  const lint = risks
    ? gradeRisks(risks.found, {
        config: risks.config,
        production: sizes,
        largeTable: deps.lint?.largeTable ?? DEFAULT_LARGE_TABLE,
      })
    : null;
  if (lint) findings.push(...lintFindings(lint));

  return result({
    findings,
    heads: merged.heads,
    baseHeads: base?.heads ?? null,
    added: base === null ? [] : inApplyOrder(merged, added),
    plan,
    revisions: merged.revisions.size,
    lint,
  });
}

/** Migration safety for the revisions the pull request adds or changes; a bad `lint:` block is an error finding. */
async function migrationRisks(
  deps: PullRequestCheckDeps,
  location: AlembicLocation,
  merged: MigrationGraph,
  added: ReadonlySet<string>,
  changes: readonly FileChange[],
  findings: Finding[],
): Promise<{ found: FoundRisks; config: LintConfig } | null> {
  const changed = new Set(changes.filter((c) => c.status !== 'D').map((c) => c.path));
  const files = [...merged.revisions.values()]
    .filter((r) => added.has(r.id) || changed.has(r.file))
    .map((r) => r.file)
    .sort();
  try {
    return await findMigrationRisks({
      root: deps.root,
      location,
      files,
      configFile: deps.lint?.configFile,
      today: deps.now?.() ?? new Date(),
      ...(deps.lint?.deadline ? { deadline: deps.lint.deadline } : {}),
    });
  } catch (error) {
    if (error instanceof LintTimeoutError) {
      findings.push({
        severity: 'error',
        kind: 'lint-timeout',
        message: `Migration safety not checked: ${error.message}`,
        file: error.file,
      });
      return null;
    }
    findings.push({
      severity: 'error',
      kind: 'lint-config',
      message: `Migration safety not checked: ${messageOf(error)}`,
    });
    return null;
  }
}

/** Changed files with paths relative to the workspace root. */
async function pullRequestChanges(git: Git, root: string, base: string, head: string): Promise<FileChange[]> {
  const fromTop = (p: string) => path.relative(root, path.join(git.top, p)).split(path.sep).join('/');
  return (await changedFiles(git, base, head)).map((c) => ({
    status: c.status,
    path: fromTop(c.path),
    previous: c.previous === undefined ? undefined : fromTop(c.previous),
    pureRename: c.pureRename,
  }));
}

/**
 * The graph after merging: the checked-out tree plus base revisions it lacks. GitHub checks out the merge commit,
 * which already has them; a checkout of the PR head does not, and a base revision the PR deleted stays out.
 */
function withBaseRevisions(head: MigrationGraph, base: MigrationGraph, changes: FileChange[]): MigrationGraph {
  const touched = new Set(changes.flatMap((c) => [c.path, c.previous ?? c.path]));
  const missing = [...base.revisions.values()].filter((r) => !head.revisions.has(r.id) && !touched.has(r.file));
  if (missing.length === 0) return head;
  return buildGraph([...head.revisions.values(), ...missing]);
}

/**
 * The monitor's file rules, applied the same way: an error finding a rule covers does not fail the check (it stays
 * visible as a notice naming the rule); an expired rule no longer applies and warns.
 */
async function waived(findings: Finding[], deps: PullRequestCheckDeps): Promise<Finding[]> {
  let rules: FindingRule[];
  try {
    rules = await readFindingRules(deps.root, deps.ignoreRulesFile);
  } catch (error) {
    return [...findings, { severity: 'error', kind: 'ignore-rules-unreadable', message: messageOf(error) }];
  }
  if (rules.length === 0) return findings;
  const errors = findings.filter((f) => f.severity === 'error');
  const { ignored, warnings } = applyFindingRules(errors, rules, deps.now?.() ?? new Date());
  const byFinding = new Map(ignored.map((i) => [i.finding, i.rule]));
  const out = findings.map((f) => {
    const rule = byFinding.get(f);
    return rule ? asWaived(f, rule) : f;
  });
  return [...out, ...warnings];
}

/** Files whose error findings a rule lets past; none when the rules cannot be read (`waived` reports that). */
async function filesWaived(findings: Finding[], deps: PullRequestCheckDeps): Promise<Set<string>> {
  let rules: FindingRule[];
  try {
    rules = await readFindingRules(deps.root, deps.ignoreRulesFile);
  } catch {
    return new Set();
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const { ignored } = applyFindingRules(errors, rules, deps.now?.() ?? new Date());
  return new Set(ignored.flatMap((i) => (i.finding.file ? [i.finding.file] : [])));
}

function titleFor(findings: Finding[], added: Revision[], plan: ProductionPlan | null): string {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  let title: string;
  if (errors.length > 0) {
    const kinds = [...new Set(errors.map((f) => f.kind))].join(', ');
    title = `${errors.length} migration error${errors.length === 1 ? '' : 's'}: ${kinds}`;
  } else {
    const n = added.length;
    title = n === 0 ? 'No migration changes' : `${n} new migration${n === 1 ? '' : 's'}, graph OK`;
    if (plan !== null) title += `; ${plan.steps.length} to apply in production`;
    if (warnings > 0) title += ` (${warnings} warning${warnings === 1 ? '' : 's'})`;
  }
  return title.length <= 255 ? title : `${title.slice(0, 254)}…`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
