// The flags of each CLI command, and the exit codes; a module of its own so the dispatcher loads nothing heavy.
import { DATABASE_INPUTS } from '../config/inputs.js';

export const EXIT = { ok: 0, drift: 1, error: 2 } as const;

export const CHECK_FLAGS = [
  'migrations',
  'ini-section',
  'version-locations',
  ...DATABASE_INPUTS,
  'environment',
  'report-dir',
  'version-table',
  'version-table-schema',
  'pending-grace-minutes',
  // Deprecated spelling of --pending-grace-minutes: still read, with a warning (config/deprecated-inputs.ts).
  'pending-grace',
  'structure-expected',
  'reference-database-url',
  'reference-setup-command',
  'snapshot-file',
  'config',
  'baseline',
  // The fleet (`check --config FILE` with targets:).
  'concurrency',
  'shard',
  'timeout-seconds',
] as const;

/** String options of `snapshot`. */
export const SNAPSHOT_FLAGS = [
  ...DATABASE_INPUTS,
  'out',
  'include-schemas',
  'exclude-schemas',
  'max-response-bytes',
] as const;
