import { optionRules } from '../options/optionRules.js';
import { deliverPendingNotifications } from './deliverPendingNotifications.js';
import type { HealthNotification } from './HealthNotification.js';
import type { Notifier } from './Notifier.js';
import { NotificationPolicy } from './NotificationPolicy.js';
import { resolveWebhookOptions, type ResolvedWebhookOptions } from './resolveWebhookOptions.js';
import { warnNotifier } from './warnNotifier.js';
import { WEBHOOK_DEFAULTS } from './webhookDefaults.js';
import type { WebhookFlushResult } from './WebhookFlushResult.js';
import type { WebhookNotifierOptions } from './WebhookNotifierOptions.js';
import type { WebhookNotifierStats } from './WebhookNotifierStats.js';
import { webhookPayload } from './webhookPayload.js';
import { WebhookQueue } from './WebhookQueue.js';
import { WebhookTransport } from './WebhookTransport.js';

const owner = 'WebhookNotifier';

/**
 * A {@link Notifier} that POSTs status changes to a webhook with Node's own
 * `http`/`https` (no dependency): pulsecheck's JSON by default, or ready-made
 * payloads for Slack and Microsoft Teams incoming webhooks. Attach it with
 * {@link attachNotifier}.
 *
 * What it sends: a message per batch of changes (a dependency that fails
 * and the checks it blocks arrive together, the root cause named once, its
 * dependents listed under it), a recovery message when a check passes
 * again, nothing for a check's first `pass`. A check that flaps back to a
 * status it was notified of within `throttleMs` sends nothing the second
 * time. Every format is bounded to what its receiver accepts
 * ({@link WEBHOOK_PAYLOAD_LIMITS}), saying how much was cut.
 *
 * It never slows nor breaks a run: {@link WebhookNotifier.notify} only
 * queues (a bounded queue that drops its oldest message when full, counted
 * in {@link WebhookNotifier.stats} and reported by a
 * `PulsecheckNotifierWarning`), and one message at a time is posted in the
 * background, each request under its own timeout, retried with exponential
 * backoff and jitter on network errors, timeouts, 5xx and 429 (obeying
 * `Retry-After`), never on other answers. Nothing of it keeps the process
 * alive by itself (timers and the socket of a request in flight are
 * `unref`ed); {@link WebhookNotifier.flush} and {@link WebhookNotifier.close}
 * keep it alive for exactly their own deadline. Call `close` on shutdown.
 *
 * The URL is a secret (a Slack or Teams webhook URL is its own credential):
 * warnings name only its origin. Messages carry check outputs, already
 * redacted, and are redacted again.
 *
 * @example
 * ```ts
 * import { HealthCheckRegistry, HealthService, WebhookNotifier, attachNotifier, healthModule } from 'pulsecheck';
 * import { Container } from 'inversify';
 *
 * const container = new Container();
 * container.load(healthModule({ registry: new HealthCheckRegistry() }));
 * const health = container.get(HealthService);
 *
 * const url = process.env.PULSECHECK_WEBHOOK_URL;
 * if (url !== undefined) {
 *   const notifier = new WebhookNotifier({ url, format: 'slack', service: 'orders-api' });
 *   attachNotifier(health, notifier);
 *   process.once('SIGTERM', () => {
 *     void notifier.close(5_000).then((result) => {
 *       if (result.lost > 0) console.error(`${result.lost} health notification(s) lost`);
 *     });
 *   });
 * }
 * ```
 */
export class WebhookNotifier implements Notifier {
  readonly #options: ResolvedWebhookOptions;
  readonly #policy: NotificationPolicy;
  readonly #queue: WebhookQueue;
  #closed = false;

