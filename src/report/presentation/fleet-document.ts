// A fleet report as a presentation document: one table of every target, worst first, so the job summary, the stored
// Markdown/HTML and the alert's text say the same thing in the same order. The renderers cut the table to fit their
// size limits and say how many rows they left out.
import type { FleetReport, FleetTargetSummary } from '../../fleet/model.js';
import { clip } from '../limits.js';
import {
  absent,
  type Block,
  code,
  type Document,
  type Fact,
  type Inline,
  link,
  type Section,
  section,
  strong,
  type Text,
  table,
} from './document.js';
import { runFooter } from './report-document.js';
import { oneLine, plural } from './wording.js';

const SUMMARY_MAX_CHARS = 300;

export interface FleetDocumentOptions {
  /** The environment the fleet report is filed under (the step's `environment`). */
  environment: string;
  /** Where the fleet report itself was stored, for renderings sent elsewhere (the alert, the CLI). */
  reportLocation?: string;
  /** A link to a target's stored report (an https URL), when the store has one; the location is shown otherwise. */
  reportHref?: (target: FleetTargetSummary) => string | undefined;
}

/** "production fleet: 3 of 148 targets drifted, 1 error" — also the alert's base. */
export function fleetHeadline(fleet: FleetReport, environment: string): string {
  const { targets, drift, error } = fleet.totals;
  const problems = [
    drift > 0 ? `${drift} of ${targets} targets drifted` : '',
    error > 0 ? plural(error, 'target error', 'target errors') : '',
    fleet.errors.length > 0 ? plural(fleet.errors.length, 'fleet error') : '',
  ].filter(Boolean);
  let what: string;
  if (problems.length > 0) what = problems.join(', ');
  else if (targets === 0) what = 'no targets checked';
  else what = fleet.status === 'synced' ? `all ${plural(targets, 'target')} in sync` : fleet.status;
  return clip(`${oneLine(environment)} fleet: ${what}`, 200);
}

/** The fleet report as a document: headline, counts, fleet-level errors, then the targets table. */
export function fleetDocument(fleet: FleetReport, options: FleetDocumentOptions): Document {
  const sections: (Section | null)[] = [errorsSection(fleet), targetsSection(fleet, options)];
  return {
    title: fleetHeadline(fleet, options.environment),
    state: fleet.status,
    facts: facts(fleet),
    sections: sections.filter((s): s is Section => s !== null),
    footer: runFooter(fleet.run, fleet.fingerprint, { label: 'Fleet report', location: options.reportLocation }),
  };
}

function facts(fleet: FleetReport): Fact[] {
  const { targets, synced, drift, error } = fleet.totals;
  const out: Fact[] = [
    { label: 'Status', value: [strong(fleet.status)] },
    { label: 'Targets', value: [`${targets} (${synced} synced, ${drift} drift, ${error} error)`] },
    { label: 'Config', value: [code(fleet.config)] },
  ];
  if (fleet.shards !== null) {
    const { count, index, merged } = fleet.shards;
    out.push({
      label: 'Shards',
      value: [index === null ? `${merged.length} of ${count} merged` : `slice ${index} of ${count}`],
    });
  }
  out.push({ label: 'Checked at', value: [fleet.generated_at] });
  return out;
}

function errorsSection(fleet: FleetReport): Section | null {
  if (fleet.errors.length === 0) return null;
  const items = fleet.errors.map((e): Text => [strong(e.stage), ` ${clip(oneLine(e.message), 2000)}`]);
  return section('fleet-errors', `Fleet errors (${fleet.errors.length})`, [{ type: 'list', items }], {
    lead: true,
    mark: 'error',
  });
}

function targetsSection(fleet: FleetReport, options: FleetDocumentOptions): Section {
  const columns = [
    { title: 'Target' },
    { title: 'State' },
    { title: 'Head' },
    { title: 'Version' },
    { title: 'Pending', align: 'right' as const },
    { title: 'Structural differences', align: 'right' as const },
    { title: 'Report' },
    { title: 'Summary' },
  ];
  const rows = fleet.targets.map((t) => [
    [code(t.name)],
    [stateOf(t)],
    ids(t.codebase_heads),
    t.production_versions === null ? [absent('not read')] : ids(t.production_versions),
    [String(t.pending)],
    [t.structural_differences === null ? absent('not checked') : String(t.structural_differences)],
    reportCell(t, options),
    [clip(oneLine(t.error ? `${t.error.stage}: ${t.error.message}` : t.summary), SUMMARY_MAX_CHARS)],
  ]);
  const blocks: Block[] = [table(columns, rows)];
  return section('targets', `Targets (${fleet.targets.length}, worst first)`, blocks, { lead: true });
}

function stateOf(t: FleetTargetSummary): Inline {
  const state =
    t.version_state === null || t.version_state === t.status ? t.status : `${t.status} (${t.version_state})`;
  return t.status === 'synced' ? state : strong(state);
}

function reportCell(t: FleetTargetSummary, options: FleetDocumentOptions): Text {
  if (t.report_location === null) return [absent('not stored')];
  const href = options.reportHref?.(t);
  return href === undefined ? [code(t.report_location)] : [link('report', href)];
}

function ids(values: readonly string[]): Text {
  if (values.length === 0) return [absent()];
  return values.flatMap((id, i) => (i === 0 ? [code(id)] : [', ', code(id)]));
}
