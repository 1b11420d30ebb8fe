/** Runs read-only SQL somewhere: a direct connection, the rds-sql-api Lambda, or embedded PGlite. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** For reports and logs; never contains a password or token. */
  describe(): string;
  close(): Promise<void>;
}
