/**
 * What {@link PostgresHealthCheck} needs from the application's PostgreSQL
 * client: a `query(text)` method that resolves to a result with `rows`. A
 * `pg.Pool`, a `pg.Client`, a `pg.PoolClient` and most wrappers have it, and
 * a test can hand in a two-line fake.
 *
 * An object that also has `connect()` and a numeric `totalCount` (a
 * `pg.Pool`, see {@link PgPoolLike}) is treated as a pool: the check checks a
 * client out and releases (or discards) it itself.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import type { PgQueryable } from 'pulsecheck/postgres';
 *
 * const pool: PgQueryable = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const fake: PgQueryable = { query: () => Promise.resolve({ rows: [{ '?column?': 1 }] }) };
 * ```
 */
export interface PgQueryable {
  /**
   * Runs one SQL statement.
   *
   * @param text - The statement (the check sends `SELECT 1`).
   * @returns The result; only its `rows` are read.
   */
  query(text: string): Promise<PgQueryResultLike>;
}

/**
 * The part of a query result {@link PostgresHealthCheck} reads.
 *
 * @example
 * ```ts
 * import type { PgQueryResultLike } from 'pulsecheck/postgres';
 *
 * const result: PgQueryResultLike = { rows: [{ '?column?': 1 }] };
 * ```
 */
export interface PgQueryResultLike {
  /** The rows, as objects (column name → value) or as arrays (`rowMode: 'array'`). */
  readonly rows: readonly unknown[];
}

/**
 * A `pg.Pool` as {@link PostgresHealthCheck} uses it: it checks a client out
 * with `connect()`, queries it, and gives it back with `release()`, or with
 * `release(error)` to make the pool discard it (after a failed or abandoned
 * query, when the connection's state is unknown).
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import type { PgPoolLike } from 'pulsecheck/postgres';
 *
 * const pool: PgPoolLike = new pg.Pool({ connectionTimeoutMillis: 2000 });
 * console.log(pool.totalCount);
 * ```
 */
export interface PgPoolLike extends PgQueryable {
  /** Checks a client out of the pool. */
  connect(): Promise<PgPoolClientLike>;
  /** Clients the pool holds, idle or checked out. */
  readonly totalCount: number;
  /** Clients waiting in the pool, not checked out. */
  readonly idleCount?: number;
  /** Callers waiting for a client. */
  readonly waitingCount?: number;
  /**
   * The pool's options; `max` (pg's default is 10) tells the check when the
   * pool is exhausted, so that it does not queue behind the application.
   */
  readonly options?: {
    /** The most clients the pool opens at once. */
    readonly max?: number;
  };
}

/**
 * A client checked out of a {@link PgPoolLike}.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import type { PgPoolClientLike } from 'pulsecheck/postgres';
 *
 * const pool = new pg.Pool();
 * const client: PgPoolClientLike = await pool.connect();
 * client.release();
 * ```
 */
export interface PgPoolClientLike extends PgQueryable {
  /**
   * Gives the client back to the pool.
   *
   * @param error - When given (an `Error`, or `true`), the pool closes the
   *   client instead of keeping it; `pg` destroys the socket of a client whose
   *   query is still running.
   */
  release(error?: Error | boolean): void;
  /**
   * Subscribes to the client's `error` event (pg's clients are event
   * emitters). While the check holds a client it listens, so that a
   * connection cut at that moment fails the check instead of becoming an
   * uncaught `error` event that would crash the process.
   */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** Unsubscribes a listener added with `on` (when the client goes back to the pool). */
  off?(event: 'error', listener: (error: Error) => void): unknown;
}
