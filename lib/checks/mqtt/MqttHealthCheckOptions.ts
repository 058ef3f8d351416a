/**
 * Where {@link MqttHealthCheck} publishes its probe.
 *
 * @example
 * ```ts
 * import type { MqttHealthCheckOptions } from 'pulsecheck/mqtt';
 *
 * const options: MqttHealthCheckOptions = { topic: 'health/orders-service' };
 * ```
 */
export interface MqttHealthCheckOptions {
  /**
   * The topic of the probe message (published at QoS 1, not retained, with
   * an empty-ish payload): a topic nothing subscribes to, that the client's
   * ACL allows it to publish to. No wildcards (`+`, `#`).
   *
   * @defaultValue `pulsecheck/health/<clientId>`
   */
  readonly topic?: string;
}
