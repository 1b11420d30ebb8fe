export const id = 57;
export const ids = [57];
export const modules = {

/***/ 4705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oj: () => (/* binding */ withoutFiles),
/* harmony export */   RI: () => (/* binding */ effectiveHeads),
/* harmony export */   T1: () => (/* binding */ ancestors),
/* harmony export */   ZG: () => (/* binding */ buildGraph),
/* harmony export */   ub: () => (/* binding */ inApplyOrder),
/* harmony export */   yA: () => (/* binding */ accidentalHeads)
/* harmony export */ });
/* unused harmony exports pathBetween, branchPoints, mergePoints */
const indexes = new WeakMap();
/** Alembic's alembic_version.version_num is VARCHAR(32). */
const MAX_ID_LENGTH = 32;
const ILLEGAL_ID = /[@\-+:\s]/;
function byString(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Builds the graph and its findings; `revisions` come in a stable order (the first of duplicate ids wins). */
function buildGraph(revisions, readerFindings = []) {
    const findings = readerFindings.slice();
    const error = (kind, message, at) => {
        findings.push({ severity: 'error', kind, message, file: at.file, line: at.line });
    };
    // Revisions are numbered in input order and edges kept as numbers in flat arrays: on 10,000 revisions this is
    // several times faster than maps of string arrays, most of all in a fresh process before the JIT has warmed up.
    const numberOf = new Map();
    const unique = [];
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
            error('invalid-revision-id', `revision id "${rev.id}" is empty or contains one of @ - + : or whitespace, which Alembic cannot address`, rev);
        }
        if (rev.id.length > MAX_ID_LENGTH) {
            error('revision-id-too-long', `revision id "${rev.id}" has ${rev.id.length} characters; alembic_version.version_num holds at most ${MAX_ID_LENGTH}`, rev);
        }
    }
    const n = unique.length;
    // Alembic resolves depends_on through branch labels too; labels share its map with revision ids, so a label equal
    // to any revision id (its own included) or to another label makes Alembic refuse the whole tree.
    const labels = new Map();
    for (let i = 0; i < n; i++) {
        const rev = unique[i];
        for (const label of rev.branchLabels) {
            const asId = numberOf.get(label);
            if (asId !== undefined) {
                error('branch-label-is-revision-id', `branch label "${label}" of revision ${rev.id} is also ${asId === i ? 'its own' : `revision ${unique[asId]?.id}'s`} revision id; Alembic refuses the tree ("Branch name '${label}' in revision ${rev.id} already used by revision ${unique[asId]?.id}")`, rev);
                continue;
            }
            const owner = labels.get(label);
            if (owner !== undefined) {
                error('duplicate-branch-label', `branch label "${label}" of revision ${rev.id} is already used by ${unique[owner]?.id}`, rev);
                continue;
            }
            labels.set(label, i);
        }
    }
    // parents of i (down_revision then depends_on, resolved, without repeats) are edges[edgeStart[i]..edgeStart[i+1]).
    const edges = new Int32Array(edgeCount);
    const edgeStart = new Int32Array(n + 1);
    const hasChild = new Uint8Array(n);
    const resolved = new Map();
    let e = 0;
    for (let i = 0; i < n; i++) {
        const rev = unique[i];
        edgeStart[i] = e;
        const downRevisions = [];
        let same = true;
        for (const ref of rev.downRevisions) {
            // Alembic looks down_revision up before labels are resolved (KeyError): only an id will do. A finding points
            // at the down_revision line.
            const at = rev.downLine === undefined ? rev : { ...rev, line: rev.downLine };
            const p = numberOf.has(ref)
                ? resolveRef(ref, at, numberOf, labels, error)
                : downRevisionNotId(ref, at, labels, error);
            if (p === -1 || hasEdge(edges, edgeStart[i], e, p)) {
                same = false;
                continue;
            }
            edges[e++] = p;
            hasChild[p] = 1;
            const id = unique[p].id;
            if (id !== ref)
                same = false;
            downRevisions.push(id);
        }
        const downEnd = e;
        const dependsOn = [];
        for (const ref of rev.dependsOn) {
            const p = resolveRef(ref, rev, numberOf, labels, error);
            if (p === -1 || hasEdge(edges, downEnd, e, p) || dependsOn.includes(unique[p].id)) {
                same = false;
                continue;
            }
            const id = unique[p].id;
            if (id !== ref)
                same = false;
            dependsOn.push(id);
            if (!hasEdge(edges, edgeStart[i], downEnd, p))
                edges[e++] = p;
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
    const heads = [];
    const bases = [];
    for (let i = 0; i < n; i++) {
        const rev = unique[i];
        if (hasChild[i] === 0)
            heads.push(rev.id);
        if (rev.downRevisions.length === 0 && !rev.unknownFields?.includes('down_revision'))
            bases.push(rev.id);
    }
    heads.sort(byString);
    bases.sort(byString);
    if (!isAcyclic(n, edges, edgeStart)) {
        const parents = new Map();
        for (let i = 0; i < n; i++) {
            const list = [];
            for (let k = edgeStart[i]; k < edgeStart[i + 1]; k++) {
                list.push(unique[edges[k]].id);
            }
            parents.set(unique[i].id, list);
        }
        for (const cycle of tarjan(parents)) {
            const at = resolved.get(cycle[0]);
            const message = cycle.length === 1
                ? `revision ${at.id} names itself as its parent or dependency`
                : `revisions ${cycle.join(', ')} form a cycle`;
            error('cycle', message, at);
        }
    }
    const graph = { revisions: resolved, heads, bases, findings };
    const accidental = accidentalHeads(graph);
    if (accidental.length > 1) {
        // Each finding names its fellow heads; past a few, a count keeps N findings from costing N² characters.
        const shown = accidental.length <= 10
            ? accidental.join(', ')
            : `${accidental.slice(0, 10).join(', ')}, … ${accidental.length - 10} more`;
        for (const head of accidental) {
            error('multiple-heads', `revision ${head} is one of ${accidental.length} heads without a branch label of their own (${shown}); \`alembic upgrade head\` refuses to run until they are merged or labelled`, resolved.get(head));
        }
    }
    // The walk index (parents/children maps) is derived on first use: `heads` never needs it.
    return graph;
}
/** A down_revision that is no revision id: a branch label (Alembic fails with KeyError) or missing. */
function downRevisionNotId(ref, from, labels, error) {
    if (!labels.has(ref)) {
        error('missing-parent', `revision ${ref} referenced from ${from.id} is not present`, from);
        return -1;
    }
    error('down-revision-is-branch-label', `down_revision of ${from.id} names the branch label "${ref}", not a revision id; Alembic refuses the tree (KeyError: '${ref}')`, from);
    return -1;
}
/**
 * Heads Alembic's `upgrade heads` aims at (its "real heads"): heads that no other revision depends_on. A head that a
 * revision of another branch depends on is reached through that dependant.
 */
function effectiveHeads(graph) {
    if (graph.heads.length < 2)
        return [...graph.heads];
    const dependedOn = new Set();
    for (const rev of graph.revisions.values())
        for (const d of rev.dependsOn)
            dependedOn.add(d);
    return graph.heads.filter((h) => !dependedOn.has(h));
}
/**
 * Effective heads that are not set apart by a branch label: a head is intentional when a label on its own line
 * (itself or a down_revision ancestor: Alembic propagates labels down to descendants) reaches no other effective
 * head. Returns every effective head when fewer than all are labelled apart, [] when they all are (or there is one).
 */
function accidentalHeads(graph) {
    const heads = effectiveHeads(graph);
    if (heads.length < 2)
        return [];
    const labelled = [...graph.revisions.values()].filter((r) => r.branchLabels.length > 0);
    // Each head needs a label of its own: fewer labelled revisions than heads settles it without a walk.
    if (labelled.length < heads.length)
        return heads;
    const isHead = new Set(heads);
    const { children } = indexOf(graph);
    const apart = new Set();
    for (const owner of labelled) {
        // The heads below this label, stopping at the second: a label shared by two heads sets neither apart.
        const reached = [];
        const seen = new Set([owner.id]);
        const todo = [owner.id];
        while (todo.length > 0 && reached.length < 2) {
            const id = todo.pop();
            if (isHead.has(id))
                reached.push(id);
            for (const child of children.get(id) ?? []) {
                if (!seen.has(child)) {
                    seen.add(child);
                    todo.push(child);
                }
            }
        }
        if (reached.length === 1)
            apart.add(reached[0]);
    }
    return heads.every((h) => apart.has(h)) ? [] : heads;
}
/** Number of the revision `ref` names (an id or a branch label), or -1 with a missing-parent finding. */
function resolveRef(ref, from, numberOf, labels, error) {
    const p = numberOf.get(ref) ?? labels.get(ref);
    if (p !== undefined)
        return p;
    error('missing-parent', `revision ${ref} referenced from ${from.id} is not present`, from);
    return -1;
}
function hasEdge(edges, from, to, p) {
    for (let k = from; k < to; k++)
        if (edges[k] === p)
            return true;
    return false;
}
/** Kahn's count: cheap proof that a healthy history has no cycle, so Tarjan only runs on broken ones. */
function isAcyclic(n, edges, edgeStart) {
    // Children lists in the same flat layout, so that each revision is released once all its parents are.
    const childCount = new Int32Array(n + 1);
    const edgeEnd = edgeStart[n];
    for (let k = 0; k < edgeEnd; k++)
        childCount[edges[k]] = childCount[edges[k]] + 1;
    const childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++)
        childStart[i + 1] = childStart[i] + childCount[i];
    const fill = childStart.slice(0, n);
    const children = new Int32Array(edgeEnd);
    const pending = new Int32Array(n);
    const ready = new Int32Array(n);
    let top = 0;
    for (let i = 0; i < n; i++) {
        const from = edgeStart[i];
        const to = edgeStart[i + 1];
        pending[i] = to - from;
        if (to === from)
            ready[top++] = i;
        for (let k = from; k < to; k++) {
            const p = edges[k];
            children[fill[p]++] = i;
        }
    }
    let seen = 0;
    while (top > 0) {
        const i = ready[--top];
        seen++;
        for (let k = childStart[i]; k < childStart[i + 1]; k++) {
            const child = children[k];
            const left = pending[child] - 1;
            pending[child] = left;
            if (left === 0)
                ready[top++] = child;
        }
    }
    return seen === n;
}
function unique(ids) {
    const out = [];
    for (const id of ids)
        if (id !== null && !out.includes(id))
            out.push(id);
    return out;
}
/** Iterative Tarjan. */
function tarjan(parents) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const cycles = [];
    let counter = 0;
    for (const root of parents.keys()) {
        if (index.has(root))
            continue;
        const work = [{ id: root, next: 0 }];
        index.set(root, counter);
        low.set(root, counter++);
        stack.push(root);
        onStack.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const edges = parents.get(frame.id);
            if (frame.next < edges.length) {
                const to = edges[frame.next++];
                if (!index.has(to)) {
                    index.set(to, counter);
                    low.set(to, counter++);
                    stack.push(to);
                    onStack.add(to);
                    work.push({ id: to, next: 0 });
                }
                else if (onStack.has(to)) {
                    low.set(frame.id, Math.min(low.get(frame.id), index.get(to)));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent)
                low.set(parent.id, Math.min(low.get(parent.id), low.get(frame.id)));
            if (low.get(frame.id) === index.get(frame.id)) {
                const members = [];
                let member;
                do {
                    member = stack.pop();
                    onStack.delete(member);
                    members.push(member);
                } while (member !== frame.id);
                if (members.length > 1 || edges.includes(frame.id))
                    cycles.push(members.sort(byString));
            }
        }
    }
    return cycles.sort((a, b) => byString(a[0], b[0]));
}
function indexOf(graph) {
    let index = indexes.get(graph);
    if (!index) {
        // A graph built elsewhere (a test double, a deserialised one): derive the maps from its revisions.
        const parents = new Map();
        const children = new Map();
        for (const rev of graph.revisions.values())
            children.set(rev.id, []);
        for (const rev of graph.revisions.values()) {
            parents.set(rev.id, unique([...rev.downRevisions, ...rev.dependsOn]).filter((p) => graph.revisions.has(p)));
            for (const p of rev.downRevisions)
                children.get(p)?.push(rev.id);
        }
        index = { parents, children };
        indexes.set(graph, index);
    }
    return index;
}
/** Inclusive ancestry of ids through down_revision and depends_on edges; unknown ids are ignored. */
function ancestors(graph, ids) {
    const { parents } = indexOf(graph);
    const seen = new Set();
    const todo = [];
    for (const id of ids) {
        if (parents.has(id) && !seen.has(id)) {
            seen.add(id);
            todo.push(id);
        }
    }
    while (todo.length > 0) {
        for (const p of parents.get(todo.pop()) ?? []) {
            if (!seen.has(p)) {
                seen.add(p);
                todo.push(p);
            }
        }
    }
    return seen;
}
/** The given revisions in apply order (parents and dependencies first), deterministic. */
function inApplyOrder(graph, ids) {
    const { parents } = indexOf(graph);
    const wanted = new Set([...ids].filter((id) => parents.has(id)));
    const sortedParents = (id) => [...(parents.get(id) ?? [])].sort(byString);
    const done = new Set();
    const out = [];
    // Post-order DFS through the whole ancestry (so order holds through revisions outside `ids`), roots by id.
    for (const root of [...wanted].sort(byString)) {
        if (done.has(root))
            continue;
        const visiting = new Set([root]);
        const work = [{ id: root, edges: sortedParents(root), next: 0 }];
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.next < frame.edges.length) {
                const p = frame.edges[frame.next++];
                if (!done.has(p) && !visiting.has(p)) {
                    visiting.add(p);
                    work.push({ id: p, edges: sortedParents(p), next: 0 });
                }
                continue;
            }
            work.pop();
            done.add(frame.id);
            if (wanted.has(frame.id))
                out.push(graph.revisions.get(frame.id));
        }
    }
    return out;
}
/** Revisions applied by upgrading from `from` (null = empty database) to `to`, in apply order.
 *  Throws when `from` or `to` is not in the graph. */
