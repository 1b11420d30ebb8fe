import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StructureDifference } from '../../src/drift/structure.js';
import { DEFAULT_TEXT_MAX_BYTES, SNS_MESSAGE_MAX_BYTES, utf8Length } from '../../src/report/limits.js';
import type { Report } from '../../src/report/model.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { fixSqlLines, headline, whatToDo } from '../../src/report/presentation/wording.js';
import { renderText as renderDocument, TEXT_WIDTH, wrap } from '../../src/report/text.js';
import { hostileName, pending, reportFor, structureWith, versionSection } from './fixtures.js';

const renderText = (report: Report, options: { reportLocation?: string; maxBytes?: number } = {}) =>
  renderDocument(reportDocument(report, { reportLocation: options.reportLocation }), { maxBytes: options.maxBytes });

/** Text with its line wrapping undone, for sentences that may wrap anywhere. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

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

      Status:             drift (behind)
      Environment:        production
      Codebase head:      20251230_1900
      Production version: 20251229_0800
      Database:           postgres://app:***@db.internal:5432/credentialmate
      Migrations:         alembic.ini (34 revisions)
      Version table:      public.alembic_version
      Pending:            3
      Checked at:         2025-12-31T19:05:18Z

      What to do:
        Deploy the pending migrations: run "alembic upgrade head" against this
        database (or the deploy that does it), then run the check again.

      Pending migrations (3, in apply order):
        1. 20251229_1200  Add licenses table
           File: migrations/versions/20251229_1200_change.py:12
           Added: 2025-12-30T10:00:00Z
        2. 20251230_0900  Index licenses by state
           File: migrations/versions/20251230_0900_change.py:12
           Added: 2025-12-30T10:00:00Z
        3. 20251230_1900  Add renewal reminders
           File: migrations/versions/20251230_1900_change.py:12
           Added: unknown

      Findings (1):
        Warnings (1):
          - multiple-heads two heads — migrations/versions/a.py:3

      Run 12345678: https://github.com/acme/credentialmate/actions/runs/12345678
      Report: s3://evidence/schema-drift/production/2025/12/31/x.json
      Commit: 3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345
      Trigger: schedule
      schema-drift-action 0.1.0
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
      'Error:\n  The database stage failed: the database could not be reached or queried.\n' +
        '    Lambda rds-sql-api failed: Task timed out after 30.00 seconds\n',
    );
    expect(flat(text)).toContain('never treat it as synced');
    // Environment and state first, then the facts, then what to do, before any detail.
    expect(text.split('\n')[0]).toBe('production: could not determine the state (database error)');
    expect(text.indexOf('Checked at:')).toBeLessThan(text.indexOf('What to do:'));
    expect(text).not.toContain('Report:');
  });

  it('lists unknown revisions and the advice for an ahead database', () => {
    const text = renderText(reportFor('ahead'));
    expect(text).toContain('Unknown revisions (1: in the database, not in the repository)\n  - 20260102_0700\n');
    expect(flat(text)).toContain('a rollback of the code, or a branch deployed from elsewhere');
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

const drifted = structureWith();
const [grant, column] = drifted.differences as [StructureDifference, StructureDifference];

describe('headline with a structure check', () => {
  it.each([
    ['synced', 'production: schema drifted (2 differences, 1 security); at head 20251230_1900'],
    ['behind', 'production: behind by 3 migrations; schema drifted (2 differences, 1 security)'],
    ['ahead', 'production: ahead: 1 revision unknown to the repository; schema drifted (2 differences, 1 security)'],
  ] as const)('says both the %s version and the structural drift', (state, expected) => {
    expect(headline(reportFor(state, { structure: drifted }))).toBe(expected);
  });

  it('leaves out the security count when there is none, and says "1 structural difference"', () => {
    const structure = structureWith({ differences: [column] });
    expect(headline(reportFor('synced', { structure }))).toBe(
      'production: schema drifted (1 difference); at head 20251230_1900',
    );
  });

  it('fits a mail subject after "[schema-drift] " for a usual revision id', () => {
    const many = structureWith({ differences: Array(123).fill(grant) });
    const line = headline(reportFor('synced', { structure: many }));
    expect(line).toBe('production: schema drifted (123 differences, 123 security); at head 20251230_1900');
    expect(`[schema-drift] ${line}`.length).toBeLessThanOrEqual(99);
  });

  it.each(['clean', 'skipped'] as const)('says only the version state when the structure is %s', (state) => {
    expect(headline(reportFor('synced', { structure: structureWith({ state, differences: [] }) }))).toBe(
      'production: in sync at 20251230_1900',
    );
  });

  it('names the structure stage when the structure check failed', () => {
    const report = reportFor('synced', {
      structure: structureWith({ state: 'error', differences: [] }),
      error: { stage: 'structure', message: 'reference database unreachable' },
    });
    expect(headline(report)).toBe('production: could not determine the state (structure error)');
    expect(flat(renderText(report))).toContain(
      'The structure stage failed: the live catalog could not be compared with the expected schema.',
    );
  });
});

describe('whatToDo with a structure check', () => {
  it('does not say "nothing to do" for a synced version whose catalog drifted, and puts security first', () => {
    expect(whatToDo(reportFor('synced', { structure: drifted }))).toEqual([
      'The version table is at the repository head, but the live catalog differs from the expected schema: a change made outside the migrations?',
      'Start with the security differences (grants, row-level security, policies, security definer, security_invoker): they decide who can read or change data.',
      'Review each structural difference. Apply its fix-up SQL through a new migration, so the repository records it, or add an ignore rule with a reason and an expiry date in `.schema-drift.yml` (input `config`).',
    ]);
  });

  it('keeps the version advice first when both drifted, without the security line when there is no security difference', () => {
    const advice = whatToDo(reportFor('behind', { structure: structureWith({ differences: [column] }) }));
    expect(advice).toHaveLength(2);
    expect(advice[0]).toMatch(/^Deploy the pending migrations/);
    expect(advice[1]).toMatch(/^Review each structural difference/);
  });
});

describe('renderText with a structure check', () => {
  it('renders structural drift for an email: by severity, expected and actual, indented fix-up SQL, notices, ignored', () => {
    const report = reportFor('synced', {
      structure: structureWith({
        notices: [
          {
            ...column,
            change: 'changed',
            object: 'public.licenses',
            attribute: 'column_order',
            expected: ['id', 'state'],
            actual: ['state', 'id'],
            severity: 'cosmetic',
          },
        ],
        ignored: [{ object: 'public.audit_*', kind: 'table', attribute: null, reason: 'vendor agent', expires: null }],
      }),
    });
    expect(renderText(report, { reportLocation: 's3://evidence/production/latest.json' })).toMatchInlineSnapshot(`
      "production: schema drifted (2 differences, 1 security); at head 20251230_1900

      Status:             drift (synced, structure drifted)
      Environment:        production
      Codebase head:      20251230_1900
      Production version: 20251230_1900
      Database:           postgres://app:***@db.internal:5432/credentialmate
      Migrations:         alembic.ini (34 revisions)
      Version table:      public.alembic_version
      Structure:          2 differences (1 security, 1 breaking)
      Checked at:         2025-12-31T19:05:18Z

      What to do:
        The version table is at the repository head, but the live catalog differs
        from the expected schema: a change made outside the migrations?

        Start with the security differences (grants, row-level security, policies,
        security definer, security_invoker): they decide who can read or change
        data.

        Review each structural difference. Apply its fix-up SQL through a new
        migration, so the repository records it, or add an ignore rule with a reason
        and an expiry date in ".schema-drift.yml" (input "config").

      Structure: drifted
        Expected from reference postgres://ref:***@127.0.0.1:5432/ref ·
        fingerprints: expected aaaaaaaaaaaa, actual bbbbbbbbbbbb · catalog read in 9
        queries, largest response 12.1 KiB, 44.6 KiB in all.

        Security (1):
          - missing privilege public.documents; fix-up safe
            expected: SELECT
            actual:   (none)
            fix-up SQL:
              GRANT SELECT ON public.documents TO reporting;

        Breaking (1):
          - unexpected column public."x"<script>alert(1)</script>|\` '&"; fix-up
            destructive
            expected: (none)
            actual:   text
            fix-up SQL:
              ALTER TABLE public.t DROP COLUMN "x"<script>alert(1)</script>|\`
              '&";

        Notices (1, not drift):
          - changed column public.licenses, attribute column_order
            expected: id, state
            actual:   state, id

        Ignored by rules (1):
          - table public.audit_*: vendor agent (no expiry)

      Run 12345678: https://github.com/acme/credentialmate/actions/runs/12345678
      Report: s3://evidence/production/latest.json
      Commit: 3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345
      Trigger: schedule
      schema-drift-action 0.1.0
      Fingerprint: 4e99e63c3ba29f53f028f8e9fd2feea4604c3d9a213cd5a9122a1ec1fc4688b5
      "
    `);
  });

  it('explains a skipped baseline run and an error', () => {
    const skipped = renderText(
      reportFor('synced', {
        structure: structureWith({
          state: 'skipped',
          expected_source: 'baseline',
          summary: 'baseline recorded by this run',
          differences: [],
        }),
      }),
    );
    expect(skipped).toContain('Structure:          baseline recorded by this run\n');
    expect(flat(skipped)).toContain(
      'Structure: skipped Expected from baseline postgres://ref:***@127.0.0.1:5432/ref ·',
    );
    expect(flat(skipped)).toContain(
      'Nothing was compared: this run recorded the live catalog as the baseline, and the next run compares with it.',
    );
    expect(skipped).toContain('Nothing to do: the database is at the repository head.');

    const failed = renderText(
      reportFor('synced', {
        structure: structureWith({ state: 'error', summary: 'could not compare', differences: [], stats: null }),
        error: { stage: 'structure', message: 'x' },
      }),
    );
    expect(flat(failed)).toContain(
      'The structure check could not be made (see the error): the catalog is not known to match.',
    );
    expect(failed).not.toContain('catalog read in');
  });

  it('keeps hostile names on their own line and fix-up SQL inside its indented block', () => {
    const hostile: StructureDifference = {
      ...column,
      object: hostileName,
      attribute: `a\nStatus: synced`,
      expected: `b\r\nWhat to do:\n  Nothing`,
      fix_sql: `SELECT 1;\rStatus: synced\n\u202Eevil\u0007`,
    };
    const text = renderText(reportFor('synced', { structure: structureWith({ differences: [hostile] }) }));
    expect(text).not.toMatch(/^Status: synced/m);
    expect(text).not.toMatch(/^What to do:\n {2}Nothing/m);
    expect(text).toContain(
      `    - unexpected column x"<script>alert(1)</script>|\` '&, attribute a Status:\n      synced; fix-up destructive\n`,
    );
    expect(text).toContain('      expected: b What to do:   Nothing\n');
    expect(text).toContain('      fix-up SQL:\n        SELECT 1;\n        Status: synced\n        \uFFFDevil\uFFFD\n');
  });

  it('cuts the list of differences to the byte budget and says how many are left out', () => {
    const differences = Array.from({ length: 3000 }, (_, i) => ({
      ...column,
      object: `public.table_${i}`,
      fix_sql: `ALTER TABLE public.table_${i} ADD COLUMN note text NOT NULL DEFAULT '${'x'.repeat(100)}';`,
    }));
    const text = renderText(reportFor('synced', { structure: structureWith({ differences }) }));
    expect(utf8Length(text)).toBeLessThanOrEqual(DEFAULT_TEXT_MAX_BYTES);
    const shown = text.match(/^ {4}- unexpected column/gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(text).toContain(`    … and ${3000 - shown} more\n`);
    expect(text).toContain('  Breaking (3000):');
    expect(text).toContain('Fingerprint: ');
  });
});

describe('fixSqlLines', () => {
  it('splits on every line break, makes control and bidi characters visible, and cuts long SQL at a line', () => {
    expect(fixSqlLines('a;\r\nb;\rc;\n\td;\u0000\u2066')).toEqual(['a;', 'b;', 'c;', '\td;\uFFFD\uFFFD']);
    const long = Array.from({ length: 10 }, (_, i) => `line ${i};`).join('\n');
    expect(fixSqlLines(long, 20)).toEqual(['line 0;', 'line 1;', '-- … 63 more characters in the JSON report']);
    expect(fixSqlLines('x'.repeat(50), 10)).toEqual(['xxxxxxxxx…', '-- … 41 more characters in the JSON report']);
  });
});

describe('renderText as an email', () => {
  const longName = `public.${'very_long_table_name_'.repeat(5)}x`;
  const report = reportFor('behind', {
    structure: structureWith({
      differences: [grant!, { ...column, object: longName, fix_sql: `ALTER TABLE ${longName} DROP COLUMN note;` }],
    }),
    findings: [
      {
        severity: 'error',
        kind: 'missing-parent',
        message: 'revision 20251230_1900 referenced from 20251231_0800 is not present in any versions folder',
        file: 'migrations/versions/20251231_0800_add_reminder_schedule.py',
        line: 9,
      },
    ],
  });
  const text = renderText(report, { reportLocation: 's3://evidence/schema-drift/production/2025/12/31/x.json' });
  const lines = text.split('\n');

  it('says environment and state on the first line, then the facts, then what to do, then the details', () => {
    expect(lines[0]).toBe('production: behind by 3 migrations; schema drifted (2 differences, 1 security)');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^Status: {13}drift/);
    const order = ['Checked at:', 'What to do:', 'Pending migrations', 'Structure: drifted', 'Findings (1):'];
    const at = order.map((heading) => lines.findIndex((line) => line.startsWith(heading)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('keeps lines to 78 characters, except a single word or SQL line that is longer by itself', () => {
    const sql = new Set(fixSqlLines(`ALTER TABLE ${longName} DROP COLUMN note;`).map((l) => l.trim()));
    const long = lines.filter((line) => line.length > 78);
    expect(long.length).toBeGreaterThan(0);
    for (const line of long) {
      const content = line.replace(/^\s*(- |\w[\w ]*: +)?/, '');
      expect(sql.has(line.trim()) || !content.includes(' '), line).toBe(true);
    }
  });

  it('has no Markdown syntax: no backticks, emphasis, headings, tables, quotes or links', () => {
    expect(text).not.toContain('`');
    // The redacted password (***) is the only run of asterisks.
    expect(text.replaceAll(':***@', ':@')).not.toContain('*');
    expect(text).not.toMatch(/^\s*(#{1,6} |\||> |---)/m);
    expect(text).not.toMatch(/\]\(/);
    expect(text).toContain('"alembic upgrade head"');
  });
});

describe('wrap', () => {
  it('breaks only at spaces, keeps every word whole and in order, and stays within 78 characters unless a word is longer', () => {
    const word = fc.stringMatching(/^[a-z0-9_./:-]{1,100}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('', '  ', '    - '),
        (words, prefix) => {
          const rest = ' '.repeat(prefix.length);
          const lines = wrap(words.join(' '), prefix, rest);
          expect(lines.map((line, i) => line.slice(i === 0 ? prefix.length : rest.length)).join(' ')).toBe(
            words.join(' '),
          );
          for (const line of lines) {
            if (line.length > TEXT_WIDTH) expect(line.trim().replace(/^- /, '')).not.toContain(' ');
          }
        },
      ),
    );
  });
});
