// Which graph findings decide the version verdict. Fail closed: every error finding makes the state `error`, whatever
// its kind (kinds the reader adds later included), except the short list below, and except where an ignore rule of
// `.schema-drift.yml` names the file (and kind) with a reason and an expiry.
import type { Finding } from '../migrations/finding.js';
import { applyFindingRules, asWaived, type FindingRule } from './ignore-rules.js';
import type { IgnoredFinding } from './verdict.js';

/**
 * Error kinds that leave the heads and every parent link certain, so the verdict can still be given:
 * - `multiple-heads`: the heads are known; the verdict itself follows `alembic upgrade heads` (see version.ts).
 * - `revision-id-too-long`: the id is read exactly; it cannot be stored in VARCHAR(32), so it stays pending (drift).
 */
export const NON_DECIDING_KINDS: readonly string[] = ['multiple-heads', 'revision-id-too-long'];

export interface DecidingFindings {
  /** Error findings that make the version state `error`. */
  deciding: Finding[];
  /** Error findings a rule let through, with the rule as the report shows it. */
  ignored: IgnoredFinding[];
  /** expired-ignore-rule warnings. */
  warnings: Finding[];
  /** The findings as the report shows them: each one a rule let past becomes a notice naming the rule. */
  shown: Finding[];
}

/** Sorts the graph's findings into those that decide the verdict, those ignored by a rule, and rule warnings. */
export function decidingFindings(
  findings: readonly Finding[],
  rules: readonly FindingRule[],
  today: Date,
): DecidingFindings {
  const errors = findings.filter((f) => f.severity === 'error' && !NON_DECIDING_KINDS.includes(f.kind));
  const { kept, ignored, warnings } = applyFindingRules(errors, rules, today);
  const waived = new Map(ignored.map(({ finding, rule }) => [finding, rule]));
  return {
    shown: findings.map((f) => {
      const rule = waived.get(f);
      return rule ? asWaived(f, rule) : f;
    }),
    deciding: kept,
    ignored: ignored.map(({ finding, rule }) => ({
      finding,
      rule: { file: rule.file, finding: rule.finding, reason: rule.reason, expires: rule.expires ?? null },
    })),
    warnings,
  };
}