function pathBetween(graph, from, to) {
    for (const id of from === null ? [to] : [from, to]) {
        if (!graph.revisions.has(id))
            throw new Error(`Could not compute migration path: revision "${id}" is not in the graph`);
    }
    const target = ancestors(graph, [to]);
    if (from !== null)
        for (const applied of ancestors(graph, [from]))
            target.delete(applied);
    return inApplyOrder(graph, target);
}
/** Revisions with more than one child through down_revision, sorted. */
function branchPoints(graph) {
    const { children } = indexOf(graph);
    return [...children]
        .filter(([, c]) => c.length > 1)
        .map(([id]) => id)
        .sort(byString);
}
/** Revisions with more than one down_revision, sorted. */
function mergePoints(graph) {
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
function withoutFiles(graph, files) {
    const revisions = [...graph.revisions.values()].filter((r) => !files.has(r.file));
    if (revisions.length === graph.revisions.size)
        return graph;
    return buildGraph(revisions, graph.findings.filter((f) => !GRAPH_FINDING_KINDS.has(f.kind)));
}


/***/ }),

/***/ 5057:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadMigrationGraph: () => (/* binding */ loadMigrationGraph)
});

// UNUSED EXPORTS: MAX_FILE_BYTES, listRevisionFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/migrations/alembic/ini.js
// Reads an ini file with the semantics of Python's configparser.ConfigParser as Alembic creates it:
// `=` or `:` delimiters, option names lower-cased, full-line `#`/`;` comments only (an inline `# ...` stays part of
// the value), indented continuation lines joined with "\n", strict duplicates, and BasicInterpolation
// (`%(name)s`, `%%`) against the section plus [DEFAULT] plus the defaults Alembic passes (`here`).
class IniFile {
    path;
    sections;
    defaults;
    constructor(path, sections, defaults) {
        this.path = path;
        this.sections = sections;
        this.defaults = defaults;
    }
    hasSection(section) {
        return this.sections.has(section);
    }
    /** Section names in file order ([DEFAULT] excluded). */
    sectionNames() {
        return [...this.sections.keys()];
    }
    /** The interpolated value, or undefined when the option is absent (a valueless option reads as null). */
    get(section, option) {
        const key = option.toLowerCase();
        const own = this.sections.get(section);
        const raw = own?.has(key) ? own.get(key) : this.defaults.get(key);
        if (raw === undefined || raw === null)
            return raw;
        return this.interpolate(section, key, raw, 1);
    }
    lookup(section, key) {
        const own = this.sections.get(section);
        return own?.has(key) ? own.get(key) : this.defaults.get(key);
    }
    interpolate(section, option, value, depth) {
        if (depth > 10)
            throw new Error(`${this.where(section, option)}: interpolation is nested too deeply`);
        let out = '';
        let i = 0;
        while (i < value.length) {
            const p = value.indexOf('%', i);
            if (p === -1) {
                out += value.slice(i);
                break;
            }
            out += value.slice(i, p);
            const next = value[p + 1];
            if (next === '%') {
                out += '%';
                i = p + 2;
            }
            else if (next === '(') {
                const close = value.indexOf(')', p + 2);
                if (close === -1 || value[close + 1] !== 's') {
                    throw new Error(`${this.where(section, option)}: bad interpolation syntax in "${value}"`);
                }
                const name = value.slice(p + 2, close).toLowerCase();
                const ref = this.lookup(section, name);
                if (ref === undefined || ref === null) {
                    throw new Error(`${this.where(section, option)}: "%(${name})s" refers to an option that does not exist`);
                }
                out += ref.includes('%') ? this.interpolate(section, name, ref, depth + 1) : ref;
                i = close + 2;
            }
            else {
                throw new Error(`${this.where(section, option)}: '%' must be followed by '%' or '(' in "${value}"`);
            }
        }
        return out;
    }
    where(section, option) {
        return `"${this.path}" [${section}] ${option}`;
    }
}
const SECTION = /^\[(.+)\]$/;
/** Parses ini text; `defaults` are the constructor defaults (Alembic passes `here`). Throws naming file and line. */
function parseIni(text, path, defaults = {}) {
    const sections = new Map();
    const defaultSection = new Map(Object.entries(defaults).map(([k, v]) => [k.toLowerCase(), v]));
    const pending = new Map();
    let current = null;
    let option = null;
    let indentLevel = 0;
    const seenSections = new Set();
    let seenOptions = new Set();
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    for (let n = 0; n < lines.length; n++) {
        const line = lines[n];
        const trimmed = line.trim();
        const isComment = trimmed.startsWith('#') || trimmed.startsWith(';');
        if (trimmed === '' || isComment) {
            // configparser keeps empty lines inside a multi-line value (trailing ones are trimmed at join).
            if (!isComment && current && option !== null)
                current.get(option)?.push('');
            continue;
        }
        const indent = line.length - line.trimStart().length;
        if (current && option !== null && indent > indentLevel) {
            const values = current.get(option);
            if (values)
                values.push(trimmed);
            continue;
        }
        indentLevel = indent;
        const header = SECTION.exec(trimmed);
        if (header) {
            const name = header[1];
            if (seenSections.has(name))
                throw new Error(`"${path}" line ${n + 1}: section [${name}] appears twice`);
            seenSections.add(name);
            seenOptions = new Set();
            const target = name === 'DEFAULT' ? defaultSection : (sections.get(name) ?? new Map());
            sections.set(name, target);
            current = pending.get(target) ?? new Map();
            pending.set(target, current);
            option = null;
            continue;
        }
        if (!current)
            throw new Error(`"${path}" line ${n + 1}: text before the first [section] header`);
        const delimiter = firstDelimiter(trimmed);
        if (delimiter === -1) {
            throw new Error(`"${path}" line ${n + 1}: "${trimmed}" is neither a section header nor an option`);
        }
        const name = trimmed.slice(0, delimiter).trim().toLowerCase();
        if (name === '')
            throw new Error(`"${path}" line ${n + 1}: option without a name`);
        if (seenOptions.has(name))
            throw new Error(`"${path}" line ${n + 1}: option "${name}" appears twice in its section`);
        seenOptions.add(name);
        current.set(name, [trimmed.slice(delimiter + 1).trim()]);
        option = name;
    }
    for (const [target, values] of pending) {
        for (const [name, parts] of values)
            target.set(name, parts === null ? null : parts.join('\n').trimEnd());
    }
    sections.delete('DEFAULT');
    return new IniFile(path, sections, defaultSection);
}
function firstDelimiter(s) {
    const eq = s.indexOf('=');
    const colon = s.indexOf(':');
    if (eq === -1)
        return colon;
    if (colon === -1)
        return eq;
    return Math.min(eq, colon);
}

;// CONCATENATED MODULE: ./lib/migrations/alembic/locate.js
// Finds the alembic.ini and reads where the revision files are, as Alembic's Config and ScriptDirectory do.



const DEFAULT_SECTION = 'alembic';
function fail(message) {
    throw new Error(`Could not read migrations: ${message}`);
}
function kind(p) {
    try {
        const s = (0,external_node_fs_.statSync)(p);
        return s.isDirectory() ? 'dir' : 'file';
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return null;
        fail(`cannot access "${p}": ${error.message}`);
    }
}
/** `input` is an alembic.ini, the folder holding it, a script folder (env.py beside versions/) or a versions folder;
 *  undefined = the alembic.ini at `root` or one folder below (clear error naming what was found when none or
 *  several). Absolute paths in the result. */
function resolveMigrationsInput(root, input, options = {}) {
    const base = external_node_path_.resolve(root);
    const location = locate(base, input, options);
    if (options.versionLocations && options.versionLocations.length > 0) {
        const here = location.iniPath ? external_node_path_.dirname(location.iniPath) : base;
        location.versionLocations = options.versionLocations.map((l) => external_node_path_.resolve(base, resourcePath(l, base, here, location.sysPath ?? [], 'version-locations')));
    }
    return location;
}
function locate(base, input, options) {
    const section = options.section?.trim() || undefined;
    if (input === undefined || input.trim() === '')
        return readAlembicIni(findDefaultIni(base), section, base);
    const target = external_node_path_.resolve(base, input);
    const what = kind(target);
    if (what === null)
        fail(`"${input}" not found (looked at ${target})`);
    if (what === 'file')
        return readAlembicIni(target, section, base);
    // From a folder Alembic reads the alembic.ini there (its default -c); without one the folder is the scripts.
    const ini = external_node_path_.join(target, 'alembic.ini');
    if (kind(ini) === 'file')
        return readAlembicIni(ini, section, base);
    if (section)
        fail(`ini-section "${section}" was given but "${input}" holds no alembic.ini`);
    const versions = external_node_path_.join(target, 'versions');
    if (kind(external_node_path_.join(target, 'env.py')) === 'file' && kind(versions) === 'dir') {
        return { iniPath: null, section: null, scriptLocation: target, versionLocations: [versions], recursive: false };
    }
    return {
        iniPath: null,
        section: null,
        scriptLocation: external_node_path_.dirname(target),
        versionLocations: [target],
        recursive: false,
    };
}
/** A folder laid out as Alembic scripts: env.py beside versions/ (Flask-Migrate's `migrations/`). */
function isScriptFolder(dir) {
    return kind(external_node_path_.join(dir, 'env.py')) === 'file' && kind(external_node_path_.join(dir, 'versions')) === 'dir';
}
function findDefaultIni(base) {
    const atRoot = external_node_path_.join(base, 'alembic.ini');
    if (kind(atRoot) === 'file')
        return atRoot;
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(base, { withFileTypes: true })
            .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
            .map((e) => e.name)
            .sort();
    }
    catch (error) {
        fail(`cannot list "${base}": ${error.message}`);
    }
    const found = entries.map((d) => external_node_path_.join(base, d, 'alembic.ini')).filter((p) => kind(p) === 'file');
    if (found.length === 0) {
        const scripts = entries.filter((d) => isScriptFolder(external_node_path_.join(base, d)));
        const hint = scripts.length > 0 ? ` (script folders without an ini: ${scripts.join(', ')})` : '';
        fail(`no alembic.ini in "${base}" or one folder below${hint}; pass the migrations input`);
    }
    if (found.length > 1) {
        const list = found.map((p) => external_node_path_.relative(base, p)).join(', ');
        fail(`several alembic.ini files found (${list}); pass the migrations input to choose one`);
    }
    return found[0];
}
/** Reads an alembic.ini's section (default [alembic]) into locations; `base` is the repository root, where
 *  `package:path` resources are looked up. */
