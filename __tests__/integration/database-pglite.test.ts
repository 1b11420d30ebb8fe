// The pglite executor and readVersionTable on embedded PGlite (PostgreSQL 18). PGlite is also served on 127.0.0.1
// through pglite-socket so that real Alembic (psycopg2) stamps it, and so that the postgres adapter can be run
// against it.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../src/database/executor.js';
import { openPgliteExecutor } from '../../src/database/pglite.js';
import { openPostgresExecutor } from '../../src/database/postgres.js';
import { readVersionTable } from '../../src/database/version-table.js';
import { type AlembicProject, createAlembicProject } from '../database/alembic-stamp.js';
import { alembicUnavailable } from '../support/real-parts.js';

const alembicMissing = alembicUnavailable() !== null;
const ref = { table: 'alembic_version' };

// PGlite takes seconds to start on a busy machine, so one in-memory instance serves every test below.
describe('openPgliteExecutor in memory, and readVersionTable seeded through db', () => {
  let executor: SqlExecutor & { readonly db: import('@electric-sql/pglite').PGlite };
  beforeAll(async () => {
    executor = await openPgliteExecutor();
  });
  afterAll(async () => {
    await executor?.close();
  });

  it('describes itself as pglite:memory and runs PostgreSQL 18', async () => {
    expect(executor.describe()).toBe('pglite:memory');
    expect(await executor.query<{ n: number }>('select $1::int * 2 as n', [21])).toEqual([{ n: 42 }]);
    const [version] = await executor.query<{ v: string }>("select current_setting('server_version_num') as v");
    expect(Number(version?.v)).toBeGreaterThanOrEqual(180000);
  });

  it('refuses writes through query() but lets the owner seed through db', async () => {
    await expect(executor.query('create table intruder (x int)')).rejects.toThrow(
      'Query failed on pglite:memory: cannot execute CREATE TABLE in a read-only transaction',
    );
    await expect(executor.query('set transaction read write')).rejects.toThrow(
      'transaction read-write mode must be set before any query',
    );
    await expect(executor.query('commit; create table escaped (x int)')).rejects.toThrow(
      'cannot insert multiple commands into a prepared statement',
    );
    const left = await executor.db.query<{ a: string | null; b: string | null }>(
      "select to_regclass('intruder')::text as a, to_regclass('escaped')::text as b",
    );
    expect(left.rows).toEqual([{ a: null, b: null }]);
    await executor.db.exec('create table seeded (x int)');
    expect(await executor.query("select to_regclass('seeded')::text as t")).toEqual([{ t: 'seeded' }]);
  });

  it('creates a missing data folder when asked to, and keeps what was written there across reopenings', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sda-pglite-'));
    const dataDir = join(root, 'nested', 'data');
    try {
      const first = await openPgliteExecutor(dataDir, { create: true });
      expect(first.describe()).toBe(`pglite:${dataDir}`);
      expect((await stat(dataDir)).isDirectory()).toBe(true);
      await first.db.exec(
        "create table alembic_version (version_num varchar(32) primary key); insert into alembic_version values ('c3')",
      );
      await first.close();
      const second = await openPgliteExecutor(dataDir);
      try {
        expect(await readVersionTable(second, ref)).toEqual({
          exists: true,
          versions: ['c3'],
          invalid: [],
          qualifiedName: 'public.alembic_version',
        });
      } finally {
        await second.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses a folder that holds no database unless asked to create one, naming it and creating nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sda-pglite-'));
    try {
      const missing = join(root, 'mistyped', 'data');
      await expect(openPgliteExecutor(missing)).rejects.toThrow(`Could not open PGlite at ${missing}: no such folder`);
      await expect(stat(join(root, 'mistyped'))).rejects.toThrow(/ENOENT/);
      const empty = join(root, 'empty');
      await mkdir(empty);
      await expect(openPgliteExecutor(empty)).rejects.toThrow(`Could not open PGlite at ${empty}: the folder is empty`);
      expect(await readdir(empty)).toEqual([]);
      const other = join(root, 'other');
      await mkdir(other);
      await writeFile(join(other, 'notes.txt'), 'not a database');
      // Not even with create: PGlite would initialise a cluster among someone's files.
      for (const create of [false, true]) {
        await expect(openPgliteExecutor(other, { create })).rejects.toThrow(
          `Could not open PGlite at ${other}: the folder holds no PGlite database (no PG_VERSION file)`,
        );
      }
      expect(await readdir(other)).toEqual(['notes.txt']);
      // An empty folder may be made a database when asked; afterwards it opens without being asked.
      await (await openPgliteExecutor(empty, { create: true })).close();
      const reopened = await openPgliteExecutor(empty);
      expect(await reopened.query('select 1 as one')).toEqual([{ one: 1 }]);
      await reopened.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('names the data folder when PGlite cannot open it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sda-pglite-'));
    try {
      const file = join(root, 'not-a-folder');
      await writeFile(file, 'x');
      await expect(openPgliteExecutor(file)).rejects.toThrow(`Could not open PGlite at ${file}: `);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('reports a missing table', async () => {
    expect(await readVersionTable(executor, ref)).toEqual({
      exists: false,
      versions: [],
      invalid: [],
      qualifiedName: 'alembic_version',
    });
  });

  it('reads an empty table, one row, and several rows sorted', async () => {
    await executor.db.exec('create table alembic_version (version_num varchar(32) not null primary key)');
    expect((await readVersionTable(executor, ref)).versions).toEqual([]);
    await executor.db.exec("insert into alembic_version values ('d4')");
    expect((await readVersionTable(executor, ref)).versions).toEqual(['d4']);
    await executor.db.exec("insert into alembic_version values ('c3')");
    expect(await readVersionTable(executor, ref)).toEqual({
      exists: true,
      versions: ['c3', 'd4'],
      invalid: [],
      qualifiedName: 'public.alembic_version',
    });
  });

  it('reads a custom-named table in a custom schema', async () => {
    await executor.db.exec(
      `create schema "ops-meta"; create table "ops-meta"."DeployVersions" (version_num varchar(32) primary key);
       insert into "ops-meta"."DeployVersions" values ('b2')`,
    );
    expect(await readVersionTable(executor, { table: 'DeployVersions', schema: 'ops-meta' })).toEqual({
      exists: true,
      versions: ['b2'],
      invalid: [],
      qualifiedName: '"ops-meta"."DeployVersions"',
    });
  });

  it('says it is closed rather than crashing when used after close', async () => {
    await executor.close();
    await executor.close();
    await expect(executor.query('select 1')).rejects.toThrow('Query failed on pglite:memory: the executor is closed');
  });
});

describe.skipIf(alembicMissing)('PGlite served on 127.0.0.1, stamped by real Alembic', () => {
  let executor: SqlExecutor & { readonly db: import('@electric-sql/pglite').PGlite };
  let server: PGLiteSocketServer;
  let url: string;
  let project: AlembicProject;
  let custom: AlembicProject;
  const customRef = { table: 'DeployVersions', schema: 'ops-meta' };

  beforeAll(async () => {
    executor = await openPgliteExecutor();
    server = new PGLiteSocketServer({ db: executor.db, host: '127.0.0.1', port: 0 });
    await server.start();
    url = `postgres://postgres:pglite-pw@${server.getServerConn()}/postgres?sslmode=disable`;
    project = await createAlembicProject(url);
    custom = await createAlembicProject(url, { versionTable: customRef.table, versionTableSchema: customRef.schema });
  });
  afterAll(async () => {
    await project?.remove();
    await custom?.remove();
    await server?.stop();
    await executor?.close();
  });

  it('reads what Alembic stamps: missing, one head, two heads, then empty', async () => {
    expect((await readVersionTable(executor, ref)).exists).toBe(false);
    await project.stamp('c3');
    expect(await readVersionTable(executor, ref)).toEqual({
      exists: true,
      versions: ['c3'],
      invalid: [],
      qualifiedName: 'public.alembic_version',
    });
    await project.stamp('d4', 'c3');
    expect((await readVersionTable(executor, ref)).versions).toEqual(['c3', 'd4']);
    await project.stamp('base');
    expect(await readVersionTable(executor, ref)).toEqual({
      exists: true,
      versions: [],
      invalid: [],
      qualifiedName: 'public.alembic_version',
    });
  });

  it('reads the custom table and schema Alembic creates', async () => {
    await custom.stamp('b2');
    expect(await readVersionTable(executor, customRef)).toEqual({
      exists: true,
      versions: ['b2'],
      invalid: [],
      qualifiedName: '"ops-meta"."DeployVersions"',
    });
  });

  it('reads the same through the postgres adapter over the socket, still read-only', async () => {
    await project.stamp('d4', 'c3');
    const remote = await openPostgresExecutor(url);
    try {
      expect(remote.describe()).toMatch(/^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres\?sslmode=disable$/);
      expect(await readVersionTable(remote, ref)).toEqual({
        exists: true,
        versions: ['c3', 'd4'],
        invalid: [],
        qualifiedName: 'public.alembic_version',
      });
      await expect(remote.query('create table intruder (x int)')).rejects.toThrow(/read-only transaction/);
    } finally {
      await remote.close();
    }
  });
});
