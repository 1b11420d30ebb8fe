import { describe, expect, it } from 'vitest';
import type { StructureDifference } from '../../src/drift/structure.js';
import { fingerprintOf } from '../../src/report/fingerprint.js';
import { pending, reportFor, structureWith, versionSection } from './fixtures.js';

describe('fingerprint', () => {
  it('is the same across runs that found the same drift at different times', () => {
    const first = reportFor('behind');
    const second = reportFor('behind', {
      now: new Date('2026-01-01T03:00:07Z'),
      run: {
        ...first.run,
        run_id: '99999999',
        run_url: 'https://example.test/runs/99999999',
        trigger: 'workflow_dispatch',
      },
    });
    expect(second.timestamp).not.toBe(first.timestamp);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('ignores previous_report, so storing a report never changes it', () => {
    const { fingerprint, ...rest } = reportFor('behind');
    const chained = { ...rest, previous_report: { key: 'production/latest.json', sha256: 'a'.repeat(64) } };
    expect(fingerprintOf(chained)).toBe(fingerprint);
  });

  it('changes when another migration becomes pending', () => {
    const before = reportFor('behind');
    const version = versionSection('behind');
    version.pending = [...version.pending, pending('20251231_0600', '20251230_1900')];
    const after = reportFor('behind', { version });
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('changes when the state changes', () => {
    expect(reportFor('ahead').fingerprint).not.toBe(reportFor('synced').fingerprint);
  });

  it('changes when the error message changes, and not with warning findings', () => {
    const error = reportFor('synced', { version: null, error: { stage: 'database', message: 'timeout' } });
    const other = reportFor('synced', { version: null, error: { stage: 'database', message: 'password rejected' } });
    expect(other.fingerprint).not.toBe(error.fingerprint);

    const warned = reportFor('synced', { findings: [{ severity: 'warning', kind: 'multiple-heads', message: 'x' }] });
    expect(warned.fingerprint).toBe(reportFor('synced').fingerprint);
    const broken = reportFor('synced', {
      findings: [
        { severity: 'error', kind: 'missing-parent', message: 'x', file: 'migrations/versions/a.py', line: 3 },
      ],
    });
    expect(broken.fingerprint).not.toBe(reportFor('synced').fingerprint);
  });

  it('does not depend on the order unknown revisions were read in', () => {
    const a = reportFor('ahead', { version: versionSection('ahead', { unknown: ['x1', 'x2'] }) });
    const b = reportFor('ahead', { version: versionSection('ahead', { unknown: ['x2', 'x1'] }) });
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  describe('with a structure check', () => {
    const [grant, column] = structureWith().differences as [StructureDifference, StructureDifference];

    it('keeps the fingerprint of a report without a structure check unchanged (pinned)', () => {
      // Pinned: reports stored before the structure check existed must keep their fingerprints, or every
      // notify-on: change setup would alert once for nothing after an upgrade.
      expect(reportFor('behind').fingerprint).toBe('9f91f0aec190f557914dcbfea08969e4ae72c526af04177c047cd4c88aeb5c04');
      expect(reportFor('behind', { structure: null }).fingerprint).toBe(reportFor('behind').fingerprint);
    });

    it('is the same across runs with the same structural drift, whatever the stats, snapshots, order or ignored', () => {
      const first = reportFor('synced', { structure: structureWith() });
      const second = reportFor('synced', {
        now: new Date('2026-01-01T03:00:07Z'),
        structure: structureWith({
          differences: [column, grant],
          expected_fingerprint: 'c'.repeat(64),
          actual_fingerprint: 'd'.repeat(64),
          expected_location: 'schema-drift/production/2025/12/30/x.json',
          stats: { queries: 12, largest_response_bytes: 1, total_response_bytes: 2 },
          notices: [{ ...column, change: 'changed', attribute: 'column_order', severity: 'cosmetic' }],
          ignored: [{ object: 'public.audit_*', kind: 'table', attribute: null, reason: 'vendor', expires: null }],
        }),
      });
      expect(second.fingerprint).toBe(first.fingerprint);
    });

    it('changes when the structure drifts on a synced version', () => {
      const clean = reportFor('synced', { structure: structureWith({ state: 'clean', differences: [] }) });
      const drifted = reportFor('synced', { structure: structureWith() });
      expect(drifted.fingerprint).not.toBe(clean.fingerprint);
    });

    it.each([
      ['actual value', { actual: 'bigint' }],
      ['expected value', { expected: 'integer' }],
      ['attribute', { attribute: 'type' }],
      ['object', { object: 'public.other' }],
      ['severity', { severity: 'cosmetic' }],
      ['change', { change: 'changed' }],
      ['kind', { kind: 'index' }],
    ] as const)('changes when a difference has another %s', (_, change) => {
      const before = reportFor('synced', { structure: structureWith() });
      const after = reportFor('synced', {
        structure: structureWith({ differences: [grant, { ...column, ...change } as StructureDifference] }),
      });
      expect(after.fingerprint).not.toBe(before.fingerprint);
    });

    it('does not change when only the fix-up SQL text is worded differently', () => {
      const before = reportFor('synced', { structure: structureWith() });
      const after = reportFor('synced', {
        structure: structureWith({ differences: [grant, { ...column, fix_sql: '-- drop it by hand' }] }),
      });
      expect(after.fingerprint).toBe(before.fingerprint);
    });

    it('tells a skipped check from a clean one', () => {
      const clean = reportFor('synced', { structure: structureWith({ state: 'clean', differences: [] }) });
      const skipped = reportFor('synced', { structure: structureWith({ state: 'skipped', differences: [] }) });
      expect(skipped.fingerprint).not.toBe(clean.fingerprint);
    });
  });
});