function readAlembicIni(iniPath, section = DEFAULT_SECTION, base = external_node_path_.dirname(iniPath)) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(iniPath, 'utf8');
    }
    catch (error) {
        fail(`cannot read "${iniPath}": ${error.message}`);
    }
    const here = external_node_path_.dirname(iniPath);
    let ini;
    try {
        ini = parseIni(text, iniPath, { here });
    }
    catch (error) {
        fail(error.message);
    }
    const option = (name) => {
        try {
            return ini.get(section, name) ?? undefined;
        }
        catch (error) {
            fail(error.message);
        }
    };
    const withScripts = ini.sectionNames().filter((s) => s !== section && ini.get(s, 'script_location'));
    const others = withScripts.length > 0
        ? `; sections with a script_location: ${withScripts.map((s) => `[${s}]`).join(', ')} (choose one with ini-section, CLI --name)`
        : '';
    if (!ini.hasSection(section))
        fail(`"${iniPath}" has no [${section}] section${others}`);
    const sysPath = (option('prepend_sys_path') ?? '')
        .split(/, *|(?: *[ :] *)/)
        .filter((p) => p !== '')
        .map((p) => external_node_path_.resolve(here, p));
    const scriptOption = option('script_location');
    let scriptLocation;
    if (scriptOption) {
        // Alembic resolves a relative script_location (and version_locations) from the working directory; we resolve
        // from the ini file's folder so the result does not depend on where the action or CLI is started.
        scriptLocation = external_node_path_.resolve(here, resourcePath(scriptOption, base, here, sysPath, `"${iniPath}"`));
    }
    else if (withScripts.length === 0 && isScriptFolder(here)) {
        // Flask-Migrate writes an alembic.ini without script_location beside env.py and versions/, and passes the
        // folder to Alembic itself: the scripts are the ini's folder.
        scriptLocation = here;
    }
    else {
        fail(`"${iniPath}" has no script_location in [${section}]${others}`);
    }
    const locationsOption = option('version_locations');
    let versionLocations;
    if (locationsOption) {
        versionLocations = splitLocations(locationsOption, option('path_separator'), option('version_path_separator'), iniPath)
            .map((l) => l.trim())
            .filter((l) => l !== '')
            .map((l) => external_node_path_.resolve(here, resourcePath(l, base, here, sysPath, `"${iniPath}"`)));
    }
    else {
        versionLocations = [external_node_path_.join(scriptLocation, 'versions')];
    }
    return {
        iniPath,
        section,
        scriptLocation,
        versionLocations,
        recursive: option('recursive_version_locations')?.toLowerCase() === 'true',
        sourceless: option('sourceless') === 'true',
        sysPath,
    };
}
const SEPARATORS = { space: ' ', newline: '\n', os: external_node_path_.delimiter, ':': ':', ';': ';' };
/** Alembic ≥ 1.16 reads `path_separator` first, then the older `version_path_separator`; neither = legacy split. */
function splitLocations(value, pathSep, legacySep, iniPath) {
    const setting = pathSep !== undefined ? 'path_separator' : 'version_path_separator';
    const chosen = pathSep ?? legacySep;
    if (chosen === undefined)
        return value.split(/, *| +/);
    const sep = SEPARATORS[chosen];
    if (sep === undefined) {
        fail(`"${iniPath}": "${chosen}" is not a valid ${setting}; expected space, newline, os, ':' or ';'`);
    }
    return value.split(sep);
}
/**
 * `package:path` names a Python package resource (Alembic's coerce_resource_to_filename): the package is looked up
 * inside the repository as Python would import it from the repository root, `src/`, the ini's folder or the ini's
 * prepend_sys_path. Anything else is returned as given.
 */
function resourcePath(value, base, here, sysPath, from) {
    if (external_node_path_.isAbsolute(value) || !value.includes(':') || /^[a-zA-Z]:[\\/]/.test(value))
        return value;
    const [pkg, ...rest] = value.split(':');
    const parts = pkg.split('.');
    const roots = [...new Set([base, external_node_path_.join(base, 'src'), here, ...sysPath])];
    const looked = [];
    for (const r of roots) {
        const dir = external_node_path_.join(r, ...parts);
        looked.push(dir);
        if (kind(external_node_path_.join(dir, '__init__.py')) === 'file' || kind(dir) === 'dir') {
            const found = external_node_path_.join(dir, ...rest);
            if (kind(found) === null)
                fail(`${from}: "${value}": package ${pkg} is ${dir}, which has no "${rest.join('/')}"`);
            return found;
        }
    }
    fail(`${from}: "${value}" names the Python package ${pkg}, which is not in the repository (looked in ${looked.join(', ')})`);
}

// EXTERNAL MODULE: ./node_modules/@lezer/python/dist/index.js + 3 modules
var dist = __webpack_require__(1283);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./lib/migrations/alembic/python-source.js
// Statically reads the module-level assignments Alembic takes from a revision file, without running Python.
// One linear pass finds the logical statements at column 0 (tracking strings, comments, brackets and line
// continuations so that text inside docstrings or bodies never counts); only the statements that can matter are
// then tokenized and parsed as Python literals.

const WATCHED = new Set(['revision', 'down_revision', 'branch_labels', 'depends_on']);
const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FORMFEED = 12;
const HASH = 35;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;
const SEMICOLON = 59;
/**
 * Prepares a revision file's bytes as Python reads them: BOM stripped, a PEP 263 coding cookie honoured (re-encoded
 * to UTF-8), invalid UTF-8 refused, CRLF and lone CR turned into LF. The scanner then works on the UTF-8 bytes
 * directly: every character Python's syntax uses is ASCII, which never occurs inside a multi-byte UTF-8 sequence.
 */
function decodePythonSource(bytes) {
    let start = 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        start = 3;
    let src = start === 0 && Buffer.isBuffer(bytes)
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
    const cookie = start === 0 ? codingCookie(src) : null;
    if (cookie && !/^utf[-_]?8(?:[-_].*)?$/i.test(cookie)) {
        try {
            // Python's codec names; ISO-8859-1 is exact in Buffer, other codecs go through the WHATWG decoder.
            const latin1 = /^(?:latin[-_]?1|iso[-_]?8859[-_]1|l1)$/i.test(cookie);
            const text = latin1 ? src.toString('latin1') : new TextDecoder(cookie, { fatal: true }).decode(src);
            src = Buffer.from(text, 'utf8');
        }
        catch (error) {
            return { error: `cannot decode with its declared coding "${cookie}": ${error.message}` };
        }
    }
    else if (!(0,external_node_buffer_.isUtf8)(src)) {
        return { error: 'is not valid UTF-8' };
    }
    if (src.indexOf(CR) !== -1)
        src = normaliseNewlines(src);
    return { src };
}
// A plain byte loop: measured against native indexOf + copy per line, it is faster both warm and in a fresh process
// (each Buffer.copy call costs more than the bytes of a line).
function normaliseNewlines(src) {
    const out = Buffer.allocUnsafe(src.length);
    let o = 0;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === CR) {
            out[o++] = NL;
            if (src[i + 1] === NL)
                i++;
        }
        else {
            out[o++] = c;
        }
    }
    return out.subarray(0, o);
}
function codingCookie(bytes) {
    // PEP 263: a comment on line 1 or 2 matching coding[:=]name. Most files start with a docstring: bail out early.
    let i = 0;
    for (let lineNo = 0; lineNo < 2; lineNo++) {
        while (bytes[i] === SPACE || bytes[i] === TAB || bytes[i] === FORMFEED)
            i++;
        if (bytes[i] !== HASH)
            return null;
        let end = i;
        while (end < bytes.length && bytes[end] !== NL)
            end++;
        const comment = Buffer.from(bytes.buffer, bytes.byteOffset + i, end - i).toString('latin1');
        const m = /coding[:=][ \t]*([-\w.]+)/.exec(comment);
        if (m)
            return m[1] ?? null;
        i = end + 1;
    }
    return null;
}
// Byte classes for the statement scanner: everything else (class 0) is skipped in a tight loop.
const C_NL = 1;
const C_HASH = 2;
const C_QUOTE = 3;
const C_BACKSLASH = 4;
const C_OPEN = 5;
const C_CLOSE = 6;
const C_SEMICOLON = 7;
const CLASS = new Uint8Array(256);
CLASS[NL] = C_NL;
CLASS[HASH] = C_HASH;
CLASS[SQUOTE] = C_QUOTE;
CLASS[DQUOTE] = C_QUOTE;
CLASS[BACKSLASH] = C_BACKSLASH;
for (const c of [40, 91, 123])
    CLASS[c] = C_OPEN;
for (const c of [41, 93, 125])
    CLASS[c] = C_CLOSE;
CLASS[SEMICOLON] = C_SEMICOLON;
/** Scans prepared source (see decodePythonSource) for the module docstring and watched assignments. */
function scanModule(text) {
    const scan = { assignments: new Map(), docstring: null, errors: [], needsEvaluation: false };
    const watch = { next: -1, executesBody: false, inBlock: false };
    const n = text.length;
    let i = 0;
    let line = 1;
    let first = true;
    outer: while (i < n) {
        let col = 0;
        while (i < n) {
            const c = text[i];
            if (c === SPACE)
                col++;
            else if (c === TAB)
                col = col - (col % 8) + 8;
            else if (c === FORMFEED)
                col = 0;
            else
                break;
            i++;
        }
        if (i >= n)
            break;
        let c = text[i];
        if (c === NL) {
            i++;
            line++;
            continue;
        }
        if (c === HASH) {
            const eol = text.indexOf(NL, i);
            i = eol === -1 ? n : eol;
            continue;
        }
        let indented = col > 0;
        let start = i;
        let startLine = line;
        let depth = 0;
        let openLine = 0;
        while (true) {
            while (i < n && CLASS[text[i]] === 0)
                i++;
            if (i >= n) {
                if (depth > 0)
                    scan.errors.push({ message: `bracket opened on line ${openLine} is never closed`, line: openLine });
                statement(scan, watch, text, start, n, startLine, indented, first);
                break outer;
            }
            c = text[i];
            switch (CLASS[c]) {
                case C_NL:
                    line++;
                    i++;
                    if (depth === 0) {
                        statement(scan, watch, text, start, i - 1, startLine, indented, first);
                        first = false;
                        continue outer;
                    }
                    break;
                case C_HASH: {
                    const eol = text.indexOf(NL, i);
                    i = eol === -1 ? n : eol;
                    break;
                }
                case C_QUOTE:
                    i = skipString(text, i, line, scan.errors);
                    line += stringNewlines;
                    break;
                case C_BACKSLASH:
                    if (text[i + 1] === NL)
                        line++;
                    i += 2;
                    break;
                case C_OPEN:
                    if (depth === 0)
                        openLine = line;
                    depth++;
                    i++;
                    break;
                case C_CLOSE:
                    if (depth > 0)
                        depth--;
                    else
                        scan.errors.push({ message: `unmatched '${String.fromCharCode(c)}'`, line });
                    i++;
                    break;
                default:
                    // Semicolon.
                    if (depth === 0) {
                        statement(scan, watch, text, start, i, startLine, indented, first);
                        // `if x: a = 1; revision = 'b'`: what follows a compound header on its line is its body.
                        if (!indented && watch.inBlock)
                            indented = true;
                        first = false;
                        i++;
                        while (i < n && (text[i] === SPACE || text[i] === TAB))
                            i++;
                        start = i;
                        startLine = line;
                    }
                    else {
                        i++;
                    }
            }
        }
    }
    return scan;
}
/** Bytes that cannot begin a Python statement. */
const INVALID_START = new Uint8Array(256);
for (const c of '<>=|&^%/?$!`,:;')
    INVALID_START[c.charCodeAt(0)] = 1;
