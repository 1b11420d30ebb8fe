// Structure benchmark (issues 4 and 12): a 2,000-table schema on the PostgreSQL server (about 24k columns, 4k
// indexes, and views, functions, triggers, policies and grants). Prints, measured in the same run: the whole process
// `schema-drift snapshot` (the built CLI) against the whole process `pg_dump --schema-only` on the same database, in
// turns, wall time and peak RSS of each and their ratio; where our time goes (CLI floor, the queries alone, the
// snapshot in a warm process); the number of queries, the largest single response and the diff time of two snapshots.
// Targets: whole process ≤ 1.0× pg_dump's time and ≤ 100 MB peak RSS, queries ≤ 12, largest response < 5 MB,
// diff ≤ 200 ms.  `npx tsx bench/structure.ts` runs it alone.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createServerDatabase, pgServerUnavailable } from '../__tests__/support/real-parts.js';
import { SECTIONS, wrapSection } from '../src/catalog/queries.js';
import { takeSnapshot } from '../src/catalog/snapshot.js';
import { openPostgresExecutor } from '../src/database/postgres.js';
import { diffSnapshots } from '../src/drift/structure.js';
import { builtCli, type ProcessRun, runNode } from './process.js';
import type { Benchmark } from './run.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TABLES = 2_000;
const RUNS = 3;
/** Whole-process runs of each side, taken in turns so that a busy machine slows both alike. */
const PROCESS_RUNS = 5;
const TIME = '/usr/bin/time';

export function schemaSql(from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const t = `t${String(i).padStart(4, '0')}`;
    parts.push(`CREATE TABLE ${t} (
      id bigserial PRIMARY KEY, parent_id bigint, name text NOT NULL, code varchar(20) DEFAULT 'x',
      amount numeric(12,2) NOT NULL DEFAULT 0, active boolean NOT NULL DEFAULT true, created_at timestamptz DEFAULT now(),
      updated_at timestamptz, note text, score integer CHECK (score >= 0), payload jsonb, owner_id bigint);
      CREATE INDEX ${t}_name_idx ON ${t} (name) WHERE active;
      GRANT SELECT, INSERT ON ${t} TO bench_reader;`);
    if (i > 0 && i % 2 === 0)
      parts.push(
        `ALTER TABLE ${t} ADD CONSTRAINT ${t}_parent_fk FOREIGN KEY (parent_id) REFERENCES t${String(i - 1).padStart(4, '0')} (id) ON DELETE SET NULL;`,
      );
    if (i % 10 === 0) {
      parts.push(`CREATE VIEW ${t}_v WITH (security_invoker = true) AS SELECT id, name FROM ${t} WHERE active;
        CREATE FUNCTION ${t}_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
        CREATE TRIGGER ${t}_touch BEFORE UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${t}_touch();
        ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY ${t}_owner ON ${t} USING (owner_id = current_setting('app.user_id', true)::bigint);`);
    }
  }
  return parts.join('\n');
}

