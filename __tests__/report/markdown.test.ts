import { describe, expect, it } from 'vitest';
import type { StructureDifference } from '../../src/drift/structure.js';
import { DEFAULT_MARKDOWN_MAX_BYTES, GITHUB_LIMITS, utf8Length } from '../../src/report/limits.js';
import { code, escapeMarkdown, renderMarkdown as renderDocument } from '../../src/report/markdown.js';
import type { PendingRevision, Report } from '../../src/report/model.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { hostileName, pending, reportFor, structureWith, versionSection } from './fixtures.js';

const renderMarkdown = (report: Report, options?: { maxLength?: number }) =>
  renderDocument(reportDocument(report), options);

/** Pipes that split a GFM table row: those not escaped by a backslash. */
function cellSeparators(row: string): number {
  let count = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') count++;
  }
  return count;
}

function tableRows(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  expect(start, `table ${header}`).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!);
  return rows;
}

const PENDING_HEADER = '| # | Revision | Message | File | Added |';

function manyPending(count: number): PendingRevision[] {
  return Array.from({ length: count }, (_, i) =>
    pending(`rev_${String(i).padStart(5, '0')}`, i === 0 ? 'base' : `rev_${String(i - 1).padStart(5, '0')}`, {
      message: `Migration number ${i} adds a column to a table with a reasonably long descriptive message`,
    }),
  );
}

