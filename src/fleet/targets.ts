// One target's Config: the step's raw inputs overridden by the target's keys, run through parseConfig — the same
// checks as a one-target run, never a copy of them. The URL comes from the environment variable the target names.
import { type Config, ConfigError, type ParseOptions, parseConfig, type RawInputs } from '../config/config.js';
import type { TargetSpec } from './model.js';

export type Environment = Readonly<Record<string, string | undefined>>;

// A target that names its own route replaces the step's whole route, so a step default never joins it as a second one.
const ROUTE_INPUTS = ['database-url', 'lambda-function', 'pglite'] as const;

export interface TargetOverrides {
  /** A discovered tenant schema: its version table and structure are read there. */
  schema?: string;
  /** A discovered tenant database: the URL from database-url-env with the database replaced. */
  databaseUrl?: string;
}

/** The URL a `database-url-env` names; throws naming the variable, never printing its value. */
export function urlFromEnvironment(spec: TargetSpec, env: Environment): string | undefined {
  const name = spec.databaseUrlEnv;
  if (name === undefined) return undefined;
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(
      `target "${spec.name}" (${spec.source}): database-url-env "${name}" is ${value === undefined ? 'not set' : 'empty'} in the environment`,
      ['config'],
    );
  }
  return value.trim();
}

/** The raw inputs of one target (before validation). */
export function targetInputs(
  step: RawInputs,
  spec: TargetSpec,
  env: Environment,
  overrides: TargetOverrides = {},
): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = { ...step };
  const url = overrides.databaseUrl ?? urlFromEnvironment(spec, env);
  if (url !== undefined || spec.inputs['lambda-function'] !== undefined) {
    for (const name of ROUTE_INPUTS) delete raw[name];
  }
  Object.assign(raw, spec.inputs);
  if (url !== undefined) raw['database-url'] = url;
  if (overrides.schema !== undefined) raw['version-table-schema'] = overrides.schema;
  return raw;
}

/** Validates one target's inputs; a ConfigError names the file, the target and the input. */
export function targetConfig(
  step: RawInputs,
  spec: TargetSpec,
  env: Environment,
  overrides: TargetOverrides = {},
  options: ParseOptions = {},
): Config {
  const raw = targetInputs(step, spec, env, overrides);
  try {
    // The step's own inputs were checked for its mode already; a target is a one-target check.
    return parseConfig(raw, { ...options, deferModeInputs: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The URL came from the variable: say so, so the user looks at the secret, not at a missing input.
    const message = error.message.replace(
      /^Invalid input "database-url"/,
      spec.databaseUrlEnv ? `Invalid database-url-env "${spec.databaseUrlEnv}"` : 'Invalid input "database-url"',
    );
    throw new ConfigError(`target "${spec.name}" (${spec.source}): ${message}`, error.inputs);
  }
}
