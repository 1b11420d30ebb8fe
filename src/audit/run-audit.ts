// One audit: read the period's reports (and the predecessors they link to) from a source, then verify them.
import { parseSignature, signatureKey, signatureProblem } from '../publish/report-signature.js';
import type { AuditPack } from './audit-model.js';
import { type EvidenceSource, keyDate, mapBounded, monthsBetween } from './evidence-source.js';
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
  /** Verify each report's `.sig.json` with this public key (PEM); a missing or bad signature is a finding. */
  publicKeyPem?: string;
  /** Requests in flight at once (default 16). */
  concurrency?: number;
}

/** Reads and verifies; throws only when the reports could not even be listed. */
export async function runAudit(source: EvidenceSource, options: AuditOptions): Promise<AuditPack> {
  const from = options.period.from.toISOString().slice(0, 10);
  const to = new Date(options.period.to.getTime() - 1).toISOString().slice(0, 10);
  const months = monthsBetween(options.period.from, options.period.to);
  const keys = (await source.listReports(options.environment, months)).filter((key) => {
    const date = keyDate(key);
    return date !== null && date >= from && date <= to;
  });
  const concurrency = options.concurrency ?? 16;
  const items: EvidenceItem[] = await mapBounded(keys, concurrency, async (key) => {
    const item = await source.read(key, { retention: options.checkRetention });
    if (options.publicKeyPem !== undefined && item.bytes !== null) {
      item.signature = await checkSignature(source, item.key, item.bytes, options.publicKeyPem);
    }
    return item;
  });
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
    signaturesChecked: options.publicKeyPem !== undefined,
    // A link to an object that is not there reads as bytes null: keep only those that exist, so a missing one is
    // reported as a broken link rather than as unreadable.
    items: [
      ...items,
      ...outside.filter((o) => o.bytes !== null || !/NoSuchKey|ENOENT|does not exist/i.test(o.readError ?? '')),
    ],
    pointer: await source.pointer(options.environment),
  });
}

async function checkSignature(
  source: EvidenceSource,
  key: string,
  bytes: Uint8Array,
  publicKeyPem: string,
): Promise<NonNullable<EvidenceItem['signature']>> {
  try {
    const text = await source.readSignature(key);
    if (text === null) return { state: 'missing' };
    const problem = signatureProblem(bytes, parseSignature(text, signatureKey(key)), publicKeyPem);
    return problem === null ? { state: 'valid' } : { state: 'invalid', why: problem };
  } catch (error) {
    return { state: 'invalid', why: error instanceof Error ? error.message : String(error) };
  }
}
