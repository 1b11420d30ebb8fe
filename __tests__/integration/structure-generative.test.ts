// The generative round trip (issue 21): fast-check draws one to three out-of-band changes from a catalogue of change
// kinds (touching different objects), applies them to a fresh copy of the clinic schema with rows, on the PostgreSQL 15
// server and on PGlite (18), runs the runnable part of the fix-up, snapshots again and diffs. Whatever the draw: the
// runnable part never fails, no stored value changes (md5 per table column, so no table under an expected name is left
// empty while its rows sit elsewhere), and what remains is only what is offered commented out — left to a human, with
// the reason. Each kind alone is also a case in structure-round-trip(-identity).test.ts; this test is about their
// combinations. SCHEMA_DRIFT_GENERATIVE_RUNS sets the number of draws (default 12: the machine is shared).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../src/catalog/snapshot.js';
import { diffSnapshots } from '../../src/drift/structure.js';
import { pgServerUnavailable } from '../support/real-parts.js';
import {
  pgliteRoundTripDb,
  type Roles,
  rowFingerprints,
  runFixScript,
  serverRoundTripDb,
  uniqueRoles,
} from './structure-round-trip-schema.js';

interface Kind {
  name: string;
  sql: (r: Roles) => string;
  /** What the change touches: two kinds that share one are never drawn together. */
  touches: string[];
  /** The fix-up leaves it to a human (the reason is in docs/structure-coverage.md). */
  human?: true;
  /** Run before the expected snapshot is taken: what the change needs that the clinic schema lacks. */
  setup?: string;
  /** Only on the PostgreSQL 15 server: PGlite has no `seg` extension without a contrib bundle. */
  serverOnly?: true;
}

// A signature longer than 63 bytes: its privilege must be named in full, never cut where `name` cuts.
const LONG = 'record_encounter_outcome_for_billing';
const LONG_ARGS =
  'encounter_identifier bigint, outcome_description text, recorded_at timestamp with time zone, recorded_by text';

