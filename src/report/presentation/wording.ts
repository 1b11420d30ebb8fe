// The sentences every rendering shares: the headline, what to do, what an error stage means, and how values are
// ordered and shown. Pure and free of any markup; the presentation model is built from these.
import type { AttrValue } from '../../catalog/model.js';
import { SEVERITIES, type StructureDifference, type Severity as StructureSeverity } from '../../drift/structure.js';
import type { Finding, Severity } from '../../migrations/finding.js';
import { clip } from '../limits.js';
import type { Report, StructureSection } from '../model.js';

/** A fix-up SQL statement longer than this is cut at a line (a CREATE FUNCTION can be long); the JSON has it whole. */
export const FIX_SQL_MAX_CHARS = 2000;

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
        // Structural drift is drift: the headline leads with it, and the version part only says where migrations are.
        what =
          report.structure?.state === 'drifted'
            ? `at head ${oneLine(report.production_version ?? '(none)')}`
            : `in sync at ${oneLine(report.production_version ?? '(none)')}`;
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
    const structural = structuralHeadline(report.structure);
    if (structural) what = version.state === 'synced' ? `${structural}; ${what}` : `${what}; ${structural}`;
  }
  return clip(`${env}: ${what}`, 200);
}

// Short on purpose: the headline is also a mail subject, 84 characters after "[schema-drift] ".
function structuralHeadline(structure: StructureSection | null): string {
  if (structure?.state !== 'drifted') return '';
  const security = structure.differences.filter((d) => d.severity === 'security').length;
  return `schema drifted (${plural(structure.differences.length, 'difference')}${security > 0 ? `, ${security} security` : ''})`;
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

/** Severity titles, for documents that group differences. */
export const STRUCTURE_SEVERITY_TITLES: Record<StructureSeverity, string> = {
  security: 'Security',
  breaking: 'Breaking',
  cosmetic: 'Cosmetic',
};

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
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Findings ordered error, warning, notice; the original order is kept within a severity. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
}

/** Control characters (newlines included) become spaces, so a value from the repository or database stays on one line. */
export function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
