/**
 * How {@link SqlHealthCheck} reaches the database: one line that runs
 * `SELECT 1` through whatever client the application already has.
 *
 * @example
 * ```ts
 * import type { SqlHealthCheckOptions } from 'pulsecheck';
 *
 * declare const dataSource: { query(sql: string): Promise<unknown> }; // a TypeORM DataSource, a Sequelize instance, ...
 * const options: SqlHealthCheckOptions = { label: 'Orders DB', query: () => dataSource.query('SELECT 1') };
 * ```
 */
export interface SqlHealthCheckOptions {
  /**
   * Runs `SELECT 1` (or any cheap statement) and resolves when the database
   * answered; any resolved value is accepted. It is given the check's
   * signal, aborted at the check's deadline: pass it on where the client
   * takes one, else the check stops waiting and the query is left to the
   * client's own timeouts.
   */
  readonly query: (signal: AbortSignal) => PromiseLike<unknown>;
  /**
   * Names the database in failure messages (`unavailable: <label> query failed: …`).
   *
   * @defaultValue `'SQL'`
   */
  readonly label?: string;
}
