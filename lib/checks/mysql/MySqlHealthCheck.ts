import { inject, injectable, unmanaged } from 'inversify';
import type { CheckContext } from '../../core/CheckContext.js';
import type { CheckTraits } from '../../core/CheckTraits.js';
import { describeThrown } from '../../core/describeThrown.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionRules } from '../../options/optionRules.js';
import { validateOptions } from '../../options/validateOptions.js';
import { ServiceReturnedUnexpectedResult } from '../../errors/ServiceReturnedUnexpectedResult.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { ServiceWarning } from '../../errors/ServiceWarning.js';
import { describeKind } from '../shared/describeKind.js';
import { describePoolExhaustion } from '../shared/describePoolExhaustion.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { noop } from '../shared/noop.js';
import { untilAborted } from '../shared/untilAborted.js';
import type { MySqlHealthCheckOptions } from './MySqlHealthCheckOptions.js';
import type { MySqlPoolConnectionLike, MySqlPoolLike, MySqlPromisePoolLike } from './MySqlPoolLike.js';
import { MYSQL_POOL } from './tokens.js';

const probe = 'SELECT 1 AS ok, @@read_only AS read_only';
/** The schema of {@link MySqlHealthCheckOptions}. */
const MYSQL_HEALTH_CHECK_SCHEMA = { warnIfReadOnly: optionRules.withDefault(optionRules.boolean, false) } as const satisfies OptionSchema<MySqlHealthCheckOptions>;

/**
 * Checks a MySQL or MariaDB server through the application's own `mysql2`
 * pool (`mysql.createPool()` or `mysql2/promise`'s `createPool()`; the check
 * tells them apart by shape), injected under {@link MYSQL_POOL}: it checks a
 * connection out (observing `acquireMs` and the pool's `poolTotal`,
 * `poolIdle` and `poolWaiting` counts), runs `SELECT 1 AS ok, @@read_only`,
 * expects `ok` to be 1, observes the round trip as `latencyMs` (ms) and the
 * server's `readOnly` flag (a boolean; `@@read_only` means the same on MySQL
 * and MariaDB), and gives the connection back.
 *
 * A connection whose query fails or is still running when the check's signal
 * aborts is `destroy()`ed, never returned to the pool: a hung server never
 * leaves a connection checked out, nor hands the application one in an
 * unknown state. A checkout that completes after the abort is given straight
 * back. A pool still opening a *new* connection to a hung server is the
 * pool's business: its `connectTimeout` (mysql2's default is 10 s) ends it.
 *
 * When the pool is exhausted (all `connectionLimit` connections open and
 * none idle beyond those promised to waiters), the check does not queue
 * behind the application: it reports `warning: MySQL connection pool
 * exhausted: 10 of 10 connections in use, 3 waiting; the database was not
 * probed, so as not to queue behind the application` (status `warn`), as
 * `PostgresHealthCheck` does.
 *
 * A read-only server is healthy (a replica is read-only by design), unless
 * the check is given `{ warnIfReadOnly: true }`: then it reports `warning:
 * MySQL server is read-only (@@read_only = 1)`.
 *
 * Failures: `unavailable: MySQL connection failed: <reason>` (the pool could
 * not connect: refused, bad credentials), `unavailable: MySQL query failed:
 * <reason>`, and `unexpected result` when `ok` is not 1. The reason is the
 * driver's message with its error code for server errors (`Access denied
 * for user 'app'@'localhost' (using password: YES) (ER_ACCESS_DENIED_ERROR)`);
 * connection URIs never appear in it.
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass. To check a second server, give the subclass its own constructor
 * and token.
 *
 * @example
 * ```ts
 * import { Container, inject } from 'inversify';
 * import mysql from 'mysql2/promise';
 * import { HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 * import { MYSQL_POOL, MySqlHealthCheck, type MySqlPromisePoolLike } from 'pulsecheck/mysql';
 *
 * @registerHealthCheck({ name: 'MySqlHealthCheck', timeoutMs: 500, tags: ['ready'] })
 * class PrimaryHealthCheck extends MySqlHealthCheck {
 *   constructor(@inject(MYSQL_POOL) pool: MySqlPromisePoolLike) {
 *     super(pool, { warnIfReadOnly: true });
 *   }
 * }
 *
 * const container = new Container();
 * container.bind(MYSQL_POOL).toConstantValue(mysql.createPool({ uri: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test', connectTimeout: 2000 }));
 * container.load(healthModule());
 * const report = await container.get(HealthService).run();
 * console.log(container.get(PrimaryHealthCheck) instanceof MySqlHealthCheck, report.status);
 * ```
 */
