import type { Notifier } from './Notifier.js';

/** Per notifier: the attachments that may hold changes not yet handed to it. */
const sources = new WeakMap<Notifier, Set<() => void>>();

/**
 * @internal Records `deliver`, which hands `notifier` the changes its
 * attachment holds (collected this turn, or held back to coalesce an
 * outage), at once. Returns its remover.
 */
export function addPendingSource(notifier: Notifier, deliver: () => void): () => void {
  let set = sources.get(notifier);
  if (set === undefined) {
    set = new Set();
    sources.set(notifier, set);
  }
  set.add(deliver);
  return () => {
    set.delete(deliver);
    if (set.size === 0 && sources.get(notifier) === set) sources.delete(notifier);
  };
}

/**
 * Hands `notifier` at once every change its attachments ({@link attachNotifier})
 * have heard but not yet delivered: those of the current turn of the event
 * loop and those held back to coalesce an outage. A notifier's `flush()`
 * calls it first, so `await service.run(); await notifier.flush()` covers
 * every change of that run. {@link WebhookNotifier} does; call it in your
 * own notifier's flush.
 *
 * @param notifier - The notifier whose pending changes to deliver now.
 * @example
 * ```ts
 * import { deliverPendingNotifications, type HealthNotification, type Notifier } from 'pulsecheck';
 *
 * class BufferNotifier implements Notifier {
 *   readonly lines: string[] = [];
 *   notify(notification: HealthNotification): void {
 *     for (const change of notification.changes) this.lines.push(`${change.check.name} ${change.current}`);
 *   }
 *   flush(): readonly string[] {
 *     deliverPendingNotifications(this);
 *     return this.lines;
 *   }
 * }
 * ```
 */
export function deliverPendingNotifications(notifier: Notifier): void {
  const set = sources.get(notifier);
  if (set === undefined) return;
  for (const deliver of [...set]) deliver();
}
