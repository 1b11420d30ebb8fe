// The fleet from the command line: `check --config FILE` with a `targets:` list, `plan`, `merge`. They run the
// action's fleet mode with the CLI's world (report-dir as the only store, no alert), so the stored tree, the chains
// and the merge rules are the action's; exit codes are `check`'s (0 synced, 1 drift, 2 error).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, parseConfig } from '../config/config.js';
import { runInfoFromEnv } from '../config/run-info.js';
import { describeTarget, openExecutor } from '../database/open.js';
import { type FleetModeDeps, type FleetModeOutcome, runFleetMode } from '../fleet/action.js';
import { fleetEngine } from '../fleet/fleet-engine.js';
import { type FleetSpecs, fleetMatrix, readFleetSpecs } from '../fleet/fleet-plan.js';
import type { FleetReport } from '../fleet/model.js';
import { mergeFleetReports } from '../fleet/shard.js';
import { readSliceFiles } from '../fleet/slice-files.js';
import { readAddedTimes } from '../git/added-times.js';
import { LocalReportStore } from '../publish/local.js';
import { Redactor } from '../publish/redactor.js';
import type { ActionCore } from '../pull-request/action.js';
import { fleetDocument } from '../report/presentation/fleet-document.js';
import { renderText } from '../report/text.js';
import { errorMessage } from '../shared/error-message.js';
import { CHECK_FLAGS, EXIT } from './flags.js';
import type { CliIo } from './run-cli.js';

type Values = Record<string, string | boolean | string[] | undefined>;

/** `check --config FILE` when the file lists targets (`--target NAME` repeatable, `--shard i/N`, `--concurrency`). */
export async function fleetCheckCommand(values: Values, fleet: FleetSpecs, io: CliIo): Promise<number> {
  const raw = Object.fromEntries(CHECK_FLAGS.map((f) => [f, values[f] as string | undefined]));
  let config: Config;
  try {
    // No workspace: a CLI user's report-dir may be anywhere, as for a one-database check (the action's is confined).
    config = parseConfig({ ...raw, 'fail-on': 'never' });
  } catch (error) {
    io.stderr(`schema-drift check: ${errorMessage(error)}\n`);
    return EXIT.error;
  }
  for (const warning of config.warnings ?? []) io.stderr(`schema-drift check: warning: ${warning}\n`);
  const only = (values.target as string[] | undefined) ?? [];
  const root = resolve(io.cwd);
  const run = runInfoFromEnv(io.env, io.env.GITHUB_ACTIONS === 'true' ? undefined : 'cli');
  const deps = cliWorld(config, run, io, values.json === true);
  deps.runFleet = fleetEngine({
    root,
    // A CLI user's report-dir may be anywhere; only the action confines it to its workspace.
    workspace: undefined,
    file: fleet.file,
    specs: fleet.specs ?? [],
    inputs: raw,
    env: io.env,
    run,
    now: () => new Date(),
    openExecutor: (target, world) =>
      openExecutor(target, {
        aws: world.aws,
        timeouts: world.timeouts,
        // PGlite's code is loaded only for a target on --pglite.
        pglite: async (dir) => (await import('../database/pglite.js')).openPgliteExecutor(dir),
      }),
    describeTarget,
    readAddedTimes,
    only,
  });
  for (const spec of fleet.specs ?? []) {
    const url = spec.databaseUrlEnv === undefined ? undefined : io.env[spec.databaseUrlEnv];
    if (url) for (const secret of deps.secrets.secretsOfInput('database-url', url)) deps.secrets.add(secret);
  }
  return finish(await runFleetMode(deps, 'fleet'), config, io, values.json === true);
}

/** `schema-drift plan --config FILE [--shards N]`: prints the matrix JSON for `strategy.matrix`. */
export async function planCommand(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { config: { type: 'string' }, shards: { type: 'string' } },
      strict: true,
    });
    const config = parseConfig({ config: values.config, shards: values.shards });
    const fleet = await readFleetSpecs(resolve(io.cwd), config.ignoreRulesFile, { confined: false });
    if (fleet.specs === null) throw new Error(`the config file "${fleet.file}" lists no targets:`);
    io.stdout(`${fleetMatrix(fleet.specs, config.fleet.shards)}\n`);
    return EXIT.ok;
  } catch (error) {
    io.stderr(`schema-drift plan: ${errorMessage(error)}\n`);
    return EXIT.error;
  }
}

