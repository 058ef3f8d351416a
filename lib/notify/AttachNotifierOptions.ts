import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';

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
   * @defaultValue {@link ATTACH_NOTIFIER_DEFAULTS}`.coalesceMs`
   */
  readonly coalesceMs?: number;
}

/**
 * @internal The schema of {@link AttachNotifierOptions}: rule, error text
 * and default ({@link ATTACH_NOTIFIER_DEFAULTS} is read off it).
 */
export const ATTACH_NOTIFIER_SCHEMA = {
  coalesceMs: optionRules.withDefault(optionRules.nonNegativeMs, 30_000),
} as const satisfies OptionSchema<AttachNotifierOptions>;
