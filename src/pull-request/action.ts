// The pull-request mode of the action: event → check → check run, sticky comment, job summary, step status.
// Everything it touches comes in as a parameter, so main.ts wires it and tests run it against a loopback GitHub.
import { type Config, type DatabaseTarget, type PullRequestInputs, parseConfig } from '../config/config.js';
import type { SqlExecutor } from '../database/executor.js';
import { readVersionTable } from '../database/version-table.js';
import type { TableRef } from '../lint/operation.js';
import { readTableSizes } from '../lint/table-sizes.js';
import type { Finding } from '../migrations/finding.js';
import { planAnnotations } from '../publish/annotations.js';
import { CheckRunPublisher, checkAnnotations } from '../publish/check-run.js';
import {
  commentBody,
  commentMarker,
  type StickyResult,
  tokenIdentity,
  upsertStickyComment,
} from '../publish/pr-comment.js';
import { GITHUB_LIMITS } from '../report/limits.js';
import { pullRequestFromEvent } from './event.js';
import { createGitHubApi, GitHubApiError } from './github-api.js';
import { type Mode, resolveMode } from './mode.js';
import { renderPullRequestMarkdown } from './render.js';
import { type ProductionAccess, type PullRequestCheckResult, runPullRequestCheck } from './run-check.js';

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
}

