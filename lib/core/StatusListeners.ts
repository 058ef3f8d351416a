import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { describeSafely } from './internalFailure.js';
import type { ResultListener } from './ResultListener.js';
import type { StatusChangeListener } from './StatusChangeListener.js';

/**
 * @internal The status-change listeners of a service, and each check's last
 * status. A notification goes to the listeners subscribed when it starts, in
 * subscription order; one unsubscribed meanwhile (by itself or another
 * listener) is skipped, one subscribed meanwhile hears from the next change
 * on. A listener that throws, whatever it throws, becomes a
 * `PulsecheckListenerWarning` and the others are still called. Result
 * listeners (`onResult`) hear every execution, after the status-change ones,
 * by the same rules.
 */
export class StatusListeners<K> {
  readonly #listeners = new Set<StatusChangeListener>();
  readonly #resultListeners = new Set<ResultListener>();
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

  /**
   * Subscribes `listener` to every execution's result.
   *
   * @returns A function that unsubscribes it.
   * @throws TypeError when `listener` is not a function.
   */
  addResult(listener: ResultListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('onResult: listener must be a function');
    this.#resultListeners.add(listener);
    return () => {
      this.#resultListeners.delete(listener);
    };
  }

  /**
   * Records `result` as the latest of `key`; tells the status-change
   * listeners when its status changed, then the result listeners. Never throws.
   */
  notify(key: K, result: CheckResult): void {
    const previous = this.#lastStatus.get(key);
    this.#lastStatus.set(key, result.status);
    if (previous !== result.status && this.#listeners.size > 0) {
      for (const listener of [...this.#listeners]) {
        if (!this.#listeners.has(listener)) continue;
        try {
          listener(result, previous, result.status);
        } catch (thrown) {
          warnListenerThrew(thrown, 'status-change');
        }
      }
    }
    if (this.#resultListeners.size === 0) return;
    for (const listener of [...this.#resultListeners]) {
      if (!this.#resultListeners.has(listener)) continue;
      try {
        listener(result);
      } catch (thrown) {
        warnListenerThrew(thrown, 'result');
      }
    }
  }
}

/** Reports a listener's throw as a process warning; building and emitting it can never throw. */
function warnListenerThrew(thrown: unknown, kind: 'status-change' | 'result'): void {
  try {
    process.emitWarning(`pulsecheck: a ${kind} listener threw: ${describeSafely(thrown)}`, 'PulsecheckListenerWarning');
  } catch {
    // a process 'warning' handler cannot break a run either
  }
}
