// Signed reports: the real @aws-sdk/client-kms against a loopback KMS that really signs (ECDSA P-256); offline
// `verify` with only the public key; `audit` checking every signature.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEvidenceSource } from '../../src/audit/local-source.js';
import { resolvePeriod } from '../../src/audit/period.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { runCli } from '../../src/cli/run-cli.js';
import { KmsReportSigner } from '../../src/publish/kms-signer.js';
import { LocalReportStore } from '../../src/publish/local.js';
import { signaturePayload } from '../../src/publish/report-signature.js';
import { type LocalKms, startKmsServer } from '../support/kms-server.js';
import { nightly } from './nightly.js';

let kms: LocalKms;
let dir: string;
beforeAll(async () => {
  kms = await startKmsServer();
  dir = await mkdtemp(join(tmpdir(), 'schema-drift-signed-'));
});
afterAll(async () => {
  await kms?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const client = () =>
  new KMSClient({
    region: 'us-east-1',
    endpoint: kms.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    maxAttempts: 1,
  });

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    cwd: dir,
    env: {},
  });
  return { code, out, err };
}

describe('signed reports', () => {
  it('signs through KMS, verifies offline with the public key alone, and rejects a modified report', async () => {
    const signer = new KmsReportSigner(client(), kms.keyId);
    const store = new LocalReportStore(join(dir, 'reports'), { signer });
    const stored = await store.save(nightly('2026-07-01T03:07:00Z', '1', 'synced'), { markdown: 'm' });
    const signTarget = kms.server.requests.find((r) => r.headers['x-amz-target'] === 'TrentService.Sign');
    expect(JSON.parse(signTarget?.text ?? '{}')).toMatchObject({
      KeyId: kms.keyId,
      MessageType: 'DIGEST',
      SigningAlgorithm: 'ECDSA_SHA_256',
      // The digest of the payload binding the report's key, environment and bytes.
      Message: createHash('sha256')
        .update(signaturePayload(stored.key, 'production', stored.sha256))
        .digest()
        .toString('base64'),
    });
    // The auditor's public key comes from KMS once (aws kms get-public-key); we use the signer's own reader.
    const pem = await signer.publicKeyPem();
    expect(pem).toBe(kms.publicKeyPem);
    await writeFile(join(dir, 'key.pem'), pem);

    const genuine = await cli('verify', stored.location, '--public-key', 'key.pem');
    expect(genuine).toMatchObject({ code: 0, err: '' });
    expect(genuine.out).toContain(`genuine: ${stored.location}`);

    const forged = join(dir, 'forged.json');
    await writeFile(forged, (await readFile(stored.location, 'utf8')).replace('"synced"', '"drift"'));
    await writeFile(join(dir, 'forged.sig.json'), await readFile(stored.location.replace(/\.json$/, '.sig.json')));
    const altered = await cli('verify', forged, '--public-key', 'key.pem');
    expect(altered.code).toBe(2);
    expect(altered.err).toContain('NOT GENUINE');

    // A signature made by another key does not verify either.
    const other = await startKmsServer();
    try {
      await writeFile(join(dir, 'other.pem'), other.publicKeyPem);
      expect((await cli('verify', stored.location, '--public-key', 'other.pem')).code).toBe(2);
    } finally {
      await other.close();
    }
    expect((await cli('verify', '--help')).code).toBe(0);
    expect((await cli('verify', stored.location)).err).toContain('--public-key is required');
  });

  it('audit checks every signature: valid, missing, and invalid', async () => {
    const root = join(dir, 'audited');
    const signed = new LocalReportStore(root, { signer: new KmsReportSigner(client(), kms.keyId) });
    const unsigned = new LocalReportStore(root);
    const a = await signed.save(nightly('2026-07-01T03:07:00Z', 'a', 'synced'), { markdown: 'm' });
    await unsigned.save(nightly('2026-07-02T03:07:00Z', 'b', 'synced'), { markdown: 'm' });
    await signed.save(nightly('2026-07-03T03:07:00Z', 'c', 'synced'), { markdown: 'm' });
    // Swap a's signature for c's: a valid signature, but of another report.
    await writeFile(
      a.location.replace(/\.json$/, '.sig.json'),
      await readFile(join(root, 'production/2026/07/03/2026-07-03T03-07-00Z-c.sig.json')),
    );
    const pack = await runAudit(new LocalEvidenceSource(root), {
      environment: 'production',
      period: resolvePeriod({ from: '2026-07-01', to: '2026-07-03' }, new Date('2026-12-01T00:00:00Z')),
      schedule: '0 3 * * *',
      toleranceMinutes: 180,
      retentionYears: 7,
      checkRetention: false,
      now: new Date('2026-12-01T00:00:00Z'),
      toolVersion: '0.1.0',
      publicKeyPem: kms.publicKeyPem,
    });
    // The report whose signature fails is not counted among the reports: its bytes cannot be believed.
    expect(pack.reports.map((r) => r.signature)).toEqual(['missing', 'valid']);
    expect(pack.issues.map((i) => [i.kind, i.class])).toEqual([
      ['signature', 'tampered'],
      ['signature', 'incomplete'],
    ]);
    expect(pack.result).toBe('tampered');
  });
});
