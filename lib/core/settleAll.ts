import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './executeCheck.js';
import { internalFailure } from './internalFailure.js';
import { makeCheckError } from './toCheckError.js';
import { MAX_TIMER_MS } from './validateOptions.js';

/** @internal What {@link settleAll} needs of a check slot: which check, and its timeout. */
export interface SettleSlot {
  readonly definition: CheckDefinition;
  readonly timeoutMs: number;
}

/**
 * @internal How long after the largest timeout of a run (or background round) the
 * service stops waiting for an execution that never settled, and reports it
 * as timed out. Executions end by their own timeouts; this is the backstop
 * for one that, against every rule, does not.
 */
export const BACKSTOP_GRACE_MS = 250;

/** The backstops to arm at the next sweep, and that sweep (one setImmediate for every run of a turn). */
const awaitingBackstop = new Set<() => void>();
let sweep: NodeJS.Immediate | undefined;

function armBackstops(): void {
  sweep = undefined;
  const arms = [...awaitingBackstop];
  awaitingBackstop.clear();
  for (const arm of arms) arm();
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
 */
export function settleAll(
  slots: readonly SettleSlot[],
  pending: readonly (CheckResult | Promise<CheckResult>)[],
  unref = false,
  abandoned?: (index: number, execution: Promise<CheckResult>) => void,
): Promise<CheckResult[]> {
  return new Promise<CheckResult[]>((resolve) => {
    const results: (CheckResult | undefined)[] = [];
    let remaining = 0;
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const startedAt = performance.now();
    let waitMs = 0;
    // Armed once the microtasks have drained with executions still pending (a run of checks that
    // return synchronously is over by then, and arms no timer), by one sweep shared by every run
    // of that turn: a setImmediate per run would cost more than the run itself.
    const armBackstop = (): void => {
      if (finished) return;
      let largest = 0;
      for (const slot of slots) largest = Math.max(largest, slot.timeoutMs);
      waitMs = Math.min(MAX_TIMER_MS, largest + BACKSTOP_GRACE_MS);
      arm(Math.max(0, waitMs - (performance.now() - startedAt)), false);
    };
    const finish = (): void => {
      finished = true;
      awaitingBackstop.delete(armBackstop);
      clearTimeout(timer);
      resolve(results as CheckResult[]);
    };
    pending.forEach((item, index) => {
      if (!(item instanceof Promise)) {
        results[index] = item;
        return;
      }
      results[index] = undefined;
      remaining += 1;
      const settle = (result: CheckResult): void => {
        if (finished || results[index] !== undefined) return;
        results[index] = result;
        remaining -= 1;
        if (remaining === 0) finish();
      };
      item.then(settle, (error: unknown) => {
        settle(internalFailure(slotAt(slots, index).definition, error));
      });
    });
    if (remaining === 0) {
      finish();
      return;
    }
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
      if (finished) return;
      const elapsed = performance.now() - startedAt;
      pending.forEach((item, index) => {
        if (results[index] !== undefined || !(item instanceof Promise)) return;
        const slot = slotAt(slots, index);
        // Later runs start afresh instead of waiting for it.
        abandoned?.(index, item);
        results[index] = buildResult(slot.definition, elapsed, [makeCheckError('timeout', `did not finish within ${slot.timeoutMs} ms`)], {});
      });
      finish();
    };
    awaitingBackstop.add(armBackstop);
    sweep ??= setImmediate(armBackstops);
  });
}

function slotAt(slots: readonly SettleSlot[], index: number): SettleSlot {
  return slots[index] as SettleSlot;
}
