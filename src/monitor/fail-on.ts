// Whether the verdict fails the step (input fail-on). Pure, so every combination is unit-tested.
import type { Config } from '../config/config.js';
import type { Report } from '../report/model.js';

/** The message the step fails with for this verdict under `failOn`, or null when the verdict alone passes. */
export function verdictFailure(report: Report, failOn: Config['failOn'], environment: string): string | null {
  if (report.status === 'error') {
    if (failOn === 'never') return null;
    const why = report.error?.message ?? report.version?.summary ?? 'unknown error';
    return `Could not determine the schema state of ${environment}: ${why}`;
  }
  if (report.status === 'drift' && failOn === 'drift') {
    const what = [
      report.version?.drift ? report.version.summary : '',
      report.structure?.state === 'drifted' ? report.structure.summary : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `Schema drift in ${environment}: ${what || 'drift'}`;
  }
  return null;
}

/**
 * Every message the step fails with: the verdict first, then each delivery failure once, so a delivery failure
 * never hides the state (nor the state a delivery failure). Empty when the step passes.
 */
export function stepFailures(
  report: Report,
  failOn: Config['failOn'],
  environment: string,
  deliveryErrors: readonly string[],
): string[] {
  const failures: string[] = [];
  const verdict = verdictFailure(report, failOn, environment);
  if (verdict !== null) failures.push(verdict);
  for (const failure of deliveryErrors) if (!failures.includes(failure)) failures.push(failure);
  return failures;
}
