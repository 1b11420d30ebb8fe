import { describe, expect, it } from 'vitest';
import { parseIgnoreRules } from '../../src/drift/ignore-rules.js';

describe('parseIgnoreRules', () => {
  it('reads the documented YAML subset with comments and both quote styles', () => {
    const rules = parseIgnoreRules(
      [
        '# accepted drift',
        'ignore:',
        '  - object: "public.audit_log*"   # DBA indexes',
        '    kind: index',
        "    reason: 'managed by the DBA''s job'",
        '    expires: 2026-06-30',
        '',
        '  -',
        '    object: public.users.nickname',
        '    attribute: comment',
        '    reason: "tab\\there # not a comment"',
      ].join('\n'),
      '.schema-drift.yml',
    );
    expect(rules).toEqual([
      {
        object: 'public.audit_log*',
        kind: 'index',
        reason: "managed by the DBA's job",
        expires: '2026-06-30',
        file: '.schema-drift.yml',
        line: 3,
      },
      {
        object: 'public.users.nickname',
        kind: '*',
        attribute: 'comment',
        reason: 'tab\there # not a comment',
        file: '.schema-drift.yml',
        line: 8,
      },
    ]);
  });

  it('reads the same rules written as JSON', () => {
    const rules = parseIgnoreRules(
      '{"ignore": [{"object": "public.x", "kind": "table", "reason": "legacy"}]}',
      'c.json',
    );
    expect(rules).toEqual([{ object: 'public.x', kind: 'table', reason: 'legacy', file: 'c.json' }]);
  });

  it('reads an empty file as no rules', () => {
    expect(parseIgnoreRules('# nothing yet\n', 'x.yml')).toEqual([]);
    expect(parseIgnoreRules('ignore: []\n', 'x.yml')).toEqual([]);
  });

  it.each([
    ['ignore:\n  - object: a\n', 'line 2: "reason" is required'],
    ['ignore:\n  - reason: r\n', 'line 2: "object" is required'],
    ['ignore:\n  - object: a\n    reason: r\n    kind: tabel\n', 'unknown kind "tabel"'],
    ['ignore:\n  - object: a\n    reason: r\n    expires: 2026-02-30\n', 'expires "2026-02-30" is not a date'],
    ['ignore:\n  - object: a\n    reason: r\n    owner: me\n', 'unknown field "owner"'],
    ['rules:\n  - object: a\n', 'line 1: unknown top-level key "rules"'],
    ['ignore:\n  - object: {a: 1}\n', 'line 2: unsupported YAML value'],
    ['ignore:\n  - object: "open\n', 'line 2: unterminated'],
    ['ignore:\n  - object: a\n      reason: r\n', 'line 3: expected "- key: value"'],
    ['{"ignore": {}}', '"ignore" is not a list'],
  ])('refuses %j naming the problem', (text, message) => {
    expect(() => parseIgnoreRules(text, '.schema-drift.yml')).toThrow(message);
    expect(() => parseIgnoreRules(text, '.schema-drift.yml')).toThrow(
      'Could not read ignore rules ".schema-drift.yml"',
    );
  });
});
