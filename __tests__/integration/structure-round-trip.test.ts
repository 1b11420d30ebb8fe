// The round-trip matrix (issue 10): out-of-band changes to a realistic schema on real PostgreSQL 15 and on PGlite
// (PostgreSQL 18). Each change is detected with the right kind, object, attribute and severity; the runnable part of
// the fix-up script (destructive statements are commented out) is run with rows present, no stored value may change,
// and the database must come back to zero differences — or the case is one that needs a human (HUMAN below, each with
// the reason), whose restore SQL is run instead.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Snapshot } from '../../src/catalog/model.js';
import { takeSnapshot } from '../../src/catalog/snapshot.js';
import { diffSnapshots, type StructureDifference } from '../../src/drift/structure.js';
import { pgServerUnavailable } from '../support/real-parts.js';
import {
  pgliteRoundTripDb,
  type Roles,
  type RoundTripDb,
  rowFingerprints,
  runFixScript,
  serverRoundTripDb,
  uniqueRoles,
} from './structure-round-trip-schema.js';

type Severity = StructureDifference['severity'];

interface Case {
  name: string;
  sql: (r: Roles) => string;
  /** The difference that must be reported: change, kind, object, attribute, severity. */
  expect: [StructureDifference['change'], string, string | ((r: Roles) => string), string | null, Severity];
  /** Total number of differences, when the change moves more than one attribute (default 1). */
  count?: number;
  /** For a likely rename: the name the object has in the database. */
  rename?: string;
  /** Needs a human: why, and the SQL that restores the expected schema instead of the fix-up. */
  human?: { why: string; restore: (r: Roles) => string };
  /** The feature does not exist on PGlite. */
  serverOnly?: boolean;
}

