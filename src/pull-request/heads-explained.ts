// Multiple heads explained: which migration of the pull request and which newer migration of the base branch revise
// the same parent, and how to fix it. Pure.
import type { Finding } from '../migrations/finding.js';
import { ancestors, type MigrationGraph } from '../migrations/graph.js';
import type { Revision } from '../migrations/revision.js';

export interface HeadsContext {
  /** The graph after the merge (the pull request's tree with the base's revisions). */
  merged: MigrationGraph;
  base: MigrationGraph;
  /** Ids the pull request adds (in `merged`, not in `base`). */
  added: ReadonlySet<string>;
  /** The base branch's name, for messages. */
  baseRef: string;
}

/**
 * Replaces the generic `multiple-heads` findings of `merged` by one finding per pull-request migration that shares its
 * parent with a newer base migration, at that migration's file and line. Heads it cannot explain keep their findings.
 */
export function explainMultipleHeads(ctx: HeadsContext): Finding[] {
  const { merged, base, added } = ctx;
  if (merged.heads.length < 2) return [];
  const explained: Finding[] = [];
  const covered = new Set<string>();
  const childrenInBase = new Map<string, Revision[]>();
  for (const rev of base.revisions.values()) {
    for (const parent of rev.downRevisions) {
      const list = childrenInBase.get(parent) ?? [];
      list.push(rev);
      childrenInBase.set(parent, list);
    }
  }
  const byId = (a: Revision, b: Revision) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const prRevisions = [...merged.revisions.values()].filter((r) => added.has(r.id)).sort(byId);
  // Computed once per graph, not once per revision and head: with N new heads on a base of depth D, asking every
  // head for its ancestors until one holds the revision cost N × N × D (2,000 heads took minutes).
  const mergedHeadOf = firstHeadReaching(merged);
  const baseHeadOf = firstHeadReaching(base);
  const ancestorsOf = new Map<string, Set<string>>();
  const reaches = (head: string, id: string) => {
    let set = ancestorsOf.get(head);
    if (set === undefined) {
      set = ancestors(merged, [head]);
      ancestorsOf.set(head, set);
    }
    return set.has(id);
  };

  for (const rev of prRevisions) {
    for (const parent of rev.downRevisions) {
      if (added.has(parent)) continue;
      const rival = (childrenInBase.get(parent) ?? []).filter((c) => !added.has(c.id)).sort(byId)[0];
      if (!rival) continue;
      const prHead = mergedHeadOf.get(rev.id);
      const baseHead = baseHeadOf.get(rival.id);
      // The pull request's branch already merges the base line back: no second head from this fork point.
      if (prHead === undefined || baseHead === undefined || reaches(prHead, baseHead)) continue;
      covered.add(prHead);
      covered.add(baseHead);
      const newer = rival.id === baseHead ? `\`${rival.id}\`` : `\`${rival.id}\` (now followed up to \`${baseHead}\`)`;
      explained.push({
        severity: 'error',
        kind: 'multiple-heads',
        message:
          `Migration \`${rev.id}\` (${rev.file}) revises \`${parent}\`, and so does ${newer} (${rival.file}), ` +
          `which is already on ${ctx.baseRef}: after merging, the repository has two heads ` +
          `(\`${prHead}\`, \`${baseHead}\`) and \`alembic upgrade head\` refuses to run. ` +
          `Fix: set down_revision = "${baseHead}" in ${rev.file} (re-parent onto the base head), or add a merge ` +
          `migration with \`alembic merge -m "merge heads" ${prHead} ${baseHead}\`.`,
        file: rev.file,
        line: rev.line,
      });
    }
  }
  if (explained.length === 0) return merged.findings.filter((f) => f.kind === 'multiple-heads');
  // The graph puts each generic finding at its head's file and line.
  const at = (file: string | undefined, line: number | undefined) => `${file ?? ''}\u0000${line ?? ''}`;
  const remaining = new Set(
    merged.heads
      .filter((h) => !covered.has(h))
      .map((h) => merged.revisions.get(h))
      .filter((r): r is Revision => r !== undefined)
      .map((r) => at(r.file, r.line)),
  );
  const generic = merged.findings.filter((f) => f.kind === 'multiple-heads' && remaining.has(at(f.file, f.line)));
  return [...explained, ...generic];
}

/**
 * For every revision, the first head (in `graph.heads` order) whose ancestry holds it: what
 * `heads.find((h) => ancestors(graph, [h]).has(id))` answers, for all ids in one walk. A revision reached from an
 * earlier head has all its ancestors reached from that head or an earlier one, so each walk stops there.
 */
function firstHeadReaching(graph: MigrationGraph): Map<string, string> {
  const headOf = new Map<string, string>();
  for (const head of graph.heads) {
    if (headOf.has(head) || !graph.revisions.has(head)) continue;
    headOf.set(head, head);
    const todo = [head];
    while (todo.length > 0) {
      const rev = graph.revisions.get(todo.pop() as string);
      // The same edges as `ancestors`: down_revision and depends_on.
      for (const parent of rev ? [...rev.downRevisions, ...rev.dependsOn] : []) {
        if (!headOf.has(parent) && graph.revisions.has(parent)) {
          headOf.set(parent, head);
          todo.push(parent);
        }
      }
    }
  }
  return headOf;
}
