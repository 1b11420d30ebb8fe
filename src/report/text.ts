// Plain-text rendering for email (SNS) and the CLI, plus the headline and the advice every rendering shares.
import type { Finding, Severity } from '../migrations/finding.js';
import { clip, DEFAULT_TEXT_MAX_BYTES, fitToBudget } from './limits.js';
import type { PendingRevision, Report } from './model.js';

const LIST_CAPS = { pending: 500, unknown: 200, findings: 50 } as const;
const VALUE_MAX_CHARS = 500;
const ERROR_MAX_CHARS = 4000;

/** One-line headline, e.g. "production: behind by 3 migrations" / "production: in sync at 20251230_1900". */
export function headline(report: Report): string {
  const env = oneLine(report.environment);
  const version = report.version;
  let what: string;
  if (report.status === 'error' || version === null || version.state === 'error') {
    what = `could not determine the state (${oneLine(report.error?.stage ?? 'version')} error)`;
  } else {
    const pending = version.pending.length;
    switch (version.state) {
      case 'synced':
        what = `in sync at ${oneLine(report.production_version ?? '(none)')}`;
        break;
      case 'behind':
        what = version.drift
          ? `behind by ${plural(pending, 'migration')}`
          : `${plural(pending, 'migration')} pending within grace`;
        break;
      case 'ahead':
        what = `ahead: ${plural(version.unknown.length, 'revision')} unknown to the repository`;
        break;
      case 'branched':
        what =
          version.codebase_heads.length > 1
            ? `branched: the repository has ${version.codebase_heads.length} heads`
            : 'branched: the database is on a branch the repository head does not include';
        break;
      case 'uninitialized':
        what = 'uninitialized: no Alembic version recorded';
        break;
    }
  }
  return clip(`${env}: ${what}`, 200);
}

/** What a person should do about this report's state, one paragraph per entry. */
export function whatToDo(report: Report): string[] {
  const version = report.version;
  if (report.status === 'error' || version === null || version.state === 'error') {
    return [
      'The state could not be determined. This is not a pass: never treat it as synced.',
      `Fix the cause named by the error (stage "${oneLine(report.error?.stage ?? 'version')}") and run the check again.`,
    ];
  }
  switch (version.state) {
    case 'synced':
      return ['Nothing to do: the database is at the repository head.'];
    case 'behind':
      if (!version.drift) {
        return [
          `The pending migrations entered the branch less than ${version.pending_grace_minutes} minutes ago (a deploy in flight?). ` +
            'They are reported as drift if they are still pending after that.',
        ];
      }
      return [
        'Deploy the pending migrations: run `alembic upgrade head` against this database (or the deploy that does it), then run the check again.',
      ];
    case 'ahead':
      return [
        'The database has revisions the repository lacks: a rollback of the code, or a branch deployed from elsewhere.',
        'Find the branch that holds those revisions and merge it, or downgrade the database deliberately.',
      ];
    case 'branched':
      return [
        'The revision history has diverged. If the repository has several heads, create a merge revision with `alembic merge heads` and deploy it.',
        'If the database sits on another branch, find the deploy that put it there.',
      ];
    case 'uninitialized':
      return [
        'The version table is missing or empty: is this the right database and schema (inputs version-table, version-table-schema)?',
        'If the schema was created outside Alembic, record its revision with `alembic stamp`.',
      ];
  }
}

/** What an error at each pipeline stage means for the reader. */
export function errorMeaning(stage: string): string {
  const meanings: Record<string, string> = {
    config: 'the inputs are invalid, so nothing was checked',
    migrations: "the repository's migrations could not be read",
    database: 'the database could not be reached or queried',
    version: "the database's version could not be compared with the repository",
    publish: 'the result could not be stored or sent',
    internal: 'an unexpected error stopped the check',
  };
  return meanings[stage] ?? 'the check stopped before the state was known';
}

