// The postgres adapter and readVersionTable on the real PostgreSQL 15 server, with the version table written by
// real Alembic (`alembic stamp`) from a small generated project.
import { createServer, type Server } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../src/database/executor.js';
import { openPostgresExecutor } from '../../src/database/postgres.js';
import { readVersionTable } from '../../src/database/version-table.js';
import { type AlembicProject, createAlembicProject } from '../database/alembic-stamp.js';
import { alembicUnavailable, createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';

const serverMissing = (await pgServerUnavailable()) !== null;
const alembicMissing = alembicUnavailable() !== null;

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}

async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe.skipIf(serverMissing || alembicMissing)('readVersionTable on PostgreSQL 15, stamped by real Alembic', () => {
  let db: { url: string; drop: () => Promise<void> };
  let project: AlembicProject;
  let custom: AlembicProject;
  let executor: SqlExecutor;
  const ref = { table: 'alembic_version' };
  const customRef = { table: 'DeployVersions', schema: 'ops-meta' };

  beforeAll(async () => {
    db = await createServerDatabase('sda_vt');
    project = await createAlembicProject(db.url);
    custom = await createAlembicProject(db.url, {
      versionTable: customRef.table,
      versionTableSchema: customRef.schema,
    });
    executor = await openPostgresExecutor(db.url);
  });
  afterAll(async () => {
    await executor?.close();
    await project?.remove();
    await custom?.remove();
    await db?.drop();
  });

  it('reports a missing table before anything was stamped', async () => {
    expect(await readVersionTable(executor, ref)).toEqual({
      exists: false,
      versions: [],
      invalid: [],
      qualifiedName: 'alembic_version',
    });
  });

  it('reads the one row Alembic writes for a single head', async () => {
    await project.stamp('c3');
    expect(await readVersionTable(executor, ref)).toEqual({
      exists: true,
      versions: ['c3'],
      invalid: [],
      qualifiedName: 'public.alembic_version',
    });
  });

  it('reads both rows when Alembic stamps two branch heads', async () => {
    await project.stamp('d4', 'c3');
    const read = await readVersionTable(executor, ref);
    expect(read.versions).toEqual(['c3', 'd4']);
  });

  it('reads an empty table after Alembic stamps base', async () => {
    await project.stamp('base');
    expect(await readVersionTable(executor, ref)).toEqual({
      exists: true,
      versions: [],
      invalid: [],
      qualifiedName: 'public.alembic_version',
    });
  });

  it('reads a custom-named table in a custom schema, quoted as Alembic created it', async () => {
    await custom.stamp('b2');
    expect(await readVersionTable(executor, customRef)).toEqual({
      exists: true,
      versions: ['b2'],
      invalid: [],
      qualifiedName: '"ops-meta"."DeployVersions"',
    });
    const created = await adminQuery(
      db.url,
      `select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = 'DeployVersions'`,
    );
    expect(created.rows).toEqual([{ nspname: 'ops-meta', relname: 'DeployVersions' }]);
  });

  it('does not find the custom table without its schema, nor under another case', async () => {
    expect((await readVersionTable(executor, { table: 'DeployVersions' })).exists).toBe(false);
    expect((await readVersionTable(executor, { table: 'deployversions', schema: 'ops-meta' })).exists).toBe(false);
  });

  it('reports a missing table when the schema itself does not exist', async () => {
    expect(await readVersionTable(executor, { table: 'alembic_version', schema: 'nowhere' })).toEqual({
      exists: false,
      versions: [],
      invalid: [],
      qualifiedName: 'nowhere.alembic_version',
    });
  });
});

