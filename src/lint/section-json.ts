// The `--json` text of a lint section, made a finding at a time. `lint --all` on a large tree finds tens of
// thousands of risks: one JSON.stringify of the whole section is a single string of ~35 MB (two bytes a character,
// the messages hold "—" and "…") plus its ~18 MB UTF-8 copy on the way out, the largest part of the command's peak
// memory. The text is the same, byte for byte, as `JSON.stringify(section, null, 2)` followed by a newline.
import type { LintSection } from './lint.js';

const OMITTED = new Set(['undefined', 'function', 'symbol']);

/** The section as `JSON.stringify(section, null, 2) + "\n"`, one top-level field or array item at a time. */
export function* lintSectionJson(section: LintSection): Generator<string> {
  // The fields JSON.stringify keeps (it drops undefined, functions and symbols); asking JSON.stringify itself would
  // build the whole findings array's text just to test it.
  const fields = Object.entries(section).filter(([, value]) => !OMITTED.has(typeof value));
  yield '{';
  for (const [i, [key, value]] of fields.entries()) {
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [j, item] of value.entries()) yield `${j === 0 ? '' : ','}\n    ${nested(item ?? null, '    ')}`;
      yield '\n  ]';
    } else yield nested(value, '  ');
  }
  yield fields.length > 0 ? '\n}\n' : '}\n';
}

/** A value's indented JSON placed at `indent`: its own lines are shifted (a string's newlines are escaped). */
function nested(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) as string).replaceAll('\n', `\n${indent}`);
}
