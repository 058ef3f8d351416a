import type { CheckResult } from '../report/CheckResult.js';
import { DeadlineState, type Deadline } from './Deadline.js';

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
 * The verdict is delivered once ({@link PendingExecution.deliver}); a waiter
 * that listens later, or a promise asked for later, gets it at once. It is
 * awaitable (`then` asks for the promise).
 */
export abstract class PendingExecution implements Deadline, PromiseLike<CheckResult> {
  // Hidden-class care (executeCheck keeps one execution alive for its shape, see keepShapes): a field that
  // starts as a small integer and later holds a fraction changes the object's hidden class, leaving the kept
  // shape behind. So each field starts as the kind of value it keeps: a number always written with a fraction
  // (`deadline`) starts as NaN, and one written only on a rare path (`dueAt`) as undefined, which takes any value.
  // The Deadline fields (see Deadline):
  deadline = Number.NaN;
  timeoutMs = 0;
  previous: Deadline | undefined = undefined;
  next: Deadline | undefined = undefined;
  state: DeadlineState = DeadlineState.running;
  dueAt: number | undefined = undefined;
  // Its own:
  #waiter: ExecutionWaiter | undefined = undefined;
  #index = 0;
  #others: { readonly waiter: ExecutionWaiter; readonly index: number }[] | undefined = undefined;
  #resolve: ((result: CheckResult) => void) | undefined = undefined;
  #promise: Promise<CheckResult> | undefined = undefined;
  #delivered: CheckResult | undefined = undefined;

  /** The deadline passed and the execution had not settled a turn of the loop later (see Deadline). */
  abstract expire(): void;

  /** Tells `waiter` the verdict (as item `index`): when it is delivered, or now if it was. */
  listen(waiter: ExecutionWaiter, index: number): void {
    const delivered = this.#delivered;
    if (delivered !== undefined) {
      waiter.settled(index, delivered);
      return;
    }
    if (this.#waiter === undefined) {
      this.#waiter = waiter;
      this.#index = index;
    } else {
      (this.#others ??= []).push({ waiter, index });
    }
  }

  /** A promise of the verdict, made on first request; it never rejects. */
  promise(): Promise<CheckResult> {
    let promise = this.#promise;
    if (promise !== undefined) return promise;
    const delivered = this.#delivered;
    promise =
      delivered === undefined
        ? new Promise<CheckResult>((resolve) => {
            this.#resolve = resolve;
          })
        : Promise.resolve(delivered);
    this.#promise = promise;
    return promise;
  }

  /** Awaitable, as the promise of its verdict ({@link PendingExecution.promise}). */
  then<Fulfilled = CheckResult, Rejected = never>(
    onFulfilled?: ((result: CheckResult) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.promise().then(onFulfilled, onRejected);
  }

  /** Hands the verdict to every waiter and to the promise, if one was made (only the first call counts). */
  protected deliver(result: CheckResult): void {
    if (this.#delivered !== undefined) return;
    this.#delivered = result;
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      this.#waiter = undefined;
      waiter.settled(this.#index, result);
    }
    const others = this.#others;
    if (others !== undefined) {
      this.#others = undefined;
      for (const other of others) other.waiter.settled(other.index, result);
    }
    const resolve = this.#resolve;
    if (resolve !== undefined) {
      this.#resolve = undefined;
      resolve(result);
    }
  }

  /**
   * Whether `answer` is still to come (an execution or a promise: a thenable), not a result (a frozen
   * CheckResult, which has no `then`). Read as a property: `instanceof` this class, a module binding, is a
   * generic call in optimized code, and every check of every run asks.
   */
  static isPending(answer: CheckResult | Promise<CheckResult> | PendingExecution): answer is Promise<CheckResult> | PendingExecution {
    return typeof (answer as { readonly then?: unknown }).then === 'function';
  }

  /** `answer` with a pending execution turned into its promise: a result, or a promise of one. */
  static promised(answer: Promise<CheckResult> | PendingExecution): Promise<CheckResult>;
  static promised(answer: CheckResult | Promise<CheckResult> | PendingExecution): CheckResult | Promise<CheckResult>;
  static promised(answer: CheckResult | Promise<CheckResult> | PendingExecution): CheckResult | Promise<CheckResult> {
    return answer instanceof Promise || !PendingExecution.isPending(answer) ? answer : answer.promise();
  }
}
