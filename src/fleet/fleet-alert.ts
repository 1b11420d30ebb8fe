// The one alert of a fleet run: whether to send it (the notify-on policy on the fleet's fingerprint, against the
// previous fleet report), its subject ("3 of 148 targets drifted: a, b, c", ≤ 99 characters) and its text body
// (the fleet document, worst targets first). Pure; the SNS adapter only delivers it.
import type { AlertMessage } from '../publish/deliver.js';
import {
  decideNotification,
  type NotifyDecision,
  type NotifyOn,
  sanitizeSubjectText,
} from '../publish/notify-policy.js';
import { fleetDocument, fleetHeadline } from '../report/presentation/fleet-document.js';
import { renderText } from '../report/text.js';
import type { FleetReport } from './model.js';

const SUBJECT_LIMIT = 99;
const SUBJECT_PREFIX = '[schema-drift] ';

export interface FleetAlertPolicy {
  notifyOn: Set<NotifyOn>;
  notifyOnSuccess: boolean;
}

/** Whether the fleet run alerts, given the previous fleet report (null when there is none or it is unreadable). */
export function decideFleetNotification(
  fleet: FleetReport,
  previous: FleetReport | null,
  policy: FleetAlertPolicy,
): NotifyDecision {
  return decideNotification(fleet, previous, policy.notifyOn, policy.notifyOnSuccess);
}

/**
 * "[schema-drift] production fleet: 3 of 148 targets drifted: t1, t2, t3 +2" — printable ASCII, ≤ 99 characters;
 * the names are the worst targets (the fleet report lists them worst first).
 */
export function fleetSubject(fleet: FleetReport, environment: string, kind: NotifyDecision['kind']): string {
  const head = sanitizeSubjectText(fleetHeadline(fleet, environment));
  let subject = `${SUBJECT_PREFIX}${kind === 'resolved' ? `${head} (resolved)` : head}`;
  if (subject.length > SUBJECT_LIMIT) return `${subject.slice(0, SUBJECT_LIMIT - 3).trimEnd()}...`;
  const bad = fleet.targets.filter((t) => t.status !== 'synced').map((t) => sanitizeSubjectText(t.name));
  if (bad.length === 0) return subject;
  // As many names as fit whole, then how many were left out.
  let shown = 0;
  for (const name of bad) {
    const rest = bad.length - shown - 1;
    const candidate = `${subject}${shown === 0 ? ': ' : ', '}${name}`;
    if (`${candidate}${rest > 0 ? ` +${rest}` : ''}`.length > SUBJECT_LIMIT) break;
    subject = candidate;
    shown++;
  }
  const left = bad.length - shown;
  return left > 0 && shown > 0 ? `${subject} +${left}` : subject;
}

/** The alert for the run: subject, body, and the attributes SNS filters and dedupes on. */
export function fleetAlert(
  fleet: FleetReport,
  environment: string,
  kind: NotifyDecision['kind'],
  reportLocation: string | undefined,
): AlertMessage {
  return {
    subject: fleetSubject(fleet, environment, kind),
    body: renderText(fleetDocument(fleet, { environment, reportLocation })),
    report: null,
    facts: {
      status: fleet.status,
      state: `${fleet.totals.drift}/${fleet.totals.targets} drifted, ${fleet.totals.error} error`,
      environment,
      deduplication: `${environment}\nfleet\n${fleet.run.run_id}\n${fleet.generated_at}`,
    },
  };
}
