import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_MAX_BYTES, SNS_MESSAGE_MAX_BYTES, utf8Length } from '../../src/report/limits.js';
import { headline, renderText } from '../../src/report/text.js';
import { pending, reportFor, versionSection } from './fixtures.js';

describe('headline', () => {
  it.each([
    ['synced', 'production: in sync at 20251230_1900'],
    ['behind', 'production: behind by 3 migrations'],
    ['ahead', 'production: ahead: 1 revision unknown to the repository'],
    ['branched', 'production: branched: the repository has 2 heads'],
    ['uninitialized', 'production: uninitialized: no Alembic version recorded'],
    ['error', 'production: could not determine the state (version error)'],
  ] as const)('names the environment and the %s state', (state, expected) => {
    expect(headline(reportFor(state))).toBe(expected);
  });

  it('says "1 migration" and names the failed stage of an error', () => {
    const one = versionSection('behind', { pending: [pending('r1', 'r0')] });
    expect(headline(reportFor('behind', { version: one }))).toBe('production: behind by 1 migration');
    const failed = reportFor('synced', { version: null, error: { stage: 'database', message: 'x' } });
    expect(headline(failed)).toBe('production: could not determine the state (database error)');
  });

  it('says a database on a side branch is branched when the repository has one head', () => {
    const version = versionSection('branched', { codebase_heads: ['h'] });
    expect(headline(reportFor('branched', { version }))).toBe(
      'production: branched: the database is on a branch the repository head does not include',
    );
  });

  it('stays on one short line whatever the database holds', () => {
    const report = reportFor('synced', { databaseVersions: [`a\nb\r\n${'x'.repeat(500)}`] });
    const line = headline(report);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.length).toBeLessThanOrEqual(200);
  });
});

describe('renderText', () => {
  it('renders an email body with the pending list, run URL, report location and what to do', () => {
    const report = reportFor('behind', {
      findings: [
        {
          severity: 'warning',
          kind: 'multiple-heads',
          message: 'two heads',
          file: 'migrations/versions/a.py',
          line: 3,
        },
      ],
    });
    expect(
      renderText(report, { reportLocation: 's3://evidence/schema-drift/production/2025/12/31/x.json' }),
    ).toMatchInlineSnapshot(`
      "production: behind by 3 migrations

      Status:             drift (version state: behind)
      Environment:        production
      Codebase head:      20251230_1900
      Production version: 20251229_0800
      Database:           postgres://app:***@db.internal:5432/credentialmate
      Migrations:         alembic.ini (34 revisions)
      Version table:      public.alembic_version
      Checked at:         2025-12-31T19:05:18Z

      Pending migrations (3, in apply order):
        1. 20251229_1200  Add licenses table
           migrations/versions/20251229_1200_change.py:12 · added 2025-12-30T10:00:00Z
        2. 20251230_0900  Index licenses by state
           migrations/versions/20251230_0900_change.py:12 · added 2025-12-30T10:00:00Z
        3. 20251230_1900  Add renewal reminders
           migrations/versions/20251230_1900_change.py:12 · added: unknown

      Findings (1):
        [warning] multiple-heads: two heads (migrations/versions/a.py:3)

      What to do:
        Deploy the pending migrations: run \`alembic upgrade head\` against this database (or the deploy that does it), then run the check again.

      Run: https://github.com/acme/credentialmate/actions/runs/12345678
      Report: s3://evidence/schema-drift/production/2025/12/31/x.json
      Commit: acme/credentialmate at 3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345 (refs/heads/main)
      Trigger: schedule
      Tool: schema-drift-action 0.1.0
      Fingerprint: 9f91f0aec190f557914dcbfea08969e4ae72c526af04177c047cd4c88aeb5c04
      "
    `);
  });

  it('renders an error body that says the state is unknown and never synced', () => {
    const report = reportFor('synced', {
      version: null,
      databaseVersions: null,
      error: { stage: 'database', message: 'Lambda rds-sql-api failed:\nTask timed out after 30.00 seconds' },
    });
    const text = renderText(report);
    expect(text).toContain('Status:             error\n');
    expect(text).toContain(
      '  Stage: database\n  Message: Lambda rds-sql-api failed: Task timed out after 30.00 seconds\n',
    );
    expect(text).toContain('never treat it as synced');
    expect(text).not.toContain('Report:');
  });

  it('lists unknown revisions and the advice for an ahead database', () => {
    const text = renderText(reportFor('ahead'));
    expect(text).toContain('Unknown revisions (in the database, not in the repository):\n  - 20260102_0700\n');
    expect(text).toContain('a rollback of the code, or a branch deployed from elsewhere');
  });

  it('keeps every value on its own line when names contain line breaks', () => {
    const version = versionSection('behind', { pending: [pending('r1', 'r0', { message: 'evil\nStatus: synced' })] });
    const text = renderText(reportFor('behind', { version }));
    expect(text).not.toMatch(/^Status: synced/m);
    expect(text).toContain('  1. r1  evil Status: synced\n');
  });

  it('stays safely below the SNS limit with 5,000 pending revisions and says how many are not shown', () => {
    const pendingList = Array.from({ length: 5000 }, (_, i) =>
      pending(`rev_${i}`, `rev_${i - 1}`, { message: 'x'.repeat(300) }),
    );
    const text = renderText(reportFor('behind', { version: versionSection('behind', { pending: pendingList }) }));
    expect(utf8Length(text)).toBeLessThanOrEqual(DEFAULT_TEXT_MAX_BYTES);
    expect(DEFAULT_TEXT_MAX_BYTES).toBeLessThan(SNS_MESSAGE_MAX_BYTES);
    const shown = text.match(/^ {2}\d+\. rev_/gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(text).toContain(`  … and ${5000 - shown} more\n`);
    expect(text).toContain('Fingerprint: ');
  });

  it('honours a smaller byte budget with multi-byte text', () => {
    const pendingList = Array.from({ length: 1000 }, (_, i) =>
      pending(`rev_${i}`, 'p', { message: 'ünïcødé 🚀'.repeat(10) }),
    );
    const text = renderText(reportFor('behind', { version: versionSection('behind', { pending: pendingList }) }), {
      maxBytes: 10_000,
    });
    expect(utf8Length(text)).toBeLessThanOrEqual(10_000);
    expect(text).toMatch(/… and \d+ more/);
  });
});
