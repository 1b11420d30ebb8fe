// Opens the SqlExecutor a DatabaseTarget names. Wiring shared by the action and the CLI.
import type { AwsClientConfig } from '../aws/credentials.js';
import type { AwsTimeouts } from '../aws/timeouts.js';
import type { DatabaseTarget } from '../config/config.js';
import type { SqlExecutor } from './executor.js';
import { openPostgresExecutor } from './postgres.js';
import { redactDatabaseUrl } from './redact.js';

export interface ExecutorFactories {
  /** Called only for the Lambda route, so a direct-URL run never touches AWS. */
  aws: () => Promise<AwsClientConfig>;
  /** Only the CLI embeds PGlite; the action bundle stays free of its 15 MB of WebAssembly. */
  pglite?: (dir: string) => Promise<SqlExecutor>;
  /** The run's limits (input timeout-seconds) for the Lambda client and the PostgreSQL connection; else defaults. */
  timeouts?: AwsTimeouts;
}

/** Credentials failures are their own stage in the report, not a database failure. */
async function credentials(factories: ExecutorFactories): Promise<AwsClientConfig> {
  try {
    return await factories.aws();
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { stage: 'credentials' });
  }
}

export async function openExecutor(target: DatabaseTarget, factories: ExecutorFactories): Promise<SqlExecutor> {
  switch (target.kind) {
    case 'postgres':
      return openPostgresExecutor(
        target.url,
        factories.timeouts && {
          connectTimeoutMs: factories.timeouts.connectionMs,
          // 30 s at the default timeout-seconds, as documented; less in a shorter run.
          statementTimeoutMs: Math.min(30_000, 2 * factories.timeouts.requestMs),
        },
      );
    case 'pglite':
      if (!factories.pglite) throw new Error('the embedded PGlite database is available in the CLI only');
      return factories.pglite(target.dir);
    case 'lambda': {
      // Loaded for this route only: a direct-URL run (the CLI's `snapshot`) never loads the AWS SDK (~2 MB of code).
      const { createLambdaClient, createLambdaExecutor } = await import('./lambda.js');
      return createLambdaExecutor({
        functionName: target.functionName,
        qualifier: target.qualifier,
        payloadTemplate: target.payloadTemplate,
        rowsPath: target.rowsPath,
        client: createLambdaClient(await credentials(factories), {
          // A cold start plus the query: twice an AWS request's share of the run, at most the default minute.
          timeoutMs: factories.timeouts && Math.min(60_000, 2 * factories.timeouts.requestMs),
          connectionTimeoutMs: factories.timeouts?.connectionMs,
        }),
        retry: factories.timeouts && { totalTimeMs: factories.timeouts.retryTotalMs },
      });
    }
  }
}

/** How a target is shown before it is opened; never holds a password. */
export function describeTarget(target: DatabaseTarget): string {
  switch (target.kind) {
    case 'postgres':
      return redactDatabaseUrl(target.url);
    case 'pglite':
      return `pglite:${target.dir}`;
    case 'lambda':
      return `lambda:${target.functionName}${target.qualifier ? `:${target.qualifier}` : ''}`;
  }
}
