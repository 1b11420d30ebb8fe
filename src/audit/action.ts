// `mode: audit`: the quarterly check of the evidence itself. Receives its world (source, store, notifier, outputs)
// so the decision — what is stored, alerted and whether the step fails — is testable without the runner.
import type { Notifier } from '../publish/deliver.js';
import type { ReportStore } from '../publish/report-store.js';
import type { AuditPack } from './audit-model.js';
import type { EvidenceSource } from './evidence-source.js';
import type { Period } from './period.js';
import { renderAuditCsv, renderAuditHtml } from './render-pack.js';
import { runAudit } from './run-audit.js';
import { auditExitCode, serializePack } from './verify.js';

export interface AuditModeDeps {
  environment: string;
  period: Period;
  schedule: string;
  toleranceMinutes: number;
  retentionYears: number;
  failOn: 'drift' | 'error' | 'never';
  source: EvidenceSource;
  /** Where the pack is kept as evidence of its own ({environment}/audit/…); none: only outputs and summary. */
  store: ReportStore | null;
  notifier: Notifier | null;
  checkRetention: boolean;
  publicKeyPem?: string;
  now: Date;
  toolVersion: string;
  core: {
    info(message: string): void;
    setOutput(name: string, value: string): void;
    setFailed(message: string): void;
    writeSummary(markdown: string): Promise<void>;
  };
}

const RESULT_LINE: Record<AuditPack['result'], string> = {
  complete: 'complete and intact',
  incomplete: 'incomplete (gaps or open incidents)',
  tampered: 'TAMPERED or unreadable evidence',
};

/** Runs the audit, stores the pack, alerts when the evidence is not intact and complete; never throws. */
export async function runAuditMode(deps: AuditModeDeps): Promise<void> {
  const { core } = deps;
  const failures: string[] = [];
  let pack: AuditPack;
  try {
    pack = await runAudit(deps.source, deps);
  } catch (error) {
    core.setOutput('audit-result', 'tampered');
    core.setFailed(
      `Could not audit ${deps.source.describe()}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }
  const headline = `${deps.environment}, ${pack.period.label}: ${RESULT_LINE[pack.result]}`;
  core.info(headline);
  for (const issue of pack.issues) core.info(`${issue.class}: ${issue.kind}: ${issue.message}`);

  let location = '';
  if (deps.store) {
    const base = `audit/${pack.generated_at.replaceAll(':', '-')}-${pack.period.from.slice(0, 10)}`;
    try {
      location = await deps.store.storeEvidence(
        deps.environment,
        `${base}.json`,
        serializePack(pack),
        'application/json',
      );
      await deps.store.storeEvidence(
        deps.environment,
        `${base}.html`,
        renderAuditHtml(pack),
        'text/html; charset=utf-8',
      );
      await deps.store.storeEvidence(deps.environment, `${base}.csv`, renderAuditCsv(pack), 'text/csv; charset=utf-8');
    } catch (error) {
      failures.push(`Could not store the audit pack: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (deps.notifier && pack.result !== 'complete') {
    try {
      await deps.notifier.publish({
        subject: `[schema-drift] ${deps.environment}: audit ${pack.result}`.slice(0, 99),
        body: auditEmail(pack, headline, location),
        report: null,
        facts: {
          status: pack.result === 'tampered' ? 'error' : 'drift',
          state: `audit-${pack.result}`,
          environment: deps.environment,
          deduplication: `${deps.environment}\naudit\n${pack.generated_at}`,
        },
      });
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  core.setOutput('audit-result', pack.result);
  core.setOutput('report-url', location.startsWith('s3://') ? location : '');
  core.setOutput('report-path', location.startsWith('s3://') ? '' : location);
  await core.writeSummary(auditSummary(pack, headline, location));

  const code = auditExitCode(pack);
  if ((code === 2 && deps.failOn !== 'never') || (code === 1 && deps.failOn === 'drift')) {
    failures.unshift(`Audit of ${deps.environment}: ${RESULT_LINE[pack.result]} (${pack.issues.length} findings)`);
  }
  if (failures.length > 0) core.setFailed(failures.join('\n'));
}

function auditEmail(pack: AuditPack, headline: string, location: string): string {
  const c = pack.counts;
  return [
    headline,
    '',
    `Scheduled runs with a report: ${c.runs_found} of ${c.scheduled_runs}`,
    `Incidents: ${c.incidents} (${c.open_incidents} open)`,
    location ? `Audit pack: ${location}` : '',
    '',
    'Findings:',
    ...pack.issues.slice(0, 50).map((i) => `- ${i.kind}: ${i.message}`),
    pack.issues.length > 50 ? `- … and ${pack.issues.length - 50} more in the pack` : '',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ');

function auditSummary(pack: AuditPack, headline: string, location: string): string {
  const c = pack.counts;
  const rows = pack.issues.slice(0, 100).map((i) => `| ${i.kind} | ${i.class} | ${cell(i.message)} |`);
  return [
    `## Evidence audit: ${cell(headline)}`,
    '',
    `Scheduled runs with a report: **${c.runs_found} of ${c.scheduled_runs}**; reports: ${c.reports} (${c.synced} synced, ${c.drift} drift, ${c.error} error); incidents: ${c.incidents} (${c.open_incidents} open).`,
    location ? `\nAudit pack: \`${location}\` (sha256 \`${pack.pack_sha256}\`)` : '',
    '',
    rows.length ? ['| finding | class | what |', '|---|---|---|', ...rows].join('\n') : 'No findings.',
    '',
  ].join('\n');
}
