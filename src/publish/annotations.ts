// Graph findings → workflow annotations at their file and line. GitHub shows at most 10 annotations of each
// type per step, so we emit the first ones of each level and say how many more there are.
import type { Finding, Severity } from '../migrations/finding.js';

export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: Severity;
  title: string;
  message: string;
  file?: string;
  line?: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings left out per level, to be summarised instead. */
  omitted: Record<Severity, number>;
}

/** Chooses which findings become annotations; errors first, then warnings, then notices, each in report order. */
export function planAnnotations(findings: readonly Finding[], perLevel = ANNOTATIONS_PER_LEVEL): AnnotationPlan {
  const omitted: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    const ofLevel = findings.filter((f) => f.severity === level);
    for (const f of ofLevel.slice(0, perLevel)) {
      annotations.push({
        level,
        title: `schema-drift: ${f.kind}`.slice(0, 255),
        message: f.message,
        file: f.file,
        line: f.line,
      });
    }
    omitted[level] = Math.max(0, ofLevel.length - perLevel);
  }
  return { annotations, omitted };
}

/** "3 more errors and 1 more warning not annotated (see the report)", or '' when nothing was left out. */
export function omittedSummary(omitted: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'notice'] as const)
    .filter((level) => omitted[level] > 0)
    .map((level) => `${omitted[level]} more ${level}${omitted[level] === 1 ? '' : 's'}`);
  return parts.length
    ? `${parts.join(' and ')} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per type; see the report)`
    : '';
}
