// The revision graph, built once into maps (by id, parents, children) as Alembic's RevisionMap does; every question
// is a small iterative walk over those maps so that deep histories never exhaust the stack.
import type { Finding } from './finding.js';
import type { Revision } from './revision.js';

export interface MigrationGraph {
  readonly revisions: ReadonlyMap<string, Revision>;
  /** Sorted; a revision reached only through depends_on is still a head (as Alembic). */
  readonly heads: string[];
  /** Sorted. */
  readonly bases: string[];
  /** Reader findings + graph findings, each with file and line. */
  readonly findings: Finding[];
}

/** Parents (down_revision then depends_on, resolved) and down_revision children per id, for walks. */
interface GraphIndex {
  parents: Map<string, string[]>;
  children: Map<string, string[]>;
}

const indexes = new WeakMap<MigrationGraph, GraphIndex>();

/** Alembic's alembic_version.version_num is VARCHAR(32). */
const MAX_ID_LENGTH = 32;
const ILLEGAL_ID = /[@\-+:\s]/;

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the graph and its findings; `revisions` come in a stable order (the first of duplicate ids wins). */
export function buildGraph(revisions: readonly Revision[], readerFindings: readonly Finding[] = []): MigrationGraph {
  const findings: Finding[] = [...readerFindings];
  const error = (kind: string, message: string, at: Revision): void => {
    findings.push({ severity: 'error', kind, message, file: at.file, line: at.line });
  };

  const byId = new Map<string, Revision>();
  for (const rev of revisions) {
    const first = byId.get(rev.id);
    if (first) {
      error('duplicate-revision', `revision ${rev.id} in ${rev.file} is also defined in ${first.file}`, rev);
      continue;
    }
    byId.set(rev.id, rev);
    if (rev.id.trim() === '' || ILLEGAL_ID.test(rev.id)) {
      error(
        'invalid-revision-id',
        `revision id "${rev.id}" is empty or contains one of @ - + : or whitespace, which Alembic cannot address`,
        rev,
      );
    }
    if (rev.id.length > MAX_ID_LENGTH) {
      error(
        'revision-id-too-long',
        `revision id "${rev.id}" has ${rev.id.length} characters; alembic_version.version_num holds at most ${MAX_ID_LENGTH}`,
        rev,
      );
    }
  }

  // Alembic resolves depends_on (and, since labels share its map, down_revision) through branch labels too.
  const labels = new Map<string, string>();
  for (const rev of byId.values()) {
    for (const label of rev.branchLabels) {
      const owner = labels.get(label) ?? (byId.has(label) ? label : undefined);
      if (owner !== undefined && owner !== rev.id) {
        error(
          'duplicate-branch-label',
          `branch label "${label}" of revision ${rev.id} is already used by ${owner}`,
          rev,
        );
        continue;
      }
      labels.set(label, rev.id);
    }
  }
  const resolve = (ref: string, from: Revision): string | null => {
    if (byId.has(ref)) return ref;
    const labelled = labels.get(ref);
    if (labelled !== undefined) return labelled;
    error('missing-parent', `revision ${ref} referenced from ${from.id} is not present`, from);
    return null;
  };

  const resolved = new Map<string, Revision>();
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const id of byId.keys()) children.set(id, []);
  for (const rev of byId.values()) {
    const downRevisions: string[] = [];
    const all: string[] = [];
    for (const ref of rev.downRevisions) {
      const id = resolve(ref, rev);
      if (id !== null && !downRevisions.includes(id)) {
        downRevisions.push(id);
        all.push(id);
        (children.get(id) as string[]).push(rev.id);
      }
    }
    const dependsOn: string[] = [];
    for (const ref of rev.dependsOn) {
      const id = resolve(ref, rev);
      if (id !== null && !dependsOn.includes(id)) {
        dependsOn.push(id);
        if (!all.includes(id)) all.push(id);
      }
    }
    resolved.set(rev.id, {
      id: rev.id,
      downRevisions,
      dependsOn,
      branchLabels: [...rev.branchLabels],
      file: rev.file,
      line: rev.line,
      message: rev.message,
    });
    parents.set(rev.id, all);
  }

  // As Alembic: heads have no child through down_revision; bases declare no down_revision at all.
  const heads: string[] = [];
  const bases: string[] = [];
  for (const rev of resolved.values()) {
    if ((children.get(rev.id) as string[]).length === 0) heads.push(rev.id);
    if (byId.get(rev.id)?.downRevisions.length === 0) bases.push(rev.id);
  }
  heads.sort(byString);
  bases.sort(byString);

  for (const cycle of findCycles(parents)) {
    const at = resolved.get(cycle[0] as string) as Revision;
    const message =
      cycle.length === 1
        ? `revision ${at.id} names itself as its parent or dependency`
        : `revisions ${cycle.join(', ')} form a cycle`;
    error('cycle', message, at);
  }
  if (heads.length > 1) {
    for (const head of heads) {
      error(
        'multiple-heads',
        `revision ${head} is one of ${heads.length} heads (${heads.join(', ')}); \`alembic upgrade head\` refuses to run until they are merged`,
        resolved.get(head) as Revision,
      );
    }
  }

  const graph: MigrationGraph = { revisions: resolved, heads, bases, findings };
  indexes.set(graph, { parents, children });
  return graph;
}