function endsWithColon(text, start, end) {
    let i = end - 1;
    while (i > start && (text[i] === SPACE || text[i] === TAB))
        i--;
    return text[i] === 58;
}
function hasByte(text, start, end, byte) {
    for (let i = start; i < end; i++)
        if (text[i] === byte)
            return true;
    return false;
}
function statement(scan, watch, text, start, end, line, indented, isFirst) {
    if (indented) {
        if (!watch.inBlock) {
            scan.errors.push({ message: 'IndentationError: unexpected indent', line });
            watch.inBlock = true; // one finding per file is enough
        }
        // A body under a module-level `if`/`try`/`with`/`for` runs on import; a function or class body does not.
        if (watch.executesBody && !scan.needsEvaluation && mentionsWatched(watch, text, start, end)) {
            scan.needsEvaluation = true;
        }
        return;
    }
    watch.executesBody = opensExecutedBody(text, start);
    const definition = !watch.executesBody && opensDefinition(text, start);
    watch.inBlock = watch.executesBody || definition || endsWithColon(text, start, end);
    // Cheap checks for what makes Python refuse a file after its identifiers: a compound header without its colon
    // and a statement that cannot start as written (a merge-conflict marker above all). Python would raise on import.
    if (watch.inBlock && !hasByte(text, start, end, 58)) {
        scan.errors.push({ message: "SyntaxError: expected ':'", line });
    }
    else if (INVALID_START[text[start]] === 1) {
        const marker = /^(<{7}|={7}|>{7}|\|{7})/.test(text.toString('latin1', start, Math.min(end, start + 7)));
        scan.errors.push({
            message: marker ? 'SyntaxError: a merge-conflict marker' : 'SyntaxError: invalid syntax',
            line,
        });
    }
    // Cheap filter before tokenizing: only a watched name, or a string as the first statement, can matter.
    if (isFirst && startsLikeString(text, start)) {
        if (!plainDocstring(scan, text, start, end))
            handleStatement(scan, text, start, end, line, isFirst);
        return;
    }
    const name = watchedNameAt(text, start);
    if (name !== null) {
        if (!plainAssignment(scan, text, name, start + name.length, end, line)) {
            handleStatement(scan, text, start, end, line, isFirst);
        }
    }
    else if (!scan.needsEvaluation && mentionsWatched(watch, text, start, end)) {
        // `x = revision = ...`, `(revision, down_revision) = ...`, `from consts import revision`, `del revision` ...
        scan.needsEvaluation = true;
    }
}
// Not `match`/`case`: soft keywords, also plain names (`match = ...`); endsWithColon catches a real match block.
const COMPOUND_KEYWORDS = ['if', 'elif', 'else', 'try', 'except', 'finally', 'with', 'for', 'while', 'async'];
const COMPOUND_BYTES = COMPOUND_KEYWORDS.map((k) => Buffer.from(k, 'latin1'));
/** True when the statement at `at` starts with a keyword whose indented body runs at import time. */
function opensExecutedBody(text, at) {
    const c = text[at];
    // i(f) e(lif/lse/xcept) t(ry) f(inally/or) w(ith/hile) a(sync): anything else is cheap to reject.
    if (c !== 105 && c !== 101 && c !== 116 && c !== 102 && c !== 119 && c !== 97)
        return false;
    for (const bytes of COMPOUND_BYTES) {
        let k = 0;
        while (k < bytes.length && text[at + k] === bytes[k])
            k++;
        if (k === bytes.length && !isNameChar(text[at + k]))
            return true;
    }
    return false;
}
const DEFINITION_BYTES = ['def', 'class'].map((k) => Buffer.from(k, 'latin1'));
function opensDefinition(text, at) {
    for (const bytes of DEFINITION_BYTES) {
        let k = 0;
        while (k < bytes.length && text[at + k] === bytes[k])
            k++;
        if (k === bytes.length && !isNameChar(text[at + k]))
            return true;
    }
    return false;
}
const REVISION_BYTES = Buffer.from('revision', 'latin1');
const LABELS_BYTES = Buffer.from('branch_labels', 'latin1');
const DEPENDS_BYTES = Buffer.from('depends_on', 'latin1');
/** True when a watched name (or a word containing one) occurs in [start, end). Amortised linear over a file. */
function mentionsWatched(watch, text, start, end) {
    if (watch.next < start) {
        let next = text.indexOf(REVISION_BYTES, start);
        for (const bytes of [LABELS_BYTES, DEPENDS_BYTES]) {
            const at = text.indexOf(bytes, start);
            if (at !== -1 && (next === -1 || at < next))
                next = at;
        }
        watch.next = next === -1 ? text.length : next;
    }
    return watch.next < end;
}
const WATCHED_BYTES = [...WATCHED].map((name) => ({ name, bytes: Buffer.from(name, 'latin1') }));
/** The watched name the statement at `at` starts with, or null. */
function watchedNameAt(text, at) {
    const c = text[at];
    if (c !== 114 && c !== 100 && c !== 98)
        return null;
    for (const { name, bytes } of WATCHED_BYTES) {
        let k = 0;
        while (k < bytes.length && text[at + k] === bytes[k])
            k++;
        if (k === bytes.length && !isNameChar(text[at + k]))
            return name;
    }
    return null;
}
/** Past spaces, tabs, form feeds and backslash-newline continuations (all whitespace to the tokenizer). */
function skipBlanks(text, i, end) {
    while (i < end) {
        const c = text[i];
        if (c === BACKSLASH && text[i + 1] === NL)
            i++;
        else if (c !== SPACE && c !== TAB && c !== FORMFEED)
            break;
        i++;
    }
    return i;
}
/** True when only blanks or a comment remain in [i, end). */
function restIsBlank(text, i, end) {
    i = skipBlanks(text, i, end);
    return i >= end || text[i] === HASH;
}
// Fast paths for the forms nearly every revision file uses (`name = 'id'`, `name: str = 'id'`, `name = None`, a
// plain docstring). They give exactly what tokenize + parse would, and decline (returning false) anything else,
// which then takes the general path: the tokenizer is the slowest part of a read and most statements never need it.
function plainAssignment(scan, text, name, i, end, line) {
    i = skipBlanks(text, i, end);
    if (text[i] === 58) {
        i = skipAnnotation(text, i + 1, end);
        if (i === -1)
            return false;
    }
    if (text[i] !== 61 || text[i + 1] === 61)
        return false;
    i = skipBlanks(text, i + 1, end);
    const c = text[i];
    if (c === 78 &&
        text[i + 1] === 111 &&
        text[i + 2] === 110 &&
        text[i + 3] === 101 &&
        !isNameChar(text[i + 4]) &&
        restIsBlank(text, i + 4, end)) {
        scan.assignments.set(name, { value: { kind: 'none' }, line });
        return true;
    }
    // One string literal or several side by side (implicit concatenation), then nothing but a comment.
    let value = null;
    while (i < end) {
        let q = i;
        let prefix = '';
        const p = text[q];
        if (p === 114 || p === 82) {
            prefix = 'r';
            q++;
        }
        else if (p === 117 || p === 85) {
            prefix = 'u';
            q++;
        }
        const quote = text[q];
        if (quote !== SQUOTE && quote !== DQUOTE)
            break;
        const stop = skipString(text, q, line, null);
        if (stop > end)
            return false;
        const part = decodeStringBody(text, q, stop, prefix);
        value = value === null ? part : value + part;
        i = skipBlanks(text, stop, end);
    }
    if (value === null || !(i >= end || text[i] === HASH))
        return false;
    scan.assignments.set(name, { value: { kind: 'str', value }, line });
    return true;
}
/**
 * Index of the `=` ending a simple annotation (names, dots, commas, `|` and brackets, as in `Union[str, None]`)
 * that starts at `i`, or -1 for anything else.
 */
function skipAnnotation(text, i, end) {
    let depth = 0;
    while (i < end) {
        const c = text[i];
        if (c === 61)
            return depth === 0 && text[i + 1] !== 61 ? i : -1;
        if (c === 91 || c === 40)
            depth++;
        else if (c === 93 || c === 41) {
            if (--depth < 0)
                return -1;
        }
        else if (!(isNameChar(c) || c === SPACE || c === TAB || c === 46 || c === 44 || c === 124))
            return -1;
        i++;
    }
    return -1;
}
function plainDocstring(scan, text, start, end) {
    const c = text[start];
    if (c !== SQUOTE && c !== DQUOTE)
        return false;
    const stop = skipString(text, start, 0, null);
    if (stop > end || !restIsBlank(text, stop, end))
        return false;
    scan.docstring = decodeStringBody(text, start, stop, '');
    return true;
}
function startsLikeString(text, at) {
    for (let i = at; i < at + 3; i++) {
        const c = text[i];
        if (c === SQUOTE || c === DQUOTE)
            return true;
        if (!isNameStart(c))
            return false;
    }
    return false;
}
/** Newlines inside the string last skipped by skipString (saves a second pass to count lines). */
let stringNewlines = 0;
/**
 * Index just past the string literal whose opening quote is at `i`; records an error when it never closes. Sets
 * `stringNewlines` to the line breaks it spans.
 */
