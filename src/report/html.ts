// A self-contained HTML rendering of the report, stored beside the JSON as human-readable evidence: inline CSS, no
// scripts, no external assets, every value from the repository or the database escaped.
import type { StructureDifference } from '../drift/structure.js';
import type { Finding } from '../migrations/finding.js';
import type { Report } from './model.js';
import { bySeverity, errorMeaning, headline, whatToDo } from './text.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa}code,pre{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace}pre{white-space:pre-wrap;margin:0}
.badge{display:inline-block;border-radius:1rem;padding:.1rem .7rem;color:#fff;font-weight:600}
.synced{background:#1a7f37}.drift{background:#bf8700}.error{background:#cf222e}
.security{color:#cf222e;font-weight:600}.breaking{color:#bc4c00;font-weight:600}.cosmetic{color:#57606a}
footer{margin-top:2rem;color:#57606a;font-size:12px}`;

const cell = (value: unknown) => `<td>${escapeHtml(value)}</td>`;
const codeCell = (value: unknown) => `<td><code>${escapeHtml(value)}</code></td>`;
const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value));

function factsTable(report: Report): string {
  const rows: [string, string, boolean][] = [
    ['Status', `${report.status}${report.version ? ` (${report.version.state})` : ''}`, false],
    ['Environment', report.environment, true],
    ['Codebase head', report.codebase_head ?? '—', true],
    ['Production version', report.production_version ?? '—', true],
    ['Database', report.source.database, true],
    ['Migrations', `${report.source.migrations} (${report.source.revisions} revisions)`, true],
    ['Checked at', report.timestamp, false],
    ['Fingerprint', report.fingerprint, true],
  ];
  return `<table>${rows.map(([k, v, c]) => `<tr><th>${escapeHtml(k)}</th>${c ? codeCell(v) : cell(v)}</tr>`).join('')}</table>`;
}

function pendingSection(report: Report): string {
  const pending = report.version?.pending ?? [];
  if (pending.length === 0) return '';
  const rows = pending
    .map(
      (p, i) =>
        `<tr>${cell(i + 1)}${codeCell(p.revision)}${cell(p.message)}${codeCell(`${p.file}:${p.line}`)}${cell(
          p.within_grace ? `${p.added_at} (within grace)` : (p.added_at ?? 'unknown'),
        )}</tr>`,
    )
    .join('');
  return `<h2>Pending migrations (${pending.length}, in apply order)</h2><table><tr><th>#</th><th>Revision</th><th>Message</th><th>File</th><th>Added</th></tr>${rows}</table>`;
}

function differenceRows(differences: readonly StructureDifference[]): string {
  return differences
    .map(
      (d) =>
        `<tr><td class="${escapeHtml(d.severity)}">${escapeHtml(d.severity)}</td>${cell(d.change)}${cell(d.kind)}${codeCell(
          d.object,
        )}${codeCell(d.attribute ?? '—')}${codeCell(shown(d.expected))}${codeCell(shown(d.actual))}${cell(d.safety)}<td>${
          d.possible_rename
            ? `possibly renamed: in the database as <code>${escapeHtml(d.possible_rename)}</code><br>`
            : ''
        }<pre>${escapeHtml(d.fix_sql)}</pre></td></tr>`,
    )
    .join('');
}

function structureSection(report: Report): string {
  const s = report.structure;
  if (!s) return '';
  const head =
    '<tr><th>Severity</th><th>Change</th><th>Kind</th><th>Object</th><th>Attribute</th><th>Expected</th><th>Actual</th><th>Fix-up safety</th><th>Fix-up SQL</th></tr>';
  const parts = [
    `<h2>Structure: ${escapeHtml(s.state)}</h2>`,
    `<p>${escapeHtml(s.summary)} — expected from <b>${escapeHtml(s.expected_source)}</b>${
      s.expected_location ? ` <code>${escapeHtml(s.expected_location)}</code>` : ''
    }.</p>`,
  ];
  if (s.differences.length) parts.push(`<table>${head}${differenceRows(s.differences)}</table>`);
  if (s.notices.length) parts.push(`<h3>Notices</h3><table>${head}${differenceRows(s.notices)}</table>`);
  if (s.ignored.length) {
    parts.push(
      `<h3>Ignored by rules (${s.ignored.length})</h3><table><tr><th>Kind</th><th>Object</th><th>Reason</th><th>Expires</th></tr>${s.ignored
        .map((i) => `<tr>${cell(i.kind)}${codeCell(i.object)}${cell(i.reason)}${cell(i.expires ?? '—')}</tr>`)
        .join('')}</table>`,
    );
  }
  return parts.join('\n');
}

function findingsSection(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const rows = bySeverity(findings)
    .map(
      (f) =>
        `<tr>${cell(f.severity)}${cell(f.kind)}${cell(f.message)}${codeCell(f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '—')}</tr>`,
    )
    .join('');
  return `<h2>Findings (${findings.length})</h2><table><tr><th>Severity</th><th>Kind</th><th>Message</th><th>Where</th></tr>${rows}</table>`;
}

/** The whole report as one HTML document. */
export function renderHtml(report: Report): string {
  const runLink = /^https?:\/\//.test(report.run.run_url)
    ? `<a href="${escapeHtml(report.run.run_url)}">${escapeHtml(report.run.run_url)}</a>`
    : escapeHtml(report.run.trigger);
  const unknown = report.version?.unknown.length
    ? `<h2>Revisions the repository lacks</h2><ul>${report.version.unknown.map((u) => `<li><code>${escapeHtml(u)}</code></li>`).join('')}</ul>`
    : '';
  const error = report.error
    ? `<h2>Error</h2><p><b>${escapeHtml(report.error.stage)}</b>: ${escapeHtml(report.error.message)}</p><p>${escapeHtml(errorMeaning(report.error.stage))}</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`schema-drift: ${headline(report)}`)}</title><style>${STYLE}</style></head>
<body>
<h1><span class="badge ${escapeHtml(report.status)}">${escapeHtml(report.status)}</span> ${escapeHtml(headline(report))}</h1>
${factsTable(report)}
${error}
${pendingSection(report)}
${unknown}
${structureSection(report)}
${findingsSection(report.findings)}
<h2>What to do</h2><ul>${whatToDo(report)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('')}</ul>
<footer>Run: ${runLink} · ${escapeHtml(report.run.tool_version ? `schema-drift-action ${report.run.tool_version}` : '')}</footer>
</body></html>
`;
}