describe('renderMarkdown', () => {
  it('renders a behind report with facts, advice, pending in apply order, findings by severity and the run link', () => {
    const report = reportFor('behind', {
      findings: [
        {
          severity: 'warning',
          kind: 'multiple-heads',
          message: 'two heads',
          file: 'migrations/versions/a.py',
          line: 3,
        },
        {
          severity: 'error',
          kind: 'missing-parent',
          message: 'revision x referenced from y is not present',
          file: 'migrations/versions/b.py',
          line: 7,
        },
      ],
    });
    expect(renderMarkdown(report)).toMatchInlineSnapshot(`
      "## ❌ production: behind by 3 migrations

      | | |
      |---|---|
      | Status | **drift** (behind) |
      | Environment | \`production\` |
      | Codebase head | \`20251230_1900\` |
      | Production version | \`20251229_0800\` |
      | Database | \`postgres://app:***@db.internal:5432/credentialmate\` |
      | Migrations | \`alembic.ini\` (34 revisions) |
      | Version table | \`public.alembic_version\` |
      | Pending | 3 |
      | Checked at | 2025-12-31T19:05:18Z |

      ### What to do

      Deploy the pending migrations: run \`alembic upgrade head\` against this database (or the deploy that does it), then run the check again.

      ### Pending migrations (3, in apply order)

      | # | Revision | Message | File | Added |
      |---:|---|---|---|---|
      | 1 | \`20251229_1200\` | Add licenses table | \`migrations/versions/20251229_1200_change.py:12\` | 2025-12-30T10:00:00Z |
      | 2 | \`20251230_0900\` | Index licenses by state | \`migrations/versions/20251230_0900_change.py:12\` | 2025-12-30T10:00:00Z |
      | 3 | \`20251230_1900\` | Add renewal reminders | \`migrations/versions/20251230_1900_change.py:12\` | unknown |

      ### Findings (2)

      #### Errors (1)

      - **missing-parent** revision x referenced from y is not present — \`migrations/versions/b.py:7\`

      #### Warnings (1)

      - **multiple-heads** two heads — \`migrations/versions/a.py:3\`

      ---

      [Run 12345678](https://github.com/acme/credentialmate/actions/runs/12345678) · commit \`3f1c2a9b7d4e\` · trigger \`schedule\` · schema-drift-action 0.1.0 · fingerprint \`fa0bce889923\`
      "
    `);
  });

  it('renders an error report with what the failed stage means and no verdict', () => {
    const report = reportFor('synced', {
      version: null,
      databaseVersions: null,
      error: { stage: 'database', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
    expect(renderMarkdown(report)).toMatchInlineSnapshot(`
      "## 🛑 production: could not determine the state (database error)

      | | |
      |---|---|
      | Status | **error** |
      | Environment | \`production\` |
      | Codebase head | \`20251230_1900\` |
      | Production version | *none* |
      | Database | \`postgres://app:***@db.internal:5432/credentialmate\` |
      | Migrations | \`alembic.ini\` (34 revisions) |
      | Checked at | 2025-12-31T19:05:18Z |

      ### Error

      The **database** stage failed: the database could not be reached or queried.

      > connect ECONNREFUSED 127.0.0.1:5432

      ### What to do

      The state could not be determined. This is not a pass: never treat it as synced.

      Fix the cause named by the error (stage "database") and run the check again.

      ---

      [Run 12345678](https://github.com/acme/credentialmate/actions/runs/12345678) · commit \`3f1c2a9b7d4e\` · trigger \`schedule\` · schema-drift-action 0.1.0 · fingerprint \`77824339d55d\`
      "
    `);
  });

  it.each([
    ['synced', 'Nothing to do'],
    ['ahead', 'a rollback of the code, or a branch deployed from elsewhere'],
    ['branched', '`alembic merge heads`'],
    ['uninitialized', 'is this the right database and schema'],
    ['error', 'never treat it as synced'],
  ] as const)('tells what to do for the %s state', (state, advice) => {
    expect(renderMarkdown(reportFor(state))).toContain(advice);
  });

  it('lists unknown revisions for an ahead report', () => {
    const md = renderMarkdown(reportFor('ahead'));
    expect(md).toContain('### Unknown revisions (1: in the database, not in the repository)\n\n- `20260102_0700`\n');
  });

  it('marks pending migrations within grace', () => {
    const version = versionSection('behind', {
      drift: false,
      pending_grace_minutes: 60,
      pending: [
        pending('r1', 'r0', { within_grace: true }),
        pending('r2', 'r1', { within_grace: true, added_at: null }),
      ],
    });
    const md = renderMarkdown(reportFor('behind', { version }));
    expect(md).toContain('## ✅ production: 2 migrations pending within grace');
    expect(md).toContain('| 2025-12-30T10:00:00Z (within grace) |');
    expect(md).toContain('| within grace |');
  });

  it('escapes hostile revision ids, messages and file names so tables and HTML cannot be broken', () => {
    const hostile = [
      'a|b',
      'x`y``z',
      'line\nbreak\r\n| injected | row |',
      '<script>alert(1)</script>',
      'back\\|slash',
      '**bold** _em_ [link](javascript:alert(1)) ![img](x) # heading',
      '&lt;already&gt;',
    ];
    const version = versionSection('ahead', {
      codebase_heads: [hostile[0]!],
      unknown: hostile,
      pending: hostile.map((h, i) =>
        pending(h, 'p', {
          message: hostile[(i + 1) % hostile.length]!,
          file: `migrations/${hostile[(i + 2) % hostile.length]!}.py`,
        }),
      ),
    });
    const report = reportFor('ahead', {
      environment: 'prod|<script>',
      version,
      codebaseHeads: hostile,
      databaseVersions: hostile,
      source: { database: 'pg`|<b>x</b>', migrations: 'a\nb', revisions: 1 },
      findings: hostile.map((h) => ({ severity: 'error' as const, kind: h, message: h, file: h, line: 1 })),
      error: { stage: 'version<script>', message: hostile.join(' ') },
      run: {
        trigger: 'x|y',
        repository: 'o/r',
        sha: '`sha`',
        ref: 'r',
        run_id: '1](javascript:alert(1))',
        run_url: 'https://github.com/o/r/actions/runs/1) [evil](https://evil.test',
        tool_version: '<b>1</b>',
      },
    });
    const md = renderMarkdown(report);

    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<b>/i);
    const outsideCode = md.replace(/`[^`\n]*`/g, '').replace(/<code>.*?<\/code>/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toMatch(/^#+ (?!#|\S*(❌|✅|🛑)|What to do|Error|Pending|Unknown|Findings|Errors)/m);
    for (const row of tableRows(md, '| | |')) expect(cellSeparators(row), row).toBe(3);
    const rows = tableRows(md, PENDING_HEADER);
    expect(rows).toHaveLength(hostile.length + 2);
    for (const row of rows) expect(cellSeparators(row), row).toBe(6);
    // The run link's destination cannot be closed early by the URL.
    expect(md).toContain('(https://github.com/o/r/actions/runs/1%29%20%5Bevil%5D%28https://evil.test)');
  });

  it('escapes Markdown and HTML in text and shows code safely', () => {
    expect(escapeMarkdown('a|b <i>*c*</i> & `d`\n# e')).toBe('a\\|b &lt;i&gt;\\*c\\*&lt;/i&gt; &amp; \\`d\\` \\# e');
    expect(code('20251230_1900')).toBe('`20251230_1900`');
    expect(code('a|b`c')).toBe('<code>a&#124;b&#96;c</code>');
    expect(code('<script>')).toBe('<code>&#60;script&#62;</code>');
    expect(code('')).toBe('*empty*');
  });

  it('stays within the step summary limit with 5,000 pending revisions and says how many are not shown', () => {
    const version = versionSection('behind', { pending: manyPending(5000) });
    const md = renderMarkdown(reportFor('behind', { version }));
    expect(utf8Length(md)).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_BYTES);
    expect(DEFAULT_MARKDOWN_MAX_BYTES).toBeLessThan(GITHUB_LIMITS.stepSummaryBytes);
    expect(md).toContain('### Pending migrations (5000, in apply order)');
    const shown = tableRows(md, PENDING_HEADER).length - 2;
    expect(shown).toBeGreaterThan(0);
    expect(md).toContain(`… and ${5000 - shown} more`);
    expect(md).toContain('| 1 | `rev_00000` |');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).toContain('[Run 12345678](');
  });

  it('fits a pull request comment when asked, cutting lists but keeping the footer', () => {
    const version = versionSection('ahead', {
      pending: manyPending(5000),
      unknown: Array.from({ length: 3000 }, (_, i) => `unknown_${i}`),
    });
    const findings = Array.from({ length: 2000 }, (_, i) => ({
      severity: 'warning' as const,
      kind: 'multiple-heads',
      message: `finding ${i}`,
    }));
    const md = renderMarkdown(reportFor('ahead', { version, findings }), { maxLength: GITHUB_LIMITS.commentChars });
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMITS.commentChars);
    expect(utf8Length(md)).toBeLessThanOrEqual(GITHUB_LIMITS.commentChars);
    const shownPending = tableRows(md, PENDING_HEADER).length - 2;
    expect(md).toContain(`… and ${5000 - shownPending} more`);
    expect(md).toMatch(/… and \d+ more\n\n### Findings \(2000\)/);
    expect(md).toContain('#### Warnings (2000)');
    expect(md).toContain('fingerprint `');
  });

  it('cuts hard but still within the limit when even the facts do not fit', () => {
    const md = renderMarkdown(reportFor('behind'), { maxLength: 300 });
    expect(utf8Length(md)).toBeLessThanOrEqual(300);
    expect(md).toContain('… truncated');
  });
});

