// Round trips that need identity before difference (issue 21): a renamed or moved table, a routine with a long
// signature, a composite attribute renamed or dropped, an extension updated, a column renamed and retyped, identity
// options. Each case starts from a fresh copy of the clinic schema with rows on the real PostgreSQL 15 server, applies
// the out-of-band change, runs the runnable part of the fix-up (it must never fail), snapshots again and diffs. Every
// table must hold exactly the rows it held before the change (md5 per column), under its expected name — so no empty
// stand-in can be left while the rows sit elsewhere — and what remains must be exactly what is left to a human.
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../src/catalog/snapshot.js';
import { diffSnapshots, type StructureDifference } from '../../src/drift/structure.js';
import { pgServerUnavailable } from '../support/real-parts.js';
import { rowFingerprints, runFixScript, serverRoundTripDb, uniqueRoles } from './structure-round-trip-schema.js';

interface IdentityCase {
  name: string;
  /** Run before the expected snapshot is taken (part of the expected schema). */
  setup?: string;
  change: string;
  /** change, kind, object, attribute of the difference that must be reported. */
  expect: [StructureDifference['change'], string, string, string | null];
  rename?: string;
  move?: string;
  /** Total number of differences (default 1). */
  count?: number;
  /** Left to a human: the reason the fix must give, and the SQL that restores the expected schema instead. */
  human?: { why: RegExp; restore: string };
}

const LONG = 'record_encounter_outcome_for_billing';
const LONG_ARGS =
  'encounter_identifier bigint, outcome_description text, recorded_at timestamp with time zone, recorded_by text';

const CASES: IdentityCase[] = [
  {
    name: 'rename a table with a primary key',
    change: 'ALTER TABLE import_batches RENAME TO batches',
    expect: ['missing', 'table', 'public.import_batches', null],
    rename: 'public.batches',
  },
  {
    name: 'rename a table without a primary key',
    change: 'ALTER TABLE patient_notes RENAME TO visit_notes',
    expect: ['missing', 'table', 'public.patient_notes', null],
    rename: 'public.visit_notes',
  },
  {
    name: 'move a table to another schema',
    change: 'ALTER TABLE import_batches SET SCHEMA billing',
    expect: ['missing', 'table', 'public.import_batches', null],
    move: 'billing.import_batches',
  },
  {
    name: 'grant EXECUTE on a function whose signature is longer than 63 bytes',
    setup: `CREATE FUNCTION public.${LONG}(${LONG_ARGS}) RETURNS integer LANGUAGE sql AS 'SELECT 1';
      REVOKE EXECUTE ON FUNCTION public.${LONG}(bigint, text, timestamptz, text) FROM PUBLIC`,
    change: `GRANT EXECUTE ON FUNCTION public.${LONG}(bigint, text, timestamptz, text) TO PUBLIC`,
    expect: ['missing', 'function privilege', `public.${LONG}(${LONG_ARGS})."PUBLIC"`, null],
  },
  {
    name: 'rename an attribute of a composite type',
    change: 'ALTER TYPE address RENAME ATTRIBUTE city TO town',
    expect: ['changed', 'composite type', 'public.address', 'attributes'],
  },
  {
    name: 'drop the first attribute of a composite type',
    change: 'ALTER TYPE address DROP ATTRIBUTE street',
    expect: ['changed', 'composite type', 'public.address', 'attributes'],
    human: {
      why: /cannot .*order|out of order/i,
      restore: 'DROP TYPE address; CREATE TYPE public.address AS (street text, city text)',
    },
  },
  {
    name: 'update an extension to a newer version',
    setup: "CREATE EXTENSION seg VERSION '1.1'",
    change: "ALTER EXTENSION seg UPDATE TO '1.4'",
    expect: ['changed', 'extension', 'seg', 'version'],
    human: {
      why: /downgrade/i,
      restore: "DROP EXTENSION seg; CREATE EXTENSION seg VERSION '1.1'",
    },
  },
  {
    name: 'rename and retype a column',
    change: `ALTER TABLE billing.invoices RENAME COLUMN memo TO note;
      ALTER TABLE billing.invoices ALTER COLUMN note TYPE varchar(100)`,
    expect: ['missing', 'column', 'billing.invoices.memo', null],
    rename: 'billing.invoices.note',
    count: 2, // and its type, widened back in place
  },
  {
    name: "change an identity column's START WITH and INCREMENT",
    change: 'ALTER TABLE patients ALTER COLUMN id SET INCREMENT BY 5 SET START WITH 100',
    expect: ['changed', 'column', 'public.patients.id', 'identity_options'],
  },
];

describe('round trips that need identity before difference, on the PostgreSQL 15 server', async () => {
  const reason = await pgServerUnavailable();
  for (const c of CASES) {
    it.skipIf(reason)(c.name, async () => {
      const db = await serverRoundTripDb(uniqueRoles());
      try {
        if (c.setup) await db.exec(c.setup);
        const expected = await takeSnapshot(db.executor);
        const original = await rowFingerprints(db);
        await db.exec(c.change);

        const diff = diffSnapshots(expected, await takeSnapshot(db.executor));
        const [change, kind, object, attribute] = c.expect;
        const shown = JSON.stringify(diff.differences, null, 1);
        const found = diff.differences.find(
          (d) => d.change === change && d.kind === kind && d.object === object && d.attribute === attribute,
        );
        expect(found, shown).toBeDefined();
        expect(found?.possible_rename, shown).toBe(c.rename ?? null);
        expect(found?.possible_move, shown).toBe(c.move ?? null);
        expect(diff.differences, shown).toHaveLength(c.count ?? 1);

        // The runnable part never fails, and every table is back under its name with exactly its rows.
        await runFixScript(db.exec, diff.fix_script);
        const after = await rowFingerprints(db);
        for (const [key, value] of original) expect(after.get(key), `${key}\n${diff.fix_script}`).toBe(value);

        const healed = diffSnapshots(expected, await takeSnapshot(db.executor));
        if (c.human) {
          expect(healed.differences.length, diff.fix_script).toBeGreaterThan(0);
          for (const d of healed.differences) expect(d.fix_sql).toMatch(/^--/m);
          expect(found?.fix_sql).toMatch(c.human.why);
          expect(found?.safety).toBe('destructive');
          await db.exec(c.human.restore);
        }
        const final = diffSnapshots(expected, await takeSnapshot(db.executor));
        expect(final.differences, `${diff.fix_script}\n${JSON.stringify(final.differences, null, 1)}`).toEqual([]);
      } finally {
        await db.close();
      }
    });
  }
});
