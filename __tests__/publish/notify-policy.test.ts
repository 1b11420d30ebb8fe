import { describe, expect, it } from 'vitest';
import {
  decideNotification,
  type NotifyOn,
  notificationSubject,
  parseNotifyOn,
  sanitizeSubjectText,
} from '../../src/publish/notify-policy.js';
import type { Report, VersionState } from '../../src/report/model.js';
import { reportFor, structureWith } from '../report/fixtures.js';

function report(status: Report['status'], overrides: Partial<Report> = {}, state?: VersionState): Report {
  const versionState: VersionState =
    state ?? (status === 'synced' ? 'synced' : status === 'drift' ? 'behind' : 'error');
  return {
    schema_version: 1,
    status,
    drift_detected: status === 'drift',
    timestamp: '2025-12-31T19:05:18Z',
    codebase_head: '20251230_1900',
    production_version: status === 'synced' ? '20251230_1900' : '20251201_0800',
    environment: 'production',
    source: { database: 'lambda rds-sql-api', migrations: 'migrations/alembic.ini', revisions: 12 },
    version:
      status === 'error'
        ? null
        : {
            state: versionState,
            drift: status === 'drift',
            summary: status === 'drift' ? 'behind by 3 migrations' : 'in sync',
            codebase_heads: ['20251230_1900'],
            database_versions: ['20251201_0800'],
            pending: [],
            unknown: [],
            version_table: 'public.alembic_version',
            pending_grace_minutes: 0,
          },
    structure: null,
    findings: [],
    error: status === 'error' ? { stage: 'database', message: 'TooManyRequestsException' } : null,
    run: {
      trigger: 'schedule',
      repository: 'acme/app',
      sha: 'abc123',
      ref: 'refs/heads/main',
      run_id: '42',
      run_url: 'https://github.com/acme/app/actions/runs/42',
      tool_version: '0.1.0',
    },
    fingerprint: `fp-${status}`,
    ...overrides,
  };
}

const policy = (text: string): Set<NotifyOn> => parseNotifyOn(text);

describe('parseNotifyOn', () => {
  it('defaults to drift and error when the input is empty', () => {
    expect([...parseNotifyOn('')].sort()).toEqual(['drift', 'error']);
    expect([...parseNotifyOn('  ')].sort()).toEqual(['drift', 'error']);
  });

  it('accepts a comma list with spaces and mixed case', () => {
    expect([...parseNotifyOn(' Drift , change ')].sort()).toEqual(['change', 'drift']);
    expect([...parseNotifyOn('always')]).toEqual(['always']);
  });

  it('names the bad value', () => {
    expect(() => parseNotifyOn('drift,sometimes')).toThrow(
      /notify-on: "sometimes" is not one of drift, error, success, always, change/,
    );
  });

  it('rejects a list that names nothing', () => {
    expect(() => parseNotifyOn(',,')).toThrow(/notify-on: ",," names no event/);
  });
});

