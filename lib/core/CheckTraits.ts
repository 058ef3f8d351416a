import type { ComponentType } from '../report/ComponentType.js';

/**
 * What a check class declares about itself, for the tools that reason about
 * it without running it: `verify-probes` (a check of an external dependency
 * belongs on readiness, never on liveness) and the `componentType` of
 * `application/health+json`. Bundled checks declare theirs; a user's check
 * may declare its own with a static `traits` field. A subclass inherits its
 * parent's traits (static fields are inherited), so `class Cache extends
 * RedisHealthCheck {}` is still a datastore. The `componentType` is read
 * once, when the class is registered (or first run, if no registry holds
 * it), and carried by each of its results as {@link CheckResult.componentType}.
 *
 * @example
 * ```ts
 * import { HealthCheck, type CheckTraits } from 'pulsecheck';
 *
 * class PaymentsGatewayHealthCheck extends HealthCheck {
 *   static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };
 *   async check(): Promise<void> {}
 * }
 * ```
 */
export interface CheckTraits {
  /**
   * The health+json `componentType`: `datastore` for databases and caches,
   * `system` for checks of the process or host, `component` otherwise.
   *
   * @default 'component'
   */
  readonly componentType?: ComponentType;
  /**
   * Whether the check reaches a dependency outside the process (a database,
   * a broker, another service): such a check belongs on readiness, not on
   * liveness (a dependency outage would restart every pod).
   *
   * @default false
   */
  readonly externalDependency?: boolean;
}
