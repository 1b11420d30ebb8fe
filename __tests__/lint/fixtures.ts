// Migration files for the lint tests: an upgrade() body wrapped in a revision file as Alembic writes it.
import { EMPTY_LINT_CONFIG, type LintConfig } from '../../src/lint/config.js';
import { type FoundRisks, findRisks, gradeRisks, type LintSection } from '../../src/lint/lint.js';
import { DEFAULT_LARGE_TABLE } from '../../src/lint/table-sizes.js';

/** A revision file whose upgrade() holds `body` (lines without indentation). */
export function migration(body: string[], id = 'a1b2c3'): string {
  return [
    '"""add things',
    '',
    `Revision ID: ${id}`,
    '"""',
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    `revision = '${id}'`,
    "down_revision = 'f00'",
    '',
    '',
    'def upgrade():',
    ...body.map((l) => `    ${l}`),
    '',
    '',
    'def downgrade():',
    "    op.drop_table('everything')",
    '',
  ].join('\n');
}

/** Line of the first body line in files written by `migration`. */
export const FIRST_BODY_LINE = 13;

export interface LintRun {
  found: FoundRisks;
  section: LintSection;
}

/** Lints one file with production unreachable (default severities) unless sizes are given. */
export async function lintText(
  text: string,
  options: { config?: LintConfig; envLockTimeout?: boolean | null; today?: string } = {},
): Promise<LintRun> {
  const config = options.config ?? EMPTY_LINT_CONFIG;
  const found = await findRisks([{ file: 'migrations/versions/a1b2c3_add_things.py', text }], {
    config,
    envLockTimeout: options.envLockTimeout === undefined ? true : options.envLockTimeout,
    today: options.today ?? '2026-12-01',
  });
  const section = gradeRisks(found, { config, production: { skipped: 'test' }, largeTable: DEFAULT_LARGE_TABLE });
  return { found, section };
}

/** Rule ids that fired, in order. */
export async function rulesFired(body: string[], envLockTimeout: boolean | null = true): Promise<string[]> {
  const { section } = await lintText(migration(body), { envLockTimeout });
  return section.findings.filter((f) => f.rule !== null).map((f) => f.rule as string);
}
