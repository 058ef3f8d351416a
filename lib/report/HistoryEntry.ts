import type { HealthStatus } from './HealthStatus.js';

/**
 * One execution of a check, as its history keeps it (see
 * {@link HealthServiceOptions.historySize} and {@link HealthService.history}).
 * Plain, frozen data.
 *
 * @example
 * ```ts
 * import type { HistoryEntry } from 'pulsecheck';
 *
 * const line = (entry: HistoryEntry): string => `${entry.time} ${entry.status} ${entry.durationMs} ms ${entry.output}`;
 * ```
 */
export interface HistoryEntry {
  /** The status the execution reported. */
  readonly status: HealthStatus;
  /** How long the execution took, in milliseconds. */
  readonly durationMs: number;
  /** When the execution ended: ISO 8601, UTC, millisecond precision (`2025-01-02T03:04:05.678Z`). */
  readonly time: string;
  /**
   * The result's `output` (`"working"`, or one `"<kind>: <message>"` line per
   * error; redacted like every output), cut to at most
   * {@link HISTORY_OUTPUT_MAX_LENGTH} characters, the last of them `…` when cut.
   */
  readonly output: string;
}

/**
 * The longest `output` a {@link HistoryEntry} keeps, in UTF-16 code units
 * (JavaScript string length): longer outputs are cut and end in `…`. It
 * bounds the memory a history holds per entry, whatever a check reports.
 *
 * @example
 * ```ts
 * import { HISTORY_OUTPUT_MAX_LENGTH } from 'pulsecheck';
 *
 * console.log(HISTORY_OUTPUT_MAX_LENGTH); // 240
 * ```
 */
export const HISTORY_OUTPUT_MAX_LENGTH = 240;
