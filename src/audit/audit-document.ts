// The audit pack as a presentation document: the same Markdown (job summary), plain text (alert) and printable HTML
// renderers as the nightly report, so the pack reads and prints like the reports it covers.
import {
  absent,
  code,
  type Document,
  link,
  section,
  strong,
  type Text,
  table,
} from '../report/presentation/document.js';
import type { AuditPack } from './audit-model.js';

const STATE: Record<AuditPack['result'], Document['state']> = {
  complete: 'synced',
  incomplete: 'drift',
  tampered: 'error',
  error: 'error',
  'not-started': 'drift',
  empty: 'drift',
};

const RESULT_TEXT: Record<AuditPack['result'], string> = {
  complete: 'complete and intact',
  incomplete: 'incomplete: gaps or open incidents',
  tampered: 'evidence altered, deleted or forged',
  error: 'the store could not be read completely, so the evidence cannot be judged',
  'not-started': 'not started: no scheduled run has come due yet, so nothing is proven',
  empty: 'empty: the schedule has no run in this period, so nothing is proven',
};

/** The headline sentence of a pack no independent witness backs. */
export const UNANCHORED =
  'unanchored: no witness independent of the store (Object Lock, object versions, run history) was available, so this audit cannot prove that no report was deleted or rewritten by someone with write access to the store';

const plain = (value: string | null | undefined): Text => (value ? [value] : [absent()]);

/** The pack's document; `location`, when given, is where the pack itself was stored. */
export function auditDocument(pack: AuditPack, options: { location?: string } = {}): Document {
  const c = pack.counts;
  return {
    title: `Schema drift audit of ${pack.environment}, ${pack.period.label}: ${RESULT_TEXT[pack.result]}${pack.anchored ? '' : ' (unanchored)'}`,
    state: STATE[pack.result],
    badge: pack.result,
    facts: [
      { label: 'Environment', value: [pack.environment] },
      { label: 'Period', value: [`${pack.period.label}, UTC`] },
      { label: 'Evidence store', value: [code(pack.store)] },
      { label: 'Schedule', value: [code(pack.schedule), `, reports due within ${pack.tolerance_minutes} min`] },
      {
        label: 'Scheduled runs with a report',
        value: [strong(`${c.runs_found} of ${c.scheduled_runs}`), ` (${c.gaps} missing)`],
      },
      { label: 'Reports', value: [`${c.reports}: ${c.synced} synced, ${c.drift} drift, ${c.error} error`] },
      { label: 'Incidents', value: [`${c.incidents} (${c.open_incidents} open)`] },
      { label: 'Signatures', value: [pack.signatures_checked ? 'checked against the public key' : 'not checked'] },
      {
        label: 'Independent witnesses',
        value: [
          [
            pack.witnesses.signatures ? 'signatures' : '',
            pack.witnesses.object_lock ? 'Object Lock' : '',
            pack.witnesses.object_versions ? 'object versions' : '',
            pack.witnesses.run_history ? 'run history' : '',
          ]
            .filter(Boolean)
            .join(', ') || 'none',
        ],
      },
      ...(options.location ? [{ label: 'Audit pack', value: [code(options.location)] }] : []),
    ],
    sections: [
      section(
        'what-to-do',
        'What to do',
        [
          ...(pack.anchored ? [] : [{ type: 'paragraph' as const, text: [strong(`This pack is ${UNANCHORED}.`)] }]),
          { type: 'list' as const, items: pack.actions.map((a) => [a]) },
        ],
        {
          lead: true,
          mark:
            pack.result === 'tampered' || pack.result === 'error'
              ? 'error'
              : pack.result === 'complete'
                ? undefined
                : 'warning',
        },
      ),
      section('findings', 'Findings', [
        pack.issues.length === 0
          ? { type: 'paragraph', text: ['None: every report of the period is present, intact and chained.'] }
          : table(
              [{ title: 'Kind' }, { title: 'Class' }, { title: 'What' }],
              pack.issues.map((i) => [[code(i.kind)], [i.class], [i.message]]),
            ),
      ]),
      section('incidents', 'Drift incidents', [
        pack.incidents.length === 0
          ? { type: 'paragraph', text: ['No drift in the period.'] }
          : table(
              [
                { title: 'Started' },
                { title: 'Resolved' },
                { title: 'Hours', align: 'right' },
                { title: 'What drifted' },
                { title: 'Runs' },
                { title: 'Commits' },
              ],
              pack.incidents.map((i) => [
                [i.started_at],
                i.resolved_at ? [i.resolved_at] : [strong('open')],
                i.duration_hours === null ? [] : [String(i.duration_hours)],
                [i.what.join('; ')],
                [i.runs.join(', ')],
                i.commits.flatMap((sha, n) => (n === 0 ? [code(sha, { short: 12 })] : [' ', code(sha, { short: 12 })])),
              ]),
            ),
      ]),
      section('errors', 'Nights that could not decide', [
        pack.errors.length === 0
          ? { type: 'paragraph', text: ['None.'] }
          : table(
              [{ title: 'When' }, { title: 'Stage' }, { title: 'Cause' }],
              pack.errors.map((e) => [[e.at], [e.stage], [e.message]]),
            ),
      ]),
      section('ignore-rules', 'Ignore rules in force', [
        pack.ignore_rules.length === 0
          ? { type: 'paragraph', text: ['None.'] }
          : table(
              [
                { title: 'Object' },
                { title: 'Kind' },
                { title: 'Reason' },
                { title: 'Expires' },
                { title: 'Reports', align: 'right' },
              ],
              pack.ignore_rules.map((r) => [
                [code(r.object)],
                [r.kind],
                [r.reason],
                plain(r.expires),
                [String(r.reports)],
              ]),
            ),
      ]),
      section(
        'controls',
        'What this evidence supports',
        pack.result === 'complete'
          ? [
              {
                type: 'paragraph',
                text: ['These records support the controls below: evidence for an assessor, not a certification.'],
              },
              table(
                [{ title: 'Framework' }, { title: 'Control' }, { title: 'Supported by' }],
                pack.controls.map((k) => [[k.framework], [k.control], [k.supports]]),
              ),
            ]
          : [
              {
                type: 'paragraph',
                text: [
                  `Nothing can be claimed from this pack: it is ${RESULT_TEXT[pack.result]}. Only a complete pack supports controls; do what is listed above first.`,
                ],
              },
            ],
      ),
      section('tampered', 'Reports whose evidence is lost', [
        pack.tampered_reports.length === 0
          ? { type: 'paragraph', text: ['None.'] }
          : table(
              [{ title: 'Report' }, { title: 'State' }, { title: 'Why' }],
              pack.tampered_reports.map((t) => [[code(t.key)], [t.state], [t.why]]),
            ),
      ]),
      section('reports', 'Every report covered', [
        table(
          [
            { title: 'Timestamp' },
            { title: 'Status' },
            { title: 'State' },
            { title: 'Run' },
            { title: 'Place' },
            { title: 'Signature' },
            { title: 'sha256' },
          ],
          pack.reports.map((r) => [
            [r.timestamp],
            [r.status],
            plain(r.state),
            r.run_url.startsWith('https://') ? [link(r.run_id, r.run_url)] : plain(r.run_id),
            [r.place],
            r.signature ? [r.signature] : [],
            [code(r.sha256)],
          ]),
        ),
      ]),
    ],
    footer: [
      { label: 'Generated', value: [`${pack.generated_at} by schema-drift ${pack.tool_version}`] },
      { label: 'Pack sha256', value: [code(pack.pack_sha256)] },
    ],
  };
}