describe('decideNotification', () => {
  it('alerts on drift and on error with the default policy, not on synced', () => {
    expect(decideNotification(report('drift'), null, policy(''), false)).toMatchObject({ send: true, kind: 'drift' });
    expect(decideNotification(report('error'), null, policy(''), false)).toMatchObject({ send: true, kind: 'error' });
    expect(decideNotification(report('synced'), null, policy(''), false)).toMatchObject({ send: false, kind: 'none' });
  });

  it('alerts on synced when notify-on-success is true, as the old job did', () => {
    expect(decideNotification(report('synced'), report('synced'), policy(''), true)).toMatchObject({
      send: true,
      kind: 'synced',
    });
  });

  it('does not alert on error when notify-on is only drift', () => {
    expect(decideNotification(report('error'), null, policy('drift'), false).send).toBe(false);
  });

  it('always alerts with notify-on always', () => {
    expect(decideNotification(report('synced'), report('synced'), policy('always'), false)).toMatchObject({
      send: true,
      kind: 'synced',
    });
  });

  it('with change, stays silent while the fingerprint is unchanged', () => {
    const decision = decideNotification(report('drift'), report('drift'), policy('change'), false);
    expect(decision).toMatchObject({ send: false, kind: 'none' });
    expect(decision.reason).toMatch(/fingerprint unchanged/);
  });

  it('with change, alerts when the drift differs from the previous report', () => {
    const previous = report('drift', { fingerprint: 'fp-behind-2' });
    expect(decideNotification(report('drift'), previous, policy('change'), false)).toMatchObject({
      send: true,
      kind: 'drift',
    });
  });

  it('with change, alerts on the first report only when it is not synced', () => {
    expect(decideNotification(report('drift'), null, policy('change'), false).send).toBe(true);
    expect(decideNotification(report('synced'), null, policy('change'), false).send).toBe(false);
  });

  it('with change, sends a resolved message when drift clears', () => {
    expect(decideNotification(report('synced'), report('drift'), policy('change'), false)).toMatchObject({
      send: true,
      kind: 'resolved',
    });
    expect(decideNotification(report('synced'), report('error'), policy('change'), false)).toMatchObject({
      send: true,
      kind: 'resolved',
    });
  });

  it('never calls an error report synced or resolved', () => {
    for (const text of ['always', 'change', 'drift,error']) {
      const decision = decideNotification(report('error'), report('synced'), policy(text), true);
      expect(decision.kind).toBe('error');
    }
  });
});

describe('notificationSubject', () => {
  it('names environment and state', () => {
    expect(notificationSubject(report('drift'), 'drift')).toBe('[schema-drift] production: behind by 3 migrations');
    expect(notificationSubject(report('synced'), 'synced')).toBe('[schema-drift] production: in sync at 20251230_1900');
    expect(notificationSubject(report('synced'), 'resolved')).toBe(
      '[schema-drift] production: drift resolved, in sync at 20251230_1900',
    );
    expect(notificationSubject(report('error'), 'error')).toBe(
      '[schema-drift] production: ERROR - state could not be determined (database)',
    );
  });

  it('says error for an error report whatever kind is passed', () => {
    expect(notificationSubject(report('error'), 'synced')).toMatch(/ERROR - state could not be determined/);
  });

  it('strips control characters and stays within 99 characters for hostile names and revision ids', () => {
    const hostile = report('drift', {
      environment: `prod\r\nBcc: victim@example.com\u0000\u202e${'x'.repeat(200)}`,
      production_version: 'a\tb',
    });
    hostile.version = {
      ...(hostile.version as NonNullable<Report['version']>),
      summary: `ahead: ${'\u0007r'.repeat(80)}`,
    };
    for (const kind of ['drift', 'synced', 'resolved', 'none'] as const) {
      const subject = notificationSubject(hostile, kind);
      expect(subject.length).toBeLessThanOrEqual(99);
      expect(subject).toMatch(/^\[schema-drift\] /);
      expect(subject).toMatch(/^[\x20-\x7e]+$/);
      expect(subject).toContain('prod Bcc: victim@example.com xxx');
    }
  });

  it('keeps the state visible when the environment name is long', () => {
    const subject = notificationSubject(report('drift', { environment: 'e'.repeat(300) }), 'drift');
    expect(subject.length).toBeLessThanOrEqual(99);
    expect(subject.endsWith(': behind by 3 migrations')).toBe(true);
  });

  it('replaces non-ASCII characters rather than passing them to SNS', () => {
    expect(sanitizeSubjectText('prödüction\u2028x')).toBe('pr?d?ction x');
  });
});

describe('notificationSubject with structural drift', () => {
  it('names the structural drift when the version is in sync', () => {
    const report = reportFor('synced', { structure: structureWith() });
    expect(report.status).toBe('drift');
    expect(notificationSubject(report, 'drift')).toBe(
      '[schema-drift] production: 2 differences (1 security, 1 breaking)',
    );
  });
});
