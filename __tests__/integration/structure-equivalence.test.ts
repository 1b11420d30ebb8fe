// No false positives: the same schema built another way — independent statements in another order, on PGlite
// (PostgreSQL 18) instead of the server (15), after VACUUM/ANALYZE, or read through the Lambda — gives zero
// differences and the same fingerprint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/catalog/model.js';
import { takeSnapshot } from '../../src/catalog/snapshot.js';
import { createLambdaClient, createLambdaExecutor } from '../../src/database/lambda.js';
import { diffSnapshots } from '../../src/drift/structure.js';
import {
  type Backend,
  credentialmateOfflineSql,
  pgliteBackend,
  SUPPLEMENT,
  serverBackend,
} from '../catalog/credentialmate-schema.js';
import { setEnv } from '../support/http-server.js';
import { type LambdaShape, pgRunner, startLambdaServer } from '../support/lambda-server.js';
import { alembicUnavailable, pgServerUnavailable } from '../support/real-parts.js';

const reversed = [...SUPPLEMENT].reverse();

describe('equal schemas give zero differences', async () => {
  const reason = (await pgServerUnavailable()) ?? alembicUnavailable();
  let server: Backend;
  let reference: Snapshot;

  beforeAll(async () => {
    if (reason) return;
    server = await serverBackend('structure_eq');
    reference = await takeSnapshot(server.executor);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(reason)('on PGlite (PostgreSQL 18) built from Alembic --sql with the supplement reversed', async () => {
    const pglite = await pgliteBackend(reversed);
    try {
      const snapshot = await takeSnapshot(pglite.executor);
      expect(snapshot.server_version_num).toBeGreaterThanOrEqual(180000);
      expect(reference.server_version_num).toBeLessThan(160000);
      const diff = diffSnapshots(reference, snapshot);
      expect(diff.differences).toEqual([]);
      expect(diff.notices).toEqual([]);
      expect(snapshot.fingerprint).toBe(reference.fingerprint);
    } finally {
      await pglite.close();
    }
  });

  it.skipIf(reason)('on a second server database built from Alembic --sql in another statement order', async () => {
    // Offline SQL (one transaction) instead of online Alembic, then the independent blocks reversed.
    const other = await serverBackend('structure_eq2', []);
    try {
      // public recreated as initdb makes it (owner and privileges are compared).
      await other.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION pg_database_owner;');
      await other.exec("COMMENT ON SCHEMA public IS 'standard public schema'");
      await other.exec('GRANT USAGE ON SCHEMA public TO PUBLIC');
      await other.exec(credentialmateOfflineSql());
      for (const block of reversed) await other.exec(block);
      const diff = diffSnapshots(reference, await takeSnapshot(other.executor));
      expect(diff.differences).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it.skipIf(reason)('after VACUUM and ANALYZE', async () => {
    await server.exec('VACUUM ANALYZE');
    await server.exec('VACUUM FULL audit_log');
    const after = await takeSnapshot(server.executor);
    expect(diffSnapshots(reference, after).differences).toEqual([]);
    expect(after.fingerprint).toBe(reference.fingerprint);
  });

  it.skipIf(reason)('reports only a notice when two columns were added in the other order', async () => {
    const a = await pgliteBackend([
      ...SUPPLEMENT,
      'ALTER TABLE users ADD COLUMN a int; ALTER TABLE users ADD COLUMN b int;',
    ]);
    const b = await pgliteBackend([
      ...SUPPLEMENT,
      'ALTER TABLE users ADD COLUMN b int; ALTER TABLE users ADD COLUMN a int;',
    ]);
    try {
      const [sa, sb] = [await takeSnapshot(a.executor), await takeSnapshot(b.executor)];
      const diff = diffSnapshots(sa, sb);
      expect(diff.differences).toEqual([]);
      expect(diff.notices).toHaveLength(1);
      expect(diff.notices[0]).toMatchObject({ kind: 'table', object: 'public.users', attribute: 'column_order' });
      expect(sa.fingerprint).toBe(sb.fingerprint);
      expect(diffSnapshots(sa, sb, { columnOrder: 'difference' }).counts.cosmetic).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  describe('through the rds-sql-api Lambda stand-in', () => {
    let restoreEnv: () => void;
    let runner: ReturnType<typeof pgRunner>;
    let lambda: Awaited<ReturnType<typeof startLambdaServer>>;

    beforeAll(async () => {
      if (reason) return;
      runner = pgRunner(server.url ?? '');
      lambda = await startLambdaServer({ runSql: runner });
      restoreEnv = setEnv({ AWS_ENDPOINT_URL_LAMBDA: lambda.url, AWS_ENDPOINT_URL: undefined });
    });
    afterAll(async () => {
      restoreEnv?.();
      await lambda?.close();
      await runner?.close();
    });

    const lambdaExecutor = () =>
      createLambdaExecutor({
        functionName: 'credmate-rds-sql-api',
        client: createLambdaClient({
          region: 'us-east-1',
          credentials: { accessKeyId: 'AKIDSTRUCTURETEST001', secretAccessKey: 'not-a-real-secret' },
        }),
        retry: { sleep: async () => {}, attempts: 2 },
      });

    it.skipIf(reason).each<LambdaShape>(['array', 'api-gateway-string', 'data-api'])(
      'equals the direct snapshot when the function answers in the %s shape',
      async (shape) => {
        lambda.setShape(shape);
        lambda.invocations.length = 0;
        const direct = await takeSnapshot(server.executor);
        const viaLambda = await takeSnapshot(lambdaExecutor());
        expect(viaLambda.objects).toEqual(direct.objects);
        expect(viaLambda.fingerprint).toBe(direct.fingerprint);
        expect(viaLambda.stats.queries).toBe(lambda.invocations.length);
        expect(viaLambda.stats.queries).toBeLessThanOrEqual(12);
      },
    );

    it.skipIf(reason)('cuts responses to a small budget and still gives the same snapshot', async () => {
      lambda.setShape('array');
      lambda.invocations.length = 0;
      const budget = 4 * 1024;
      const direct = await takeSnapshot(server.executor);
      const chunked = await takeSnapshot(lambdaExecutor(), { responseBudgetBytes: budget });
      expect(chunked.fingerprint).toBe(direct.fingerprint);
      expect(chunked.objects).toEqual(direct.objects);
      expect(chunked.stats.queries).toBeGreaterThan(direct.stats.queries);
      expect(chunked.stats.largest_response_bytes).toBeLessThanOrEqual(budget);
      expect(chunked.stats.queries).toBe(lambda.invocations.length);
    });
  });
});
