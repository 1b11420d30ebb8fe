// The names of the action's inputs, from the one table (input-definitions.ts) action.yml is generated from.
import { DEPRECATED_INPUTS, INPUT_DEFINITIONS } from './input-definitions.js';

/** Every current input name, in action.yml's order: what parseConfig reads and checks. */
export const INPUT_NAMES: readonly string[] = INPUT_DEFINITIONS.map((d) => d.name);

/** Old names still read (each with a warning naming its replacement); listed last in action.yml. */
export const DEPRECATED_INPUT_NAMES: readonly string[] = DEPRECATED_INPUTS.map((d) => d.name);

/** What the action reads from the runner: action.yml's `inputs:` exactly, current names then deprecated ones. */
export const ACTION_INPUT_NAMES: readonly string[] = [...INPUT_NAMES, ...DEPRECATED_INPUT_NAMES];

/** The inputs (and CLI flags) that name the database to read and how to reach it. */
export const DATABASE_INPUTS = [
  'database-url',
  'lambda-function',
  'lambda-qualifier',
  'lambda-payload-template',
  'lambda-rows-path',
  'pglite',
  'aws-region',
] as const;
