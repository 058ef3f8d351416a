import { inject, injectable } from 'inversify';
import type { CheckContext } from '../../core/CheckContext.js';
import { describeThrown } from '../../core/describeThrown.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import { ServiceReturnedUnexpectedResult } from '../../errors/ServiceReturnedUnexpectedResult.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { ServiceWarning } from '../../errors/ServiceWarning.js';
import { attempt } from '../shared/attempt.js';
import { describeKind } from '../shared/describeKind.js';
import { describePoolExhaustion } from '../shared/describePoolExhaustion.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { noop } from '../shared/noop.js';
import { OneAtATime } from '../shared/OneAtATime.js';
import { untilAborted } from '../shared/untilAborted.js';
import type { PgPoolClientLike, PgPoolLike, PgQueryable, PgQueryResultLike } from './PgQueryable.js';
import { PG_POOL } from './tokens.js';
import type { CheckTraits } from '../../core/CheckTraits.js';

const probe = 'SELECT 1';

/**
 * Checks a PostgreSQL database through the application's own `pg.Pool` (or
 * `pg.Client`, or anything {@link PgQueryable}), injected under
 * {@link PG_POOL}: it runs `SELECT 1`, expects one row holding `1`, and
 * observes the round trip as `latencyMs` (ms).
 *
 * With a pool it checks a client out itself (observing `acquireMs` and the
 * pool's `poolTotal`, `poolIdle` and `poolWaiting` counts), gives it back
 * after the query, and discards it instead (`release(error)`, which destroys
 * the socket of a query still running) when the query fails or the check's
 * signal aborts: a hung server never leaves a client checked out. A checkout
 * that completes after the abort is given straight back. A pool still waiting
 * for a *new* connection to a hung server is the pool's business: set
 * `connectionTimeoutMillis` on it.
 *
 * When the pool is exhausted (all `max` clients open and none idle, so a
 * checkout would wait in the application's own queue), the check does not
 * call `connect()`: it reports a warning, `warning: PostgreSQL connection
 * pool exhausted: 10 of 10 clients in use, 3 waiting; the database was not
 * probed, so as not to queue behind the application` (status `warn`, HTTP
 * 200). A busy pool is not a dead database, and a 503 would take a loaded
 * instance out of service when it is needed most; but the check neither
 * steals a client nor leaves a waiter behind at its timeout, and the
 * operator sees the saturation. Without `options.max` (not a `pg.Pool`), the
 * check checks out as before.
 *
 * With a single `pg.Client` (which cannot be released), a query abandoned at
 * the timeout is left to finish or fail on its own, and later executions do
 * not pile more queries on top of it: they wait for it first (observing
 * `pendingQueryMs`). Give such a client a `query_timeout`.
 *
 * Failures: `unavailable: PostgreSQL connection failed: <reason>` (the pool
 * could not connect), `unavailable: PostgreSQL query failed: <reason>`, and
 * `unexpected result` when the answer is not one row holding `1`. The reason is
 * the driver's message, with the SQLSTATE code for server errors; connection
 * strings never appear in it.
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass. To check a second database, give the subclass its own constructor
 * and token.
 *
 * @example
 * ```ts
 * import { Container, inject } from 'inversify';
 * import pg from 'pg';
 * import { HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 * import { PG_POOL, PostgresHealthCheck, type PgQueryable } from 'pulsecheck/postgres';
 *
 * @registerHealthCheck({ name: 'DatabaseHealthCheck', timeoutMs: 500, tags: ['ready'] })
 * class DatabaseHealthCheck extends PostgresHealthCheck {}
 *
 * const REPLICA_POOL = Symbol('ReplicaPool');
 *
 * @registerHealthCheck({ name: 'ReplicaHealthCheck', critical: false })
 * class ReplicaHealthCheck extends PostgresHealthCheck {
 *   constructor(@inject(REPLICA_POOL) pool: PgQueryable) {
 *     super(pool);
 *   }
 * }
 *
 * const container = new Container();
 * container.bind(PG_POOL).toConstantValue(new pg.Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 2000 }));
 * container.bind(REPLICA_POOL).toConstantValue(new pg.Pool({ connectionString: process.env.REPLICA_URL, connectionTimeoutMillis: 2000 }));
 * container.load(healthModule());
 * const report = await container.get(HealthService).run();
 * ```
 */
