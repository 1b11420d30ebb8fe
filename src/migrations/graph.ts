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
  const findings: Finding[] = readerFindings.slice();
  const error = (kind: string, message: string, at: Revision): void => {
    findings.push({ severity: 'error', kind, message, file: at.file, line: at.line });
  };

  // Revisions are numbered in input order and edges kept as numbers in flat arrays: on 10,000 revisions this is
  // several times faster than maps of string arrays, most of all in a fresh process before the JIT has warmed up.
  const numberOf = new Map<string, number>();
  const unique: Revision[] = [];
  let edgeCount = 0;
  for (const rev of revisions) {
    const first = numberOf.get(rev.id);
    if (first !== undefined) {
      error('duplicate-revision', `revision ${rev.id} in ${rev.file} is also defined in ${unique[first]?.file}`, rev);
      continue;
    }
    numberOf.set(rev.id, unique.length);
    unique.push(rev);
    edgeCount += rev.downRevisions.length + rev.dependsOn.length;
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
  const n = unique.length;

  // Alembic resolves depends_on through branch labels too; labels share its map with revision ids, so a label equal
  // to any revision id (its own included) or to another label makes Alembic refuse the whole tree.
  const labels = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const rev = unique[i] as Revision;
    for (const label of rev.branchLabels) {
      const asId = numberOf.get(label);
      if (asId !== undefined) {
        error(
          'branch-label-is-revision-id',
          `branch label "${label}" of revision ${rev.id} is also ${asId === i ? 'its own' : `revision ${unique[asId]?.id}'s`} revision id; Alembic refuses the tree ("Branch name '${label}' in revision ${rev.id} already used by revision ${unique[asId]?.id}")`,
          rev,
        );
        continue;
      }
      const owner = labels.get(label);
      if (owner !== undefined) {
        error(
          'duplicate-branch-label',
          `branch label "${label}" of revision ${rev.id} is already used by ${unique[owner]?.id}`,
          rev,
        );
        continue;
      }
      labels.set(label, i);
    }
  }

  // parents of i (down_revision then depends_on, resolved, without repeats) are edges[edgeStart[i]..edgeStart[i+1]).
  const edges = new Int32Array(edgeCount);
  const edgeStart = new Int32Array(n + 1);
  const hasChild = new Uint8Array(n);
  const resolved = new Map<string, Revision>();
  let e = 0;
  for (let i = 0; i < n; i++) {
    const rev = unique[i] as Revision;
    edgeStart[i] = e;
    const downRevisions: string[] = [];
    let same = true;
    for (const ref of rev.downRevisions) {
      // Alembic looks down_revision up before labels are resolved (KeyError): only an id will do. A finding points
      // at the down_revision line.
      const at = rev.downLine === undefined ? rev : { ...rev, line: rev.downLine };
      const p = numberOf.has(ref)
        ? resolveRef(ref, at, numberOf, labels, error)
        : downRevisionNotId(ref, at, labels, error);
      if (p === -1 || hasEdge(edges, edgeStart[i] as number, e, p)) {
        same = false;
        continue;
      }
      edges[e++] = p;
      hasChild[p] = 1;
      const id = (unique[p] as Revision).id;
      if (id !== ref) same = false;
      downRevisions.push(id);
    }
    const downEnd = e;
    const dependsOn: string[] = [];
    for (const ref of rev.dependsOn) {
      const p = resolveRef(ref, rev, numberOf, labels, error);
      if (p === -1 || hasEdge(edges, downEnd, e, p) || dependsOn.includes((unique[p] as Revision).id)) {
        same = false;
        continue;
      }
      const id = (unique[p] as Revision).id;
      if (id !== ref) same = false;
      dependsOn.push(id);
      if (!hasEdge(edges, edgeStart[i] as number, downEnd, p)) edges[e++] = p;
    }
    if (same) {
      // Nothing to resolve (the usual case): share the reader's object instead of copying 10,000 of them.
      resolved.set(rev.id, rev);
      continue;
    }
    resolved.set(rev.id, { ...rev, downRevisions, dependsOn, branchLabels: [...rev.branchLabels] });
  }
  edgeStart[n] = e;

  // As Alembic: heads have no child through down_revision; bases declare no down_revision at all.
  const heads: string[] = [];
  const bases: string[] = [];
  for (let i = 0; i < n; i++) {
    const rev = unique[i] as Revision;
    if (hasChild[i] === 0) heads.push(rev.id);
    if (rev.downRevisions.length === 0 && !rev.unknownFields?.includes('down_revision')) bases.push(rev.id);
  }
  heads.sort(byString);
  bases.sort(byString);

  if (!isAcyclic(n, edges, edgeStart)) {
    const parents = new Map<string, string[]>();
    for (let i = 0; i < n; i++) {
      const list: string[] = [];
      for (let k = edgeStart[i] as number; k < (edgeStart[i + 1] as number); k++) {
        list.push((unique[edges[k] as number] as Revision).id);
      }
      parents.set((unique[i] as Revision).id, list);
    }
    for (const cycle of tarjan(parents)) {
      const at = resolved.get(cycle[0] as string) as Revision;
      const message =
        cycle.length === 1
          ? `revision ${at.id} names itself as its parent or dependency`
          : `revisions ${cycle.join(', ')} form a cycle`;
      error('cycle', message, at);
    }
  }
  const graph: MigrationGraph = { revisions: resolved, heads, bases, findings };
  const accidental = accidentalHeads(graph);
  if (accidental.length > 1) {
    // Each finding names its fellow heads; past a few, a count keeps N findings from costing N² characters.
    const shown =
      accidental.length <= 10
        ? accidental.join(', ')
        : `${accidental.slice(0, 10).join(', ')}, … ${accidental.length - 10} more`;
    for (const head of accidental) {
      error(
        'multiple-heads',
        `revision ${head} is one of ${accidental.length} heads without a branch label of their own (${shown}); \`alembic upgrade head\` refuses to run until they are merged or labelled`,
        resolved.get(head) as Revision,
      );
    }
  }
  // The walk index (parents/children maps) is derived on first use: `heads` never needs it.
  return graph;
}

