import type { HealthService } from '../core/HealthService.js';
import { validateOptions } from '../options/validateOptions.js';
import { ATTACH_NOTIFIER_SCHEMA, type AttachNotifierOptions } from './AttachNotifierOptions.js';
import type { Notifier } from './Notifier.js';
import { NotifierAttachment } from './NotifierAttachment.js';

const owner = 'attachNotifier';

/** Per service: its notifiers. Weak: a service dropped with its notifiers attached is collected. */
const attached = new WeakMap<HealthService, Map<Notifier, NotifierAttachment>>();

/**
 * Sends `service`'s status changes to `notifier` (a {@link WebhookNotifier},
 * or your own {@link Notifier}), from outside the service, through its
 * public {@link HealthService.onStatusChange} and {@link HealthService.onResult}
 * listeners (as OpenTelemetry's `registerHealthMetrics` does).
 *
 * The changes of one turn of the event loop leave together, after the run
 * that produced them, so a failed dependency and the checks it blocks
 * (`dependsOn`) arrive in one notification. In background mode, where each
 * check runs on its own schedule, a batch in which a check that others
 * depend on changes status is held until those dependents have executed
 * again (at most `coalesceMs`): one outage is one notification, root cause
 * first, and one recovery another. A notifier's `flush()` hands over what
 * is held at once (see {@link deliverPendingNotifications}).
 *
 * A notifier never delays nor breaks a run: whatever it throws or rejects
 * with becomes a `PulsecheckNotifierWarning`. Costs nothing until called.
 *
 * @param service - The service to listen to.
 * @param notifier - Receives each batch of changes.
 * @param options - How long a batch may be held; see {@link AttachNotifierOptions}.
 * @returns A function that detaches it (aborting the signal it was given,
 *   dropping what it had not delivered yet); close a {@link WebhookNotifier}
 *   yourself to drain its queue.
 * @throws TypeError when `service` is not a {@link HealthService}, `notifier`
 *   has no `notify` method, or an option is unknown.
 * @throws RangeError for a malformed `coalesceMs`.
 * @throws Error when `notifier` is attached to `service` already.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { HealthService, WebhookNotifier, attachNotifier, healthModule } from 'pulsecheck';
 *
 * const container = new Container();
 * container.load(healthModule());
 * const health = container.get(HealthService);
 *
 * const notifier = new WebhookNotifier({ url: 'https://alerts.example.com/hook', format: 'slack' });
 * const detach = attachNotifier(health, notifier);
 * process.once('SIGTERM', () => {
 *   void notifier.close(5_000).then(detach);
 * });
 * ```
 */
export function attachNotifier(service: HealthService, notifier: Notifier, options: AttachNotifierOptions = {}): () => void {
  if (!isServiceLike(service)) throw new TypeError(`${owner}: service must be a HealthService (with onStatusChange, onResult and definitions)`);
  if (typeof notifier !== 'object' || notifier === null || typeof (notifier as Partial<Notifier>).notify !== 'function') {
    throw new TypeError(`${owner}: expected a notifier: an object with a notify(notification, signal) method`);
  }
  const coalesceMs = validateOptions(ATTACH_NOTIFIER_SCHEMA, options, owner).coalesceMs ?? ATTACH_NOTIFIER_SCHEMA.coalesceMs.defaultValue;
  let notifiers = attached.get(service);
  if (notifiers?.has(notifier) === true) throw new Error(`${owner}: this notifier is attached to this service already`);
  if (notifiers === undefined) {
    notifiers = new Map();
    attached.set(service, notifiers);
  }
  const attachment = new NotifierAttachment(service, notifier, coalesceMs);
  notifiers.set(notifier, attachment);
  const own = notifiers;
  return () => {
    if (own.get(notifier) !== attachment) return;
    own.delete(notifier);
    attachment.detach();
  };
}

function isServiceLike(service: unknown): service is HealthService {
  if (typeof service !== 'object' || service === null) return false;
  const candidate = service as Partial<Record<'onStatusChange' | 'onResult' | 'definitions', unknown>>;
  return typeof candidate.onStatusChange === 'function' && typeof candidate.onResult === 'function' && typeof candidate.definitions === 'function';
}
