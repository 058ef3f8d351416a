/**
 * Options of {@link attachNotifier}.
 *
 * @example
 * ```ts
 * import type { AttachNotifierOptions } from 'pulsecheck';
 *
 * const options: AttachNotifierOptions = { coalesceMs: 10_000 };
 * ```
 */
export interface AttachNotifierOptions {
  /**
   * In background mode, the longest a batch is held back so that one
   * outage (or one recovery) is one message, in milliseconds: a batch in
   * which a check that others depend on (`dependsOn`, directly or not)
   * changes status waits until each of those dependents has executed
   * again, on its own schedule, and at most this long. A dependent that
   * executes later than this reports in a message of its own. `0` turns
   * holding off (every batch leaves at the end of its turn).
   * @defaultValue {@link ATTACH_NOTIFIER_DEFAULTS}`.coalesceMs` (30,000 ms)
   */
  readonly coalesceMs?: number;
}