  /**
   * @param options - The URL and how to send; see {@link WebhookNotifierOptions}.
   * @throws TypeError for options that are not an object, an unknown key, a
   *   URL that is not `http:`/`https:` or carries credentials, an unknown
   *   format, or malformed headers or booleans.
   * @throws RangeError for a timeout, delay or window that is not a
   *   positive (throttle: non-negative) finite number of milliseconds, or
   *   `retries` / `queueSize` out of range.
   */
  constructor(options: WebhookNotifierOptions) {
    const resolved = resolveWebhookOptions(options, owner);
    this.#options = resolved;
    this.#policy = new NotificationPolicy(resolved);
    const transport = new WebhookTransport(resolved);
    const origin = resolved.url.origin;
    this.#queue = new WebhookQueue(
      resolved.queueSize,
      (body, signal) => transport.deliver(body, signal),
      () => {
        warnNotifier(`the webhook notifier for ${origin} dropped its oldest message: its queue of ${resolved.queueSize} is full (the receiver is slow or down)`);
      },
    );
  }

  /** The counters: sent, failed, dropped, queued and throttled. */
  get stats(): WebhookNotifierStats {
    return { ...this.#queue.counts, throttled: this.#policy.throttled };
  }

  /**
   * Queues a message for the changes worth sending (see the class
   * description), and returns at once. After {@link WebhookNotifier.close},
   * does nothing.
   *
   * @param notification - A batch of status changes.
   */
  notify(notification: HealthNotification): void {
    if (this.#closed) return;
    const changes = this.#policy.select(notification.changes);
    if (changes.length === 0) return;
    let body: string;
    try {
      const shaped = { ...notification, changes: Object.freeze(changes) };
      const { format, service } = this.#options;
      const payload = typeof format === 'function' ? format(shaped) : webhookPayload(format, shaped, service);
      body = JSON.stringify(payload) ?? 'null';
    } catch (error) {
      this.#queue.countFailed();
      warnNotifier(`the webhook notifier for ${this.#options.url.origin} could not build a message: ${error instanceof Error ? error.name : typeof error}`);
      return;
    }
    this.#queue.push(body);
  }

  /**
   * Hands over the changes its attachments still hold (those of the
   * current turn, and a batch held back to coalesce an outage: see
   * {@link attachNotifier}), so every change of every `run()` that has
   * resolved is covered; then waits until every queued message is sent or
   * given up on, or until `timeoutMs` has passed (messages then stay
   * queued). Keeps the process alive while it waits, and no longer.
   *
   * @param timeoutMs - The longest wait, in milliseconds.
   * @returns What was sent and lost while it waited, and what is still pending.
   * @throws RangeError (as a rejection) for a malformed `timeoutMs`.
   */
  async flush(timeoutMs: number = WEBHOOK_DEFAULTS.drainMs): Promise<WebhookFlushResult> {
    optionRules.positiveMs.check(timeoutMs, 'flush timeoutMs', owner);
    if (!this.#closed) deliverPendingNotifications(this);
    return this.#queue.flush(timeoutMs);
  }

  /**
   * Hands over the changes its attachments still hold, stops accepting
   * messages, waits up to `timeoutMs` for the queue to drain (keeping the
   * process alive that long at most), then aborts the request in flight
   * and drops what is left (counted in `dropped` and in the result's
   * `lost`). Afterwards no timer or request of this notifier is left. Safe
   * to call twice.
   *
   * @param timeoutMs - The longest wait, in milliseconds.
   * @returns What was sent and lost while it waited (`pending` is `0`).
   * @throws RangeError (as a rejection) for a malformed `timeoutMs`.
   */
  async close(timeoutMs: number = WEBHOOK_DEFAULTS.drainMs): Promise<WebhookFlushResult> {
    optionRules.positiveMs.check(timeoutMs, 'close timeoutMs', owner);
    if (!this.#closed) deliverPendingNotifications(this);
    this.#closed = true;
    const flushed = await this.#queue.flush(timeoutMs);
    if (flushed.drained) return flushed;
    const aborted = await this.#queue.abort();
    return Object.freeze({ drained: true, sent: flushed.sent + aborted.sent, lost: flushed.lost + aborted.lost, pending: 0 });
  }
}
