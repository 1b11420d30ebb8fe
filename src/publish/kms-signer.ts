// Signs report digests with an AWS KMS asymmetric key (ECC_NIST_P256, ECDSA_SHA_256, MessageType DIGEST).
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { describeError } from '../aws/errors.js';
import { type RetryOptions, withRetry } from '../aws/retry.js';
import { type ReportSignature, type ReportSigner, signaturePayload } from './report-signature.js';
import { sha256Hex } from './report-store.js';

export class KmsReportSigner implements ReportSigner {
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
    private readonly retry: RetryOptions = {},
  ) {}

  describe(): string {
    return `KMS key ${this.keyId}`;
  }

  async sign(reportKey: string, sha256: string, environment: string): Promise<ReportSignature> {
    // The digest signed binds the report's key and environment to its bytes (see signaturePayload).
    const digest = sha256Hex(signaturePayload(reportKey, environment, sha256));
    try {
      const answer = await withRetry(
        `sign with ${this.keyId}`,
        () =>
          this.client.send(
            new SignCommand({
              KeyId: this.keyId,
              Message: Buffer.from(digest, 'hex'),
              MessageType: 'DIGEST',
              SigningAlgorithm: 'ECDSA_SHA_256',
            }),
          ),
        this.retry,
      );
      if (!answer.Signature) throw new Error('KMS answered without a signature');
      return {
        schema_drift_signature: 2,
        report_key: reportKey,
        environment,
        sha256,
        key_id: answer.KeyId ?? this.keyId,
        algorithm: 'ECDSA_SHA_256',
        signature: Buffer.from(answer.Signature).toString('base64'),
      };
    } catch (error) {
      throw new Error(`Could not sign the report with KMS key ${this.keyId}: ${describeError(error)}`, {
        cause: error,
      });
    }
  }

  /** The key's public half as PEM, for offline verification. */
  async publicKeyPem(): Promise<string> {
    const answer = await this.client.send(new GetPublicKeyCommand({ KeyId: this.keyId })).catch((error: unknown) => {
      throw new Error(`Could not read the public key of KMS key ${this.keyId}: ${describeError(error)}`);
    });
    const der = Buffer.from(answer.PublicKey ?? new Uint8Array()).toString('base64');
    return `-----BEGIN PUBLIC KEY-----\n${der.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PUBLIC KEY-----\n`;
  }
}
