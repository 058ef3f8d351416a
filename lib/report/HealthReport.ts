import type { CheckResult } from './CheckResult.js';
import type { HealthStatus } from './HealthStatus.js';
import type { ServiceInfo } from './ServiceInfo.js';

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
  /**
   * What the service says about itself (its version, release, links...):
   * the module's `serviceInfo` option, frozen, the same object in every
   * report of the service. Present only when that option was given. The
   * health+json format writes its fields at the top level, under the
   * draft's names; the detailed JSON as `service`; the HTML dashboard in its
   * header; each at detail `full` only.
   */
  readonly service?: ServiceInfo;
}
