// Structure benchmark (issue 4): a 2,000-table schema on the PostgreSQL server (about 24k columns, 4k indexes, and
// views, functions, triggers, policies and grants). Prints, measured in the same run: our snapshot time against
// `pg_dump --schema-only` on the same database, the number of queries, the largest single response, the diff time of
// two such snapshots and the peak RSS of a fresh process taking one snapshot.
// Targets: ratio ≤ 1.0, queries ≤ 12, largest response < 5 MB, diff ≤ 200 ms, peak RSS ≤ 150 MB.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createServerDatabase, pgServerUnavailable } from '../__tests__/support/real-parts.js';
import { takeSnapshot } from '../src/catalog/snapshot.js';
import { openPostgresExecutor } from '../src/database/postgres.js';
import { diffSnapshots } from '../src/drift/structure.js';
import { builtCli, runNode } from './process.js';
import type { Benchmark } from './run.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TABLES = 2_000;
const RUNS = 3;

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

/** Child mode: one snapshot in a fresh process; prints time and peak RSS as JSON. */
async function child(url: string): Promise<void> {
  const executor = await openPostgresExecutor(url, { statementTimeoutMs: 0 });
  const t0 = performance.now();
  const snapshot = await takeSnapshot(executor);
  const ms = performance.now() - t0;
  await executor.close();
  console.log(
    JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, objects: snapshot.objects.length }),
  );
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

    const executor = await openPostgresExecutor(url, { statementTimeoutMs: 0 });
    const ours: number[] = [];
    let snapshot = await takeSnapshot(executor);
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      snapshot = await takeSnapshot(executor);
      ours.push(performance.now() - t0);
    }
    const dumpUrl = new URL(url);
    const dump: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const result = spawnSync('pg_dump', ['--schema-only', '-f', '/dev/null', dumpUrl.toString()], { stdio: 'pipe' });
      dump.push(performance.now() - t0);
      if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr.toString()}`);
    }

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

    // What a user runs: the built CLI in a fresh process (tsx alone adds ~35 MB); the tsx child when there is no build.
    const built = builtCli();
    let childResult: { ms: number; maxRssMb: number; how: string };
    if ('cli' in built) {
      const out = path.join(tmpdir(), `bench-structure-${process.pid}.json`);
      const run = runNode([built.cli, 'snapshot', '--database-url', url, '--out', out], repoRoot);
      rmSync(out, { force: true });
      childResult = { ms: run.wallMs, maxRssMb: run.maxRssMb, how: 'built CLI `snapshot`, whole process' };
    } else {
      const script = fileURLToPath(import.meta.url);
      const fresh = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', url], { encoding: 'utf8' });
      if (fresh.status !== 0) throw new Error(`child snapshot failed: ${fresh.stderr}`);
      const parsed = JSON.parse(fresh.stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; maxRssMb: number };
      childResult = { ...parsed, how: `tsx child (${built.missing})` };
    }

    const oursMs = best(ours);
    const dumpMs = best(dump);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
    console.log(`objects in snapshot:        ${snapshot.objects.length}`);
    console.log(`snapshot (best of ${RUNS}):      ${oursMs.toFixed(0)} ms`);
    console.log(`pg_dump --schema-only:      ${dumpMs.toFixed(0)} ms (best of ${RUNS})`);
    console.log(`ratio ours / pg_dump:       ${(oursMs / dumpMs).toFixed(2)} (target ≤ 1.0)`);
    console.log(`queries:                    ${snapshot.stats.queries} (target ≤ 12)`);
    console.log(
      `largest response:           ${mb(snapshot.stats.largest_response_bytes)} MB (target < 5 MB; budget ${mb(snapshot.stats.response_budget_bytes)} MB)`,
    );
    console.log(`all responses:              ${mb(snapshot.stats.total_response_bytes)} MB`);
    console.log(`diff of two snapshots:      ${best(diffs).toFixed(1)} ms, ${found} differences (target ≤ 200 ms)`);
    console.log(
      `fresh process, one snapshot: ${childResult.ms.toFixed(0)} ms, peak RSS ${childResult.maxRssMb.toFixed(0)} MB (target ≤ 150 MB; ${childResult.how})`,
    );
  } finally {
    await drop();
  }
}

export const benchmark: Benchmark = { name: 'structure snapshot (2,000 tables)', run };

if (process.argv[2] === '--child' && process.argv[3]) await child(process.argv[3]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
