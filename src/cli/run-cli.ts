// The `schema-drift` CLI: the same engine as the action, with exit codes 0 no drift, 1 drift, 2 error.
import { parseArgs } from 'node:util';
import { TOOL_VERSION } from '../shared/tool-version.js';
import { CHECK_FLAGS, SNAPSHOT_FLAGS } from './flags.js';
import { scrubbedIo } from './scrub.js';

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
  schema-drift heads --migrations PATH [--name SECTION] [--version-locations A,B] [--json]
  schema-drift check --migrations PATH [--name SECTION] [--version-locations A,B]
                     (--database-url URL | --lambda-function NAME | --pglite DIR)
                     [--environment NAME] [--report-dir DIR] [--json]
                     [--version-table NAME] [--version-table-schema NAME] [--pending-grace-minutes MINUTES]
                     [--lambda-qualifier Q] [--lambda-payload-template JSON] [--lambda-rows-path PATH]
                     [--aws-region REGION]
                     [--structure-expected reference|snapshot|baseline] [--reference-database-url URL]
                     [--reference-setup-command CMD] [--snapshot-file FILE] [--config .schema-drift.yml]
                     [--baseline keep|re-record]
  schema-drift check --config FILE [--target NAME]... [--shard i/N] [--concurrency N] [--timeout-seconds S]
                     [--report-dir DIR] [--json] [the flags above: every target's defaults]
  schema-drift plan --config FILE [--shards N]
  schema-drift merge --from DIR [--shards N] [--report-dir DIR] [--environment NAME] [--json]
  schema-drift snapshot (--database-url URL | --lambda-function NAME | --pglite DIR) --out FILE
                     [--include-schemas A,B] [--exclude-schemas A,B] [--max-response-bytes N]
  schema-drift diff EXPECTED ACTUAL [--json] [--config .schema-drift.yml]
  schema-drift audit (--s3-bucket B [--s3-prefix P] | --report-dir D) (--from D --to D | --period P)
                     [--environment E] [--schedule CRON] [--retention-years N] [--timeout-seconds N] [--out DIR] [--json]
                     [--public-key PEM | --kms-signing-key-id KEY]
  schema-drift verify REPORT.json --public-key PEM [--signature REPORT.sig.json] [--key STORE-KEY]
  schema-drift lint [--migrations PATH] [--base REF | --all] [--database-url URL | --lambda-function NAME]
                     [--lint-large-table "1000000 rows or 1 GB"] [--config .schema-drift.yml]
                     [--timeout-seconds N] [--json]

--migrations takes an alembic.ini, the folder holding it, a script folder or a versions folder (default: the
alembic.ini in the current folder or one below). --name (or --ini-section) is the ini section, as Alembic's -n;
--version-locations overrides the ini's version_locations. Exit codes: 0 no drift (diff: equal; lint: no error
finding), 1 drift (diff: different; lint: error findings), 2 error.
`;

const COMMANDS = ['heads', 'check', 'snapshot', 'diff', 'plan', 'merge', 'audit', 'verify', 'lint'] as const;
const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';
const isCommand = (word: string | undefined) => (COMMANDS as readonly string[]).includes(word ?? '');

/** The usage of one command: audit and verify have their own longer text; the others their lines of USAGE. */
async function commandUsage(command: string): Promise<string> {
  if (command === 'audit') return (await import('./audit-command.js')).AUDIT_USAGE;
  if (command === 'verify') return (await import('./verify-command.js')).VERIFY_USAGE;
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  schema-drift ${command} `));
  let end = start + 1;
  while (end < lines.length && lines[end]?.startsWith('                     ')) end++;
  // `check` has two forms (one database, a fleet): both are its usage.
  while (lines[end]?.startsWith(`  schema-drift ${command} `)) {
    end++;
    while (end < lines.length && lines[end]?.startsWith('                     ')) end++;
  }
  const notes = USAGE.slice(USAGE.indexOf('--migrations takes'));
  return `Usage:\n${lines.slice(start, end).join('\n')}\n\n${notes}`;
}

