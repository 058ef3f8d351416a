import type { HealthStatus } from './HealthStatus.js';

/**
 * Why a {@link CheckResult}'s reported status differs from what its
 * execution found: flap suppression ({@link RegisterOptions.failAfter},
 * {@link RegisterOptions.recoverAfter}) is holding it back.
 *
 * - A pending failure: the execution failed (`observed: 'fail'`), but not yet
 *   `failAfter` times in a row (or not yet for long enough), so the check is
 *   reported `warn`, with the execution's errors and output unchanged.
 * - A pending recovery: the check had failed, this execution did not
 *   (`observed: 'pass'` or `'warn'`), but not yet `recoverAfter` times in a
 *   row, so the check is still reported `fail`.
 *
 * @example
 * ```ts
 * import type { CheckResult } from 'pulsecheck';
 *
 * const describeSuppression = (result: CheckResult): string | undefined =>
 *   result.suppressed === undefined
 *     ? undefined
 *     : `${result.name}: ${result.suppressed.observed} ${result.suppressed.streak} time(s) in a row, reported ${result.status}`;
 * ```
 */
export interface SuppressedStatus {
  /** What the execution itself found: `fail` for a pending failure, `pass` or `warn` for a pending recovery. */
  readonly observed: HealthStatus;
  /** How many executions in a row found that (a failure, or no failure), this one included. */
  readonly streak: number;
  /** How many in a row it takes (the count of `failAfter`, or `recoverAfter`); absent when only a duration applies. */
  readonly needed?: number;
  /**
   * For a pending failure: how long the check has been failing, in
   * milliseconds, from the end of the first failed execution of the streak
   * to the end of this one.
   */
  readonly forMs?: number;
  /** For a pending failure with a duration form: how long it takes (`failAfter.durationMs`). */
  readonly neededMs?: number;
}
