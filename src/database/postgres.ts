// TLS follows the URL's `sslmode` with libpq's meaning, the one the same URL has for psql and for Alembic
// (psycopg2): `disable` plain; `prefer` and `require` encrypted without checking the certificate; `verify-ca`
// checks the chain (needs `sslrootcert=<file>`); `verify-full` checks chain and host name against Node's CAs or
// `sslrootcert`. pg 8.23 on its own treats prefer/require/verify-ca as verify-full (and warns), which rejects the
// certificates RDS serves unless its CA bundle is given; we opt into pg's `uselibpqcompat` instead.
// Two differences from libpq remain: `prefer` never falls back to plain text, and no `sslmode` means plain text
// (libpq would try TLS first).
import pg from 'pg';
import type { SqlExecutor } from './executor.js';
import { ambiguousUrlPassword, databaseUrlSecrets, maskableByValue, redactDatabaseUrl, redactText } from './redact.js';

export interface PostgresOptions {
  /** Server-side limit per query, in ms (0 = none). Default 30000. */
  statementTimeoutMs?: number;
  /** How long a query may wait for a lock, in ms (0 = none). Default 5000. */
  lockTimeoutMs?: number;
  /** How long to wait for the connection and authentication, in ms. Default 10000. */
  connectTimeoutMs?: number;
}

/** Connects through `pg`; every query runs in a READ ONLY transaction with statement_timeout and lock_timeout. */
export async function openPostgresExecutor(url: string, options: PostgresOptions = {}): Promise<SqlExecutor> {
  const shown = redactDatabaseUrl(url);
  // A password that is an ordinary word is not removed by value: `postgres` would hide the user and database names.
  const secrets = databaseUrlSecrets(url).filter(maskableByValue);
  // Driver and DNS errors may quote the URL or part of it; the server's may quote a conninfo string.
  const scrub = (error: unknown): string => redactText(messageOf(error), secrets);
  const connectFailure = (cause: unknown): Error =>
    new Error(`Could not connect to PostgreSQL at ${shown}: ${scrub(cause)}`);

  const statementTimeoutMs = timeout('statementTimeoutMs', options.statementTimeoutMs, 30_000);
  const lockTimeoutMs = timeout('lockTimeoutMs', options.lockTimeoutMs, 5_000);
  const connectTimeoutMs = timeout('connectTimeoutMs', options.connectTimeoutMs, 10_000);
  if (!/^postgres(?:ql)?:\/\//i.test(url)) {
    throw connectFailure('expected a postgres:// or postgresql:// URL');
  }
  // Refused before any lookup: pg would send the rest of such a password to DNS as a host name.
  const ambiguous = ambiguousUrlPassword(url);
  if (ambiguous) throw connectFailure(`the URL cannot be read safely: ${ambiguous}`);

  let client: pg.Client;
  try {
    client = new pg.Client({
      connectionString: withLibpqSslSemantics(url),
      connectionTimeoutMillis: connectTimeoutMs || undefined,
      // A client-side backstop for a connection that goes silent, where the server's statement_timeout cannot help.
      query_timeout: statementTimeoutMs ? statementTimeoutMs + 5_000 : undefined,
      keepAlive: true,
      application_name: 'schema-drift',
    });
  } catch (error) {
    throw connectFailure(error);
  }
  // Without a listener, a connection dropped between queries would be an uncaught 'error' and end the process.
  let lost: unknown;
  client.on('error', (error) => {
    lost = error;
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectFailure(error);
  }

  // The trailing SELECT takes the transaction's snapshot, after which `SET TRANSACTION READ WRITE` is refused.
  const begin = `BEGIN READ ONLY; SET LOCAL statement_timeout = ${statementTimeoutMs}; SET LOCAL lock_timeout = ${lockTimeoutMs}; SELECT 1`;
  let closed = false;
  // One transaction at a time on the one connection: interleaved BEGINs would run a query outside READ ONLY.
  let queue: Promise<unknown> = Promise.resolve();

  const run = async <Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> => {
    if (closed) throw new Error(`Query failed on ${shown}: the executor is closed`);
    if (lost !== undefined) throw new Error(`Query failed on ${shown}: connection lost: ${scrub(lost)}`);
    try {
      await client.query(begin);
      // The extended protocol takes one statement, so `COMMIT; CREATE ...` cannot step out of the transaction.
      const result = await client.query({
        text: sql,
        values: params === undefined ? [] : [...params],
        queryMode: 'extended',
      } as pg.QueryConfig);
      return result.rows as Row[];
    } catch (error) {
      if (messageOf(error) === 'Query read timeout') {
        // The connection went silent: a ROLLBACK would queue behind the lost query forever.
        lost = error;
        void client.end().catch(() => {});
      }
      throw new Error(`Query failed on ${shown}: ${scrub(lost ?? error)}`);
    } finally {
      if (lost === undefined) {
        await client.query('ROLLBACK').catch((error: unknown) => {
          lost ??= error;
        });
      }
    }
  };

  return {
    query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      const next = queue.then(() => run<Row>(sql, params));
      queue = next.catch(() => {});
      return next;
    },
    describe: () => shown,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await queue;
      // end() waits for the server's goodbye, which a dead peer never sends.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        client.end().catch(() => {}),
        new Promise<void>((done) => {
          timer = setTimeout(done, 2_000);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

function withLibpqSslSemantics(url: string): string {
  const hash = url.indexOf('#');
  const head = hash < 0 ? url : url.slice(0, hash);
  const tail = hash < 0 ? '' : url.slice(hash);
  if (!/[?&]sslmode=/.test(head) || /[?&]uselibpqcompat=/.test(head)) return url;
  return `${head}${head.includes('?') ? '&' : '?'}uselibpqcompat=true${tail}`;
}

function timeout(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `Invalid PostgreSQL option ${name}: ${String(value)} (expected a whole number of milliseconds >= 0)`,
    );
  }
  return value;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node reports a refused `localhost` (tried over IPv6 and IPv4) as an AggregateError with an empty message.
  if (error.message === '' && error instanceof AggregateError) {
    return error.errors.map(messageOf).join('; ') || 'connection failed';
  }
  const code = (error as { code?: unknown }).code;
  return error.message || (typeof code === 'string' ? code : error.name);
}
