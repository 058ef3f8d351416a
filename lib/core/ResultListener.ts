import type { CheckResult } from '../report/CheckResult.js';

/**
 * Called by {@link HealthService.onResult} after every execution of a check
 * (each probe, each background round, each `fresh` run), whatever its
 * status; not for results reused from the cache or from background mode,
 * which were not executed again. Use it to feed metrics, such as a
 * histogram of check durations.
 *
 * A listener that throws does not disturb the run; its error is emitted as
 * a process warning.
 *
 * @example
 * ```ts
 * import type { ResultListener } from 'pulsecheck';
 *
 * const durations: number[] = [];
 * const record: ResultListener = (check) => {
 *   durations.push(check.durationMs);
 * };
 * ```
 */
export type ResultListener = (check: CheckResult) => void;
