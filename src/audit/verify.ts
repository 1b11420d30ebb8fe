// The audit itself, pure: given the stored report objects a source read (the period's, those after it back from
// latest.json, and the predecessors they link to), verify each object, walk the chain from the pointer, and find
// deletions, alterations, gaps, orphans and incidents. No I/O: the sources read.
import { createHash } from 'node:crypto';
import type { Report } from '../report/model.js';
import { type AuditedReport, type AuditIssue, type AuditPack, CONTROLS, type Incident } from './audit-model.js';
import { cronTimes } from './cron.js';
import type { PointerRead, VersionHistory } from './evidence-source.js';
import type { Period } from './period.js';

/** Where an object's date folder lies against the audited period. */
export type ItemPosition = 'before' | 'period' | 'after';

/** One stored report object as a source read it. */
export interface EvidenceItem {
  key: string;
  /** null when it could not be read: `missing` (it does not exist) or `readError` (why not). */
  bytes: Uint8Array | null;
  missing?: boolean;
  readError?: string;
  /** The full-object sha256 (base64) the store kept for it, when the store keeps one. */
  storedChecksum?: string;
  /** The sha256 (hex) recorded beside it when it was written (S3 metadata report-sha256). */
  recordedSha256?: string;
  /** Object Lock retain-until; null when the object has none; undefined when not checked. */
  retainUntil?: Date | null;
  /** Why the retention could not be read, when it could not. */
  retentionError?: string;
  /** The signature check, when signatures are checked. */
  signature?:
    | { state: 'valid' }
    | { state: 'missing' }
    | { state: 'unbound' }
    | { state: 'invalid'; why: string }
    | { state: 'unreadable'; why: string };
  /** Before, in or after the period (by its date folder); the period when not given. */
  position?: ItemPosition;
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
  /** The store's version history of the chain's dated reports; null or absent when it keeps none. */
  versions?: VersionHistory | null;
}

const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

interface Parsed {
  item: EvidenceItem;
  sha256: string;
  report: Report;
}

