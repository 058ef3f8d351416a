import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { describeSafely } from './internalFailure.js';
import type { ResultListener } from './ResultListener.js';
import type { StatusChangeListener } from './StatusChangeListener.js';
import type { SlotKey } from './SlotState.js';

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
export class StatusListeners {
  // Copy on write: subscribing or unsubscribing replaces the array, so a notification iterates the array
  // current when it starts (no copy per execution), and skips a listener no longer in the current one.
  #listeners: readonly StatusChangeListener[] = [];
  #resultListeners: readonly ResultListener[] = [];

  /**
   * Subscribes `listener`.
   *
   * @returns A function that unsubscribes it.
   * @throws TypeError when `listener` is not a function.
   */
  add(listener: StatusChangeListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('onStatusChange: listener must be a function');
    if (!this.#listeners.includes(listener)) this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((other) => other !== listener);
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
    if (!this.#resultListeners.includes(listener)) this.#resultListeners = [...this.#resultListeners, listener];
    return () => {
      this.#resultListeners = this.#resultListeners.filter((other) => other !== listener);
    };
  }

  /**
   * Records `result` as the latest of `key`; tells the status-change
   * listeners when its status changed, then the result listeners. Never
   * throws. Allocates nothing, and calls nothing, for an execution whose
   * status did not change when no result listener is subscribed.
   */
  notify(key: SlotKey, result: CheckResult): void {
    const status = result.status;
    const state = key.state;
    const previous = state.lastStatus;
    if (previous !== status) {
      state.lastStatus = status;
      const listeners = this.#listeners;
      // Most services have no listener: no iterator then.
      if (listeners.length > 0) this.#notifyChange(listeners, result, previous, status);
    }
    const resultListeners = this.#resultListeners;
    if (resultListeners.length > 0) this.#notifyResult(resultListeners, result);
  }

  #notifyChange(listeners: readonly StatusChangeListener[], result: CheckResult, previous: HealthStatus | undefined, status: HealthStatus): void {
    for (const listener of listeners) {
      if (listeners !== this.#listeners && !this.#listeners.includes(listener)) continue;
      try {
        listener(result, previous, status);
      } catch (thrown) {
        warnListenerThrew(thrown, 'status-change');
      }
    }
  }

  #notifyResult(resultListeners: readonly ResultListener[], result: CheckResult): void {
    for (const listener of resultListeners) {
      if (resultListeners !== this.#resultListeners && !this.#resultListeners.includes(listener)) continue;
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