function skipString(text, i, line, errors) {
    const n = text.length;
    const q = text[i];
    let lines = 0;
    if (text[i + 1] === q && text[i + 2] === q) {
        let j = i + 3;
        while (j < n) {
            const c = text[j];
            if (c === BACKSLASH) {
                if (text[j + 1] === NL)
                    lines++;
                j += 2;
            }
            else if (c === q && text[j + 1] === q && text[j + 2] === q) {
                stringNewlines = lines;
                return j + 3;
            }
            else {
                if (c === NL)
                    lines++;
                j++;
            }
        }
        stringNewlines = lines;
        errors?.push({ message: 'triple-quoted string is never closed', line });
        return n;
    }
    let j = i + 1;
    while (j < n) {
        const c = text[j];
        if (c === BACKSLASH) {
            if (text[j + 1] === NL)
                lines++;
            j += 2;
        }
        else if (c === q) {
            stringNewlines = lines;
            return j + 1;
        }
        else if (c === NL)
            break;
        else
            j++;
    }
    stringNewlines = lines;
    errors?.push({ message: 'string is never closed', line });
    return Math.min(j, n);
}
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
function isNameStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isNameChar(c) {
    return isNameStart(c) || (c >= 48 && c <= 57);
}
const KNOWN_NAMES = [...WATCHED, 'None'].map((name) => ({ name, bytes: Buffer.from(name, 'latin1') }));
/** The shared string for a name every revision file repeats, without decoding it again; null for any other. */
function knownName(text, start, end) {
    const length = end - start;
    for (const known of KNOWN_NAMES) {
        const bytes = known.bytes;
        if (bytes.length !== length || bytes[0] !== text[start])
            continue;
        let k = 1;
        while (k < length && bytes[k] === text[start + k])
            k++;
        if (k === length)
            return known.name;
    }
    return null;
}
function tokenize(text, start, end, line) {
    const tokens = [];
    let i = start;
    while (i < end) {
        const c = text[i];
        if (c === NL) {
            line++;
            i++;
        }
        else if (c === SPACE || c === TAB || c === FORMFEED) {
            i++;
        }
        else if (c === BACKSLASH) {
            if (text[i + 1] === NL)
                line++;
            i += 2;
        }
        else if (c === HASH) {
            while (i < end && text[i] !== NL)
                i++;
        }
        else if (isNameStart(c)) {
            let j = i + 1;
            while (j < end && isNameChar(text[j]))
                j++;
            const word = knownName(text, i, j) ?? text.toString('utf8', i, j);
            const next = text[j];
            if ((next === SQUOTE || next === DQUOTE) && STRING_PREFIXES.has(word.toLowerCase())) {
                const stop = Math.min(skipString(text, j, line, null), end);
                tokens.push({
                    t: 'str',
                    v: decodeStringBody(text, j, stop, word.toLowerCase()),
                    prefix: word.toLowerCase(),
                    line,
                });
                for (let k = j; k < stop; k++)
                    if (text[k] === NL)
                        line++;
                i = stop;
            }
            else {
                tokens.push({ t: 'name', v: word, line });
                i = j;
            }
        }
        else if (c === SQUOTE || c === DQUOTE) {
            const stop = Math.min(skipString(text, i, line, null), end);
            tokens.push({ t: 'str', v: decodeStringBody(text, i, stop, ''), prefix: '', line });
            for (let k = i; k < stop; k++)
                if (text[k] === NL)
                    line++;
            i = stop;
        }
        else if (c >= 48 && c <= 57) {
            let j = i + 1;
            while (j < end && (isNameChar(text[j]) || text[j] === 46))
                j++;
            tokens.push({ t: 'other', v: text.toString('utf8', i, j), line });
            i = j;
        }
        else if (c === 61 && text[i + 1] === 61) {
            tokens.push({ t: 'op', v: '==', line });
            i += 2;
        }
        else {
            tokens.push({ t: 'op', v: String.fromCharCode(text[i]), line });
            i++;
        }
    }
    return tokens;
}
/** The prefix (lower-cased) and value of one string literal's source text, e.g. `r'a\\b'` or `"x"`. */
function decodeStringLiteral(raw) {
    const prefix = (/^[a-zA-Z]*/.exec(raw)?.[0] ?? '').toLowerCase();
    const body = Buffer.from(raw.slice(prefix.length), 'utf8');
    return { prefix, value: decodeStringBody(body, 0, body.length, prefix) };
}
/** The value of a string literal spanning [start, stop) (quotes included), escapes applied unless raw. */
function decodeStringBody(text, start, stop, prefix) {
    const q = text[start];
    const triple = text[start + 1] === q && text[start + 2] === q && stop - start >= 6;
    const open = triple ? 3 : 1;
    const closed = stop - start >= open * 2 && text[stop - 1] === q;
    const body = text.toString('utf8', start + open, closed ? stop - open : stop);
    if (prefix.includes('r') || !body.includes('\\'))
        return body;
    return applyEscapes(body);
}
const SIMPLE_ESCAPES = {
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\n': '',
};
function applyEscapes(body) {
    let out = '';
    let i = 0;
    while (i < body.length) {
        const c = body[i];
        if (c !== '\\' || i + 1 >= body.length) {
            out += c;
            i++;
            continue;
        }
        const e = body[i + 1];
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
            out += simple;
            i += 2;
        }
        else if (e === 'x' || e === 'u' || e === 'U') {
            const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = body.slice(i + 2, i + 2 + len);
            const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? Number.parseInt(hex, 16) : Number.NaN;
            if (Number.isNaN(code) || code > 0x10ffff) {
                out += `\\${e}`;
                i += 2;
            }
            else {
                out += String.fromCodePoint(code);
                i += 2 + len;
            }
        }
        else if (e >= '0' && e <= '7') {
            let j = i + 1;
            while (j < i + 4 && j < body.length && body[j] >= '0' && body[j] <= '7')
                j++;
            out += String.fromCharCode(Number.parseInt(body.slice(i + 1, j), 8));
            i = j;
        }
        else {
            // Unknown escapes (and \N{...}) stay as written, as Python keeps unknown ones.
            out += `\\${e}`;
            i += 2;
        }
    }
    return out;
}
function handleStatement(scan, text, start, end, line, isFirst) {
    const tokens = tokenize(text, start, end, line);
    const head = tokens[0];
    if (!head)
        return;
    if (isFirst && head.t === 'str') {
        if (tokens.every((t) => t.t === 'str' && !t.prefix.includes('b') && !t.prefix.includes('f'))) {
            scan.docstring = tokens.map((t) => t.v).join('');
        }
        return;
    }
    if (head.t !== 'name' || !WATCHED.has(head.v))
        return;
    let k = 1;
    const next = tokens[1];
    if (next?.t === 'op' && next.v === ':') {
        // Annotated assignment: skip the annotation up to the `=` outside brackets; a bare annotation assigns nothing.
        let depth = 0;
        k = 2;
        for (; k < tokens.length; k++) {
            const t = tokens[k];
            if (t.t !== 'op')
                continue;
            if (t.v === '(' || t.v === '[' || t.v === '{')
                depth++;
            else if (t.v === ')' || t.v === ']' || t.v === '}')
                depth--;
            else if (t.v === '=' && depth === 0)
                break;
        }
        if (k >= tokens.length)
            return;
    }
    else if (!(next?.t === 'op' && next.v === '=')) {
        // `revision, down_revision = ...`, `revision += ...`, `revision.x = ...`: only an evaluation can tell.
        scan.needsEvaluation = true;
        return;
    }
    const value = parseValue(tokens, k + 1);
    if (value.kind === 'error')
        scan.needsEvaluation = true;
    scan.assignments.set(head.v, { value, line: head.line });
}
class NotLiteral extends Error {
}
function parseValue(tokens, from) {
    const p = { tokens, i: from };
    try {
        if (p.i >= tokens.length)
            throw new NotLiteral('no value after "="');
        const value = asValue(parseExprList(p, null));
        const extra = tokens[p.i];
        if (extra)
            throw new NotLiteral(`unexpected "${extra.v}" in the value`);
        return value;
    }
    catch (error) {
        if (error instanceof NotLiteral)
            return { kind: 'error', reason: error.message };
        throw error;
    }
}
/** A bare or parenthesised item list is a tuple only when it has a comma (or is empty), as in Python. */
function asValue(list) {
    if (!list.sawComma && list.items.length === 1)
        return list.items[0];
    return { kind: 'seq', items: list.items };
}
/** Comma-separated items up to `close` (or the end). */
function parseExprList(p, close) {
    const items = [];
    let sawComma = false;
    while (true) {
        const t = p.tokens[p.i];
        if (!t || (t.t === 'op' && t.v === close))
            break;
        items.push(parseAtom(p));
        const sep = p.tokens[p.i];
        if (sep?.t === 'op' && sep.v === ',') {
            sawComma = true;
            p.i++;
            continue;
        }
        break;
    }
    return { items, sawComma };
}
function parseAtom(p) {
    const t = p.tokens[p.i];
    if (!t)
        throw new NotLiteral('value ends early');
    if (t.t === 'str') {
        let value = '';
        while (true) {
            const s = p.tokens[p.i];
            if (s?.t !== 'str')
                break;
            if (s.prefix.includes('b'))
                throw new NotLiteral('bytes are not a revision identifier');
            if (s.prefix.includes('f'))
                throw new NotLiteral('an f-string needs Python to evaluate');
            value += s.v;
            p.i++;
        }
        return { kind: 'str', value };
    }
    if (t.t === 'name' && t.v === 'None') {
        p.i++;
        return { kind: 'none' };
    }
    if (t.t === 'op' && (t.v === '(' || t.v === '[' || t.v === '{')) {
        const close = t.v === '(' ? ')' : t.v === '[' ? ']' : '}';
        p.i++;
        const list = parseExprList(p, close);
        const end = p.tokens[p.i];
        if (!(end?.t === 'op' && end.v === close))
            throw new NotLiteral(`"${t.v}" is not closed`);
        p.i++;
        if (close === '}' && list.items.length === 0)
            throw new NotLiteral('{} is a dict');
        // Lists and sets are sequences even with one item; a parenthesised single value is just that value.
        return close === ')' ? asValue(list) : { kind: 'seq', items: list.items };
    }
    throw new NotLiteral(`"${t.v}" is not a literal`);
}

;// CONCATENATED MODULE: ./lib/migrations/alembic/module-eval.js


const BUILTIN_CONVERSIONS = new Set(['str', 'tuple', 'list', 'set', 'frozenset']);
/** Evaluates the top level of `src`; `lookup` follows imports into repository files (null: imports are unknown). */
function evaluateModule(src, lookup) {
    const tree = dist/* parser */.K.parse(src);
    const lineStarts = [0];
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    const ctx = { src, lineStarts, env: new Map(), lookup };
    const errors = [];
    tree.iterate({
        enter(node) {
            if (node.type.isError && errors.length === 0) {
                errors.push({ message: 'invalid syntax', line: lineOf(ctx, node.from) });
            }
        },
    });
    runBlock(ctx, tree.topNode);
    return { bindings: ctx.env, errors };
}
function lineOf(ctx, pos) {
    let lo = 0;
    let hi = ctx.lineStarts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.lineStarts[mid] <= pos)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}
