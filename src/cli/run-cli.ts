// The `schema-drift` CLI: the same engine as the action, with exit codes 0 no drift, 1 drift, 2 error.
import { parseArgs } from 'node:util';
import { loadMigrationGraph } from '../migrations/load.js';
import { TOOL_VERSION } from '../version.js';
import { CHECK_FLAGS, SNAPSHOT_FLAGS } from './flags.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export { EXIT } from './flags.js';

import { EXIT } from './flags.js';

const USAGE = `schema-drift ${TOOL_VERSION}

Usage:
  schema-drift heads --migrations PATH [--json]
  schema-drift check --migrations PATH (--database-url URL | --lambda-function NAME | --pglite DIR)
                     [--environment NAME] [--report-dir DIR] [--json]
                     [--version-table NAME] [--version-table-schema NAME] [--pending-grace MINUTES]
                     [--lambda-qualifier Q] [--lambda-payload-template JSON] [--lambda-rows-path PATH]
                     [--aws-region REGION]
                     [--structure-expected reference|snapshot|baseline] [--reference-database-url URL]
                     [--reference-setup-command CMD] [--snapshot-file FILE] [--config .schema-drift.yml]
  schema-drift snapshot (--database-url URL | --lambda-function NAME | --pglite DIR) --out FILE
                     [--include-schemas A,B] [--exclude-schemas A,B] [--max-response-bytes N]
  schema-drift diff EXPECTED ACTUAL [--json] [--config .schema-drift.yml]
  schema-drift audit (--s3-bucket B [--s3-prefix P] | --report-dir D) (--from D --to D | --period P)
                     [--environment E] [--schedule CRON] [--retention-years N] [--out DIR] [--json]
                     [--public-key PEM | --kms-signing-key-id KEY]
  schema-drift verify REPORT.json --public-key PEM [--signature REPORT.sig.json]
  schema-drift lint [--migrations PATH] [--base REF | --all] [--database-url URL | --lambda-function NAME]
                     [--lint-large-table "1000000 rows or 1 GB"] [--config .schema-drift.yml] [--json]

--migrations takes an alembic.ini, the folder holding it, or a versions folder (default: the alembic.ini in the
current folder or one below). Exit codes: 0 no drift (diff: equal; lint: no error finding), 1 drift (diff:
different; lint: error findings), 2 error.
`;

/** Runs one CLI command; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command ? EXIT.ok : EXIT.error;
  }
  if (command === '--version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  // Commands load their engine on demand: `heads` and `--version` stay small and fast (no pg, AWS SDK, PGlite).
  if (command === 'diff') return (await import('./structure-commands.js')).diffCommand(rest, io);
  if (command === 'audit') return (await import('./audit-command.js')).auditCommand(rest, io);
  if (command === 'verify') return (await import('./verify-command.js')).verifyCommand(rest, io);
  if (command === 'lint') return (await import('./lint-command.js')).lintCommand(rest, io);
  let values: Record<string, string | boolean | undefined>;
  try {
    const flags: readonly string[] = command === 'snapshot' ? SNAPSHOT_FLAGS : CHECK_FLAGS;
    const options = Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }]));
    ({ values } = parseArgs({ args: [...rest], options: { ...options, json: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    io.stderr(`schema-drift ${command}: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.error;
  }
  if (command === 'heads') return heads(values, io);
  if (command === 'check') return (await import('./check-command.js')).checkCommand(values, io);
  if (command === 'snapshot') return (await import('./structure-commands.js')).snapshotCommand(values, io);
  io.stderr(`schema-drift: unknown command "${command}"\n\n${USAGE}`);
  return EXIT.error;
}

async function heads(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const extra = Object.keys(values).filter((k) => k !== 'migrations' && k !== 'json');
  if (extra.length) {
    io.stderr(`schema-drift heads: --${extra[0]} is not an option of heads\n`);
    return EXIT.error;
  }
  try {
    const { graph } = await loadMigrationGraph(io.cwd, values.migrations as string | undefined);
    const result = {
      heads: [...graph.heads].sort(),
      bases: [...graph.bases].sort(),
      revisions: graph.revisions.size,
      findings: graph.findings,
    };
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.stdout(`heads (${result.heads.length}): ${result.heads.join(', ') || '(none)'}\n`);
      io.stdout(`bases (${result.bases.length}): ${result.bases.join(', ') || '(none)'}\n`);
      io.stdout(`revisions: ${result.revisions}\n`);
      for (const f of graph.findings) {
        io.stdout(
          `${f.severity}: ${f.kind}: ${f.message}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}\n`,
        );
      }
    }
    // Findings are printed, not an exit status: `heads` answers a question, `check` gives verdicts.
    return EXIT.ok;
  } catch (error) {
    io.stderr(`schema-drift heads: ${(error as Error).message}\n`);
    return EXIT.error;
  }
}
