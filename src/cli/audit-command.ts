// `schema-drift audit`: verifies a period of stored reports and writes the audit pack (JSON, HTML, CSV).
import { createPublicKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { UNANCHORED } from '../audit/audit-document.js';
import type { AuditPack } from '../audit/audit-model.js';
import { LocalEvidenceSource } from '../audit/local-source.js';
import { resolvePeriod } from '../audit/period.js';
import { renderAuditCsv, renderAuditHtml } from '../audit/render-pack.js';
import { runAudit } from '../audit/run-audit.js';
import { S3EvidenceSource } from '../audit/s3-source.js';
import { auditExitCode, serializePack } from '../audit/verify.js';
import { awsTimeouts, requestHandlerOptions } from '../aws/timeouts.js';
import { validateBucketName } from '../publish/s3.js';
import { TOOL_VERSION } from '../shared/tool-version.js';
import { EXIT } from './flags.js';
import type { CliIo } from './run-cli.js';

export const AUDIT_USAGE = `Usage:
  schema-drift audit (--s3-bucket B [--s3-prefix P] [--aws-region R] | --report-dir D)
                     (--from YYYY-MM-DD --to YYYY-MM-DD | --period last-quarter|last-month|YYYY-Qn)
                     [--environment production] [--schedule '0 3 * * *'] [--tolerance-minutes 180]
                     [--retention-years 7] [--timeout-seconds 900] [--out DIR] [--json]
                     [--public-key KEY.pem | --kms-signing-key-id KEY]

Verifies every report of the period (sha256 against the store's checksum and the chain's links), walks the chain,
and lists gaps against the schedule, breaks, forks, orphans, short retention and drift incidents. --out writes
audit.json, audit.html and audit.csv. Exit codes: 0 complete and intact; 1 gaps or open incidents; 2 tampered
(altered, deleted or forged evidence) or error (the store could not be read: the cause is printed). With --public-key (or the KMS key, whose public half is read once) every report's .sig.json is checked:
a missing signature is a gap, an invalid one is tampering. The whole audit stops at --timeout-seconds (each S3
request at a twentieth of it, at most 30 s): a store that does not answer is an error, never a hang.
`;

const OPTIONS = {
  's3-bucket': { type: 'string' },
  's3-prefix': { type: 'string' },
  'aws-region': { type: 'string' },
  'report-dir': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  period: { type: 'string' },
  environment: { type: 'string' },
  schedule: { type: 'string' },
  'tolerance-minutes': { type: 'string' },
  'retention-years': { type: 'string' },
  'timeout-seconds': { type: 'string' },
  out: { type: 'string' },
  'public-key': { type: 'string' },
  'kms-signing-key-id': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function wholeNumber(value: string | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) > max) {
    throw new Error(`Invalid --${flag} "${value}": a whole number from 0 to ${max}`);
  }
  return Number(value);
}

export async function auditCommand(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false });
    if (values.help) {
      io.stdout(AUDIT_USAGE);
      return EXIT.ok;
    }
    if (Boolean(values['s3-bucket']) === Boolean(values['report-dir'])) {
      throw new Error('give one store: --s3-bucket or --report-dir');
    }
    const now = new Date();
    const period = resolvePeriod({ from: values.from, to: values.to, period: values.period }, now);
    const environment = values.environment ?? 'production';
    const timeoutSeconds = wholeNumber(values['timeout-seconds'], 'timeout-seconds', 900, 86_400);
    if (timeoutSeconds === 0) throw new Error('Invalid --timeout-seconds "0": a whole number from 1 to 86400');
    const client = values['s3-bucket']
      ? new S3Client({
          region: values['aws-region'] ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1',
          forcePathStyle: Boolean(io.env.AWS_ENDPOINT_URL_S3 || io.env.AWS_ENDPOINT_URL),
          maxAttempts: 1,
          requestHandler: requestHandlerOptions(awsTimeouts(timeoutSeconds * 1000)),
        })
      : null;
    const source = client
      ? new S3EvidenceSource(client, validateBucketName(values['s3-bucket'] ?? ''), values['s3-prefix'])
      : new LocalEvidenceSource(resolve(io.cwd, values['report-dir'] ?? '.'));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the audit did not finish within --timeout-seconds ${timeoutSeconds}`)),
        timeoutSeconds * 1000,
      );
    });
    const audited = (async () => {
      const publicKeyPem = await auditPublicKey(values, io);
      return runAudit(source, {
        publicKeyPem,
        environment,
        period,
        schedule: values.schedule ?? '0 3 * * *',
        toleranceMinutes: wholeNumber(values['tolerance-minutes'], 'tolerance-minutes', 180, 10_080),
        retentionYears: wholeNumber(values['retention-years'], 'retention-years', 7, 100),
        checkRetention: Boolean(values['s3-bucket']),
        now,
        toolVersion: TOOL_VERSION,
      });
    })();
    audited.catch(() => undefined); // after the deadline its failure is no longer anyone's to report
    let pack: AuditPack;
    try {
      pack = await Promise.race([audited, deadline]);
    } finally {
      clearTimeout(timer);
      client?.destroy();
    }
    if (values.out) {
      const dir = resolve(io.cwd, values.out);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'audit.json'), serializePack(pack));
      await writeFile(join(dir, 'audit.html'), renderAuditHtml(pack));
      await writeFile(join(dir, 'audit.csv'), renderAuditCsv(pack));
    }
    if (values.json) io.stdout(serializePack(pack));
    else {
      const c = pack.counts;
      io.stdout(
        `${environment}, ${pack.period.label}: ${pack.result}${pack.anchored ? '' : ` (${UNANCHORED})`}\n` +
          pack.actions.map((a) => `to do: ${a}\n`).join('') +
          `reports: ${c.reports} (${c.synced} synced, ${c.drift} drift, ${c.error} error); scheduled runs with a report: ${c.runs_found} of ${c.scheduled_runs}\n` +
          `incidents: ${c.incidents} (${c.open_incidents} open)\n` +
          pack.issues.map((i) => `${i.class}: ${i.kind}: ${i.message}\n`).join('') +
          `pack sha256: ${pack.pack_sha256}\n`,
      );
    }
    return auditExitCode(pack);
  } catch (error) {
    // Bad flags, or a store that could not be listed or whose latest.json could not be read: the result is error.
    io.stderr(`schema-drift audit: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}

async function auditPublicKey(
  values: { 'public-key'?: string; 'kms-signing-key-id'?: string; 'aws-region'?: string },
  io: CliIo,
): Promise<string | undefined> {
  if (values['public-key'] && values['kms-signing-key-id']) {
    throw new Error('give --public-key or --kms-signing-key-id, not both');
  }
  let pem: string | undefined;
  if (values['public-key']) {
    const path = resolve(io.cwd, values['public-key']);
    pem = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new Error(`Could not read --public-key "${path}": ${(error as Error).message}`);
    });
  } else if (values['kms-signing-key-id']) {
    const { KMSClient } = await import('@aws-sdk/client-kms');
    const { KmsReportSigner } = await import('../publish/kms-signer.js');
    const region = values['aws-region'] ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    pem = await new KmsReportSigner(
      new KMSClient({ region, maxAttempts: 1 }),
      values['kms-signing-key-id'],
    ).publicKeyPem();
  }
  if (pem !== undefined) {
    try {
      createPublicKey(pem);
    } catch (error) {
      throw new Error(`The public key is not a PEM public key: ${(error as Error).message}`);
    }
  }
  return pem;
}