function module_eval_text(ctx, node) {
    return ctx.src.slice(node.from, node.to);
}
function unknown(reason) {
    return { kind: 'unknown', reason };
}
function children(node) {
    const out = [];
    for (let c = node.firstChild; c; c = c.nextSibling)
        out.push(c);
    return out;
}
/** Runs the statements of a Script or Body node in order. */
function runBlock(ctx, block) {
    for (const stmt of children(block))
        runStatement(ctx, stmt);
}
function bind(ctx, name, value, at) {
    ctx.env.set(name, { value, line: lineOf(ctx, at.from) });
}
/** Every name a statement (or the blocks inside it) could bind becomes unknown. */
function poison(ctx, node, reason) {
    // The first place a name is bound is the line shown.
    const done = new Set();
    for (const name of boundNames(ctx, node)) {
        if (done.has(name.name))
            continue;
        done.add(name.name);
        bind(ctx, name.name, unknown(reason), name.node);
    }
}
function boundNames(ctx, node) {
    const out = [];
    const visit = (n) => {
        switch (n.name) {
            case 'AssignStatement':
            case 'UpdateStatement': {
                const parts = children(n);
                const lastOp = parts.map((p) => p.name).lastIndexOf(n.name === 'AssignStatement' ? 'AssignOp' : 'UpdateOp');
                for (const p of parts.slice(0, lastOp))
                    collectTargets(ctx, p, out);
                return;
            }
            case 'ImportStatement':
                for (const b of importBindings(ctx, n))
                    out.push({ name: b.name, node: n });
                return;
            case 'FunctionDefinition':
            case 'ClassDefinition': {
                const name = n.getChild('VariableName');
                if (name)
                    out.push({ name: module_eval_text(ctx, name), node: name });
                return;
            }
            case 'ForStatement':
            case 'WithStatement':
            case 'TryStatement':
            case 'DeleteStatement':
                // Loop variables, `as` targets and deleted names are VariableNames directly under the statement.
                for (const c of children(n)) {
                    if (c.name === 'VariableName')
                        out.push({ name: module_eval_text(ctx, c), node: c });
                    else if (c.name === 'TupleExpression')
                        collectTargets(ctx, c, out);
                }
                break;
        }
        for (const c of children(n)) {
            if (c.name === 'Body' || c.name === 'StatementGroup' || c.name.endsWith('Statement'))
                visit(c);
        }
    };
    visit(node);
    return out;
}
function collectTargets(ctx, node, out) {
    if (node.name === 'VariableName')
        out.push({ name: module_eval_text(ctx, node), node });
    else if (['TupleExpression', 'ArrayExpression', 'ParenthesizedExpression'].includes(node.name)) {
        for (const c of children(node))
            collectTargets(ctx, c, out);
    }
}
function runStatement(ctx, stmt) {
    switch (stmt.name) {
        case 'StatementGroup': // `a = 1; b = 2`
            runBlock(ctx, stmt);
            return;
        case 'AssignStatement':
            runAssign(ctx, stmt);
            return;
        case 'UpdateStatement':
            poison(ctx, stmt, 'an augmented assignment (`+=`) needs Python to evaluate');
            return;
        case 'ImportStatement':
            for (const b of importBindings(ctx, stmt))
                bind(ctx, b.name, b.value, stmt);
            return;
        case 'IfStatement':
            runIf(ctx, stmt);
            return;
        case 'TryStatement':
            runTry(ctx, stmt);
            return;
        case 'WithStatement': {
            // The `as` target is whatever the context manager returns; the body runs.
            for (const c of children(stmt))
                if (c.name === 'VariableName')
                    bind(ctx, module_eval_text(ctx, c), unknown('a `with` target'), c);
            const body = stmt.getChild('Body');
            if (body)
                runBlock(ctx, body);
            return;
        }
        case 'FunctionDefinition':
        case 'ClassDefinition':
        case 'DecoratedStatement':
            poison(ctx, stmt, 'a function or class');
            return;
        case 'ForStatement':
        case 'WhileStatement':
            poison(ctx, stmt, 'bound inside a loop');
            return;
        case 'DeleteStatement':
            poison(ctx, stmt, 'deleted with `del`');
            return;
        default:
            // Expressions, pass, assert, global ...: they bind nothing we read.
            return;
    }
}
function runAssign(ctx, stmt) {
    const parts = children(stmt);
    // Groups of nodes between `=` signs: every group but the last is a target list, the last is the value.
    const groups = [[]];
    for (const p of parts) {
        if (p.name === 'AssignOp')
            groups.push([]);
        else if (p.name !== 'TypeDef')
            groups[groups.length - 1].push(p);
    }
    if (groups.length < 2)
        return; // a bare annotation (`x: int`) binds nothing
    const valueGroup = groups.pop();
    const value = evalList(ctx, valueGroup);
    for (const target of groups)
        assignTarget(ctx, target, value, stmt);
}
/** A comma-separated group is a tuple; a single node is its value. */
function evalList(ctx, nodes) {
    const items = nodes.filter((n) => n.name !== ',');
    const hasComma = items.length !== nodes.length;
    if (!hasComma && items.length === 1)
        return evalExpr(ctx, items[0]);
    return seqOf(items.map((n) => evalExpr(ctx, n)));
}
function seqOf(values) {
    for (const v of values)
        if (v.kind === 'unknown')
            return v;
    return { kind: 'seq', items: values };
}
function assignTarget(ctx, nodes, value, stmt) {
    const items = nodes.filter((n) => n.name !== ',');
    if (items.length === 1 && items.length === nodes.length) {
        const node = items[0];
        if (node.name === 'VariableName') {
            bind(ctx, module_eval_text(ctx, node), value, node);
            return;
        }
        if (node.name === 'TupleExpression' || node.name === 'ArrayExpression' || node.name === 'ParenthesizedExpression') {
            const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== '[' && c.name !== ']');
            if (node.name === 'ParenthesizedExpression') {
                assignTarget(ctx, inner, value, stmt);
                return;
            }
            unpack(ctx, inner.filter((n) => n.name !== ','), value, stmt);
            return;
        }
        // `obj.attr = ...`, `d[k] = ...`: binds no module-level name we read.
        return;
    }
    unpack(ctx, items, value, stmt);
}
function unpack(ctx, targets, value, stmt) {
    const sequence = value.kind === 'seq'
        ? value.items
        : value.kind === 'str'
            ? [...value.value].map((ch) => ({ kind: 'str', value: ch }))
            : null;
    if (sequence === null || sequence.length !== targets.length || targets.some((t) => t.name === 'StarExpression')) {
        const why = value.kind === 'unknown' ? value.reason : 'an unpacking Python would refuse or that needs Python';
        for (const t of targets)
            poisonTarget(ctx, t, why);
        return;
    }
    targets.forEach((t, i) => {
        assignTarget(ctx, [t], sequence[i], stmt);
    });
}
function poisonTarget(ctx, node, reason) {
    const out = [];
    collectTargets(ctx, node, out);
    for (const n of out)
        bind(ctx, n.name, unknown(reason), n.node);
}
function runIf(ctx, stmt) {
    const parts = children(stmt);
    for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (p.name === 'if' || p.name === 'elif') {
            const cond = truth(evalExpr(ctx, parts[i + 1]));
            const body = parts[i + 2];
            if (cond === null) {
                // Undecidable: whatever this or a later branch binds is unknown.
                const reason = 'assigned under an `if` whose condition needs Python to decide';
                const done = new Set();
                for (const rest of parts.slice(i + 2)) {
                    if (rest.name !== 'Body')
                        continue;
                    for (const name of boundNames(ctx, rest)) {
                        if (!done.has(name.name))
                            bind(ctx, name.name, unknown(reason), name.node);
                        done.add(name.name);
                    }
                }
                return;
            }
            if (cond) {
                runBlock(ctx, body);
                return;
            }
            i += 2;
        }
        else if (p.name === 'else') {
            const body = parts[i + 1];
            if (body)
                runBlock(ctx, body);
            return;
        }
    }
}
/** Python truthiness of a known value; null when unknown. */
function truth(v) {
    switch (v.kind) {
        case 'none':
            return false;
        case 'bool':
            return v.value;
        case 'num':
            return v.value !== 0;
        case 'str':
            return v.value !== '';
        case 'seq':
            return v.items.length > 0;
        case 'module':
            return true;
        default:
            return null;
    }
}
function runTry(ctx, stmt) {
    const parts = children(stmt);
    const tryBody = parts[1];
    if (!tryBody)
        return;
    if (cannotRaise(ctx, tryBody)) {
        runBlock(ctx, tryBody);
        // Without an exception the `else` body runs too; `finally` always runs.
        for (let i = 2; i < parts.length; i++) {
            const p = parts[i];
            if ((p.name === 'else' || p.name === 'finally') && parts[i + 1])
                runBlock(ctx, parts[i + 1]);
        }
        return;
    }
    poison(ctx, stmt, 'assigned in a `try` statement whose outcome needs Python to decide');
}
/** A try body that only binds literals and imports resolved in this repository cannot raise. */
function cannotRaise(ctx, body) {
    for (const stmt of children(body)) {
        if (stmt.name === ':' || stmt.name === 'PassStatement')
            continue;
        if (stmt.name === 'ImportStatement') {
            if (importBindings(ctx, stmt).some((b) => b.value.kind === 'unknown'))
                return false;
            continue;
        }
        if (stmt.name === 'AssignStatement') {
            const parts = children(stmt);
            const value = parts[parts.length - 1];
            if (evalExpr(ctx, value).kind === 'unknown')
                return false;
            continue;
        }
        return false;
    }
    return true;
}
/** The names an import statement binds and their values (modules, or constants from repository files). */
function importBindings(ctx, stmt) {
    const parts = children(stmt);
    const out = [];
    if (parts[0]?.name === 'from') {
        let i = 1;
        let module = '';
        while (i < parts.length && parts[i]?.name !== 'import')
            module += module_eval_text(ctx, parts[i++]);
        i++;
        for (; i < parts.length; i++) {
            const p = parts[i];
            if (p.name === '*') {
                // A star import may bind anything: names bound before it are no longer known.
                for (const name of [...ctx.env.keys()])
                    bind(ctx, name, unknown(`may be rebound by \`from ${module} import *\``), p);
                for (const name of ['revision', 'down_revision', 'branch_labels', 'depends_on'])
                    out.push({ name, value: unknown(`may be bound by \`from ${module} import *\``) });
                continue;
            }
            if (p.name !== 'VariableName')
                continue;
            const name = module_eval_text(ctx, p);
            let as = name;
            if (parts[i + 1]?.name === 'as' && parts[i + 2]) {
                as = module_eval_text(ctx, parts[i + 2]);
                i += 2;
            }
            out.push({ name: as, value: importedName(ctx, module, name) });
        }
        return out;
    }
    // import a.b.c [as x], d
    let dotted = '';
    for (let i = 1; i <= parts.length; i++) {
        const p = parts[i];
        if (p === undefined || p.name === ',') {
            if (dotted !== '')
                out.push({ name: dotted.split('.')[0], value: moduleValue(ctx, dotted.split('.')[0]) });
            dotted = '';
            continue;
        }
        if (p.name === 'as') {
            const alias = parts[i + 1];
            out.push({ name: module_eval_text(ctx, alias), value: moduleValue(ctx, dotted) });
            dotted = '';
            i++;
            continue;
        }
        dotted += module_eval_text(ctx, p);
    }
    return out;
}
// `typing.TYPE_CHECKING` is False when the module runs: the one standard-library constant revision files branch on.
const TYPING = 'typing';
function moduleValue(ctx, dotted) {
    if (dotted === TYPING)
        return { kind: 'module', name: TYPING };
    if (ctx.lookup === null)
        return unknown(`imported from ${dotted}, which is itself an import (one level is followed)`);
    const found = ctx.lookup(dotted);
    if (found === null)
        return unknown(`module ${dotted} is not a file of this repository`);
    if ('missing' in found)
        return unknown(found.missing);
    return { kind: 'module', name: dotted };
}
/** `from module import name`: a constant bound in the module's file, or a submodule. */
function importedName(ctx, module, name) {
    if (module === TYPING && name === 'TYPE_CHECKING')
        return { kind: 'bool', value: false };
    if (module.startsWith('.'))
        return unknown(`relative import from ${module} needs the package Python would load`);
    if (ctx.lookup === null)
        return unknown(`${module}.${name} is itself imported (one level of imports is followed)`);
    const found = ctx.lookup(module);
    if (found !== null && 'bindings' in found) {
        const binding = found.bindings.get(name);
        if (binding)
            return binding.value.kind === 'module' ? binding.value : binding.value;
    }
    const sub = ctx.lookup(`${module}.${name}`);
    if (sub !== null && 'bindings' in sub)
        return { kind: 'module', name: `${module}.${name}` };
    if (found === null)
        return unknown(`module ${module} is not a file of this repository`);
    if ('missing' in found)
        return unknown(found.missing);
    return unknown(`${module} binds no literal named ${name}`);
}
function evalExpr(ctx, node) {
    switch (node.name) {
        case 'String':
        case 'ContinuedString':
        case 'FormatString':
            return evalString(ctx, node);
        case 'None':
            return { kind: 'none' };
        case 'Boolean':
            return { kind: 'bool', value: module_eval_text(ctx, node) === 'True' };
        case 'Number': {
            const n = Number(module_eval_text(ctx, node).replace(/_/g, ''));
            return Number.isNaN(n) ? unknown(`number ${module_eval_text(ctx, node)}`) : { kind: 'num', value: n };
        }
        case 'VariableName': {
            const name = module_eval_text(ctx, node);
            const bound = ctx.env.get(name);
            if (bound)
                return bound.value;
            if (name === 'TYPE_CHECKING')
                return unknown('TYPE_CHECKING is only known when imported from typing');
            return unknown(`name ${name} is not bound to a literal earlier in the file`);
        }
        case 'ParenthesizedExpression': {
            const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')');
            return evalList(ctx, inner);
        }
        case 'TupleExpression':
        case 'ArrayExpression':
        case 'SetExpression': {
            const items = children(node).filter((c) => !['(', ')', '[', ']', '{', '}', ','].includes(c.name));
            return seqOf(items.map((c) => evalExpr(ctx, c)));
        }
        case 'MemberExpression':
            return evalMember(ctx, node);
        case 'CallExpression':
            return evalCall(ctx, node);
        case 'BinaryExpression':
            return evalBinary(ctx, node);
        case 'UnaryExpression': {
            const [op, operand] = children(node);
            if (op?.name === 'not' && operand) {
                const t = truth(evalExpr(ctx, operand));
                return t === null ? unknown('`not` of an unknown value') : { kind: 'bool', value: !t };
            }
            return unknown(`${module_eval_text(ctx, node)} needs Python to evaluate`);
        }
        case 'ConditionalExpression': {
            const [yes, , cond, , no] = children(node);
            if (!yes || !cond || !no)
                return unknown('incomplete conditional expression');
            const t = truth(evalExpr(ctx, cond));
            if (t === null)
                return unknown('a conditional expression whose condition needs Python to decide');
            return evalExpr(ctx, t ? yes : no);
        }
        default:
            return unknown(`${module_eval_short(module_eval_text(ctx, node))} needs Python to evaluate`);
    }
}
function module_eval_short(s) {
    const one = s.replace(/\s+/g, ' ');
    return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
function evalString(ctx, node) {
    if (node.name === 'ContinuedString') {
        let value = '';
        for (const part of children(node)) {
            const v = evalString(ctx, part);
            if (v.kind !== 'str')
                return v;
            value += v.value;
        }
        return { kind: 'str', value };
    }
    const raw = module_eval_text(ctx, node);
    if (node.name === 'FormatString') {
        const fields = children(node).filter((c) => c.name === 'FormatReplacement');
        if (fields.length === 0)
            return {
                kind: 'str',
                value: decodeStringLiteral(raw.replace(/^[fF]|(?<=^[rR])[fF]/, '').replace(/^([rR]?)[fF]/, '$1'))
                    .value.replace(/\{\{/g, '{')
                    .replace(/\}\}/g, '}'),
            };
        return fString(ctx, node, raw, fields);
    }
    const decoded = decodeStringLiteral(raw);
    if (decoded.prefix.includes('b'))
        return unknown('bytes are not a revision identifier');
    return { kind: 'str', value: decoded.value };
}
/** An f-string whose fields are names or literals holding strings, without conversions or format specs. */
function fString(ctx, node, raw, fields) {
    let out = '';
    let pos = node.from;
    const prefixLength = /^[a-zA-Z]*/.exec(raw)?.[0].length ?? 0;
    const quote = raw.slice(prefixLength, prefixLength + 3) === raw[prefixLength]?.repeat(3) ? 3 : 1;
    pos += prefixLength + quote;
    const end = node.to - quote;
    for (const field of fields) {
        out += ctx.src.slice(pos, field.from).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        const inner = children(field).filter((c) => c.name !== '{' && c.name !== '}');
        if (inner.length !== 1)
            return unknown(`f-string field ${module_eval_text(ctx, field)} needs Python to evaluate`);
        const v = evalExpr(ctx, inner[0]);
        if (v.kind !== 'str')
            return v.kind === 'unknown' ? v : unknown(`f-string field ${module_eval_text(ctx, field)} is not a string`);
        out += v.value;
        pos = field.to;
    }
    out += ctx.src.slice(pos, end).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    if (out.includes('\\'))
        return unknown('an f-string with escapes needs Python to evaluate');
    return { kind: 'str', value: out };
}
function evalMember(ctx, node) {
    const [base, , prop] = children(node);
    if (!base || !prop)
        return unknown(`${module_eval_short(module_eval_text(ctx, node))} needs Python to evaluate`);
    const owner = evalExpr(ctx, base);
    if (owner.kind === 'unknown')
        return owner;
    if (owner.kind !== 'module')
        return unknown(`${module_eval_short(module_eval_text(ctx, node))} needs Python to evaluate`);
    const name = module_eval_text(ctx, prop);
    if (owner.name === TYPING && name === 'TYPE_CHECKING')
        return { kind: 'bool', value: false };
    const found = ctx.lookup?.(owner.name);
    if (found && 'bindings' in found) {
        const binding = found.bindings.get(name);
        if (binding)
            return binding.value;
    }
    const sub = ctx.lookup?.(`${owner.name}.${name}`);
    if (sub && 'bindings' in sub)
        return { kind: 'module', name: `${owner.name}.${name}` };
    return unknown(`${owner.name} binds no literal named ${name}`);
}
function evalCall(ctx, node) {
    const [callee, args] = children(node);
    const name = callee?.name === 'VariableName' ? module_eval_text(ctx, callee) : '';
    if (!BUILTIN_CONVERSIONS.has(name) || ctx.env.has(name) || !args) {
        return unknown(`the call ${module_eval_short(module_eval_text(ctx, node))} needs Python to evaluate`);
    }
    const list = children(args).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',');
    if (list.length === 0)
        return name === 'str' ? { kind: 'str', value: '' } : { kind: 'seq', items: [] };
    if (list.length !== 1)
        return unknown(`the call ${module_eval_short(module_eval_text(ctx, node))} needs Python to evaluate`);
    const v = evalExpr(ctx, list[0]);
    if (v.kind === 'unknown')
        return v;
    if (name === 'str')
        return v.kind === 'str' ? v : unknown(`str() of a non-string in ${module_eval_short(module_eval_text(ctx, node))}`);
    if (v.kind === 'seq')
        return v;
    if (v.kind === 'str')
        return { kind: 'seq', items: [...v.value].map((ch) => ({ kind: 'str', value: ch })) };
    return unknown(`${name}() of ${module_eval_short(module_eval_text(ctx, list[0]))} needs Python to evaluate`);
}
function evalBinary(ctx, node) {
    const [left, op, right] = children(node);
    if (!left || !op || !right)
        return unknown(`${module_eval_short(module_eval_text(ctx, node))} needs Python to evaluate`);
    const opText = module_eval_text(ctx, op);
    const a = evalExpr(ctx, left);
    const b = evalExpr(ctx, right);
    if (a.kind === 'unknown')
        return a;
    if (b.kind === 'unknown')
        return b;
    if (opText === '+' && a.kind === 'str' && b.kind === 'str')
        return { kind: 'str', value: a.value + b.value };
    if (opText === '+' && a.kind === 'seq' && b.kind === 'seq')
        return { kind: 'seq', items: [...a.items, ...b.items] };
    if ((opText === '==' || opText === '!=') &&
        (a.kind === 'str' || a.kind === 'none') &&
        (b.kind === 'str' || b.kind === 'none')) {
        const same = a.kind === b.kind && (a.kind === 'none' || a.value === b.value);
        return { kind: 'bool', value: opText === '==' ? same : !same };
    }
    return unknown(`${module_eval_short(module_eval_text(ctx, node))} needs Python to evaluate`);
}

