import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/report/fingerprint.js';
import { pending, reportFor, versionSection } from './fixtures.js';

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
});
