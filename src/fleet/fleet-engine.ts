// The fleet engine (run-fleet.ts) wired to a front end's world: the action and the CLI both pass their adapters here,
// so a target's previous report and baseline always come from that target's own chain, and every database call is
// limited by what is left of the run.
import type { DatabaseTarget, RawInputs } from '../config/config.js';
import type { SqlExecutor } from '../database/executor.js';
import type { AddedTimes } from '../git/added-times.js';
import { boundedOpenExecutor } from '../monitor/bounded-adapters.js';
import type { StructureDeps } from '../monitor/structure-check.js';
import { structureDeps } from '../monitor/structure-deps.js';
import { previousReportReader } from '../publish/report-store.js';
import type { RunInfo } from '../report/model.js';
import type { FleetWorld } from './action.js';
import type { FleetRun, TargetSpec } from './model.js';
import { runFleet } from './run-fleet.js';

export interface FleetEngineOptions {
  root: string;
  /** The action's workspace, which every target's report-dir must stay inside; undefined on the command line. */
  workspace: string | undefined;
  /** The config file (repository-relative) and its targets. */
  file: string;
  specs: readonly TargetSpec[];
  /** The step's inputs (or the CLI's flags): every target's defaults. */
  inputs: RawInputs;
  /** Where database-url-env names are looked up. */
  env: NodeJS.ProcessEnv;
  run: RunInfo;
  now: () => Date;
  openExecutor: (target: DatabaseTarget, world: Pick<FleetWorld, 'aws' | 'timeouts'>) => Promise<SqlExecutor>;
  describeTarget: (target: DatabaseTarget) => string;
  readAddedTimes: (root: string, folders: readonly string[]) => Promise<AddedTimes>;
  /** CLI --target: check only these. */
  only?: readonly string[];
  /** Overrides the structure adapters (tests); the monitor's otherwise. */
  structureDeps?: typeof structureDeps;
}

/** The engine as the fleet mode calls it. */
export function fleetEngine(options: FleetEngineOptions): (world: FleetWorld) => Promise<FleetRun> {
  const structure = options.structureDeps ?? structureDeps;
  return (world) =>
    runFleet({
      root: options.root,
      configFile: options.file,
      specs: options.specs,
      inputs: options.inputs,
      env: options.env,
      parseOptions: { workspace: options.workspace },
      run: options.run,
      now: options.now,
      openExecutor: (database, config) =>
        boundedOpenExecutor(
          (target: DatabaseTarget) =>
            options.openExecutor(target, { aws: world.awsFor(config), timeouts: world.timeouts }),
          options.describeTarget,
          world.limitMs,
        )(database),
      describeTarget: options.describeTarget,
      readAddedTimes: options.readAddedTimes,
      readPreviousReport: (target) => previousReportReader(world.evidenceFor(target), target.environment),
      structureDeps: (target): StructureDeps =>
        structure({
          root: options.root,
          environment: target.environment,
          store: world.evidenceFor(target),
          log: world.log,
        }),
      concurrency: world.concurrency,
      shard: world.shard ?? undefined,
      only: options.only,
      log: world.log,
    });
}