const columnOrderNotice: StructureDifference = {
  change: 'changed',
  kind: 'column',
  object: 'public.licenses',
  path: ['public', 'licenses'],
  attribute: 'column_order',
  expected: ['id', 'state', 'expires_at'],
  actual: ['id', 'expires_at', 'state'],
  severity: 'cosmetic',
  fix_sql: '-- PostgreSQL cannot reorder columns; recreate the table if the order matters',
  safety: 'destructive',
  possible_rename: null,
};

const auditIgnored = {
  object: 'public.audit_*',
  kind: 'table',
  attribute: null,
  reason: 'managed by the vendor agent',
  expires: '2026-03-01',
};

/** Every fenced block in `markdown`: its fence, the content lines, and whether a matching fence closed it. */
function fencedBlocks(markdown: string): { fence: string; content: string[]; closed: boolean }[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const blocks: { fence: string; content: string[]; closed: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,})sql$/.exec(lines[i]!.replace(/^ {2}/, ''));
    if (!open) continue;
    const fence = open[1]!;
    const content: string[] = [];
    let closed = false;
    for (i++; i < lines.length; i++) {
      const closing = /^ {0,3}(`{3,})\s*$/.exec(lines[i]!.replace(/^ {2}/, ''));
      if (closing && closing[1]!.length >= fence.length) {
        closed = closing[1]!.length === fence.length;
        break;
      }
      content.push(lines[i]!);
    }
    blocks.push({ fence, content, closed });
  }
  return blocks;
}

describe('renderMarkdown with a structure check', () => {
  it('renders structural drift on a synced version: headline with both, differences by severity with fix-up SQL, notices, ignored and advice', () => {
    const report = reportFor('synced', {
      structure: structureWith({ notices: [columnOrderNotice], ignored: [auditIgnored] }),
    });
    expect(renderMarkdown(report)).toMatchInlineSnapshot(`
      "## ❌ production: schema drifted (2 differences, 1 security); at head 20251230\\_1900

      | | |
      |---|---|
      | Status | **drift** (synced, structure drifted) |
      | Environment | \`production\` |
      | Codebase head | \`20251230_1900\` |
      | Production version | \`20251230_1900\` |
      | Database | \`postgres://app:***@db.internal:5432/credentialmate\` |
      | Migrations | \`alembic.ini\` (34 revisions) |
      | Version table | \`public.alembic_version\` |
      | Structure | 2 differences (1 security, 1 breaking) |
      | Checked at | 2025-12-31T19:05:18Z |

      ### What to do

      The version table is at the repository head, but the live catalog differs from the expected schema: a change made outside the migrations?

      Start with the security differences (grants, row-level security, policies, security definer, security\\_invoker): they decide who can read or change data.

      Review each structural difference. Apply its fix-up SQL through a new migration, so the repository records it, or add an ignore rule with a reason and an expiry date in \`.schema-drift.yml\` (input \`config\`).

      ### Structure: drifted

      Expected from **reference** \`postgres://ref:***@127.0.0.1:5432/ref\` · fingerprints: expected \`aaaaaaaaaaaa\`, actual \`bbbbbbbbbbbb\` · catalog read in 9 queries, largest response 12.1 KiB, 44.6 KiB in all.

      #### Security (1)

      - **missing privilege \`public.documents\`; fix-up safe** — expected \`SELECT\` → actual *none*

        \`\`\`sql
        GRANT SELECT ON public.documents TO reporting;
        \`\`\`

      #### Breaking (1)

      - **unexpected column <code>public.&#34;x&#34;&#60;script&#62;alert&#40;1&#41;&#60;/script&#62;&#124;&#96; &#39;&#38;&#34;</code>; fix-up destructive** — expected *none* → actual \`text\`

        \`\`\`sql
        ALTER TABLE public.t DROP COLUMN "x"<script>alert(1)</script>|\`
        '&";
        \`\`\`

      #### Notices (1, not drift)

      - **changed column \`public.licenses\`, attribute \`column_order\`** — expected \`id, state, expires_at\` → actual \`id, expires_at, state\`

      #### Ignored by rules (1)

      - table \`public.audit_*\`: managed by the vendor agent (expires 2026-03-01)

      ---

      [Run 12345678](https://github.com/acme/credentialmate/actions/runs/12345678) · commit \`3f1c2a9b7d4e\` · trigger \`schedule\` · schema-drift-action 0.1.0 · fingerprint \`4e99e63c3ba2\`
      "
    `);
  });

  it('puts security differences first even when the section lists them in another order', () => {
    const structure = structureWith();
    const report = reportFor('synced', {
      structure: { ...structure, differences: [...structure.differences].reverse() },
    });
    const md = renderMarkdown(report);
    expect(md.indexOf('#### Security (1)')).toBeGreaterThan(0);
    expect(md.indexOf('#### Security (1)')).toBeLessThan(md.indexOf('#### Breaking (1)'));
  });

  it('explains a skipped baseline run, and says nothing is wrong with the structure', () => {
    const report = reportFor('synced', {
      structure: structureWith({
        state: 'skipped',
        expected_source: 'baseline',
        summary: 'baseline recorded by this run',
        expected_location: null,
        expected_fingerprint: null,
        differences: [],
        counts: { security: 0, breaking: 0, cosmetic: 0 },
      }),
    });
    const md = renderMarkdown(report);
    expect(md).toContain('## ✅ production: in sync at 20251230\\_1900\n');
    expect(md).toContain('| Status | **synced** (synced, structure skipped) |');
    expect(md).toContain('| Structure | baseline recorded by this run |');
    expect(md).toContain(
      '### Structure: skipped\n\nExpected from **baseline** · fingerprints: expected *none*, actual `bbbbbbbbbbbb` · catalog read in 9 queries, largest response 12.1 KiB, 44.6 KiB in all.\n\n' +
        'Nothing was compared: this run recorded the live catalog as the baseline, and the next run compares with it.\n',
    );
    expect(md).toContain('Nothing to do: the database is at the repository head.');
    expect(md).not.toContain('####');
  });

  it('says a clean structure matches, and adds the structural advice only when it drifted', () => {
    const clean = renderMarkdown(
      reportFor('synced', { structure: structureWith({ state: 'clean', summary: 'no differences', differences: [] }) }),
    );
    expect(clean).toContain('The live catalog matches the expected schema.');
    expect(clean).toContain('its catalog matches the expected schema');
    expect(clean).not.toContain('fix-up SQL');

    const behind = renderMarkdown(reportFor('behind', { structure: structureWith() }));
    expect(behind).toContain('## ❌ production: behind by 3 migrations; schema drifted (2 differences, 1 security)\n');
    expect(behind).toContain('Deploy the pending migrations');
    expect(behind).toContain('add an ignore rule with a reason and an expiry date in `.schema-drift.yml`');
  });

  it('escapes hostile names everywhere and keeps hostile fix-up SQL inside a fence it cannot close', () => {
    const hostileSql = `CREATE VIEW "${hostileName}" AS SELECT '\`\`\`' AS a, '\`\`\`\`\`' AS b;\r\`\`\`\r\n</code><script>x</script>\n| a | b |`;
    const difference: StructureDifference = {
      change: 'changed',
      kind: 'view',
      object: `public."${hostileName}"`,
      path: ['public', hostileName],
      attribute: `def|${hostileName}`,
      expected: [hostileName, '`a`'],
      actual: `**bold** ${hostileName}`,
      severity: 'security',
      fix_sql: hostileSql,
      safety: 'safe',
      possible_rename: null,
    };
    const report = reportFor('synced', {
      structure: structureWith({
        summary: hostileName,
        expected_location: hostileName,
        differences: [difference, ...structureWith().differences],
        notices: [{ ...difference, severity: 'cosmetic' }],
        ignored: [
          { object: hostileName, kind: hostileName, attribute: hostileName, reason: hostileName, expires: hostileName },
        ],
      }),
    });
    const md = renderMarkdown(report);

    const blocks = fencedBlocks(md);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(block.closed).toBe(true);
    const hostileBlock = blocks[0]!;
    expect(hostileBlock.fence).toBe('``````');
    // The CR became a real line: the backticks after it are content, not a fence.
    expect(hostileBlock.content).toEqual([
      `  CREATE VIEW "x"<script>alert(1)</script>|\``,
      `  '&" AS SELECT '\`\`\`' AS a, '\`\`\`\`\`' AS b;`,
      '  ```',
      '  </code><script>x</script>',
      '  | a | b |',
    ]);

    const outsideFences = md.replace(/\n {2}(`{3,})sql\n[\s\S]*?\n {2}\1\n/g, '\n');
    expect(outsideFences).not.toMatch(/<script/i);
    expect(outsideFences).not.toMatch(/<\/code><script/);
    for (const row of tableRows(md, '| | |')) expect(cellSeparators(row), row).toBe(3);
    expect(md).toContain('| Structure | x"&lt;script&gt;alert(1)&lt;/script&gt;\\|\\` \'&amp; |');
    // Nothing outside the fences starts a heading, table row or list item the renderer did not write.
    const lines = outsideFences.split('\n');
    expect(lines.filter((l) => /^#{1,6} /.test(l)).map((l) => l.replace(/\(.*$/, ''))).toEqual([
      '## ❌ production: schema drifted ',
      '### What to do',
      '### Structure: drifted',
      '#### Security ',
      '#### Breaking ',
      '#### Notices ',
      '#### Ignored by rules ',
    ]);
  });

  it('fits hundreds of long differences into a pull request comment, cutting evenly with "… and N more"', () => {
    const differences = Array.from({ length: 800 }, (_, i) => ({
      ...structureWith().differences[1]!,
      object: `public.table_${i}`,
      fix_sql: `CREATE TABLE public.table_${i} (\n${Array.from({ length: 40 }, (_, c) => `  column_${c} text NOT NULL`).join(',\n')}\n);`,
    }));
    const report = reportFor('behind', {
      version: versionSection('behind', { pending: manyPending(2000) }),
      structure: structureWith({ differences, notices: Array(300).fill(columnOrderNotice) }),
    });
    const md = renderMarkdown(report, { maxLength: GITHUB_LIMITS.commentChars });
    expect(utf8Length(md)).toBeLessThanOrEqual(GITHUB_LIMITS.commentChars);
    const shownDifferences = md.match(/^- \*\*unexpected column/gm)?.length ?? 0;
    expect(shownDifferences).toBeGreaterThan(0);
    expect(md).toContain(`… and ${800 - shownDifferences} more`);
    expect(md).toContain('#### Breaking (800)');
    expect(md).toContain('#### Notices (300, not drift)');
    for (const block of fencedBlocks(md)) expect(block.closed).toBe(true);
    expect(md).toContain('fingerprint `');
  });

  it('cuts a very long fix-up SQL statement at a line and says how much is left out', () => {
    const body = Array.from({ length: 500 }, (_, i) => `  PERFORM step_${i}();`).join('\n');
    const difference = { ...structureWith().differences[1]!, fix_sql: `CREATE FUNCTION f() AS $$\n${body}\n$$;` };
    const md = renderMarkdown(reportFor('synced', { structure: structureWith({ differences: [difference] }) }));
    const [block] = fencedBlocks(md);
    expect(block?.closed).toBe(true);
    expect(block?.content.map((line) => line.slice(2)).join('\n').length).toBeLessThanOrEqual(2100);
    expect(block?.content.at(-1)).toMatch(/^ {2}-- … \d+ more characters in the JSON report$/);
  });
});