/** The @actions/core functions used, so tests pass recorders. */
export interface ActionCore {
  info(message: string): void;
  notice(message: string, props?: AnnotationProps): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  setFailed(message: string): void;
  setOutput(name: string, value: string): void;
  setSecret(secret: string): void;
  /** Appends Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
}

export type { PullRequestInputs };

/** Reads `mode`, `github-token`, `check-name` and `comment` with the rest of the inputs (one validation, in
 *  parseConfig); throws naming the input and the bad value. */
export function parsePullRequestInputs(raw: Readonly<Record<string, string | undefined>>): PullRequestInputs {
  return parseConfig(raw).pullRequest;
}

/** The mode for this run; see resolveMode. */
export function modeFor(inputs: PullRequestInputs, eventName: string): Mode {
  return resolveMode(inputs.mode, eventName);
}

export interface PullRequestModeDeps {
  /** Workspace root (GITHUB_WORKSPACE). */
  root: string;
  /** GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_ACTOR are read from here. */
  env: NodeJS.ProcessEnv;
  /** The parsed JSON of GITHUB_EVENT_PATH. */
  event: unknown;
  config: Config;
  inputs: PullRequestInputs;
  core: ActionCore;
  openExecutor: (target: DatabaseTarget) => Promise<SqlExecutor>;
  describeTarget: (target: DatabaseTarget) => string;
  fetch?: typeof fetch;
}

export interface PullRequestModeOutcome {
  result: PullRequestCheckResult | null;
  checkRunId: number | null;
  comment: StickyResult | null;
  /** Why GitHub writes were not attempted (fork, Dependabot, no token), or null. */
  readOnly: string | null;
  /** Publishing problems reported as warnings. */
  publishErrors: string[];
}

/** Runs the pull-request mode; never throws — failures become a failed step with a message. */
export async function runPullRequestMode(deps: PullRequestModeDeps): Promise<PullRequestModeOutcome> {
  const { core, env, inputs, config } = deps;
  const modeStarted = Date.now();
  const outcome: PullRequestModeOutcome = {
    result: null,
    checkRunId: null,
    comment: null,
    readOnly: null,
    publishErrors: [],
  };
  try {
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const pr = pullRequestFromEvent(deps.event, env.GITHUB_ACTOR);
    const runUrl = runUrlOf(env);
    if (pr.fork) {
      outcome.readOnly = `this pull request comes from the fork ${pr.headRepo || '(deleted)'}, which GitHub runs with a read-only token and no secrets`;
    } else if (pr.dependabot) {
      outcome.readOnly =
        "this pull request was opened by Dependabot, which GitHub runs with a read-only token and without the repository's secrets";
    } else if (!inputs.githubToken) {
      outcome.readOnly = 'no github-token was given';
    }
    const canWrite = outcome.readOnly === null;
    if (!canWrite)
      core.notice(`Check run and PR comment skipped: ${outcome.readOnly}; the job status carries the verdict.`);

    const api = createGitHubApi({
      baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
      token: inputs.githubToken,
      fetch: deps.fetch,
    });
    const repo = { owner: pr.owner, repo: pr.repo };
    const checks = new CheckRunPublisher(api, repo);
    const publishError = (what: string, error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const hint =
        error instanceof GitHubApiError && error.status === 403
          ? ` (the token may not write: grant \`permissions: ${what === 'check run' ? 'checks' : 'pull-requests'}: write\`)`
          : '';
      outcome.publishErrors.push(`Could not publish the ${what}: ${message}${hint}`);
    };

    if (canWrite) {
      try {
        outcome.checkRunId = await checks.start(inputs.checkName, pr.headSha, runUrl || undefined);
      } catch (error) {
        publishError('check run', error);
      }
    }

    const production = productionAccess(deps, pr.fork || pr.dependabot ? outcome.readOnly : null);
    const result = await runPullRequestCheck({
      root: deps.root,
      migrations: config.migrations,
      locate: { section: config.iniSection, versionLocations: config.versionLocations },
      base: { sha: pr.baseSha, ref: pr.baseRef },
      production,
      ignoreRulesFile: config.ignoreRulesFile,
      lint: {
        configFile: config.ignoreRulesFile,
        largeTable: inputs.lintLargeTable,
        // Linting stops at 80% of timeout-seconds, naming the file it was reading, so the check run and the comment
        // still say so before the step's watchdog ends the run at 100%.
        deadline: {
          at: modeStarted + config.timeoutSeconds * 800,
          what: `timeout-seconds (${config.timeoutSeconds})`,
        },
      },
      log: (line) => core.info(line),
    });
    outcome.result = result;
    core.info(`Pull request #${pr.number}: ${result.conclusion} — ${result.title}`);

    const render = (maxLength: number) =>
      renderPullRequestMarkdown(result, { maxLength, environment: config.environment, runUrl });
    let annotated = false;
    if (outcome.checkRunId !== null) {
      try {
        await checks.complete(outcome.checkRunId, result.conclusion, {
          title: result.title,
          summary: render(GITHUB_LIMITS.checkRunSummaryChars),
          annotations: checkAnnotations(result.findings),
        });
        annotated = true;
      } catch (error) {
        publishError('check run', error);
      }
    }
    if (canWrite && inputs.comment) {
      try {
        const marker = commentMarker(inputs.checkName);
        // Render to the full budget; commentBody cuts (with a link to the run) only if the marker tips it over.
        const body = commentBody(render(GITHUB_LIMITS.commentChars - marker.length - 1), marker, runUrl);
        const author = await tokenIdentity(api, graphqlUrlOf(env));
        core.info(
          `PR comment author: ${author.login} (${author.source === 'assumed' ? 'assumed: GitHub did not say who the token is' : `from ${author.source === 'user' ? 'GET /user' : 'GraphQL viewer'}`})`,
        );
        outcome.comment = await upsertStickyComment(api, repo, pr.number, marker, body, author);
      } catch (error) {
        publishError('pull request comment', error);
      }
    }
    // Without our check run the findings still reach the Files tab as workflow annotations.
    if (!annotated) annotate(core, result.findings);
    for (const message of outcome.publishErrors) core.warning(message);

    const heads = result.heads.join(',');
    core.setOutput('codebase-head', heads);
    if (result.plan) {
      core.setOutput('production-version', result.plan.production.join(','));
      core.setOutput('pending-count', String(result.plan.steps.length));
    }
    await core.writeSummary(render(GITHUB_LIMITS.stepSummaryBytes - 16 * 1024));
    if (result.conclusion === 'failure') core.setFailed(`Migration check failed: ${result.title}`);
  } catch (error) {
    core.setFailed(`schema-drift pull-request check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return outcome;
}

/** `untrusted`: why the run has no secrets (fork, Dependabot), or null. */
function productionAccess(deps: PullRequestModeDeps, untrusted: string | null): ProductionAccess {
  const target = deps.config.database;
  if (untrusted !== null) return { skipped: `${untrusted}, so production cannot be reached` };
  if (!target) return { skipped: 'no database is configured (database-url or lambda-function)' };
  return {
    read: async (tables) => {
      const executor = await deps.openExecutor(target);
      try {
        const applied = await readVersionTable(executor, {
          table: deps.config.versionTable,
          schema: deps.config.versionTableSchema,
        });
        return { applied, source: executor.describe(), sizes: await tableSizesOrError(executor, tables) };
      } finally {
        await executor.close().catch(() => {});
      }
    },
  };
}

/** Migration safety's table sizes on the same connection; a failure leaves the plan standing. */
async function tableSizesOrError(executor: SqlExecutor, tables: readonly TableRef[]) {
  try {
    return await readTableSizes(executor, tables);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function annotate(core: ActionCore, findings: Finding[]): void {
  for (const a of planAnnotations(findings).annotations) {
    const props = { title: a.title, file: a.file, startLine: a.line };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}

/** GITHUB_GRAPHQL_URL (set on runners), else beside the REST API: api.github.com/graphql, or GHES's /api/graphql. */
function graphqlUrlOf(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_GRAPHQL_URL) return env.GITHUB_GRAPHQL_URL;
  const rest = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  return rest.endsWith('/api/v3') ? `${rest.slice(0, -'/v3'.length)}/graphql` : `${rest}/graphql`;
}

function runUrlOf(env: NodeJS.ProcessEnv): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
    ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : '';
}