@injectable()
export class PostgresHealthCheck extends HealthCheck {
  /** A `datastore`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'datastore', externalDependency: true };

  readonly #target: PgQueryable;
  readonly #queries = new OneAtATime();

  /**
   * @param pool - The application's `pg.Pool`, `pg.Client` or other
   *   {@link PgQueryable}; the check never ends or closes it.
   * @throws TypeError when `pool` has no `query` method.
   */
  constructor(@inject(PG_POOL) pool: PgQueryable) {
    super();
    if (typeof pool !== 'object' || pool === null || typeof (pool as { query?: unknown }).query !== 'function') {
      throw new TypeError(
        `${new.target.name}: expected a pg Pool, a pg Client or an object with a query(text) method (bound under PG_POOL), got ${describeKind(pool)}`,
      );
    }
    this.#target = pool;
  }

  /**
   * Runs `SELECT 1` once; see the class description.
   *
   * @param context - The check's signal and recorders.
   * @throws ServiceUnavailable when PostgreSQL cannot be reached or the query fails.
   * @throws ServiceReturnedUnexpectedResult when the answer is not one row holding `1`.
   */
  async check(context: CheckContext): Promise<void> {
    const target = this.#target;
    const result = isPool(target) ? await this.#queryThroughPool(target, context) : await this.#queryDirectly(target, context);
    verify(result);
  }

  async #queryThroughPool(pool: PgPoolLike, context: CheckContext): Promise<PgQueryResultLike> {
    const { signal } = context;
    observePool(pool, context);
    const exhausted = describeExhaustion(pool);
    if (exhausted !== undefined) throw new ServiceWarning(exhausted);
    const acquireStarted = performance.now();
    const acquiring = attempt(() => pool.connect());
    let client: PgPoolClientLike;
    try {
      client = await untilAborted(acquiring, signal);
    } catch (error) {
      if (signal.aborted) {
        // The checkout may still complete later: give that client straight back.
        acquiring.then((late) => {
          releaseQuietly(late);
        }, noop);
      }
      throw signal.aborted ? error : new ServiceUnavailable(`PostgreSQL connection failed: ${describePgError(error)}`, { cause: error });
    }
    context.observe('acquireMs', elapsedMs(acquireStarted), 'ms');
    const unguard = guardErrors(client);

    const queryStarted = performance.now();
    const querying = attempt(() => client.query(probe));
    try {
      const result = await untilAborted(querying, signal);
      context.observe('latencyMs', elapsedMs(queryStarted), 'ms');
      unguard(); // back to the pool, which listens to its idle clients itself
      releaseQuietly(client);
      return result;
    } catch (error) {
      // Failed or abandoned: the connection's state is unknown, so the pool
      // must discard it (pg destroys the socket when a query is still running).
      querying.catch(noop);
      const reason = signal.aborted ? new Error('pulsecheck: the health check timed out; discarding the connection') : asError(error);
      releaseQuietly(client, reason);
      throw signal.aborted ? error : new ServiceUnavailable(`PostgreSQL query failed: ${describePgError(error)}`, { cause: error });
    }
  }

  async #queryDirectly(target: PgQueryable, context: CheckContext): Promise<PgQueryResultLike> {
    const { signal } = context;
    const { promise: querying, startedAt } = await this.#queries.start(context, 'pendingQueryMs', () => target.query(probe));
    try {
      const result = await untilAborted(querying, signal);
      context.observe('latencyMs', elapsedMs(startedAt), 'ms');
      return result;
    } catch (error) {
      throw signal.aborted ? error : new ServiceUnavailable(`PostgreSQL query failed: ${describePgError(error)}`, { cause: error });
    }
  }
}

