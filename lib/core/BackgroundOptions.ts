import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';

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
   * Time between the end of one execution of a check and the start of its
   * next, in milliseconds, for every check that sets no `intervalMs` of its
   * own ({@link RegisterOptions.intervalMs}): positive, and at most 2,147,483,647 (about 24.8
   * days, the longest delay a timer can hold; Node would fire a longer one
   * after 1 ms, so it is refused with a RangeError).
   */
  readonly intervalMs: number;
  /**
   * How old a background result may be before `run()` reports it as a
   * failure (`unavailable: stale ...`) instead of answering with it, in
   * milliseconds (positive, at most 2,147,483,647). Judged per check: the
   * limit given here applies as is to the checks on the service-wide
   * interval; for a check with its own `intervalMs` it is raised, when
   * needed, to that check's default, so a check that runs every minute is
   * not stale after 15 s.
   * @defaultValue per check, `3 *` its interval (its own or the service-wide one) plus its timeout, capped at 2,147,483,647
   */
  readonly staleAfterMs?: number;
}

/**
 * @internal The schema of {@link BackgroundOptions}, read by
 * {@link HealthService.start} and by `PulsecheckModule.forRoot`'s
 * `background` (errors there name `background.intervalMs`).
 */
export const BACKGROUND_OPTION_SCHEMA = {
  intervalMs: optionRules.required(optionRules.positiveMs),
  staleAfterMs: optionRules.positiveMs,
} as const satisfies OptionSchema<BackgroundOptions>;
