// The `schema-drift` CLI: the same engine as the action, with exit codes 0 no drift, 1 drift, 2 error.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck } from '../check.js';
import { ConfigError, DATABASE_INPUTS, parseConfig } from '../config/config.js';
import { runInfoFromEnv } from '../config/run-info.js';
import { describeTarget, openExecutor } from '../database/open.js';
import { openPgliteExecutor } from '../database/pglite.js';
import { readAddedTimes } from '../git/added-times.js';
import { loadMigrationGraph } from '../migrations/load.js';
import { LocalReportStore } from '../publish/local.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { structureDeps } from '../structure-deps.js';
import { TOOL_VERSION } from '../version.js';
import { diffCommand, SNAPSHOT_FLAGS, snapshotCommand } from './structure-commands.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, drift: 1, error: 2 } as const;

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

--migrations takes an alembic.ini, the folder holding it, or a versions folder (default: the alembic.ini in the
current folder or one below). Exit codes: 0 no drift (diff: equal), 1 drift (diff: different), 2 error.
`;

const CHECK_FLAGS = [
  'migrations',
  ...DATABASE_INPUTS,
  'environment',
  'report-dir',
  'version-table',
  'version-table-schema',
  'pending-grace',
  'structure-expected',
  'reference-database-url',
  'reference-setup-command',
  'snapshot-file',
  'config',
] as const;

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
  if (command === 'diff') return diffCommand(rest, io);
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
  if (command === 'check') return check(values, io);
  if (command === 'snapshot') return snapshotCommand(values, io);
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

async function check(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const raw = Object.fromEntries(CHECK_FLAGS.map((f) => [f, values[f] as string | undefined]));
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(raw);
    if (!config.database) throw new ConfigError('check needs --database-url, --lambda-function or --pglite');
  } catch (error) {
    io.stderr(`schema-drift check: ${(error as Error).message}\n`);
    return EXIT.error;
  }
  const root = resolve(io.cwd);
  const store = config.reportDir ? new LocalReportStore(resolve(root, config.reportDir)) : undefined;
  const log = values.json ? () => {} : (line: string) => io.stderr(`${line}\n`);
  const { report, snapshot } = await runCheck({
    root,
    config,
    run: runInfoFromEnv(io.env, io.env.GITHUB_ACTIONS === 'true' ? undefined : 'cli'),
    now: () => new Date(),
    openExecutor: (target) =>
      openExecutor(target, {
        aws: async () => ({ region: config.aws.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '' }),
        pglite: openPgliteExecutor,
      }),
    describeTarget,
    readAddedTimes,
    structure: structureDeps({ root, environment: config.environment, store, log }),
    log,
  });
  let location: string | undefined;
  let storeError: string | undefined;
  if (store) {
    try {
      location = (
        await store.save(report, {
          markdown: renderMarkdown(report),
          html: renderHtml(report),
          snapshot: snapshot ? `${JSON.stringify(snapshot, null, 2)}\n` : undefined,
        })
      ).location;
    } catch (error) {
      storeError = (error as Error).message;
    }
  }
  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout(renderText(report, { reportLocation: location }));
  }
  if (storeError) {
    io.stderr(`schema-drift check: ${storeError}\n`);
    return EXIT.error;
  }
  return report.status === 'error' ? EXIT.error : report.status === 'drift' ? EXIT.drift : EXIT.ok;
}
