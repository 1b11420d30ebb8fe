import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRevisionFile } from '../../src/migrations/alembic/revision-file.js';
import { revisionSource, SYNTAX_FORMS } from '../support/alembic-tree.js';

const FILE = 'migrations/versions/m.py';

/** Always a Revision or a structured finding on this file, never a throw. */
function expectStructured(bytes: Uint8Array): void {
  const result = readRevisionFile(bytes, FILE, 'm.py');
  expect(result.revision !== null || result.findings.length > 0).toBe(true);
  for (const f of result.findings) {
    // Unknown branch labels only degrade the labels (a warning); every other problem is an error.
    expect(['unparseable-revision-file', 'unreadable-revision-file', 'unknown-branch-labels']).toContain(f.kind);
    expect(f.severity).toBe(f.kind === 'unknown-branch-labels' ? 'warning' : 'error');
    expect(f.file).toBe(FILE);
    expect(Number.isInteger(f.line) && (f.line as number) >= 1).toBe(true);
    expect(f.message.length).toBeGreaterThan(0);
  }
  if (result.revision) {
    expect(typeof result.revision.id).toBe('string');
    expect(result.revision.line).toBeGreaterThanOrEqual(1);
    for (const list of [result.revision.downRevisions, result.revision.dependsOn, result.revision.branchLabels]) {
      expect(list.every((x) => typeof x === 'string')).toBe(true);
    }
  }
}

const validFile = fc
  .record({
    form: fc.constantFrom(...SYNTAX_FORMS),
    index: fc.nat(20),
    decoys: fc.boolean(),
    down: fc.array(fc.stringMatching(/^[0-9a-f]{12}$/), { maxLength: 3 }),
  })
  .map(({ form, index, decoys, down }) => revisionSource({ id: 'abcdef012345', down }, form, index, decoys));

const noise = fc.constantFrom(
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  "'",
  '"',
  "'''",
  '"""',
  '\\',
  '#',
  '\n',
  '\r',
  ';',
  ':',
  '=',
);

describe('revision-file parser on mangled input', () => {
  it('reads every valid generated form as the same revision', () => {
    fc.assert(
      fc.property(validFile, (source) => {
        const result = readRevisionFile(Buffer.from(source), FILE, 'm.py');
        expect(result.findings).toEqual([]);
        expect(result.revision?.id).toBe('abcdef012345');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => expectStructured(bytes)),
      { numRuns: 500 },
    );
  });

  it('never throws on truncated valid files', () => {
    fc.assert(
      fc.property(validFile, fc.double({ min: 0, max: 1, noNaN: true }), (source, at) => {
        expectStructured(Buffer.from(source.slice(0, Math.floor(source.length * at))));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when quotes, brackets and backslashes are inserted into valid files', () => {
    fc.assert(
      fc.property(
        validFile,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), noise), { minLength: 1, maxLength: 6 }),
        (source, edits) => {
          let text = source;
          for (const [at, piece] of edits) {
            const i = Math.floor(text.length * at);
            text = text.slice(0, i) + piece + text.slice(i);
          }
          expectStructured(Buffer.from(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on random Python-ish text', () => {
    const token = fc.oneof(
      noise,
      fc.constantFrom(
        'revision',
        'down_revision',
        'depends_on',
        'branch_labels',
        'None',
        ',',
        ' ',
        '    ',
        'r',
        'b',
        'f',
      ),
      fc.constantFrom(': str', ' = ', 'Union[str, None]', "'abc'", '"x"', '\u00e9', '\ufeff', '# coding: latin-1\n'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (tokens) => expectStructured(Buffer.from(tokens.join('')))),
      { numRuns: 1000 },
    );
  });
});
