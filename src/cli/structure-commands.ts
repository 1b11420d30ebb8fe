// `schema-drift snapshot` and `schema-drift diff`: the structural engine on its own, for committed snapshot files
// and ad-hoc comparisons. Exit codes as everywhere: 0 equal, 1 different, 2 error.
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Snapshot } from '../catalog/model.js';
import { parseSnapshot, snapshotJsonLines, takeSnapshot } from '../catalog/snapshot.js';
import { commentText } from '../catalog/sql-quote.js';
import { DATABASE_INPUTS, type DatabaseTarget, parseConfig } from '../config/config.js';
import type { SqlExecutor } from '../database/executor.js';
import { openExecutor } from '../database/open.js';
import { parseIgnoreRules } from '../drift/ignore-rules.js';
import { diffSnapshots, SEVERITIES, type StructureDiff, type StructureDifference } from '../drift/structure.js';
import { EXIT, SNAPSHOT_FLAGS } from './flags.js';
import type { CliIo } from './run-cli.js';

export interface StructureCommandDeps {
  /** Opens the database; default: the adapters of src/database/open.ts (PGlite included). */
  openExecutor?: (target: DatabaseTarget) => Promise<SqlExecutor>;
}

const list = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** `schema-drift snapshot (--database-url | --lambda-function | --pglite) --out FILE`. */
export async function snapshotCommand(
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
  deps: StructureCommandDeps = {},
): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`schema-drift snapshot: ${message}\n`);
    return EXIT.error;
  };
  const unknown = Object.keys(values).filter(
    (k) => values[k] !== undefined && !(SNAPSHOT_FLAGS as readonly string[]).includes(k),
  );
  if (unknown.length) return fail(`--${unknown[0]} is not an option of snapshot`);
  const out = values.out;
  if (typeof out !== 'string' || !out) return fail('--out FILE is required');
  let target: DatabaseTarget;
  let region: string | undefined;
  let budget: number | undefined;
  try {
    const raw = Object.fromEntries(
      DATABASE_INPUTS.map((k) => [k, typeof values[k] === 'string' ? (values[k] as string) : undefined]),
    );
    const config = parseConfig(raw);
    if (!config.database) throw new Error('snapshot needs --database-url, --lambda-function or --pglite');
    target = config.database;
    region = config.aws.region;
    if (values['max-response-bytes'] !== undefined) {
      budget = Number(values['max-response-bytes']);
      if (!Number.isInteger(budget) || budget < 1024) {
        throw new Error(`--max-response-bytes "${values['max-response-bytes']}" is not a whole number >= 1024`);
      }
    }
  } catch (error) {
    return fail((error as Error).message);
  }

  let executor: SqlExecutor | undefined;
  try {
    executor = await (deps.openExecutor
      ? deps.openExecutor(target)
      : openExecutor(target, {
          aws: async () => ({ region: region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '' }),
          // PGlite's code is loaded only for --pglite.
          pglite: async (dir) => (await import('../database/pglite.js')).openPgliteExecutor(dir),
        }));
    const snapshot = await takeSnapshot(executor, {
      responseBudgetBytes: budget,
      includeSchemas: list(values['include-schemas']),
      excludeSchemas: list(values['exclude-schemas']),
    });
    const path = resolve(io.cwd, out);
    try {
      await pipeline(Readable.from(snapshotJsonLines(snapshot)), createWriteStream(path));
    } catch (error) {
      throw new Error(`Could not write snapshot "${out}": ${(error as Error).message}`);
    }
    io.stderr(
      `snapshot of ${executor.describe()}: ${snapshot.objects.length} objects, fingerprint ${snapshot.fingerprint}, ` +
        `${snapshot.stats.queries} queries, largest response ${snapshot.stats.largest_response_bytes} bytes → ${out}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    return fail((error as Error).message);
  } finally {
    await executor?.close().catch(() => {});
  }
}

/** `schema-drift diff EXPECTED ACTUAL [--json] [--config FILE]`: compares two snapshot files. */
export async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`schema-drift diff: ${message}\n`);
    return EXIT.error;
  };
  let positionals: string[];
  let values: { json?: boolean; config?: string };
  try {
    ({ positionals, values } = parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, config: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (positionals.length !== 2) return fail('expected two snapshot files: EXPECTED ACTUAL');
  try {
    // In argument order, so an error always names the first bad argument (a race would name either).
    const expected = await readSnapshot(io.cwd, positionals[0] as string);
    const actual = await readSnapshot(io.cwd, positionals[1] as string);
    const configPath =
      values.config ?? (existsSync(resolve(io.cwd, '.schema-drift.yml')) ? '.schema-drift.yml' : undefined);
    let rules: ReturnType<typeof parseIgnoreRules> = [];
    if (configPath) {
      let text: string;
      try {
        text = await readFile(resolve(io.cwd, configPath), 'utf8');
      } catch (error) {
        throw new Error(
          `Could not read ignore rules "${configPath}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      rules = parseIgnoreRules(text, configPath);
    }
    const diff = diffSnapshots(expected as Snapshot, actual as Snapshot, { rules });
    if (values.json) io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
    else io.stdout(renderDiffText(diff));
    return diff.equal ? EXIT.ok : EXIT.drift;
  } catch (error) {
    return fail((error as Error).message);
  }
}

async function readSnapshot(cwd: string, file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new Error(
      `Could not read snapshot "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseSnapshot(text, file);
}

/** Control characters from hostile names never reach the terminal raw. */
const shown = (value: unknown): string => commentText(typeof value === 'string' ? value : JSON.stringify(value));

function line(d: StructureDifference): string {
  const what =
    d.attribute === null ? `${d.change} ${d.kind} ${shown(d.object)}` : `${d.kind} ${shown(d.object)}: ${d.attribute}`;
  const values = d.change === 'changed' ? ` (expected ${shown(d.expected)}, actual ${shown(d.actual)})` : '';
  const seen = d.possible_rename ?? d.possible_move;
  const how = d.possible_rename && d.possible_move ? 'renamed and moved' : d.possible_move ? 'moved' : 'renamed';
  const rename = seen ? ` (possibly ${how}: in the database as ${shown(seen)})` : '';
  const fix = d.fix_sql
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
  return `  - ${what}${values}${rename} [fix-up: ${d.safety}]\n${fix}\n`;
}

/** Plain-text rendering: differences by severity, each with its fix-up SQL. */
export function renderDiffText(diff: StructureDiff): string {
  let text = diff.equal
    ? `No structural differences (fingerprint ${diff.actual_fingerprint}).\n`
    : `${diff.differences.length} structural difference(s): ${SEVERITIES.map((s) => `${diff.counts[s]} ${s}`).join(', ')}\n`;
  for (const severity of SEVERITIES) {
    const items = diff.differences.filter((d) => d.severity === severity);
    if (!items.length) continue;
    text += `\n${severity}:\n${items.map(line).join('')}`;
  }
  if (!diff.equal) {
    const script = diff.fix_script
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n');
    text += `\nfix-up script, in dependency order (destructive statements commented out):\n${script}\n`;
  }
  if (diff.notices.length) text += `\nnotices:\n${diff.notices.map(line).join('')}`;
  if (diff.ignored.length) {
    text += `\nignored by rules: ${diff.ignored.length}\n`;
    for (const i of diff.ignored)
      text += `  - ${i.difference.kind} ${shown(i.difference.object)} (${shown(i.rule.reason)})\n`;
  }
  for (const w of diff.warnings)
    text += `warning: ${shown(w.message)}${w.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : ''}\n`;
  return text;
}
