import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './executeCheck.js';
import type { ExecutionScope } from './ExecutionScope.js';
import { internalFailure } from './internalFailure.js';
import { makeCheckError } from './toCheckError.js';
import { BACKSTOP_GRACE_MS } from './backstopGraceMs.js';
import { MAX_TIMER_MS } from '../options/maxTimerMs.js';

/** @internal What {@link settleAll} needs of a check slot: which check, and its timeout. */
export interface SettleSlot {
  readonly definition: CheckDefinition;
  readonly timeoutMs: number;
}


/**
 * @internal Waits for every pending result, in order, and never rejects nor hangs: a
 * rejection becomes an `unknown error` result, and an execution still
 * pending {@link BACKSTOP_GRACE_MS} after the largest timeout of `slots` a
 * `timeout` result (its timer `unref`ed with `unref`, for background
 * rounds). The backstop fires late when the event loop was blocked; it then
 * waits one more grace period, so that executions whose own deadlines fired
 * late too can still settle first; and it gives up one turn of the loop after
 * it fires, so a reply read in that turn and the deadline timer's verdicts
 * (which wait one turn too) come first. `abandoned` hears of each execution the
 * backstop gave up on (so that the service stops offering it to later runs).
 * The backstops of the runs of one turn are armed together, by one sweep of
 * `scope` (the service's own).
 */
export function settleAll(
  scope: ExecutionScope,
  slots: readonly SettleSlot[],
  pending: readonly (CheckResult | Promise<CheckResult>)[],
  unref = false,
  abandoned?: (index: number, execution: Promise<CheckResult>) => void,
): Promise<CheckResult[]> {
  return new Promise<CheckResult[]>((resolve) => {
    let waiting = 0;
    for (const item of pending) if (item instanceof Promise) waiting += 1;
    if (waiting === 0) {
      resolve([...(pending as readonly CheckResult[])]);
      return;
    }
    // Each result as it settles, kept only once the run is watched item by item (see `track`).
    let results: (CheckResult | undefined)[] | undefined;
    let remaining = waiting;
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const startedAt = performance.now();
    let waitMs = 0;
    const finish = (settled: CheckResult[]): void => {
      if (finished) return;
      finished = true;
      scope.cancelBackstop(armBackstop);
      clearTimeout(timer);
      resolve(settled);
    };
    // Item by item, as it settles: when the run is still pending once the microtasks have drained (the backstop
    // must know which executions it gives up on), or when one rejected (as none should; it becomes an unknown error).
    const track = (): void => {
      if (results !== undefined || finished) return;
      const own: (CheckResult | undefined)[] = [];
      results = own;
      pending.forEach((item, index) => {
        if (!(item instanceof Promise)) {
          own[index] = item;
          return;
        }
        own[index] = undefined;
        const settle = (result: CheckResult): void => {
          if (finished || own[index] !== undefined) return;
          own[index] = result;
          remaining -= 1;
          if (remaining === 0) finish(own as CheckResult[]);
        };
        item.then(settle, (error: unknown) => {
          settle(internalFailure(slotAt(slots, index).definition, error));
        });
      });
    };
    // The fast path: one Promise.all over the answers, whose array is the run's results (no closure, no derived
    // promise per item), when every execution settles, as the service's always do.
    // eslint-disable-next-line @typescript-eslint/await-thenable -- ready results go through Promise.all as they are
    Promise.all(pending).then(finish, track);
    // Armed once the microtasks have drained with executions still pending (a run of checks that
    // return synchronously or settle in a few microtasks is over by then, and arms no timer), by one sweep
    // shared by every run of that turn in `scope`: a setImmediate per run would cost more than the run itself.
    const armBackstop = (): void => {
      if (finished) return;
      track();
      let largest = 0;
      for (const slot of slots) largest = Math.max(largest, slot.timeoutMs);
      waitMs = Math.min(MAX_TIMER_MS, largest + BACKSTOP_GRACE_MS);
      arm(Math.max(0, waitMs - (performance.now() - startedAt)), false);
    };
    const arm = (delayMs: number, late: boolean): void => {
      timer = setTimeout(() => {
        expire(late);
      }, delayMs);
      if (unref) timer.unref();
    };
    const expire = (late: boolean): void => {
      if (finished) return;
      // Fired well past its time: the loop was blocked. Give deadlines that fired late too a chance first.
      if (!late && performance.now() - startedAt > waitMs + BACKSTOP_GRACE_MS) {
        arm(BACKSTOP_GRACE_MS, true);
        return;
      }
      // Give up one turn of the loop later, not now: after a block, this timer fires in the same turn as
      // the deadline timer, whose verdicts wait one setImmediate so that a reply read in this turn's
      // poll phase still counts; giving up first would report such a check timed out (and drop the
      // eventLoopBlockedMs its own verdict would carry).
      setImmediate(giveUp);
    };
    const giveUp = (): void => {
      if (finished || results === undefined) return;
      const own = results;
      const elapsed = performance.now() - startedAt;
      pending.forEach((item, index) => {
        if (own[index] !== undefined || !(item instanceof Promise)) return;
        const slot = slotAt(slots, index);
        // Later runs start afresh instead of waiting for it.
        abandoned?.(index, item);
        own[index] = buildResult(slot.definition, elapsed, [makeCheckError('timeout', `did not finish within ${slot.timeoutMs} ms`)], {});
      });
      finish(own as CheckResult[]);
    };
    scope.awaitBackstop(armBackstop);
  });
}

function slotAt(slots: readonly SettleSlot[], index: number): SettleSlot {
  return slots[index] as SettleSlot;
}
