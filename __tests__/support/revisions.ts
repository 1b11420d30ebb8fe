// Hand-built revisions for tests of code above the reader (verdicts, reports).
import type { Revision } from '../../src/migrations/revision.js';

/** A revision in versions/<id>.py whose message is "<id> message". */
export function rev(id: string, down: string | string[] | null, extra: Partial<Revision> = {}): Revision {
  return {
    id,
    downRevisions: down === null ? [] : Array.isArray(down) ? down : [down],
    dependsOn: [],
    branchLabels: [],
    file: `migrations/versions/${id}.py`,
    line: 9,
    message: `${id} message`,
    ...extra,
  };
}

/** A straight chain r1 ← r2 ← … ← rN. */
export function chain(n: number, prefix = 'r'): Revision[] {
  return Array.from({ length: n }, (_, i) => rev(`${prefix}${i + 1}`, i === 0 ? null : `${prefix}${i}`));
}
