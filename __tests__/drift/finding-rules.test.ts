import { describe, expect, it } from 'vitest';
import { decidingFindings, NON_DECIDING_KINDS } from '../../src/drift/deciding-findings.js';
import { parseFindingRules, parseIgnoreRules } from '../../src/drift/ignore-rules.js';
import type { Finding } from '../../src/migrations/finding.js';

const today = new Date('2026-03-01T08:00:00Z');
const unparseable: Finding = {
  severity: 'error',
  kind: 'unparseable-revision-file',
  message: 'down_revision cannot be evaluated',
  file: 'migrations/versions/0042_vendored.py',
  line: 7,
};

describe('file rules in .schema-drift.yml', () => {
  const text = [
    'ignore:',
    '  - object: public.audit_log*',
    '    reason: DBA index',
    '  - file: migrations/versions/0042_*.py',
    '    finding: unparseable-revision-file',
    '    reason: "vendored, checked by hand"',
    '    expires: 2026-06-30',
  ].join('\n');

  it('reads file rules beside structure rules, each kind to its own reader', () => {
    expect(parseFindingRules(text, '.schema-drift.yml')).toEqual([
      {
        file: 'migrations/versions/0042_*.py',
        finding: 'unparseable-revision-file',
        reason: 'vendored, checked by hand',
        expires: '2026-06-30',
        source: '.schema-drift.yml',
        line: 4,
      },
    ]);
    expect(parseIgnoreRules(text, '.schema-drift.yml').map((r) => r.object)).toEqual(['public.audit_log*']);
  });

  it.each([
    ['ignore:\n  - file: a.py\n', '"reason" is required'],
    ['ignore:\n  - file: a.py\n    reason: r\n    kind: index\n', '"kind" does not belong in a file rule'],
    ['ignore:\n  - file: a.py\n    reason: r\n    finding: Not A Kind\n', 'is not a finding kind'],
    ['ignore:\n  - file: a.py\n    reason: r\n    expires: soon\n', 'expires "soon" is not a date'],
  ])('refuses %j naming the problem', (bad, problem) => {
    expect(() => parseFindingRules(bad, '.schema-drift.yml')).toThrow(problem);
  });
});

describe('decidingFindings', () => {
  it('lets every error finding decide, kinds it has never heard of included', () => {
    const novel: Finding = { severity: 'error', kind: 'revision-file-too-large', message: '6 MB', file: 'v/x.py' };
    const { deciding } = decidingFindings([unparseable, novel], [], today);
    expect(deciding).toEqual([unparseable, novel]);
  });

  it('leaves out warnings and the documented non-deciding kinds only', () => {
    expect(NON_DECIDING_KINDS).toEqual(['multiple-heads', 'revision-id-too-long']);
    const findings: Finding[] = [
      { severity: 'error', kind: 'multiple-heads', message: 'x', file: 'v/a.py' },
      { severity: 'error', kind: 'revision-id-too-long', message: 'x', file: 'v/b.py' },
      { severity: 'warning', kind: 'unparseable-revision-file', message: 'x', file: 'v/c.py' },
    ];
    expect(decidingFindings(findings, [], today).deciding).toEqual([]);
  });

  it('lets a finding past only with a rule for its file and kind, and shows the rule', () => {
    const rule = { file: 'migrations/versions/0042_*.py', finding: 'unparseable-revision-file', reason: 'vendored' };
    const result = decidingFindings([unparseable], [rule], today);
    expect(result.deciding).toEqual([]);
    expect(result.ignored).toEqual([{ finding: unparseable, rule: { ...rule, expires: null } }]);
    expect(result.shown).toEqual([
      { ...unparseable, severity: 'notice', message: `${unparseable.message} (ignored by an ignore rule: vendored)` },
    ]);
    expect(decidingFindings([unparseable], [{ ...rule, finding: 'cycle' }], today).deciding).toEqual([unparseable]);
    expect(decidingFindings([unparseable], [{ ...rule, file: 'other.py' }], today).deciding).toEqual([unparseable]);
  });

  it('stops applying an expired rule and warns at the rule', () => {
    const rule = {
      file: 'migrations/versions/0042_*.py',
      finding: '*',
      reason: 'vendored',
      expires: '2026-02-28',
      source: '.schema-drift.yml',
      line: 4,
    };
    const result = decidingFindings([unparseable], [rule], today);
    expect(result.deciding).toEqual([unparseable]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', kind: 'expired-ignore-rule', file: '.schema-drift.yml', line: 4 }),
    ]);
    expect(decidingFindings([unparseable], [{ ...rule, expires: '2026-03-01' }], today).deciding).toEqual([]);
  });

  it('never waives a finding that names no file', () => {
    const treeWide: Finding = { severity: 'error', kind: 'migrations-unreadable', message: 'x' };
    expect(decidingFindings([treeWide], [{ file: '*', finding: '*', reason: 'r' }], today).deciding).toEqual([
      treeWide,
    ]);
  });
});
