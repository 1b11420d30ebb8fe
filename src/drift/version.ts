// The version verdict: where the database's applied Alembic revisions stand against the repository's graph, by the
// rule Alembic's `upgrade heads` follows: `synced` exactly when it would have nothing to do.
import type { Finding } from '../migrations/finding.js';
import { accidentalHeads, ancestors, effectiveHeads, inApplyOrder, type MigrationGraph } from '../migrations/graph.js';
import type { IgnoredFinding, PendingRevision, VersionSection, VersionState } from './verdict.js';

export interface AppliedVersions {
  /** Whether the version table exists at all. */
  exists: boolean;
  /** The rows that hold a usable revision id, sorted (repeats kept, so a repeated row is seen). */
  versions: string[];
  /** Rows Alembic could not have written (null, empty, not text, padded), described; absent = none. */
  invalid?: string[];
  qualifiedName: string;
}

export interface VersionCheckOptions {
  pendingGraceMinutes: number;
  now: Date;
  /** When each migration file entered the branch, by repository-relative path; absent = unknown. */
  addedAt: ReadonlyMap<string, Date>;
  /** When an earlier run first saw each revision pending (from the previous report); absent = this run. */
  firstSeenPending?: ReadonlyMap<string, Date>;
  /** False when pending-grace cannot be enforced (no record of earlier runs): nothing is within grace. */
  graceEnforceable?: boolean;
  /** Error findings that leave the graph uncertain (see deciding-findings.ts): each makes the state `error`. */
  decidingFindings?: readonly Finding[];
  /** Error findings an ignore rule let through; shown in the section. */
  ignoredFindings?: readonly IgnoredFinding[];
}

/** Decides the version state; pure, so every state is unit-testable without a database. */
export function decideVersion(
  graph: MigrationGraph,
  applied: AppliedVersions,
  options: VersionCheckOptions,
): VersionSection {
  const heads = [...graph.heads];
  const versions = [...applied.versions].sort();
  const deciding = options.decidingFindings ?? [];
  const section = (state: VersionState, summary: string, pending: PendingRevision[] = [], unknown: string[] = []) => ({
    state,
    drift: state === 'synced' ? false : state === 'behind' ? pending.some((p) => !p.within_grace) : true,
    summary,
    codebase_heads: heads,
    database_versions: versions,
    pending,
    unknown,
    version_table: applied.qualifiedName,
    pending_grace_minutes: options.pendingGraceMinutes,
    deciding_findings: state === 'error' ? [...deciding] : [],
    ignored_findings: [...(options.ignoredFindings ?? [])],
  });

  if (deciding.length > 0) return section('error', decidingSummary(deciding));
  const cycle = graph.findings.find((f) => f.kind === 'cycle');
  if (cycle) return section('error', `the migration graph has a cycle: ${cycle.message}`);
  if (heads.length === 0) return section('error', 'the repository has no head revision');

  const target = ancestors(graph, heads);
  const toPending = (ids: Iterable<string>) => inApplyOrder(graph, ids).map((r) => pendingItem(r, options));

  const invalid = applied.invalid ?? [];
  if (invalid.length > 0) {
    return section(
      'error',
      `${applied.qualifiedName} holds ${invalid.length === 1 ? 'a row' : 'rows'} Alembic could not have written: ${invalid.join(', ')}`,
    );
  }
  if (!applied.exists || versions.length === 0) {
    // A missing table is more often a wrong database or table name than a fresh database: say where to look.
    const why = applied.exists
      ? `${applied.qualifiedName} is empty`
      : `${applied.qualifiedName} does not exist (a fresh database, the wrong database, or check the version-table / version-table-schema inputs)`;
    return section('uninitialized', `uninitialized: ${why}`, toPending(target));
  }
  const repeated = versions.filter((v, i) => versions[i - 1] === v);
  if (repeated.length > 0) {
    return section('error', `${applied.qualifiedName} holds ${[...new Set(repeated)].join(', ')} more than once`);
  }

  const unknown = versions.filter((v) => !graph.revisions.has(v));
  const nearMisses = unknown.map((v) => nearMiss(graph, v)).filter((m): m is string => m !== null);
  if (nearMisses.length > 0) return section('error', `${applied.qualifiedName}: ${nearMisses.join('; ')}`);
  if (unknown.length > 0) {
    const n = unknown.length;
    return section(
      'ahead',
      `ahead: the database has ${n} revision${n === 1 ? '' : 's'} the repository lacks (${unknown.join(', ')})`,
      [],
      unknown,
    );
  }

  const overlaps = overlapping(graph, versions);
  if (overlaps.length > 0) {
    return section(
      'error',
      `${applied.qualifiedName} rows overlap: ${overlaps.join('; ')}; Alembic's upgrade refuses such a table ("overlaps with other requested revisions")`,
    );
  }

  const done = ancestors(graph, versions);
  const pending = toPending([...target].filter((id) => !done.has(id)));
  const accidental = accidentalHeads(graph);
  if (pending.length === 0) {
    // `alembic upgrade heads` has nothing to do; unmerged unlabelled heads stay a multiple-heads finding.
    const note =
      accidental.length > 1
        ? ` (every one of the ${accidental.length} unmerged heads is applied; see the multiple-heads finding)`
        : effectiveHeads(graph).length > 1
          ? ` (every labelled branch head applied)`
          : '';
    return section('synced', `in sync at ${versions.join(', ')}${note}`);
  }
  if (accidental.length > 1) {
    return section(
      'branched',
      `branched: the repository has ${accidental.length} heads without branch labels (${accidental.join(', ')})`,
      pending,
    );
  }
  const n = pending.length;
  const inGrace = pending.filter((p) => p.within_grace).length;
  const graceNote =
    inGrace === 0 ? '' : inGrace === n ? ' (all within pending-grace)' : ` (${inGrace} within pending-grace)`;
  return section('behind', `behind by ${n} migration${n === 1 ? '' : 's'}${graceNote}`, pending);
}

