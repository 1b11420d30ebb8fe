import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { fingerprintOf } from '../../src/report/fingerprint.js';
import { inputFor, reportFor, structureWith, versionSection } from './fixtures.js';

describe('buildReport', () => {
  it('reports synced with matching heads and no drift when production is at the repository head', () => {
    const report = reportFor('synced');
    expect(report).toMatchObject({
      schema_version: 1,
      status: 'synced',
      drift_detected: false,
      timestamp: '2025-12-31T19:05:18Z',
      codebase_head: '20251230_1900',
      production_version: '20251230_1900',
      environment: 'production',
      structure: null,
      error: null,
    });
    expect(report.previous_report).toBeUndefined();
  });

  it('reports drift with 3 pending when production is 3 revisions back', () => {
    const report = reportFor('behind');
    expect(report.status).toBe('drift');
    expect(report.drift_detected).toBe(true);
    expect(report.production_version).toBe('20251229_0800');
    expect(report.version?.pending.map((p) => p.revision)).toEqual(['20251229_1200', '20251230_0900', '20251230_1900']);
  });

  it('reports synced, not drift, when every pending migration is within grace', () => {
    const version = versionSection('behind', { drift: false });
    const report = buildReport(inputFor('behind', { version }));
    expect(report.status).toBe('synced');
    expect(report.drift_detected).toBe(false);
  });

  it.each(['ahead', 'branched', 'uninitialized'] as const)('reports drift for the %s state', (state) => {
    const report = reportFor(state);
    expect(report.status).toBe('drift');
    expect(report.drift_detected).toBe(true);
    expect(report.version?.state).toBe(state);
  });

  it('joins several repository heads with a comma', () => {
    expect(reportFor('branched').codebase_head).toBe('20251230_1900,a1b2c3d4e5f6');
  });

  it('gives a null production version when the version table is empty', () => {
    expect(reportFor('uninitialized').production_version).toBeNull();
  });

  it('reports error when the version state is error, even without an error object', () => {
    const report = reportFor('error');
    expect(report.status).toBe('error');
    expect(report.drift_detected).toBe(false);
  });

  it('reports error, never synced, when a stage failed after a synced verdict', () => {
    const report = reportFor('synced', { error: { stage: 'publish', message: 'disk full' } });
    expect(report.status).toBe('error');
    expect(report.error).toEqual({ stage: 'publish', message: 'disk full' });
  });

  it('reports error with null versions when the database could not be read', () => {
    const report = reportFor('synced', {
      version: null,
      databaseVersions: null,
      error: { stage: 'database', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
    expect(report).toMatchObject({
      status: 'error',
      drift_detected: false,
      production_version: null,
      codebase_head: '20251230_1900',
      version: null,
      error: { stage: 'database', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
  });

  it('reports error with a reason when there is neither a verdict nor an error', () => {
    const report = reportFor('synced', { version: null });
    expect(report.status).toBe('error');
    expect(report.error).toEqual({ stage: 'version', message: 'No version verdict was produced' });
  });

  it('gives a null codebase head when the repository has no revisions', () => {
    expect(reportFor('uninitialized', { codebaseHeads: [] }).codebase_head).toBeNull();
  });

  it('carries the fingerprint of its own drift state', () => {
    const { fingerprint, ...rest } = reportFor('behind');
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).toBe(fingerprintOf(rest));
  });

  it('rejects an invalid clock reading naming the stage', () => {
    expect(() => reportFor('synced', { now: new Date('nope') })).toThrow(/Could not build report/);
  });

  describe('with a structure check', () => {
    it('reports drift when the version is synced but the structure drifted, and carries the section', () => {
      const structure = structureWith();
      const report = reportFor('synced', { structure });
      expect(report.status).toBe('drift');
      expect(report.drift_detected).toBe(true);
      expect(report.structure).toEqual(structure);
      expect(report.error).toBeNull();
    });

    it('reports synced when the version is synced and the structure is clean', () => {
      const report = reportFor('synced', {
        structure: structureWith({
          state: 'clean',
          differences: [],
          counts: { security: 0, breaking: 0, cosmetic: 0 },
        }),
      });
      expect(report.status).toBe('synced');
      expect(report.drift_detected).toBe(false);
    });

    it('does not count a skipped structure check (the first baseline run) as drift', () => {
      const structure = structureWith({ state: 'skipped', expected_source: 'baseline', differences: [] });
      expect(reportFor('synced', { structure }).status).toBe('synced');
      expect(reportFor('behind', { structure }).status).toBe('drift');
    });

    it('reports drift when the version drifted even though the structure is clean', () => {
      const report = reportFor('behind', { structure: structureWith({ state: 'clean', differences: [] }) });
      expect(report.status).toBe('drift');
    });

    it('reports error, never synced, when the structure check failed after a synced version', () => {
      const report = reportFor('synced', {
        structure: structureWith({ state: 'error', differences: [] }),
        error: { stage: 'structure', message: 'reference database unreachable' },
      });
      expect(report.status).toBe('error');
      expect(report.drift_detected).toBe(false);
      expect(report.error).toEqual({ stage: 'structure', message: 'reference database unreachable' });
    });

    it('says why it is an error when the structure check failed without an error object', () => {
      const report = reportFor('synced', { structure: structureWith({ state: 'error', differences: [] }) });
      expect(report.status).toBe('error');
      expect(report.error).toEqual({
        stage: 'structure',
        message: 'The structure check failed without an error message',
      });
    });

    it('keeps an error status when the version check failed even if the structure drifted', () => {
      expect(reportFor('error', { structure: structureWith() }).status).toBe('error');
    });

    it('gives a null structure when the input leaves it out or passes null', () => {
      expect(reportFor('synced').structure).toBeNull();
      expect(reportFor('synced', { structure: null }).structure).toBeNull();
    });
  });
});