/** The time a dated key's name carries ({timestamp}-{run}.json), for a report whose bytes cannot be believed. */
export function keyTime(key: string): string | undefined {
  const match = /\/(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z[^/]*\.json$/.exec(key);
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}Z` : undefined;
}

/** The audit's working state: the issues found so far and what is known of each object. */
class Findings {
  readonly issues: AuditIssue[] = [];
  /** Objects whose bytes are not those written (or cannot be a report): key → why. */
  readonly altered = new Map<string, string>();
  /** Objects the chain proves were stored and that are gone: key → who links to them. */
  readonly deleted = new Map<string, string>();

  add(kind: AuditIssue['kind'], cls: AuditIssue['class'], message: string, extra: Partial<AuditIssue> = {}) {
    this.issues.push({ kind, class: cls, message, ...extra });
  }

  alter(key: string, why: string, kind: AuditIssue['kind'] = 'tampered') {
    if (this.altered.has(key)) return;
    this.altered.set(key, why);
    this.add(kind, 'tampered', `${key}: ${why}`, { key });
  }

  delete(key: string, linkedFrom: string, message?: string) {
    if (this.deleted.has(key)) return;
    this.deleted.set(key, linkedFrom);
    this.add(
      'deleted',
      'tampered',
      message ??
        `${key} does not exist, but ${linkedFrom} links to it: the chain proves it was stored, and it was deleted`,
      { key, at: keyTime(key) },
    );
  }
}

/** Step 1: every object on its own — readable, a report, the bytes its store and its writer recorded, signed. */
function readObjects(items: readonly EvidenceItem[], f: Findings): Map<string, Parsed> {
  const parsed = new Map<string, Parsed>();
  for (const item of items) {
    if (item.missing) continue;
    if (item.bytes === null) {
      f.add('unreadable', 'error', `${item.key} could not be read: ${item.readError ?? 'unknown error'}`, {
        key: item.key,
      });
      continue;
    }
    const sha256 = sha256Hex(item.bytes);
    if (item.storedChecksum !== undefined) {
      const base64 = Buffer.from(sha256, 'hex').toString('base64');
      if (base64 !== item.storedChecksum) {
        f.alter(
          item.key,
          `its bytes (sha256 ${base64}) differ from the checksum the store kept (${item.storedChecksum})`,
        );
      }
    }
    if (item.recordedSha256 !== undefined && item.recordedSha256 !== sha256) {
      f.alter(
        item.key,
        `its bytes (sha256 ${sha256}) differ from the sha256 recorded when it was written (${item.recordedSha256})`,
      );
    }
    let report: Report;
    try {
      report = JSON.parse(Buffer.from(item.bytes).toString('utf8')) as Report;
    } catch {
      f.alter(item.key, 'is not valid JSON, but a report was written there');
      continue;
    }
    if (report?.schema_version !== 1 || typeof report.timestamp !== 'string' || typeof report.status !== 'string') {
      f.alter(item.key, 'is not a schema-drift report, but one was written there');
      continue;
    }
    if (item.signature?.state === 'invalid') f.alter(item.key, item.signature.why, 'signature');
    else if (item.signature?.state === 'unreadable') {
      f.add('signature', 'error', `the signature of ${item.key} could not be read: ${item.signature.why}`, {
        key: item.key,
      });
    } else if (item.signature?.state === 'unbound') {
      f.add(
        'signature',
        'incomplete',
        `${item.key} has a version-1 signature: it proves the bytes were signed, not that they belong at this key`,
        { key: item.key },
      );
    } else if (item.signature?.state === 'missing') {
      f.add('signature', 'incomplete', `${item.key} has no signature beside it`, { key: item.key });
    }
    parsed.set(item.key, { item, sha256, report });
  }
  return parsed;
}

/**
 * Step 2: the chain, from the pointer back to the first report before the period. Every link must name an object
 * that exists and has the sha256 recorded; the reports reached are the chain (head first).
 */
function walkChain(
  input: AuditInput,
  byKey: Map<string, EvidenceItem>,
  parsed: Map<string, Parsed>,
  f: Findings,
): string[] {
  const chain: string[] = [];
  if (input.pointer && 'problem' in input.pointer) f.add('chain-break', 'tampered', input.pointer.problem);
  const pointer = input.pointer && 'key' in input.pointer ? input.pointer : null;
  if (!pointer) {
    const stored = [...parsed.values()].filter((p) => p.item.position !== 'before');
    if (input.pointer === null && stored.length > 0) {
      f.add('chain-break', 'tampered', `latest.json is missing although ${stored.length} reports are stored`);
    }
    return chain;
  }
  let cursor = pointer.key;
  let expected = pointer.sha256;
  let from = 'latest.json';
  const seen = new Set<string>();
  for (;;) {
    const item = byKey.get(cursor);
    if (!item) {
      f.add('chain-break', 'tampered', `${from} links to ${cursor}, which is not a dated report of this chain`, {
        key: from === 'latest.json' ? undefined : from,
      });
      break;
    }
    if (item.missing) {
      f.delete(cursor, from);
      break;
    }
    const p = parsed.get(cursor);
    if (!p) break; // unreadable or not a report: already an issue of its own
    if (p.sha256 !== expected) {
      f.alter(cursor, `its bytes (sha256 ${p.sha256}) are not those ${from} recorded (${expected})`, 'chain-break');
    }
    chain.push(cursor);
    seen.add(cursor);
    if (item.position === 'before') break;
    const link = p.report.previous_report;
    if (!link) break;
    if (seen.has(link.key)) {
      f.add('chain-break', 'tampered', `${cursor} links back to ${link.key}, a later report of the chain (a cycle)`);
      break;
    }
    from = cursor;
    cursor = link.key;
    expected = link.sha256;
  }
  return chain;
}

/**
 * A report's `supersedes` is a claim, checked, never believed: each key it names must be an earlier attempt of the
 * same run (same run id, environment and timestamp: the store re-chains the same report) that lost a race — stored,
 * not in the chain, not the claimant itself, chained to a report of the chain older than the claimant's own
 * predecessor. Only a claimant on the chain may claim. Returns the attempts proven superseded; a false claim is
 * tampering (the store never writes one).
 */
function checkSupersedes(chain: readonly string[], parsed: Map<string, Parsed>, f: Findings): Set<string> {
  const superseded = new Set<string>();
  const index = new Map(chain.map((key, i) => [key, i]));
  for (const [key, { report }] of parsed) {
    for (const claimed of report.supersedes ?? []) {
      const loser = parsed.get(claimed);
      const ownPrevious = report.previous_report?.key;
      const loserPrevious = loser?.report.previous_report?.key;
      const why =
        claimed === key
          ? 'it names itself'
          : !index.has(key)
            ? 'the claimant is not on the chain latest.json reaches'
            : index.has(claimed)
              ? 'that report is on the chain'
              : !loser
                ? f.deleted.has(claimed) || f.altered.has(claimed)
                  ? 'that report was deleted or altered'
                  : 'that report does not exist'
                : loser.report.run?.run_id !== report.run?.run_id ||
                    loser.report.timestamp !== report.timestamp ||
                    loser.report.environment !== report.environment
                  ? 'that report is not an earlier attempt of the same run (run id, timestamp and environment differ)'
                  : ownPrevious === undefined ||
                      loserPrevious === undefined ||
                      !index.has(ownPrevious) ||
                      !index.has(loserPrevious) ||
                      (index.get(loserPrevious) ?? 0) <= (index.get(ownPrevious) ?? 0)
                    ? "that report is not chained to a report of the chain older than the claimant's predecessor (it lost no race)"
                    : null;
      if (why === null) superseded.add(claimed);
      else {
        f.add('false-supersedes', 'tampered', `${key} claims to supersede ${claimed}, but ${why}`, {
          key,
          at: report.timestamp,
        });
      }
    }
  }
  return superseded;
}

/** Step 3: the links of the reports the chain does not reach (forks, orphans, superseded attempts). */
function checkOtherLinks(
  byKey: Map<string, EvidenceItem>,
  parsed: Map<string, Parsed>,
  inChain: Set<string>,
  f: Findings,
): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const [key, { report, item }] of parsed) {
    const link = report.previous_report;
    if (!link || item.position === 'before') continue;
    if (!inChain.has(key)) {
      const target = byKey.get(link.key);
      if (target?.missing) f.delete(link.key, key);
      const found = parsed.get(link.key);
      if (found && found.sha256 !== link.sha256 && !f.altered.has(key)) {
        // The chain vouches for its own reports: a different sha256 here is this report's false claim.
        if (inChain.has(link.key)) {
          f.alter(
            key,
            `it links to ${link.key} with sha256 ${link.sha256}, but the chain holds that report with ${found.sha256}`,
            'chain-break',
          );
        } else {
          f.add(
            'chain-break',
            'tampered',
            `${key} links to ${link.key} with sha256 ${link.sha256}, but that object has ${found.sha256}`,
            { key },
          );
        }
      }
    }
    successors.set(link.key, [...(successors.get(link.key) ?? []), key]);
  }
  return successors;
}

const byTime = (a: Parsed, b: Parsed) =>
  a.report.timestamp < b.report.timestamp
    ? -1
    : a.report.timestamp > b.report.timestamp
      ? 1
      : a.item.key < b.item.key
        ? -1
        : 1;

/** Builds the audit pack; its `result` gives the exit code (see auditExitCode). */
export function auditEvidence(input: AuditInput): AuditPack {
  const f = new Findings();
  const items = input.items.map((i) => ({ ...i, position: i.position ?? 'period' }));
  const byKey = new Map(items.map((i) => [i.key, i]));
  const parsed = readObjects(items, f);
  // The store's version history: a dated report is written once, so a second version or a delete marker is tampering
  // (latest.json's own history is expected and not read).
  for (const [key, history] of input.versions ?? []) {
    const at = keyTime(key) ?? '';
    if (at < iso(input.period.from) || at >= iso(input.period.to)) continue;
    if (history.deleteMarkers > 0) {
      f.delete(
        key,
        "the store's version history",
        `${key} was deleted: the store's version history holds ${history.deleteMarkers} delete marker(s) for it`,
      );
    } else if (history.versions > 1) {
      f.alter(key, `the store holds ${history.versions} versions of it, but a dated report is written once`);
    }
  }
  const chain = walkChain(input, byKey, parsed, f);
  const inChain = new Set(chain);
  const successors = checkOtherLinks(byKey, parsed, inChain, f);

  const superseded = checkSupersedes(chain, parsed, f);
  for (const [key, next] of successors) {
    const live = next.filter((k) => !superseded.has(k) && !f.altered.has(k));
    if (live.length > 1) {
      f.add('fork', 'incomplete', `${live.length} reports continue the chain from ${key}: ${live.sort().join(', ')}`, {
        key,
      });
    }
  }

  // The period's reports whose bytes are those written; an altered one is listed apart and counted nowhere.
  const inPeriod = [...parsed.values()]
    .filter((p) => p.item.position === 'period' && !f.altered.has(p.item.key))
    .sort(byTime);
  const audited: AuditedReport[] = inPeriod.map(({ item, sha256, report }) => {
    const place: AuditedReport['place'] = inChain.has(item.key)
      ? 'in-chain'
      : superseded.has(item.key)
        ? 'superseded'
        : 'orphan';
    if (place === 'orphan') {
      f.add(
        'orphan',
        'incomplete',
        successors.has(item.key)
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
      // Structural drift is drift: the row leads with it, as the report's own headline does, never "in sync at …".
      summary:
        report.structure?.state === 'drifted'
          ? `schema drifted: ${report.structure.summary}; ${report.version?.summary ?? report.status}`
          : (report.version?.summary ?? report.error?.message ?? report.status),
      run_id: report.run?.run_id ?? '',
      run_url: report.run?.run_url ?? '',
      sha: report.run?.sha ?? '',
      place,
      signature: item.signature?.state ?? null,
    };
  });

  checkRetention(inPeriod, input.retentionYears, f);

  // Slots: each scheduled run is filled by at most one report, and each report fills at most one slot. A report the
  // chain proves was stored (deleted or altered since) fills its slot as such: that is tampering, not a gap.
  const inPeriodTime = (t: string) => t >= iso(input.period.from) && t < iso(input.period.to);
  const candidates: SlotCandidate[] = [
    ...audited
      .filter((r) => r.place !== 'superseded')
      .map((r) => ({ key: r.key, at: r.timestamp, state: 'report' as const })),
    ...[...f.deleted.keys()].flatMap((key) => candidate(key, 'deleted', inPeriodTime)),
    ...[...f.altered.keys()]
      .filter((key) => byKey.get(key)?.position === 'period')
      .flatMap((key) => candidate(key, 'tampered', inPeriodTime)),
  ];
  const allScheduled = cronTimes(input.schedule, input.period.from, input.period.to);
  const scheduled = allScheduled.filter((t) => t <= input.now);
  const slots = matchSlots(scheduled, candidates, input.toleranceMinutes);
  for (const slot of slots.filter((s) => s.state === 'missing')) {
    f.add('gap', 'incomplete', `no report for the run scheduled at ${slot.at}`, { at: slot.at });
  }
  const found = slots.filter((s) => s.state === 'report').length;
  const runs = audited.filter((r) => r.place !== 'superseded');

  const incidents = findIncidents(
    inPeriod.filter((p) => !superseded.has(p.item.key)),
    f,
  );
  const errors: AuditPack['errors'] = inPeriod
    .filter((p) => p.report.status === 'error' && !superseded.has(p.item.key))
    .map(({ item, report }) => ({
      at: report.timestamp,
      stage: report.error?.stage ?? 'unknown',
      message: report.error?.message ?? '',
      key: item.key,
    }));

  const timeline = new Map<string, string[]>();
  for (const r of runs)
    timeline.set(r.timestamp.slice(0, 10), [...(timeline.get(r.timestamp.slice(0, 10)) ?? []), r.status]);
  const count = (status: string) => runs.filter((r) => r.status === status).length;
  const has = (cls: AuditIssue['class']) => f.issues.some((i) => i.class === cls);
  // Nothing to prove is not proof: a period before its first scheduled run, or one the schedule never runs in.
  const result: AuditPack['result'] = has('tampered')
    ? 'tampered'
    : has('error')
      ? 'error'
      : scheduled.length === 0 && (input.period.from > input.now || allScheduled.length > 0)
        ? 'not-started'
        : scheduled.length === 0
          ? 'empty'
          : f.issues.length > 0
            ? 'incomplete'
            : 'complete';
  const tamperedReports: AuditPack['tampered_reports'] = [
    ...[...f.altered]
      .filter(([key]) => byKey.get(key)?.position === 'period')
      .map(([key, why]) => ({ key, state: 'altered' as const, why })),
    ...[...f.deleted]
      .filter(([key]) => inPeriodTime(keyTime(key) ?? ''))
      .map(([key, from]) => ({ key, state: 'deleted' as const, why: `${from} links to it` })),
  ];
  // Object Lock witnesses only when every report of the period is locked now (whatever retention is required).
  const lockChecked =
    inPeriod.length > 0 &&
    inPeriod.every((p) => p.item.retainUntil instanceof Date && p.item.retainUntil.getTime() > input.now.getTime());
  const witnesses: AuditPack['witnesses'] = {
    signatures:
      (input.signaturesChecked ?? false) &&
      inPeriod.length > 0 &&
      inPeriod.every((p) => p.item.signature?.state === 'valid'),
    object_lock: lockChecked && !f.issues.some((i) => i.kind === 'retention'),
    object_versions: input.versions !== undefined && input.versions !== null,
    run_history: false,
  };
  const anchored = witnesses.object_lock || witnesses.object_versions || witnesses.run_history;
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
      gaps: slots.filter((slot) => slot.state === 'missing').length,
      synced: count('synced'),
      drift: count('drift'),
      error: count('error'),
      incidents: incidents.length,
      open_incidents: incidents.filter((i) => i.resolved_at === null).length,
    },
    issues: f.issues,
    incidents,
    errors,
    ignore_rules: ignoreRules(inPeriod.filter((p) => !superseded.has(p.item.key))),
    timeline: [...timeline].map(([date, statuses]) => ({ date, runs: statuses.length, statuses })),
    tampered_reports: tamperedReports,
    witnesses,
    anchored,
    actions: [],
    slots,
    reports: audited,
    controls: result === 'complete' ? CONTROLS : [],
    pack_sha256: '',
  };
  pack.actions = whatToDo(pack);
  return { ...pack, pack_sha256: sha256Hex(serializePack(pack)) };
}

