// Which targets a run has, and the matrix of a fleet: the config file's `targets:` read once for every front end
// (action modes, CLI), the mode a run takes when the file lists targets, and `mode: fleet-plan`'s matrix.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigError } from '../config/config.js';
import { parseConfigFileTargets } from '../config/config-file.js';
import { validateTargetSegment } from '../publish/report-store.js';
import type { ActionCore } from '../pull-request/action.js';
import { errorMessage } from '../shared/error-message.js';
import type { TargetSpec } from './model.js';
import { planMatrix } from './shard.js';

export const DEFAULT_CONFIG_FILE = '.schema-drift.yml';
/** Shards `fleet-plan` lays out when input `shards` is not given. */
export const DEFAULT_SHARDS = 4;

export interface FleetSpecs {
  /** Repository-relative path of the config file, as the fleet report names it. */
  file: string;
  /** Null when the file does not exist or lists no `targets:` (not a fleet). */
  specs: TargetSpec[] | null;
}

/**
 * Reads the targets of the config file (input `config`, default `.schema-drift.yml` at the root). The action's file
 * must be inside its workspace (`confined`, the default); the CLI's may be anywhere (`confined: false`), as a user
 * keeps files where they like. A named file that does not exist is an error, the default one may be absent.
 */
export async function readFleetSpecs(
  root: string,
  configInput: string | undefined,
  options: { confined?: boolean } = {},
): Promise<FleetSpecs> {
  const file = configInput ?? DEFAULT_CONFIG_FILE;
  const full = resolve(root, file);
  const fromRoot = relative(root, full).split('\\').join('/');
  const outside = fromRoot.startsWith('..') || isAbsolute(fromRoot);
  if (outside && options.confined !== false) {
    throw new ConfigError(`Invalid input "config": ${JSON.stringify(file)} is outside the repository`, ['config']);
  }
  // A file outside the root is named by its full path: `../../x.yml` would say little in a report.
  const shown = outside ? full : fromRoot;
  if (configInput === undefined && !existsSync(full)) return { file: shown, specs: null };
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    throw new ConfigError(`Could not read the config file "${shown}": ${(error as Error).message}`, ['config']);
  }
  const specs = parseConfigFileTargets(text, shown);
  // Names become store folders: refused here, before any database is touched, not when the first report is stored.
  for (const spec of specs ?? []) {
    try {
      validateTargetSegment(spec.name);
    } catch (error) {
      throw new ConfigError(
        `Invalid config file "${shown}": target "${spec.name}" (${spec.source}): ${errorMessage(error)}`,
        ['config'],
      );
    }
  }
  return { file: shown, specs };
}

export type FleetModeChoice = 'fleet' | 'fleet-plan' | 'fleet-merge' | null;

/**
 * The fleet mode a run takes: the explicit fleet modes; `auto` outside pull requests when the config file lists
 * targets; null otherwise. `monitor` with `targets:` is refused rather than checking one database and ignoring the
 * fleet the file describes.
 */
export function fleetModeFor(mode: string, eventName: string, hasTargets: boolean): FleetModeChoice {
  if (mode === 'fleet' || mode === 'fleet-plan' || mode === 'fleet-merge') return mode;
  if (!hasTargets) return null;
  if (mode === 'auto' && !eventName.startsWith('pull_request')) return 'fleet';
  if (mode === 'monitor') {
    throw new ConfigError(
      'Input "mode" is monitor but the config file lists targets: use mode fleet (or auto) to check the fleet, ' +
        'or remove targets: to check one database',
      ['mode', 'config'],
    );
  }
  return null;
}

/** The matrix for `strategy.matrix` (`{"include":[{"shard":"1/4"},…]}`), ≤ 256 jobs. */
export function fleetMatrix(specs: readonly TargetSpec[], shards: number | undefined): string {
  return JSON.stringify(planMatrix(specs, shards ?? DEFAULT_SHARDS));
}

/** `mode: fleet-plan`: sets output `matrix`, or fails the step naming why (never a matrix that checks nothing). */
export function runFleetPlanMode(
  core: Pick<ActionCore, 'setOutput' | 'setFailed' | 'info'>,
  fleet: FleetSpecs,
  shards: number | undefined,
): void {
  try {
    if (fleet.specs === null) {
      throw new Error(`mode: fleet-plan needs a targets: list in the config file ("${fleet.file}" has none)`);
    }
    const matrix = fleetMatrix(fleet.specs, shards);
    core.setOutput('matrix', matrix);
    core.info(`matrix: ${matrix}`);
  } catch (error) {
    core.setOutput('matrix', '');
    core.setOutput('status', 'error');
    core.setFailed(errorMessage(error));
  }
}
