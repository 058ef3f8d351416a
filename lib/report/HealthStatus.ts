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
export type HealthStatus = 'pass' | 'warn' | 'fail';
