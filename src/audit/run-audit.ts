// One audit: read the chain from latest.json back through the period, and every report stored in the period, from
// a source; then verify them (verify.ts, pure).
import { checkReportSignature, parseSignature, signatureKey } from '../publish/report-signature.js';
import type { AuditPack } from './audit-model.js';
import { type EvidenceSource, keyDate, mapBounded, monthsBetween } from './evidence-source.js';
import type { Period } from './period.js';
import { auditEvidence, type EvidenceItem, type ItemPosition } from './verify.js';

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

/**
 * Reads and verifies. The chain is read from latest.json back to the report before the period, so a period that
 * has ended is proven through the reports after it (the first of them links to the period's last). Throws only
 * when nothing can be audited: the reports cannot be listed or latest.json cannot be read (the caller says
 * `error`, never `tampered`).
 */
export async function runAudit(source: EvidenceSource, options: AuditOptions): Promise<AuditPack> {
  const from = options.period.from.toISOString().slice(0, 10);
  const to = new Date(options.period.to.getTime() - 1).toISOString().slice(0, 10);
  const position = (key: string): ItemPosition => {
    const date = keyDate(key) ?? '';
    return date < from ? 'before' : date > to ? 'after' : 'period';
  };
  // Everything stored from the period's start until now: the period's reports and those after it that lead to it.
  const until = new Date(Math.max(options.now.getTime(), options.period.to.getTime()));
  const months = monthsBetween(options.period.from, until);
  const pointer = await source.pointer(options.environment);
  const versions = source.versions ? await source.versions(options.environment) : null;
  const listed = (await source.listReports(options.environment, months)).filter((key) => position(key) !== 'before');
  const concurrency = options.concurrency ?? 16;
  const readItem = async (key: string): Promise<EvidenceItem> => {
    const where = position(key);
    const item = await source.read(key, { retention: options.checkRetention && where === 'period' });
    item.position = where;
    if (where === 'period' && options.publicKeyPem !== undefined && item.bytes !== null) {
      item.signature = await checkSignature(source, item.key, item.bytes, options.publicKeyPem);
    }
    return item;
  };
  const items = new Map<string, EvidenceItem>();
  for (const item of await mapBounded(listed, concurrency, readItem)) items.set(item.key, item);

  // Follow every link to an object not read yet: the chain from the pointer, and each report's predecessor. Only
  // keys of this chain's dated reports are followed (a link elsewhere is reported, never read).
  const chainKey = new RegExp(
    `^${escapeRegExp(source.chainPrefix(options.environment))}\\d{4}/\\d{2}/\\d{2}/[A-Za-z0-9._-]+\\.json$`,
  );
  const follow = (key: unknown): key is string =>
    typeof key === 'string' && chainKey.test(key) && !key.includes('..') && !items.has(key);
  let pending = pointer && 'key' in pointer && follow(pointer.key) ? [pointer.key] : [];
  while (pending.length > 0) {
    for (const item of await mapBounded(pending, concurrency, readItem)) items.set(item.key, item);
    const next = new Set<string>();
    for (const key of pending) {
      const item = items.get(key);
      // A report before the period is read only to verify the link into the period: its own links are not followed.
      if (!item || item.bytes === null || item.position === 'before') continue;
      const link = previousKey(item.bytes);
      if (follow(link)) next.add(link);
    }
    pending = [...next];
  }
  const predecessors = new Set<string>();
  for (const item of items.values()) {
    if (item.bytes === null || item.position === 'before') continue;
    const link = previousKey(item.bytes);
    if (follow(link)) predecessors.add(link);
  }
  for (const item of await mapBounded([...predecessors], concurrency, readItem)) items.set(item.key, item);

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
    items: [...items.values()],
    pointer,
    versions,
  });
}

function previousKey(bytes: Uint8Array): unknown {
  try {
    return (JSON.parse(Buffer.from(bytes).toString('utf8')) as { previous_report?: { key?: unknown } }).previous_report
      ?.key;
  } catch {
    return undefined; // Not JSON: auditEvidence reports it.
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function checkSignature(
  source: EvidenceSource,
  key: string,
  bytes: Uint8Array,
  publicKeyPem: string,
): Promise<NonNullable<EvidenceItem['signature']>> {
  let text: string | null;
  try {
    text = await source.readSignature(key);
  } catch (error) {
    // Could not be read (denied, timed out): unknown, not forged.
    return { state: 'unreadable', why: error instanceof Error ? error.message : String(error) };
  }
  if (text === null) return { state: 'missing' };
  try {
    const check = checkReportSignature(bytes, key, parseSignature(text, signatureKey(key)), publicKeyPem);
    return check.state === 'bound' ? { state: 'valid' } : check;
  } catch (error) {
    return { state: 'invalid', why: error instanceof Error ? error.message : String(error) };
  }
}
