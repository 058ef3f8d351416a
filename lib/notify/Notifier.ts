import type { HealthNotification } from './HealthNotification.js';

/**
 * Hears of status changes, for alerting: add one with
 * {@link attachNotifier}. {@link WebhookNotifier} is the bundled
 * one; write your own for anything else (e-mail, a pager, a log line).
 *
 * `notify` is called once per batch of changes (those of one turn of the
 * event loop), after the run or round that produced them has its results:
 * it never delays a run, and whatever it throws or rejects with becomes a
 * process warning of type `PulsecheckNotifierWarning`. It should return
 * quickly (queue, then send in the background) and stop what it does when
 * `signal` is aborted (the notifier was detached).
 *
 * Results arrive as every output does: secrets already redacted from
 * messages; redact anything you add yourself.
 *
 * @example
 * ```ts
 * import type { HealthNotification, Notifier } from 'pulsecheck';
 *
 * class ConsoleNotifier implements Notifier {
 *   notify(notification: HealthNotification): void {
 *     for (const { check, previous, current } of notification.changes) {
 *       console.warn(`${check.name}: ${previous ?? 'new'} -> ${current} (${check.output})`);
 *     }
 *   }
 * }
 * ```
 */
export interface Notifier {
  /**
   * Called with each batch of status changes.
   *
   * @param notification - The changes.
   * @param signal - Aborted when the notifier is detached.
   */
  notify(notification: HealthNotification, signal: AbortSignal): void | Promise<void>;
}
