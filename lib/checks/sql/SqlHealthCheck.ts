import { injectable, unmanaged } from 'inversify';
import type { CheckContext } from '../../core/CheckContext.js';
import type { CheckTraits } from '../../core/CheckTraits.js';
import { describeThrown } from '../../core/describeThrown.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionRules } from '../../options/optionRules.js';
import { validateOptions } from '../../options/validateOptions.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { OneAtATime } from '../shared/OneAtATime.js';
import { untilAborted } from '../shared/untilAborted.js';
import type { SqlHealthCheckOptions } from './SqlHealthCheckOptions.js';

/** The schema of {@link SqlHealthCheckOptions}: rules and defaults. */
const SQL_HEALTH_CHECK_SCHEMA = {
  query: optionRules.required(
    optionRules.custom('a function (signal) => Promise that runs SELECT 1', (value): value is SqlHealthCheckOptions['query'] => typeof value === 'function'),
  ),
  label: optionRules.withDefault(optionRules.nonEmptyString, 'SQL'),
} as const satisfies OptionSchema<SqlHealthCheckOptions>;

/**
 * Checks a SQL database through any client the application already has
 * (Knex, TypeORM's `DataSource`, Sequelize, Drizzle, Prisma, ...), given one
 * line that runs `SELECT 1` with it: `query(signal)` is called once per
 * execution under the check's deadline, and the check is working when it
 * resolves (observing `latencyMs`). It loads no driver, so it is in the core
 * entry.
 *
 * The recipes (each one line, the client bound by the application):
 * - Knex: `query: () => knex.raw('select 1')`
 * - TypeORM: `query: () => dataSource.query('SELECT 1')`
 * - Sequelize: `query: () => sequelize.query('SELECT 1')`
 * - Drizzle: `query: () => db.execute(sql\`select 1\`)`
 * - Prisma: `query: () => prisma.$queryRaw\`SELECT 1\``
 *
 * A query abandoned at the deadline cannot be cancelled by the check (few
 * clients take a signal): later executions do not pile more on top of it,
 * they wait for it first (observing `pendingQueryMs`), and the client's own
 * timeouts (a pool's acquire and connect timeouts) end it. For PostgreSQL and
 * MySQL/MariaDB prefer `PostgresHealthCheck` and `MySqlHealthCheck`, which
 * destroy a hung connection at the deadline and observe the pool.
 *
 * Failure: `unavailable: SQL query failed: <the client's reason>` (the label
 * replaces `SQL` when given).
 *
 * @example
 * ```ts
 * import { inject } from 'inversify';
 * import { registerHealthCheck, SqlHealthCheck } from 'pulsecheck';
 *
 * interface Queryable { query(sql: string): Promise<unknown> }
 * const DATA_SOURCE = Symbol('DataSource'); // bound to a TypeORM DataSource, a Sequelize instance, ...
 *
 * @registerHealthCheck({ name: 'DatabaseHealthCheck', timeoutMs: 500, tags: ['ready'] })
 * class DatabaseHealthCheck extends SqlHealthCheck {
 *   constructor(@inject(DATA_SOURCE) dataSource: Queryable) {
 *     super({ label: 'Orders DB', query: () => dataSource.query('SELECT 1') });
 *   }
 * }
 * ```
 */
@injectable()
export class SqlHealthCheck extends HealthCheck {
  /** A `datastore`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'datastore', externalDependency: true };

  readonly #query: (signal: AbortSignal) => PromiseLike<unknown>;
  readonly #label: string;
  readonly #queries = new OneAtATime();

  /**
   * @param options - The one-line adapter and a label; see {@link SqlHealthCheckOptions}.
   * @throws TypeError when `options` is not an object of known keys, `query`
   *   is not a function, or `label` is not a non-empty string.
   */
  constructor(@unmanaged() options: SqlHealthCheckOptions) {
    super();
    const owner = new.target.name;
    const valid = validateOptions(SQL_HEALTH_CHECK_SCHEMA, options, owner);
    this.#query = valid.query;
    this.#label = valid.label ?? SQL_HEALTH_CHECK_SCHEMA.label.defaultValue;
  }

  /**
   * Runs the query once; see the class description.
   *
   * @param context - The check's signal (passed to the query) and recorders.
   * @throws ServiceUnavailable when the query rejects or throws.
   */
  async check(context: CheckContext): Promise<void> {
    const { signal } = context;
    const { promise: querying, startedAt } = await this.#queries.start<unknown>(context, 'pendingQueryMs', () => this.#query(signal));
    try {
      await untilAborted(querying, signal);
    } catch (error) {
      throw signal.aborted ? error : new ServiceUnavailable(`${this.#label} query failed: ${describeThrown(error)}`, { cause: error });
    }
    context.observe('latencyMs', elapsedMs(startedAt), 'ms');
  }
}