const CASES: Case[] = [
  // columns
  {
    name: 'add a column',
    sql: () => 'ALTER TABLE patients ADD COLUMN nickname text',
    expect: ['unexpected', 'column', 'public.patients.nickname', null, 'breaking'],
    human: {
      why: 'DROP COLUMN deletes the values someone has been writing',
      restore: () => 'ALTER TABLE patients DROP COLUMN nickname',
    },
  },
  {
    name: 'drop a column',
    sql: () => 'ALTER TABLE patients DROP COLUMN notes',
    expect: ['missing', 'column', 'public.patients.notes', null, 'breaking'],
  },
  {
    name: 'rename a column',
    sql: () => 'ALTER TABLE import_batches RENAME COLUMN payload TO body',
    expect: ['missing', 'column', 'public.import_batches.payload', null, 'breaking'],
    rename: 'public.import_batches.body',
  },
  {
    name: 'rename a column a view reads',
    sql: () => 'ALTER TABLE patients RENAME COLUMN email TO email_address',
    expect: ['missing', 'column', 'public.patients.email', null, 'breaking'],
    rename: 'public.patients.email_address',
    count: 2, // the view's definition now reads email_address AS email
  },
  {
    name: 'change a column type',
    sql: () => 'ALTER TABLE providers ALTER COLUMN rating TYPE numeric(4,1)',
    expect: ['changed', 'column', 'public.providers.rating', 'type', 'breaking'],
    human: {
      why: 'a type change rewrites the table and its cast can lose data',
      restore: () => 'ALTER TABLE providers ALTER COLUMN rating TYPE numeric(3,1)',
    },
  },
  {
    name: 'widen a varchar',
    sql: () => 'ALTER TABLE billing.invoices ALTER COLUMN memo TYPE varchar(500)',
    expect: ['changed', 'column', 'billing.invoices.memo', 'type', 'breaking'],
    human: {
      why: 'narrowing back truncates or fails on longer values',
      restore: () => 'ALTER TABLE billing.invoices ALTER COLUMN memo TYPE varchar(200)',
    },
  },
  {
    name: 'drop NOT NULL',
    sql: () => 'ALTER TABLE patients ALTER COLUMN full_name DROP NOT NULL',
    expect: ['changed', 'column', 'public.patients.full_name', 'not_null', 'breaking'],
  },
  {
    name: 'set NOT NULL',
    sql: () => 'ALTER TABLE patients ALTER COLUMN birth_date SET NOT NULL',
    expect: ['changed', 'column', 'public.patients.birth_date', 'not_null', 'breaking'],
  },
  {
    name: 'change a default',
    sql: () => 'ALTER TABLE providers ALTER COLUMN active SET DEFAULT false',
    expect: ['changed', 'column', 'public.providers.active', 'default', 'breaking'],
  },
  {
    name: 'drop a default',
    sql: () => 'ALTER TABLE patients ALTER COLUMN tenant_id DROP DEFAULT',
    expect: ['changed', 'column', 'public.patients.tenant_id', 'default', 'breaking'],
  },
  {
    name: 'add a default',
    sql: () => "ALTER TABLE patients ALTER COLUMN notes SET DEFAULT 'n/a'",
    expect: ['changed', 'column', 'public.patients.notes', 'default', 'breaking'],
  },
  {
    name: 'identity ALWAYS instead of BY DEFAULT',
    sql: () => 'ALTER TABLE patients ALTER COLUMN id SET GENERATED ALWAYS',
    expect: ['changed', 'column', 'public.patients.id', 'identity', 'breaking'],
  },
  {
    name: 'change a collation',
    sql: () => 'ALTER TABLE billing.invoices ALTER COLUMN memo TYPE varchar(200) COLLATE "C"',
    expect: ['changed', 'column', 'billing.invoices.memo', 'collation', 'breaking'],
  },
  {
    name: 'raise a statistics target',
    sql: () => 'ALTER TABLE encounters ALTER COLUMN seen_at SET STATISTICS 500',
    expect: ['changed', 'column', 'public.encounters.seen_at', 'statistics', 'cosmetic'],
  },
  {
    name: 'change a column storage',
    sql: () => 'ALTER TABLE patients ALTER COLUMN notes SET STORAGE EXTERNAL',
    expect: ['changed', 'column', 'public.patients.notes', 'storage', 'cosmetic'],
    human: {
      why: "PostgreSQL 15 has no SET STORAGE DEFAULT, and the snapshot does not record the type's default storage",
      restore: () => 'ALTER TABLE patients ALTER COLUMN notes SET STORAGE EXTENDED',
    },
  },
  {
    name: 'comment a column',
    sql: () => "COMMENT ON COLUMN patients.email IS 'verified address'",
    expect: ['changed', 'column', 'public.patients.email', 'comment', 'cosmetic'],
  },
  // tables
  {
    name: 'change a table comment',
    sql: () => "COMMENT ON TABLE patients IS 'changed'",
    expect: ['changed', 'table', 'public.patients', 'comment', 'cosmetic'],
  },
  {
    name: 'disable RLS',
    sql: () => 'ALTER TABLE patients DISABLE ROW LEVEL SECURITY',
    expect: ['changed', 'table', 'public.patients', 'rls_enabled', 'security'],
  },
  {
    name: 'force RLS',
    sql: () => 'ALTER TABLE patients FORCE ROW LEVEL SECURITY',
    expect: ['changed', 'table', 'public.patients', 'rls_forced', 'security'],
  },
  {
    name: 'enable RLS on a table without policies',
    sql: () => 'ALTER TABLE providers ENABLE ROW LEVEL SECURITY',
    expect: ['changed', 'table', 'public.providers', 'rls_enabled', 'security'],
  },
  {
    name: 'make a table unlogged',
    sql: () => 'ALTER TABLE import_batches SET UNLOGGED',
    expect: ['changed', 'table', 'public.import_batches', 'unlogged', 'breaking'],
  },
  {
    name: 'change a storage parameter',
    sql: () => 'ALTER TABLE billing.invoices SET (fillfactor = 70)',
    expect: ['changed', 'table', 'billing.invoices', 'options', 'cosmetic'],
  },
  {
    name: 'reset a storage parameter',
    sql: () => 'ALTER TABLE billing.invoices RESET (fillfactor)',
    expect: ['changed', 'table', 'billing.invoices', 'options', 'cosmetic'],
  },
  {
    name: 'add a storage parameter',
    sql: () => 'ALTER TABLE import_batches SET (autovacuum_enabled = false)',
    expect: ['changed', 'table', 'public.import_batches', 'options', 'cosmetic'],
  },
  {
    name: 'change a table owner',
    sql: (r) => `ALTER TABLE providers OWNER TO ${r.app}`,
    expect: ['changed', 'table', 'public.providers', 'owner', 'security'],
    count: 2, // the serial's sequence moves with its table
  },
  {
    name: 'change a table owner in another schema',
    sql: (r) => `ALTER TABLE billing.invoices OWNER TO ${r.app}`,
    expect: ['changed', 'table', 'billing.invoices', 'owner', 'security'],
  },
  {
    name: 'change the replica identity',
    sql: () => 'ALTER TABLE encounters REPLICA IDENTITY FULL',
    expect: ['changed', 'table', 'public.encounters', 'replica_identity', 'breaking'],
  },
  {
    name: 'stop inheriting',
    sql: () => 'ALTER TABLE patient_notes NO INHERIT notes_base',
    expect: ['changed', 'table', 'public.patient_notes', 'inherits', 'breaking'],
  },
  {
    name: 'detach a partition',
    sql: () => 'ALTER TABLE audit_events DETACH PARTITION audit_events_2026',
    expect: ['changed', 'table', 'public.audit_events_2026', 'partition_of', 'breaking'],
    count: 2, // partition_of and partition_bound: one ATTACH PARTITION
  },
  {
    name: 'drop a partition',
    sql: () => 'DROP TABLE audit_events_2026',
    expect: ['missing', 'table', 'public.audit_events_2026', null, 'breaking'],
  },
  {
    name: 'add a table',
    sql: () => 'CREATE TABLE public.scratch (id int)',
    expect: ['unexpected', 'table', 'public.scratch', null, 'breaking'],
    human: { why: 'DROP TABLE deletes its rows', restore: () => 'DROP TABLE public.scratch' },
  },
  {
    name: 'add a partition',
    sql: () =>
      "CREATE TABLE audit_events_2027 PARTITION OF audit_events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')",
    expect: ['unexpected', 'table', 'public.audit_events_2027', null, 'breaking'],
    human: { why: 'DROP TABLE deletes its rows', restore: () => 'DROP TABLE audit_events_2027' },
  },
  // constraints
  {
    name: 'drop a foreign key',
    sql: () => 'ALTER TABLE encounters DROP CONSTRAINT encounters_provider_id_fkey',
    expect: ['missing', 'constraint', 'public.encounters.encounters_provider_id_fkey', null, 'breaking'],
  },
  {
    name: "change a foreign key's ON DELETE",
    sql: () => `ALTER TABLE encounters DROP CONSTRAINT encounters_patient_id_fkey,
      ADD CONSTRAINT encounters_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE RESTRICT`,
    expect: ['changed', 'constraint', 'public.encounters.encounters_patient_id_fkey', 'on_delete', 'breaking'],
  },
  {
    name: 'add a check constraint',
    sql: () => 'ALTER TABLE billing.invoices ADD CONSTRAINT total_positive CHECK (total >= 0)',
    expect: ['unexpected', 'constraint', 'billing.invoices.total_positive', null, 'breaking'],
  },
  {
    name: 'drop a check constraint',
    sql: () => 'ALTER TABLE encounters DROP CONSTRAINT encounters_seen_check',
    expect: ['missing', 'constraint', 'public.encounters.encounters_seen_check', null, 'breaking'],
  },
  {
    name: 'leave a foreign key NOT VALID',
    sql: () => `ALTER TABLE encounters DROP CONSTRAINT encounters_provider_id_fkey,
      ADD CONSTRAINT encounters_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) NOT VALID`,
    expect: ['changed', 'constraint', 'public.encounters.encounters_provider_id_fkey', 'validated', 'breaking'],
  },
  {
    name: 'rename a constraint',
    sql: () => 'ALTER TABLE encounters RENAME CONSTRAINT encounters_seen_check TO seen_after_2000',
    expect: ['missing', 'constraint', 'public.encounters.encounters_seen_check', null, 'breaking'],
    rename: 'public.encounters.seen_after_2000',
  },
  {
    name: 'make a foreign key deferrable',
    sql: () => 'ALTER TABLE encounters ALTER CONSTRAINT encounters_patient_id_fkey DEFERRABLE INITIALLY DEFERRED',
    expect: ['changed', 'constraint', 'public.encounters.encounters_patient_id_fkey', 'deferrable', 'breaking'],
    count: 2, // deferrable and deferred: one DROP + ADD
  },
  {
    name: 'drop a unique constraint',
    sql: () => 'ALTER TABLE patients DROP CONSTRAINT patients_mrn_key',
    expect: ['missing', 'constraint', 'public.patients.patients_mrn_key', null, 'breaking'],
  },
  // indexes
  {
    name: 'drop an index',
    sql: () => 'DROP INDEX encounters_patient_idx',
    expect: ['missing', 'index', 'public.encounters_patient_idx', null, 'breaking'],
  },
  {
    name: 'add an index',
    sql: () => 'CREATE INDEX providers_name_idx ON providers (name)',
    expect: ['unexpected', 'index', 'public.providers_name_idx', null, 'breaking'],
  },
  {
    name: "change a partial index's predicate",
    sql: () => `DROP INDEX encounters_open_idx;
      CREATE INDEX encounters_open_idx ON encounters (seen_at) WHERE status = 'submitted'`,
    expect: ['changed', 'index', 'public.encounters_open_idx', 'predicate', 'breaking'],
  },
  {
    name: 'rename an index',
    sql: () => 'ALTER INDEX encounters_patient_idx RENAME TO enc_patient_idx',
    expect: ['missing', 'index', 'public.encounters_patient_idx', null, 'breaking'],
    rename: 'public.enc_patient_idx',
  },
  {
    name: "change an index's method",
    sql: () => `DROP INDEX encounters_patient_idx;
      CREATE INDEX encounters_patient_idx ON encounters USING hash (patient_id)`,
    expect: ['changed', 'index', 'public.encounters_patient_idx', 'definition', 'breaking'],
  },
  {
    name: 'cluster a table on an index',
    sql: () => 'ALTER TABLE encounters CLUSTER ON encounters_patient_idx',
    expect: ['changed', 'index', 'public.encounters_patient_idx', 'clustered', 'cosmetic'],
  },
  {
    name: "drop a materialized view's index",
    sql: () => 'DROP INDEX encounter_counts_provider_idx',
    expect: ['missing', 'index', 'public.encounter_counts_provider_idx', null, 'breaking'],
  },
  // views
  {
    name: "replace a view's query",
    sql: () => `CREATE OR REPLACE VIEW active_providers WITH (security_barrier = true) AS
      SELECT id, name FROM providers WHERE active AND rating > 1`,
    expect: ['changed', 'view', 'public.active_providers', 'definition', 'breaking'],
  },
  {
    name: 'turn security_barrier off',
    sql: () => 'ALTER VIEW active_providers RESET (security_barrier)',
    expect: ['changed', 'view', 'public.active_providers', 'security_barrier', 'security'],
  },
  {
    name: 'turn security_invoker off',
    sql: () => 'ALTER VIEW patient_contacts SET (security_invoker = false)',
    expect: ['changed', 'view', 'public.patient_contacts', 'security_invoker', 'security'],
  },
  {
    name: 'drop a view',
    sql: () => 'DROP VIEW patient_contacts',
    expect: ['missing', 'view', 'public.patient_contacts', null, 'breaking'],
  },
  {
    name: 'drop a view that has grants',
    sql: () => 'DROP VIEW active_providers',
    expect: ['missing', 'view', 'public.active_providers', null, 'breaking'],
    count: 2, // and the reader's SELECT on it, granted after the view is back
  },
  {
    name: 'add a view',
    sql: () => 'CREATE VIEW public.debug_patients AS SELECT * FROM patients',
    expect: ['unexpected', 'view', 'public.debug_patients', null, 'breaking'],
  },
  {
    name: 'change a view owner',
    sql: (r) => `ALTER VIEW active_providers OWNER TO ${r.owner}`,
    expect: ['changed', 'view', 'public.active_providers', 'owner', 'security'],
  },
  // materialized views
  {
    name: "change a materialized view's query",
    sql: () => `DROP MATERIALIZED VIEW encounter_counts;
      CREATE MATERIALIZED VIEW encounter_counts AS
        SELECT provider_id, count(*) AS n, max(seen_at) AS last_seen FROM encounters GROUP BY provider_id`,
    expect: ['changed', 'materialized view', 'public.encounter_counts', 'definition', 'breaking'],
    count: 2, // and its index, gone with it: recreated once, after the view
  },
  {
    name: 'drop a materialized view',
    sql: () => 'DROP MATERIALIZED VIEW encounter_counts',
    expect: ['missing', 'materialized view', 'public.encounter_counts', null, 'breaking'],
    count: 2,
  },
  {
    name: 'change a materialized view owner',
    sql: (r) => `ALTER MATERIALIZED VIEW encounter_counts OWNER TO ${r.owner}`,
    expect: ['changed', 'materialized view', 'public.encounter_counts', 'owner', 'security'],
  },
  // functions and procedures
  {
    name: 'replace a function body',
    sql: () => `CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.created_at := clock_timestamp(); RETURN NEW; END $$`,
    expect: ['changed', 'function', 'public.touch()', 'body_sha256', 'breaking'],
  },
  {
    name: 'make a SECURITY DEFINER function SECURITY INVOKER',
    sql: () => 'ALTER FUNCTION patient_count() SECURITY INVOKER',
    expect: ['changed', 'function', 'public.patient_count()', 'security_definer', 'security'],
  },
  {
    name: 'add a SECURITY DEFINER function',
    sql: () => "CREATE FUNCTION public.escalate() RETURNS integer LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'",
    expect: ['unexpected', 'function', 'public.escalate()', null, 'security'],
  },
  {
    name: 'add a plain function',
    sql: () => "CREATE FUNCTION public.helper() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    expect: ['unexpected', 'function', 'public.helper()', null, 'breaking'],
  },
  {
    name: "reset a function's search_path",
    sql: () => 'ALTER FUNCTION patient_count() RESET search_path',
    expect: ['changed', 'function', 'public.patient_count()', 'config', 'security'],
  },
  {
    name: "change a function's volatility",
    sql: () => 'ALTER FUNCTION patient_count() VOLATILE',
    expect: ['changed', 'function', 'public.patient_count()', 'volatility', 'breaking'],
  },
  {
    name: 'change a function owner',
    sql: (r) => `ALTER FUNCTION patient_count() OWNER TO ${r.app}`,
    expect: ['changed', 'function', 'public.patient_count()', 'owner', 'security'],
  },
  {
    name: 'drop a procedure',
    sql: () => 'DROP PROCEDURE archive_before(date)',
    expect: ['missing', 'function', 'public.archive_before(IN cutoff date)', null, 'breaking'],
  },
  {
    name: 'grant EXECUTE on a SECURITY DEFINER function to PUBLIC',
    sql: () => 'GRANT EXECUTE ON FUNCTION patient_count() TO PUBLIC',
    expect: ['missing', 'function privilege', 'public.patient_count()."PUBLIC"', null, 'security'],
  },
  {
    name: 'revoke EXECUTE from a role',
    sql: (r) => `REVOKE EXECUTE ON FUNCTION patient_count() FROM ${r.reader}`,
    expect: ['missing', 'function privilege', (r) => `public.patient_count().${r.reader}`, null, 'security'],
  },
  {
    name: 'grant EXECUTE on a procedure',
    sql: (r) => `REVOKE EXECUTE ON PROCEDURE archive_before(date) FROM PUBLIC;
      GRANT EXECUTE ON PROCEDURE archive_before(date) TO ${r.app}`,
    expect: [
      'unexpected',
      'function privilege',
      (r) => `public.archive_before(IN cutoff date).${r.app}`,
      null,
      'security',
    ],
    count: 2, // and PUBLIC's revoked EXECUTE
  },
  // triggers, rules, policies
  {
    name: 'drop a trigger',
    sql: () => 'DROP TRIGGER patients_touch ON patients',
    expect: ['missing', 'trigger', 'public.patients.patients_touch', null, 'breaking'],
  },
  {
    name: 'disable a trigger',
    sql: () => 'ALTER TABLE patients DISABLE TRIGGER patients_touch',
    expect: ['changed', 'trigger', 'public.patients.patients_touch', 'enabled', 'breaking'],
  },
  {
    name: 'drop a rule',
    sql: () => 'DROP RULE audit_events_no_delete ON audit_events_2025',
    expect: ['missing', 'rule', 'public.audit_events_2025.audit_events_no_delete', null, 'breaking'],
  },
  {
    name: 'add a DO INSTEAD NOTHING rule',
    sql: () => 'CREATE RULE providers_no_delete AS ON DELETE TO providers DO INSTEAD NOTHING',
    expect: ['unexpected', 'rule', 'public.providers.providers_no_delete', null, 'breaking'],
  },
  {
    name: 'change a rule',
    sql: () => 'CREATE OR REPLACE RULE audit_events_no_delete AS ON DELETE TO audit_events_2025 DO ALSO NOTHING',
    expect: ['changed', 'rule', 'public.audit_events_2025.audit_events_no_delete', 'definition', 'breaking'],
  },
  {
    name: 'disable a rule',
    sql: () => 'ALTER TABLE audit_events_2025 DISABLE RULE audit_events_no_delete',
    expect: ['changed', 'rule', 'public.audit_events_2025.audit_events_no_delete', 'enabled', 'breaking'],
  },
  {
    name: "change a policy's USING",
    sql: () => 'ALTER POLICY patients_tenant ON patients USING (true)',
    expect: ['changed', 'policy', 'public.patients.patients_tenant', 'using', 'security'],
  },
  {
    name: "change a policy's WITH CHECK",
    sql: () => 'ALTER POLICY patients_insert ON patients WITH CHECK (true)',
    expect: ['changed', 'policy', 'public.patients.patients_insert', 'with_check', 'security'],
  },
  {
    name: "change a policy's roles",
    sql: () => 'ALTER POLICY patients_tenant ON patients TO PUBLIC',
    expect: ['changed', 'policy', 'public.patients.patients_tenant', 'roles', 'security'],
  },
  {
    name: 'drop a policy',
    sql: () => 'DROP POLICY patients_insert ON patients',
    expect: ['missing', 'policy', 'public.patients.patients_insert', null, 'security'],
  },
  {
    name: 'add a policy',
    sql: () => 'CREATE POLICY patients_all ON patients USING (true)',
    expect: ['unexpected', 'policy', 'public.patients.patients_all', null, 'security'],
  },
  // privileges
  {
    name: 'revoke part of a table grant',
    sql: (r) => `REVOKE UPDATE ON encounters FROM ${r.app}`,
    expect: ['changed', 'privilege', (r) => `public.encounters.${r.app}`, 'privileges', 'security'],
  },
  {
    name: 'grant ALL on a table',
    sql: (r) => `GRANT ALL ON providers TO ${r.reader}`,
    expect: ['changed', 'privilege', (r) => `public.providers.${r.reader}`, 'privileges', 'security'],
  },
  {
    name: 'grant SELECT on PHI to PUBLIC',
    sql: () => 'GRANT SELECT ON patients TO PUBLIC',
    expect: ['unexpected', 'privilege', 'public.patients."PUBLIC"', null, 'security'],
  },
  {
    name: 'grant with GRANT OPTION',
    sql: (r) => `GRANT SELECT ON providers TO ${r.reader} WITH GRANT OPTION`,
    expect: ['changed', 'privilege', (r) => `public.providers.${r.reader}`, 'grantable', 'security'],
  },
  {
    name: 'revoke a privilege from the owner',
    sql: () => 'REVOKE DELETE ON import_batches FROM CURRENT_USER',
    expect: ['unexpected', 'privilege', 'public.import_batches.postgres', null, 'security'],
  },
  {
    name: 'grant a column privilege',
    sql: (r) => `GRANT UPDATE (email) ON patients TO ${r.app}`,
    expect: ['unexpected', 'column privilege', (r) => `public.patients.email.${r.app}`, null, 'security'],
  },
  {
    name: 'revoke a column privilege',
    sql: (r) => `REVOKE SELECT (full_name) ON patients FROM ${r.reader}`,
    expect: ['missing', 'column privilege', (r) => `public.patients.full_name.${r.reader}`, null, 'security'],
  },
  {
    name: 'revoke a sequence privilege',
    sql: (r) => `REVOKE USAGE ON SEQUENCE invoice_no_seq FROM ${r.app}`,
    expect: ['missing', 'privilege', (r) => `public.invoice_no_seq.${r.app}`, null, 'security'],
  },
  {
    name: 'grant CREATE on a schema',
    sql: (r) => `GRANT CREATE ON SCHEMA billing TO ${r.app}`,
    expect: ['changed', 'schema privilege', (r) => `billing.${r.app}`, 'privileges', 'security'],
  },
  {
    name: 'revoke USAGE on a schema',
    sql: (r) => `REVOKE USAGE ON SCHEMA billing FROM ${r.app}`,
    expect: ['missing', 'schema privilege', (r) => `billing.${r.app}`, null, 'security'],
  },
  {
    name: 'grant CREATE on public to PUBLIC',
    sql: () => 'GRANT CREATE ON SCHEMA public TO PUBLIC',
    expect: ['changed', 'schema privilege', 'public."PUBLIC"', 'privileges', 'security'],
  },
  {
    name: 'revoke a type privilege',
    sql: (r) => `REVOKE USAGE ON TYPE claim_status FROM ${r.app}`,
    expect: ['missing', 'type privilege', (r) => `public.claim_status.${r.app}`, null, 'security'],
  },
  {
    name: "revoke PUBLIC's USAGE on a type",
    sql: () => 'REVOKE USAGE ON TYPE money_amount FROM PUBLIC',
    expect: ['unexpected', 'type privilege', 'public.money_amount."PUBLIC"', null, 'security'],
  },
  {
    name: 'revoke a default privilege in a schema',
    sql: (r) =>
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${r.owner} IN SCHEMA billing REVOKE SELECT ON TABLES FROM ${r.reader}`,
    expect: ['missing', 'default privilege', (r) => `${r.owner}.billing.tables.${r.reader}`, null, 'security'],
  },
  {
    name: 'add a global default privilege',
    sql: (r) => `ALTER DEFAULT PRIVILEGES FOR ROLE ${r.owner} GRANT EXECUTE ON FUNCTIONS TO ${r.app}`,
    expect: ['unexpected', 'default privilege', (r) => `${r.owner}."".functions.${r.app}`, null, 'security'],
  },
  {
    name: "revoke PUBLIC's default EXECUTE",
    sql: (r) => `ALTER DEFAULT PRIVILEGES FOR ROLE ${r.owner} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`,
    expect: ['unexpected', 'default privilege', (r) => `${r.owner}."".functions."PUBLIC"`, null, 'security'],
  },
  // types
  {
    name: 'add an enum value',
    sql: () => "ALTER TYPE contact_method ADD VALUE 'fax'",
    expect: ['changed', 'enum', 'public.contact_method', 'labels', 'breaking'],
    human: {
      why: 'PostgreSQL cannot drop an enum value: the type must be rebuilt and every column using it converted',
      restore: () => `ALTER TYPE contact_method RENAME TO contact_method_old;
        CREATE TYPE contact_method AS ENUM ('email', 'phone', 'mail');
        ALTER TABLE patients ALTER COLUMN preferred_contact TYPE contact_method
          USING preferred_contact::text::contact_method;
        DROP TYPE contact_method_old;`,
    },
  },
  {
    name: 'rename an enum value',
    sql: () => "ALTER TYPE claim_status RENAME VALUE 'denied' TO 'rejected'",
    expect: ['changed', 'enum', 'public.claim_status', 'labels', 'breaking'],
  },
  {
    name: 'add an attribute to a composite type',
    sql: () => 'ALTER TYPE money_amount ADD ATTRIBUTE note text',
    expect: ['changed', 'composite type', 'public.money_amount', 'attributes', 'breaking'],
    human: {
      why: 'dropping a composite attribute deletes its values in every column of the type',
      restore: () => 'ALTER TYPE money_amount DROP ATTRIBUTE note',
    },
  },
  {
    name: 'drop an attribute of a composite type',
    sql: () => 'ALTER TYPE address DROP ATTRIBUTE city',
    expect: ['changed', 'composite type', 'public.address', 'attributes', 'breaking'],
  },
  {
    name: 'drop a composite type',
    sql: () => 'DROP TYPE address',
    expect: ['missing', 'composite type', 'public.address', null, 'breaking'],
  },
  {
    name: "drop a domain's check",
    sql: () => 'ALTER DOMAIN npi DROP CONSTRAINT npi_check',
    expect: ['changed', 'domain', 'public.npi', 'checks', 'breaking'],
  },
  {
    name: 'give a domain a default',
    sql: () => "ALTER DOMAIN npi SET DEFAULT '0000000000'",
    expect: ['changed', 'domain', 'public.npi', 'default', 'breaking'],
  },
  {
    name: 'make a domain NOT NULL',
    sql: () => 'ALTER DOMAIN npi SET NOT NULL',
    expect: ['changed', 'domain', 'public.npi', 'not_null', 'breaking'],
  },
  {
    name: 'change a type owner',
    sql: (r) => `ALTER TYPE claim_status OWNER TO ${r.owner}`,
    expect: ['changed', 'enum', 'public.claim_status', 'owner', 'security'],
  },
  {
    name: 'add an enum type',
    sql: () => "CREATE TYPE public.scratch_kind AS ENUM ('x')",
    expect: ['unexpected', 'enum', 'public.scratch_kind', null, 'breaking'],
  },
  // sequences
  {
    name: 'change a sequence increment',
    sql: () => 'ALTER SEQUENCE invoice_no_seq INCREMENT BY 10',
    expect: ['changed', 'sequence', 'public.invoice_no_seq', 'increment', 'breaking'],
  },
  {
    name: 'cap and cycle a sequence',
    sql: () => 'ALTER SEQUENCE invoice_no_seq MAXVALUE 99999 CYCLE',
    expect: ['changed', 'sequence', 'public.invoice_no_seq', 'cycle', 'breaking'],
    count: 2,
  },
  {
    name: 'change a sequence owner',
    sql: (r) => `ALTER SEQUENCE invoice_no_seq OWNER TO ${r.owner}`,
    expect: ['changed', 'sequence', 'public.invoice_no_seq', 'owner', 'security'],
  },
  {
    name: 'add a sequence',
    sql: () => 'CREATE SEQUENCE public.scratch_seq',
    expect: ['unexpected', 'sequence', 'public.scratch_seq', null, 'breaking'],
    human: { why: 'DROP SEQUENCE loses its current value', restore: () => 'DROP SEQUENCE public.scratch_seq' },
  },
  // schemas
  {
    name: 'change a schema owner',
    sql: (r) => `ALTER SCHEMA billing OWNER TO ${r.app}`,
    expect: ['changed', 'schema', 'billing', 'owner', 'security'],
    count: 2, // the new owner's USAGE grant merges into its owner rights
  },
  {
    name: 'change a schema comment',
    sql: () => "COMMENT ON SCHEMA reporting IS 'changed'",
    expect: ['changed', 'schema', 'reporting', 'comment', 'cosmetic'],
  },
  {
    name: 'add a schema',
    sql: () => 'CREATE SCHEMA scratch',
    expect: ['unexpected', 'schema', 'scratch', null, 'breaking'],
  },
  {
    name: 'drop a schema',
    sql: () => 'DROP SCHEMA reporting',
    expect: ['missing', 'schema', 'reporting', null, 'breaking'],
  },
];

function roundTripSuite(name: string, open: (roles: Roles) => Promise<RoundTripDb>, pglite: boolean) {
  describe(`round trip on ${name}`, async () => {
    const reason = pglite ? null : await pgServerUnavailable();
    const roles = uniqueRoles();
    let db: RoundTripDb;
    let expected: Snapshot;

    beforeAll(async () => {
      if (reason) return;
      db = await open(roles);
      expected = await takeSnapshot(db.executor);
    });
    afterAll(async () => {
      await db?.close();
    });

    it.skipIf(reason)('finds no difference before any change', async () => {
      expect(diffSnapshots(expected, await takeSnapshot(db.executor)).differences).toEqual([]);
    });

    for (const c of CASES) {
      const skip = reason !== null || (pglite && c.serverOnly === true);
      it.skipIf(skip)(`${c.name}: ${c.expect[0]} ${c.expect[1]} (${c.expect[4]})`, async () => {
        // A failed case leaves its change behind: start the next one from a fresh copy of the schema.
        onTestFailed(async () => {
          await db.close();
          db = await open(roles);
        });
        await db.exec(c.sql(roles));
        const diff = diffSnapshots(expected, await takeSnapshot(db.executor));
        const [change, kind, object, attribute, severity] = c.expect;
        const found = diff.differences.find(
          (d) =>
            d.change === change &&
            d.kind === kind &&
            d.object === (typeof object === 'function' ? object(roles) : object) &&
            d.attribute === attribute,
        );
        expect(found, JSON.stringify(diff.differences, null, 1)).toBeDefined();
        expect(found?.severity).toBe(severity);
        expect(found?.possible_rename).toBe(c.rename ?? null);
        expect(diff.differences).toHaveLength(c.count ?? 1);

        // The runnable part of the fix-up, with rows present: no stored value may change.
        const before = await rowFingerprints(db);
        await runFixScript(db.exec, diff.fix_script);
        const after = await rowFingerprints(db);
        for (const [key, value] of before) expect(after.get(key), key).toBe(value);

        const healed = diffSnapshots(expected, await takeSnapshot(db.executor));
        if (c.human) {
          // What is left is exactly what was not offered as runnable: destructive statements or notes.
          expect(healed.differences.length).toBeGreaterThan(0);
          for (const d of healed.differences) expect(d.fix_sql).toMatch(/^--/m);
          await db.exec(c.human.restore(roles));
        }
        const final = diffSnapshots(expected, await takeSnapshot(db.executor));
        expect(final.differences).toEqual([]);
      });
    }
  });
}

roundTripSuite('the PostgreSQL 15 server', serverRoundTripDb, false);
roundTripSuite('PGlite (PostgreSQL 18)', pgliteRoundTripDb, true);

describe('the clinic schema on two majors', async () => {
  const reason = await pgServerUnavailable();
  it.skipIf(reason)('gives equal snapshots on PostgreSQL 15 and on PGlite (18)', async () => {
    const roles = uniqueRoles();
    const server = await serverRoundTripDb(roles);
    const pglite = await pgliteRoundTripDb(roles);
    try {
      const diff = diffSnapshots(await takeSnapshot(server.executor), await takeSnapshot(pglite.executor));
      expect(diff.differences).toEqual([]);
      expect(diff.notices).toEqual([]);
    } finally {
      await pglite.close();
      await server.close();
    }
  });
});
