// Whether a run should alert, and the alert's subject line. Pure: the SNS adapter only delivers what this decides.
import type { Report } from '../report/model.js';

export type NotifyOn = 'drift' | 'error' | 'success' | 'always' | 'change';

const notifyOnValues: readonly NotifyOn[] = ['drift', 'error', 'success', 'always', 'change'];
const defaultNotifyOn = 'drift,error';

/** Parses the notify-on input ("drift,error" default; "success"; "always"; "change"), naming the bad value on error. */
export function parseNotifyOn(input: string): Set<NotifyOn> {
  const text = input.trim() === '' ? defaultNotifyOn : input;
  const result = new Set<NotifyOn>();
  for (const part of text.split(',')) {
    const value = part.trim().toLowerCase();
    if (value === '') continue;
    if (!(notifyOnValues as readonly string[]).includes(value)) {
      throw new Error(
        `Invalid notify-on: "${part.trim()}" is not one of ${notifyOnValues.join(', ')} (got "${input}")`,
      );
    }
    result.add(value as NotifyOn);
  }
  if (result.size === 0) throw new Error(`Invalid notify-on: "${input}" names no event`);
  return result;
}

/** What the policy looks at: a report's or a fleet report's status and fingerprint. */
export type Verdict = Pick<Report, 'status' | 'fingerprint'>;

export interface NotifyDecision {
  send: boolean;
  kind: 'drift' | 'error' | 'synced' | 'resolved' | 'none';
  reason: string;
}

/** Decides whether this report (or fleet report) alerts, given the previous stored report (null when there is none) and the policy. */
export function decideNotification(
  report: Verdict,
  previous: Verdict | null,
  notifyOn: Set<NotifyOn>,
  notifyOnSuccess: boolean,
): NotifyDecision {
  // A synced report after a drift or error one tells subscribers the problem went away.
  const kind: NotifyDecision['kind'] =
    report.status === 'synced'
      ? previous !== null && previous.status !== 'synced'
        ? 'resolved'
        : 'synced'
      : report.status;

  if (notifyOn.has('always')) return { send: true, kind, reason: 'notify-on includes always' };
  if (kind === 'drift' && notifyOn.has('drift')) return { send: true, kind, reason: 'drift detected' };
  if (kind === 'error' && notifyOn.has('error')) return { send: true, kind, reason: 'the check failed' };
  if (notifyOn.has('change')) {
    if (kind === 'resolved') {
      return { send: true, kind, reason: `drift cleared (previous report was ${previous?.status})` };
    }
    if (previous === null && kind !== 'synced') {
      return { send: true, kind, reason: 'no previous report to compare with' };
    }
    if (previous !== null && previous.fingerprint !== report.fingerprint) {
      return { send: true, kind, reason: 'fingerprint differs from the previous report' };
    }
  }
  // `success` (the old nightly job's NOTIFY_ON_SUCCESS): every in-sync run alerts, a resolved one included.
  if ((notifyOnSuccess || notifyOn.has('success')) && (kind === 'synced' || kind === 'resolved')) {
    return { send: true, kind, reason: 'notify-on includes success' };
  }
  const why =
    notifyOn.has('change') && previous !== null
      ? 'fingerprint unchanged since the previous report'
      : `notify-on "${[...notifyOn].join(',')}" does not cover status ${report.status}`;
  return { send: false, kind: 'none', reason: why };
}

const subjectLimit = 99;
const subjectPrefix = '[schema-drift] ';
const environmentLimit = 40;

/**
 * Printable ASCII only: SNS rejects control characters and line breaks in subjects, and some receivers rewrite
 * non-ASCII ones, so anything else (including bidi overrides in hostile names) becomes '?'.
 */
export function sanitizeSubjectText(text: string): string {
  return [...text]
    .map((char) => (/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char) ? ' ' : char))
    .map((char) => (/^[\x20-\x7e]$/.test(char) ? char : '?'))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 3).trimEnd()}...`;
}

function stateText(report: Report, kind: NotifyDecision['kind']): string {
  const summary = report.version?.summary?.trim();
  const at = report.production_version ? ` at ${report.production_version}` : '';
  switch (kind) {
    case 'error':
      return `ERROR - state could not be determined${report.error ? ` (${report.error.stage})` : ''}`;
    case 'drift': {
      // The version may be in sync while the structure drifted: name whichever parts drifted.
      const parts = [
        report.version?.drift && summary ? summary : '',
        report.structure?.state === 'drifted' ? report.structure.summary : '',
      ].filter(Boolean);
      return parts.length ? parts.join('; ') : `drift detected (${report.version?.state ?? 'unknown'})`;
    }
    case 'resolved':
      return `drift resolved, in sync${at}`;
    case 'synced':
      return `in sync${at}`;
    case 'none':
      return report.status === 'synced' ? `in sync${at}` : report.status;
  }
}

/** ≤ 99 chars, no control characters, e.g. "[schema-drift] production: behind by 3 migrations". */
export function notificationSubject(report: Report, kind: NotifyDecision['kind']): string {
  const environment = cut(sanitizeSubjectText(report.environment) || 'unknown', environmentLimit);
  // An error report is an error whatever kind the caller passes: never let a subject call it in sync.
  const effectiveKind = report.status === 'error' ? 'error' : kind;
  const subject = `${subjectPrefix}${environment}: ${sanitizeSubjectText(stateText(report, effectiveKind))}`;
  return cut(subject, subjectLimit);
}
