import { optionKeys } from './optionKeys.js';

/**
 * Settings of a {@link HealthService} that apply to every check unless the
 * check's own {@link RegisterOptions} say otherwise. Given to
 * {@link healthModule}, or to the `HealthService` constructor directly.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { healthModule, type HealthServiceOptions } from 'pulsecheck';
 *
 * const options: HealthServiceOptions = { defaultTimeoutMs: 500, defaultCacheTtlMs: 2_000 };
 * new Container().load(healthModule(options));
 * ```
 */
export interface HealthServiceOptions {
  /**
   * Timeout of a check that sets none, in milliseconds (positive, and
   * at most 2,147,483,647: about 24.8 days, the longest delay a timer can hold).
   * @defaultValue {@link DEFAULT_TIMEOUT_MS} (800 ms: a run fits inside a
   * Kubernetes probe's default 1 s `timeoutSeconds`)
   */
  readonly defaultTimeoutMs?: number;
  /**
   * Cache TTL of a check that sets none, in milliseconds; `0` is off
   * (at most 2,147,483,647, like every millisecond option).
   * @defaultValue `0`
   */
  readonly defaultCacheTtlMs?: number;
  /**
   * Whether concurrent runs share the execution of a check that is already
   * in flight, instead of querying the dependency once per caller. A caller
   * can still ask for its own execution with `run({ fresh: true })`. A
   * boolean (anything else is refused with a TypeError).
   * @defaultValue `true`
   */
  readonly singleFlight?: boolean;
  /**
   * Whether a startup report that passed is kept and answered from
   * afterwards (Kubernetes stops calling the startup probe once it passes).
   * A boolean (anything else is refused with a TypeError).
   * @defaultValue `true`
   */
  readonly latchStartup?: boolean;
}

/**
 * The timeout of a check that sets none and runs under a module that sets
 * no `defaultTimeoutMs`: 800 ms, so a whole run answers within a Kubernetes
 * probe's default 1 s timeout, with room for the HTTP round trip.
 *
 * @example
 * ```ts
 * import { DEFAULT_TIMEOUT_MS } from 'pulsecheck';
 *
 * console.log(DEFAULT_TIMEOUT_MS); // 800
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 800;

/** @internal Every key of {@link HealthServiceOptions}, checked against it by the compiler. */
// Stryker disable next-line BooleanLiteral: only the keys of this table are read (optionKeys returns Object.keys); `true` is what the type demands, never a value used
export const SERVICE_OPTION_KEYS = optionKeys<HealthServiceOptions>({ defaultTimeoutMs: true, defaultCacheTtlMs: true, singleFlight: true, latchStartup: true });
