// Reads an environment's stored reports from a local report folder (the layout the local store writes).
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { signatureKey } from '../publish/report-signature.js';
import { isDatedReportKey, latestKey, parsePointer, validateEnvironment } from '../publish/report-store.js';
import type { EvidenceSource, PointerRead } from './evidence-source.js';
import type { EvidenceItem } from './verify.js';

export class LocalEvidenceSource implements EvidenceSource {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  describe(): string {
    return `local directory ${this.dir}`;
  }

  async listReports(environment: string, months: readonly string[]): Promise<string[]> {
    const root = validateEnvironment(environment);
    const keys: string[] = [];
    for (const month of months) {
      const folder = join(this.dir, root, ...month.split('/'));
      let names: string[];
      try {
        names = (await readdir(folder, { recursive: true })) as string[];
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') continue;
        throw new Error(`Could not list ${folder}: ${(error as Error).message}`);
      }
      for (const name of names) {
        const key = `${root}/${month}/${name.split('\\').join('/')}`;
        if (isDatedReportKey(key)) keys.push(key);
      }
    }
    return keys.sort();
  }

  chainPrefix(environment: string): string {
    return `${validateEnvironment(environment)}/`;
  }

  async read(key: string): Promise<EvidenceItem> {
    try {
      return { key, bytes: await readFile(join(this.dir, ...key.split('/'))) };
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { key, bytes: null, missing: true };
      return { key, bytes: null, readError: (error as Error).message };
    }
  }

  async readSignature(key: string): Promise<string | null> {
    try {
      return await readFile(join(this.dir, ...signatureKey(key).split('/')), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw error;
    }
  }

  async pointer(environment: string): Promise<PointerRead> {
    const path = join(this.dir, ...latestKey(environment).split('/'));
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw new Error(`Could not read ${path}: ${(error as Error).message}`);
    }
    // A report copy (written before pointers) names no dated key in a local folder: it cannot anchor the chain.
    const parsed = await parsePointer(bytes, `"${path}"`, `${environment}/`, () => undefined);
    return 'problem' in parsed ? parsed : { key: parsed.link.key, sha256: parsed.link.sha256 };
  }
}
