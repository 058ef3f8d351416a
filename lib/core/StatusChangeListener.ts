import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';

/**
 * Called by {@link HealthService.onStatusChange} when an execution of a check
 * ends with a status other than the previous execution's: on transitions,
 * not on every probe. The first execution of each check calls it with
 * `previous` undefined.
 *
 * A listener that throws does not disturb the run; its error is emitted as
 * a process warning.
 *
 * @example
 * ```ts
 * import type { StatusChangeListener } from 'pulsecheck';
 *
 * const log: StatusChangeListener = (check, previous, current) => {
 *   console.warn(`${check.name}: ${previous ?? 'unknown'} -> ${current} (${check.output})`);
 * };
 * ```
 */
export type StatusChangeListener = (check: CheckResult, previous: HealthStatus | undefined, current: HealthStatus) => void;
