// `schema-drift verify FILE --public-key PEM`: checks a stored report against its signature offline, so an auditor
// needs only the report, its .sig.json and the public key (no AWS access). The signature must bind the report's key
// (where it is stored), its environment and its bytes: a genuine report copied to another path is not genuine there.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkReportSignature,
  parseSignature,
  publicKeyFingerprint,
  signatureKey,
} from '../publish/report-signature.js';
import { EXIT } from './flags.js';
import type { CliIo } from './run-cli.js';

export const VERIFY_USAGE = `Usage:
  schema-drift verify REPORT.json --public-key KEY.pem [--signature REPORT.sig.json] [--key STORE-KEY]

Checks that REPORT.json is exactly the report that was signed, and signed for where it is: its sha256, the key it
was stored under and its environment are what the ECDSA signature binds, verified with the public key (from
\`aws kms get-public-key\`). The key is read from the file's path (its last folders must be the stored key, e.g.
production/2026/09/30/….json, as \`aws s3 cp --recursive\` keeps them); give --key when the file was saved elsewhere.
A version-1 signature (made before the binding) proves only the bytes and is not accepted as genuine.
Exit codes: 0 genuine, 2 altered, moved, unsigned, unbound or unreadable.
`;

/** Reads a regular file without ever blocking on a FIFO or device (opened non-blocking, checked before reading). */
async function readRegularFile(path: string, what: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new Error(`Could not read the ${what} "${path}": ${(error as Error).message}`);
  }
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`the ${what} "${path}" is not a regular file`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function verifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        'public-key': { type: 'string' },
        signature: { type: 'string' },
        key: { type: 'string' },
        help: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(VERIFY_USAGE);
      return EXIT.ok;
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new Error('give exactly one report file');
    if (!values['public-key']) throw new Error('--public-key is required (the PEM from `aws kms get-public-key`)');
    const reportPath = resolve(io.cwd, file);
    const signaturePath = resolve(io.cwd, values.signature ?? signatureKey(file));
    const bytes = await readRegularFile(reportPath, 'report');
    const signature = parseSignature(
      (await readRegularFile(signaturePath, 'signature')).toString('utf8'),
      `"${signaturePath}"`,
    );
    const publicKey = (await readRegularFile(resolve(io.cwd, values['public-key']), 'public key')).toString('utf8');
    // Where the report is: the key given, or the signed key when the file's path ends with it (else the path).
    const pathSegments = reportPath.split(sep);
    const signedSegments = signature.report_key.split('/');
    const pathEndsWithSignedKey =
      signedSegments.length <= pathSegments.length &&
      signedSegments.every((s, i) => pathSegments[pathSegments.length - signedSegments.length + i] === s);
    const storedKey = values.key ?? (pathEndsWithSignedKey ? signature.report_key : reportPath);
    const check = checkReportSignature(bytes, storedKey, signature, publicKey);
    if (check.state !== 'bound') {
      const why =
        check.state === 'unbound'
          ? 'a version-1 signature: it proves these bytes were signed, but not that they belong at this key or in this environment'
          : check.why;
      io.stderr(`schema-drift verify: NOT GENUINE: ${reportPath}: ${why}\n`);
      return EXIT.error;
    }
    io.stdout(
      `genuine: ${reportPath} is the report stored at ${storedKey} (environment ${signature.environment}, sha256 ${signature.sha256}), signed by the key with SPKI sha256 ${publicKeyFingerprint(publicKey)}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    io.stderr(`schema-drift verify: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}
