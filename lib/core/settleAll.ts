import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import type { Answer, Pending } from './DependencyGate.js';
import { buildResult } from './buildResult.js';
import { ExecutionScope, type Backstopped } from './ExecutionScope.js';
import { internalFailure } from './internalFailure.js';
import { keepShapes } from './keepShapes.js';
import { PendingExecution, type ExecutionWaiter } from './PendingExecution.js';
import { timeoutError } from './timeoutError.js';
import { BACKSTOP_GRACE_MS } from './backstopGraceMs.js';
import { MAX_TIMER_MS } from '../options/maxTimerMs.js';

/** @internal What {@link settleAll} needs of a check slot: which check, and its timeout. */
export interface SettleSlot {
  readonly definition: CheckDefinition;
  readonly timeoutMs: number;
}

/**
 * @internal Waits for every pending answer, in order, and never rejects nor hangs: a
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
 *
 * One promise per run: a pending execution hands its verdict to the run
 * directly ({@link PendingExecution.listen}); only a promise answer (a gated
 * or synchronous execution) is subscribed to.
 *
 * @param startedAt - When the run started (`performance.now()`), which the backstop counts from; the clock's
 *   reading now when left out.
 */
export function settleAll(
  scope: ExecutionScope,
  slots: readonly SettleSlot[],
  pending: readonly Answer[],
  unref = false,
  abandoned?: (index: number, execution: Pending) => void,
  startedAt = Number.NaN,
): Promise<CheckResult[]> {
  let waiting = 0;
  for (let index = 0; index < pending.length; index += 1) if (PendingExecution.isPending(pending[index] as Answer)) waiting += 1;
  if (waiting === 0) return Promise.resolve([...(pending as readonly CheckResult[])]);
  return new Promise<CheckResult[]>((resolve) => {
    new RunWait(scope, slots, pending, waiting, unref, abandoned, resolve, Number.isNaN(startedAt) ? performance.now() : startedAt).start();
  });
}

/** One run waiting for its pending answers (see {@link settleAll}): a class, so that a run makes no closure per item. */
class RunWait implements ExecutionWaiter, Backstopped {
  readonly #scope: ExecutionScope;
  readonly #slots: readonly SettleSlot[];
  readonly #pending: readonly Answer[];
  /** The answers, each pending one replaced by its result as it comes. */
  readonly #results: Answer[];
  #remaining: number;
  readonly #unref: boolean;
  readonly #abandoned: ((index: number, execution: Pending) => void) | undefined;
  readonly #resolve: (results: CheckResult[]) => void;
  #finished = false;
  /** Whether each promise answer is subscribed to on its own (see `#track`). */
  #tracked = false;
  #timer: NodeJS.Timeout | undefined = undefined;
  readonly #startedAt: number;
  #waitMs = 0;
  // The scope's list of runs awaiting its sweep (see ExecutionScope.awaitBackstop).
  backstopPrevious: Backstopped | undefined = undefined;
  backstopNext: Backstopped | undefined = undefined;
  backstopAwaited = false;

  constructor(
    scope: ExecutionScope,
    slots: readonly SettleSlot[],
    pending: readonly Answer[],
    waiting: number,
    unref: boolean,
    abandoned: ((index: number, execution: Pending) => void) | undefined,
    resolve: (results: CheckResult[]) => void,
    startedAt: number,
  ) {
    this.#scope = scope;
    this.#slots = slots;
    this.#pending = pending;
    this.#results = pending.slice();
    this.#remaining = waiting;
    this.#unref = unref;
    this.#abandoned = abandoned;
    this.#resolve = resolve;
    this.#startedAt = startedAt;
  }

