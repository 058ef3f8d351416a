import type { CheckResult } from '../report/CheckResult.js';
import type { CheckSlot } from './CheckSlot.js';
import { FlapFilter } from './FlapFilter.js';
import { ResultCache } from './ResultCache.js';
import type { ResultHistory } from './ResultHistory.js';
import type { SingleFlight } from './SingleFlight.js';
import type { Pending } from './DependencyGate.js';
import type { StatusListeners } from './StatusListeners.js';

/**
 * @internal The path every execution of a service ends on, once per
 * execution whoever shares it: it stops being offered to joiners, goes
 * through flap suppression (a result blocked by a dependency neither held
 * back nor counted: that failure is the dependency's), and becomes the
 * check's latest result (cache), a history entry and a notification to the
 * listeners. No clock read of its own when the verdict's is handed over.
 */
export class ExecutionRecorder {
  /** The latest result of each check, with when it was recorded (`performance.now()`). */
  readonly cache = new ResultCache<CheckSlot>();
  readonly #flap = new FlapFilter();
  readonly #singleFlight: SingleFlight<CheckSlot, Pending>;
  readonly #history: ResultHistory<CheckSlot>;
  readonly #listeners: StatusListeners;

  constructor(singleFlight: SingleFlight<CheckSlot, Pending>, history: ResultHistory<CheckSlot>, listeners: StatusListeners) {
    this.#singleFlight = singleFlight;
    this.#history = history;
    this.#listeners = listeners;
  }

  /**
   * Records what `execution` of `slot` produced (`executed`), ended at
   * `now` (`performance.now()`; the verdict's own reading when the caller
   * has it), and returns the result to report (flap suppression may hold a
   * failure back).
   */
  record(slot: CheckSlot, executed: CheckResult, execution: Pending | undefined, now: number = performance.now()): CheckResult {
    if (execution !== undefined) this.#singleFlight.forget(slot, execution);
    const result = executed.blockedBy === undefined && slot.flap !== undefined ? this.#flap.apply(slot, slot.flap, executed, now) : executed;
    this.cache.record(slot, result, now);
    this.#history.record(slot, result, now);
    this.#listeners.notify(slot, result);
    return result;
  }
}
