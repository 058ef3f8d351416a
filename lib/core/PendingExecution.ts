import type { CheckResult } from '../report/CheckResult.js';
import type { Deadline } from './Deadline.js';

/** @internal What waits for a {@link PendingExecution} without a promise of its own: told once, with the index it gave. */
export interface ExecutionWaiter {
  /** The execution it listened to (as item `index`) ended with `result`. */
  settled(index: number, result: CheckResult): void;
}

/**
 * @internal An execution whose verdict is still to come, as {@link executeCheck}
 * returns it. A run waits for it as an {@link ExecutionWaiter} (`listen`):
 * the verdict is handed to the run directly, with no promise per execution
 * (a promise, its executor and `Promise.all`'s reaction per item were a
 * fifth of the engine's cost per check). A promise is made only for whoever
 * asks for one (`promise()`: a check gated by its dependencies, `runCheck`).
 *
 * The verdict is delivered once; a waiter that listens later, or a promise
 * asked for later, gets it at once. It is awaitable (`then` asks for the
 * promise). `Execution` is the one implementation (one class, no base
 * class: see there). The functions beside the interface tell a pending
 * answer from a result, and turn one into a promise.
 */
export interface PendingExecution extends Deadline, PromiseLike<CheckResult> {
  /** Tells `waiter` the verdict (as item `index`): when it is delivered, or now if it was. */
  listen(waiter: ExecutionWaiter, index: number): void;
  /** A promise of the verdict, made on first request; it never rejects. */
  promise(): Promise<CheckResult>;
  /**
   * Aborts the check's signal with `reason` (a failed dependency), unless the verdict is given already or the
   * signal was aborted before; the execution still ends by its own rules.
   */
  abortBy(reason: DOMException): void;
}

/**
 * Whether `answer` is still to come (an execution or a promise: a thenable), not a result (a frozen
 * CheckResult, which has no `then`). Read as a property: `instanceof` a class held in a module binding is a
 * generic call in optimized code, and every check of every run asks.
 */
function isPending(answer: CheckResult | Promise<CheckResult> | PendingExecution): answer is Promise<CheckResult> | PendingExecution {
  return typeof (answer as { readonly then?: unknown }).then === 'function';
}

/** `answer` with a pending execution turned into its promise: a result, or a promise of one. */
function promised(answer: Promise<CheckResult> | PendingExecution): Promise<CheckResult>;
function promised(answer: CheckResult | Promise<CheckResult> | PendingExecution): CheckResult | Promise<CheckResult>;
function promised(answer: CheckResult | Promise<CheckResult> | PendingExecution): CheckResult | Promise<CheckResult> {
  return answer instanceof Promise || !isPending(answer) ? answer : answer.promise();
}

/** @internal What tells pending answers from results (see {@link PendingExecution}). */
export const PendingExecution = Object.freeze({ isPending, promised });
