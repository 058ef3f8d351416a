/**
 * What {@link MySqlHealthCheck} treats as a problem beyond a failed query.
 *
 * @example
 * ```ts
 * import type { MySqlHealthCheckOptions } from 'pulsecheck/mysql';
 *
 * const primary: MySqlHealthCheckOptions = { warnIfReadOnly: true };
 * ```
 */
export interface MySqlHealthCheckOptions {
  /**
   * Report a warning (status `warn`) when the server says it is read-only
   * (`@@read_only` is 1): set it on the check of a primary, which a failover
   * may have demoted; leave it off for a replica, which is read-only by
   * design. Either way the value is observed as `readOnly`.
   *
   * @defaultValue `false`
   */
  readonly warnIfReadOnly?: boolean;
}
