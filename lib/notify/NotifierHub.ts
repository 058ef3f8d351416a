import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { describeSafely } from '../core/internalFailure.js';
import type { StatusChangeListener } from '../core/StatusChangeListener.js';
import type { Notifier } from './Notifier.js';
import type { StatusChange } from './StatusChange.js';

/**
 * @internal The notifiers of a service. Subscribes to its status changes
 * only while it has a notifier (nothing is done, nor allocated, without
 * one), gathers the changes of one turn of the event loop, and hands them
 * to every notifier at the next `setImmediate`, outside the run that
 * produced them. A notifier that throws or rejects becomes a
 * `PulsecheckNotifierWarning`.
 */
export class NotifierHub {
  readonly #subscribe: (listener: StatusChangeListener) => () => void;
  readonly #notifiers = new Map<Notifier, AbortController>();
  #unsubscribe: (() => void) | undefined;
  #pending: StatusChange[] = [];
  #flush: NodeJS.Immediate | undefined;

  /** @param subscribe - Subscribes a status-change listener to the service, returning its remover. */
  constructor(subscribe: (listener: StatusChangeListener) => () => void) {
    this.#subscribe = subscribe;
  }

  /**
   * Adds `notifier`.
   *
   * @returns A function that removes it (and aborts the signal it was given).
   * @throws TypeError when `notifier` has no `notify` method.
   * @throws Error when it was added already.
   */
  add(notifier: Notifier): () => void {
    if (typeof notifier !== 'object' || notifier === null || typeof (notifier as Partial<Notifier>).notify !== 'function') {
      throw new TypeError('HealthService.addNotifier: expected an object with a notify(notification, signal) method');
    }
    if (this.#notifiers.has(notifier)) throw new Error('HealthService.addNotifier: this notifier was added already');
    const controller = new AbortController();
    this.#notifiers.set(notifier, controller);
    this.#unsubscribe ??= this.#subscribe(this.#heard);
    return () => {
      if (this.#notifiers.get(notifier) !== controller) return;
      this.#notifiers.delete(notifier);
      controller.abort(new DOMException('the notifier was removed', 'AbortError'));
      if (this.#notifiers.size === 0) {
        this.#unsubscribe?.();
        this.#unsubscribe = undefined;
        this.#pending = [];
        if (this.#flush !== undefined) clearImmediate(this.#flush);
        this.#flush = undefined;
      }
    };
  }

  readonly #heard = (check: CheckResult, previous: HealthStatus | undefined, current: HealthStatus): void => {
    this.#pending.push(Object.freeze({ check, previous, current }));
    this.#flush ??= setImmediate(this.#deliver);
  };

  readonly #deliver = (): void => {
    this.#flush = undefined;
    const changes = this.#pending;
    this.#pending = [];
    if (changes.length === 0) return;
    const notification = Object.freeze({ at: new Date().toISOString(), changes: Object.freeze(changes) });
    for (const [notifier, controller] of [...this.#notifiers]) {
      if (this.#notifiers.get(notifier) !== controller) continue;
      try {
        const done = notifier.notify(notification, controller.signal);
        if (done instanceof Promise) done.catch(warnNotifierFailed);
      } catch (thrown) {
        warnNotifierFailed(thrown);
      }
    }
  };
}

/** Reports a notifier's throw or rejection as a process warning; never throws itself. */
function warnNotifierFailed(thrown: unknown): void {
  try {
    process.emitWarning(`pulsecheck: a notifier failed: ${describeSafely(thrown)}`, 'PulsecheckNotifierWarning');
  } catch {
    // a process 'warning' handler cannot break a run either
  }
}