/** The change kinds, by object kind (70). */
const KINDS: Kind[] = [
  // tables: renames and moves
  {
    name: 'rename a table with a primary key',
    sql: () => 'ALTER TABLE import_batches RENAME TO batches',
    touches: ['import_batches'],
  },
  {
    name: 'move a table to another schema',
    sql: () => 'ALTER TABLE import_batches SET SCHEMA billing',
    touches: ['import_batches'],
  },
  {
    name: 'rename a table without a primary key',
    sql: () => 'ALTER TABLE patient_notes RENAME TO visit_notes',
    touches: ['patient_notes'],
  },
  { name: 'add a table', sql: () => 'CREATE TABLE public.scratch (id int)', touches: ['scratch'], human: true },
  { name: 'make a table unlogged', sql: () => 'ALTER TABLE import_batches SET UNLOGGED', touches: ['import_batches'] },
  {
    name: 'change a table comment',
    sql: () => "COMMENT ON TABLE patients IS 'changed'",
    touches: ['patients.comment'],
  },
  { name: 'disable RLS', sql: () => 'ALTER TABLE patients DISABLE ROW LEVEL SECURITY', touches: ['patients.rls'] },
  { name: 'force RLS', sql: () => 'ALTER TABLE patients FORCE ROW LEVEL SECURITY', touches: ['patients.rls'] },
  {
    name: 'change a storage parameter',
    sql: () => 'ALTER TABLE billing.invoices SET (fillfactor = 70)',
    touches: ['invoices.options'],
  },
  { name: 'change a table owner', sql: (r) => `ALTER TABLE providers OWNER TO ${r.app}`, touches: ['providers.owner'] },
  {
    name: 'change the replica identity',
    sql: () => 'ALTER TABLE encounters REPLICA IDENTITY FULL',
    touches: ['encounters.ri'],
  },
  { name: 'stop inheriting', sql: () => 'ALTER TABLE patient_notes NO INHERIT notes_base', touches: ['patient_notes'] },
  {
    name: 'detach a partition',
    sql: () => 'ALTER TABLE audit_events DETACH PARTITION audit_events_2026',
    touches: ['audit_events_2026'],
  },
  // columns
  {
    name: 'add a column',
    sql: () => 'ALTER TABLE patients ADD COLUMN nickname text',
    touches: ['patients.nickname'],
    human: true,
  },
  { name: 'drop a column', sql: () => 'ALTER TABLE patients DROP COLUMN notes', touches: ['patients.notes'] },
  {
    name: 'rename a column',
    sql: () => 'ALTER TABLE import_batches RENAME COLUMN payload TO body',
    touches: ['import_batches'],
  },
  {
    name: 'rename and retype a column',
    sql: () => `ALTER TABLE billing.invoices RENAME COLUMN memo TO note;
      ALTER TABLE billing.invoices ALTER COLUMN note TYPE varchar(100)`,
    touches: ['invoices.memo'],
  },
  {
    name: 'widen a varchar',
    sql: () => 'ALTER TABLE billing.invoices ALTER COLUMN memo TYPE varchar(500)',
    touches: ['invoices.memo'],
    human: true,
  },
  {
    name: 'drop NOT NULL',
    sql: () => 'ALTER TABLE patients ALTER COLUMN full_name DROP NOT NULL',
    touches: ['patients.full_name'],
  },
  {
    name: 'change a default',
    sql: () => 'ALTER TABLE providers ALTER COLUMN active SET DEFAULT false',
    touches: ['providers.active'],
  },
  {
    name: 'drop a default',
    sql: () => 'ALTER TABLE patients ALTER COLUMN tenant_id DROP DEFAULT',
    touches: ['patients.tenant_id'],
  },
  {
    name: 'identity ALWAYS instead of BY DEFAULT',
    sql: () => 'ALTER TABLE patients ALTER COLUMN id SET GENERATED ALWAYS',
    touches: ['patients.id'],
  },
  {
    name: "change an identity's START WITH and INCREMENT",
    sql: () => 'ALTER TABLE patients ALTER COLUMN id SET INCREMENT BY 5 SET START WITH 100',
    touches: ['patients.id'],
  },
  {
    name: 'raise a statistics target',
    sql: () => 'ALTER TABLE encounters ALTER COLUMN seen_at SET STATISTICS 500',
    touches: ['encounters.seen_at'],
  },
  {
    name: 'comment a column',
    sql: () => "COMMENT ON COLUMN patients.email IS 'verified'",
    touches: ['patients.email'],
  },
  // constraints
  {
    name: 'drop a foreign key',
    sql: () => 'ALTER TABLE encounters DROP CONSTRAINT encounters_provider_id_fkey',
    touches: ['encounters.fk_provider'],
  },
  {
    name: "change a foreign key's ON DELETE",
    sql: () => `ALTER TABLE encounters DROP CONSTRAINT encounters_patient_id_fkey,
      ADD CONSTRAINT encounters_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE RESTRICT`,
    touches: ['encounters.fk_patient'],
  },
  {
    name: 'add a check constraint',
    sql: () => 'ALTER TABLE billing.invoices ADD CONSTRAINT total_positive CHECK (total >= 0)',
    touches: ['invoices.check'],
  },
  {
    name: 'drop a check constraint',
    sql: () => 'ALTER TABLE encounters DROP CONSTRAINT encounters_seen_check',
    touches: ['encounters.seen_check'],
  },
  {
    name: 'rename a constraint',
    sql: () => 'ALTER TABLE encounters RENAME CONSTRAINT encounters_seen_check TO seen_after_2000',
    touches: ['encounters.seen_check'],
  },
  {
    name: 'drop a unique constraint',
    sql: () => 'ALTER TABLE patients DROP CONSTRAINT patients_mrn_key',
    touches: ['patients.mrn'],
  },
  // indexes
  { name: 'drop an index', sql: () => 'DROP INDEX encounters_patient_idx', touches: ['encounters.patient_idx'] },
  {
    name: 'rename an index',
    sql: () => 'ALTER INDEX encounters_patient_idx RENAME TO enc_patient_idx',
    touches: ['encounters.patient_idx'],
  },
  {
    name: 'add an index',
    sql: () => 'CREATE INDEX providers_name_idx ON providers (name)',
    touches: ['providers.name_idx'],
  },
  {
    name: 'cluster a table on an index',
    sql: () => 'ALTER TABLE encounters CLUSTER ON encounters_patient_idx',
    touches: ['encounters.patient_idx'],
  },
  // views and materialized views
  {
    name: "replace a view's query",
    sql: () => `CREATE OR REPLACE VIEW active_providers WITH (security_barrier = true) AS
      SELECT id, name FROM providers WHERE active AND rating > 1`,
    touches: ['active_providers'],
  },
  {
    name: 'turn security_invoker off',
    sql: () => 'ALTER VIEW patient_contacts SET (security_invoker = false)',
    touches: ['patient_contacts'],
  },
  { name: 'drop a view', sql: () => 'DROP VIEW patient_contacts', touches: ['patient_contacts'] },
  {
    name: 'change a view owner',
    sql: (r) => `ALTER VIEW active_providers OWNER TO ${r.owner}`,
    touches: ['active_providers'],
  },
  {
    name: 'drop a materialized view',
    sql: () => 'DROP MATERIALIZED VIEW encounter_counts',
    touches: ['encounter_counts'],
  },
  {
    name: "drop a materialized view's index",
    sql: () => 'DROP INDEX encounter_counts_provider_idx',
    touches: ['encounter_counts'],
  },
  // routines
  {
    name: 'replace a function body',
    sql: () => `CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.created_at := clock_timestamp(); RETURN NEW; END $$`,
    touches: ['touch'],
  },
  {
    name: 'make a SECURITY DEFINER function SECURITY INVOKER',
    sql: () => 'ALTER FUNCTION patient_count() SECURITY INVOKER',
    touches: ['patient_count'],
  },
  {
    name: "change a function's volatility",
    sql: () => 'ALTER FUNCTION patient_count() VOLATILE',
    touches: ['patient_count'],
  },
  {
    name: 'add a plain function',
    sql: () => "CREATE FUNCTION public.helper() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    touches: ['helper'],
  },
  { name: 'drop a procedure', sql: () => 'DROP PROCEDURE archive_before(date)', touches: ['archive_before'] },
  // triggers, rules, policies
  { name: 'drop a trigger', sql: () => 'DROP TRIGGER patients_touch ON patients', touches: ['patients_touch'] },
  {
    name: 'disable a trigger',
    sql: () => 'ALTER TABLE patients DISABLE TRIGGER patients_touch',
    touches: ['patients_touch'],
  },
  { name: 'drop a rule', sql: () => 'DROP RULE audit_events_no_delete ON audit_events_2025', touches: ['audit_rule'] },
  {
    name: "change a policy's USING",
    sql: () => 'ALTER POLICY patients_tenant ON patients USING (true)',
    touches: ['patients_tenant'],
  },
  {
    name: "change a policy's roles",
    sql: () => 'ALTER POLICY patients_tenant ON patients TO PUBLIC',
    touches: ['patients_tenant'],
  },
  { name: 'drop a policy', sql: () => 'DROP POLICY patients_insert ON patients', touches: ['patients_insert'] },
  // privileges
  {
    name: 'revoke part of a table grant',
    sql: (r) => `REVOKE UPDATE ON encounters FROM ${r.app}`,
    touches: ['encounters.acl'],
  },
  { name: 'grant SELECT on PHI to PUBLIC', sql: () => 'GRANT SELECT ON patients TO PUBLIC', touches: ['patients.acl'] },
  {
    name: 'grant a column privilege',
    sql: (r) => `GRANT UPDATE (email) ON patients TO ${r.app}`,
    touches: ['patients.colacl'],
  },
  {
    name: 'grant EXECUTE to PUBLIC',
    sql: () => 'GRANT EXECUTE ON FUNCTION patient_count() TO PUBLIC',
    touches: ['patient_count.acl'],
  },
  {
    name: 'grant EXECUTE on a function whose signature is longer than 63 bytes',
    setup: `CREATE FUNCTION public.${LONG}(${LONG_ARGS}) RETURNS integer LANGUAGE sql AS 'SELECT 1';
      REVOKE EXECUTE ON FUNCTION public.${LONG}(bigint, text, timestamptz, text) FROM PUBLIC`,
    sql: () => `GRANT EXECUTE ON FUNCTION public.${LONG}(bigint, text, timestamptz, text) TO PUBLIC`,
    touches: ['long_function.acl'],
  },
  {
    name: 'update an extension to a newer version',
    setup: "CREATE EXTENSION seg VERSION '1.1'",
    sql: () => "ALTER EXTENSION seg UPDATE TO '1.4'",
    touches: ['seg'],
    human: true,
    serverOnly: true,
  },
  {
    name: 'revoke USAGE on a schema',
    sql: (r) => `REVOKE USAGE ON SCHEMA billing FROM ${r.app}`,
    touches: ['billing.acl'],
  },
  {
    name: 'revoke a type privilege',
    sql: (r) => `REVOKE USAGE ON TYPE claim_status FROM ${r.app}`,
    touches: ['claim_status.acl'],
  },
  {
    name: 'revoke a default privilege',
    sql: (r) =>
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${r.owner} IN SCHEMA billing REVOKE SELECT ON TABLES FROM ${r.reader}`,
    touches: ['defacl'],
  },
  // types, sequences, schemas
  {
    name: 'rename an enum value',
    sql: () => "ALTER TYPE claim_status RENAME VALUE 'denied' TO 'rejected'",
    touches: ['claim_status'],
  },
  {
    name: 'add an enum value',
    sql: () => "ALTER TYPE contact_method ADD VALUE 'fax'",
    touches: ['contact_method'],
    human: true,
  },
  {
    name: 'rename a composite attribute',
    sql: () => 'ALTER TYPE address RENAME ATTRIBUTE city TO town',
    touches: ['address'],
  },
  {
    name: 'drop the first composite attribute',
    sql: () => 'ALTER TYPE address DROP ATTRIBUTE street',
    touches: ['address'],
    human: true,
  },
  {
    name: 'add a composite attribute',
    sql: () => 'ALTER TYPE money_amount ADD ATTRIBUTE note text',
    touches: ['money_amount'],
    human: true,
  },
  { name: "drop a domain's check", sql: () => 'ALTER DOMAIN npi DROP CONSTRAINT npi_check', touches: ['npi'] },
  {
    name: 'change a sequence increment',
    sql: () => 'ALTER SEQUENCE invoice_no_seq INCREMENT BY 10',
    touches: ['invoice_no_seq'],
  },
  { name: 'change a schema comment', sql: () => "COMMENT ON SCHEMA reporting IS 'changed'", touches: ['reporting'] },
  { name: 'add a schema', sql: () => 'CREATE SCHEMA scratch_schema', touches: ['scratch_schema'] },
];

const runs = Number(process.env.SCHEMA_DRIFT_GENERATIVE_RUNS ?? 12);

it('has a catalogue of at least 60 change kinds', () => {
  expect(KINDS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(KINDS.map((k) => k.name)).size).toBe(KINDS.length);
});

describe.each([
  ['the PostgreSQL 15 server', serverRoundTripDb, false],
  ['PGlite (PostgreSQL 18)', pgliteRoundTripDb, true],
] as const)('the generative round trip on %s', async (_name, open, pglite) => {
  const reason = pglite ? null : await pgServerUnavailable();

  it.skipIf(reason)(
    `converges on ${runs} draws of one to three changes`,
    async () => {
      const catalogue = pglite ? KINDS.filter((k) => !k.serverOnly) : KINDS;
      const draw = fc
        .uniqueArray(fc.integer({ min: 0, max: catalogue.length - 1 }), { minLength: 1, maxLength: 3 })
        .map((ids) => ids.map((i) => catalogue[i] as Kind))
        .filter((kinds) => {
          const touched = kinds.flatMap((k) => k.touches);
          return new Set(touched).size === touched.length;
        });
      await fc.assert(
        fc.asyncProperty(draw, async (kinds) => {
          const roles = uniqueRoles();
          const db = await open(roles);
          try {
            for (const k of kinds) if (k.setup) await db.exec(k.setup);
            const expected = await takeSnapshot(db.executor);
            const original = await rowFingerprints(db);
            for (const k of kinds) await db.exec(k.sql(roles));
            const changed = await rowFingerprints(db);
            const diff = diffSnapshots(expected, await takeSnapshot(db.executor));
            const names = kinds.map((k) => k.name).join(' + ');
            expect(diff.differences.length, names).toBeGreaterThan(0);

            await runFixScript(db.exec, diff.fix_script);
            const after = await rowFingerprints(db);
            // Every value the change kept is back where it was expected. A table the change renamed or moved (none
            // of its columns under its name) must be back whole; a column the change dropped is lost by the change.
            const tableOf = (key: string) => key.slice(0, key.indexOf('#'));
            const present = new Set([...changed.keys()].map(tableOf));
            for (const [key, value] of original) {
              if (changed.get(key) === value || !present.has(tableOf(key))) {
                expect(after.get(key), `${names}: ${key}\n${diff.fix_script}`).toBe(value);
              }
            }
            const healed = diffSnapshots(expected, await takeSnapshot(db.executor));
            for (const d of healed.differences) {
              expect(d.fix_sql, `${names}: ${d.kind} ${d.object} ${d.attribute}`).toMatch(/^--/m);
            }
            if (!kinds.some((k) => k.human)) expect(healed.differences, names).toEqual([]);
          } finally {
            await db.close();
          }
        }),
        { numRuns: runs, endOnFailure: true },
      );
    },
    600_000,
  );
});
