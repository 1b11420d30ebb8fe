// The `--json` text of a lint section, written a finding at a time. `lint --all` on a large tree finds tens of
// thousands of risks: one JSON.stringify of the whole section is a single string of ~35 MB (two bytes a character,
// the messages hold "—" and "…") plus its ~18 MB UTF-8 copy on the way out, the largest part of the command's peak
// memory. The text is the same, byte for byte, as `JSON.stringify(section, null, 2)` followed by a newline.
import type { LintSection } from './lint.js';

const OMITTED = new Set(['undefined', 'function', 'symbol']);

/** Writes the section as `JSON.stringify(section, null, 2) + "\n"` would, one top-level field or array item a call. */
export function writeLintSectionJson(section: LintSection, write: (text: string) => void): void {
  // The fields JSON.stringify keeps (it drops undefined, functions and symbols); asking JSON.stringify itself would
  // build the whole findings array's text just to test it.
  const fields = Object.entries(section).filter(([, value]) => !OMITTED.has(typeof value));
  write('{');
  fields.forEach(([key, value], i) => {
    write(`${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length > 0) {
      write('[');
      value.forEach((item, j) => {
        write(`${j === 0 ? '' : ','}\n    ${nested(item ?? null, '    ')}`);
      });
      write('\n  ]');
    } else write(nested(value, '  '));
  });
  write(fields.length > 0 ? '\n}\n' : '}\n');
}

/** A value's indented JSON placed at `indent`: its own lines are shifted (a string's newlines are escaped). */
function nested(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) as string).replaceAll('\n', `\n${indent}`);
}
