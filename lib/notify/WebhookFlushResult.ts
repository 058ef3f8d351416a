/**
 * What {@link WebhookNotifier.flush} or {@link WebhookNotifier.close}
 * ended with: the messages sent and lost while it waited, and what is
 * still pending. `lost` counts messages given up on (retries exhausted, a
 * 4xx other than 429) and messages dropped (a full queue, or `close()`
 * running out of time).
 *
 * @example
 * ```ts
 * import { WebhookNotifier, type WebhookFlushResult } from 'pulsecheck';
 *
 * const notifier = new WebhookNotifier({ url: 'https://alerts.example.com/hook' });
 * const result: WebhookFlushResult = await notifier.close(5_000);
 * if (result.lost > 0) console.error(`${result.lost} health notification(s) were lost`);
 * ```
 */
export interface WebhookFlushResult {
  /** Whether nothing is left to send (nothing queued, nothing in flight). */
  readonly drained: boolean;
  /** Messages the receiver accepted while it waited. */
  readonly sent: number;
  /** Messages given up on or dropped while it waited. */
  readonly lost: number;
  /** Messages still queued or in flight (`flush` ran out of time); `0` after `close`. */
  readonly pending: number;
}
