// The disk side of the lint, shared by the CLI and the pull-request check: the migration files, env.py and the
// `lint:` block of `.schema-drift.yml`, read into findRisks.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AlembicLocation } from '../migrations/alembic/locate.js';
import type { Finding } from '../migrations/finding.js';
import { EMPTY_LINT_CONFIG, type LintConfig, parseLintConfig } from './config.js';
import { type FoundRisks, findRisks, type LintDeadline, type LintSection } from './lint.js';
import { envSetsLockTimeout } from './python-reader.js';

export interface MigrationRisksInput {
  /** Workspace root; `files` are relative to it. */
  root: string;
  location: AlembicLocation;
  files: readonly string[];
  /** The `config` input; undefined = `.schema-drift.yml` at the root when it exists. */
  configFile?: string;
  today: Date;
  /** When linting must stop (timeout-seconds); past it, findMigrationRisks throws LintTimeoutError. */
  deadline?: LintDeadline;
}

/** Reads the files and the configuration and applies the rules. Throws (stage config) on a bad `lint:` block. */
export async function findMigrationRisks(
  input: MigrationRisksInput,
): Promise<{ found: FoundRisks; config: LintConfig }> {
  const config = readLintConfig(input.root, input.configFile);
  const envPath = path.join(input.location.scriptLocation, 'env.py');
  let envLockTimeout: boolean | null;
  try {
    envLockTimeout = envSetsLockTimeout(readFileSync(envPath, 'utf8'));
  } catch {
    envLockTimeout = null;
  }
  const inputs = input.files.map((file) => ({ file, text: () => readFileSync(path.join(input.root, file), 'utf8') }));
  const found = await findRisks(inputs, {
    config,
    envLockTimeout,
    today: input.today.toISOString().slice(0, 10),
    ...(input.deadline ? { deadline: input.deadline } : {}),
  });
  return { found, config };
}

function readLintConfig(root: string, file: string | undefined): LintConfig {
  const full = path.resolve(root, file ?? '.schema-drift.yml');
  if (!file && !existsSync(full)) return EMPTY_LINT_CONFIG;
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new Error(
      `Could not read the lint configuration (input "config") "${file ?? full}": ${(error as Error).message}`,
    );
  }
  return parseLintConfig(text, path.relative(root, full).split(path.sep).join('/'));
}

/** The section's findings as annotations-ready findings (file and line). */
export function lintFindings(section: LintSection): Finding[] {
  return section.findings.map((f) => ({
    severity: f.severity,
    kind: f.kind,
    message: f.message,
    file: f.file,
    ...(f.line === null ? {} : { line: f.line }),
  }));
}
