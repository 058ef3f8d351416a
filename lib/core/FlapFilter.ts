import type { CheckError } from '../report/CheckError.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { SuppressedStatus } from '../report/SuppressedStatus.js';
import type { FlapRule } from './FlapRule.js';
import { roundMs } from './roundMs.js';
import type { SlotKey } from './SlotState.js';
import { makeCheckError } from './toCheckError.js';

/** One check's flap state: whether its failure is confirmed, and the current streak. */
interface FlapState {
  /** Whether the check counts as failed (a failure was confirmed and no recovery yet). */
  failed: boolean;
  /** Executions in a row that went against `failed`: failures while not failed, non-failures while failed. */
  streak: number;
  /** When the first failure of the current streak ended (`performance.now()`), while not failed. */
  since: number;
}

/**
 * @internal Flap suppression: turns each execution's own result into the
 * result to report, by the check's {@link FlapRule}. Applied once per
 * execution, between the execution and where its result is recorded,
 * cached and told to listeners, so a reused result (cache, background,
 * single-flight) never counts again. State is per key (per check of one
 * service), kept in the key's `SlotState`.
 *
 * - Not failed: a failed execution is reported `warn` (errors and output
 *   unchanged, plus {@link CheckResult.suppressed}) until `failCount`
 *   failures in a row spanning at least `failMs` (from the end of the first
 *   to the end of the latest); then `fail`, and the check counts as failed.
 *   Any execution that does not fail (`pass` or `warn`) resets the streak.
 * - Failed: a non-failed execution is still reported `fail`, with a first
 *   error `unavailable: recovering: ...`, until `recoverCount` of them in a
 *   row; then as it is. A failure resets that streak.
 */
export class FlapFilter {

  /**
   * The result to report for one execution's `result` of `key`, ended at
   * `now` (`performance.now()`). Without a rule, `result` itself.
   */
  apply(key: SlotKey, rule: FlapRule | undefined, result: CheckResult, now: number): CheckResult {
    if (rule === undefined) return result;
    // Kept in the check's own state object (a field, not a map lookup per execution); only this unit writes it.
    const slotState = key.state;
    let state = slotState.flap as FlapState | undefined;
    if (state === undefined) {
      state = { failed: false, streak: 0, since: now };
      slotState.flap = state;
    }
    const failedNow = result.status === 'fail';
    if (!state.failed) {
      if (!failedNow) {
        state.streak = 0;
        return result;
      }
      if (state.streak === 0) state.since = now;
      state.streak += 1;
      const forMs = roundMs(now - state.since);
      if (state.streak >= rule.failCount && forMs >= rule.failMs) {
        state.failed = true;
        state.streak = 0;
        return result;
      }
      return withSuppressed(result, 'warn', result.errors, {
        observed: 'fail',
        streak: state.streak,
        ...(rule.failCount > 1 ? { needed: rule.failCount } : {}),
        forMs,
        ...(rule.failMs > 0 ? { neededMs: rule.failMs } : {}),
      });
    }
    if (failedNow) {
      state.streak = 0;
      return result;
    }
    state.streak += 1;
    if (state.streak >= rule.recoverCount) {
      state.failed = false;
      state.streak = 0;
      return result;
    }
    const recovering = makeCheckError(
      'unavailable',
      `recovering: ${state.streak} of ${rule.recoverCount} consecutive executions without failure (recoverAfter)`,
    );
    return withSuppressed(result, 'fail', [recovering, ...result.errors], { observed: result.status, streak: state.streak, needed: rule.recoverCount });
  }
}

function withSuppressed(result: CheckResult, status: 'warn' | 'fail', errors: readonly CheckError[], suppressed: SuppressedStatus): CheckResult {
  return Object.freeze({
    ...result,
    status,
    output: errors.map((error) => `${error.kind}: ${error.message}`).join('\n'),
    errors: Object.freeze([...errors]),
    suppressed: Object.freeze(suppressed),
  });
}
