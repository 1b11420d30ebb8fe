// A loopback AWS KMS for signing tests: speaks KMS's JSON protocol (X-Amz-Target: TrentService.*) to the real
// @aws-sdk/client-kms and really signs. KMS signs a given digest (MessageType DIGEST) without hashing it again;
// node's crypto always hashes, so the signature over the digest is made by OpenSSL's `pkeyutl`, as KMS's would be.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpServer, type TestHttpServer } from './http-server.js';

export interface LocalKms {
  endpoint: string;
  server: TestHttpServer;
  keyId: string;
  /** The key's public half as PEM, as `aws kms get-public-key` would give it an auditor. */
  publicKeyPem: string;
  close(): Promise<void>;
}

const error = (status: number, type: string, message: string) => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  body: { __type: type, message },
});

export async function startKmsServer(): Promise<LocalKms> {
  const keyId = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const dir = mkdtempSync(join(tmpdir(), 'schema-drift-kms-'));
  const keyPath = join(dir, 'key.pem');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const signDigest = (digest: Buffer): Buffer =>
    execFileSync('openssl', ['pkeyutl', '-sign', '-inkey', keyPath], { input: digest });

  const known = (id: unknown) => id === keyId || id === 'alias/schema-drift-signing';
  const server = await startHttpServer((request) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return error(400, 'SerializationException', 'not JSON');
    }
    if (!known(body.KeyId)) return error(400, 'NotFoundException', `Key '${String(body.KeyId)}' does not exist`);
    const json = (reply: object) => ({ headers: { 'content-type': 'application/x-amz-json-1.1' }, body: reply });
    if (target === 'TrentService.GetPublicKey') {
      return json({
        KeyId: keyId,
        PublicKey: (publicKey.export({ type: 'spki', format: 'der' }) as Buffer).toString('base64'),
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: ['ECDSA_SHA_256'],
      });
    }
    if (body.SigningAlgorithm !== 'ECDSA_SHA_256') {
      return error(
        400,
        'InvalidKeyUsageException',
        `algorithm ${String(body.SigningAlgorithm)} is not valid for this key`,
      );
    }
    const message = Buffer.from(String(body.Message ?? ''), 'base64');
    const digest = body.MessageType === 'DIGEST' ? message : createHash('sha256').update(message).digest();
    if (digest.length !== 32) return error(400, 'ValidationException', 'a SHA-256 digest is 32 bytes');
    if (target === 'TrentService.Sign') {
      return json({
        KeyId: keyId,
        Signature: signDigest(digest).toString('base64'),
        SigningAlgorithm: 'ECDSA_SHA_256',
      });
    }
    if (target === 'TrentService.Verify') {
      const signature = Buffer.from(String(body.Signature ?? ''), 'base64');
      const valid = verifyDigest(publicKey, digest, signature);
      if (!valid) return error(400, 'KMSInvalidSignatureException', 'the signature is not valid');
      return json({ KeyId: keyId, SignatureValid: true, SigningAlgorithm: 'ECDSA_SHA_256' });
    }
    return error(400, 'UnknownOperationException', target);
  });
  return {
    endpoint: server.url,
    server,
    keyId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// OpenSSL again: verify a signature over a given digest without hashing it a second time.
function verifyDigest(publicKey: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'schema-drift-kms-verify-'));
  try {
    writeFileSync(join(dir, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'sig'), signature);
    execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-sigfile', join(dir, 'sig')],
      {
        input: digest,
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    );
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