;// CONCATENATED MODULE: ./lib/migrations/alembic/revision-file.js


// Alembic's legacy rule: a file without `revision` still counts when its name is a hex id.
const LEGACY_NAME = /^([a-f0-9]+)\.py$/;
/** Reads a revision file's bytes; `file` is the path shown in findings, `fileName` its base name. `lookup` follows
 *  imports into files of the repository (one level); without it imported names are unknown. */
function readRevisionFile(bytes, file, fileName, lookup = null) {
    const findings = [];
    const decoded = decodePythonSource(bytes);
    if ('error' in decoded) {
        findings.push({
            severity: 'error',
            kind: 'unreadable-revision-file',
            message: `${file} ${decoded.error}`,
            file,
            line: 1,
        });
        return { revision: null, findings };
    }
    const scan = scanModule(decoded.src);
    if (scan.needsEvaluation)
        evaluate(scan, decoded.src, lookup);
    // Python stops at the first error it meets: one finding, at the earliest line.
    const first = scan.errors.reduce((a, b) => (a === null || b.line < a.line ? b : a), null);
    for (const error of first ? [first] : []) {
        findings.push({
            severity: 'error',
            kind: 'unparseable-revision-file',
            message: `${file} cannot be imported by Python: ${error.message}`,
            file,
            line: error.line,
        });
    }
    const revisionAssignment = scan.assignments.get('revision');
    let id;
    let line;
    if (!revisionAssignment) {
        const legacy = LEGACY_NAME.exec(fileName);
        if (!legacy?.[1])
            return unparseable(findings, file, 'has no module-level `revision = "..."` assignment', 1);
        id = legacy[1];
        line = 1;
    }
    else {
        const v = revisionAssignment.value;
        if (v.kind !== 'str')
            return unparseable(findings, file, `sets \`revision\` to ${describe(v)}, not a string`, revisionAssignment.line);
        id = v.value;
        line = revisionAssignment.line;
    }
    const down = scan.assignments.get('down_revision');
    if (!down)
        return unparseable(findings, file, 'has no module-level `down_revision` assignment (use None for a base)', line);
    // A field we cannot evaluate keeps the revision (with what is known) and is named in an error finding, except
    // branch_labels, which only lose their labels (a warning): a revision is never dropped for one unknown field.
    const unknownFields = [];
    const downRevisions = identifiers(down, 'down_revision', file, findings, 'error');
    const branchLabels = identifiers(scan.assignments.get('branch_labels'), 'branch_labels', file, findings, 'warning');
    const dependsOn = identifiers(scan.assignments.get('depends_on'), 'depends_on', file, findings, 'error');
    if (!downRevisions)
        unknownFields.push('down_revision');
    if (!branchLabels)
        unknownFields.push('branch_labels');
    if (!dependsOn)
        unknownFields.push('depends_on');
    const revision = {
        id,
        downRevisions: downRevisions ?? [],
        dependsOn: dependsOn ?? [],
        branchLabels: branchLabels ?? [],
        file,
        line,
        downLine: down.line,
        message: firstLine(scan.docstring),
    };
    if (unknownFields.length > 0)
        revision.unknownFields = unknownFields;
    return { revision, findings };
}
const WATCHED_FIELDS = ['revision', 'down_revision', 'branch_labels', 'depends_on'];
/** Replaces the scanner's view of the watched names by what running the module's top level would bind. */
function evaluate(scan, src, lookup) {
    const result = evaluateModule(src.toString('utf8'), lookup);
    scan.assignments.clear();
    for (const name of WATCHED_FIELDS) {
        const binding = result.bindings.get(name);
        if (binding)
            scan.assignments.set(name, { value: asLiteral(binding.value), line: binding.line });
    }
    // The scanner's lexical errors are more precise; the parser adds the syntax errors it alone can see.
    if (scan.errors.length === 0)
        for (const error of result.errors)
            scan.errors.push(error);
}
function asLiteral(v) {
    switch (v.kind) {
        case 'none':
        case 'str':
            return v;
        case 'seq': {
            for (const item of v.items) {
                const inner = asLiteral(item);
                if (inner.kind === 'error')
                    return inner;
            }
            return v;
        }
        case 'unknown':
            return { kind: 'error', reason: v.reason };
        case 'module':
            return { kind: 'error', reason: `the module ${v.name}` };
        default:
            return { kind: 'error', reason: `the ${v.kind === 'bool' ? 'boolean' : 'number'} ${String(v.value)}` };
    }
}
/** First line of the trimmed docstring, as a string of its own. */
function firstLine(docstring) {
    const doc = docstring?.trim() ?? '';
    const newline = doc.indexOf('\n');
    const line = (newline === -1 ? doc : doc.slice(0, newline)).trim();
    // A slice of 13+ characters keeps the whole docstring alive in V8; joining first copies just the line, which
    // saves about 1.5 MB across 10,000 revisions (and with it a young-generation growth step).
    return line.length < 13 ? line : `${line} `.slice(0, -1);
}
// Module-level helpers rather than closures: this runs once per file, 10,000 times for a large history.
function unparseable(findings, file, message, line) {
    findings.push({ severity: 'error', kind: 'unparseable-revision-file', message: `${file} ${message}`, file, line });
    return { revision: null, findings };
}
function describe(v) {
    if (v.kind === 'error')
        return `something that is not a plain literal (${v.reason})`;
    if (v.kind === 'none')
        return 'None';
    if (v.kind === 'seq')
        return 'a sequence';
    return 'a string';
}
/**
 * The identifiers in a `down_revision` / `branch_labels` / `depends_on` value, following Alembic's `to_tuple` and
 * `tuple_rev_as_scalar`: None, '' and () mean none. Null (with a finding) when the value is not usable.
 */
