// One audit: read the period's reports (and the predecessors they link to) from a source, then verify them.
import type { AuditPack } from './audit-model.js';
import { type EvidenceSource, keyDate, mapBounded } from './evidence-source.js';
import type { Period } from './period.js';
import { auditEvidence, type EvidenceItem } from './verify.js';

export interface AuditOptions {
  environment: string;
  period: Period;
  schedule: string;
  toleranceMinutes: number;
  retentionYears: number;
  /** Ask the store for each object's Object Lock retention (S3). */
  checkRetention: boolean;
  now: Date;
  toolVersion: string;
  /** Requests in flight at once (default 16). */
  concurrency?: number;
}

/** Reads and verifies; throws only when the reports could not even be listed. */
export async function runAudit(source: EvidenceSource, options: AuditOptions): Promise<AuditPack> {
  const from = options.period.from.toISOString().slice(0, 10);
  const to = new Date(options.period.to.getTime() - 1).toISOString().slice(0, 10);
  const keys = (await source.listReports(options.environment)).filter((key) => {
    const date = keyDate(key);
    return date !== null && date >= from && date <= to;
  });
  const concurrency = options.concurrency ?? 16;
  const items: EvidenceItem[] = await mapBounded(keys, concurrency, (key) =>
    source.read(key, { retention: options.checkRetention }),
  );
  // The first reports of the period link to the last ones before it: read those too, to verify the links.
  const have = new Set(keys);
  const linked = new Set<string>();
  for (const item of items) {
    if (item.bytes === null) continue;
    try {
      const link = (JSON.parse(Buffer.from(item.bytes).toString('utf8')) as { previous_report?: { key?: unknown } })
        .previous_report?.key;
      if (typeof link === 'string' && !have.has(link)) linked.add(link);
    } catch {
      // Not JSON: auditEvidence reports it.
    }
  }
  const outside = await mapBounded([...linked], concurrency, async (key) => ({
    ...(await source.read(key, { retention: false })),
    outsidePeriod: true,
  }));
  return auditEvidence({
    environment: options.environment,
    store: source.describe(),
    period: options.period,
    schedule: options.schedule,
    toleranceMinutes: options.toleranceMinutes,
    retentionYears: options.retentionYears,
    now: options.now,
    toolVersion: options.toolVersion,
    // A link to an object that is not there reads as bytes null: keep only those that exist, so a missing one is
    // reported as a broken link rather than as unreadable.
    items: [
      ...items,
      ...outside.filter((o) => o.bytes !== null || !/NoSuchKey|ENOENT|does not exist/i.test(o.readError ?? '')),
    ],
    pointer: await source.pointer(options.environment),
  });
}