const some = (items: readonly string[], max = 5) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

/** What an auditor or owner does next, most urgent first; one line when there is nothing to do. */
function whatToDo(pack: AuditPack): string[] {
  const actions: string[] = [];
  const of = (kind: AuditIssue['kind']) => pack.issues.filter((i) => i.kind === kind);
  if (pack.tampered_reports.length > 0) {
    actions.push(
      `Treat as a security incident: ${pack.tampered_reports.length} report(s) of the period were altered or deleted (${some(pack.tampered_reports.map((t) => `${t.key} ${t.state}`))}); compare with the store's access logs (CloudTrail data events) and object versions.`,
    );
  }
  const forged = pack.issues.filter(
    (i) =>
      i.class === 'tampered' &&
      !['tampered', 'deleted'].includes(i.kind) &&
      !pack.tampered_reports.some((t) => t.key === i.key),
  );
  if (forged.length > 0) {
    actions.push(
      `Investigate ${forged.length} broken link(s) or false claim(s) in the chain: ${some(
        forged.map((i) => i.message),
        2,
      )}.`,
    );
  }
  const unreadable = pack.issues.filter((i) => i.class === 'error');
  if (unreadable.length > 0) {
    actions.push(
      `Give the audit read access to the whole store and run it again: ${unreadable.length} object(s) could not be read (${some(
        unreadable.map((i) => i.message),
        2,
      )}).`,
    );
  }
  if (pack.result === 'not-started')
    actions.push('Run the audit again once the period has begun and its first scheduled run has reported.');
  if (pack.result === 'empty')
    actions.push(`Check --schedule (${pack.schedule}): it has no run in this period, so nothing is proven.`);
  const gaps = of('gap');
  if (gaps.length > 0) {
    actions.push(
      `Explain the ${gaps.length} scheduled run(s) without a report (the workflow's run history for those times): ${some(gaps.map((i) => i.at ?? ''))}.`,
    );
  }
  const open = of('open-incident');
  if (open.length > 0)
    actions.push(
      `Resolve or explain the open drift incident(s): ${some(
        open.map((i) => i.message),
        2,
      )}.`,
    );
  const orphans = of('orphan');
  if (orphans.length > 0)
    actions.push(
      `Explain the ${orphans.length} report(s) latest.json does not reach: ${some(orphans.map((i) => i.key ?? ''))}.`,
    );
  const missing = [...of('signature'), ...of('retention')].filter((i) => i.class === 'incomplete');
  if (missing.length > 0)
    actions.push(
      `Supply the missing evidence (signatures, retention): ${some(
        missing.map((i) => i.message),
        2,
      )}.`,
    );
  if (!pack.anchored) {
    actions.push(
      'Anchor the store: with S3 Object Lock (COMPLIANCE) on every report, or object versioning, the audit can prove that nothing was deleted; without it a deleted report and a rewound latest.json may not show.',
    );
  }
  if (actions.length === 0 || (actions.length === 1 && !pack.anchored && pack.result === 'complete')) {
    actions.unshift('Nothing is missing: file this pack as the evidence of the period.');
  }
  return actions;
}

