// Out-of-band changes to a schema built by real Alembic, each detected with the right object, attribute, severity
// and fix-up SQL — on the PostgreSQL 15 server and on PGlite (PostgreSQL 18). Applying the fix-up SQL must bring the
// database back to the expected snapshot, which proves the SQL as well as the detection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/catalog/model.js';
import { takeSnapshot } from '../../src/catalog/snapshot.js';
import { diffSnapshots } from '../../src/drift/structure.js';
import { type Backend, pgliteBackend, READER_ROLE, serverBackend } from '../catalog/credentialmate-schema.js';
import { alembicUnavailable, pgServerUnavailable } from '../support/real-parts.js';
import { runFixScript } from './structure-round-trip-schema.js';

interface Case {
  name: string;
  sql: string;
  change: 'missing' | 'unexpected' | 'changed';
  kind: string;
  object: string;
  attribute: string | null;
  expected?: unknown;
  actual?: unknown;
  severity: 'security' | 'breaking' | 'cosmetic';
  fix: string;
  /** How to get back to the expected schema when the fix-up cannot (it is a comment). */
  restore?: string;
}

const CASES: Case[] = [
  {
    name: 'add column',
    sql: 'ALTER TABLE providers ADD COLUMN nickname text',
    change: 'unexpected',
    kind: 'column',
    object: 'public.providers.nickname',
    attribute: null,
    actual: 'text',
    severity: 'breaking',
    // DROP COLUMN loses data: offered commented out, never runnable as it stands.
    fix: '-- destructive, not run: DROP COLUMN deletes the values of the column in every row\n-- ALTER TABLE public.providers DROP COLUMN nickname;',
    restore: 'ALTER TABLE providers DROP COLUMN nickname',
  },
  {
    name: 'drop column',
    sql: 'ALTER TABLE notifications DROP COLUMN read_at',
    change: 'missing',
    kind: 'column',
    object: 'public.notifications.read_at',
    attribute: null,
    expected: 'timestamp with time zone',
    severity: 'breaking',
    fix: 'ALTER TABLE public.notifications ADD COLUMN read_at timestamp with time zone;',
  },
  {
    name: 'change type',
    sql: 'ALTER TABLE providers ALTER COLUMN npi TYPE varchar(20)',
    change: 'changed',
    kind: 'column',
    object: 'public.providers.npi',
    attribute: 'type',
    expected: 'character varying(10)',
    actual: 'character varying(20)',
    severity: 'breaking',
    fix: '-- destructive, not run: a type change rewrites the table and its cast can lose data (character varying(20) to character varying(10))\n-- ALTER TABLE public.providers ALTER COLUMN npi TYPE character varying(10) USING npi::character varying(10);',
    restore: 'ALTER TABLE providers ALTER COLUMN npi TYPE varchar(10)',
  },
  {
    name: 'drop NOT NULL',
    sql: 'ALTER TABLE documents ALTER COLUMN title DROP NOT NULL',
    change: 'changed',
    kind: 'column',
    object: 'public.documents.title',
    attribute: 'not_null',
    expected: true,
    actual: false,
    severity: 'breaking',
    fix: 'ALTER TABLE public.documents ALTER COLUMN title SET NOT NULL;',
  },
  {
    name: 'change default',
    sql: "ALTER TABLE payer_enrollments ALTER COLUMN status SET DEFAULT 'active'",
    change: 'changed',
    kind: 'column',
    object: 'public.payer_enrollments.status',
    attribute: 'default',
    expected: "'pending'",
    actual: "'active'",
    severity: 'breaking',
    fix: "ALTER TABLE public.payer_enrollments ALTER COLUMN status SET DEFAULT 'pending';",
  },
  {
    name: 'drop index',
    sql: 'DROP INDEX audit_log_created_at_idx',
    change: 'missing',
    kind: 'index',
    object: 'public.audit_log_created_at_idx',
    attribute: null,
    expected: 'CREATE INDEX audit_log_created_at_idx ON public.audit_log USING btree (created_at)',
    severity: 'breaking',
    fix: 'CREATE INDEX CONCURRENTLY audit_log_created_at_idx ON public.audit_log USING btree (created_at);',
  },
  {
    name: 'add index',
    sql: 'CREATE INDEX providers_last_name_idx ON providers (last_name)',
    change: 'unexpected',
    kind: 'index',
    object: 'public.providers_last_name_idx',
    attribute: null,
    severity: 'breaking',
    fix: 'DROP INDEX public.providers_last_name_idx;',
  },
  {
    name: 'change a partial index predicate',
    sql: `DROP INDEX credentials_expires_on_idx;
          CREATE INDEX credentials_expires_on_idx ON credentials (expires_on) WHERE expires_on > '2020-01-01'`,
    change: 'changed',
    kind: 'index',
    object: 'public.credentials_expires_on_idx',
    attribute: 'predicate',
    expected: '(expires_on IS NOT NULL)',
    actual: "(expires_on > '2020-01-01'::date)",
    severity: 'breaking',
    fix: 'DROP INDEX public.credentials_expires_on_idx;\nCREATE INDEX credentials_expires_on_idx ON public.credentials USING btree (expires_on) WHERE (expires_on IS NOT NULL);',
  },
  {
    name: 'drop an FK',
    sql: 'ALTER TABLE attestations DROP CONSTRAINT attestations_provider_id_fkey',
    change: 'missing',
    kind: 'constraint',
    object: 'public.attestations.attestations_provider_id_fkey',
    attribute: null,
    expected: 'FOREIGN KEY (provider_id) REFERENCES public.providers(id)',
    severity: 'breaking',
    fix: 'ALTER TABLE public.attestations ADD CONSTRAINT attestations_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES public.providers(id);',
  },
  {
    name: "change an FK's ON DELETE",
    sql: `ALTER TABLE document_versions DROP CONSTRAINT document_versions_document_id_fkey,
          ADD CONSTRAINT document_versions_document_id_fkey FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE RESTRICT`,
    change: 'changed',
    kind: 'constraint',
    object: 'public.document_versions.document_versions_document_id_fkey',
    attribute: 'on_delete',
    expected: 'CASCADE',
    actual: 'RESTRICT',
    severity: 'breaking',
    fix: 'ALTER TABLE public.document_versions DROP CONSTRAINT document_versions_document_id_fkey;\nALTER TABLE public.document_versions ADD CONSTRAINT document_versions_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(id) ON DELETE CASCADE;',
  },
  {
    name: 'add a check',
    sql: 'ALTER TABLE continuing_education ADD CONSTRAINT hours_positive CHECK (hours > 0)',
    change: 'unexpected',
    kind: 'constraint',
    object: 'public.continuing_education.hours_positive',
    attribute: null,
    actual: 'CHECK ((hours > (0)::numeric))',
    severity: 'breaking',
    fix: 'ALTER TABLE public.continuing_education DROP CONSTRAINT hours_positive;',
  },
  {
    name: 'revoke a GRANT',
    sql: `REVOKE INSERT ON documents FROM ${READER_ROLE}`,
    change: 'changed',
    kind: 'privilege',
    object: `public.documents.${READER_ROLE}`,
    attribute: 'privileges',
    expected: ['INSERT', 'SELECT'],
    actual: ['SELECT'],
    severity: 'security',
    fix: `REVOKE ALL ON TABLE public.documents FROM ${READER_ROLE};\nGRANT INSERT, SELECT ON TABLE public.documents TO ${READER_ROLE};`,
  },
  {
    name: 'disable RLS',
    sql: 'ALTER TABLE documents DISABLE ROW LEVEL SECURITY',
    change: 'changed',
    kind: 'table',
    object: 'public.documents',
    attribute: 'rls_enabled',
    expected: true,
    actual: false,
    severity: 'security',
    fix: 'ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;',
  },
  {
    name: 'alter a policy',
    sql: 'ALTER POLICY documents_by_provider ON documents USING (true)',
    change: 'changed',
    kind: 'policy',
    object: 'public.documents.documents_by_provider',
    attribute: 'using',
    expected: "(provider_id = (current_setting('app.provider_id'::text, true))::bigint)",
    actual: 'true',
    severity: 'security',
    fix: "ALTER POLICY documents_by_provider ON public.documents USING ((provider_id = (current_setting('app.provider_id'::text, true))::bigint));",
  },
  {
    name: 'turn security_invoker off',
    sql: 'ALTER VIEW expiring_licenses SET (security_invoker = false)',
    change: 'changed',
    kind: 'view',
    object: 'public.expiring_licenses',
    attribute: 'security_invoker',
    expected: true,
    actual: false,
    severity: 'security',
    fix: 'ALTER VIEW public.expiring_licenses SET (security_invoker = true);',
  },
  {
    name: 'replace a function body',
    sql: `CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$`,
    change: 'changed',
    kind: 'function',
    object: 'public.touch_updated_at()',
    attribute: 'body_sha256',
    severity: 'breaking',
    fix: 'CREATE OR REPLACE FUNCTION public.touch_updated_at()',
  },
  {
    name: 'drop a trigger',
    sql: 'DROP TRIGGER providers_touch ON providers',
    change: 'missing',
    kind: 'trigger',
    object: 'public.providers.providers_touch',
    attribute: null,
    severity: 'breaking',
    fix: 'CREATE TRIGGER providers_touch BEFORE UPDATE ON public.providers FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();',
  },
  {
    name: 'add an enum value',
    sql: "ALTER TYPE license_status ADD VALUE 'revoked'",
    change: 'changed',
    kind: 'enum',
    object: 'public.license_status',
    attribute: 'labels',
    expected: ['active', 'expired', 'suspended'],
    actual: ['active', 'expired', 'suspended', 'revoked'],
    severity: 'breaking',
    fix: "-- PostgreSQL cannot drop or reorder enum values ('revoked') of public.license_status",
    restore: `ALTER TYPE license_status RENAME TO license_status_old;
      CREATE TYPE license_status AS ENUM ('active', 'expired', 'suspended');
      ALTER TABLE licenses ALTER COLUMN status DROP DEFAULT,
        ALTER COLUMN status TYPE license_status USING status::text::license_status,
        ALTER COLUMN status SET DEFAULT 'active';
      DROP TYPE license_status_old;`,
  },
  {
    name: 'change a sequence increment',
    sql: 'ALTER SEQUENCE providers_id_seq INCREMENT BY 10',
    change: 'changed',
    kind: 'sequence',
    object: 'public.providers_id_seq',
    attribute: 'increment',
    expected: '1',
    actual: '10',
    severity: 'breaking',
    fix: 'ALTER SEQUENCE public.providers_id_seq INCREMENT BY 1;',
  },
  {
    name: 'drop an extension',
    sql: 'DROP EXTENSION hstore',
    change: 'missing',
    kind: 'extension',
    object: 'hstore',
    attribute: null,
    expected: '1.8',
    severity: 'breaking',
    fix: "CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public VERSION '1.8';",
  },
];

