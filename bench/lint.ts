// Lint benchmark: `schema-drift lint --all` (the built CLI, a fresh process, as a user runs it) over a generated
// 2,000-revision chain whose upgrade() bodies hold 10–40 realistic operations each: op.* calls of every kind the
// rules read, batch and autocommit blocks, and op.execute SQL (some multi-statement) for libpg-query.
//
// Figures printed, for the text output (as a user runs it) and for --json: whole-process wall time and peak RSS
// (targets ≤ 5 s and ≤ 200 MB, issue 13), best of 3, and the time per revision; the floor of a bare start of the
// built CLI (`--help`: node and the bundle) alongside. The machine is shared, so wall time alone says as much about
// the neighbours as about us: the process's own CPU time (user + sys) is printed too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { best, builtCli, type ProcessRun, runNode } from './process.js';
import type { Benchmark } from './run.js';

const REVISIONS = 2_000;
const RUNS = 3;
const TARGET_MS = 5_000;
const TARGET_RSS_MB = 200;
// One large revision (issue 22): a 2 MB op.execute literal, and a 20,000-line upgrade(), each ≤ 2 s.
const TARGET_LARGE_MS = 2_000;
// Preloaded into the measured process: writes its own CPU time (µs, user and sys) to BENCH_CPU_FILE as it exits.
const CPU_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{const u=process.resourceUsage();writeFileSync(process.env.BENCH_CPU_FILE,u.userCPUTime+" "+u.systemCPUTime)})';

/** Deterministic PRNG (mulberry32), so every run lints the same tree. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLES = ['users', 'orders', 'invoices', 'events', 'payments', 'audit_log', 'sessions', 'plans', 'claims'];

/** Operation templates: (table, n) → lines of an upgrade() body. */
const OPS: ((t: string, n: number) => string[])[] = [
  (t, n) => [`op.add_column('${t}', sa.Column('c${n}', sa.String(length=120), nullable=True))`],
  (t, n) => [
    `op.add_column('${t}', sa.Column('f${n}', sa.Boolean(), nullable=False, server_default=sa.text('false')))`,
  ],
  (t, n) => [`op.create_index('ix_${t}_${n}', '${t}', ['c${n}'], unique=False)`],
  (t, n) => [
    'with op.get_context().autocommit_block():',
    `    op.create_index('ix_${t}_cc${n}', '${t}', ['c${n}'], postgresql_concurrently=True)`,
  ],
  (t, n) => [`op.alter_column('${t}', 'c${n}', existing_type=sa.String(length=60), type_=sa.String(length=120))`],
  (t, n) => [`op.alter_column('${t}', 'total${n}', existing_type=sa.Integer(), type_=sa.BigInteger())`],
  (t, n) => [`op.alter_column('${t}', 'c${n}', existing_type=sa.String(), nullable=False)`],
  (t, n) => [`op.create_foreign_key('fk_${t}_${n}', '${t}', 'users', ['user_id'], ['id'], ondelete='CASCADE')`],
  (t, n) => [`op.create_check_constraint('ck_${t}_${n}', '${t}', 'amount >= 0', postgresql_not_valid=True)`],
  (t, n) => [`op.create_unique_constraint('uq_${t}_${n}', '${t}', ['c${n}', 'id'])`],
  (t, n) => [`op.drop_column('${t}', 'old_${n}')`],
  (t, n) => [
    `with op.batch_alter_table('${t}', schema=None) as batch_op:`,
    `    batch_op.add_column(sa.Column('b${n}', sa.DateTime(timezone=True), server_default=sa.func.now()))`,
    `    batch_op.drop_column('legacy_${n}')`,
  ],
  (t, n) => [
    `op.create_table('${t}_archive_${n}',`,
    "    sa.Column('id', sa.BigInteger(), primary_key=True),",
    "    sa.Column('payload', sa.Text(), nullable=False),",
    "    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),",
    ')',
  ],
  (t, n) => [`op.execute("UPDATE ${t} SET c${n} = lower(c${n}) WHERE id < 100000")`],
  (t, n) => [
    'op.execute("""',
    `    ALTER TABLE ${t} ADD COLUMN s${n} text;`,
    `    CREATE INDEX ix_${t}_s${n} ON ${t} (s${n});`,
    `    UPDATE ${t} SET s${n} = 'x';`,
    '""")',
  ],
  (t, n) => [
    `op.execute(sa.text("ALTER TABLE ${t} ADD CONSTRAINT fk_${n} FOREIGN KEY (plan_id) REFERENCES plans (id) NOT VALID"))`,
  ],
  (t, n) => [`op.execute("ALTER TABLE ${t} VALIDATE CONSTRAINT fk_${n}")`],
  (t, n) => [
    `# schema-drift: ignore[drop-column] moved to ${t}_v2 in release ${n}`,
    `op.drop_column('${t}', 'moved_${n}')`,
  ],
  (t, n) => [`op.bulk_insert(sa.table('${t}', sa.column('id')), [{'id': ${n}}])`],
];

