// Markdown for the check run summary, the sticky comment and the job summary. Everything from the repository or
// the database is escaped; lists are cut so the text fits the budget of the place it goes.
import { renderMigrationSafety } from '../lint/render.js';
import type { Finding, Severity } from '../migrations/finding.js';
import { fitToBudget } from '../report/limits.js';
import { code, escapeMarkdown } from '../report/markdown.js';
import type { PullRequestCheckResult } from './run-check.js';

export interface RenderOptions {
  /** Characters (UTF-8 bytes are counted, so characters hold too). */
  maxLength: number;
  environment?: string;
  runUrl?: string;
}

const ORDER: Severity[] = ['error', 'warning', 'notice'];
const TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', notice: 'Notices' };

/** The pull-request check as Markdown, at most `maxLength` bytes. */
export function renderPullRequestMarkdown(result: PullRequestCheckResult, options: RenderOptions): string {
  return fitToBudget((limit) => render(result, options, limit), 200, options.maxLength);
}

function render(result: PullRequestCheckResult, options: RenderOptions, limit: number): string {
  const icon = result.conclusion === 'failure' ? '❌' : '✅';
  const out: string[] = [`### ${icon} Migrations: ${escapeMarkdown(result.title)}`, ''];
  out.push('| | |', '|---|---|');
  out.push(`| Heads after merge | ${ids(result.heads)} |`);
  out.push(
    `| Heads of ${code(result.baseRef)} | ${result.baseHeads === null ? '*not read*' : ids(result.baseHeads)} |`,
  );
  out.push(`| Revisions | ${result.revisions} |`);
  const env = code(options.environment ?? 'production');
  if (result.plan !== null) out.push(`| ${env} version | ${ids(result.plan.production)} |`);
  else out.push(`| ${env} | *not compared* |`);

  if (result.productionSkipped !== null) {
    out.push('', `> **Note:** production comparison skipped: ${escapeMarkdown(result.productionSkipped)}`);
  }

  // Migration-safety findings have their own section below.
  const lintKinds = new Set(result.lint?.findings.map((f) => f.kind));
  const findings = ORDER.flatMap((s) => result.findings.filter((f) => f.severity === s && !lintKinds.has(f.kind)));
  if (findings.length > 0) {
    let current: Severity | null = null;
    for (const f of findings.slice(0, limit)) {
      if (f.severity !== current) {
        current = f.severity;
        const total = findings.filter((x) => x.severity === current).length;
        out.push('', `#### ${TITLES[current]} (${total})`, '');
      }
      out.push(`- **${escapeMarkdown(f.kind)}** ${prose(f.message)}${where(f)}`);
    }
    more(out, findings.length - limit);
  }

  if (result.lint !== null && result.lint.migrations > 0) out.push('', ...renderMigrationSafety(result.lint, limit));

  if (result.added.length > 0) {
    out.push('', `#### Migrations in this pull request (${result.added.length}, in apply order)`, '');
    out.push('| Revision | Parent | Message | File |', '|---|---|---|---|');
    for (const r of result.added.slice(0, limit)) {
      out.push(
        `| ${code(r.id)} | ${ids(r.downRevisions)} | ${escapeMarkdown(r.message)} | ${code(`${r.file}:${r.line}`)} |`,
      );
    }
    more(out, result.added.length - limit);
  }

  if (result.plan !== null) {
    const steps = result.plan.steps;
    out.push('', `#### Plan against ${env} (${steps.length} to apply after merging, in order)`, '');
    if (steps.length === 0) out.push('Nothing to apply: production is at the head.');
    else {
      out.push('| # | Revision | From | Message |', '|---:|---|---|---|');
      steps.slice(0, limit).forEach((s, i) => {
        const from = s.fromPullRequest ? 'this pull request' : code(result.baseRef);
        out.push(`| ${i + 1} | ${code(s.revision)} | ${from} | ${escapeMarkdown(s.message)} |`);
      });
      more(out, steps.length - limit);
    }
  }
  if (options.runUrl && /^https?:\/\//.test(options.runUrl))
    out.push('', `[Run details](${encodeURI(options.runUrl)})`);
  return `${out.join('\n')}\n`;
}

// Our messages quote ids in backticks; keep those as code spans and escape the rest.
function prose(message: string): string {
  return message
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : escapeMarkdown(part)))
    .join('');
}

function where(f: Finding): string {
  if (f.file === undefined) return '';
  return ` — ${code(f.line === undefined ? f.file : `${f.file}:${f.line}`)}`;
}

function ids(list: readonly string[]): string {
  return list.length === 0 ? '*none*' : list.map(code).join(', ');
}

function more(out: string[], hidden: number): void {
  if (hidden > 0) out.push('', `… and ${hidden} more`);
}
