// Plain-text rendering for email (SNS) and the CLI, plus the headline and the advice every rendering shares.
import type { AttrValue } from '../catalog/model.js';
import { SEVERITIES, type StructureDifference, type Severity as StructureSeverity } from '../drift/structure.js';
import type { Finding, Severity } from '../migrations/finding.js';
import { clip, DEFAULT_TEXT_MAX_BYTES, fitToBudget } from './limits.js';
import type { PendingRevision, Report, StructureSection } from './model.js';

const LIST_CAPS = { pending: 500, unknown: 200, findings: 50, differences: 200, notices: 50, ignored: 100 } as const;
/** A fix-up SQL statement longer than this is cut at a line (a CREATE FUNCTION can be long); the JSON has it whole. */
export const FIX_SQL_MAX_CHARS = 2000;
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
    what += structuralHeadline(report.structure);
  }
  return clip(`${env}: ${what}`, 200);
}

// Short on purpose: the headline is also a mail subject, 84 characters after "[schema-drift] ".
function structuralHeadline(structure: StructureSection | null): string {
  if (structure?.state !== 'drifted') return '';
  const security = structure.differences.filter((d) => d.severity === 'security').length;
  return `; ${plural(structure.differences.length, 'structural difference')}${security > 0 ? ` (${security} security)` : ''}`;
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
  const structure = report.structure;
  if (structure?.state !== 'drifted') return versionAdvice(report, version);
  const advice =
    version.state === 'synced'
      ? [
          'The version table is at the repository head, but the live catalog differs from the expected schema: a change made outside the migrations?',
        ]
      : versionAdvice(report, version);
  if (structure.differences.some((d) => d.severity === 'security')) {
    advice.push(
      'Start with the security differences (grants, row-level security, policies, security definer, security_invoker): they decide who can read or change data.',
    );
  }
  advice.push(
    'Review each structural difference. Apply its fix-up SQL through a new migration, so the repository records it, ' +
      'or add an ignore rule with a reason and an expiry date in `.schema-drift.yml` (input `config`).',
  );
  return advice;
}

function versionAdvice(report: Report, version: NonNullable<Report['version']>): string[] {
  switch (version.state) {
    case 'synced':
      return [
        report.structure?.state === 'clean'
          ? 'Nothing to do: the database is at the repository head and its catalog matches the expected schema.'
          : 'Nothing to do: the database is at the repository head.',
      ];
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
    case 'error':
      return [];
  }
}

