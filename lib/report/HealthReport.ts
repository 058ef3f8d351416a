import type { CheckResult } from './CheckResult.js';
import type { HealthStatus } from './HealthStatus.js';

/**
 * What {@link HealthService.run} returns: the aggregated status and one
 * {@link CheckResult} per check that ran. Plain, frozen data that never
 * changes after it is returned.
 *
 * Status rules (all or nothing):
 * - `fail` (HTTP 503) when any critical check failed;
 * - `warn` (HTTP 200) when any check warned or a non-critical check failed;
 * - `pass` (HTTP 200) otherwise, including when no check was selected.
 *
 * @example
 * ```ts
 * import type { HealthReport } from 'pulsecheck';
 *
 * const failing = (report: HealthReport): string[] =>
 *   report.checks.filter((check) => check.status === 'fail').map((check) => check.name);
 * ```
 */
export interface HealthReport {
  /** The aggregated status. */
  readonly status: HealthStatus;
  /** `503` exactly when `status` is `fail`, else `200`. */
  readonly httpStatus: 200 | 503;
  /** When the run started, ISO 8601. */
  readonly startedAt: string;
  /** How long the run took, in milliseconds. */
  readonly durationMs: number;
  /** One result per selected check, in registration order. */
  readonly checks: readonly CheckResult[];
}
