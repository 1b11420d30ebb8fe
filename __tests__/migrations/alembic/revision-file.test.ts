import { describe, expect, it } from 'vitest';
import { readRevisionFile } from '../../../src/migrations/alembic/revision-file.js';

function read(source: string | Uint8Array, name = 'x_rev.py') {
  const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
  return readRevisionFile(bytes, `migrations/versions/${name}`, name);
}

function ok(source: string | Uint8Array, name?: string) {
  const result = read(source, name);
  expect(result.findings).toEqual([]);
  expect(result.revision).not.toBeNull();
  return result.revision!;
}

const DOC = '"""add users table\n\nRevision ID: abc\nRevises: def\n"""\n';

describe('readRevisionFile', () => {
  it('reads the classic template with None parents, labels and dependencies', () => {
    const r = ok(
      `${DOC}from alembic import op\n\nrevision = 'abc123'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n`,
    );
    expect(r).toEqual({
      id: 'abc123',
      downRevisions: [],
      dependsOn: [],
      branchLabels: [],
      file: 'migrations/versions/x_rev.py',
      line: 8,
      downLine: 9,
      message: 'add users table',
    });
  });

  it('reads type-annotated assignments of the newer template', () => {
    const r = ok(
      [
        DOC,
        'from typing import Sequence, Union',
        'revision: str = "b2"',
        'down_revision: Union[str, Sequence[str], None] = "a1"',
        'branch_labels: Union[str, Sequence[str], None] = ("core",)',
        'depends_on: Union[str, Sequence[str], None] = None',
      ].join('\n'),
    );
    expect(r.id).toBe('b2');
    expect(r.downRevisions).toEqual(['a1']);
    expect(r.branchLabels).toEqual(['core']);
    expect(r.line).toBe(8);
  });

  it.each([
    ['None', []],
    ['()', []],
    ['[]', []],
    ["''", []],
    ["'a1'", ['a1']],
    ['"a1"', ['a1']],
    ["'''a1'''", ['a1']],
    ['"""a1"""', ['a1']],
    ["r'a1'", ['a1']],
    ["u'a1'", ['a1']],
    ["R'a1'", ['a1']],
    ["('a1')", ['a1']],
    ["('a1',)", ['a1']],
    ["('a1', 'b2')", ['a1', 'b2']],
    ["['a1', 'b2',]", ['a1', 'b2']],
    ["'a1', 'b2'", ['a1', 'b2']],
    ["{'a1'}", ['a1']],
    ["(\n    'a1',  # first parent\n    # a comment line\n    'b2',\n)", ['a1', 'b2']],
    ["\\\n    'a1'", ['a1']],
    ["'a' '1'", ['a1']],
    ["('a1', 'a1')", ['a1']],
  ])('reads down_revision = %s', (value, expected) => {
    const r = ok(`revision = 'c3'\ndown_revision = ${value}\n`);
    expect(r.downRevisions).toEqual(expected);
  });

  it('ignores revision lines inside the docstring, comments, strings and function bodies', () => {
    const r = ok(
      [
        '"""stale header',
        '',
        'Revision ID: 000000000000',
        'Revises: 111111111111',
        "revision = 'docstring'",
        '"""',
        "# revision = 'comment'",
        "revision = 'real'",
        "down_revision = 'parent'",
        'def upgrade():',
        "    revision = 'indented'",
        '    op.execute("""',
        "revision = 'in_sql'",
        "down_revision = 'in_sql'",
        '""")',
        'x = (',
        "revision == 'in_brackets')",
        '',
      ].join('\n'),
    );
    expect(r.id).toBe('real');
    expect(r.downRevisions).toEqual(['parent']);
    expect(r.line).toBe(8);
    expect(r.message).toBe('stale header');
  });

  it('takes the last module-level assignment, as Python does when it runs the module', () => {
    const r = ok("revision = 'first'\ndown_revision = None\nrevision = 'second'\n");
    expect(r.id).toBe('second');
    expect(r.line).toBe(3);
  });

  it('reads statements separated by semicolons', () => {
    const r = ok("import os; revision = 'a1'; down_revision = 'z9'\n");
    expect([r.id, r.downRevisions]).toEqual(['a1', ['z9']]);
  });

  it('reads CRLF files with the right line numbers', () => {
    const r = ok(`${DOC}revision = 'a1'\r\ndown_revision = (\r\n    'z9',\r\n)\r\n`.replace(/\n/g, '\r\n'));
    expect(r.id).toBe('a1');
    expect(r.downRevisions).toEqual(['z9']);
    expect(r.line).toBe(6);
    expect(r.message).toBe('add users table');
  });

  it('reads files that start with a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${DOC}revision = 'a1'\ndown_revision = None\n`),
    ]);
    const r = ok(bytes);
    expect(r.id).toBe('a1');
    expect(r.message).toBe('add users table');
  });

  it('keeps non-ASCII text in messages and honours a latin-1 coding cookie', () => {
    expect(ok('"""ajoute la clé"""\nrevision = \'a1\'\ndown_revision = None\n').message).toBe('ajoute la clé');
    const latin1 = Buffer.from(
      '# -*- coding: latin-1 -*-\n"""caf\xe9"""\nrevision = \'a1\'\ndown_revision = None\n',
      'latin1',
    );
    expect(ok(latin1).message).toBe('café');
  });

  it('applies escapes in the docstring and leaves raw docstrings alone', () => {
    expect(ok('"""tab\\there\\nsecond"""\nrevision = \'a\'\ndown_revision = None\n').message).toBe('tab\there');
    expect(ok('r"""raw\\there"""\nrevision = \'a\'\ndown_revision = None\n').message).toBe('raw\\there');
  });

  it('has an empty message when the module has no docstring', () => {
    expect(ok("import os\n'''not first'''\nrevision = 'a'\ndown_revision = None\n").message).toBe('');
  });

  it('reads branch labels and depends_on in string and sequence forms', () => {
    const r = ok("revision = 'a'\ndown_revision = None\nbranch_labels = 'auth'\ndepends_on = ['x1', 'auth']\n");
    expect(r.branchLabels).toEqual(['auth']);
    expect(r.dependsOn).toEqual(['x1', 'auth']);
  });

  it('ignores a bare annotation without a value', () => {
    const r = ok("revision: str\nrevision = 'a'\ndown_revision: str | None\ndown_revision = None\n");
    expect(r.id).toBe('a');
  });

  it('takes the revision id from a hex file name when the file has no revision variable, as Alembic does', () => {
    const r = ok('down_revision = None\n', 'ae1027a6acf.py');
    expect(r.id).toBe('ae1027a6acf');
  });

  it.each([
    ['no revision', 'down_revision = None\n', 'has no module-level `revision'],
    ['no down_revision', "revision = 'a'\n", 'has no module-level `down_revision`'],
    ['a computed revision', 'revision = make_id()\ndown_revision = None\n', 'the call make_id() needs Python'],
    ['a None revision', 'revision = None\ndown_revision = None\n', 'None, not a string'],
    ['bytes', "revision = b'a'\ndown_revision = None\n", 'bytes'],
    ['an f-string with an unbound name', "revision = f'a{x}'\ndown_revision = None\n", 'name x is not bound'],
  ])('reports an unparseable-revision-file finding and no revision for %s', (_, source, text) => {
    const result = read(source);
    expect(result.revision).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      severity: 'error',
      kind: 'unparseable-revision-file',
      file: 'migrations/versions/x_rev.py',
    });
    expect(result.findings[0]?.message).toContain(text);
    expect(result.findings[0]?.line).toBeGreaterThan(0);
  });

  it.each([
    ['a number in down_revision', "revision = 'a'\ndown_revision = ('b', 3)\n", 'down_revision', 'number 3'],
    ['None inside a tuple', "revision = 'a'\ndown_revision = ('b', None)\n", 'down_revision', 'every entry'],
    ['a dict', "revision = 'a'\ndown_revision = {}\n", 'down_revision', 'needs Python'],
    ['a call in depends_on', "revision = 'a'\ndown_revision = None\ndepends_on = f()\n", 'depends_on', 'f()'],
  ])('keeps the revision with an error finding naming the field for %s', (_, source, field, text) => {
    const result = read(source);
    expect(result.revision).toMatchObject({ id: 'a', unknownFields: [field] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: 'error', kind: 'unparseable-revision-file' });
    expect(result.findings[0]?.message).toContain(`\`${field}\` is unknown`);
    expect(result.findings[0]?.message).toContain(text);
  });

  it('reports invalid UTF-8 as unparseable', () => {
    const result = read(Buffer.from([0x72, 0x3d, 0xff, 0xfe, 0x0a]));
    expect(result.revision).toBeNull();
    expect(result.findings[0]?.message).toContain('not valid UTF-8');
  });

  it('reports a never-closed string or bracket with its line, and still reads the identifiers', () => {
    const result = read("revision = 'a'\ndown_revision = None\n\ndef upgrade():\n    op.execute('''\n");
    expect(result.revision?.id).toBe('a');
    expect(result.findings[0]).toMatchObject({ kind: 'unparseable-revision-file', line: 5 });
    expect(result.findings[0]?.message).toContain('triple-quoted string is never closed');
    const bracket = read("revision = 'a'\ndown_revision = None\nx = foo(\n  1,\n");
    expect(bracket.findings).toMatchObject([{ kind: 'unparseable-revision-file', line: 3 }]);
    expect(bracket.revision?.id).toBe('a');
  });
});

