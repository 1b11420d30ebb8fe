// The demo's production database is built from committed files; these tests keep them equal to what they stand for:
// the SQL is what real Alembic emits for the example at 20250915_0900, and the expected snapshot (taken from a
// PostgreSQL 15 server that real Alembic upgraded) equals a fresh snapshot of PGlite built from that SQL.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseSnapshot, takeSnapshot } from '../../src/catalog/snapshot.js';
import { openPgliteExecutor } from '../../src/database/pglite.js';
import { readVersionTable } from '../../src/database/version-table.js';
import { diffSnapshots } from '../../src/drift/structure.js';
import { alembicPython, alembicUnavailable } from '../support/real-parts.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const demo = join(root, 'examples/credentialmate/demo');

describe('the demo fixtures', () => {
  it.skipIf(alembicUnavailable() !== null)('hold the SQL real Alembic emits for 20250915_0900', async () => {
    const { stdout } = await run(
      alembicPython,
      ['-m', 'alembic', '-c', join(root, 'examples/credentialmate/alembic.ini'), 'upgrade', '20250915_0900', '--sql'],
      { env: { ...process.env, DATABASE_URL: 'postgresql://demo@127.0.0.1/unused' } },
    );
    expect(await readFile(join(demo, 'production-20250915_0900.sql'), 'utf8')).toBe(stdout);
  });

  it('build a PGlite database at 20250915_0900 whose catalog equals the committed snapshot', async () => {
    const db = await openPgliteExecutor();
    try {
      await db.db.exec(await readFile(join(demo, 'production-20250915_0900.sql'), 'utf8'));
      expect((await readVersionTable(db, { table: 'alembic_version' })).versions).toEqual(['20250915_0900']);
      const expected = parseSnapshot(
        await readFile(join(demo, 'expected-20250915_0900.snapshot.json'), 'utf8'),
        'expected-20250915_0900.snapshot.json',
      );
      const diff = diffSnapshots(expected, await takeSnapshot(db));
      expect(diff.differences).toEqual([]);
      expect(diff.equal).toBe(true);
    } finally {
      await db.close();
    }
  });
});
