import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';

/**
 * One check whose status changed, as a {@link Notifier} hears of it: the
 * result that changed it, and the status before (`undefined` for the first
 * execution of a check) and after.
 *
 * @example
 * ```ts
 * import type { StatusChange } from 'pulsecheck';
 *
 * const line = (change: StatusChange): string =>
 *   `${change.check.name}: ${change.previous ?? 'new'} -> ${change.current}`;
 * ```
 */
export interface StatusChange {
  /** The result that changed the status (its `blockedBy` names a root cause, if any). */
  readonly check: CheckResult;
  /** The status before, or `undefined` for the check's first execution. */
  readonly previous: HealthStatus | undefined;
  /** The status now (`check.status`). */
  readonly current: HealthStatus;
}
