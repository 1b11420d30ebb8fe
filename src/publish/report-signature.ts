// Signed reports: each report's sha256 signed by a KMS key, the signature stored beside the JSON, verifiable with
// the public key alone. Pure, apart from the signer the caller passes in.
import { createPublicKey, verify } from 'node:crypto';
import { sha256Hex } from './report-store.js';

/** The `.sig.json` stored beside a report. */
export interface ReportSignature {
  schema_drift_signature: 1;
  /** The dated key of the report signed. */
  report_key: string;
  /** sha256 (hex) of the report's JSON bytes: the digest that was signed. */
  sha256: string;
  key_id: string;
  algorithm: 'ECDSA_SHA_256';
  /** DER-encoded ECDSA signature, base64. */
  signature: string;
}

export interface ReportSigner {
  /** Signs a report's sha256 digest (hex); resolves to the signature file's content. */
  sign(reportKey: string, sha256: string): Promise<ReportSignature>;
  describe(): string;
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
  if (
    value?.schema_drift_signature !== 1 ||
    typeof value.sha256 !== 'string' ||
    typeof value.signature !== 'string' ||
    value.algorithm !== 'ECDSA_SHA_256'
  ) {
    throw new Error(`${where} is not a schema-drift signature (ECDSA_SHA_256)`);
  }
  return value as ReportSignature;
}

/**
 * Verifies a report's bytes against its signature with only the public key (PEM): the digest must be the bytes'
 * sha256 and the ECDSA signature over that digest must check. Returns why not, or null when genuine.
 */
export function signatureProblem(
  reportBytes: Uint8Array,
  signature: ReportSignature,
  publicKeyPem: string,
): string | null {
  const digest = sha256Hex(reportBytes);
  if (digest !== signature.sha256) {
    return `the report's sha256 is ${digest}, but the signature is for ${signature.sha256}`;
  }
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (error) {
    throw new Error(`Could not read the public key: ${error instanceof Error ? error.message : String(error)}`);
  }
  // KMS signed sha256(bytes) as a digest; verify() hashes the bytes with sha256 itself, which is the same check.
  const valid = verify('sha256', reportBytes, key, Buffer.from(signature.signature, 'base64'));
  return valid ? null : 'the signature does not match the report and this public key';
}
