// A single-target report as a presentation document: the one walk over the report that every rendering shares.
import type { AttrValue } from '../../catalog/model.js';
import { SEVERITIES, type StructureDifference } from '../../drift/structure.js';
import type { Finding, Severity } from '../../migrations/finding.js';
import { clip } from '../limits.js';
import type { PendingRevision, Report, RunInfo, StructureSection, VersionSection } from '../model.js';
import {
  absent,
  type Block,
  type Comparison,
  code,
  type Document,
  type Fact,
  type Inline,
  link,
  prose,
  type Section,
  section,
  strong,
  type Text,
  table,
} from './document.js';
import {
  attrText,
  bySeverity,
  errorMeaning,
  headline,
  plural,
  STRUCTURE_SEVERITY_TITLES,
  statsText,
  structureBySeverity,
  structureStateExplanation,
  whatToDo,
} from './wording.js';

const ERROR_MAX_CHARS = 4000;
/** Hashes are shown by their first characters where room is tight; plain text and the JSON carry them whole. */
const HASH_SHORT = 12;
const FINDING_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', notice: 'Notices' };

export interface ReportDocumentOptions {
  /** Where the stored report can be found (S3 key or file), for renderings sent elsewhere (email, CLI). */
  reportLocation?: string;
}

/** The report as a document: headline, facts, then error, advice and the details, then where it came from. */
export function reportDocument(report: Report, options: ReportDocumentOptions = {}): Document {
  const v = report.version;
  const s = report.structure;
  const sections: (Section | null)[] = [
    errorSection(report),
    section(
      'what-to-do',
      'What to do',
      whatToDo(report).map((line) => ({ type: 'paragraph', text: prose(line) })),
      { lead: true },
    ),
    v === null ? null : pendingSection(v),
    v === null ? null : unknownSection(v),
    s === null ? null : structureSection(s),
    findingsSection(report.findings),
  ];
  return {
    title: headline(report),
    state: report.status,
    facts: facts(report),
    sections: sections.filter((x): x is Section => x !== null),
    footer: runFooter(report.run, report.fingerprint, { label: 'Report', location: options.reportLocation }),
  };
}

function facts(report: Report): Fact[] {
  const v = report.version;
  const s = report.structure;
  const states = [v?.state, s === null ? undefined : `structure ${s.state}`].filter((x) => x !== undefined);
  const out: Fact[] = [
    { label: 'Status', value: [strong(report.status), ...(states.length > 0 ? [` (${states.join(', ')})`] : [])] },
    { label: 'Environment', value: [code(report.environment)] },
    { label: 'Codebase head', value: ids(report.codebase_head) },
    { label: 'Production version', value: ids(report.production_version) },
    { label: 'Database', value: [code(report.source.database)] },
    {
      label: 'Migrations',
      value: [code(report.source.migrations), ` (${plural(report.source.revisions, 'revision')})`],
    },
  ];
  if (v !== null) {
    out.push({ label: 'Version table', value: [code(v.version_table)] });
    if (v.pending.length > 0) out.push({ label: 'Pending', value: [String(v.pending.length)] });
    if (v.unknown.length > 0) out.push({ label: 'Unknown', value: [String(v.unknown.length)] });
  }
  if (s !== null) out.push({ label: 'Structure', value: [s.summary] });
  out.push({ label: 'Checked at', value: [report.timestamp] });
  return out;
}

function errorSection(report: Report): Section | null {
  if (report.error === null) return null;
  const { stage, message } = report.error;
  return section(
    'error',
    'Error',
    [
      { type: 'paragraph', text: ['The ', strong(stage), ` stage failed: ${errorMeaning(stage)}.`] },
      { type: 'quote', text: [clip(message, ERROR_MAX_CHARS)] },
    ],
    { lead: true, mark: 'error' },
  );
}

function pendingSection(v: VersionSection): Section | null {
  if (v.pending.length === 0) return null;
  // When-added is read only with pending-grace on; without it every row would say "unknown", so the column goes.
  const addedKnown = v.pending.some((p) => p.added_at !== null || p.within_grace);
  const rows = v.pending.map((p) => [
    [code(p.revision)],
    [p.message],
    [code(`${p.file}:${p.line}`)],
    addedKnown ? [added(p)] : [],
  ]);
  const columns = [{ title: 'Revision' }, { title: 'Message' }, { title: 'File' }, { title: 'Added' }];
  return section('pending', `Pending migrations (${v.pending.length}, in apply order)`, [
    table(columns, rows, { numbered: true }),
  ]);
}

function added(p: PendingRevision): string {
  const at = p.added_at ?? '';
  if (!p.within_grace) return at || 'unknown';
  return at === '' ? 'within grace' : `${at} (within grace)`;
}

function unknownSection(v: VersionSection): Section | null {
  if (v.unknown.length === 0) return null;
  return section('unknown', `Unknown revisions (${v.unknown.length}: in the database, not in the repository)`, [
    { type: 'list', items: v.unknown.map((id) => [code(id)]) },
  ]);
}

function structureSection(s: StructureSection): Section {
  const explanation = structureStateExplanation(s);
  return section('structure', `Structure: ${s.state}`, [
    { type: 'paragraph', text: structureSource(s) },
    explanation === null ? null : { type: 'paragraph', text: [explanation] },
    ...differenceGroups(s.differences),
    noticesSection(s),
    ignoredSection(s),
  ]);
}

