// The version verdict: where the database's applied Alembic revisions stand against the repository's graph.
import { ancestors, inApplyOrder, type MigrationGraph } from '../migrations/graph.js';
import type { PendingRevision, VersionSection, VersionState } from '../report/model.js';

export interface AppliedVersions {
  /** Whether the version table exists at all. */
  exists: boolean;
  versions: string[];
  qualifiedName: string;
}

export interface VersionCheckOptions {
  pendingGraceMinutes: number;
  now: Date;
  /** When each migration file entered the branch, by repository-relative path; absent = unknown. */
  addedAt: ReadonlyMap<string, Date>;
}

/** Decides the version state; pure, so every state is unit-testable without a database. */
export function decideVersion(
  graph: MigrationGraph,
  applied: AppliedVersions,
  options: VersionCheckOptions,
): VersionSection {
  const heads = [...graph.heads];
  const versions = [...applied.versions].sort();
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
  });

  const cycle = graph.findings.find((f) => f.kind === 'cycle');
  if (cycle) return section('error', `the migration graph has a cycle: ${cycle.message}`);
  if (heads.length === 0) return section('error', 'the repository has no head revision');

  const target = ancestors(graph, heads);
  const toPending = (ids: Iterable<string>) => inApplyOrder(graph, ids).map((r) => pendingItem(r, options));

  if (!applied.exists || versions.length === 0) {
    // A missing table is more often a wrong database or table name than a fresh database: say where to look.
    const why = applied.exists
      ? `${applied.qualifiedName} is empty`
      : `${applied.qualifiedName} does not exist (a fresh database, the wrong database, or check the version-table / version-table-schema inputs)`;
    return section('uninitialized', `uninitialized: ${why}`, toPending(target));
  }

  const unknown = versions.filter((v) => !graph.revisions.has(v));
  if (unknown.length > 0) {
    const n = unknown.length;
    return section(
      'ahead',
      `ahead: the database has ${n} revision${n === 1 ? '' : 's'} the repository lacks (${unknown.join(', ')})`,
      [],
      unknown,
    );
  }

  const done = ancestors(graph, versions);
  const pending = toPending([...target].filter((id) => !done.has(id)));
  if (heads.length > 1) {
    return section('branched', `branched: the repository has ${heads.length} heads (${heads.join(', ')})`, pending);
  }
  const offBranch = versions.filter((v) => !target.has(v));
  if (offBranch.length > 0) {
    return section(
      'branched',
      `branched: the database is on ${offBranch.join(', ')}, which the repository head ${heads[0]} does not include`,
      pending,
    );
  }
  if (pending.length === 0) return section('synced', `in sync at ${versions.join(', ')}`);
  const n = pending.length;
  const inGrace = pending.filter((p) => p.within_grace).length;
  const graceNote =
    inGrace === 0 ? '' : inGrace === n ? ' (all within pending-grace)' : ` (${inGrace} within pending-grace)`;
  return section('behind', `behind by ${n} migration${n === 1 ? '' : 's'}${graceNote}`, pending);
}

function pendingItem(
  revision: { id: string; downRevisions: string[]; file: string; line: number; message: string },
  options: VersionCheckOptions,
): PendingRevision {
  const added = options.addedAt.get(revision.file) ?? null;
  const ageMs = added ? options.now.getTime() - added.getTime() : Number.POSITIVE_INFINITY;
  return {
    revision: revision.id,
    down_revisions: revision.downRevisions,
    file: revision.file,
    line: revision.line,
    message: revision.message,
    added_at: added ? added.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
    within_grace: options.pendingGraceMinutes > 0 && ageMs < options.pendingGraceMinutes * 60_000,
  };
}
