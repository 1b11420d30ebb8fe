// Where an audit reads the stored reports from: the S3 prefix or the local report folder the runs wrote to.
import type { EvidenceItem } from './verify.js';

export interface EvidenceSource {
  describe(): string;
  /** The key prefix every dated report of the environment's chain starts with (`{prefix}{environment}/`). */
  chainPrefix(environment: string): string;
  /**
   * Keys of the dated report JSONs of the environment in the given months ('YYYY/MM'), not renderings, snapshots,
   * signatures or latest.json. Listing by month keeps each listing small and reads nothing outside the period.
   */
  listReports(environment: string, months: readonly string[]): Promise<string[]>;
  /**
   * Reads one report object with what the store recorded about it. An object that does not exist comes back with
   * `missing`; any other failure (denied, timed out) with `readError`: the audit tells deletion from unreadability.
   */
  read(key: string, options: { retention: boolean }): Promise<EvidenceItem>;
  /** The `.sig.json` stored beside a report; null when there is none. */
  readSignature(key: string): Promise<string | null>;
  /**
   * What latest.json names; null only when there is none. A pointer that exists but cannot be believed (not JSON, no
   * key, a key outside the environment) is a problem, and a failed read throws: neither may pass for "no pointer".
   */
  pointer(environment: string): Promise<PointerRead>;
  /**
   * The store's own version history of the chain's objects (S3 ListObjectVersions), a witness the chain's writer
   * cannot rewrite; null when the store keeps none (versioning off, a local folder). Throws when it cannot be read.
   */
  versions?(environment: string): Promise<VersionHistory | null>;
}

/** Per key: how many versions the store keeps, and whether the newest is a delete marker or one was ever placed. */
export type VersionHistory = Map<string, { versions: number; deleteMarkers: number }>;

export type PointerRead = { key: string; sha256: string } | null | { problem: string };

/** The date folder of a dated key, YYYY-MM-DD. */
export function keyDate(key: string): string | null {
  const match = /\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\.json$/.exec(key);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** Runs `fn` over `items` with at most `limit` at once, keeping order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The 'YYYY/MM' folders that hold the days from `from` (inclusive) to `to` (exclusive). */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor < to) {
    months.push(`${cursor.getUTCFullYear()}/${String(cursor.getUTCMonth() + 1).padStart(2, '0')}`);
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}
