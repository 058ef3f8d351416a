import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { describeSafely } from './internalFailure.js';
import type { StatusChangeListener } from './StatusChangeListener.js';

/**
 * @internal The status-change listeners of a service, and each check's last
 * status. A notification goes to the listeners subscribed when it starts, in
 * subscription order; one unsubscribed meanwhile (by itself or another
 * listener) is skipped, one subscribed meanwhile hears from the next change
 * on. A listener that throws, whatever it throws, becomes a
 * `PulsecheckListenerWarning` and the others are still called.
 */
export class StatusListeners<K> {
  readonly #listeners = new Set<StatusChangeListener>();
  readonly #lastStatus = new Map<K, HealthStatus>();

  /**
   * Subscribes `listener`.
   *
   * @returns A function that unsubscribes it.
   * @throws TypeError when `listener` is not a function.
   */
  add(listener: StatusChangeListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('onStatusChange: listener must be a function');
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Records `result` as the latest of `key`; tells the listeners when its status changed. Never throws. */
  notify(key: K, result: CheckResult): void {
    const previous = this.#lastStatus.get(key);
    this.#lastStatus.set(key, result.status);
    if (previous === result.status || this.#listeners.size === 0) return;
    for (const listener of [...this.#listeners]) {
      if (!this.#listeners.has(listener)) continue;
      try {
        listener(result, previous, result.status);
      } catch (thrown) {
        warnListenerThrew(thrown);
      }
    }
  }
}

/** Reports a listener's throw as a process warning; building and emitting it can never throw. */
function warnListenerThrew(thrown: unknown): void {
  try {
    process.emitWarning(`pulsecheck: a status-change listener threw: ${describeSafely(thrown)}`, 'PulsecheckListenerWarning');
  } catch {
    // a process 'warning' handler cannot break a run either
  }
}
