// Hostile object names (quotes, <script>, Markdown pipes, newlines) survive the round trip: they are detected, and
// the fix-up SQL quotes them so that running it on PGlite restores the expected schema exactly.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../src/catalog/snapshot.js';
import { quoteIdent, quoteLiteral } from '../../src/catalog/sql-quote.js';
import { diffSnapshots } from '../../src/drift/structure.js';
import { pgliteExecutor } from '../catalog/credentialmate-schema.js';
import { runFixScript } from './structure-round-trip-schema.js';

const T = 'x"; DROP TABLE users; --\n<script>alert(1)</script>|';
const C = 'a|b\n"c"';
const I = '<img src=x onerror=alert(1)>|idx';
const R = 'Role "x"|y\n';
const S = 'Sch|ema';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(`
    CREATE SCHEMA ${quoteIdent(S)};
    CREATE ROLE ${quoteIdent(R)};
    CREATE TABLE ${quoteIdent(S)}.${quoteIdent(T)} (id int PRIMARY KEY, ${quoteIdent(C)} text NOT NULL DEFAULT 'it''s', note text);
    CREATE INDEX ${quoteIdent(I)} ON ${quoteIdent(S)}.${quoteIdent(T)} (${quoteIdent(C)}) WHERE ${quoteIdent(C)} <> '|';
    GRANT SELECT, UPDATE ON ${quoteIdent(S)}.${quoteIdent(T)} TO ${quoteIdent(R)};
    COMMENT ON COLUMN ${quoteIdent(S)}.${quoteIdent(T)}.note IS ${quoteLiteral("*/ '; <b>|</b>\n")};
    CREATE TYPE ${quoteIdent(S)}.${quoteIdent(`${T}_kind`)} AS ENUM ('a', 'b''c');
  `);
});
afterAll(async () => {
  await db?.close();
});

describe('hostile names', () => {
  it('are detected and repaired by the fix-up SQL', async () => {
    const executor = pgliteExecutor(db);
    const expected = await takeSnapshot(executor);
    const table = `${quoteIdent(S)}.${quoteIdent(T)}`;
    await db.exec(`
      ALTER TABLE ${table} DROP COLUMN ${quoteIdent(C)};
      REVOKE UPDATE ON ${table} FROM ${quoteIdent(R)};
      COMMENT ON COLUMN ${table}.note IS NULL;
      ALTER TABLE ${table} ADD COLUMN ${quoteIdent(`${C}2`)} int;
    `);
    const diff = diffSnapshots(expected, await takeSnapshot(executor));
    expect(diff.differences.map((d) => [d.change, d.kind, d.path.at(-1), d.attribute])).toEqual([
      ['changed', 'privilege', R, 'privileges'],
      ['missing', 'column', C, null],
      ['unexpected', 'column', `${C}2`, null],
      ['missing', 'index', I, null], // dropped with its column
      ['changed', 'column', 'note', 'comment'],
    ]);
    expect(diff.differences[1]?.object).toBe(`${quoteIdent(S)}.${quoteIdent(T)}.${quoteIdent(C)}`);

    // The script puts the column before the index on it; the unexpected column's DROP loses data, so it is
    // offered commented out and stays for a human.
    await runFixScript((sql) => db.exec(sql), diff.fix_script);
    const healed = diffSnapshots(expected, await takeSnapshot(executor));
    expect(healed.differences.map((d) => [d.change, d.kind, d.path.at(-1), d.safety])).toEqual([
      ['unexpected', 'column', `${C}2`, 'destructive'],
    ]);
    await db.exec(`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(`${C}2`)}`);
    expect(diffSnapshots(expected, await takeSnapshot(executor)).differences).toEqual([]);
  });
});