  /**
   * Listens to every pending execution, and waits for the promise answers (gated or synchronous executions)
   * with one `Promise.all` (no closure per item; each is subscribed on its own only once the backstop arms, see
   * `#track`); then, unless all have ended already, awaits the scope's sweep to arm the backstop.
   */
  start(): void {
    const pending = this.#pending;
    let promises: Promise<CheckResult>[] | undefined;
    let indexes: number[] | undefined;
    for (let index = 0; index < pending.length; index += 1) {
      const item = pending[index] as Answer;
      if (item instanceof Promise) {
        (promises ??= []).push(item);
        (indexes ??= []).push(index);
      } else if (PendingExecution.isPending(item)) {
        item.listen(this, index);
      }
    }
    if (promises !== undefined) {
      const at = indexes as number[];
      Promise.all(promises).then(
        (results) => {
          for (let item = 0; item < results.length; item += 1) this.settled(at[item] as number, results[item] as CheckResult);
        },
        () => {
          this.#track();
        },
      );
    }
    // Armed once the microtasks have drained with answers still pending (a run of checks that return
    // synchronously or settle in a few microtasks is over by then, and arms no timer), by one sweep shared by
    // every run of that turn in the scope: a setImmediate per run would cost more than the run itself.
    if (!this.#finished) this.#scope.awaitBackstop(this);
  }

  /**
   * Subscribes to each promise answer still pending, on its own: once one rejected (as none should: it becomes an
   * unknown error), or when the backstop arms, which must know which it gives up on.
   */
  #track(): void {
    if (this.#finished || this.#tracked) return;
    this.#tracked = true;
    const results = this.#results;
    for (let index = 0; index < results.length; index += 1) {
      const item = results[index] as Answer;
      if (!(item instanceof Promise)) continue;
      item.then(
        (result) => {
          this.settled(index, result);
        },
        (error: unknown) => {
          this.settled(index, internalFailure(this.#slotAt(index).definition, error));
        },
      );
    }
  }

  /** Item `index` ended with `result` (ignored once the run is over, or for an item already in). */
  settled(index: number, result: CheckResult): void {
    // Still pending while it holds the answer it started with (a result handed twice is ignored).
    if (this.#finished || this.#results[index] !== this.#pending[index]) return;
    this.#results[index] = result;
    this.#remaining -= 1;
    if (this.#remaining === 0) this.#finish();
  }

  /** Called by the scope's sweep: arms the backstop for the largest timeout, counted from the run's start. */
  armBackstop(): void {
    if (this.#finished) return;
    this.#track();
    let largest = 0;
    for (const slot of this.#slots) largest = Math.max(largest, slot.timeoutMs);
    this.#waitMs = Math.min(MAX_TIMER_MS, largest + BACKSTOP_GRACE_MS);
    this.#arm(Math.max(0, this.#waitMs - (performance.now() - this.#startedAt)), false);
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#scope.cancelBackstop(this);
    // No timer unless the backstop armed (most runs end first).
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#resolve(this.#results as CheckResult[]);
  }

  #arm(delayMs: number, late: boolean): void {
    const timer = setTimeout(() => {
      this.#expire(late);
    }, delayMs);
    if (this.#unref) timer.unref();
    this.#timer = timer;
  }

  #expire(late: boolean): void {
    if (this.#finished) return;
    // Fired well past its time: the loop was blocked. Give deadlines that fired late too a chance first.
    if (!late && performance.now() - this.#startedAt > this.#waitMs + BACKSTOP_GRACE_MS) {
      this.#arm(BACKSTOP_GRACE_MS, true);
      return;
    }
    // Give up one turn of the loop later, not now: after a block, this timer fires in the same turn as
    // the deadline timer, whose verdicts wait one setImmediate so that a reply read in this turn's
    // poll phase still counts; giving up first would report such a check timed out (and drop the
    // eventLoopBlockedMs its own verdict would carry).
    setImmediate(() => {
      this.#giveUp();
    });
  }

  #giveUp(): void {
    if (this.#finished) return;
    const results = this.#results;
    const elapsed = performance.now() - this.#startedAt;
    for (let index = 0; index < results.length; index += 1) {
      const item = results[index] as Answer;
      if (!PendingExecution.isPending(item)) continue;
      const slot = this.#slotAt(index);
      // Later runs start afresh instead of waiting for it.
      this.#abandoned?.(index, item);
      results[index] = buildResult(slot.definition, elapsed, [timeoutError(slot.timeoutMs)], {});
    }
    this.#finish();
  }

  #slotAt(index: number): SettleSlot {
    return this.#slots[index] as SettleSlot;
  }
}

// A run's wait kept for its shape (see keepShapes): a full collection between two runs would otherwise throw away
// the optimized code that embeds it. Never started.
keepShapes(
  new RunWait(new ExecutionScope(), [], [], 0, false, undefined, () => undefined, 0),
);
