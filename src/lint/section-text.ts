// The plain-text output of `schema-drift lint`: one `file:line: severity: rule: message` line a finding, then a
// summary line. Made a line at a time, as the --json output is.
import { plural } from '../report/presentation/wording.js';
import type { LintSection } from './lint.js';

/** The section's text, a finding at a time. */
export function* lintSectionText(section: LintSection): Generator<string> {
  for (const f of section.findings) yield `${f.file}:${f.line ?? 1}: ${f.severity}: ${f.kind}: ${f.message}\n`;
  const { error, warning, notice } = section.counts;
  const graded = section.production.read
    ? `graded by table sizes from ${section.production.source}`
    : `default severities: ${section.production.reason}`;
  yield `${plural(section.migrations, 'migration')} linted: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}, ${section.ignored.length} ignored (${graded})\n`;
}
