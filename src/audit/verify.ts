// The audit itself, pure: given every stored report object of a period (and the predecessors they link to), verify
// each object, walk the chain, and find gaps, breaks, forks, orphans and incidents. No I/O: the sources read.
import { createHash } from 'node:crypto';
import type { Report } from '../report/model.js';
import { type AuditedReport, type AuditIssue, type AuditPack, CONTROLS, type Incident } from './audit-model.js';
import { cronTimes } from './cron.js';
import type { PointerRead } from './evidence-source.js';
import type { Period } from './period.js';

/** One stored report object as a source read it. */
export interface EvidenceItem {
  key: string;
  /** null when it could not be read (readError says why). */
  bytes: Uint8Array | null;
  readError?: string;
  /** The full-object sha256 (base64) the store kept for it, when the store keeps one. */
  storedChecksum?: string;
  /** The sha256 (hex) recorded beside it when it was written (S3 metadata report-sha256). */
  recordedSha256?: string;
  /** Object Lock retain-until; null when the object has none; undefined when not checked. */
  retainUntil?: Date | null;
  /** Why the retention could not be read, when it could not. */
  retentionError?: string;
  /** The signature check, when signatures are checked: valid, missing, or why it failed. */
  signature?: { state: 'valid' } | { state: 'missing' } | { state: 'invalid'; why: string };
  /** Outside the period: read only because a report of the period links to it. */
  outsidePeriod?: boolean;
}

export interface AuditInput {
  environment: string;
  store: string;
  period: Period;
  schedule: string;
  toleranceMinutes: number;
  retentionYears: number;
  now: Date;
  toolVersion: string;
  /** Whether the items carry signature checks. */
  signaturesChecked?: boolean;
  items: EvidenceItem[];
  /** What latest.json names (null: none, undefined: not read), or why it cannot be believed. */
  pointer?: PointerRead;
}

const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

interface Parsed {
  item: EvidenceItem;
  sha256: string;
  report: Report;
}

