// Stores the report and sends the alert with the failure semantics of issue 3: a failed store never stops the
// alert, a failed alert never un-stores the report, and every failure is returned so the step fails with it.

import type { Snapshot } from '../catalog/model.js';
import { snapshotJson } from '../catalog/snapshot.js';
import type { Finding } from '../migrations/finding.js';
import { fingerprintOf } from '../report/fingerprint.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { reportDocument } from '../report/presentation/report-document.js';
import { renderText } from '../report/text.js';
import { decideNotification, type NotifyDecision, type NotifyOn, notificationSubject } from './notify-policy.js';
import type { ChainHead, PreviousReport, ReportStore, StoredReport } from './report-store.js';

/** An alert: about a report (attributes taken from it), or about something else that names its own (an audit). */
export type AlertMessage = { subject: string; body: string } & (
  | { report: Report }
  | { report: null; facts: { status: string; state: string; environment: string; deduplication: string } }
);

export interface Notifier {
  publish(message: AlertMessage): Promise<{ messageId: string }>;
  describe(): string;
}

export interface DeliveryPlan {
  /** Stores in order; the first one is the evidence store whose latest report starts the chain. */
  stores: ReportStore[];
  alerts?: { notifier: Notifier; notifyOn: Set<NotifyOn>; notifyOnSuccess: boolean };
}

export interface Delivery {
  /** The report as stored: with an `evidence-chain-broken` finding when the evidence store's chain was broken. */
  report: Report;
  stored: { store: ReportStore; result: StoredReport }[];
  notification: (NotifyDecision & { messageId?: string }) | null;
  /** One message per failed stage, each naming what was attempted. */
  errors: string[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The report with one security finding per reason its evidence chain cannot be trusted (fingerprint updated). */
export function withChainFindings(report: Report, broken: readonly string[], store: string): Report {
  if (broken.length === 0) return report;
  const findings: Finding[] = broken.map((why) => ({
    severity: 'error',
    kind: 'evidence-chain-broken',
    message: `Evidence chain broken in ${store}: ${why}. Find out who changed or removed the evidence; storing this run's report does not depend on it.`,
  }));
  const { fingerprint: _old, ...rest } = { ...report, findings: [...report.findings, ...findings] };
  return { ...rest, fingerprint: fingerprintOf(rest) };
}

/** Stores the report everywhere it should go, then alerts; never throws. */
export async function deliverReport(
  report: Report,
  plan: DeliveryPlan,
  extras: { snapshot?: Snapshot | null } = {},
): Promise<Delivery> {
  const errors: string[] = [];
  let head: ChainHead | null = null;
  const evidence = plan.stores[0];
  if (evidence) {
    try {
      head = await evidence.head(report.environment);
    } catch (error) {
      errors.push(messageOf(error));
    }
  }
  // A broken chain is a security finding on this run's report; storing the report never depends on the old one.
  const broken = head?.broken ?? [];
  const final = evidence ? withChainFindings(report, broken, evidence.describe()) : report;
  if (broken.length > 0) errors.push(`Evidence chain broken in ${evidence?.describe()}: ${broken.join('; ')}`);
  const previous: PreviousReport | null = head?.previous ?? null;
  // Each store records its own previous_report when it saves: the chain is per store. The evidence store gets the
  // head it already read, so the alert decision and the stored chain name the same report, read once.
  const document = reportDocument(final);
  const attachments = {
    markdown: renderMarkdown(document),
    html: renderHtml(document),
    snapshot: extras.snapshot ? snapshotJson(extras.snapshot) : undefined,
  };
  const stored: Delivery['stored'] = [];
  for (const store of plan.stores) {
    try {
      const result =
        store === evidence && head !== null
          ? await store.save(final, attachments, head)
          : await store.save(final, attachments);
      stored.push({ store, result });
    } catch (error) {
      // A store that fails to read its latest again says so in the same words: one line per distinct failure.
      const message = messageOf(error);
      if (!errors.includes(message)) errors.push(message);
    }
  }

  let notification: Delivery['notification'] = null;
  if (plan.alerts) {
    const { notifier, notifyOn, notifyOnSuccess } = plan.alerts;
    let decision = decideNotification(final, previous?.report ?? null, notifyOn, notifyOnSuccess);
    // Tampered evidence is alerted whatever the policy: it is the one thing an auditor must hear about at once.
    if (broken.length > 0 && !decision.send) {
      decision = {
        send: true,
        kind: final.status === 'synced' ? 'synced' : final.status,
        reason: 'evidence chain broken',
      };
    }
    notification = decision;
    if (decision.send) {
      const location = stored[0]?.result.location;
      try {
        const sent = await notifier.publish({
          subject: notificationSubject(final, decision.kind),
          body: renderText(reportDocument(final, { reportLocation: location })),
          report: final,
        });
        notification = { ...decision, messageId: sent.messageId };
      } catch (error) {
        errors.push(messageOf(error));
      }
    }
  }
  return { report: final, stored, notification, errors };
}
