/**
 * What {@link NatsHealthCheck} checks beyond the connection's round trip.
 *
 * @example
 * ```ts
 * import type { NatsHealthCheckOptions } from 'pulsecheck/nats';
 *
 * const options: NatsHealthCheckOptions = { jetStream: true, jetStreamTimeoutMs: 1000 };
 * ```
 */
export interface NatsHealthCheckOptions {
  /**
   * Also check that JetStream answers (its API's account info request).
   *
   * @defaultValue `false`
   */
  readonly jetStream?: boolean;
  /**
   * The JetStream request's own timeout, in ms: the client holds a timer for
   * it, which ends it even when the check has already timed out. Keep it
   * close to the check's timeout.
   *
   * @defaultValue `1000`
   */
  readonly jetStreamTimeoutMs?: number;
}