function best(values: number[]): number {
  return Math.min(...values);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** `pg_dump --schema-only` as a whole process: wall time, and peak RSS when GNU time is there to read it. */
function runPgDump(url: string): { wallMs: number; maxRssMb: number | undefined } {
  const useTime = existsSync(TIME);
  const args = ['--schema-only', '-f', '/dev/null', url];
  const t0 = performance.now();
  const result = useTime
    ? spawnSync(TIME, ['-f', 'BENCH_RSS_KB %M', 'pg_dump', ...args], { encoding: 'utf8' })
    : spawnSync('pg_dump', args, { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr}`);
  const rss = /BENCH_RSS_KB (\d+)/.exec(result.stderr);
  return { wallMs, maxRssMb: rss?.[1] ? Number(rss[1]) / 1024 : undefined };
}

/** The section queries alone, one after another on one connection: the server's share of a snapshot. */
async function queriesAlone(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    for (const section of SECTIONS) {
      // The answer's size only: no text is sent back, so this is the server's work without the transfer.
      await client.query(`SELECT octet_length(items) FROM (${wrapSection(section)}) answer`, [3 * 1024 * 1024, 0]);
    }
    return performance.now() - t0;
  } finally {
    await client.end();
  }
}

async function run(): Promise<void> {
  const reason = await pgServerUnavailable();
  if (reason) {
    console.log(`skipped: ${reason}`);
    return;
  }
  const { url, drop } = await createServerDatabase('bench_structure');
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DO $$ BEGIN CREATE ROLE bench_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$');
    const build0 = performance.now();
    for (let i = 0; i < TABLES; i += 250) await admin.query(schemaSql(i, Math.min(TABLES, i + 250)));
    await admin.query('ANALYZE');
    const counts = (
      await admin.query<{ columns: string; indexes: string }>(`SELECT
        (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0) AS columns,
        (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public') AS indexes`)
    ).rows[0];
    console.log(
      `schema: ${TABLES} tables, ${counts?.columns} columns, ${counts?.indexes} indexes, ${TABLES / 10} views/functions/triggers/policies, ${TABLES} grants (built in ${((performance.now() - build0) / 1000).toFixed(1)} s)`,
    );

    // The whole processes first, on a freshly built schema, in turns.
    const built = builtCli();
    const out = path.join(tmpdir(), `bench-structure-${process.pid}.json`);
    const cliRuns: ProcessRun[] = [];
    const dumpRuns: ReturnType<typeof runPgDump>[] = [];
    let floor: { help: ProcessRun; bundleKb: number } | undefined;
    if ('cli' in built) {
      for (let r = 0; r < PROCESS_RUNS; r++) {
        cliRuns.push(runNode([built.cli, 'snapshot', '--database-url', url, '--out', out], repoRoot));
        dumpRuns.push(runPgDump(url));
      }
      rmSync(out, { force: true });
      const helps = Array.from({ length: 3 }, () => runNode([built.cli, '--help'], repoRoot));
      floor = {
        help: helps.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)),
        bundleKb: statSync(built.cli).size / 1024,
      };
    } else {
      for (let r = 0; r < PROCESS_RUNS; r++) dumpRuns.push(runPgDump(url));
    }

    const executor = await openPostgresExecutor(url, { statementTimeoutMs: 0 });
    const ours: number[] = [];
    let snapshot = await takeSnapshot(executor);
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      snapshot = await takeSnapshot(executor);
      ours.push(performance.now() - t0);
    }
    const alone: number[] = [];
    for (let r = 0; r < RUNS; r++) alone.push(await queriesAlone(url));

    await admin.query(
      'DROP INDEX t0042_name_idx; ALTER TABLE t1999 ALTER COLUMN note SET NOT NULL; REVOKE INSERT ON t0007 FROM bench_reader',
    );
    const changed = await takeSnapshot(executor);
    await executor.close();
    await admin.end();
    const diffs: number[] = [];
    let found = 0;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      found = diffSnapshots(snapshot, changed).differences.length;
      diffs.push(performance.now() - t0);
    }

    const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const dumpMs = dumpRuns.map((d) => d.wallMs);
    const dumpRss = dumpRuns.map((d) => d.maxRssMb).filter((v): v is number => v !== undefined);
    const dumpRssText = dumpRss.length ? `${Math.max(...dumpRss).toFixed(0)} MB` : 'n/a (no GNU time)';
    console.log(`objects in snapshot:        ${snapshot.objects.length}`);
    console.log(`whole process, ${PROCESS_RUNS} runs each in turns (best / median wall time, highest peak RSS):`);
    if ('cli' in built) {
      const cliMs = cliRuns.map((c) => c.wallMs);
      const cliRss = Math.max(...cliRuns.map((c) => c.maxRssMb));
      console.log(
        `  schema-drift snapshot:    ${s(best(cliMs))} / ${s(median(cliMs))}, peak RSS ${cliRss.toFixed(0)} MB (target ≤ 100 MB)`,
      );
      console.log(`  pg_dump --schema-only:    ${s(best(dumpMs))} / ${s(median(dumpMs))}, peak RSS ${dumpRssText}`);
      console.log(
        `  ratio ours / pg_dump:     ${(best(cliMs) / best(dumpMs)).toFixed(2)} best, ${(median(cliMs) / median(dumpMs)).toFixed(2)} median (target ≤ 1.0)`,
      );
    } else {
      console.log(`  schema-drift snapshot:    not measured: ${built.missing}`);
      console.log(`  pg_dump --schema-only:    ${s(best(dumpMs))} / ${s(median(dumpMs))}, peak RSS ${dumpRssText}`);
    }
    console.log('where our time goes:');
    if (floor) {
      console.log(
        `  CLI floor (--help):       ${floor.help.wallMs.toFixed(0)} ms, peak RSS ${floor.help.maxRssMb.toFixed(0)} MB, entry bundle ${floor.bundleKb.toFixed(0)} KB`,
      );
    }
    console.log(`  the queries alone:        ${best(alone).toFixed(0)} ms (server work, best of ${RUNS})`);
    console.log(
      `  snapshot, warm process:   ${best(ours).toFixed(0)} ms (best of ${RUNS}; queries and reading overlap)`,
    );
    console.log(`queries:                    ${snapshot.stats.queries} (target ≤ 12)`);
    console.log(
      `largest response:           ${mb(snapshot.stats.largest_response_bytes)} MB (target < 5 MB; budget ${mb(snapshot.stats.response_budget_bytes)} MB)`,
    );
    console.log(`all responses:              ${mb(snapshot.stats.total_response_bytes)} MB`);
    console.log(`diff of two snapshots:      ${best(diffs).toFixed(1)} ms, ${found} differences (target ≤ 200 ms)`);
  } finally {
    await drop();
  }
}

export const benchmark: Benchmark = { name: 'structure snapshot (2,000 tables)', run };

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
