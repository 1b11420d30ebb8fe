// Report store on the local filesystem, laid out exactly as the S3 store lays out its keys.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Report } from '../report/model.js';
import { type ReportSigner, serializeSignature, signatureKey } from './report-signature.js';
import {
  baselineKey,
  baselinePointer,
  CHAIN_ATTEMPTS,
  type ChainHead,
  chainPath,
  chainToHead,
  htmlKey,
  latestKey,
  markdownKey,
  type PreviousReport,
  parsePointer,
  type ReportAttachments,
  type ReportStore,
  readBaseline,
  reportKey,
  type StoredBaseline,
  type StoredReport,
  serializePointer,
  serializeReport,
  sha256Hex,
  snapshotKey,
  validateEnvironment,
  validateEvidenceName,
  validateTargetSegment,
  verifyPredecessor,
} from './report-store.js';

/** Keeps reports under a directory: {dir}/{environment}/{yyyy}/{mm}/{dd}/{timestamp}-{run_id}.json and latest.json. */
export class LocalReportStore implements ReportStore {
  readonly #dir: string;
  readonly #signer: ReportSigner | undefined;
  /** A fleet target: its chain lives in {dir}/{environment}/{target}/ (see chainPath). */
  readonly #target: string | undefined;

  constructor(dir: string, options: { signer?: ReportSigner; target?: string } = {}) {
    this.#dir = resolve(dir);
    this.#signer = options.signer;
    this.#target = options.target === undefined ? undefined : validateTargetSegment(options.target);
  }

  describe(): string {
    return `local directory ${this.#dir}`;
  }