@injectable()
export class MySqlHealthCheck extends HealthCheck {
  /** A `datastore`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'datastore', externalDependency: true };

  readonly #pool: MySqlPoolLike;
  readonly #warnIfReadOnly: boolean;

  /**
   * @param pool - The application's `mysql2` pool, callback or promise API;
   *   the check never ends it.
   * @param options - See {@link MySqlHealthCheckOptions}.
   * @throws TypeError when `pool` is not a mysql2 pool (no `getConnection`,
   *   and no `pool` that has one), or `options` is not an object of known keys.
   */
  constructor(@inject(MYSQL_POOL) pool: MySqlPoolLike | MySqlPromisePoolLike, @unmanaged() options?: MySqlHealthCheckOptions) {
    super();
    const owner = new.target.name;
    const core = corePool(pool);
    if (core === undefined) {
      throw new TypeError(`${owner}: expected a mysql2 pool (mysql.createPool() or mysql2/promise's createPool(), bound under MYSQL_POOL), got ${describeKind(pool)}`);
    }
    const valid = validateOptions(MYSQL_HEALTH_CHECK_SCHEMA, options, owner);
    this.#pool = core;
    this.#warnIfReadOnly = valid.warnIfReadOnly ?? MYSQL_HEALTH_CHECK_SCHEMA.warnIfReadOnly.defaultValue;
  }