describe('readRevisionFile: values only Python could decide', () => {
  it('keeps the revision when down_revision depends on an undecidable condition, with an error naming field and line', () => {
    const result = read(
      'import os\nrevision = "c3"\nif os.environ.get("X"):\n    down_revision = "a1"\nelse:\n    down_revision = "b2"\n',
    );
    expect(result.revision).toMatchObject({ id: 'c3', downRevisions: [], unknownFields: ['down_revision'] });
    expect(result.findings).toMatchObject([{ severity: 'error', kind: 'unparseable-revision-file', line: 4 }]);
    expect(result.findings[0]?.message).toContain('`down_revision` is unknown');
    expect(result.findings[0]?.message).toContain('`if` whose condition needs Python');
  });

  it('degrades branch labels imported from outside the repository to none, with a warning', () => {
    const result = read(
      'from other_pkg import LABEL\nrevision = "c3"\ndown_revision = None\nbranch_labels = (LABEL,)\n',
    );
    expect(result.revision).toMatchObject({ id: 'c3', branchLabels: [], unknownFields: ['branch_labels'] });
    expect(result.findings).toMatchObject([{ severity: 'warning', kind: 'unknown-branch-labels', line: 4 }]);
    expect(result.findings[0]?.message).toContain('other_pkg.LABEL is itself imported');
  });

  it('does not take an assignment after a semicolon on a compound line as unconditional', () => {
    const result = read(
      'import os\nrevision = "a"\nif os.environ.get("X"): pass; revision = "b"\ndown_revision = None\n',
    );
    expect(result.revision).toBeNull();
    expect(result.findings[0]?.message).toContain('`if` whose condition needs Python');
  });

  it('reads a chained assignment, a name bound earlier, a constant f-string and tuple unpacking', () => {
    expect(ok('R = "b2"\nrevision = R\ndown_revision = branch_labels = depends_on = None\n').id).toBe('b2');
    expect(ok('P = "a1"\nrevision, down_revision = f"b2", f"{P}"\n')).toMatchObject({
      id: 'b2',
      downRevisions: ['a1'],
    });
    expect(ok('revision = str("b2")\ndown_revision = tuple(["a1", "a0"])\n').downRevisions).toEqual(['a1', 'a0']);
  });
});
