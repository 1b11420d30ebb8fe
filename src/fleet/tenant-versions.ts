// The version tables of many tenant schemas read in a few queries: UNION ALL over chunks of schemas, each row tagged
// with its schema's position in the chunk. The rows are judged as readVersionTable judges them (NULL, empty, padded
// → invalid, never dropped), so a tenant's verdict is the one its own query would have given.
import type { SqlExecutor } from '../database/executor.js';
import { checkRows } from '../database/row-shape.js';
import { quoteIdent, rowProblem, type VersionTableRead } from '../database/version-table.js';
import { errorMessage } from '../shared/error-message.js';
import type { DiscoveredSchema } from './discover.js';

/** Schemas per query: a few hundred keeps the SQL text (and a Lambda's payload) small. */
export const VERSION_CHUNK = 200;

/** Each schema's read, or the Error that made its chunk unreadable. */
export type TenantVersions = Map<string, VersionTableRead | Error>;

export async function readTenantVersions(
  executor: SqlExecutor,
  schemas: readonly DiscoveredSchema[],
  table: string,
  chunkSize = VERSION_CHUNK,
): Promise<TenantVersions> {
  const result: TenantVersions = new Map();
  const withTable: DiscoveredSchema[] = [];
  for (const s of schemas) {
    // Discovery found no version table: uninitialized, as readVersionTable says for a missing table.
    if (s.versionTable === null) {
      result.set(s.schema, {
        exists: false,
        versions: [],
        invalid: [],
        qualifiedName: `${quoteIdent(s.schema)}.${quoteIdent(table)}`,
      });
    } else withTable.push(s);
  }
  for (let start = 0; start < withTable.length; start += chunkSize) {
    const chunk = withTable.slice(start, start + chunkSize);
    try {
      const read = await readChunk(executor, chunk, table);
      for (const [schema, value] of read) result.set(schema, value);
    } catch (error) {
      const failure = new Error(
        `Could not read the version tables of ${chunk.length} tenant schema(s) (${chunk[0]?.schema}…${chunk.at(-1)?.schema}): ${errorMessage(error)}`,
      );
      for (const s of chunk) result.set(s.schema, failure);
    }
  }
  return result;
}

async function readChunk(
  executor: SqlExecutor,
  chunk: readonly DiscoveredSchema[],
  table: string,
): Promise<Map<string, VersionTableRead>> {
  // Identifiers cannot be bound; quoteIdent on catalog names (no NUL) cannot be escaped from. The tag is a number.
  const sql = chunk
    .map(
      (s, i) => `select ${i} as i, version_num::text as version_num from ${quoteIdent(s.schema)}.${quoteIdent(table)}`,
    )
    .join('\nunion all\n');
  const rows = checkRows<{ i: unknown; version_num: unknown }>(
    await executor.query(sql),
    { i: 'integer', version_num: 'text?' },
    'the version tables answered',
  );
  const reads = chunk.map(
    (s): VersionTableRead => ({ exists: true, versions: [], invalid: [], qualifiedName: s.versionTable as string }),
  );
  for (const row of rows) {
    const index = Number(row.i);
    const read = reads[index];
    if (!Number.isInteger(index) || read === undefined) {
      throw new Error(`a row is tagged ${JSON.stringify(row.i)}, not one of the ${chunk.length} schemas asked for`);
    }
    const problem = rowProblem(row);
    if (problem === null) read.versions.push(row.version_num as string);
    else read.invalid.push(problem);
  }
  for (const read of reads) read.versions.sort();
  return new Map(chunk.map((s, i) => [s.schema, reads[i] as VersionTableRead]));
}
