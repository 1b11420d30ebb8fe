// Turns one revision file into a Revision the way Alembic's Script does, or into findings saying why Alembic
// would refuse it. Never throws on any content.
import type { Finding } from '../finding.js';
import type { Revision } from '../revision.js';
import { evaluateModule, type ModuleLookup, type Value } from './module-eval.js';
import { type Assignment, decodePythonSource, type Literal, type ModuleScan, scanModule } from './python-source.js';

export interface RevisionFileResult {
  revision: Revision | null;
  findings: Finding[];
}

// Alembic's legacy rule: a file without `revision` still counts when its name is a hex id.
const LEGACY_NAME = /^([a-f0-9]+)\.py$/;

/** Reads a revision file's bytes; `file` is the path shown in findings, `fileName` its base name. `lookup` follows
 *  imports into files of the repository (one level); without it imported names are unknown. */
export function readRevisionFile(
  bytes: Uint8Array,
  file: string,
  fileName: string,
  lookup: ModuleLookup | null = null,
): RevisionFileResult {
  const findings: Finding[] = [];
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
  if (scan.needsEvaluation) evaluate(scan, decoded.src, lookup);
  // Python stops at the first error it meets: one finding, at the earliest line.
  const first = scan.errors.reduce<ModuleScan['errors'][number] | null>(
    (a, b) => (a === null || b.line < a.line ? b : a),
    null,
  );
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
  let id: string;
  let line: number;
  if (!revisionAssignment) {
    const legacy = LEGACY_NAME.exec(fileName);
    if (!legacy?.[1]) return unparseable(findings, file, 'has no module-level `revision = "..."` assignment', 1);
    id = legacy[1];
    line = 1;
  } else {
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
  const unknownFields: string[] = [];
  const downRevisions = identifiers(down, 'down_revision', file, findings, 'error');
  const branchLabels = identifiers(scan.assignments.get('branch_labels'), 'branch_labels', file, findings, 'warning');
  const dependsOn = identifiers(scan.assignments.get('depends_on'), 'depends_on', file, findings, 'error');
  if (!downRevisions) unknownFields.push('down_revision');
  if (!branchLabels) unknownFields.push('branch_labels');
  if (!dependsOn) unknownFields.push('depends_on');

  const revision: Revision = {
    id,
    downRevisions: downRevisions ?? [],
    dependsOn: dependsOn ?? [],
    branchLabels: branchLabels ?? [],
    file,
    line,
    downLine: down.line,
    message: firstLine(scan.docstring),
  };
  if (unknownFields.length > 0) revision.unknownFields = unknownFields;
  return { revision, findings };
}

const WATCHED_FIELDS = ['revision', 'down_revision', 'branch_labels', 'depends_on'];

/** Replaces the scanner's view of the watched names by what running the module's top level would bind. */
function evaluate(scan: ModuleScan, src: Buffer, lookup: ModuleLookup | null): void {
  const result = evaluateModule(src.toString('utf8'), lookup);
  scan.assignments.clear();
  for (const name of WATCHED_FIELDS) {
    const binding = result.bindings.get(name);
    if (binding) scan.assignments.set(name, { value: asLiteral(binding.value), line: binding.line });
  }
  // The scanner's lexical errors are more precise; the parser adds the syntax errors it alone can see.
  if (scan.errors.length === 0) for (const error of result.errors) scan.errors.push(error);
}

function asLiteral(v: Value): Assignment['value'] {
  switch (v.kind) {
    case 'none':
    case 'str':
      return v;
    case 'seq': {
      for (const item of v.items) {
        const inner = asLiteral(item as Value);
        if (inner.kind === 'error') return inner;
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
function firstLine(docstring: string | null): string {
  const doc = docstring?.trim() ?? '';
  const newline = doc.indexOf('\n');
  const line = (newline === -1 ? doc : doc.slice(0, newline)).trim();
  // A slice of 13+ characters keeps the whole docstring alive in V8; joining first copies just the line, which
  // saves about 1.5 MB across 10,000 revisions (and with it a young-generation growth step).
  return line.length < 13 ? line : `${line} `.slice(0, -1);
}

// Module-level helpers rather than closures: this runs once per file, 10,000 times for a large history.
function unparseable(findings: Finding[], file: string, message: string, line: number): RevisionFileResult {
  findings.push({ severity: 'error', kind: 'unparseable-revision-file', message: `${file} ${message}`, file, line });
  return { revision: null, findings };
}

function describe(v: Assignment['value']): string {
  if (v.kind === 'error') return `something that is not a plain literal (${v.reason})`;
  if (v.kind === 'none') return 'None';
  if (v.kind === 'seq') return 'a sequence';
  return 'a string';
}

/**
 * The identifiers in a `down_revision` / `branch_labels` / `depends_on` value, following Alembic's `to_tuple` and
 * `tuple_rev_as_scalar`: None, '' and () mean none. Null (with a finding) when the value is not usable.
 */
function identifiers(
  assignment: Assignment | undefined,
  name: string,
  file: string,
  findings: Finding[],
  severity: Finding['severity'],
): string[] | null {
  if (!assignment) return [];
  const v = assignment.value;
  if (v.kind === 'error') return badValue(findings, file, name, assignment.line, describe(v), severity);
  if (v.kind === 'none') return [];
  if (v.kind === 'str') return v.value === '' ? [] : [v.value];
  const out: string[] = [];
  for (const item of v.items as Literal[]) {
    if (item.kind !== 'str') {
      return badValue(
        findings,
        file,
        name,
        assignment.line,
        `a sequence holding ${describe(item)}; every entry must be a string`,
        severity,
      );
    }
    if (!out.includes(item.value)) out.push(item.value);
  }
  // An array grown by push keeps room for 16 more entries; the exact-size copy is what stays in the graph.
  return out.slice();
}

function badValue(
  findings: Finding[],
  file: string,
  name: string,
  line: number,
  why: string,
  severity: Finding['severity'],
): null {
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
