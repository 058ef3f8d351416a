import type { CheckContext } from './CheckContext.js';
import type { CheckTraits } from './CheckTraits.js';

/**
 * The base class of every check. A subclass implements {@link HealthCheck.check}:
 * returning (or resolving) means working; throwing a {@link HealthCheckError}
 * subclass, or calling {@link CheckContext.addError}, means not. Anything
 * else it throws is reported as `unknown error`; it never makes
 * {@link HealthService.run} reject.
 *
 * Decorate the subclass with {@link registerHealthCheck} to make it
 * injectable and record it; its dependencies come in through the constructor.
 *
 * @example
 * ```ts
 * import { inject } from 'inversify';
 * import { HealthCheck, registerHealthCheck, ServiceUnavailable, type CheckContext } from 'pulsecheck';
 *
 * interface Db { ping(options: { signal: AbortSignal }): Promise<boolean> }
 * const DB = Symbol('Db');
 *
 * @registerHealthCheck({ tags: ['ready'] })
 * export class DatabaseHealthCheck extends HealthCheck {
 *   constructor(@inject(DB) private readonly db: Db) {
 *     super();
 *   }
 *
 *   async check(context: CheckContext): Promise<void> {
 *     if (!(await this.db.ping({ signal: context.signal }))) throw new ServiceUnavailable('ping failed');
 *   }
 * }
 * ```
 */
export abstract class HealthCheck {
  /**
   * What the class declares about itself (see {@link CheckTraits}); read by
   * `verify-probes` and the health+json serializer, never by the run.
   * Undefined for a check that declares nothing.
   */
  static readonly traits: CheckTraits | undefined = undefined;

  /**
   * Probes the dependency once.
   *
   * @param context - The abort signal for this execution and the ways to
   *   record errors, warnings and observations.
   */
  abstract check(context: CheckContext): void | Promise<void>;
}
