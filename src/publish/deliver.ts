// Stores the report and sends the alert with the failure semantics of issue 3: a failed store never stops the
// alert, a failed alert never un-stores the report, and every failure is returned so the step fails with it.

import type { Snapshot } from '../catalog/model.js';
import { snapshotJson } from '../catalog/snapshot.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { renderText } from '../report/text.js';
import { errorMessage } from '../shared/error-message.js';
import { decideNotification, type NotifyDecision, type NotifyOn, notificationSubject } from './notify-policy.js';
import { chainTo, type PreviousReport, type ReportStore, type StoredReport } from './report-store.js';

export interface Notifier {
  publish(message: { subject: string; body: string; report: Report }): Promise<{ messageId: string }>;
  describe(): string;
}

export interface DeliveryPlan {
  /** Stores in order; the first one is the evidence store whose latest report starts the chain. */
  stores: ReportStore[];
  alerts?: { notifier: Notifier; notifyOn: Set<NotifyOn>; notifyOnSuccess: boolean };
}

export interface Delivery {
  stored: { store: ReportStore; result: StoredReport }[];
  notification: (NotifyDecision & { messageId?: string }) | null;
  /** One message per failed stage, each naming what was attempted. */
  errors: string[];
}

/** Stores the report everywhere it should go, then alerts; never throws. */
export async function deliverReport(
  report: Report,
  plan: DeliveryPlan,
  extras: { snapshot?: Snapshot | null } = {},
): Promise<Delivery> {
  const errors: string[] = [];
  let previous: PreviousReport | null = null;
  let previousRead = false;
  const evidence = plan.stores[0];
  if (evidence) {
    try {
      previous = await evidence.latest(report.environment);
      previousRead = true;
    } catch (error) {
      errors.push(errorMessage(error));
    }
  }
  // Each store records its own previous_report when it saves: the chain is per store. The evidence store gets the
  // latest it already answered, so the alert decision and the stored chain name the same report, read once.
  const attachments = {
    markdown: renderMarkdown(report),
    html: renderHtml(report),
    snapshot: extras.snapshot ? snapshotJson(extras.snapshot) : undefined,
  };
  const stored: Delivery['stored'] = [];
  for (const store of plan.stores) {
    try {
      const toSave = store === evidence && previousRead ? chainTo(report, previous) : report;
      stored.push({ store, result: await store.save(toSave, attachments) });
    } catch (error) {
      // A store that fails to read its latest again says so in the same words: one line per distinct failure.
      const message = errorMessage(error);
      if (!errors.includes(message)) errors.push(message);
    }
  }

  let notification: Delivery['notification'] = null;
  if (plan.alerts) {
    const { notifier, notifyOn, notifyOnSuccess } = plan.alerts;
    const decision = decideNotification(report, previous?.report ?? null, notifyOn, notifyOnSuccess);
    notification = decision;
    if (decision.send) {
      const location = stored[0]?.result.location;
      try {
        const sent = await notifier.publish({
          subject: notificationSubject(report, decision.kind),
          body: renderText(report, { reportLocation: location }),
          report: report,
        });
        notification = { ...decision, messageId: sent.messageId };
      } catch (error) {
        errors.push(errorMessage(error));
      }
    }
  }
  return { stored, notification, errors };
}
