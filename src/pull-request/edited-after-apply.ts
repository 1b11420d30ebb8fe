// Edited after apply: a migration the pull request changes or deletes that production has already run (or, without
// production access, that is already on the base branch). Alembic never re-runs it, so the edit silently diverges
// from what production has. Pure.
import type { Finding } from '../migrations/finding.js';
import { ancestors, type MigrationGraph } from '../migrations/graph.js';

export interface FileChange {
  /** A, M, D, R, C or T, as git diff --name-status. */
  status: string;
  /** Path relative to the repository root after the change. */
  path: string;
  /** Path before a rename or copy. */
  previous?: string;
  /** For renames: whether the content is unchanged (similarity 100). */
  pureRename?: boolean;
}

export interface EditedContext {
  changes: readonly FileChange[];
  base: MigrationGraph;
  /** The graph after the merge: where edited revisions live now. */
  merged: MigrationGraph;
  baseRef: string;
  /** Applied revisions in production; null when production could not be read (the base branch stands in). */
  production: readonly string[] | null;
}

/** One finding per revision that production ran (or the base branch holds) and the pull request edits. */
export function editedAfterApply(ctx: EditedContext): Finding[] {
  const byFile = new Map<string, string[]>();
  for (const rev of ctx.base.revisions.values()) {
    const ids = byFile.get(rev.file) ?? [];
    ids.push(rev.id);
    byFile.set(rev.file, ids);
  }
  const known = (ctx.production ?? []).filter((v) => ctx.base.revisions.has(v) || ctx.merged.revisions.has(v));
  const applied =
    ctx.production === null ? null : new Set([...ancestors(ctx.base, known), ...ancestors(ctx.merged, known)]);
  const findings: Finding[] = [];
  for (const change of ctx.changes) {
    if (change.status === 'A' || change.status === 'C' || change.pureRename) continue;
    const before = change.previous ?? change.path;
    for (const id of byFile.get(before) ?? []) {
      const now = ctx.merged.revisions.get(id);
      const was = ctx.base.revisions.get(id);
      const deleted = change.status === 'D' || now === undefined;
      const where = deleted ? { file: before, line: was?.line } : { file: now.file, line: now.line };
      const verb = deleted ? 'deletes' : 'edits';
      if (applied === null) {
        findings.push({
          severity: 'error',
          kind: 'edited-after-apply',
          message:
            `This pull request ${verb} revision ${id}, which is already on ${ctx.baseRef} and may have run in ` +
            `production; add a new migration instead (Alembic never re-runs an applied revision).`,
          ...where,
        });
      } else if (applied.has(id)) {
        findings.push({
          severity: 'error',
          kind: 'edited-after-apply',
          message:
            `revision ${id} already ran in production; add a new migration instead ` +
            `(this pull request ${verb} it, and Alembic never re-runs an applied revision).`,
          ...where,
        });
      } else {
        findings.push({
          severity: 'notice',
          kind: 'edited-before-apply',
          message: `This pull request ${verb} revision ${id}, which is on ${ctx.baseRef} but not yet applied in production.`,
          ...where,
        });
      }
    }
  }
  return findings;
}
