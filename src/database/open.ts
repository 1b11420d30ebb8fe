// Opens the SqlExecutor a DatabaseTarget names. Wiring shared by the action and the CLI.
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsClientConfig } from '../aws/credentials.js';
import type { DatabaseTarget } from '../config/config.js';
import type { SqlExecutor } from './executor.js';
import { createLambdaExecutor } from './lambda.js';
import { openPgliteExecutor } from './pglite.js';
import { openPostgresExecutor } from './postgres.js';
import { redactDatabaseUrl } from './redact.js';

/** `aws` is called only for the Lambda route, so a direct-URL run never touches AWS. */
export async function openExecutor(target: DatabaseTarget, aws: () => Promise<AwsClientConfig>): Promise<SqlExecutor> {
  switch (target.kind) {
    case 'postgres':
      return openPostgresExecutor(target.url);
    case 'pglite':
      return openPgliteExecutor(target.dir);
    case 'lambda':
      return createLambdaExecutor({
        functionName: target.functionName,
        qualifier: target.qualifier,
        payloadTemplate: target.payloadTemplate,
        rowsPath: target.rowsPath,
        client: new LambdaClient(await aws()),
      });
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
