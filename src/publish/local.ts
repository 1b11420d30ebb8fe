// Report store on the local filesystem, laid out exactly as the S3 store lays out its keys.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Report } from '../report/model.js';
import {
  baselineKey,
  baselinePointer,
  chainTo,
  htmlKey,
  latestKey,
  markdownKey,
  type PreviousReport,
  type ReportAttachments,
  type ReportStore,
  readBaseline,
  reportKey,
  type StoredBaseline,
  type StoredReport,
  serializeReport,
  sha256Hex,
  snapshotKey,
  validateEnvironment,
} from './report-store.js';

/** Keeps reports under a directory: {dir}/{environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json and latest.json. */
export class LocalReportStore implements ReportStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = resolve(dir);
  }

  describe(): string {
    return `local directory ${this.#dir}`;
  }

  async latest(environment: string): Promise<PreviousReport | null> {
    const path = this.#path(latestKey(environment));
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw new Error(`Could not read the latest report "${path}": ${messageOf(error)}`);
    }
    let report: Report;
    try {
      report = JSON.parse(bytes.toString('utf8')) as Report;
    } catch (error) {
      throw new Error(`Could not read the latest report "${path}": not valid JSON (${messageOf(error)})`);
    }
    if (report === null || typeof report !== 'object' || typeof report.timestamp !== 'string') {
      throw new Error(`Could not read the latest report "${path}": not a schema-drift report`);
    }
    const sha256 = sha256Hex(bytes);
    const key = (await this.#keyHolding(report, sha256)) ?? latestKey(environment);
    return { report, key, location: this.#path(key), sha256 };
  }

  async save(report: Report, attachments: ReportAttachments): Promise<StoredReport> {
    validateEnvironment(report.environment);
    const previous = report.previous_report === undefined ? await this.latest(report.environment) : null;
    const json = serializeReport(chainTo(report, previous));
    const sha256 = sha256Hex(json);
    try {
      const key = await this.#writeUnique(reportKey(report), json);
      await writeFile(this.#path(markdownKey(key)), attachments.markdown, 'utf8');
      if (attachments.html !== undefined) await writeFile(this.#path(htmlKey(key)), attachments.html, 'utf8');
      if (attachments.snapshot !== undefined) {
        await writeFile(this.#path(snapshotKey(key)), attachments.snapshot, 'utf8');
        if (attachments.baseline) {
          const snapshot = { key: snapshotKey(key), bytes: attachments.snapshot };
          const pointer = baselinePointer(report, snapshot, attachments.baseline, key);
          await this.#writeAtomically(baselineKey(report.environment), pointer);
        }
      }
      await this.#writeAtomically(latestKey(report.environment), json);
      return { key, location: this.#path(key), sha256 };
    } catch (error) {
      throw new Error(`Could not store the report in ${this.describe()}: ${messageOf(error)}`);
    }
  }

  async baseline(environment: string): Promise<StoredBaseline | null> {
    return readBaseline(environment, '', async (key) => {
      const path = this.#path(key);
      try {
        return { text: await readFile(path, 'utf8'), location: path };
      } catch (error) {
        if (isCode(error, 'ENOENT')) return null;
        throw new Error(`Could not read the baseline "${path}": ${messageOf(error)}`);
      }
    });
  }

  #path(key: string): string {
    return join(this.#dir, ...key.split('/'));
  }

  // Two runs in the same second with the same run id must not overwrite each other's evidence.
  async #writeUnique(key: string, json: string): Promise<string> {
    await mkdir(dirname(this.#path(key)), { recursive: true });
    for (let n = 1; n <= 100; n++) {
      const candidate = n === 1 ? key : key.replace(/\.json$/, `-${n}.json`);
      try {
        await writeFile(this.#path(candidate), json, { encoding: 'utf8', flag: 'wx' });
        return candidate;
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
        if ((await readFile(this.#path(candidate), 'utf8')) === json) return candidate;
      }
    }
    throw new Error(`"${this.#path(key)}" and 99 numbered variants already exist`);
  }

  // latest.json is replaced in one rename, so a reader never sees half a report.
  async #writeAtomically(key: string, json: string): Promise<void> {
    const path = this.#path(key);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, json, 'utf8');
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  // latest.json is a copy: find the report object with the same bytes (its own key, or a numbered variant).
  async #keyHolding(report: Report, sha256: string): Promise<string | null> {
    let expected: string;
    try {
      expected = reportKey(report);
    } catch {
      return null;
    }
    const folder = expected.slice(0, expected.lastIndexOf('/'));
    const base = expected.slice(folder.length + 1, -'.json'.length);
    let names: string[];
    try {
      names = await readdir(this.#path(folder));
    } catch {
      return null;
    }
    const candidates = names
      .filter((name) => name.startsWith(base) && name.endsWith('.json'))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    for (const name of candidates) {
      const bytes = await readFile(join(this.#path(folder), name));
      if (sha256Hex(bytes) === sha256) return `${folder}/${name}`;
    }
    return null;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