/** Builds the audit pack; its `result` gives the exit code (complete 0, incomplete 1, tampered 2). */
export function auditEvidence(input: AuditInput): AuditPack {
  const issues: AuditIssue[] = [];
  const tampered = (kind: AuditIssue['kind'], message: string, key?: string) =>
    issues.push({ kind, class: 'tampered', message, key });
  const incomplete = (kind: AuditIssue['kind'], message: string, extra: Partial<AuditIssue> = {}) =>
    issues.push({ kind, class: 'incomplete', message, ...extra });

  // 1. Every object on its own: readable, a report, and the bytes its store and its writer recorded.
  const parsed = new Map<string, Parsed>();
  for (const item of input.items) {
    if (item.bytes === null) {
      tampered('unreadable', `${item.key} could not be read: ${item.readError ?? 'unknown error'}`, item.key);
      continue;
    }
    const sha256 = sha256Hex(item.bytes);
    if (item.storedChecksum !== undefined) {
      const base64 = Buffer.from(sha256, 'hex').toString('base64');
      if (base64 !== item.storedChecksum) {
        tampered(
          'tampered',
          `${item.key}: its bytes (sha256 ${base64}) differ from the checksum the store kept (${item.storedChecksum})`,
          item.key,
        );
        continue;
      }
    }
    if (item.recordedSha256 !== undefined && item.recordedSha256 !== sha256) {
      tampered(
        'tampered',
        `${item.key}: its bytes (sha256 ${sha256}) differ from the sha256 recorded when it was written (${item.recordedSha256})`,
        item.key,
      );
      continue;
    }
    let report: Report;
    try {
      report = JSON.parse(Buffer.from(item.bytes).toString('utf8')) as Report;
    } catch {
      tampered('unreadable', `${item.key} is not valid JSON`, item.key);
      continue;
    }
    if (report?.schema_version !== 1 || typeof report.timestamp !== 'string' || typeof report.status !== 'string') {
      tampered('unreadable', `${item.key} is not a schema-drift report`, item.key);
      continue;
    }
    if (item.signature?.state === 'invalid') {
      tampered('signature', `${item.key}: ${item.signature.why}`, item.key);
    } else if (item.signature?.state === 'missing') {
      incomplete('signature', `${item.key} has no signature beside it`, { key: item.key });
    }
    parsed.set(item.key, { item, sha256, report });
  }

  // 2. The chain: every link must name an object whose bytes have the recorded sha256.
  const successors = new Map<string, string[]>();
  const superseded = new Set<string>();
  for (const [key, { report }] of parsed) {
    for (const s of report.supersedes ?? []) superseded.add(s);
    const link = report.previous_report;
    if (!link) continue;
    const target = parsed.get(link.key);
    const wasRead = input.items.some((i) => i.key === link.key);
    if (!target) {
      if (!wasRead) tampered('chain-break', `${key} links to ${link.key}, which does not exist`, key);
      // An unreadable or altered target is already an issue of its own.
      continue;
    }
    if (target.sha256 !== link.sha256) {
      tampered(
        'chain-break',
        `${key} links to ${link.key} with sha256 ${link.sha256}, but that object now has ${target.sha256}`,
        key,
      );
    }
    successors.set(link.key, [...(successors.get(link.key) ?? []), key]);
  }
  for (const [key, next] of successors) {
    const live = next.filter((k) => !superseded.has(k));
    if (live.length > 1) {
      incomplete('fork', `${live.length} reports continue the chain from ${key}: ${live.sort().join(', ')}`, { key });
    }
  }

  // 3. Which reports the chain reaches from latest.json; the rest are superseded attempts or orphans.
  const inChain = new Set<string>();
  if (input.pointer && 'problem' in input.pointer) tampered('chain-break', input.pointer.problem);
  const pointer = input.pointer && 'key' in input.pointer ? input.pointer : null;
  let cursor = pointer?.key;
  if (pointer && !parsed.has(pointer.key) && !input.items.some((i) => i.key === pointer?.key)) {
    tampered('chain-break', `latest.json names ${pointer.key}, which does not exist`);
  }
  if (pointer && parsed.get(pointer.key) && parsed.get(pointer.key)?.sha256 !== pointer.sha256) {
    tampered(
      'chain-break',
      `latest.json records sha256 ${pointer.sha256} for ${pointer.key}, which now has ${parsed.get(pointer.key)?.sha256}`,
    );
  }
  while (cursor && parsed.has(cursor) && !inChain.has(cursor)) {
    inChain.add(cursor);
    cursor = parsed.get(cursor)?.report.previous_report?.key;
  }
  const inPeriod = [...parsed.values()]
    .filter((p) => !p.item.outsidePeriod)
    .sort((a, b) =>
      a.report.timestamp < b.report.timestamp
        ? -1
        : a.report.timestamp > b.report.timestamp
          ? 1
          : a.item.key < b.item.key
            ? -1
            : 1,
    );
  const audited: AuditedReport[] = inPeriod.map(({ item, sha256, report }) => {
    const place: AuditedReport['place'] = inChain.has(item.key)
      ? 'in-chain'
      : superseded.has(item.key)
        ? 'superseded'
        : 'orphan';
    if (place === 'orphan') {
      const named = successors.has(item.key);
      incomplete(
        'orphan',
        named
          ? `${item.key} is on a branch of the chain that latest.json does not reach (a fork)`
          : `${item.key} was stored but never linked: its run stopped before moving latest.json, or latest.json was rewritten`,
        { key: item.key, at: report.timestamp },
      );
    }
    return {
      key: item.key,
      sha256,
      timestamp: report.timestamp,
      status: report.status,
      state: report.version?.state ?? null,
      summary: report.version?.summary ?? report.error?.message ?? report.status,
      run_id: report.run?.run_id ?? '',
      run_url: report.run?.run_url ?? '',
      sha: report.run?.sha ?? '',
      place,
      signature: item.signature?.state ?? null,
    };
  });

  // 4. Object Lock retention: each object must be kept for the required years after it was written.
  for (const { item, report } of inPeriod) {
    if (item.retentionError !== undefined) {
      incomplete('retention', `the retention of ${item.key} could not be read: ${item.retentionError}`, {
        key: item.key,
      });
      continue;
    }
    if (item.retainUntil === undefined) continue;
    const written = new Date(report.timestamp);
    const required = new Date(written);
    required.setUTCFullYear(required.getUTCFullYear() + input.retentionYears);
    if (item.retainUntil === null || item.retainUntil.getTime() < required.getTime() - 86_400_000) {
      incomplete(
        'retention',
        `${item.key} is retained ${item.retainUntil === null ? 'without Object Lock' : `until ${iso(item.retainUntil)}`}, short of ${input.retentionYears} years (${iso(required)})`,
        { key: item.key },
      );
    }
  }

  // 5. Gaps: every scheduled run must have a report within the tolerance after it.
  const runs = audited.filter((r) => r.place !== 'superseded');
  const times = runs.map((r) => new Date(r.timestamp).getTime()).sort((a, b) => a - b);
  const scheduled = cronTimes(input.schedule, input.period.from, input.period.to).filter((t) => t <= input.now);
  let found = 0;
  for (const at of scheduled) {
    const start = at.getTime() - 15 * 60_000;
    const end = at.getTime() + input.toleranceMinutes * 60_000;
    if (times.some((t) => t >= start && t <= end)) found++;
    else incomplete('gap', `no report for the run scheduled at ${iso(at)}`, { at: iso(at) });
  }

  // 6. Incidents: from the first drift to the first synced report after it, on the chain's own reports.
  const incidents: Incident[] = [];
  let open: Incident | null = null;
  const errors: AuditPack['errors'] = [];
  const ignoreRules = new Map<string, AuditPack['ignore_rules'][number]>();
  for (const { item, report } of inPeriod.filter((p) => !superseded.has(p.item.key))) {
    for (const rule of report.structure?.ignored ?? []) {
      const id = `${rule.kind}\u0000${rule.object}\u0000${rule.reason}\u0000${rule.expires}`;
      const seen = ignoreRules.get(id);
      if (seen) seen.reports++;
      else
        ignoreRules.set(id, {
          object: rule.object,
          kind: rule.kind,
          reason: rule.reason,
          expires: rule.expires,
          reports: 1,
        });
    }
    if (report.status === 'error') {
      errors.push({
        at: report.timestamp,
        stage: report.error?.stage ?? 'unknown',
        message: report.error?.message ?? '',
        key: item.key,
      });
      continue;
    }
    if (report.status === 'drift') {
      if (!open) {
        open = {
          started_at: report.timestamp,
          resolved_at: null,
          duration_hours: null,
          what: [],
          runs: [],
          commits: [],
        };
        incidents.push(open);
      }
      const what = [
        report.version?.drift ? report.version.summary : '',
        report.structure?.state === 'drifted' ? report.structure.summary : '',
      ].filter(Boolean);
      for (const w of what) if (!open.what.includes(w)) open.what.push(w);
      if (report.run?.run_id && !open.runs.includes(report.run.run_id)) open.runs.push(report.run.run_id);
      if (report.run?.sha && !open.commits.includes(report.run.sha)) open.commits.push(report.run.sha);
    } else if (report.status === 'synced' && open) {
      open.resolved_at = report.timestamp;
      open.duration_hours = Math.round((Date.parse(report.timestamp) - Date.parse(open.started_at)) / 36_000) / 100;
      open = null;
    }
  }
  for (const incident of incidents.filter((i) => i.resolved_at === null)) {
    incomplete('open-incident', `drift since ${incident.started_at} is not resolved: ${incident.what.join('; ')}`, {
      at: incident.started_at,
    });
  }

  const timeline = new Map<string, string[]>();
  for (const r of runs)
    timeline.set(r.timestamp.slice(0, 10), [...(timeline.get(r.timestamp.slice(0, 10)) ?? []), r.status]);
  const count = (status: string) => runs.filter((r) => r.status === status).length;
  const result = issues.some((i) => i.class === 'tampered')
    ? 'tampered'
    : issues.length > 0
      ? 'incomplete'
      : 'complete';
  const pack: AuditPack = {
    schema: 'schema-drift-audit/v1',
    environment: input.environment,
    store: input.store,
    period: { from: iso(input.period.from), to: iso(input.period.to), label: input.period.label },
    schedule: input.schedule,
    tolerance_minutes: input.toleranceMinutes,
    signatures_checked: input.signaturesChecked ?? false,
    retention_years: input.retentionYears,
    generated_at: iso(input.now),
    tool_version: input.toolVersion,
    result,
    counts: {
      reports: audited.length,
      scheduled_runs: scheduled.length,
      runs_found: found,
      gaps: scheduled.length - found,
      synced: count('synced'),
      drift: count('drift'),
      error: count('error'),
      incidents: incidents.length,
      open_incidents: incidents.filter((i) => i.resolved_at === null).length,
    },
    issues,
    incidents,
    errors,
    ignore_rules: [...ignoreRules.values()],
    timeline: [...timeline].map(([date, statuses]) => ({ date, runs: statuses.length, statuses })),
    reports: audited,
    controls: CONTROLS,
    pack_sha256: '',
  };
  return { ...pack, pack_sha256: sha256Hex(serializePack(pack)) };
}

/** The pack's JSON bytes; its pack_sha256 is the sha256 of these bytes with pack_sha256 set to "". */
export function serializePack(pack: AuditPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Exit code of `audit`: 0 complete and intact, 1 gaps or open incidents, 2 tampered or unreadable. */
export function auditExitCode(pack: AuditPack): 0 | 1 | 2 {
  return pack.result === 'complete' ? 0 : pack.result === 'incomplete' ? 1 : 2;
}
