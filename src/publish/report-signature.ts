// Signed reports: each report's sha256 signed by a KMS key, the signature stored beside the JSON, verifiable with
// the public key alone. Pure, apart from the signer the caller passes in.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { sha256Hex } from './report-store.js';

/**
 * The `.sig.json` stored beside a report. Version 2 signs the report's identity, not only its bytes: the digest signed
 * is sha256 of `signaturePayload(report_key, environment, sha256)`, so a genuine report and signature copied to
 * another key do not verify there. Version 1 (before the binding) signed the bytes' sha256 alone.
 */
export interface ReportSignature {
  schema_drift_signature: 1 | 2;
  /** The dated key of the report signed (bound by the signature from version 2 on). */
  report_key: string;
  /** The report's environment (version 2). */
  environment?: string;
  /** sha256 (hex) of the report's JSON bytes. */
  sha256: string;
  /** The key id KMS answered with: informative only, never proof of who signed. */
  key_id: string;
  algorithm: 'ECDSA_SHA_256';
  /** DER-encoded ECDSA signature, base64. */
  signature: string;
}

export interface ReportSigner {
  /** Signs a report's identity (its key, environment and sha256); resolves to the signature file's content. */
  sign(reportKey: string, sha256: string, environment: string): Promise<ReportSignature>;
  describe(): string;
}

/** The bytes a version-2 signature signs (their sha256 is the digest KMS signs): key, environment and sha256. */
export function signaturePayload(reportKey: string, environment: string, sha256: string): string {
  return `schema-drift-signature/2\nkey=${reportKey}\nenvironment=${environment}\nsha256=${sha256}\n`;
}

/** The signature's key, beside the JSON. */
export function signatureKey(jsonKey: string): string {
  return jsonKey.replace(/\.json$/, '.sig.json');
}

export function serializeSignature(signature: ReportSignature): string {
  return `${JSON.stringify(signature, null, 2)}\n`;
}

/** Parses a `.sig.json`, naming what is wrong with it. */
export function parseSignature(text: string, where: string): ReportSignature {
  let value: Partial<ReportSignature>;
  try {
    value = JSON.parse(text) as Partial<ReportSignature>;
  } catch {
    throw new Error(`${where} is not valid JSON`);
  }
  const version = value?.schema_drift_signature;
  if (
    (version !== 1 && version !== 2) ||
    typeof value.sha256 !== 'string' ||
    typeof value.signature !== 'string' ||
    typeof value.report_key !== 'string' ||
    (version === 2 && typeof value.environment !== 'string') ||
    value.algorithm !== 'ECDSA_SHA_256'
  ) {
    throw new Error(`${where} is not a schema-drift signature (ECDSA_SHA_256)`);
  }
  return value as ReportSignature;
}

/** What a signature proves about a report stored under a key: bound (v2, genuine), unbound (v1), or why not. */
export type SignatureCheck = { state: 'bound' } | { state: 'unbound' } | { state: 'invalid'; why: string };

/**
 * Verifies a report stored under `reportKey` against its signature with only the public key (PEM). A version-2
 * signature must bind exactly this key, the report's own environment and its bytes' sha256. A version-1 signature
 * can only prove the bytes: `unbound`, which is not proof that the report belongs at `reportKey`.
 */
export function checkReportSignature(
  reportBytes: Uint8Array,
  reportKey: string,
  signature: ReportSignature,
  publicKeyPem: string,
): SignatureCheck {
  const digest = sha256Hex(reportBytes);
  if (digest !== signature.sha256) {
    return { state: 'invalid', why: `the report's sha256 is ${digest}, but the signature is for ${signature.sha256}` };
  }
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (error) {
    throw new Error(`Could not read the public key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const der = Buffer.from(signature.signature, 'base64');
  if (signature.schema_drift_signature === 1) {
    // KMS signed sha256(bytes) as a digest; verify() hashes the bytes with sha256 itself, which is the same check.
    return verify('sha256', reportBytes, key, der)
      ? { state: 'unbound' }
      : { state: 'invalid', why: 'the signature does not match the report and this public key' };
  }
  if (signature.report_key !== reportKey) {
    return {
      state: 'invalid',
      why: `the signature is for the report stored at ${signature.report_key}, not at ${reportKey}`,
    };
  }
  let environment: unknown;
  try {
    environment = (JSON.parse(Buffer.from(reportBytes).toString('utf8')) as { environment?: unknown }).environment;
  } catch {
    return { state: 'invalid', why: 'the signed bytes are not a JSON report' };
  }
  if (environment !== signature.environment) {
    return {
      state: 'invalid',
      why: `the signature is for environment ${JSON.stringify(signature.environment)}, the report says ${JSON.stringify(environment)}`,
    };
  }
  if (!reportKey.split('/').slice(0, -4).includes(String(environment))) {
    return { state: 'invalid', why: `the key ${reportKey} is not under environment ${String(environment)}` };
  }
  const payload = signaturePayload(reportKey, String(environment), digest);
  return verify('sha256', Buffer.from(payload, 'utf8'), key, der)
    ? { state: 'bound' }
    : {
        state: 'invalid',
        why: 'the signature does not match the report, its key and environment, and this public key',
      };
}

/** sha256 (hex) of the public key's DER (SPKI): names the key that verified, from the key itself. */
export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
