import type { StatusChange } from './StatusChange.js';

/**
 * What a {@link Notifier} receives: the status changes heard during one turn
 * of the event loop, together. A dependency that fails and the checks it
 * blocks (`dependsOn`) change in the same turn, so they arrive in one
 * notification, and a notifier can name the root cause once.
 *
 * @example
 * ```ts
 * import type { HealthNotification } from 'pulsecheck';
 *
 * const summary = (notification: HealthNotification): string =>
 *   `${notification.at}: ${notification.changes.map((change) => `${change.check.name} ${change.current}`).join(', ')}`;
 * ```
 */
export interface HealthNotification {
  /** When the batch was sent to the notifiers (ISO 8601). */
  readonly at: string;
  /** The changes, in the order they were heard; never empty. */
  readonly changes: readonly StatusChange[];
}
