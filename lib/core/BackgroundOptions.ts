/**
 * How {@link HealthService.start} runs the checks on a schedule.
 *
 * @example
 * ```ts
 * import type { BackgroundOptions } from 'pulsecheck';
 *
 * const every5s: BackgroundOptions = { intervalMs: 5_000, staleAfterMs: 20_000 };
 * ```
 */
export interface BackgroundOptions {
  /** Time between the end of one round of executions and the start of the next, in milliseconds. */
  readonly intervalMs: number;
  /**
   * How old a background result may be before `run()` reports it as a
   * failure (`unavailable: stale ...`) instead of answering with it, in
   * milliseconds.
   * @defaultValue `3 * intervalMs` plus the largest check timeout
   */
  readonly staleAfterMs?: number;
}