function decidingSummary(findings: readonly Finding[]): string {
  const first = findings[0] as Finding;
  const where = (f: Finding) => (f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : 'the migrations');
  const files = [...new Set(findings.map(where))];
  const more =
    findings.length > 1
      ? ` (${findings.length} error findings in ${files.slice(0, 10).join(', ')}${files.length > 10 ? ', …' : ''})`
      : '';
  return `the migration graph could not be read completely: ${first.kind} in ${where(first)}: ${first.message}${more}`;
}

/** Why an unknown row is not plainly "ahead": Alembic would read it as, or confuse it with, a known revision. */
function nearMiss(graph: MigrationGraph, value: string): string | null {
  const lower = value.toLowerCase();
  const sameLetters: string[] = [];
  const prefixed: string[] = [];
  for (const id of graph.revisions.keys()) {
    if (id.toLowerCase() === lower) sameLetters.push(id);
    // Alembic resolves an unknown id by unique prefix (ids longer than 3): the row would silently stand for it.
    else if (id.length > 3 && id.startsWith(value)) prefixed.push(id);
  }
  if (sameLetters.length > 0) {
    return `row "${value}" differs only in case from revision ${sameLetters.sort().join(', ')}; Alembic compares ids exactly`;
  }
  if (prefixed.length > 0) {
    return `row "${value}" is no revision id but a prefix of ${prefixed.sort().slice(0, 5).join(', ')}, which Alembic would resolve it to (or refuse as ambiguous)`;
  }
  return null;
}

/** Pairs of rows where one is an ancestor of another (through down_revision or depends_on). */
function overlapping(graph: MigrationGraph, versions: readonly string[]): string[] {
  if (versions.length < 2) return [];
  const out: string[] = [];
  for (const v of versions) {
    const below = ancestors(graph, [v]);
    const covered = versions.filter((w) => w !== v && below.has(w));
    if (covered.length > 0) out.push(`${v} already includes ${covered.join(', ')}`);
  }
  return out;
}

function pendingItem(
  revision: { id: string; downRevisions: string[]; file: string; line: number; message: string },
  options: VersionCheckOptions,
): PendingRevision {
  const now = options.now.getTime();
  const added = options.addedAt.get(revision.file) ?? null;
  const firstSeen = options.firstSeenPending?.get(revision.id) ?? options.now;
  const graceMs = options.pendingGraceMinutes * 60_000;
  // A commit date is whatever the committer wrote: one later than this run proves nothing about the file's age.
  const trustedAge = added !== null && added.getTime() <= now ? now - added.getTime() : Number.POSITIVE_INFINITY;
  const withinGrace =
    options.graceEnforceable !== false &&
    graceMs > 0 &&
    trustedAge < graceMs &&
    now - Math.min(firstSeen.getTime(), now) < graceMs;
  return {
    revision: revision.id,
    down_revisions: revision.downRevisions,
    file: revision.file,
    line: revision.line,
    message: revision.message,
    added_at: added ? isoSeconds(added) : null,
    first_seen_pending_at: isoSeconds(firstSeen.getTime() <= now ? firstSeen : options.now),
    within_grace: withinGrace,
  };
}

/** Warnings for pending files whose commit is dated later than the run: such a date never earns grace. */
export function futureCommitFindings(
  section: VersionSection,
  now: Date,
  addedBy: ReadonlyMap<string, string>,
): Finding[] {
  if (section.pending_grace_minutes <= 0) return [];
  return section.pending
    .filter((p) => p.added_at !== null && Date.parse(p.added_at) > now.getTime())
    .map((p) => ({
      severity: 'warning' as const,
      kind: 'pending-grace-future-commit',
      message: `${p.file} (revision ${p.revision}) was added by commit ${addedBy.get(p.file) ?? '(unknown)'} dated ${p.added_at}, later than this run (${isoSeconds(now)}); a commit date is set by the committer, so it earns no pending-grace`,
      file: p.file,
      line: p.line,
    }));
}

/**
 * First-seen-pending times recorded by the previous report, by revision id; or why there is no such record: a
 * previous report without a verdict carried no pending list, so a sighting before it would be lost.
 */
export function firstSeenFrom(
  previous: {
    timestamp: string;
    version: { state: string; pending: { revision: string; first_seen_pending_at?: string | null }[] } | null;
  } | null,
): { firstSeen: Map<string, Date>; unavailable: string | null } {
  const firstSeen = new Map<string, Date>();
  if (previous !== null && (previous.version === null || previous.version.state === 'error')) {
    return {
      firstSeen,
      unavailable: `the previous report (${previous.timestamp}) has no version verdict, so when pending migrations were first seen is not known`,
    };
  }
  for (const p of previous?.version?.pending ?? []) {
    // Reports written before first_seen_pending_at existed saw it pending at least at their own timestamp.
    const seen = new Date(p.first_seen_pending_at ?? previous?.timestamp ?? '');
    if (!Number.isNaN(seen.getTime())) firstSeen.set(p.revision, seen);
  }
  return { firstSeen, unavailable: null };
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
