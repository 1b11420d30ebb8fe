// The audit pack as a printable, self-contained HTML page and as a CSV timeline; pure functions of the pack.
import { renderHtml } from '../report/html.js';
import { auditDocument } from './audit-document.js';
import type { AuditPack } from './audit-model.js';

/** A page meant to be printed and filed: the presentation document's HTML, like every report's. */
export function renderAuditHtml(pack: AuditPack, options: { location?: string } = {}): string {
  return renderHtml(auditDocument(pack, options));
}

const csvCell = (value: string) =>
  /[",\n\r]/.test(value) || /^[=+\-@]/.test(value)
    ? `"${value.replace(/^([=+\-@])/, "'$1").replaceAll('"', '""')}"`
    : value;

/** One line per report of the period, oldest first (a leading = + - @ is quoted so spreadsheets show, not run, it). */
export function renderAuditCsv(pack: AuditPack): string {
  const header = ['timestamp', 'status', 'state', 'summary', 'place', 'run_id', 'commit', 'key', 'sha256'];
  const lines = pack.reports.map((r) =>
    [r.timestamp, r.status, r.state ?? '', r.summary, r.place, r.run_id, r.sha, r.key, r.sha256].map(csvCell).join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
