import { optionKeys } from './optionKeys.js';

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
  /**
   * Time between the end of one round of executions and the start of the
   * next, in milliseconds: positive, and at most 2,147,483,647 (about 24.8
   * days, the longest delay a timer can hold; Node would fire a longer one
   * after 1 ms, so it is refused with a RangeError).
   */
  readonly intervalMs: number;
  /**
   * How old a background result may be before `run()` reports it as a
   * failure (`unavailable: stale ...`) instead of answering with it, in
   * milliseconds (positive, at most 2,147,483,647).
   * @defaultValue `3 * intervalMs` plus the largest check timeout, capped at 2,147,483,647
   */
  readonly staleAfterMs?: number;
}

/** @internal Every key of {@link BackgroundOptions}, checked against it by the compiler. */
// Stryker disable next-line BooleanLiteral: only the keys of this table are read (optionKeys returns Object.keys); `true` is what the type demands, never a value used
export const BACKGROUND_OPTION_KEYS = optionKeys<BackgroundOptions>({ intervalMs: true, staleAfterMs: true });