/** "Expected from reference postgres://… · fingerprints: expected …, actual … · catalog read in …." */
function structureSource(s: StructureSection): Text {
  const about: Inline[] = [
    'Expected from ',
    strong(s.expected_source),
    ...(s.expected_location === null ? [] : [' ', code(s.expected_location)]),
  ];
  if (s.expected_fingerprint !== null || s.actual_fingerprint !== null) {
    about.push(' · fingerprints: expected ', hash(s.expected_fingerprint), ', actual ', hash(s.actual_fingerprint));
  }
  if (s.stats !== null) about.push(` · catalog read in ${statsText(s.stats)}`);
  about.push('.');
  return about;
}

/** One sub-section per severity that has differences, security first. */
function differenceGroups(differences: readonly StructureDifference[]): (Section | null)[] {
  const ordered = structureBySeverity(differences);
  return SEVERITIES.map((severity) => {
    const items = ordered.filter((d) => d.severity === severity);
    if (items.length === 0) return null;
    return section(
      `structure-${severity}`,
      `${STRUCTURE_SEVERITY_TITLES[severity]} (${items.length})`,
      [{ type: 'comparisons', items: items.map((d) => comparison(d, true)) }],
      { mark: severity },
    );
  });
}

function noticesSection(s: StructureSection): Section | null {
  if (s.notices.length === 0) return null;
  return section('structure-notices', `Notices (${s.notices.length}, not drift)`, [
    { type: 'comparisons', items: s.notices.map((d) => comparison(d, false)) },
  ]);
}

function ignoredSection(s: StructureSection): Section | null {
  if (s.ignored.length === 0) return null;
  const items = s.ignored.map(
    (i): Text => [
      `${i.kind} `,
      code(i.object),
      ...(i.attribute === null ? [] : [', attribute ', code(i.attribute)]),
      `: ${i.reason} (${i.expires === null ? 'no expiry' : `expires ${i.expires}`})`,
    ],
  );
  return section('structure-ignored', `Ignored by rules (${s.ignored.length})`, [{ type: 'list', items }]);
}

function comparison(d: StructureDifference, withFix: boolean): Comparison {
  return {
    mark: d.severity,
    title: [
      `${d.change} ${d.kind} `,
      code(d.object),
      ...(d.attribute === null ? [] : [', attribute ', code(d.attribute)]),
      ...(d.possible_rename || d.possible_move
        ? [
            ` (possibly ${d.possible_rename && d.possible_move ? 'renamed and moved' : d.possible_move ? 'moved' : 'renamed'}: in the database as `,
            code(d.possible_rename ?? d.possible_move ?? ''),
            ')',
          ]
        : []),
      // Whether running the fix-up blocks writes or would lose data (then it is commented out), in every format.
      ...(withFix ? [`; fix-up ${d.safety}`] : []),
    ],
    expected: attr(d.expected),
    actual: attr(d.actual),
    code: withFix ? d.fix_sql : null,
  };
}

function attr(value: AttrValue): Text {
  const text = attrText(value);
  return text === null ? [absent()] : [code(text)];
}

function findingsSection(findings: readonly Finding[]): Section | null {
  if (findings.length === 0) return null;
  const ordered = bySeverity(findings);
  const severities = [...new Set(ordered.map((f) => f.severity))];
  const blocks: Block[] = severities.map((severity) => {
    const items = ordered.filter((f) => f.severity === severity);
    return section(
      `findings-${severity}`,
      `${FINDING_TITLES[severity] ?? severity} (${items.length})`,
      [{ type: 'list', items: items.map(findingText) }],
      { mark: severity },
    );
  });
  return section('findings', `Findings (${findings.length})`, blocks);
}

function findingText(f: Finding): Text {
  const where = f.file === undefined ? [] : [' — ', code(f.line === undefined ? f.file : `${f.file}:${f.line}`)];
  return [strong(f.kind), ` ${f.message}`, ...where];
}

/** The footer of a run's document: run link, where it is stored (`label`), commit, trigger, tool and fingerprint. */
export function runFooter(
  run: RunInfo,
  fingerprint: string,
  stored: { label: string; location: string | undefined },
): Fact[] {
  const out: Fact[] = [];
  if (run.run_url !== '')
    out.push({ label: '', value: [link(run.run_id === '' ? 'Run' : `Run ${run.run_id}`, run.run_url)] });
  if (stored.location !== undefined) out.push({ label: stored.label, value: [code(stored.location)] });
  if (run.sha !== '') out.push({ label: 'Commit', value: [code(run.sha, { short: HASH_SHORT })] });
  out.push({ label: 'Trigger', value: [code(run.trigger)] });
  if (run.tool_version !== '') out.push({ label: '', value: [`schema-drift-action ${run.tool_version}`] });
  out.push({ label: 'Fingerprint', value: [code(fingerprint, { short: HASH_SHORT })] });
  return out;
}

function hash(value: string | null): Inline {
  return value === null ? absent() : code(value, { short: HASH_SHORT });
}

function ids(joined: string | null): Text {
  if (joined === null) return [absent()];
  return joined.split(',').flatMap((id, i) => (i === 0 ? [code(id)] : [', ', code(id)]));
}
