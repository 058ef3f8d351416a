import type { HealthCheckRegistry } from './HealthCheckRegistry.js';
import { optionKeys } from './optionKeys.js';

/**
 * How {@link registerHealthCheck} records a check. Every field is optional.
 *
 * @example
 * ```ts
 * import { HealthCheck, HealthCheckRegistry, registerHealthCheck, type RegisterOptions } from 'pulsecheck';
 *
 * const registry = new HealthCheckRegistry();
 * const options: RegisterOptions = {
 *   name: 'search-index',
 *   critical: false,
 *   timeoutMs: 500,
 *   tags: ['ready'],
 *   description: 'Elasticsearch cluster used for product search',
 *   registry,
 * };
 *
 * @registerHealthCheck(options)
 * class SearchHealthCheck extends HealthCheck {
 *   check(): void {}
 * }
 * ```
 */
export interface RegisterOptions {
  /**
   * The name in reports; unique within a registry.
   * @defaultValue the class name
   */
  readonly name?: string;
  /**
   * Whether a failure fails the whole report (HTTP 503). A non-critical
   * failure only makes the report `warn`.
   * @defaultValue `true`
   */
  readonly critical?: boolean;
  /**
   * How long one execution may take, in milliseconds (a positive finite
   * number, at most 2,147,483,647: about 24.8 days, the longest delay a
   * timer can hold). Past it the check is reported as `timeout` and its signal aborted.
   * @defaultValue the module's `defaultTimeoutMs`, itself {@link DEFAULT_TIMEOUT_MS} (800 ms)
   */
  readonly timeoutMs?: number;
  /**
   * Free-form labels to select checks by (`run({ tags })`). The tags `live`,
   * `ready` and `startup` place the check in the Kubernetes probes (see
   * {@link Probe}).
   * @defaultValue `[]`
   */
  readonly tags?: readonly string[];
  /**
   * What the check is for, in a sentence, for people: shown on the HTML
   * dashboard's tile, in the detailed JSON and in health+json, at detail
   * `full` only (like tags, it describes your infrastructure). Escaped like
   * every string, but not redacted: keep credentials out of it.
   * @defaultValue none
   */
  readonly description?: string;
  /**
   * How long a result may be reused instead of running the check again, in
   * milliseconds (a non-negative finite number, at most 2,147,483,647; `0`
   * turns caching off).
   * Reused results carry `cached: true` and `ageMs`.
   * @defaultValue the module's `defaultCacheTtlMs`, itself `0` (off)
   */
  readonly cacheTtlMs?: number;
  /**
   * Where to record the check.
   * @defaultValue {@link defaultRegistry}
   */
  readonly registry?: HealthCheckRegistry;
}

/** @internal Every key of {@link RegisterOptions}, checked against it by the compiler. */
// Stryker disable BooleanLiteral: only the keys of this table are read (optionKeys returns Object.keys); `true` is what the type demands, never a value used
export const REGISTER_OPTION_KEYS = optionKeys<RegisterOptions>({
  name: true,
  critical: true,
  timeoutMs: true,
  tags: true,
  description: true,
  cacheTtlMs: true,
  registry: true,
});
// Stryker restore BooleanLiteral
