/**
 * The defaults of {@link WebhookNotifierOptions}, in one place: the
 * notifier reads them, its option types' TSDoc and the notifications
 * guide's table quote them (a spec holds the guide to this table).
 *
 * @example
 * ```ts
 * import { WEBHOOK_DEFAULTS } from 'pulsecheck';
 *
 * console.log(WEBHOOK_DEFAULTS.timeoutMs); // 5000
 * ```
 */
export const WEBHOOK_DEFAULTS = Object.freeze({
  /** The payload shape. */
  format: 'json',
  /** Whether only failures (and their recoveries) are sent. */
  onlyFailures: false,
  /** Whether a check that passes again sends a recovery message. */
  sendRecovery: true,
  /** The throttle window, in milliseconds (5 minutes). */
  throttleMs: 300_000,
  /** Each request's own timeout, in milliseconds. */
  timeoutMs: 5_000,
  /** Retries after a network error, a timeout, a 5xx or a 429. */
  retries: 3,
  /** The first retry's delay, in milliseconds. */
  retryDelayMs: 1_000,
  /** The longest wait between two attempts, in milliseconds. */
  maxRetryDelayMs: 30_000,
  /** How many messages may wait to be sent. */
  queueSize: 100,
  /** How long `flush()` and `close()` wait when given no bound, in milliseconds. */
  drainMs: 5_000,
} as const);

/** @internal The accepted range of the integer options: `[min, max]`. */
export const WEBHOOK_INTEGER_RANGES = Object.freeze({
  retries: [0, 10],
  queueSize: [1, 10_000],
} as const);
