// A schema-per-tenant fleet on the real PostgreSQL server: an Alembic project whose env.py migrates one schema
// (version_table_schema), a template schema built by real `alembic upgrade head`, and tenants cloned from the same
// statements in SQL (fast), each at a planted revision. Shared by __tests__/fleet and bench/fleet.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { alembicPython } from '../support/real-parts.js';

/** The chain of revisions: each one's statements, unqualified (env.py sets search_path to the tenant schema). */
export const REVISIONS: { id: string; statements: string[] }[] = [
  {
    id: 'a1_users',
    statements: [
      'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz DEFAULT now())',
    ],
  },
  {
    id: 'b2_orders',
    statements: [
      'CREATE TABLE orders (id bigserial PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id), total numeric(12,2) NOT NULL)',
    ],
  },
  {
    id: 'c3_order_index',
    statements: [
      'CREATE INDEX orders_user_id_idx ON orders (user_id)',
      "COMMENT ON TABLE orders IS 'one row per order'",
    ],
  },
];
export const HEAD = 'c3_order_index';

const ENV_PY = `import os
from alembic import context
from sqlalchemy import create_engine, text

schema = os.environ["TENANT_SCHEMA"]


def run():
    engine = create_engine(os.environ["DATABASE_URL"])
    with engine.begin() as connection:
        connection.execute(text('SET search_path TO "%s"' % schema.replace('"', '""')))
        context.configure(connection=connection, version_table_schema=schema)
        with context.begin_transaction():
            context.run_migrations()


run()
`;

/** Writes the Alembic project (alembic.ini at `root`); `extraTables` more CREATE TABLEs in the first revision. */
export function writeTenantProject(root: string, extraTables = 0): string {
  const versions = join(root, 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(
    join(root, 'alembic.ini'),
    '[alembic]\nscript_location = %(here)s/migrations\n\n[loggers]\nkeys = root\n[handlers]\nkeys = console\n' +
      '[formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n[handler_console]\n' +
      'class = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n[formatter_generic]\nformat = %%(message)s\n',
  );
  writeFileSync(join(root, 'migrations', 'env.py'), ENV_PY);
  revisions(extraTables).forEach((revision, index) => {
    const down = index === 0 ? 'None' : `'${revisions(extraTables)[index - 1]?.id}'`;
    const body = revision.statements.map((s) => `    op.execute(${JSON.stringify(s)})`).join('\n');
    writeFileSync(
      join(versions, `${revision.id}.py`),
      `from alembic import op\n\nrevision = '${revision.id}'\ndown_revision = ${down}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n${body}\n\n\ndef downgrade():\n    pass\n`,
    );
  });
  return join(root, 'alembic.ini');
}

/** The revisions, the first with `extra` more tables (a bench wants 20 tables per tenant). */
export function revisions(extra = 0): { id: string; statements: string[] }[] {
  if (extra === 0) return REVISIONS;
  const more = Array.from(
    { length: extra },
    (_, i) => `CREATE TABLE extra_${i} (id serial PRIMARY KEY, name text NOT NULL, note varchar(200), at timestamptz)`,
  );
  return REVISIONS.map((r, i) => (i === 0 ? { ...r, statements: [...r.statements, ...more] } : r));
}

/** Real Alembic migrates `schema` (created first) to head. */
export async function alembicUpgrade(url: string, root: string, schema: string, target = 'head'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
  await client.end();
  execFileSync(alembicPython, ['-m', 'alembic', '-c', join(root, 'alembic.ini'), 'upgrade', target], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.replace(/^postgres:/, 'postgresql:'), TENANT_SCHEMA: schema },
    stdio: 'pipe',
  });
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface TenantPlan {
  schema: string;
  /** How many revisions' statements to apply (0: none). */
  applied: number;
  /** The rows of its version table; null: no version table at all. */
  versionRows: (string | null)[] | null;
  /** Tables to drop after applying (a tenant stamped at head with a table missing). */
  drop?: string[];
}

/** The SQL that builds the tenants as Alembic would have (same statements, Alembic's version table DDL). */
export function tenantSql(plans: readonly TenantPlan[], extraTables = 0): string {
  const revs = revisions(extraTables);
  return plans
    .map((plan) => {
      const s = ident(plan.schema);
      const lines = [`CREATE SCHEMA ${s};`, `SET search_path TO ${s};`];
      for (const revision of revs.slice(0, plan.applied)) lines.push(...revision.statements.map((x) => `${x};`));
      if (plan.versionRows !== null) {
        // A hostile table may hold NULL or padded rows: no NOT NULL / primary key then.
        const clean = plan.versionRows.every((r) => r !== null && r === r.trim());
        lines.push(
          clean
            ? 'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));'
            : 'CREATE TABLE alembic_version (version_num VARCHAR(32));',
        );
        for (const row of plan.versionRows) {
          lines.push(`INSERT INTO alembic_version VALUES (${row === null ? 'NULL' : `'${row.replace(/'/g, "''")}'`});`);
        }
      }
      for (const table of plan.drop ?? []) lines.push(`DROP TABLE ${table} CASCADE;`);
      return lines.join('\n');
    })
    .concat('RESET search_path;')
    .join('\n');
}

export async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