function identifiers(assignment, name, file, findings, severity) {
    if (!assignment)
        return [];
    const v = assignment.value;
    if (v.kind === 'error')
        return badValue(findings, file, name, assignment.line, describe(v), severity);
    if (v.kind === 'none')
        return [];
    if (v.kind === 'str')
        return v.value === '' ? [] : [v.value];
    const out = [];
    for (const item of v.items) {
        if (item.kind !== 'str') {
            return badValue(findings, file, name, assignment.line, `a sequence holding ${describe(item)}; every entry must be a string`, severity);
        }
        if (!out.includes(item.value))
            out.push(item.value);
    }
    // An array grown by push keeps room for 16 more entries; the exact-size copy is what stays in the graph.
    return out.slice();
}
function badValue(findings, file, name, line, why, severity) {
    const labels = severity !== 'error';
    findings.push({
        severity,
        kind: labels ? 'unknown-branch-labels' : 'unparseable-revision-file',
        message: labels
            ? `${file} sets \`${name}\` to ${why}; the revision is read without branch labels`
            : `${file} sets \`${name}\` to ${why}; the revision is kept but its \`${name}\` is unknown`,
        file,
        line,
    });
    return null;
}

// EXTERNAL MODULE: ./lib/migrations/graph.js
var graph = __webpack_require__(4705);
;// CONCATENATED MODULE: ./lib/migrations/load.js
// Reads an Alembic tree from disk into a MigrationGraph: lists revision files as Alembic does, reads and parses each
// statically and builds the graph.
//
// Files are read synchronously into one reused buffer. Measured on 10,000 revision files (page cache warm, 2 cores):
// fs.promises.readFile through a pool of 64 took ~1,000 ms, callback fs.readFile through a pool ~250 ms, and this
// ~50 ms: each async read costs four libuv threadpool round trips (open, fstat, read, close) for a 1 KB file.







/** A revision or module file larger than this is refused (a finding), never read whole. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Reads the tree and builds the graph. File paths in revisions/findings are relative to `root`, forward slashes.
 *  `options` carries the ini section and version locations given as inputs (they override the ini). */
async function loadMigrationGraph(root, input, options = {}) {
    const base = external_node_path_.resolve(root);
    const location = resolveMigrationsInput(base, input, options);
    const findings = [];
    const realBase = realOrSelf(base);
    const files = findRevisionFiles(base, location, findings, realBase);
    const revisions = [];
    const reader = new FileReader();
    // Its own reader: a module is read while a revision file's bytes (a view of `reader`'s buffer) are still in use.
    const lookup = moduleLookup(base, realBase, location, new FileReader());
    for (const file of files) {
        const bytes = reader.read(file.target ?? `${file.dir}${external_node_path_.sep}${file.name}`);
        if (typeof bytes === 'string') {
            findings.push(unreadable(file.rel, bytes));
            continue;
        }
        const result = readRevisionFile(bytes, file.rel, file.name, lookup);
        if (result.revision)
            revisions.push(result.revision);
        for (const f of result.findings)
            findings.push(f);
    }
    return { graph: (0,graph/* buildGraph */.ZG)(revisions, findings), location };
}
function unreadable(file, why) {
    return {
        severity: 'error',
        kind: 'unreadable-revision-file',
        message: `${file} was not read: ${why}`,
        file,
        line: 1,
    };
}
function realOrSelf(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return p;
    }
}
function inside(realBase, real) {
    return real === realBase || real.startsWith(realBase.endsWith(external_node_path_.sep) ? realBase : `${realBase}${external_node_path_.sep}`);
}
/**
 * Follows `from pkg.mod import NAME` / `import pkg.mod as m` into files of this repository, as Python would find
 * them from the repository root, its `src/` folder, the ini's folder or the ini's `prepend_sys_path`. Only one level:
 * the imported file's own imports are not followed. Each module is read (with the same checks as revision files)
 * and evaluated once.
 */
function moduleLookup(base, realBase, location, reader) {
    const roots = [base, external_node_path_.join(base, 'src')];
    if (location.iniPath)
        roots.push(external_node_path_.dirname(location.iniPath));
    for (const extra of location.sysPath ?? [])
        roots.push(extra);
    const cache = new Map();
    return (dotted) => {
        const cached = cache.get(dotted);
        if (cached !== undefined)
            return cached;
        let result = null;
        if (/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(dotted)) {
            const parts = dotted.split('.');
            for (const r of [...new Set(roots)]) {
                const candidates = [`${external_node_path_.join(r, ...parts)}.py`, external_node_path_.join(r, ...parts, '__init__.py')];
                const found = candidates.find((c) => isRegularFile(c));
                if (!found)
                    continue;
                const rel = relative(base, found);
                if (!inside(realBase, realOrSelf(found))) {
                    result = { missing: `module ${dotted} (${found}) is outside the repository` };
                    break;
                }
                const bytes = reader.read(found);
                const decoded = typeof bytes === 'string' ? { error: bytes } : decodePythonSource(bytes);
                if ('error' in decoded) {
                    result = { missing: `module ${dotted} (${rel}) ${decoded.error}` };
                    break;
                }
                const bindings = evaluateModule(decoded.src.toString('utf8'), null).bindings;
                result = { bindings };
                break;
            }
        }
        cache.set(dotted, result);
        return result;
    };
}
function isRegularFile(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function relative(base, abs) {
    const rel = external_node_path_.relative(base, abs);
    return external_node_path_.sep === '/' ? rel : rel.split(external_node_path_.sep).join('/');
}
function load_fail(message) {
    throw new Error(`Could not read migrations: ${message}`);
}
/** Revision files in Alembic's sense (`*.py`, not `.#*` nor `__init__*`), sorted by path for stable output. */
function listRevisionFiles(base, location, findings) {
    return findRevisionFiles(base, location, findings, realOrSelf(base)).map((f) => ({
        abs: f.target ?? `${f.dir}${path.sep}${f.name}`,
        rel: f.rel,
        name: f.name,
    }));
}
function findRevisionFiles(base, location, findings, realBase) {
    const existing = location.versionLocations.filter((dir) => (0,external_node_fs_.existsSync)(dir));
    if (existing.length === 0) {
        const shown = location.versionLocations.map((d) => `"${relative(base, d) || '.'}"`).join(', ');
        load_fail(`versions folder ${shown} not found${location.iniPath ? ` (from "${location.iniPath}")` : ''}`);
    }
    const seenDirs = new Set();
    const out = [];
    for (const top of existing) {
        const dirs = [top];
        while (dirs.length > 0) {
            const dir = dirs.pop();
            let real;
            try {
                real = (0,external_node_fs_.realpathSync)(dir);
            }
            catch {
                real = dir;
            }
            // Alembic warns and ignores a file reached twice through overlapping version_locations.
            if (seenDirs.has(real))
                continue;
            seenDirs.add(real);
            let entries;
            try {
                entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
            }
            catch (error) {
                load_fail(`cannot list "${relative(base, dir)}": ${error.message}`);
            }
            // Only sourceless trees need the folder's names as a set.
            const names = location.sourceless ? new Set(entries.map((e) => e.name)) : new Set();
            const relDir = relative(base, dir);
            const relPrefix = relDir === '' ? '' : `${relDir}/`;
            for (const entry of entries) {
                const name = entry.name;
                if (entry.isDirectory() || (entry.isSymbolicLink() && isDir(`${dir}${external_node_path_.sep}${name}`))) {
                    const abs = `${dir}${external_node_path_.sep}${name}`;
                    const walks = location.recursive && name !== '__pycache__';
                    if (walks && entry.isSymbolicLink() && !inside(realBase, realOrSelf(abs))) {
                        findings.push(unreadable(relPrefix + name, `it is a link to ${realOrSelf(abs)}, outside the repository`));
                    }
                    else if (walks)
                        dirs.push(abs);
                    else if (location.sourceless && name === '__pycache__')
                        compiledOnly(base, abs, names, findings);
                    continue;
                }
                if (name.startsWith('.#') || name.startsWith('__init__'))
                    continue;
                if (name.endsWith('.py')) {
                    const rel = relPrefix + name;
                    // Only regular files inside the repository are read: a link to /dev/zero or /etc/shadow, a FIFO or a
                    // device named *.py is a finding, never an endless or foreign read.
                    if (entry.isFile())
                        out.push({ dir, prefix: relPrefix, rel, name });
                    else if (entry.isSymbolicLink()) {
                        const target = checkedLinkTarget(`${dir}${external_node_path_.sep}${name}`, realBase);
                        if ('why' in target)
                            findings.push(unreadable(rel, target.why));
                        else
                            out.push({ dir, prefix: relPrefix, rel, name, target: target.real });
                    }
                    else
                        findings.push(unreadable(rel, 'it is not a regular file'));
                }
                else if (location.sourceless && /\.py[co]$/.test(name) && !names.has(name.slice(0, -1))) {
                    compiledFinding(base, `${dir}${external_node_path_.sep}${name}`, findings);
                }
            }
        }
    }
    if (out.length === 0 && findings.length === 0) {
        const shown = existing.map((d) => `"${relative(base, d) || '.'}"`).join(', ');
        load_fail(`no revision files (*.py) in ${shown}`);
    }
    // Same folder (the usual case): compare names, so the joined paths are never flattened just to be sorted.
    return out.sort((a, b) => (a.prefix === b.prefix ? byString(a.name, b.name) : byString(a.rel, b.rel)));
}
/** The real path of a link when it is a regular file inside the repository, or why it is not read. */
function checkedLinkTarget(link, realBase) {
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(link);
    }
    catch (error) {
        return { why: `it is a link that cannot be resolved (${error.code ?? 'error'})` };
    }
    if (!inside(realBase, real))
        return { why: `it is a link to ${real}, outside the repository` };
    if (!isRegularFile(real))
        return { why: `it is a link to ${real}, which is not a regular file` };
    return { real };
}
function byString(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function isDir(p) {
    try {
        return (0,external_node_fs_.readdirSync)(p) !== undefined;
    }
    catch {
        return false;
    }
}
function compiledOnly(base, cacheDir, sourceNames, findings) {
    const stems = new Set([...sourceNames].map((n) => n.split('.')[0]));
    for (const name of (0,external_node_fs_.readdirSync)(cacheDir)) {
        if (!stems.has(name.split('.')[0]) && /\.py[co]$/.test(name))
            compiledFinding(base, external_node_path_.join(cacheDir, name), findings);
    }
}
function compiledFinding(base, abs, findings) {
    const file = relative(base, abs);
    findings.push({
        severity: 'error',
        kind: 'unparseable-revision-file',
        message: `${file} is a compiled revision (sourceless = true) without its .py source; it cannot be read without Python`,
        file,
        line: 1,
    });
}
/** Reads whole files into one growing buffer; the returned view is valid until the next read. A string is the
 *  reason a file was not read (it cannot be opened, it is larger than MAX_FILE_BYTES, or reading failed). */
class FileReader {
    buffer = Buffer.allocUnsafe(64 * 1024);
    read(p) {
        let fd;
        try {
            // O_NOFOLLOW: a file swapped for a link after listing is refused; O_NONBLOCK: a FIFO never blocks the open.
            fd = (0,external_node_fs_.openSync)(p, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
        }
        catch (error) {
            return `it cannot be opened (${describeError(error)})`;
        }
        try {
            let length = 0;
            while (true) {
                if (length === this.buffer.length) {
                    if (length > MAX_FILE_BYTES)
                        return `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
                    const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, MAX_FILE_BYTES + 1));
                    this.buffer.copy(bigger, 0, 0, length);
                    this.buffer = bigger;
                }
                const room = this.buffer.length - length;
                const got = (0,external_node_fs_.readSync)(fd, this.buffer, length, room, null);
                length += got;
                // A regular file gives a short read only at its end: stop there rather than pay a syscall to see 0.
                if (got < room)
                    break;
            }
            if (length > MAX_FILE_BYTES)
                return `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
            return this.buffer.subarray(0, length);
        }
        catch (error) {
            return `reading it failed (${describeError(error)})`;
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}
function describeError(error) {
    const code = error.code;
    return code ?? error.message;
}


/***/ })

};
