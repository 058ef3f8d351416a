/**
 * A `mysql2` pool as {@link MySqlHealthCheck} uses it: the callback API of
 * `mysql.createPool()` (the pool that `mysql2/promise`'s pool wraps, see
 * {@link MySqlPromisePoolLike}). The check checks a connection out with
 * `getConnection`, queries it, and gives it back with `release()`, or
 * `destroy()`s it when the query fails or hangs.
 *
 * The counts it observes are the pool's own (underscored) queues, read only
 * when present: `_allConnections`, `_freeConnections`, `_connectionQueue`.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2';
 * import type { MySqlPoolLike } from 'pulsecheck/mysql';
 *
 * const pool: MySqlPoolLike = mysql.createPool({ uri: 'mysql://root@127.0.0.1:3306/test', connectionLimit: 5 });
 * ```
 */
export interface MySqlPoolLike {
  /** Checks a connection out of the pool (a new one if none is idle and the limit allows). */
  getConnection(callback: (error: Error | null, connection: MySqlPoolConnectionLike) => void): unknown;
  /** The pool's configuration; `connectionLimit` (mysql2's default is 10, 0 means none) tells the check when the pool is exhausted. */
  readonly config?: {
    /** The most connections the pool opens. */
    readonly connectionLimit?: number;
  };
  /** Every connection the pool holds, idle or checked out. */
  readonly _allConnections?: {
    /** How many: every connection the pool holds. */
    readonly length: number;
  };
  /** The idle connections. */
  readonly _freeConnections?: {
    /** How many: the idle connections. */
    readonly length: number;
  };
  /** Callers waiting for a connection. */
  readonly _connectionQueue?: {
    /** How many: the callers waiting for a connection. */
    readonly length: number;
  };
}

/**
 * A `mysql2/promise` pool: a wrapper whose `pool` is the callback pool
 * ({@link MySqlPoolLike}); the check uses that one.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2/promise';
 * import type { MySqlPromisePoolLike } from 'pulsecheck/mysql';
 *
 * const pool: MySqlPromisePoolLike = mysql.createPool({ uri: 'mysql://root@127.0.0.1:3306/test' });
 * ```
 */
export interface MySqlPromisePoolLike {
  /** The callback pool it wraps. */
  readonly pool: MySqlPoolLike;
}

/**
 * A connection checked out of a {@link MySqlPoolLike}.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2';
 * import type { MySqlPoolConnectionLike } from 'pulsecheck/mysql';
 *
 * const pool = mysql.createPool({ uri: 'mysql://root@127.0.0.1:3306/test' });
 * pool.getConnection((error, connection: MySqlPoolConnectionLike) => {
 *   if (error === null) connection.release();
 * });
 * ```
 */
export interface MySqlPoolConnectionLike {
  /** Runs one statement; `rows` is an array of row objects for a SELECT. */
  query(sql: string, callback: (error: Error | null, rows: unknown) => void): unknown;
  /** Gives the connection back to the pool. */
  release(): void;
  /** Closes the socket at once; the pool forgets the connection. */
  destroy(): void;
  /** Subscribes to the connection's `error` event (listened to while the check holds it). */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** Unsubscribes a listener added with `on`. */
  off?(event: 'error', listener: (error: Error) => void): unknown;
}
