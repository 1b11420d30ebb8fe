// A nightly report as the monitor writes it, at a given time and run, in one of the three statuses.
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/report/model.js';

export type Night = 'synced' | 'drift' | 'error';

export function nightly(timestamp: string, runId: string, status: Night): Report {
  const behind = status === 'drift';
  return buildReport({
    environment: 'production',
    now: new Date(timestamp),
    run: {
      trigger: 'schedule',
      repository: 'acme/app',
      sha: `${runId.padStart(8, '0')}${'0'.repeat(32)}`,
      ref: 'refs/heads/main',
      run_id: runId,
      run_url: `https://github.com/acme/app/actions/runs/${runId}`,
      tool_version: '0.1.0',
    },
    source: { database: 'db', migrations: 'alembic.ini', revisions: 2 },
    codebaseHeads: ['b2'],
    databaseVersions: status === 'error' ? null : [behind ? 'a1' : 'b2'],
    version:
      status === 'error'
        ? null
        : {
            state: behind ? 'behind' : 'synced',
            drift: behind,
            summary: behind ? 'behind by 1 migration' : 'in sync at b2',
            codebase_heads: ['b2'],
            database_versions: [behind ? 'a1' : 'b2'],
            pending: [],
            unknown: [],
            version_table: 'public.alembic_version',
            pending_grace_minutes: 0,
          },
    findings: [],
    error: status === 'error' ? { stage: 'database', message: 'Could not open lambda rds-sql-api: timed out' } : null,
  });
}