/** Object Lock retention: each object must be kept for the required years after it was written. */
function checkRetention(reports: readonly Parsed[], years: number, f: Findings): void {
  for (const { item, report } of reports) {
    if (item.retentionError !== undefined) {
      f.add('retention', 'error', `the retention of ${item.key} could not be read: ${item.retentionError}`, {
        key: item.key,
      });
      continue;
    }
    // 0 years: no retention required (a store without Object Lock audited on purpose).
    if (item.retainUntil === undefined || years === 0) continue;
    const required = new Date(report.timestamp);
    required.setUTCFullYear(required.getUTCFullYear() + years);
    if (item.retainUntil === null || item.retainUntil.getTime() < required.getTime() - 86_400_000) {
      f.add(
        'retention',
        'incomplete',
        `${item.key} is retained ${item.retainUntil === null ? 'without Object Lock' : `until ${iso(item.retainUntil)}`}, short of ${years} years (${iso(required)})`,
        { key: item.key },
      );
    }
  }
}

/** Ignore rules that hid a difference in some report: what, why, until when, how often. */
function ignoreRules(reports: readonly Parsed[]): AuditPack['ignore_rules'] {
  const rules = new Map<string, AuditPack['ignore_rules'][number]>();
  for (const { report } of reports) {
    for (const rule of report.structure?.ignored ?? []) {
      const id = `${rule.kind}\u0000${rule.object}\u0000${rule.reason}\u0000${rule.expires}`;
      const seen = rules.get(id);
      if (seen) seen.reports++;
      else
        rules.set(id, { object: rule.object, kind: rule.kind, reason: rule.reason, expires: rule.expires, reports: 1 });
    }
  }
  return [...rules.values()];
}

