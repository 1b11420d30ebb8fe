// The action's outputs, from the report: names are contracts (ARCHITECTURE.md).
import type { Report } from '../report/model.js';

export interface OutputLocations {
  reportPath?: string;
  reportUrl?: string;
}

/** Every output, always set, so a later step can rely on them even after an error. */
export function actionOutputs(report: Report, where: OutputLocations): Record<string, string> {
  return {
    status: report.status,
    'drift-detected': String(report.drift_detected),
    'codebase-head': report.codebase_head ?? '',
    'production-version': report.production_version ?? '',
    'pending-count': String(report.version?.pending.length ?? 0),
    'report-path': where.reportPath ?? '',
    'report-url': where.reportUrl ?? '',
  };
}
