// The audit pack as a printable, self-contained HTML page and as a CSV timeline; pure functions of the pack.
import { escapeHtml } from '../report/html.js';
import type { AuditPack } from './audit-model.js';

const RESULT_TEXT: Record<AuditPack['result'], string> = {
  complete: 'Complete and intact',
  incomplete: 'Incomplete: gaps or open incidents',
  tampered: 'Evidence altered or unreadable',
};

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** A page meant to be printed and filed: every fact of the pack, the digest of every report it covers. */
export function renderAuditHtml(pack: AuditPack): string {
  const c = pack.counts;
  const facts: [string, string][] = [
    ['Environment', escapeHtml(pack.environment)],
    ['Period', `${escapeHtml(pack.period.label)}, UTC`],
    ['Evidence store', code(pack.store)],
    ['Schedule', `${code(pack.schedule)}, tolerance ${pack.tolerance_minutes} min`],
    ['Scheduled runs with a report', `${c.runs_found} of ${c.scheduled_runs} (${c.gaps} missing)`],
    ['Reports', `${c.reports}: ${c.synced} synced, ${c.drift} drift, ${c.error} error`],
    ['Incidents', `${c.incidents} (${c.open_incidents} open)`],
    ['Generated', `${escapeHtml(pack.generated_at)} by schema-drift ${escapeHtml(pack.tool_version)}`],
    ['Pack sha256', code(pack.pack_sha256)],
  ];
  const sections = [
    `<section><h2>Findings</h2>${table(
      ['Kind', 'Class', 'What'],
      pack.issues.map((i) => [
        escapeHtml(i.kind),
        `<span class="${i.class}">${escapeHtml(i.class)}</span>`,
        escapeHtml(i.message),
      ]),
    )}</section>`,
    `<section><h2>Drift incidents</h2>${table(
      ['Started', 'Resolved', 'Hours', 'What drifted', 'Runs', 'Commits'],
      pack.incidents.map((i) => [
        escapeHtml(i.started_at),
        i.resolved_at ? escapeHtml(i.resolved_at) : '<strong class="tampered">open</strong>',
        i.duration_hours === null ? '' : String(i.duration_hours),
        escapeHtml(i.what.join('; ')),
        escapeHtml(i.runs.join(', ')),
        i.commits.map((s) => code(s.slice(0, 12))).join(' '),
      ]),
    )}</section>`,
    `<section><h2>Nights that could not decide</h2>${table(
      ['When', 'Stage', 'Cause'],
      pack.errors.map((e) => [escapeHtml(e.at), escapeHtml(e.stage), escapeHtml(e.message)]),
    )}</section>`,
    `<section><h2>Ignore rules in force</h2>${table(
      ['Object', 'Kind', 'Reason', 'Expires', 'Reports'],
      pack.ignore_rules.map((r) => [
        code(r.object),
        escapeHtml(r.kind),
        escapeHtml(r.reason),
        escapeHtml(r.expires ?? 'never'),
        String(r.reports),
      ]),
    )}</section>`,
    `<section><h2>What this evidence supports</h2><p>These records support the controls below; they are evidence for an assessor, not a certification.</p>${table(
      ['Framework', 'Control', 'Supported by'],
      pack.controls.map((k) => [escapeHtml(k.framework), escapeHtml(k.control), escapeHtml(k.supports)]),
    )}</section>`,
    `<section><h2>Every report covered</h2>${table(
      ['Timestamp', 'Status', 'State', 'Run', 'Place', 'sha256'],
      pack.reports.map((r) => [
        escapeHtml(r.timestamp),
        escapeHtml(r.status),
        escapeHtml(r.state ?? ''),
        r.run_url ? `<a href="${escapeHtml(r.run_url)}">${escapeHtml(r.run_id)}</a>` : escapeHtml(r.run_id),
        escapeHtml(r.place),
        `<code class="digest">${escapeHtml(r.sha256)}</code>`,
      ]),
    )}</section>`,
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Schema drift audit — ${escapeHtml(pack.environment)} — ${escapeHtml(pack.period.label)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{white-space:nowrap;background:#f6f8fa}code{font:12px ui-monospace,monospace}code.digest{word-break:break-all}
.result{font-size:1.2rem;font-weight:600;padding:.5rem .8rem;border-radius:6px;display:inline-block}
.complete{color:#116329}.incomplete{color:#9a6700}.tampered{color:#cf222e}
.result.complete{background:#dafbe1}.result.incomplete{background:#fff8c5}.result.tampered{background:#ffebe9}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th{background:#161b22}th,td,h2{border-color:#30363d}}
@media print{@page{size:auto;margin:15mm}body{margin:0;max-width:none;color:#000;background:#fff}section{break-before:page}
section:first-of-type{break-before:auto}a[href]::after{content:" (" attr(href) ")";font-size:10px}.scroll{overflow:visible}}
</style></head><body>
<h1>Schema drift audit: ${escapeHtml(pack.environment)}</h1>
<p class="result ${pack.result}">${escapeHtml(RESULT_TEXT[pack.result])}</p>
<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>
${sections.join('\n')}
</body></html>
`;
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