interface SlotCandidate {
  key: string;
  at: string;
  state: 'report' | 'deleted' | 'tampered';
}

function candidate(key: string, state: SlotCandidate['state'], inPeriod: (t: string) => boolean): SlotCandidate[] {
  const at = keyTime(key);
  return at !== undefined && inPeriod(at) ? [{ key, at, state }] : [];
}

/**
 * One-to-one: slots in time order, each taking the earliest unused report inside its window (15 minutes before the
 * scheduled time to `tolerance` after it). With windows of equal length this fills as many slots as any matching can.
 */
function matchSlots(
  scheduled: readonly Date[],
  candidates: SlotCandidate[],
  toleranceMinutes: number,
): AuditPack['slots'] {
  const sorted = [...candidates].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
  const times = sorted.map((c) => Date.parse(c.at));
  const used = new Array<boolean>(sorted.length).fill(false);
  let first = 0;
  return scheduled.map((at) => {
    const start = at.getTime() - 15 * 60_000;
    const end = at.getTime() + toleranceMinutes * 60_000;
    while (first < sorted.length && ((times[first] ?? 0) < start || used[first])) first++;
    for (let i = first; i < sorted.length && (times[i] ?? 0) <= end; i++) {
      if (used[i] || (times[i] ?? 0) < start) continue;
      used[i] = true;
      const c = sorted[i] as SlotCandidate;
      return { at: iso(at), key: c.key, state: c.state };
    }
    return { at: iso(at), key: null, state: 'missing' as const };
  });
}