/** What an error at each pipeline stage means for the reader. */
export function errorMeaning(stage: string): string {
  const meanings: Record<string, string> = {
    config: 'the inputs are invalid, so nothing was checked',
    migrations: "the repository's migrations could not be read",
    credentials: 'no AWS credentials could be had (OIDC token or role assumption), so the database was not reached',
    database: 'the database could not be reached or queried',
    version: "the database's version could not be compared with the repository",
    structure: 'the live catalog could not be compared with the expected schema',
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
    ['Status', statusText(report)],
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
  if (report.structure !== null) structureText(out, report.structure, limit);
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

function statusText(report: Report): string {
  const states = [
    report.version === null ? null : `version state: ${report.version.state}`,
    report.structure === null ? null : `structure: ${report.structure.state}`,
  ].filter((state) => state !== null);
  return states.length === 0 ? report.status : `${report.status} (${states.join(', ')})`;
}

function more(out: string[], hidden: number, indent = '  '): void {
  if (hidden > 0) out.push(`${indent}… and ${hidden} more`);
}

function structureText(out: string[], s: StructureSection, limit: number): void {
  out.push('', `Structure: ${value1(s.state)} — ${value1(s.summary)}`);
  const location = s.expected_location === null ? '' : ` ${value1(s.expected_location)}`;
  out.push(`  Expected from:    ${value1(s.expected_source)}${location}`);
  if (s.expected_fingerprint !== null || s.actual_fingerprint !== null) {
    out.push(
      `  Fingerprints:     expected ${shortHash(s.expected_fingerprint)}, actual ${shortHash(s.actual_fingerprint)}`,
    );
  }
  if (s.stats !== null) out.push(`  Catalog read in:  ${statsText(s.stats)}`);
  const explanation = structureStateExplanation(s);
  if (explanation !== null) out.push(`  ${explanation}`);

  const differences = structureBySeverity(s.differences);
  const shown = differences.slice(0, Math.min(limit, LIST_CAPS.differences));
  let current: StructureSeverity | null = null;
  for (const d of shown) {
    if (d.severity !== current) {
      current = d.severity;
      const total = differences.filter((x) => x.severity === current).length;
      out.push('', `  ${STRUCTURE_SEVERITY_TITLES[current] ?? value1(current)} (${total}):`);
    }
    differenceText(out, d);
  }
  more(out, differences.length - shown.length, '    ');

  if (s.notices.length > 0) {
    out.push('', `  Notices (${s.notices.length}, not drift):`);
    const notices = s.notices.slice(0, Math.min(limit, LIST_CAPS.notices));
    for (const d of notices)
      out.push(`    - ${differenceTitle(d, value1)}: ${valueText(d.expected)} → ${valueText(d.actual)}`);
    more(out, s.notices.length - notices.length, '    ');
  }
  if (s.ignored.length > 0) {
    out.push('', `  Ignored by rules (${s.ignored.length}):`);
    const ignored = s.ignored.slice(0, Math.min(limit, LIST_CAPS.ignored));
    for (const i of ignored) {
      const attribute = i.attribute === null ? '' : ` (${value1(i.attribute)})`;
      const expires = i.expires === null ? 'no expiry' : `expires ${value1(i.expires)}`;
      out.push(`    - ${value1(i.kind)} ${value1(i.object)}${attribute}: ${value1(i.reason)}; ${expires}`);
    }
    more(out, s.ignored.length - ignored.length, '    ');
  }
}

function differenceText(out: string[], d: StructureDifference): void {
  out.push(`    - ${differenceTitle(d, value1)}`);
  out.push(`      expected: ${valueText(d.expected)}`);
  out.push(`      actual:   ${valueText(d.actual)}`);
  out.push(`      fix-up SQL (${value1(d.safety)}):`);
  for (const line of fixSqlLines(d.fix_sql)) out.push(`        ${line}`);
}

function valueText(value: AttrValue): string {
  const shown = attrText(value);
  return shown === null ? '(none)' : value1(shown);
}

function shortHash(hash: string | null): string {
  return hash === null ? '(none)' : value1(hash.slice(0, 12));
}

/** Severity titles, for renderers that group differences. */
export const STRUCTURE_SEVERITY_TITLES: Record<StructureSeverity, string> = {
  security: 'Security',
  breaking: 'Breaking',
  cosmetic: 'Cosmetic',
};

/**
 * "missing privilege public.documents" / "changed column public.t.c, attribute type": words made safe by `word`,
 * names (object, attribute) by `name`.
 */
export function differenceTitle(
  d: StructureDifference,
  word: (value: string) => string,
  name: (value: string) => string = word,
): string {
  const attribute = d.attribute === null ? '' : `, attribute ${name(d.attribute)}`;
  const rename = d.possible_rename
    ? ` (${word('possibly renamed: in the database as')} ${name(d.possible_rename)})`
    : '';
  return `${word(d.change)} ${word(d.kind)} ${name(d.object)}${attribute}${rename}`;
}

/** Differences ordered security, breaking, cosmetic; the given order (kind, object) is kept within a severity. */
export function structureBySeverity(differences: readonly StructureDifference[]): StructureDifference[] {
  const rank = (severity: StructureSeverity) => {
    const index = SEVERITIES.indexOf(severity);
    return index === -1 ? SEVERITIES.length : index;
  };
  return [...differences].sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** An attribute value as one string (lists joined with ", "); null when there is no value. */
export function attrText(value: AttrValue): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * Fix-up SQL as display lines: every line break (CR included) splits, other control characters and bidi overrides
 * (which could make a name read differently from what runs) become U+FFFD, and a long statement is cut at a line
 * with a SQL comment saying how much is left out.
 */
export function fixSqlLines(sql: string, maxChars = FIX_SQL_MAX_CHARS): string[] {
  const text = sql
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\t\n])[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu, '\uFFFD');
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length > maxChars) {
      // A first line longer than the budget is clipped rather than dropped, so the statement's start still shows.
      if (kept.length === 0) {
        kept.push(clip(line, maxChars));
        used = maxChars - 1;
      }
      kept.push(`-- … ${text.length - used} more characters in the JSON report`);
      return kept;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept;
}

/** What a state other than drifted means, or null when the counts say it all. */
export function structureStateExplanation(s: StructureSection): string | null {
  switch (s.state) {
    case 'skipped':
      return s.expected_source === 'baseline'
        ? 'Nothing was compared: this run recorded the live catalog as the baseline, and the next run compares with it.'
        : 'Nothing was compared: there was no expected schema to compare with.';
    case 'error':
      return 'The structure check could not be made (see the error): the catalog is not known to match.';
    case 'clean':
      return s.notices.length > 0
        ? 'The live catalog matches the expected schema, apart from the notices below.'
        : 'The live catalog matches the expected schema.';
    case 'drifted':
      return null;
  }
}

/** "9 queries, largest response 12.1 KiB, 44.6 KiB in all". */
export function statsText(stats: NonNullable<StructureSection['stats']>): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return `${plural(stats.queries, 'query', 'queries')}, largest response ${kib(stats.largest_response_bytes)}, ${kib(stats.total_response_bytes)} in all`;
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

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