/** `schema-drift merge --from DIR [--shards N] [--report-dir DIR] [--environment E] [--json]`. */
export async function mergeCommand(args: readonly string[], io: CliIo): Promise<number> {
  let config: Config;
  let json: boolean;
  try {
    const { values } = parseArgs({
      args: [...args],
      options: {
        from: { type: 'string' },
        shards: { type: 'string' },
        'report-dir': { type: 'string' },
        environment: { type: 'string' },
        'timeout-seconds': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    if (!values.from) throw new Error('merge needs --from DIR (the downloaded slice reports)');
    json = values.json === true;
    // No workspace: report-dir may be anywhere on the command line (the action's is confined).
    config = parseConfig({
      'fleet-slices': resolve(io.cwd, values.from),
      shards: values.shards,
      'report-dir': values['report-dir'],
      environment: values.environment,
      'timeout-seconds': values['timeout-seconds'],
      'fail-on': 'never',
    });
  } catch (error) {
    io.stderr(`schema-drift merge: ${errorMessage(error)}\n`);
    return EXIT.error;
  }
  const run = runInfoFromEnv(io.env, io.env.GITHUB_ACTIONS === 'true' ? undefined : 'cli');
  return finish(await runFleetMode(cliWorld(config, run, io, json), 'fleet-merge'), config, io, json);
}

/** The fleet mode's world on the command line: report-dir is the only store, no alert, output on stdout. */
function cliWorld(
  config: Config,
  run: FleetModeDeps['run'],
  io: CliIo,
  json: boolean,
): FleetModeDeps & { secrets: Redactor } {
  const root = resolve(io.cwd);
  const secrets = new Redactor();
  const log = json ? () => {} : (line: string) => io.stderr(`${line}\n`);
  const core: ActionCore = {
    info: log,
    notice: log,
    warning: (message) => log(`warning: ${message}`),
    error: (message) => log(`error: ${message}`),
    setFailed: () => {},
    setOutput: () => {},
    setSecret: (secret) => secrets.add(secret),
    writeSummary: async () => {},
  };
  return {
    root,
    config,
    run,
    core,
    now: () => new Date(),
    clock: Date.now,
    // The default AWS credentials of the shell (profile, SSO, environment), as `check` uses them.
    awsIdentity: async (_timeouts, identity = config) => ({
      region: identity.aws.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '',
    }),
    planDelivery: async () => ({
      local: config.reportDir ? new LocalReportStore(resolve(root, config.reportDir)) : undefined,
      setupErrors: [],
    }),
    runFleet: async () => {
      throw new Error('no fleet engine');
    },
    mergeSlices: (slices) => mergeFleetReports(slices, { now: new Date(), run }),
    readSliceFiles,
    redact: { report: (r) => secrets.report(r), fleet: (f) => secrets.fleet(f) },
    exit: (code) => process.exit(code === 0 ? EXIT.ok : EXIT.error),
    secrets,
  };
}

/** Prints the fleet report; the exit code from its status, or 2 when anything could not be stored. */
function finish(outcome: FleetModeOutcome, config: Config, io: CliIo, json: boolean): number {
  const fleet: FleetReport | null = outcome.fleet;
  if (fleet === null) {
    io.stderr(`schema-drift: ${outcome.failures.join('\n') || 'the fleet run failed'}\n`);
    return EXIT.error;
  }
  if (json) io.stdout(`${JSON.stringify(fleet, null, 2)}\n`);
  else io.stdout(renderText(fleetDocument(fleet, { environment: config.environment })));
  // fail-on is never here: every failure left is a store or slice that could not be written.
  if (outcome.failures.length > 0) {
    io.stderr(`schema-drift: ${outcome.failures.join('\n')}\n`);
    return EXIT.error;
  }
  return fleet.status === 'error' ? EXIT.error : fleet.status === 'drift' ? EXIT.drift : EXIT.ok;
}