type Aspect = 'version' | 'structure' | 'status';

/** What a report found drifted, by what it checked. */
function drifted(report: Report): Aspect[] {
  const aspects: Aspect[] = [];
  if (report.version?.drift) aspects.push('version');
  if (report.structure?.state === 'drifted') aspects.push('structure');
  if (aspects.length === 0 && report.status === 'drift') aspects.push('status');
  return aspects;
}

/** Whether a report checked this aspect and found it in order. */
function resolves(report: Report, aspect: Aspect): boolean {
  if (report.status === 'error') return false;
  if (aspect === 'version')
    return report.version !== null && report.version?.state !== 'error' && !report.version?.drift;
  if (aspect === 'structure') return report.structure?.state === 'clean';
  return report.status === 'synced';
}

/**
 * Incidents: from the first report that saw drift until a later report that checked the same things (a run without
 * the structure check cannot resolve a structural difference) found them in order.
 */
function findIncidents(reports: readonly Parsed[], f: Findings): Incident[] {
  const incidents: Incident[] = [];
  let open: { incident: Incident; aspects: Set<Aspect> } | null = null;
  for (const { report } of reports) {
    const seen = drifted(report);
    if (open) {
      for (const aspect of [...open.aspects])
        if (!seen.includes(aspect) && resolves(report, aspect)) open.aspects.delete(aspect);
    }
    if (seen.length > 0) {
      if (!open) {
        open = {
          incident: {
            started_at: report.timestamp,
            resolved_at: null,
            duration_hours: null,
            what: [],
            runs: [],
            commits: [],
          },
          aspects: new Set(),
        };
        incidents.push(open.incident);
      }
      const incident = open.incident;
      for (const aspect of seen) open.aspects.add(aspect);
      const what = [
        report.version?.drift ? report.version.summary : '',
        report.structure?.state === 'drifted' ? report.structure.summary : '',
      ].filter(Boolean);
      for (const w of what) if (!incident.what.includes(w)) incident.what.push(w);
      if (report.run?.run_id && !incident.runs.includes(report.run.run_id)) incident.runs.push(report.run.run_id);
      if (report.run?.sha && !incident.commits.includes(report.run.sha)) incident.commits.push(report.run.sha);
    } else if (open && open.aspects.size === 0) {
      open.incident.resolved_at = report.timestamp;
      open.incident.duration_hours =
        Math.round((Date.parse(report.timestamp) - Date.parse(open.incident.started_at)) / 36_000) / 100;
      open = null;
    }
  }
  for (const incident of incidents.filter((i) => i.resolved_at === null)) {
    f.add(
      'open-incident',
      'incomplete',
      `drift since ${incident.started_at} is not resolved: ${incident.what.join('; ')}`,
      {
        at: incident.started_at,
      },
    );
  }
  return incidents;
}

/** The pack's JSON bytes; its pack_sha256 is the sha256 of these bytes with pack_sha256 set to "". */
export function serializePack(pack: AuditPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/**
 * Exit code of `audit`: 0 complete and intact; 1 gaps, open incidents, or nothing to prove yet; 2 tampered or
 * unreadable (`error`).
 */
export function auditExitCode(pack: AuditPack): 0 | 1 | 2 {
  return pack.result === 'complete' ? 0 : pack.result === 'tampered' || pack.result === 'error' ? 2 : 1;
}
