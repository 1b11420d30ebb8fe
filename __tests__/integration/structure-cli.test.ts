// `schema-drift snapshot --pglite DIR --out FILE` and `schema-drift diff A B [--json]` end to end on embedded PGlite.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/run-cli.js';
import { diffCommand, snapshotCommand } from '../../src/cli/structure-commands.js';
import { openPgliteExecutor } from '../../src/database/pglite.js';

let dir: string;
function io(): CliIo & { out: string; err: string } {
  const result = {
    out: '',
    err: '',
    cwd: dir,
    env: {},
    stdout: (t: string) => {
      result.out += t;
    },
    stderr: (t: string) => {
      result.err += t;
    },
  };
  return result;
}

async function seed(sql: string) {
  const executor = await openPgliteExecutor(join(dir, 'db'));
  await executor.db.exec(sql);
  await executor.close();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'structure-cli-'));
  await seed(
    'CREATE TABLE providers (id bigint PRIMARY KEY, npi varchar(10) NOT NULL); CREATE INDEX providers_npi_idx ON providers (npi);',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('schema-drift snapshot and diff', () => {
  it('writes a snapshot, then exits 0 for equal, 1 for different and 2 for errors', async () => {
    const first = io();
    expect(await snapshotCommand({ pglite: join(dir, 'db'), out: 'expected.json' }, first)).toBe(0);
    expect(first.err).toMatch(/objects, fingerprint [0-9a-f]{64}, 8 queries/);
    const saved = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'));
    expect(saved).toMatchObject({ format: 'schema-drift-snapshot', format_version: 1 });

    const same = io();
    expect(await diffCommand(['expected.json', 'expected.json'], same)).toBe(0);
    expect(same.out).toContain('No structural differences');

    await seed('DROP INDEX providers_npi_idx; ALTER TABLE providers ALTER COLUMN npi DROP NOT NULL;');
    expect(await snapshotCommand({ pglite: join(dir, 'db'), out: 'actual.json' }, io())).toBe(0);

    const text = io();
    expect(await diffCommand(['expected.json', 'actual.json'], text)).toBe(1);
    expect(text.out).toContain('2 structural difference(s): 0 security, 2 breaking, 0 cosmetic');
    expect(text.out).toContain('CREATE INDEX providers_npi_idx ON public.providers USING btree (npi);');
    expect(text.out).toContain('ALTER TABLE public.providers ALTER COLUMN npi SET NOT NULL;');

    const json = io();
    expect(await diffCommand(['expected.json', 'actual.json', '--json'], json)).toBe(1);
    const diff = JSON.parse(json.out);
    expect(diff.differences.map((d: { kind: string; attribute: string | null }) => [d.kind, d.attribute])).toEqual([
      ['column', 'not_null'],
      ['index', null],
    ]);

    await writeFile(
      join(dir, 'rules.yml'),
      'ignore:\n  - object: public.providers*\n    reason: accepted during migration to v2\n',
    );
    const ignored = io();
    expect(await diffCommand(['expected.json', 'actual.json', '--config', 'rules.yml'], ignored)).toBe(0);
    expect(ignored.out).toContain('ignored by rules: 2');
  });

  it('exits 2 naming the problem for a missing file, a non-snapshot, a bad flag or no database', async () => {
    await writeFile(join(dir, 'not-a-snapshot.json'), '{"hello": 1}');
    const cases: [Promise<number>, ReturnType<typeof io>, string][] = [];
    const run = (p: (i: CliIo) => Promise<number>, message: string) => {
      const i = io();
      cases.push([p(i), i, message]);
    };
    run((i) => diffCommand(['nope.json', 'nope.json'], i), 'Could not read snapshot "nope.json": ENOENT');
    run((i) => diffCommand(['not-a-snapshot.json', 'not-a-snapshot.json'], i), 'not a schema-drift snapshot');
    run((i) => diffCommand(['only-one.json'], i), 'expected two snapshot files');
    run((i) => diffCommand(['a', 'b', '--yaml'], i), "Unknown option '--yaml'");
    run((i) => snapshotCommand({ out: 'x.json' }, i), 'snapshot needs --database-url, --lambda-function or --pglite');
    run((i) => snapshotCommand({ pglite: 'db' }, i), '--out FILE is required');
    run(
      (i) => snapshotCommand({ 'database-url': 'postgres://u:secret-pw@127.0.0.1:1/x', out: 'x.json' }, i),
      'Could not connect to PostgreSQL',
    );
    for (const [code, i, message] of cases) {
      expect(await code).toBe(2);
      expect(i.err).toContain(message);
      expect(i.err).not.toContain('secret-pw');
    }
  });
});
