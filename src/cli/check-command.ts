// `schema-drift check`: the version (and structure) check with the report written locally.
import { resolve } from 'node:path';
import { ConfigError, parseConfig } from '../config/config.js';
import { runInfoFromEnv } from '../config/run-info.js';
import { describeTarget, openExecutor } from '../database/open.js';
import { openPgliteExecutor } from '../database/pglite.js';
import { type FleetSpecs, readFleetSpecs } from '../fleet/fleet-plan.js';
import { readAddedTimes } from '../git/added-times.js';
import { runCheck } from '../monitor/check.js';
import { structureDeps } from '../monitor/structure-deps.js';
import { deliverReport } from '../publish/deliver.js';
import { LocalReportStore } from '../publish/local.js';
import { previousReportReader } from '../publish/report-store.js';
import { reportDocument } from '../report/presentation/report-document.js';
import { renderText } from '../report/text.js';
import { CHECK_FLAGS, EXIT } from './flags.js';
import type { CliIo } from './run-cli.js';

export async function checkCommand(
  values: Record<string, string | boolean | string[] | undefined>,
  io: CliIo,
): Promise<number> {
  // A config file that lists targets makes this a fleet check (src/cli/fleet-commands.ts).
  let fleet: FleetSpecs;
  try {
    // The CLI's config file may be anywhere; only the action is confined to its workspace.
    fleet = await readFleetSpecs(resolve(io.cwd), values.config as string | undefined, { confined: false });
  } catch (error) {
    io.stderr(`schema-drift check: ${(error as Error).message}\n`);
    return EXIT.error;
  }
  if (fleet.specs !== null) return (await import('./fleet-commands.js')).fleetCheckCommand(values, fleet, io);
  const fleetOnly = ['target', 'shard', 'concurrency'].find((f) => values[f] !== undefined);
  if (fleetOnly) {
    io.stderr(`schema-drift check: --${fleetOnly} needs --config FILE with a targets: list\n`);
    return EXIT.error;
  }
  const raw = Object.fromEntries(CHECK_FLAGS.map((f) => [f, values[f] as string | undefined]));
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(raw);
    if (!config.database) throw new ConfigError('check needs --database-url, --lambda-function or --pglite');
  } catch (error) {
    io.stderr(`schema-drift check: ${(error as Error).message}\n`);
    return EXIT.error;
  }
  for (const warning of config.warnings ?? []) io.stderr(`schema-drift check: warning: ${warning}\n`);
  const root = resolve(io.cwd);
  const store = config.reportDir ? new LocalReportStore(resolve(root, config.reportDir)) : undefined;
  const log = values.json ? () => {} : (line: string) => io.stderr(`${line}\n`);
  const { report: checked, snapshot } = await runCheck({
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
    readPreviousReport: previousReportReader(store, config.environment),
    structure: structureDeps({ root, environment: config.environment, store, log }),
    log,
  });
  // The action's delivery path, with the local store only: the same attachments, chain and failure handling.
  const delivery = await deliverReport(checked, { stores: store ? [store] : [] }, { snapshot });
  const report = delivery.report;
  const location = delivery.stored[0]?.result.location;
  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout(renderText(reportDocument(report, { reportLocation: location })));
  }
  if (delivery.errors.length > 0) {
    io.stderr(`schema-drift check: ${delivery.errors.join('\n')}\n`);
    return EXIT.error;
  }
  return report.status === 'error' ? EXIT.error : report.status === 'drift' ? EXIT.drift : EXIT.ok;
}