function unique(ids: (string | null)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && !out.includes(id)) out.push(id);
  return out;
}

/** Strongly connected components with a cycle (size > 1, or a self-loop), members sorted. */
function findCycles(parents: Map<string, string[]>): string[][] {
  return isAcyclic(parents) ? [] : tarjan(parents);
}

/** Kahn's count: cheap proof that a healthy history has no cycle, so Tarjan only runs on broken ones. */
function isAcyclic(parents: Map<string, string[]>): boolean {
  const pending = new Map<string, number>();
  const children = new Map<string, string[]>();
  const ready: string[] = [];
  for (const [id, ps] of parents) {
    pending.set(id, ps.length);
    if (ps.length === 0) ready.push(id);
    for (const p of ps) {
      const list = children.get(p);
      if (list) list.push(id);
      else children.set(p, [id]);
    }
  }
  let seen = 0;
  while (ready.length > 0) {
    const id = ready.pop() as string;
    seen++;
    for (const child of children.get(id) ?? []) {
      const left = (pending.get(child) as number) - 1;
      pending.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  return seen === parents.size;
}

/** Iterative Tarjan. */
function tarjan(parents: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of parents.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const edges = parents.get(frame.id) as string[];
      if (frame.next < edges.length) {
        const to = edges[frame.next++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.id);
        if (members.length > 1 || edges.includes(frame.id)) cycles.push(members.sort(byString));
      }
    }
  }
  return cycles.sort((a, b) => byString(a[0] as string, b[0] as string));
}

function indexOf(graph: MigrationGraph): GraphIndex {
  let index = indexes.get(graph);
  if (!index) {
    // A graph built elsewhere (a test double, a deserialised one): derive the maps from its revisions.
    const parents = new Map<string, string[]>();
    const children = new Map<string, string[]>();
    for (const rev of graph.revisions.values()) children.set(rev.id, []);
    for (const rev of graph.revisions.values()) {
      parents.set(
        rev.id,
        unique([...rev.downRevisions, ...rev.dependsOn]).filter((p) => graph.revisions.has(p)),
      );
      for (const p of rev.downRevisions) children.get(p)?.push(rev.id);
    }
    index = { parents, children };
    indexes.set(graph, index);
  }
  return index;
}

/** Inclusive ancestry of ids through down_revision and depends_on edges; unknown ids are ignored. */
export function ancestors(graph: MigrationGraph, ids: Iterable<string>): Set<string> {
  const { parents } = indexOf(graph);
  const seen = new Set<string>();
  const todo: string[] = [];
  for (const id of ids) {
    if (parents.has(id) && !seen.has(id)) {
      seen.add(id);
      todo.push(id);
    }
  }
  while (todo.length > 0) {
    for (const p of parents.get(todo.pop() as string) ?? []) {
      if (!seen.has(p)) {
        seen.add(p);
        todo.push(p);
      }
    }
  }
  return seen;
}

/** The given revisions in apply order (parents and dependencies first), deterministic. */
export function inApplyOrder(graph: MigrationGraph, ids: Iterable<string>): Revision[] {
  const { parents } = indexOf(graph);
  const wanted = new Set([...ids].filter((id) => parents.has(id)));
  const sortedParents = (id: string): string[] => [...(parents.get(id) ?? [])].sort(byString);
  const done = new Set<string>();
  const out: Revision[] = [];
  // Post-order DFS through the whole ancestry (so order holds through revisions outside `ids`), roots by id.
  for (const root of [...wanted].sort(byString)) {
    if (done.has(root)) continue;
    const visiting = new Set<string>([root]);
    const work: { id: string; edges: string[]; next: number }[] = [{ id: root, edges: sortedParents(root), next: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; edges: string[]; next: number };
      if (frame.next < frame.edges.length) {
        const p = frame.edges[frame.next++] as string;
        if (!done.has(p) && !visiting.has(p)) {
          visiting.add(p);
          work.push({ id: p, edges: sortedParents(p), next: 0 });
        }
        continue;
      }
      work.pop();
      done.add(frame.id);
      if (wanted.has(frame.id)) out.push(graph.revisions.get(frame.id) as Revision);
    }
  }
  return out;
}

/** Revisions applied by upgrading from `from` (null = empty database) to `to`, in apply order.
 *  Throws when `from` or `to` is not in the graph. */
export function pathBetween(graph: MigrationGraph, from: string | null, to: string): Revision[] {
  for (const id of from === null ? [to] : [from, to]) {
    if (!graph.revisions.has(id))
      throw new Error(`Could not compute migration path: revision "${id}" is not in the graph`);
  }
  const target = ancestors(graph, [to]);
  if (from !== null) for (const applied of ancestors(graph, [from])) target.delete(applied);
  return inApplyOrder(graph, target);
}

/** Revisions with more than one child through down_revision, sorted. */
export function branchPoints(graph: MigrationGraph): string[] {
  const { children } = indexOf(graph);
  return [...children]
    .filter(([, c]) => c.length > 1)
    .map(([id]) => id)
    .sort(byString);
}

/** Revisions with more than one down_revision, sorted. */
export function mergePoints(graph: MigrationGraph): string[] {
  return [...graph.revisions.values()]
    .filter((r) => r.downRevisions.length > 1)
    .map((r) => r.id)
    .sort(byString);
}