describe.skipIf(serverMissing)('openPostgresExecutor on the real server', () => {
  let db: { url: string; drop: () => Promise<void> };
  let executor: SqlExecutor;

  beforeAll(async () => {
    db = await createServerDatabase('sda_pg');
    await adminQuery(db.url, 'create table alembic_version (version_num varchar(32) primary key)');
    await adminQuery(db.url, "insert into alembic_version values ('c3')");
    executor = await openPostgresExecutor(db.url);
  });
  afterAll(async () => {
    await executor?.close();
    await db?.drop();
  });

  it('describes itself by the URL with the password hidden', () => {
    const { hostname, port, pathname } = new URL(db.url);
    expect(executor.describe()).toBe(`postgres://postgres:***@${hostname}:${port}${pathname}`);
  });

  it('returns rows and binds parameters', async () => {
    const rows = await executor.query<{ n: number; s: string }>('select $1::int + 1 as n, $2::text as s', [41, 'x']);
    expect(rows).toEqual([{ n: 42, s: 'x' }]);
  });

  it('refuses a write: create table fails in the read-only transaction and leaves nothing behind', async () => {
    await expect(executor.query('create table intruder (x int)')).rejects.toThrow(
      /^Query failed on postgres:\/\/postgres:\*\*\*@.*: cannot execute CREATE TABLE in a read-only transaction$/,
    );
    await expect(executor.query("insert into alembic_version values ('zz')")).rejects.toThrow(/read-only transaction/);
    const left = await adminQuery(
      db.url,
      "select to_regclass('intruder') as t, (select count(*)::int from alembic_version) as n",
    );
    expect(left.rows).toEqual([{ t: null, n: 1 }]);
  });

  it('cannot be talked out of read-only by the SQL it runs', async () => {
    await expect(executor.query('set transaction read write')).rejects.toThrow(
      'transaction read-write mode must be set before any query',
    );
    await expect(executor.query('commit; create table escaped (x int)')).rejects.toThrow(
      'cannot insert multiple commands into a prepared statement',
    );
    // A lone COMMIT ends our transaction early; the next query must still start read-only.
    await executor.query('commit');
    const rows = await executor.query<{ ro: string }>("select current_setting('transaction_read_only') as ro");
    expect(rows).toEqual([{ ro: 'on' }]);
    const left = await adminQuery(db.url, "select to_regclass('escaped') as t");
    expect(left.rows).toEqual([{ t: null }]);
  });

  it('keeps every one of several concurrent queries inside its own read-only transaction', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        executor.query<{ ro: string; st: string; lt: string }>(
          "select current_setting('transaction_read_only') as ro, current_setting('statement_timeout') as st, current_setting('lock_timeout') as lt",
        ),
      ),
    );
    expect(results.flat()).toEqual(Array.from({ length: 8 }, () => ({ ro: 'on', st: '30s', lt: '5s' })));
  });

  it('stops a query at statement_timeout', async () => {
    const short = await openPostgresExecutor(db.url, { statementTimeoutMs: 200 });
    try {
      const started = Date.now();
      await expect(short.query('select pg_sleep(3)')).rejects.toThrow(/canceling statement due to statement timeout/);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await short.query('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await short.close();
    }
  });

  it('gives up waiting for a lock at lock_timeout', async () => {
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    const waiting = await openPostgresExecutor(db.url, { lockTimeoutMs: 200 });
    try {
      await locker.query('begin; lock table alembic_version in access exclusive mode');
      await expect(readVersionTable(waiting, { table: 'alembic_version' })).rejects.toThrow(
        /^Could not read version table public\.alembic_version: Query failed on .*: canceling statement due to lock timeout$/,
      );
    } finally {
      await locker.query('rollback');
      await locker.end();
      await waiting.close();
    }
  });

  it('survives the server dropping the connection and says so on the next query', async () => {
    const victim = await openPostgresExecutor(db.url);
    try {
      const [{ pid }] = (await victim.query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
      await adminQuery(db.url, 'select pg_terminate_backend($1)', [pid]);
      await new Promise((done) => setTimeout(done, 200));
      await expect(victim.query('select 1')).rejects.toThrow(
        /^Query failed on postgres:\/\/postgres:\*\*\*@.*: connection lost: /,
      );
      await expect(victim.query('select 1')).rejects.toThrow(/connection lost/);
    } finally {
      await victim.close();
    }
  });

  it('names the stage and the redacted URL when a query fails', async () => {
    await expect(executor.query('select * from no_such_table')).rejects.toThrow(
      `Query failed on ${executor.describe()}: relation "no_such_table" does not exist`,
    );
  });

  it('rejects a wrong password with a clear message that never contains the password', async () => {
    const secret = 'Wr0ng-S3cret!x%y';
    const bad = withPassword(db.url, encodeURIComponent(secret));
    const error = await openPostgresExecutor(bad).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(
      /^Could not connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:5432\/\w+: password authentication failed for user "postgres"$/,
    );
    expect(error?.message).not.toContain(secret);
    expect(error?.message).not.toContain(encodeURIComponent(secret));
    expect(String(error?.stack)).not.toContain(secret);
  });

  it('rejects a wrong password given as password= in the query string, without showing it', async () => {
    const secret = 'QuerySide-Secret-42';
    const u = new URL(db.url);
    u.password = '';
    u.search = `?password=${secret}&application_name=probe`;
    const error = await openPostgresExecutor(u.toString()).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toContain('password authentication failed');
    expect(error?.message).toContain('password=***');
    expect(error?.message).not.toContain(secret);
  });

  it('fails fast and clearly when nothing listens on the port', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(openPostgresExecutor(`postgres://postgres:pw@127.0.0.1:${port}/x`)).rejects.toThrow(
      `Could not connect to PostgreSQL at postgres://postgres:***@127.0.0.1:${port}/x: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up at the connect timeout when the server accepts but never answers', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      await expect(
        openPostgresExecutor(`postgres://u:pw@127.0.0.1:${port}/x`, { connectTimeoutMs: 300 }),
      ).rejects.toThrow(/^Could not connect to PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:\d+\/x: .*timeout/);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      silent.close();
    }
  });

  it('refuses a URL that is not postgres://, showing none of it', async () => {
    await expect(openPostgresExecutor('mysql://root:hunter2@h/db')).rejects.toThrow(
      'Could not connect to PostgreSQL at mysql://root:***@h/db: expected a postgres:// or postgresql:// URL',
    );
  });

  it('connects in plain text with sslmode=disable', async () => {
    const plain = await openPostgresExecutor(`${db.url}?sslmode=disable`);
    try {
      const rows = await plain.query<{ ssl: boolean }>(
        'select coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false) as ssl',
      );
      expect(rows).toEqual([{ ssl: false }]);
    } finally {
      await plain.close();
    }
  });

  it.each(['require', 'verify-full'])(
    'refuses to fall back to plain text with sslmode=%s when the server has no TLS',
    async (mode) => {
      await expect(openPostgresExecutor(`${db.url}?sslmode=${mode}`)).rejects.toThrow(
        /^Could not connect to PostgreSQL at .*sslmode=.*: The server does not support SSL connections$/,
      );
    },
  );
});
