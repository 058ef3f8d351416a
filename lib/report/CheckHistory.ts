import type { HistoryEntry } from './HistoryEntry.js';

/**
 * The recent executions of one check: what {@link HealthService.history}
 * returns, and what a report carries in {@link CheckResult.history} when
 * asked with `run({ history: true })`. Plain, frozen data: a copy, which
 * later executions never change.
 *
 * Uptime is the share of the kept entries whose status is not `fail`
 * (`pass` and `warn` count as up: the dependency answered, if degraded).
 *
 * @example
 * ```ts
 * import type { CheckHistory } from 'pulsecheck';
 *
 * const summary = (history: CheckHistory): string =>
 *   `${history.name}: ${history.uptimePercent ?? '–'}% up over the last ${history.entries.length} of ${history.capacity} results`;
 * ```
 */
export interface CheckHistory {
  /** The check's name. */
  readonly name: string;
  /** How many entries are kept at most: the service's `historySize`. */
  readonly capacity: number;
  /** The kept executions, oldest first; at most `capacity` of them. */
  readonly entries: readonly HistoryEntry[];
  /**
   * The percentage (0–100, rounded to two decimals) of `entries` whose
   * status is `pass` or `warn`. Absent while `entries` is empty.
   */
  readonly uptimePercent?: number;
}