  /** The same folder and signer, keeping a fleet target's chain in {environment}/{target}/. */
  forTarget(target: string): ReportStore {
    return new LocalReportStore(this.#dir, { signer: this.#signer, target });
  }

  async latest(environment: string): Promise<PreviousReport | null> {
    return (await this.head(environment)).previous;
  }

  /** Reads latest.json and the dated report it names, and verifies them; never throws for a broken chain. */
  async head(environment: string): Promise<ChainHead> {
    const chain = chainPath(environment, this.#target);
    const path = this.#path(latestKey(environment, this.#target));
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (isCode(error, 'ENOENT')) {
        const orphaned = await this.#anyDatedReport(chain);
        return {
          previous: null,
          link: null,
          pointer: { state: 'absent' },
          broken: orphaned ? [`"${path}" is missing although dated reports exist under "${this.#path(chain)}"`] : [],
        };
      }
      return {
        previous: null,
        link: null,
        pointer: { state: 'unknown' },
        broken: [`Could not read "${path}": ${messageOf(error)}`],
      };
    }
    const head: ChainHead = {
      previous: null,
      link: null,
      pointer: { state: 'present', version: sha256Hex(bytes) },
      broken: [],
    };
    const parsed = await parsePointer(bytes, `"${path}"`, `${chain}/`, () => this.#legacyKey(bytes));
    if ('problem' in parsed) return { ...head, broken: [parsed.problem] };
    head.link = parsed.link;
    const location = this.#path(parsed.link.key);
    let dated: Buffer;
    try {
      dated = await readFile(location);
    } catch (error) {
      const why = isCode(error, 'ENOENT') ? 'does not exist' : `could not be read: ${messageOf(error)}`;
      return { ...head, broken: [`the previous report "${location}", named by "${path}", ${why}`] };
    }
    const verified = verifyPredecessor(dated, parsed.link, `"${location}"`);
    if ('problem' in verified) return { ...head, broken: [verified.problem] };
    return { ...head, previous: { ...verified.previous, location } };
  }

  async save(report: Report, attachments: ReportAttachments, head?: ChainHead): Promise<StoredReport> {
    const environment = validateEnvironment(report.environment);
    try {
      let current = head ?? (await this.head(environment));
      const superseded: string[] = [];
      for (let attempt = 1; attempt <= CHAIN_ATTEMPTS; attempt++) {
        const chained = chainToHead(attempt === 1 ? report : { ...report, previous_report: undefined }, current);
        const final = superseded.length > 0 ? { ...chained, supersedes: [...superseded] } : chained;
        const json = serializeReport(final);
        const sha256 = sha256Hex(json);
        const key = await this.#writeUnique(reportKey(report, this.#target), json);
        if (this.#signer) {
          const signature = await this.#signer.sign(key, sha256, report.environment);
          await writeFile(this.#path(signatureKey(key)), serializeSignature(signature), {
            encoding: 'utf8',
            flag: 'wx',
          });
        }
        await writeFile(this.#path(markdownKey(key)), attachments.markdown, 'utf8');
        if (attachments.html !== undefined) await writeFile(this.#path(htmlKey(key)), attachments.html, 'utf8');
        if (attachments.snapshot !== undefined) {
          await writeFile(this.#path(snapshotKey(key)), attachments.snapshot, 'utf8');
        }
        if (await this.#movePointer(environment, current, serializePointer(final, key, sha256))) {
          // The baseline pointer names the report that won the chain, once it is the latest.
          if (attachments.baseline && attachments.snapshot !== undefined) {
            const snapshot = { key: snapshotKey(key), bytes: attachments.snapshot };
            await this.#writeAtomically(
              baselineKey(environment, this.#target),
              baselinePointer(final, snapshot, attachments.baseline, key),
            );
          }
          return { key, location: this.#path(key), sha256 };
        }
        superseded.push(key);
        current = await this.head(environment);
      }
      throw new Error(
        `other runs moved latest.json first ${CHAIN_ATTEMPTS} times (reports stored: ${superseded.join(', ')})`,
      );
    } catch (error) {
      throw new Error(`Could not store the report in ${this.describe()}: ${messageOf(error)}`);
    }
  }

  async storeEvidence(environment: string, name: string, body: string): Promise<string> {
    const key = `${chainPath(environment, this.#target)}/${validateEvidenceName(name)}`;
    await mkdir(dirname(this.#path(key)), { recursive: true });
    for (let n = 1; n <= 100; n++) {
      const candidate = n === 1 ? key : key.replace(/(\.[a-z]+)$/, `-${n}$1`);
      try {
        await writeFile(this.#path(candidate), body, { encoding: 'utf8', flag: 'wx' });
        return this.#path(candidate);
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw new Error(`Could not store ${this.#path(candidate)}: ${messageOf(error)}`);
      }
    }
    throw new Error(`Could not store ${this.#path(key)}: it and 99 numbered variants already exist`);
  }

  async baseline(environment: string): Promise<StoredBaseline | null> {
    return readBaseline(
      environment,
      '',
      async (key) => {
        const path = this.#path(key);
        try {
          return { text: await readFile(path, 'utf8'), location: path };
        } catch (error) {
          if (isCode(error, 'ENOENT')) return null;
          throw new Error(`Could not read the baseline "${path}": ${messageOf(error)}`);
        }
      },
      this.#target,
    );
  }

  /** Reads a piece of evidence stored by storeEvidence (or a pointer replaced by replaceEvidence); null if absent. */
  async readEvidence(environment: string, name: string): Promise<{ text: string; location: string } | null> {
    const path = this.#path(`${chainPath(environment, this.#target)}/${validateEvidenceName(name)}`);
    try {
      return { text: await readFile(path, 'utf8'), location: path };
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw new Error(`Could not read "${path}": ${messageOf(error)}`);
    }
  }

  /** Overwrites a small pointer in one rename (never evidence itself: it moves every run). */
  async replaceEvidence(environment: string, name: string, body: string): Promise<string> {
    const key = `${chainPath(environment, this.#target)}/${validateEvidenceName(name)}`;
    await mkdir(dirname(this.#path(key)), { recursive: true });
    await this.#writeAtomically(key, body);
    return this.#path(key);
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

  /**
   * Replaces latest.json only if it still holds what `head` read: a lock file (exclusive create) makes the compare
   * and the rename one step against other runs on this machine. False when another run moved it first.
   */
  async #movePointer(environment: string, head: ChainHead, pointer: string): Promise<boolean> {
    const path = this.#path(latestKey(environment, this.#target));
    const lock = `${path}.lock`;
    await mkdir(dirname(path), { recursive: true });
    for (let waited = 0; ; waited += 50) {
      try {
        await writeFile(lock, String(process.pid), { flag: 'wx' });
        break;
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
        // A lock older than a minute was left by a run that died; nothing holds it for that long.
        const age = await stat(lock).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0,
        );
        if (age > 60_000 || waited > 10_000) await rm(lock, { force: true });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    try {
      const now = await readFile(path).then(
        (bytes) => sha256Hex(bytes),
        (error: unknown) => {
          if (isCode(error, 'ENOENT')) return null;
          throw error;
        },
      );
      const expected = head.pointer.state === 'present' ? head.pointer.version : null;
      if (head.pointer.state !== 'unknown' && now !== expected) return false;
      await this.#writeAtomically(latestKey(environment, this.#target), pointer);
      return true;
    } finally {
      await rm(lock, { force: true });
    }
  }

  async #anyDatedReport(chain: string): Promise<boolean> {
    const years = await readdir(this.#path(chain)).catch(() => [] as string[]);
    return years.some((name) => /^\d{4}$/.test(name));
  }

  // Before pointers, latest.json was a byte copy of the newest report: find the dated object with the same bytes.
  async #legacyKey(bytes: Buffer): Promise<string | undefined> {
    try {
      const report = JSON.parse(bytes.toString('utf8')) as Report;
      return (await this.#keyHolding(report, sha256Hex(bytes))) ?? undefined;
    } catch {
      return undefined;
    }
  }

  // latest.json is a copy: find the report object with the same bytes (its own key, or a numbered variant).
  async #keyHolding(report: Report, sha256: string): Promise<string | null> {
    let expected: string;
    try {
      expected = reportKey(report, this.#target);
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
