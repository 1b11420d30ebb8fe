// Audit benchmark (issue 11): a year of nightly reports (365 runs, each with its JSON, Markdown and HTML) in the
// loopback S3 (s3rver behind the recording proxy), audited end to end by the built CLI as a whole process.
// Targets: ≤ 10 s and ≤ 150 MB peak RSS, with bounded request concurrency. Prints time, requests and RSS.
import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3Server } from '../__tests__/support/s3-server.js';
import { mapBounded } from '../src/audit/evidence-source.js';
import { reportKey, serializePointer, serializeReport } from '../src/publish/report-store.js';
import { buildReport } from '../src/report/build.js';
import { renderHtml } from '../src/report/html.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { Report } from '../src/report/model.js';
import { reportDocument } from '../src/report/presentation/report-document.js';
import { builtCli, runNodeAsync } from './process.js';
import type { Benchmark } from './run.js';

const DAYS = 365;
const BUCKET = 'evidence';

function nightly(at: Date, runId: string, drift: boolean, previous: Report['previous_report']): Report {
  return {
    ...buildReport({
      environment: 'production',
      now: at,
      run: {
        trigger: 'schedule',
        repository: 'acme/app',
        sha: createHash('sha1').update(runId).digest('hex'),
        ref: 'refs/heads/main',
        run_id: runId,
        run_url: `https://github.com/acme/app/actions/runs/${runId}`,
        tool_version: '0.1.0',
      },
      source: { database: 'lambda credmate-rds-sql-api', migrations: 'backend/alembic.ini', revisions: 180 },
      codebaseHeads: ['20260901_1200'],
      databaseVersions: [drift ? '20260815_0900' : '20260901_1200'],
      version: {
        state: drift ? 'behind' : 'synced',
        drift,
        summary: drift ? 'behind by 2 migrations' : 'in sync at 20260901_1200',
        codebase_heads: ['20260901_1200'],
        database_versions: [drift ? '20260815_0900' : '20260901_1200'],
        pending: [],
        unknown: [],
        version_table: 'public.alembic_version',
        pending_grace_minutes: 0,
      },
      findings: [],
      error: null,
    }),
    previous_report: previous,
  };
}

async function run(): Promise<void> {
  const built = builtCli();
  if ('missing' in built) {
    console.log(`skipped: ${built.missing}`);
    return;
  }
  const s3 = await startS3Server({ buckets: [BUCKET] });
  try {
    const client = s3.client();
    const prefix = 'schema-drift/';
    const start = Date.UTC(2025, 8, 1, 3, 7);
    // The chain is sequential (each links the previous sha256); the uploads are not.
    const objects: { key: string; body: string; sha256?: string }[] = [];
    let previous: Report['previous_report'] = null;
    let last: { report: Report; key: string; sha256: string } | null = null;
    for (let day = 0; day < DAYS; day++) {
      const report = nightly(new Date(start + day * 86_400_000), String(10_000 + day), day % 40 < 3, previous);
      const key = prefix + reportKey(report);
      const json = serializeReport(report);
      const sha256 = createHash('sha256').update(json).digest('hex');
      objects.push({ key, body: json, sha256 });
      const document = reportDocument(report);
      objects.push({ key: key.replace(/\.json$/, '.md'), body: renderMarkdown(document) });
      objects.push({ key: key.replace(/\.json$/, '.html'), body: renderHtml(document) });
      previous = { key, sha256 };
      last = { report, key, sha256 };
    }
    if (last)
      objects.push({
        key: `${prefix}production/latest.json`,
        body: serializePointer(last.report, last.key, last.sha256),
      });
    const t0 = performance.now();
    await mapBounded(objects, 16, (o) =>
      client.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: o.key,
          Body: o.body,
          ChecksumAlgorithm: 'SHA256',
          ChecksumSHA256: createHash('sha256').update(o.body).digest('base64'),
          Metadata: o.sha256 ? { 'report-sha256': o.sha256 } : undefined,
        }),
      ),
    );
    console.log(
      `stored ${objects.length} objects (${DAYS} reports with Markdown and HTML) in ${Math.round(performance.now() - t0)} ms`,
    );
    const before = s3.requests.length;
    const result = await runNodeAsync(
      [built.cli, 'audit', '--s3-bucket', BUCKET, '--from', '2025-09-01', '--to', '2026-08-31', '--json'],
      process.cwd(),
      {
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1',
      },
      [0, 1],
    );
    const pack = JSON.parse(result.stdout) as { result: string; counts: { reports: number; gaps: number } };
    const requests = s3.requests.length - before;
    console.log(
      `audit of ${pack.counts.reports} reports: ${pack.result}, ${pack.counts.gaps} gaps; ` +
        `${Math.round(result.wallMs)} ms whole process (target ≤ 10000), ${requests} S3 requests (16 at a time), ` +
        `peak RSS ${result.maxRssMb.toFixed(1)} MB (target ≤ 150)`,
    );
  } finally {
    await s3.close();
  }
}

export const benchmark: Benchmark = { name: 'audit (a year of nightly reports on S3)', run };
