// Hostile answers and text through the BUILT action (dist/index.js) on the real PostgreSQL server: a Lambda whose
// 200 answer says it failed or is not the query's, a Lambda that binds no parameters, and repository, database and
// Lambda text that tries to start workflow commands on stdout. Each case pins the exact status and exit code.

import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotJson, takeSnapshot } from '../../src/catalog/snapshot.js';
import { openPostgresExecutor } from '../../src/database/postgres.js';
import type { Report } from '../../src/report/model.js';
import { writeAlembicScaffold, writeRevision } from '../support/alembic-tree.js';
import { type LambdaFault, type LambdaServer, pgRunner, startLambdaServer } from '../support/lambda-server.js';
import { createServerDatabase, pgServerUnavailable } from '../support/real-parts.js';
import { assertValidReport } from '../support/report-schema.js';
import { type ActionRun, ensureActionBuilt, runAction } from '../support/run-action.js';

const unavailable = await pgServerUnavailable();
const functionName = 'hostile-rds-sql-api';

let database: { url: string; drop: () => Promise<void> };
let runner: ReturnType<typeof pgRunner>;
let lambda: LambdaServer;
let sqlOnly: LambdaServer;
let workspace: string;
let runs = 0;

async function sql(text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

async function setVersions(...versions: string[]): Promise<void> {
  await sql('delete from alembic_version');
  for (const v of versions) await sql('insert into alembic_version values ($1)', [v]);
}

beforeAll(async () => {
  if (unavailable) return;
  await ensureActionBuilt();
  database = await createServerDatabase('sda_hostile');
  await sql('create table alembic_version (version_num varchar(64) not null primary key)');
  await sql('create table patients (id bigint primary key, name text not null)');
  runner = pgRunner(database.url);
  lambda = await startLambdaServer({ runSql: runner });
  sqlOnly = await startLambdaServer({ runSql: runner, bindsParams: false });
  workspace = await mkdtemp(join(tmpdir(), 'sda-hostile-'));
  writeAlembicScaffold(workspace);
  const versions = join(workspace, 'migrations', 'versions');
  writeRevision(versions, { id: 'a1', down: [] }, { index: 0 });
  writeRevision(versions, { id: 'b2', down: ['a1'] }, { index: 1 });
  // The expected structure: the database as it is now, taken through our own reader.
  const executor = await openPostgresExecutor(database.url);
  try {
    await writeFile(join(workspace, 'expected.snapshot.json'), snapshotJson(await takeSnapshot(executor)));
  } finally {
    await executor.close();
  }
}, 240_000);

afterAll(async () => {
  await Promise.all([lambda?.close(), sqlOnly?.close()]);
  await runner?.close();
  await database?.drop().catch(() => {});
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

interface Outcome {
  run: ActionRun;
  report: Report;
}

async function runHostile(
  environment: string,
  inputs: Record<string, string> = {},
  options: { lambdaUrl?: string; root?: string } = {},
): Promise<Outcome> {
  runs += 1;
  const root = options.root ?? workspace;
  const run = await runAction({
    workspace: root,
    inputs: {
      migrations: 'alembic.ini',
      environment,
      'lambda-function': functionName,
      'aws-region': 'us-east-1',
      'report-dir': 'reports',
      ...inputs,
    },
    env: {
      AWS_ENDPOINT_URL_LAMBDA: options.lambdaUrl ?? lambda.url,
      AWS_ACCESS_KEY_ID: 'AKIDHOSTILETEST00001',
      AWS_SECRET_ACCESS_KEY: 'hostile-test-secret-not-real',
      GITHUB_RUN_ID: `${7000 + runs}`,
      GITHUB_REPOSITORY: 'test-owner/hostile',
      GITHUB_EVENT_NAME: 'schedule',
    },
  });
  // latest.json points at the dated, write-once report.
  const pointer = await readFile(join(root, 'reports', environment, 'latest.json'), 'utf8').catch(() => '');
  if (!pointer) throw new Error(`no report stored; stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  const { key } = JSON.parse(pointer) as { key: string };
  const text = await readFile(join(root, 'reports', ...key.split('/')), 'utf8');
  assertValidReport(text);
  return { run, report: JSON.parse(text) as Report };
}

describe.skipIf(unavailable)('a Lambda whose 200 answer is not a clean set of rows', () => {
  const cases: [LambdaFault, RegExp][] = [
    ['error-beside-rows', /answer carries "error": canceling statement due to statement timeout/],
    ['errors-array', /answer carries "errors": \[\{"message":"canceling statement/],
    ['ok-false', /answer carries ok: false: canceling statement due to statement timeout/],
    ['success-false', /answer carries success: false/],
    ['status-failed', /answer carries status: "failed"/],
    ['renamed-column', /row 0 has no column "qualified_name" \(it has: QUALIFIED_NAME\)/],
    ['wrong-type', /row 0 column "qualified_name" is the number 1000, expected text/],
  ];
  it.each(cases)('%s: error at the database stage, exit 1, never synced', async (fault, says) => {
    await setVersions('b2');
    lambda.setErrorText('canceling statement due to statement timeout');
    lambda.setFault(fault);
    try {
      const { run, report } = await runHostile(`hostile-${fault}`);
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('error');
      expect(report.status).toBe('error');
      expect(report.error?.stage).toBe('database');
      expect(report.error?.message).toMatch(says);
      expect(report.production_version).toBeNull();
    } finally {
      lambda.setFault(undefined);
    }
  });

  it('a catalog read answered without its columns fails the structure check, not an empty catalog', async () => {
    await setVersions('b2');
    lambda.setFaultWhen((text) => (text.includes('WITH items AS MATERIALIZED') ? 'renamed-column' : undefined));
    try {
      const { run, report } = await runHostile('hostile-catalog-columns', {
        'structure-expected': 'snapshot',
        'snapshot-file': 'expected.snapshot.json',
      });
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('error');
      expect(report.version?.state).toBe('synced');
      expect(report.structure?.state).toBe('error');
      expect(report.error?.stage).toBe('structure');
      expect(report.error?.message).toMatch(
        /row 0 has no column "chunks" \(it has: CHUNKS, SERVER_VERSION_NUM, ITEMS\)/,
      );
    } finally {
      lambda.setFaultWhen(undefined);
    }
  });
});

describe.skipIf(unavailable)('a Lambda that takes only SQL and binds no parameters', () => {
  it('reads the version table and the structure snapshot with the parameters written in as literals', async () => {
    await setVersions('b2');
    const before = sqlOnly.invocations.length;
    const { run, report } = await runHostile(
      'hostile-sql-only',
      {
        'lambda-payload-template': '{"sql": "{{sql}}"}',
        'structure-expected': 'snapshot',
        'snapshot-file': 'expected.snapshot.json',
      },
      { lambdaUrl: sqlOnly.url },
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('synced');
    expect(report.version?.state).toBe('synced');
    expect(report.structure?.state).toBe('clean');
    const events = sqlOnly.invocations.slice(before).map((i) => i.event as Record<string, unknown>);
    expect(events.length).toBeGreaterThan(2);
    for (const event of events) expect(Object.keys(event)).toEqual(['sql']);
    // The version-table lookup got its table name as a quoted literal.
    expect(events.some((e) => String(e.sql).includes("quote_ident('alembic_version'::text)"))).toBe(true);
  });
});

// --- workflow commands ---

// What a runner would take as a command: the line split as .NET's ReadLine does, trimmed as String.Trim does.
function commandLines(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[\s\u0085]+/, ''))
    .filter((line) => line.startsWith('::') || line.startsWith('##['));
}

/** Only our own commands: annotations, and masks of values we chose to mask. Nothing the hostile text wrote. */
function expectOnlyOurCommands(run: ActionRun, marker: string): void {
  for (const line of commandLines(run.stdout)) {
    const name = /^::([\w-]+)/.exec(line)?.[1];
    expect(['error', 'warning', 'notice', 'debug', 'add-mask'], line).toContain(name);
    if (name === 'add-mask') expect(line, line).not.toContain(marker);
  }
}

const hostileLines = (marker: string) =>
  [
    `::add-mask::${marker}`,
    `::stop-commands::${marker}`,
    `  ::set-output name=status::synced-${marker}`,
    `::notice title=${marker}::forged`,
    `##[set-output name=drift-detected;]false-${marker}`,
  ].join('\n');

describe.skipIf(unavailable)(
  'text from the repository, the database and the Lambda never starts a workflow command',
  () => {
    it('a revision message, id and file name written as commands', async () => {
      const root = await mkdtemp(join(tmpdir(), 'sda-hostile-repo-'));
      try {
        writeAlembicScaffold(root);
        const versions = join(root, 'migrations', 'versions');
        mkdirSync(versions, { recursive: true });
        writeRevision(versions, { id: 'a1', down: [] }, { index: 0 });
        writeRevision(versions, { id: 'b2', down: ['a1'] }, { index: 1 });
        const marker = 'HOSTILE-REPO';
        writeRevision(
          versions,
          // `\\n` is Python's escape in the file: the id Python reads holds a real line break.
          { id: `c3\\n::stop-commands::${marker}-id`, down: ['b2'], message: `add\n${hostileLines(marker)}` },
          { index: 2, name: `c3_\n::add-mask::${marker}-file\n.py` },
        );
        await setVersions('b2');
        const { run, report } = await runHostile('hostile-repo-text', {}, { root });
        expectOnlyOurCommands(run, marker);
        expect(run.stdout).toContain(marker);
        // The hostile id is one Alembic cannot address (an invalid-revision-id error finding): error, exit 1.
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('error');
        expect(report.version?.state).toBe('error');
        expect(report.error?.stage).toBe('migrations');
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });

    it('a version row written as commands', async () => {
      const marker = 'HOSTILE-ROW';
      await setVersions('b2', `zz\n::add-mask::${marker}\n::stop-commands::${marker}`);
      const { run, report } = await runHostile('hostile-row-text');
      expectOnlyOurCommands(run, marker);
      expect(run.stdout).toContain(marker);
      // A row the repository does not know: ahead, exit 1.
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('drift');
      expect(report.version?.state).toBe('ahead');
    });

    it('a Lambda error written as commands', async () => {
      const marker = 'HOSTILE-LAMBDA';
      await setVersions('b2');
      lambda.setErrorText(`boom\n${hostileLines(marker)}`);
      lambda.setFault('error-beside-rows');
      try {
        const { run, report } = await runHostile('hostile-lambda-text');
        expectOnlyOurCommands(run, marker);
        expect(run.stdout).toContain(marker);
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('error');
        expect(report.error?.stage).toBe('database');
      } finally {
        lambda.setFault(undefined);
      }
    });
  },
);
