// `mode: audit`: the quarterly check of the evidence itself. Receives its world (source, store, notifier, outputs)
// so the decision — what is stored, alerted and whether the step fails — is testable without the runner.
import type { Notifier } from '../publish/deliver.js';
import type { ReportStore } from '../publish/report-store.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { auditDocument } from './audit-document.js';
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
  tampered: 'TAMPERED evidence (altered, deleted or forged)',
  error: 'ERROR: the evidence store could not be read completely',
  'not-started': 'not started (no scheduled run has come due yet)',
  empty: 'empty (the schedule has no run in this period)',
};

/** Runs the audit, stores the pack, alerts when the evidence is not intact and complete; never throws. */
export async function runAuditMode(deps: AuditModeDeps): Promise<void> {
  const { core } = deps;
  const failures: string[] = [];
  let pack: AuditPack;
  try {
    pack = await runAudit(deps.source, deps);
  } catch (error) {
    // Nothing could be read (listing, latest.json): unknown, never tampered.
    core.setOutput('audit-result', 'error');
    core.setFailed(
      `Could not audit ${deps.source.describe()} (audit-result error): ${error instanceof Error ? error.message : String(error)}`,
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
        body: renderText(auditDocument(pack, { location })),
        report: null,
        facts: {
          status: pack.result === 'tampered' || pack.result === 'error' ? 'error' : 'drift',
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
  await core.writeSummary(renderMarkdown(auditDocument(pack, { location })));

  const code = auditExitCode(pack);
  if ((code === 2 && deps.failOn !== 'never') || (code === 1 && deps.failOn === 'drift')) {
    failures.unshift(`Audit of ${deps.environment}: ${RESULT_LINE[pack.result]} (${pack.issues.length} findings)`);
  }
  if (failures.length > 0) core.setFailed(failures.join('\n'));
}
