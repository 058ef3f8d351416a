/**
 * Counters of a {@link WebhookNotifier}, for metrics and tests.
 *
 * @example
 * ```ts
 * import { WebhookNotifier, type WebhookNotifierStats } from 'pulsecheck';
 *
 * const notifier = new WebhookNotifier({ url: 'https://alerts.example.com/hook' });
 * const stats: WebhookNotifierStats = notifier.stats;
 * console.log(stats.sent, stats.dropped);
 * ```
 */
export interface WebhookNotifierStats {
  /** Messages the receiver accepted (a 2xx answer). */
  readonly sent: number;
  /** Messages given up on: retries exhausted, or a 4xx other than 429. */
  readonly failed: number;
  /** Messages dropped unsent: the queue was full, or `close()` ran out of time. */
  readonly dropped: number;
  /** Messages waiting or being sent. */
  readonly queued: number;
  /** Changes not sent because of the throttle window. */
  readonly throttled: number;
}
