/**
 * When a failing check counts as failed ({@link RegisterOptions.failAfter}):
 *
 * - a number `n`: after `n` consecutive failed executions (`1`, the
 *   default, is at once: no suppression);
 * - `{ count }`: the same;
 * - `{ durationMs }`: once it has been failing for at least `durationMs`
 *   milliseconds, from the end of its first failed execution to the end of
 *   a later failed one, with no passing execution in between;
 * - `{ count, durationMs }`: when both are reached (at least `count`
 *   failures in a row, spanning at least `durationMs`), so neither a burst
 *   of fast polls nor one slow poll confirms a blip.
 *
 * A count is a positive integer; a duration a non-negative finite number of
 * milliseconds (at most 2,147,483,647); an object needs at least one of them.
 * Until the failure is confirmed the check is reported `warn` with the
 * failure visible ({@link CheckResult.suppressed}).
 *
 * @example
 * ```ts
 * import type { FailAfter } from 'pulsecheck';
 *
 * const threeInARow: FailAfter = 3;
 * const halfAMinute: FailAfter = { durationMs: 30_000 };
 * const both: FailAfter = { count: 3, durationMs: 30_000 };
 * ```
 */
export type FailAfter =
  | number
  | {
      /** Consecutive failed executions it takes (a positive integer). */
      readonly count?: number;
      /** How long, in milliseconds, the check must have been failing (non-negative). */
      readonly durationMs?: number;
    };
