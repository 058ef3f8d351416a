/**
 * A pair of limits for one measurement of a process check: crossing `warn`
 * makes the check `warn` (HTTP 200), crossing `fail` makes it `fail`. Either
 * may be left out; an empty object turns the measurement's limits off (it is
 * still observed).
 *
 * For measurements where more is worse (memory used, event-loop delay) the
 * check warns above `warn` and fails above `fail`, so `warn` must not exceed
 * `fail`. For free disk space, where less is worse, it warns below `warn` and
 * fails below `fail`, so `fail` must not exceed `warn`. Both must be positive
 * finite numbers, and percentages at most 100.
 *
 * @example
 * ```ts
 * import type { Threshold } from 'pulsecheck';
 *
 * const heap: Threshold = { warn: 80, fail: 95 }; // percent used
 * const freeDisk: Threshold = { warn: 10 * 1024 ** 3, fail: 1024 ** 3 }; // bytes free
 * ```
 */
export interface Threshold {
  /** Crossing it makes the check `warn`. */
  readonly warn?: number;
  /** Crossing it makes the check `fail`. */
  readonly fail?: number;
}
