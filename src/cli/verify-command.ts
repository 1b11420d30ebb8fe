// `schema-drift verify FILE --public-key PEM`: checks a stored report against its signature offline, so an auditor
// needs only the report, its .sig.json and the public key (no AWS access).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSignature, signatureKey, signatureProblem } from '../publish/report-signature.js';
import { EXIT } from './flags.js';
import type { CliIo } from './run-cli.js';

export const VERIFY_USAGE = `Usage:
  schema-drift verify REPORT.json --public-key KEY.pem [--signature REPORT.sig.json]

Checks that REPORT.json is exactly the report that was signed: its sha256 equals the signed digest and the ECDSA
signature verifies with the public key (from \`aws kms get-public-key\`). Exit codes: 0 genuine, 2 altered,
unsigned or unreadable.
`;

export async function verifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { 'public-key': { type: 'string' }, signature: { type: 'string' }, help: { type: 'boolean' } },
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
    const read = async (path: string, what: string) =>
      readFile(path).catch((error: unknown) => {
        throw new Error(`Could not read the ${what} "${path}": ${(error as Error).message}`);
      });
    const bytes = await read(reportPath, 'report');
    const signature = parseSignature((await read(signaturePath, 'signature')).toString('utf8'), `"${signaturePath}"`);
    const publicKey = (await read(resolve(io.cwd, values['public-key']), 'public key')).toString('utf8');
    const problem = signatureProblem(bytes, signature, publicKey);
    if (problem !== null) {
      io.stderr(`schema-drift verify: NOT GENUINE: ${reportPath}: ${problem}\n`);
      return EXIT.error;
    }
    io.stdout(`genuine: ${reportPath} (sha256 ${signature.sha256}, signed by ${signature.key_id})\n`);
    return EXIT.ok;
  } catch (error) {
    io.stderr(`schema-drift verify: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}