function outOfBandSuite(name: string, open: () => Promise<Backend>, skip: () => Promise<string | null>) {
  describe(`out-of-band changes on ${name}`, async () => {
    const reason = await skip();
    let backend: Backend;
    let expected: Snapshot;

    beforeAll(async () => {
      if (reason) return;
      backend = await open();
      expected = await takeSnapshot(backend.executor);
    });
    afterAll(async () => {
      await backend?.close();
    });

    it.skipIf(reason)('finds no difference before any change', async () => {
      const diff = diffSnapshots(expected, await takeSnapshot(backend.executor));
      expect(diff.differences).toEqual([]);
      expect(diff.equal).toBe(true);
      expect(expected.objects.length).toBeGreaterThan(100);
    });

    for (const c of CASES) {
      it.skipIf(reason)(`detects "${c.name}" as ${c.change} ${c.kind} ${c.object} (${c.severity})`, async () => {
        await backend.exec(c.sql);
        const diff = diffSnapshots(expected, await takeSnapshot(backend.executor));
        expect(diff.equal).toBe(false);
        expect(diff.differences).toHaveLength(1);
        const [d] = diff.differences;
        expect(d).toMatchObject({
          change: c.change,
          kind: c.kind,
          object: c.object,
          attribute: c.attribute,
          severity: c.severity,
        });
        if ('expected' in c) expect(d?.expected).toEqual(c.expected);
        if ('actual' in c) expect(d?.actual).toEqual(c.actual);
        expect(d?.fix_sql.startsWith(c.fix)).toBe(true);
        expect(diff.counts[c.severity]).toBe(1);

        await runFixScript((sql) => backend.exec(sql), c.restore ?? diff.fix_script);
        const healed = diffSnapshots(expected, await takeSnapshot(backend.executor));
        expect(healed.differences).toEqual([]);
      });
    }
  });
}

outOfBandSuite(
  'the PostgreSQL 15 server (schema by alembic upgrade head)',
  () => serverBackend('structure_oob'),
  async () => (await pgServerUnavailable()) ?? alembicUnavailable(),
);
outOfBandSuite(
  'PGlite (PostgreSQL 18, schema by Alembic --sql)',
  () => pgliteBackend(),
  async () => alembicUnavailable(),
);
