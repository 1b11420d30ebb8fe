// `schema-drift lint`: migration safety for every revision (--all, the default) or those changed since --base,
// graded by production table sizes when a database is given. Exit 0 no error finding, 1 error findings, 2 could not lint.

import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, LINT_LARGE_TABLE_DEFAULT, parseConfig } from '../config/config.js';
import { DATABASE_INPUTS } from '../config/inputs.js';
import { describeTarget, openExecutor } from '../database/open.js';
import { openPgliteExecutor } from '../database/pglite.js';
import { writeChunked } from '../lint/chunked-writer.js';
import { gradeRisks, type LintSection, risksTables } from '../lint/lint.js';
import { findMigrationRisks } from '../lint/read-migrations.js';
import { lintSectionJson } from '../lint/section-json.js';
import { lintSectionText } from '../lint/section-text.js';
import { readTableSizes } from '../lint/table-sizes.js';
import { loadMigrationGraph } from '../migrations/load.js';
import { changedFiles, openGit } from '../pull-request/git.js';
import { EXIT } from './flags.js';
import type { CliIo } from './run-cli.js';

const STRING_FLAGS = [
  'migrations',
  'base',
  ...DATABASE_INPUTS,
  'config',
  'lint-large-table',
  'timeout-seconds',
] as const;

export async function lintCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`schema-drift lint: ${message}\n`);
    return EXIT.error;
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const }]));
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...options, all: { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.all && values.base) return fail('give --base REF or --all, not both');
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig({
      ...Object.fromEntries(STRING_FLAGS.map((f) => [f, values[f] as string | undefined])),
      'lint-large-table': (values['lint-large-table'] as string | undefined) ?? LINT_LARGE_TABLE_DEFAULT,
    });
  } catch (error) {
    return fail(error instanceof ConfigError ? error.message : String(error));
  }

  const root = path.resolve(io.cwd);
  const now = new Date();
  const started = Date.now();
  let section: LintSection;
  try {
    const { graph, location } = await loadMigrationGraph(root, config.migrations);
    // The reader's own kinds for a file it could not read or evaluate (issue 9).
    const unreadable = graph.findings.filter(
      (f) => f.kind === 'unparseable-revision-file' || f.kind === 'unreadable-revision-file',
    );
    if (unreadable.length > 0) {
      return fail(unreadable.map((f) => `${f.file}:${f.line ?? 1}: ${f.message}`).join('\n'));
    }
    let files = [...graph.revisions.values()].map((r) => r.file).sort();
    if (typeof values.base === 'string') {
      const git = await openGit(root);
      const fromTop = (p: string) => path.relative(root, path.join(git.top, p)).split(path.sep).join('/');
      const changed = new Set(
        (await changedFiles(git, values.base, 'HEAD')).filter((c) => c.status !== 'D').map((c) => fromTop(c.path)),
      );
      files = files.filter((f) => changed.has(f));
    }
    const { found, config: lintConfig } = await findMigrationRisks({
      root,
      location,
      files,
      configFile: config.ignoreRulesFile,
      today: now,
      // The whole command ends within timeout-seconds; past it the error names the file being read (exit 2).
      deadline: { at: started + config.timeoutSeconds * 1000, what: `--timeout-seconds (${config.timeoutSeconds})` },
    });
    let production: Parameters<typeof gradeRisks>[1]['production'] = {
      skipped: 'no database given (--database-url, --lambda-function or --pglite)',
    };
    if (config.database) {
      const target = config.database;
      const executor = await openExecutor(target, {
        aws: async () => ({ region: config.aws.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '' }),
        pglite: openPgliteExecutor,
      }).catch((error: Error) => {
        throw new Error(`could not open ${describeTarget(target)}: ${error.message}`);
      });
      try {
        production = { sizes: await readTableSizes(executor, risksTables(found)), source: executor.describe() };
      } catch (error) {
        throw new Error(`could not read table sizes from ${executor.describe()}: ${(error as Error).message}`);
      } finally {
        await executor.close().catch(() => {});
      }
    }
    section = gradeRisks(found, { config: lintConfig, production, largeTable: config.pullRequest.lintLargeTable });
  } catch (error) {
    return fail((error as Error).message);
  }

  // Streamed a finding at a time (--json byte for byte JSON.stringify(section, null, 2)): 25,000 findings would
  // otherwise be held as one string of 19 MB (text) or 35 MB (JSON) and its UTF-8 copy.
  await writeChunked(values.json ? lintSectionJson(section) : lintSectionText(section), io.stdout, stdoutDrained);
  return section.counts.error > 0 ? EXIT.drift : EXIT.ok;
}

// io.stdout ends in process.stdout (through the scrubbing wrapper, which keeps no return value): when it has queued
// what a pipe could not take, wait until it has written it. A write that returned false always ends in 'drain' (or
// 'error', which rejects).
async function stdoutDrained(): Promise<void> {
  if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
}
