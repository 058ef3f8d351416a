import type { CheckResult } from '../report/CheckResult.js';
import type { BackgroundScheduler } from './BackgroundScheduler.js';
import type { CheckSlot } from './CheckSlot.js';
import type { ResultCache } from './ResultCache.js';

/**
 * @internal What a service knows of a check without executing it: its
 * latest background result while background mode runs (stale or pending
 * by the scheduler's rules), else its latest result while younger than the
 * check's cache TTL. Neither background mode nor a TTL: nothing, and no
 * clock is read.
 */
export class KnownResults {
  readonly #scheduler: BackgroundScheduler<CheckSlot>;
  readonly #cache: ResultCache<CheckSlot>;

  constructor(scheduler: BackgroundScheduler<CheckSlot>, cache: ResultCache<CheckSlot>) {
    this.#scheduler = scheduler;
    this.#cache = cache;
  }

  /**
   * The result known for `slot`, if any (`cached: true`, with its age, when reused).
   *
   * @param now - The clock a run answers by (`ExecutionScope.passTime`: one reading per run), read only
   *   when something may be known.
   */
  of(slot: CheckSlot, now: () => number = performance.now.bind(performance)): CheckResult | undefined {
    if (slot.cacheTtlMs === 0 && !this.#scheduler.running) return undefined;
    const at = now();
    const cache = this.#cache;
    return this.#scheduler.answer(slot, slot.definition, cache.latest(slot), at) ?? cache.reuse(slot, slot.cacheTtlMs, at);
  }
}
