import type { CheckResult } from '../report/CheckResult.js';
import { reuseResult } from './reuseResult.js';
import { roundMs } from './roundMs.js';
import type { SlotKey } from './SlotState.js';

/**
 * @internal A check's latest result and when it was recorded
 * (`performance.now()`): one record per key, updated in place by each
 * execution (read it at once; do not keep it).
 */
export interface LatestResult {
  readonly result: CheckResult;
  readonly finishedAt: number;
}

/**
 * @internal The latest result of each check, and the TTL rule: a result
 * younger than the check's TTL is answered again (`cached: true`, with its
 * age) instead of executing the check.
 */
export class ResultCache<K extends SlotKey> {
  /**
   * Records `result` as the latest of `key`, finished at `finishedAt`: in the key's {@link SlotState}, one record
   * per key, made at its first result and then updated in place.
   */
  record(key: K, result: CheckResult, finishedAt: number): void {
    const state = key.state;
    const latest = state.latest;
    if (latest === undefined) {
      state.latest = { result, finishedAt };
      return;
    }
    latest.result = result;
    latest.finishedAt = finishedAt;
  }

  /** The latest result of `key`, if any. */
  latest(key: K): LatestResult | undefined {
    return key.state.latest;
  }

  /**
   * The latest result of `key`, reused, when its age at `now` is at least 0
   * and less than `ttlMs` (so `ttlMs` 0 never reuses). A result recorded
   * after `now` (the clock went back: fake timers installed after it was
   * recorded) is not reused: its age would be negative, and it would be
   * served until the new clock caught up.
   */
  reuse(key: K, ttlMs: number, now: number): CheckResult | undefined {
    const latest = key.state.latest;
    if (latest === undefined) return undefined;
    const ageMs = now - latest.finishedAt;
    return ageMs >= 0 && ageMs < ttlMs ? reuseResult(latest.result, roundMs(ageMs)) : undefined;
  }
}
