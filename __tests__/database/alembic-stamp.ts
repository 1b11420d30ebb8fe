// A small generated Alembic project whose `alembic stamp` writes the version table of a test database through
// real Alembic. Revisions: a1 <- b2 <- {c3, d4}, so c3 and d4 are two branch heads.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { alembicPython } from '../support/real-parts.js';

const run = promisify(execFile);

export const REVISIONS = { a1: null, b2: 'a1', c3: 'b2', d4: 'b2' } as const;

export interface AlembicProject {
  dir: string;
  /** `alembic stamp <revisions...>` against the database; `--purge` first so each stamp replaces the table's rows. */
  stamp(...revisions: string[]): Promise<void>;
  /** How stamps reach the database: `online` (Alembic connects through psycopg2) or `offline` (Alembic's --sql run by pg). */
  mode: 'online' | 'offline';
  remove(): Promise<void>;
}

let psycopg2: Promise<boolean> | undefined;
/** Whether Alembic can connect by itself; without psycopg2 we run Alembic's offline SQL instead. */
export function psycopg2Available(): Promise<boolean> {
  psycopg2 ??=
    // SCHEMA_DRIFT_TEST_ALEMBIC_OFFLINE=1 exercises the fallback where psycopg2 is installed.
    (
      process.env.SCHEMA_DRIFT_TEST_ALEMBIC_OFFLINE === '1'
        ? Promise.reject(new Error('offline forced'))
        : run(alembicPython, ['-c', 'import psycopg2'])
    ).then(
      () => true,
      () => {
        console.warn(
          `${alembicPython} has no psycopg2 (Debian python3-psycopg2): stamping through Alembic's --sql output`,
        );
        return false;
      },
    );
  return psycopg2;
}

export async function createAlembicProject(
  url: string,
  options: { versionTable?: string; versionTableSchema?: string } = {},
): Promise<AlembicProject> {
  const dir = await mkdtemp(join(tmpdir(), 'sda-alembic-'));
  await mkdir(join(dir, 'migrations', 'versions'), { recursive: true });
  // configparser interpolates %, so a percent-encoded password must be doubled.
  await writeFile(
    join(dir, 'alembic.ini'),
    [
      '[alembic]',
      'script_location = %(here)s/migrations',
      `sqlalchemy.url = ${url.replace(/^postgres:/, 'postgresql:').replace(/%/g, '%%')}`,
      `test_version_table = ${options.versionTable ?? 'alembic_version'}`,
      `test_version_table_schema = ${options.versionTableSchema ?? ''}`,
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'migrations', 'env.py'),
    `from alembic import context
from sqlalchemy import create_engine

config = context.config
options = dict(
    version_table=config.get_main_option("test_version_table"),
    version_table_schema=config.get_main_option("test_version_table_schema") or None,
)
url = config.get_main_option("sqlalchemy.url")

if context.is_offline_mode():
    context.configure(url=url, literal_binds=True, **options)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, **options)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
`,
  );
  await writeFile(
    join(dir, 'migrations', 'script.py.mako'),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Mako placeholders, not JavaScript ones
    '"""${message}"""\nrevision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n',
  );
  for (const [revision, parent] of Object.entries(REVISIONS)) {
    await writeFile(
      join(dir, 'migrations', 'versions', `${revision}_step.py`),
      `"""step ${revision}"""\nrevision = '${revision}'\ndown_revision = ${parent === null ? 'None' : `'${parent}'`}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n`,
    );
  }
  if (options.versionTableSchema) {
    // Alembic creates its table but not the schema it lives in.
    await execSql(url, `create schema if not exists "${options.versionTableSchema.replace(/"/g, '""')}"`);
  }
  const online = await psycopg2Available();
  const alembic = async (...args: string[]): Promise<string> => {
    try {
      const { stdout } = await run(alembicPython, ['-m', 'alembic', '-c', join(dir, 'alembic.ini'), ...args], {
        cwd: dir,
      });
      return stdout;
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`alembic ${args.join(' ')} failed: ${e.stderr || e.message}`);
    }
  };
  return {
    dir,
    mode: online ? 'online' : 'offline',
    async stamp(...revisions: string[]) {
      if (online) {
        await alembic('stamp', '--purge', ...revisions);
        return;
      }
      // Offline SQL always starts from no table (it CREATEs it) and `stamp --sql base` DROPs it, where online
      // stamping keeps an empty table: drop first, and for base stamp a revision and delete its row.
      const table = `${options.versionTableSchema ? `"${options.versionTableSchema}".` : ''}"${options.versionTable ?? 'alembic_version'}"`;
      const toBase = revisions.length === 1 && revisions[0] === 'base';
      const sql = await alembic('stamp', '--sql', ...(toBase ? ['a1'] : revisions));
      await execSql(url, `drop table if exists ${table}`);
      await execSql(url, sql);
      if (toBase) await execSql(url, `delete from ${table}`);
    },
    async remove() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs SQL on the database with full rights (the test's setup, not the code under test). */
export async function execSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
