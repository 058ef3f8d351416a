/**
 * The state of one check or of a whole report, in the words of the IETF
 * health check response format (`application/health+json`).
 *
 * - `pass`: working.
 * - `warn`: working, but something deserves attention (a warning, or a
 *   non-critical check that failed). Still HTTP 200.
 * - `fail`: a critical check failed. HTTP 503.
 *
 * @example
 * ```ts
 * import type { HealthStatus } from 'pulsecheck';
 *
 * const worst = (a: HealthStatus, b: HealthStatus): HealthStatus =>
 *   a === 'fail' || b === 'fail' ? 'fail' : a === 'warn' || b === 'warn' ? 'warn' : 'pass';
 * console.log(worst('pass', 'warn')); // "warn"
 * ```
 */
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/**
 * The three {@link HealthStatus} words, best first: the one list the
 * OpenAPI schemas, the OpenMetrics state sets and the OpenTelemetry gauge
 * read.
 *
 * @example
 * ```ts
 * import { HEALTH_STATUSES } from 'pulsecheck';
 *
 * console.log(HEALTH_STATUSES.join(', ')); // "pass, warn, fail"
 * ```
 */
export const HEALTH_STATUSES = Object.freeze(['pass', 'warn', 'fail'] as const);