  /**
   * Runs the probe once; see the class description.
   *
   * @param context - The check's signal and recorders.
   * @throws ServiceUnavailable when the server cannot be reached or the query fails.
   * @throws ServiceWarning when the pool is exhausted, or the server is read-only and `warnIfReadOnly` is set.
   * @throws ServiceReturnedUnexpectedResult when `ok` is not 1.
   */
  async check(context: CheckContext): Promise<void> {
    const pool = this.#pool;
    const { signal } = context;
    observePool(pool, context);
    const exhausted = describeExhaustion(pool);
    if (exhausted !== undefined) throw new ServiceWarning(exhausted);

    const acquireStarted = performance.now();
    const acquiring = new Promise<MySqlPoolConnectionLike>((resolve, reject) => {
      pool.getConnection((error, connection) => {
        if (error === null || error === undefined) resolve(connection);
        else reject(error);
      });
    });
    let connection: MySqlPoolConnectionLike;
    try {
      connection = await untilAborted(acquiring, signal);
    } catch (error) {
      if (signal.aborted) {
        // The checkout may still complete later: give that connection straight back.
        acquiring.then((late) => {
          quietly(() => {
            late.release();
          });
        }, noop);
      }
      throw signal.aborted ? error : new ServiceUnavailable(`MySQL connection failed: ${describeMySqlError(error)}`, { cause: error });
    }
    context.observe('acquireMs', elapsedMs(acquireStarted), 'ms');

    const onError = noop; // the pending query fails with the same error; the connection is then destroyed
    quietly(() => connection.on?.('error', onError));
    const queryStarted = performance.now();
    const querying = new Promise<unknown>((resolve, reject) => {
      connection.query(probe, (error, rows) => {
        if (error === null || error === undefined) resolve(rows);
        else reject(error);
      });
    });
    let rows: unknown;
    try {
      rows = await untilAborted(querying, signal);
    } catch (error) {
      // Failed or abandoned: the connection's state is unknown, so it must not go back to the pool.
      querying.catch(noop);
      quietly(() => {
        connection.destroy();
      });
      throw signal.aborted ? error : new ServiceUnavailable(`MySQL query failed: ${describeMySqlError(error)}`, { cause: error });
    }
    context.observe('latencyMs', elapsedMs(queryStarted), 'ms');
    quietly(() => connection.off?.('error', onError));
    quietly(() => {
      connection.release();
    });
    const readOnly = verify(rows);
    if (readOnly !== undefined) context.observe('readOnly', readOnly);
    if (readOnly === true && this.#warnIfReadOnly) throw new ServiceWarning('MySQL server is read-only (@@read_only = 1)');
  }
}

/** The callback pool: the pool itself, or the one a `mysql2/promise` pool wraps. */
function corePool(pool: unknown): MySqlPoolLike | undefined {
  if (typeof pool !== 'object' || pool === null) return undefined;
  const inner = (pool as { pool?: unknown }).pool;
  if (typeof inner === 'object' && inner !== null && typeof (inner as { getConnection?: unknown }).getConnection === 'function') return inner as MySqlPoolLike;
  if (typeof (pool as { getConnection?: unknown }).getConnection === 'function' && !('pool' in pool)) return pool as MySqlPoolLike;
  return undefined;
}

function count(queue: { readonly length: number } | undefined): number | undefined {
  return typeof queue?.length === 'number' ? queue.length : undefined;
}

function observePool(pool: MySqlPoolLike, context: CheckContext): void {
  const total = count(pool._allConnections);
  const idle = count(pool._freeConnections);
  const waiting = count(pool._connectionQueue);
  if (total !== undefined) context.observe('poolTotal', total, 'connections');
  if (idle !== undefined) context.observe('poolIdle', idle, 'connections');
  if (waiting !== undefined) context.observe('poolWaiting', waiting, 'connections');
}

/**
 * Why the pool cannot give the check a connection without queueing behind
 * the application, or `undefined` when it can (see describePoolExhaustion).
 */
function describeExhaustion(pool: MySqlPoolLike): string | undefined {
  const total = count(pool._allConnections);
  if (total === undefined) return undefined;
  return describePoolExhaustion('MySQL', 'connections', {
    max: pool.config?.connectionLimit,
    total,
    idle: count(pool._freeConnections) ?? 0,
    waiting: count(pool._connectionQueue) ?? 0,
  });
}

/** Checks the row; returns the server's read-only flag when it says. */
function verify(rows: unknown): boolean | undefined {
  if (!Array.isArray(rows)) throw new ServiceReturnedUnexpectedResult(`${probe} returned no rows array (got ${describeKind(rows)})`);
  if (rows.length !== 1) throw new ServiceReturnedUnexpectedResult(`${probe} returned ${rows.length} rows instead of 1`);
  const row: unknown = rows[0];
  const { ok, read_only: readOnly } = (typeof row === 'object' && row !== null ? row : {}) as { ok?: unknown; read_only?: unknown };
  if (!(ok === 1 || ok === '1' || ok === 1n)) throw new ServiceReturnedUnexpectedResult(`${probe} returned ok = ${describeValueShort(ok)} instead of 1`);
  if (readOnly === 1 || readOnly === '1' || readOnly === 1n || readOnly === true) return true;
  if (readOnly === 0 || readOnly === '0' || readOnly === 0n || readOnly === false) return false;
  return undefined;
}

function describeValueShort(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return describeKind(value);
}

/** The driver's reason, with the error code of a server error (`ER_…`). */
function describeMySqlError(error: unknown): string {
  if (error instanceof Error) {
    const { code, sqlState } = error as { code?: unknown; sqlState?: unknown };
    if (typeof sqlState === 'string' && typeof code === 'string' && code !== '' && !error.message.includes(code)) return describeThrown(`${error.message} (${code})`);
  }
  return describeThrown(error);
}

function quietly(action: () => unknown): void {
  try {
    action();
  } catch {
    // a misbehaving connection wrapper is not the check's failure
  }
}