/** Writes the benchmark's tree under `root` (exported for profiling). */
export function writeTree(root: string): void {
  const versions = path.join(root, 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(path.join(root, 'alembic.ini'), '[alembic]\nscript_location = migrations\n');
  writeFileSync(
    path.join(root, 'migrations', 'env.py'),
    'from alembic import context\n\ndef run_migrations_online():\n    context.configure(connection=None)\n',
  );
  const random = prng(13);
  for (let i = 0; i < REVISIONS; i++) {
    const id = `r${i.toString(16).padStart(6, '0')}`;
    const down = i === 0 ? 'None' : `'r${(i - 1).toString(16).padStart(6, '0')}'`;
    const body: string[] = [];
    const count = 10 + Math.floor(random() * 31);
    for (let k = 0; k < count; k++) {
      const op = OPS[Math.floor(random() * OPS.length)] as (t: string, n: number) => string[];
      body.push(...op(TABLES[Math.floor(random() * TABLES.length)] as string, i * 100 + k));
    }
    const text = [
      `"""revision ${i}`,
      '',
      `Revision ID: ${id}`,
      '"""',
      'from alembic import op',
      'import sqlalchemy as sa',
      '',
      `revision = '${id}'`,
      `down_revision = ${down}`,
      'branch_labels = None',
      'depends_on = None',
      '',
      '',
      'def upgrade():',
      ...body.map((l) => `    ${l}`),
      '',
      '',
      'def downgrade():',
      '    pass',
      '',
    ].join('\n');
    writeFileSync(path.join(versions, `${id}_revision_${i}.py`), text);
  }
}

/** A tree of one revision whose upgrade() is `body` (lines, indented here). */
function writeOneRevision(root: string, body: string[]): void {
  const versions = path.join(root, 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(path.join(root, 'alembic.ini'), '[alembic]\nscript_location = migrations\n');
  writeFileSync(path.join(root, 'migrations', 'env.py'), 'from alembic import context\n');
  const head = ['from alembic import op', 'import sqlalchemy as sa', "revision = 'big'", 'down_revision = None', ''];
  const text = [...head, '', 'def upgrade():', ...body.map((l) => `    ${l}`), ''].join('\n');
  writeFileSync(path.join(versions, 'big.py'), text);
}

/** The two large single revisions: ~2 MB of SQL statements in one literal, and 20,000 op.* lines. */
function largeRevisions(): Array<{ label: string; body: string[] }> {
  const statements: string[] = [];
  for (let i = 0, size = 0; size < 2_000_000; i++) {
    const line = `UPDATE users SET tier = 'plan ${i}' WHERE id = ${i};`;
    statements.push(line);
    size += line.length + 1;
  }
  const lines = Array.from({ length: 20_000 }, (_, i) => `op.add_column('t${i % 50}', sa.Column('c${i}', sa.Text()))`);
  return [
    { label: '2 MB op.execute literal', body: [`op.execute("""${statements.join('\n')}""")`] },
    { label: '20,000-line revision   ', body: lines },
  ];
}

interface Measured {
  fastest: ProcessRun;
  cpuMs: number[];
  peakMb: number;
}

/** `runs` fresh processes of `node args...` in `root`, each with its own CPU time. */
function measure(cli: string, args: string[], root: string, runs: number): Measured {
  const cpuFile = path.join(root, 'cpu.txt');
  process.env.BENCH_CPU_FILE = cpuFile;
  const cpuMs: number[] = [];
  try {
    const all = Array.from({ length: runs }, () => {
      // Exit 1 means error findings, an answer like exit 0.
      const run = runNode(['--import', CPU_HOOK, cli, ...args], root, [0, 1]);
      const [user, sys] = readFileSync(cpuFile, 'utf8').split(' ').map(Number);
      cpuMs.push(((user ?? Number.NaN) + (sys ?? Number.NaN)) / 1000);
      return run;
    });
    return { fastest: best(all), cpuMs, peakMb: Math.max(...all.map((r) => r.maxRssMb)) };
  } finally {
    delete process.env.BENCH_CPU_FILE;
  }
}

const f1 = (n: number) => n.toFixed(1);
const against = (value: number, target: number) => (value <= target ? 'met' : 'NOT met');

function print(label: string, m: Measured): void {
  const leastCpu = Math.min(...m.cpuMs);
  console.log(
    `${label}, whole process: ${f1(m.fastest.wallMs)} ms wall (best of ${RUNS}; target ≤ ${TARGET_MS} ms: ${against(m.fastest.wallMs, TARGET_MS)})`,
  );
  console.log(
    `${label}, CPU (user + sys): ${f1(leastCpu)} ms (least of ${RUNS}: ${m.cpuMs.map(f1).join(', ')}; target ≤ ${TARGET_MS} ms: ${against(leastCpu, TARGET_MS)})`,
  );
  console.log(
    `${label}, per revision:     ${(m.fastest.wallMs / REVISIONS).toFixed(3)} ms wall, ${(leastCpu / REVISIONS).toFixed(3)} ms CPU`,
  );
  console.log(
    `${label}, peak RSS:         ${f1(m.peakMb)} MB (worst of ${RUNS}; target ≤ ${TARGET_RSS_MB} MB: ${against(m.peakMb, TARGET_RSS_MB)})`,
  );
}

async function run(): Promise<void> {
  const built = builtCli();
  if ('missing' in built) {
    console.log(`skipped: ${built.missing}`);
    return;
  }
  const root = mkdtempSync(path.join(tmpdir(), 'bench-lint-'));
  try {
    writeTree(root);
    console.log(`tree: ${REVISIONS} revisions, 10–40 operations each, in ${root}`);
    // The floor: node's own start-up and the bundle's, doing nothing.
    const floor = measure(built.cli, ['--help'], root, RUNS);
    // As a user runs it (text), then as a tool reads it (--json); no production, so default severities.
    const text = measure(built.cli, ['lint', '--all'], root, RUNS);
    const json = measure(built.cli, ['lint', '--all', '--json'], root, RUNS);
    const section = JSON.parse(json.fastest.stdout) as { migrations: number; counts: Record<string, number> };
    const summary = text.fastest.stdout.slice(
      text.fastest.stdout.lastIndexOf('\n', text.fastest.stdout.length - 2) + 1,
    );
    console.log(
      `findings: ${section.counts.error} errors, ${section.counts.warning} warnings, ${section.counts.notice} notices in ${section.migrations} migrations`,
    );
    console.log(`text summary: ${summary.trim()}`);
    console.log(
      `floor (--help): ${f1(floor.fastest.wallMs)} ms wall, ${f1(Math.min(...floor.cpuMs))} ms CPU, ${f1(floor.peakMb)} MB peak RSS`,
    );
    print('lint --all       ', text);
    print('lint --all --json', json);
    const expected = `${REVISIONS} migrations linted: ${section.counts.error} errors, ${section.counts.warning} warnings`;
    if (section.migrations !== REVISIONS || !summary.startsWith(expected)) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  for (const { label, body } of largeRevisions()) {
    const one = mkdtempSync(path.join(tmpdir(), 'bench-lint-one-'));
    try {
      writeOneRevision(one, body);
      const m = measure(built.cli, ['lint', '--all', '--json'], one, RUNS);
      const cpu = Math.min(...m.cpuMs);
      console.log(
        `${label}: ${f1(m.fastest.wallMs)} ms wall (best of ${RUNS}), ${f1(cpu)} ms CPU, ${f1(m.peakMb)} MB peak RSS (target ≤ ${TARGET_LARGE_MS} ms: ${against(m.fastest.wallMs, TARGET_LARGE_MS)}, CPU ${against(cpu, TARGET_LARGE_MS)})`,
      );
      if (JSON.parse(m.fastest.stdout).migrations !== 1) process.exitCode = 1;
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
  }
}

export const benchmark: Benchmark = {
  name: `lint --all on a ${REVISIONS}-revision tree, and on one 2 MB / 20,000-line revision`,
  run,
};