/** Runs one CLI command; resolves to the exit code. Errors on stderr never show a database password. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = scrubbedIo(rawIo, argv);
  const [command, ...rest] = argv;
  if (!command) {
    // No command is a usage error: the usage goes where errors go.
    io.stderr(USAGE);
    return EXIT.error;
  }
  // `schema-drift --help`, `-h`, `help`, and `help COMMAND`: asked for, so on stdout with exit 0.
  if (isHelp(command) || command === 'help') {
    const about = rest[0];
    if (about !== undefined && !isHelp(about)) {
      if (!isCommand(about)) {
        io.stderr(`schema-drift help: unknown command "${about}"\n\n${USAGE}`);
        return EXIT.error;
      }
      io.stdout(await commandUsage(about));
      return EXIT.ok;
    }
    io.stdout(USAGE);
    return EXIT.ok;
  }
  // `COMMAND --help` (or -h) anywhere among the arguments, up to a `--`, answers with that command's usage, before
  // any other check: every command, so none exits 2 on a request for help.
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (isCommand(command) && options.some(isHelp)) {
    io.stdout(await commandUsage(command));
    return EXIT.ok;
  }
  if (command === '--version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  if (!isCommand(command)) {
    io.stderr(`schema-drift: unknown command "${command}"\n\n${USAGE}`);
    return EXIT.error;
  }
  // Commands load their engine on demand: `heads` and `--version` stay small and fast (no pg, AWS SDK, PGlite).
  if (command === 'diff') return (await import('./structure-commands.js')).diffCommand(rest, io);
  if (command === 'audit') return (await import('./audit-command.js')).auditCommand(rest, io);
  if (command === 'verify') return (await import('./verify-command.js')).verifyCommand(rest, io);
  if (command === 'lint') return (await import('./lint-command.js')).lintCommand(rest, io);
  if (command === 'plan') return (await import('./fleet-commands.js')).planCommand(rest, io);
  if (command === 'merge') return (await import('./fleet-commands.js')).mergeCommand(rest, io);
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    const flags: readonly string[] = command === 'snapshot' ? SNAPSHOT_FLAGS : CHECK_FLAGS;
    const options: Record<string, { type: 'string' | 'boolean' }> = Object.fromEntries(
      flags.map((f) => [f, { type: 'string' as const }]),
    );
    if (command !== 'snapshot') options.name = { type: 'string' };
    // `--target` picks fleet targets, and may be given more than once.
    if (command === 'check') (options as Record<string, object>).target = { type: 'string', multiple: true };
    options.json = { type: 'boolean' };
    ({ values } = parseArgs({ args: [...rest], options, strict: true }));
  } catch (error) {
    io.stderr(`schema-drift ${command}: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.error;
  }
  // `--name` is Alembic's spelling of the ini section (`-n`); `--ini-section` is the action input's.
  if (values.name !== undefined) {
    if (values['ini-section'] !== undefined) {
      io.stderr(`schema-drift ${command}: give --name or --ini-section, not both\n`);
      return EXIT.error;
    }
    values['ini-section'] = values.name;
    delete values.name;
  }
  if (command === 'check') return (await import('./check-command.js')).checkCommand(values, io);
  // Only `check` has a list flag (--target).
  const single = values as Record<string, string | boolean | undefined>;
  if (command === 'heads') return heads(single, io);
  if (command === 'snapshot') return (await import('./structure-commands.js')).snapshotCommand(single, io);
  io.stderr(`schema-drift: unknown command "${command}"\n\n${USAGE}`);
  return EXIT.error;
}

async function heads(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const own = ['migrations', 'ini-section', 'version-locations', 'json'];
  const extra = Object.keys(values).filter((k) => !own.includes(k));
  if (extra.length) {
    io.stderr(`schema-drift heads: --${extra[0]} is not an option of heads\n`);
    return EXIT.error;
  }
  try {
    // The migration reader (with its Python parser) is loaded by the commands that read migrations, not at startup.
    const { loadMigrationGraph } = await import('../migrations/load.js');
    const { graph } = await loadMigrationGraph(io.cwd, values.migrations as string | undefined, {
      section: (values['ini-section'] as string | undefined)?.trim() || undefined,
      versionLocations: splitLocations(values['version-locations'] as string | undefined),
    });
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

/** The `version-locations` value as a list (one per line or comma-separated), as parseConfig reads the input. */
function splitLocations(value: string | undefined): string[] | undefined {
  const list = value
    ?.split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return list && list.length > 0 ? list : undefined;
}