function isPool(target: PgQueryable): target is PgPoolLike {
  const candidate = target as Partial<PgPoolLike>;
  return typeof candidate.connect === 'function' && typeof candidate.totalCount === 'number';
}

/**
 * Why the pool cannot give the check a client without queueing behind the
 * application, or `undefined` when it can: every client allowed (`max`) is
 * open and none is idle beyond those already promised to waiters. A
 * `connect()` then would add a waiter to the application's queue that a
 * timed-out check cannot take back (pg removes waiters only on its own
 * `connectionTimeoutMillis`), so the check does not call it.
 */
function describeExhaustion(pool: PgPoolLike): string | undefined {
  return describePoolExhaustion('PostgreSQL', 'clients', {
    max: pool.options?.max,
    total: pool.totalCount,
    idle: typeof pool.idleCount === 'number' ? pool.idleCount : 0,
    waiting: typeof pool.waitingCount === 'number' ? pool.waitingCount : 0,
  });
}

function observePool(pool: PgPoolLike, context: CheckContext): void {
  context.observe('poolTotal', pool.totalCount, 'clients');
  if (typeof pool.idleCount === 'number') context.observe('poolIdle', pool.idleCount, 'clients');
  if (typeof pool.waitingCount === 'number') context.observe('poolWaiting', pool.waitingCount, 'clients');
}

/**
 * Listens to `error` on a checked-out client until the returned function is
 * called: a connection cut while the check holds the client would otherwise
 * be an `error` event with no listener (pg's pool listens only to idle
 * clients), which Node turns into an uncaught exception. A discarded client
 * keeps the listener; it is never used again.
 */
function guardErrors(client: PgPoolClientLike): () => void {
  const listener = (): void => {
    // the pending query rejects with the same error, or the client is discarded
  };
  try {
    client.on?.('error', listener);
  } catch {
    return noop;
  }
  return () => {
    try {
      client.off?.('error', listener);
    } catch {
      // a client that cannot unsubscribe keeps a listener that does nothing
    }
  };
}

function releaseQuietly(client: PgPoolClientLike, error?: Error): void {
  try {
    if (error === undefined) client.release();
    else client.release(error);
  } catch {
    // a client released twice (by a misbehaving wrapper) is not the check's failure
  }
}

function verify(result: PgQueryResultLike): void {
  const rows = typeof result === 'object' && result !== null ? (result as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(rows)) {
    throw new ServiceReturnedUnexpectedResult(`${probe} returned a result without a rows array (got ${describeKind(result)})`);
  }
  if (rows.length !== 1) throw new ServiceReturnedUnexpectedResult(`${probe} returned ${rows.length} rows instead of 1`);
  const row: unknown = rows[0];
  const values: unknown[] = Array.isArray(row) ? row : typeof row === 'object' && row !== null ? Object.values(row) : [row];
  const value = values[0];
  if (values.length !== 1 || !(value === 1 || value === '1' || value === 1n)) {
    throw new ServiceReturnedUnexpectedResult(`${probe} returned ${describeRow(row)} instead of 1`);
  }
}

/**
 * The driver's reason: for a server error (a `DatabaseError`, whose `name`
 * is the unhelpful `"error"`), its message and SQLSTATE code.
 */
function describePgError(error: unknown): string {
  if (error instanceof Error) {
    const { code, severity } = error as { code?: unknown; severity?: unknown };
    if (typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return describeThrown(`${error.message} (SQLSTATE ${code})`);
    }
  }
  return describeThrown(error);
}

function describeRow(row: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  } catch {
    json = undefined;
  }
  if (json === undefined) return describeKind(row);
  return json.length > 120 ? `${json.slice(0, 119)}…` : json;
}


function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(describeThrown(error));
}