/** A down_revision that is no revision id: a branch label (Alembic fails with KeyError) or missing. */
function downRevisionNotId(
  ref: string,
  from: Revision,
  labels: Map<string, number>,
  error: (kind: string, message: string, at: Revision) => void,
): number {
  if (!labels.has(ref)) {
    error('missing-parent', `revision ${ref} referenced from ${from.id} is not present`, from);
    return -1;
  }
  error(
    'down-revision-is-branch-label',
    `down_revision of ${from.id} names the branch label "${ref}", not a revision id; Alembic refuses the tree (KeyError: '${ref}')`,
    from,
  );
  return -1;
}

/**
 * Heads Alembic's `upgrade heads` aims at (its "real heads"): heads that no other revision depends_on. A head that a
 * revision of another branch depends on is reached through that dependant.
 */
export function effectiveHeads(graph: MigrationGraph): string[] {
  if (graph.heads.length < 2) return [...graph.heads];
  const dependedOn = new Set<string>();
  for (const rev of graph.revisions.values()) for (const d of rev.dependsOn) dependedOn.add(d);
  return graph.heads.filter((h) => !dependedOn.has(h));
}

/**
 * Effective heads that are not set apart by a branch label: a head is intentional when a label on its own line
 * (itself or a down_revision ancestor: Alembic propagates labels down to descendants) reaches no other effective
 * head. Returns every effective head when fewer than all are labelled apart, [] when they all are (or there is one).
 */