/** Plain text for an email (SNS): what was found, pending/unknown revisions, run URL, report location, what to do. */
export function renderText(report: Report, options: { reportLocation?: string; maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_TEXT_MAX_BYTES;
  const largest = Math.max(LIST_CAPS.pending, LIST_CAPS.unknown, LIST_CAPS.findings);
  return fitToBudget((limit) => textWithLimit(report, options.reportLocation, limit), largest, maxBytes);
}

function textWithLimit(report: Report, reportLocation: string | undefined, limit: number): string {
  const v = report.version;
  const out: string[] = [headline(report), ''];
  const facts: [string, string][] = [
    ['Status', v === null ? report.status : `${report.status} (version state: ${v.state})`],
    ['Environment', report.environment],
    ['Codebase head', report.codebase_head ?? '(none)'],
    ['Production version', report.production_version ?? '(none)'],
    ['Database', report.source.database],
    ['Migrations', `${report.source.migrations} (${plural(report.source.revisions, 'revision')})`],
  ];
  if (v !== null) facts.push(['Version table', v.version_table]);
  facts.push(['Checked at', report.timestamp]);
  for (const [label, value] of facts) out.push(`${`${label}:`.padEnd(20)}${value1(value)}`);

  if (report.error !== null) {
    out.push('', 'Error:');
    out.push(`  Stage: ${value1(report.error.stage)}`);
    out.push(`  Message: ${clip(oneLine(report.error.message), ERROR_MAX_CHARS)}`);
    out.push(`  What it means: ${errorMeaning(report.error.stage)}; the state could not be determined.`);
  }

  if (v !== null && v.pending.length > 0) {
    out.push('', `Pending migrations (${v.pending.length}, in apply order):`);
    const shown = v.pending.slice(0, Math.min(limit, LIST_CAPS.pending));
    shown.forEach((p, i) => {
      out.push(`  ${i + 1}. ${value1(p.revision)}  ${value1(p.message) || '(no message)'}`);
      out.push(`     ${value1(p.file)}:${p.line} · ${addedText(p)}`);
    });
    more(out, v.pending.length - shown.length);
  }
  if (v !== null && v.unknown.length > 0) {
    out.push('', 'Unknown revisions (in the database, not in the repository):');
    const shown = v.unknown.slice(0, Math.min(limit, LIST_CAPS.unknown));
    for (const id of shown) out.push(`  - ${value1(id)}`);
    more(out, v.unknown.length - shown.length);
  }
  if (report.findings.length > 0) {
    const ordered = bySeverity(report.findings);
    out.push('', `Findings (${ordered.length}):`);
    const shown = ordered.slice(0, Math.min(limit, LIST_CAPS.findings));
    for (const f of shown) out.push(`  [${f.severity}] ${value1(f.kind)}: ${value1(f.message)}${whereText(f)}`);
    more(out, ordered.length - shown.length);
  }

  out.push('', 'What to do:');
  for (const line of whatToDo(report)) out.push(`  ${line}`);

  out.push('');
  if (report.run.run_url !== '') out.push(`Run: ${value1(report.run.run_url)}`);
  if (reportLocation !== undefined) out.push(`Report: ${value1(reportLocation)}`);
  const commit = [
    report.run.repository,
    report.run.sha && `at ${report.run.sha}`,
    report.run.ref && `(${report.run.ref})`,
  ]
    .filter((part) => part !== '')
    .map(value1)
    .join(' ');
  if (commit !== '') out.push(`Commit: ${commit}`);
  out.push(`Trigger: ${value1(report.run.trigger)}`);
  if (report.run.tool_version !== '') out.push(`Tool: schema-drift-action ${value1(report.run.tool_version)}`);
  out.push(`Fingerprint: ${report.fingerprint}`);
  return `${out.join('\n')}\n`;
}

function more(out: string[], hidden: number): void {
  if (hidden > 0) out.push(`  … and ${hidden} more`);
}

function addedText(p: PendingRevision): string {
  const added = p.added_at === null ? 'added: unknown' : `added ${value1(p.added_at)}`;
  return p.within_grace ? `${added} (within grace)` : added;
}

function whereText(f: Finding): string {
  if (f.file === undefined) return '';
  return ` (${value1(f.file)}${f.line === undefined ? '' : `:${f.line}`})`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Findings ordered error, warning, notice; the original order is kept within a severity. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
}

/** Control characters (newlines included) become spaces, so a value from the repository or database stays on one line. */
export function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

function value1(value: string): string {
  return clip(oneLine(value), VALUE_MAX_CHARS);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
