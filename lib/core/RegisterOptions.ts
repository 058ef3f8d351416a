import type { FailAfter } from './FailAfter.js';
import type { HealthCheckRegistry } from './HealthCheckRegistry.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { FAIL_AFTER_RULE } from './FlapRule.js';

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
   * @defaultValue the module's `defaultTimeoutMs`, itself {@link DEFAULT_TIMEOUT_MS} (700 ms)
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
   * Flap suppression: how many consecutive failed executions (a number, or
   * `{ count }`), or how long in error (`{ durationMs }`), or both, before
   * the check counts as failed; see {@link FailAfter}. Until then a failed
   * execution is reported `warn` (never a 503 on its own), with its errors
   * and output kept and {@link CheckResult.suppressed} saying how far along
   * it is; status-change and result listeners see that `warn` too. One
   * execution is one observation: a result reused from the cache, the
   * background schedule or a shared (single-flight) execution does not
   * count again. Timeouts and thrown values are failures; warnings are not.
   * @defaultValue the module's `defaultFailAfter`, itself `1` (no suppression)
   */
  readonly failAfter?: FailAfter;
  /**
   * Flap suppression: how many consecutive executions without failure
   * (`pass` or `warn`) before a check that counts as failed counts as
   * passing again (a positive integer). Until then it is still reported
   * `fail`, with a first error `unavailable: recovering: n of m ...`.
   * @defaultValue the module's `defaultRecoverAfter`, itself `1`
   */
  readonly recoverAfter?: number;
  /**
   * In background mode ({@link HealthService.start}), the time between the
   * end of one execution of this check and the start of its next, in
   * milliseconds (positive, at most 2,147,483,647): a slow external API
   * every 60 s, the database every 5 s. Its results are judged stale by its
   * own interval (see {@link BackgroundOptions.staleAfterMs}). Ignored
   * outside background mode.
   * @defaultValue the `intervalMs` given to {@link HealthService.start}
   */
  readonly intervalMs?: number;
  /**
   * In background mode, how long after {@link HealthService.start} the
   * check first runs, in milliseconds (non-negative, at most
   * 2,147,483,647). Until then `run()` reports it `warn` with
   * `warning: pending: ...` (HTTP 200, nothing executed), so staggered
   * checks never fail a probe while they wait; give a critical readiness
   * check no delay if readiness must wait for it.
   * @defaultValue `0` (runs at start)
   */
  readonly initialDelayMs?: number;
  /**
   * The names of the checks this one depends on (root causes). When one of
   * them fails, this check is reported as failed with
   * `unavailable: blocked by <name>` instead of its own outcome: it is not
   * started when the dependency's failure is already known (a cached or
   * background result, say), and otherwise it runs concurrently and its
   * signal is aborted the moment the dependency fails. A dependency that
   * only warns does not block. Unknown names and cycles are refused when the
   * {@link HealthService} is built. See the writing-checks guide.
   * @defaultValue `[]`
   */
  readonly dependsOn?: readonly string[];
  /**
   * The endpoints of the service that a failure of this check affects, as
   * URI templates (RFC 6570: `/orders/{id}`, or absolute URIs): the
   * `affectedEndpoints` of `application/health+json`, written in the
   * entries of the check while it does not pass, and carried on each
   * {@link CheckResult} as `affectedEndpoints`. At most 100 templates of at
   * most 2,048 characters, without white space.
   * @defaultValue none
   */
  readonly affectedEndpoints?: readonly string[];
  /**
   * Where to record the check.
   * @defaultValue {@link defaultRegistry}
   */
  readonly registry?: HealthCheckRegistry;
}

/** @internal The most `affectedEndpoints` a check may list: 100. */
export const AFFECTED_ENDPOINTS_MAX_ITEMS = 100;
/** @internal The longest entry of `affectedEndpoints`: 2,048 characters. */
export const AFFECTED_ENDPOINT_MAX_LENGTH = 2_048;

/**
 * @internal The schema of a check's options, shared by
 * {@link registerHealthCheck} (with `registry`) and
 * {@link HealthCheckRegistry.add} (with `target`): every key of
 * {@link RegisterOptions} but `registry`, its rule and its default.
 */
export const CHECK_OPTION_SCHEMA = {
  name: optionRules.nonEmptyString,
  critical: optionRules.withDefault(optionRules.boolean, true),
  timeoutMs: optionRules.positiveMs,
  tags: optionRules.nonEmptyStrings,
  description: optionRules.string,
  cacheTtlMs: optionRules.nonNegativeMs,
  failAfter: FAIL_AFTER_RULE,
  recoverAfter: optionRules.count,
  intervalMs: optionRules.positiveMs,
  initialDelayMs: optionRules.nonNegativeMs,
  dependsOn: optionRules.nonEmptyStrings,
  affectedEndpoints: optionRules.uriTemplates(AFFECTED_ENDPOINTS_MAX_ITEMS, AFFECTED_ENDPOINT_MAX_LENGTH),
} as const satisfies OptionSchema<Omit<RegisterOptions, 'registry'>>;
