// What a fleet run tells the workflow: the outputs (names are contracts), the messages the step fails with under
// fail-on, and the fleet report of a run that could not check anything at all. Pure.
import type { Config } from '../config/config.js';
import { sha256Hex } from '../publish/report-store.js';
import type { RunInfo } from '../report/model.js';
import type { FleetReport } from './model.js';

/** The most target names a failure message lists; the summary table has them all. */
const NAMES_IN_MESSAGE = 10;

/** Every fleet output, always set (the one-target outputs empty), so a later step can rely on them. */
export function fleetOutputs(
  fleet: FleetReport,
  where: { reportPath?: string; reportUrl?: string },
): Record<string, string> {
  return {
    status: fleet.status,
    'drift-detected': String(fleet.drift_detected),
    'targets-total': String(fleet.totals.targets),
    'targets-drifted': String(fleet.totals.drift),
    'targets-error': String(fleet.totals.error),
    'codebase-head': '',
    'production-version': '',
    'pending-count': '',
    'report-path': where.reportPath ?? '',
    'report-url': where.reportUrl ?? '',
  };
}

/** The step's failures: the fleet verdict under fail-on first, then each delivery failure once. */
export function fleetFailures(
  fleet: FleetReport,
  failOn: Config['failOn'],
  environment: string,
  deliveryErrors: readonly string[],
): string[] {
  const failures: string[] = [];
  const names = (status: string) => {
    const bad = fleet.targets.filter((t) => t.status === status).map((t) => t.name);
    const more = bad.length > NAMES_IN_MESSAGE ? ` and ${bad.length - NAMES_IN_MESSAGE} more` : '';
    return `${bad.slice(0, NAMES_IN_MESSAGE).join(', ')}${more}`;
  };
  if (fleet.status === 'error' && failOn !== 'never') {
    const parts = [
      fleet.totals.error > 0
        ? `${fleet.totals.error} of ${fleet.totals.targets} targets could not be checked (${names('error')})`
        : '',
      ...fleet.errors.map((e) => `${e.stage}: ${e.message}`),
    ].filter(Boolean);
    failures.push(`Could not determine the schema state of the ${environment} fleet: ${parts.join('; ') || 'error'}`);
  }
  // Drift is certain even when another target's error makes the fleet `error`: say it too.
  if (fleet.totals.drift > 0 && failOn === 'drift') {
    failures.push(
      `Schema drift in ${fleet.totals.drift} of ${fleet.totals.targets} targets of the ${environment} fleet: ${names('drift')}`,
    );
  }
  for (const failure of deliveryErrors) if (!failures.includes(failure)) failures.push(failure);
  return failures;
}

/** The fleet report of a run that checked nothing: `error`, naming the stage and why. */
export function fleetErrorReport(
  world: { config: Config; run: RunInfo; now: () => Date },
  stage: string,
  message: string,
): FleetReport {
  const shard = world.config.fleet.shard;
  return {
    schema_drift_fleet: 1,
    generated_at: world
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    run: world.run,
    config: world.config.ignoreRulesFile ?? '.schema-drift.yml',
    status: 'error',
    drift_detected: false,
    totals: { targets: 0, synced: 0, drift: 0, error: 0 },
    fingerprint: sha256Hex(`fleet error\n${stage}\n${message}`),
    shards: shard ? { count: shard.count, index: shard.index, merged: [] } : null,
    discovered: [],
    targets: [],
    errors: [{ stage, message }],
  };
}
