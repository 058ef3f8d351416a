/**
 * The defaults of {@link AttachNotifierOptions}, in one place.
 *
 * @example
 * ```ts
 * import { ATTACH_NOTIFIER_DEFAULTS } from 'pulsecheck';
 *
 * console.log(ATTACH_NOTIFIER_DEFAULTS.coalesceMs); // 30000
 * ```
 */
export const ATTACH_NOTIFIER_DEFAULTS = Object.freeze({
  /** The longest a batch is held back to coalesce an outage, in milliseconds. */
  coalesceMs: 30_000,
} as const);
