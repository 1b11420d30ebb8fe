// A fixed, realistic report input for each version state, so tests compare exact outputs.
import { buildReport, type ReportInput } from '../../src/report/build.js';
import type {
  PendingRevision,
  Report,
  StructureSection,
  VersionSection,
  VersionState,
} from '../../src/report/model.js';

export const fixedNow = new Date('2025-12-31T19:05:18.734Z');

export const run: ReportInput['run'] = {
  trigger: 'schedule',
  repository: 'acme/credentialmate',
  sha: '3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345',
  ref: 'refs/heads/main',
  run_id: '12345678',
  run_url: 'https://github.com/acme/credentialmate/actions/runs/12345678',
  tool_version: '0.1.0',
};

export const source: ReportInput['source'] = {
  database: 'postgres://app:***@db.internal:5432/credentialmate',
  migrations: 'alembic.ini',
  revisions: 34,
};

export function pending(revision: string, parent: string, overrides: Partial<PendingRevision> = {}): PendingRevision {
  return {
    revision,
    down_revisions: [parent],
    file: `migrations/versions/${revision}_change.py`,
    line: 12,
    message: `Change ${revision}`,
    added_at: '2025-12-30T10:00:00Z',
    first_seen_pending_at: '2025-12-31T02:00:00Z',
    within_grace: false,
    ...overrides,
  };
}

export function versionSection(state: VersionState, overrides: Partial<VersionSection> = {}): VersionSection {
  const base: VersionSection = {
    state,
    drift: state !== 'synced' && state !== 'error',
    summary: state,
    codebase_heads: ['20251230_1900'],
    database_versions: ['20251230_1900'],
    pending: [],
    unknown: [],
    version_table: 'public.alembic_version',
    pending_grace_minutes: 0,
    deciding_findings: [],
    ignored_findings: [],
  };
  const byState: Record<VersionState, Partial<VersionSection>> = {
    synced: { summary: 'in sync at 20251230_1900' },
    behind: {
      summary: 'behind by 3 migrations',
      database_versions: ['20251229_0800'],
      pending: [
        pending('20251229_1200', '20251229_0800', { message: 'Add licenses table' }),
        pending('20251230_0900', '20251229_1200', { message: 'Index licenses by state' }),
        pending('20251230_1900', '20251230_0900', { message: 'Add renewal reminders', added_at: null }),
      ],
    },
    ahead: {
      summary: 'ahead: 1 revision unknown to the repository',
      database_versions: ['20260102_0700'],
      unknown: ['20260102_0700'],
    },
    branched: {
      summary: 'branched: the repository has 2 heads',
      codebase_heads: ['20251230_1900', 'a1b2c3d4e5f6'],
    },
    uninitialized: { summary: 'uninitialized: no version table', database_versions: [] },
    error: { summary: 'could not compare', database_versions: [] },
  };
  return { ...base, ...byState[state], ...overrides };
}

export function inputFor(state: VersionState, overrides: Partial<ReportInput> = {}): ReportInput {
  const version = versionSection(state);
  return {
    environment: 'production',
    now: fixedNow,
    run,
    source,
    codebaseHeads: version.codebase_heads,
    databaseVersions: version.database_versions,
    version,
    findings: [],
    error: null,
    ...overrides,
  };
}

export function reportFor(state: VersionState, overrides: Partial<ReportInput> = {}): Report {
  return buildReport(inputFor(state, overrides));
}

export const allStates: VersionState[] = ['synced', 'behind', 'ahead', 'branched', 'uninitialized', 'error'];

/** A name with every character that breaks HTML, Markdown tables or SQL quoting. */
export const hostileName = `x"<script>alert(1)</script>|\`\n'&`;

/** A drifted structure section with one security and one breaking difference (the latter on a hostile name). */
export function structureWith(overrides: Partial<StructureSection> = {}): StructureSection {
  return {
    state: 'drifted',
    expected_source: 'reference',
    summary: '2 differences (1 security, 1 breaking)',
    expected_location: 'postgres://ref:***@127.0.0.1:5432/ref',
    expected_fingerprint: 'a'.repeat(64),
    actual_fingerprint: 'b'.repeat(64),
    counts: { security: 1, breaking: 1, cosmetic: 0 },
    differences: [
      {
        change: 'missing',
        kind: 'privilege',
        object: 'public.documents',
        path: ['public', 'documents', 'reporting', 'SELECT'],
        attribute: null,
        expected: 'SELECT',
        actual: null,
        severity: 'security',
        fix_sql: 'GRANT SELECT ON public.documents TO reporting;',
        safety: 'safe',
        possible_rename: null,
      },
      {
        change: 'unexpected',
        kind: 'column',
        object: `public."${hostileName}"`,
        path: ['public', hostileName],
        attribute: null,
        expected: null,
        actual: 'text',
        severity: 'breaking',
        fix_sql: `ALTER TABLE public.t DROP COLUMN "${hostileName}";`,
        safety: 'destructive',
        possible_rename: null,
      },
    ],
    notices: [],
    ignored: [],
    stats: { queries: 9, largest_response_bytes: 12345, total_response_bytes: 45678 },
    ...overrides,
  };
}