export function accidentalHeads(graph: MigrationGraph): string[] {
  const heads = effectiveHeads(graph);
  if (heads.length < 2) return [];
  const labelled = [...graph.revisions.values()].filter((r) => r.branchLabels.length > 0);
  // Each head needs a label of its own: fewer labelled revisions than heads settles it without a walk.
  if (labelled.length < heads.length) return heads;
  const isHead = new Set(heads);
  const { children } = indexOf(graph);
  const apart = new Set<string>();
  for (const owner of labelled) {
    // The heads below this label, stopping at the second: a label shared by two heads sets neither apart.
    const reached: string[] = [];
    const seen = new Set<string>([owner.id]);
    const todo = [owner.id];
    while (todo.length > 0 && reached.length < 2) {
      const id = todo.pop() as string;
      if (isHead.has(id)) reached.push(id);
      for (const child of children.get(id) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          todo.push(child);
        }
      }
    }
    if (reached.length === 1) apart.add(reached[0] as string);
  }
  return heads.every((h) => apart.has(h)) ? [] : heads;
}

/** Number of the revision `ref` names (an id or a branch label), or -1 with a missing-parent finding. */
function resolveRef(
  ref: string,
  from: Revision,
  numberOf: Map<string, number>,
  labels: Map<string, number>,
  error: (kind: string, message: string, at: Revision) => void,
): number {
  const p = numberOf.get(ref) ?? labels.get(ref);
  if (p !== undefined) return p;
  error('missing-parent', `revision ${ref} referenced from ${from.id} is not present`, from);
  return -1;
}

function hasEdge(edges: Int32Array, from: number, to: number, p: number): boolean {
  for (let k = from; k < to; k++) if (edges[k] === p) return true;
  return false;
}

/** Kahn's count: cheap proof that a healthy history has no cycle, so Tarjan only runs on broken ones. */
function isAcyclic(n: number, edges: Int32Array, edgeStart: Int32Array): boolean {
  // Children lists in the same flat layout, so that each revision is released once all its parents are.
  const childCount = new Int32Array(n + 1);
  const edgeEnd = edgeStart[n] as number;
  for (let k = 0; k < edgeEnd; k++) childCount[edges[k] as number] = (childCount[edges[k] as number] as number) + 1;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i] as number) + (childCount[i] as number);
  const fill = childStart.slice(0, n);
  const children = new Int32Array(edgeEnd);
  const pending = new Int32Array(n);
  const ready = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const from = edgeStart[i] as number;
    const to = edgeStart[i + 1] as number;
    pending[i] = to - from;
    if (to === from) ready[top++] = i;
    for (let k = from; k < to; k++) {
      const p = edges[k] as number;
      children[(fill[p] as number)++] = i;
    }
  }
  let seen = 0;
  while (top > 0) {
    const i = ready[--top] as number;
    seen++;
    for (let k = childStart[i] as number; k < (childStart[i + 1] as number); k++) {
      const child = children[k] as number;
      const left = (pending[child] as number) - 1;
      pending[child] = left;
      if (left === 0) ready[top++] = child;
    }
  }
  return seen === n;
}

function unique(ids: (string | null)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && !out.includes(id)) out.push(id);
  return out;
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

/** The kinds buildGraph itself finds; every other finding of a graph came from the reader. */
const GRAPH_FINDING_KINDS = new Set([
  'duplicate-revision',
  'missing-parent',
  'cycle',
  'multiple-heads',
  'invalid-revision-id',
  'revision-id-too-long',
  'duplicate-branch-label',
  'down-revision-is-branch-label',
  'branch-label-is-revision-id',
]);

/**
 * The graph as if these files were not in the repository: what an ignore rule covering a file means for the verdict.
 * The reader's findings are kept (those about the files are what the rule shows as ignored); the graph's own are
 * found again without the files' revisions.
 */
export function withoutFiles(graph: MigrationGraph, files: ReadonlySet<string>): MigrationGraph {
  const revisions = [...graph.revisions.values()].filter((r) => !files.has(r.file));
  if (revisions.length === graph.revisions.size) return graph;
  return buildGraph(
    revisions,
    graph.findings.filter((f) => !GRAPH_FINDING_KINDS.has(f.kind)),
  );
}
