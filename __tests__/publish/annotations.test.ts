import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/migrations/finding.js';
import { omittedSummary, planAnnotations } from '../../src/publish/annotations.js';

const finding = (severity: Finding['severity'], i: number): Finding => ({
  severity,
  kind: 'missing-parent',
  message: `revision x${i} referenced from y${i} is not present`,
  file: `migrations/versions/y${i}.py`,
  line: i + 1,
});

describe('planAnnotations', () => {
  it('annotates the first 10 of each level and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 13 }, (_, i) => finding('error', i)),
      finding('warning', 0),
      ...Array.from({ length: 11 }, (_, i) => finding('notice', i)),
    ];
    const plan = planAnnotations(findings);
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(1);
    expect(plan.annotations.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(plan.omitted).toEqual({ error: 3, warning: 0, notice: 1 });
    expect(plan.annotations[0]).toEqual({
      level: 'error',
      title: 'schema-drift: missing-parent',
      message: 'revision x0 referenced from y0 is not present',
      file: 'migrations/versions/y0.py',
      line: 1,
    });
    expect(omittedSummary(plan.omitted)).toBe(
      '3 more errors and 1 more notice not annotated (GitHub shows 10 per type; see the report)',
    );
  });

  it('says nothing when nothing was left out', () => {
    expect(omittedSummary(planAnnotations([finding('error', 1)]).omitted)).toBe('');
  });
});
