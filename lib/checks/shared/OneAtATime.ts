import type { CheckContext } from '../../core/CheckContext.js';
import { attempt } from './attempt.js';
import { elapsedMs } from './elapsedMs.js';
import { noop } from './noop.js';
import { untilAborted } from './untilAborted.js';

/**
 * @internal Keeps at most one probe operation of a check in flight on a
 * shared client. An operation abandoned at a timeout cannot be cancelled (a
 * `PING` queued in ioredis, a query on a `pg.Client`, a channel being opened):
 * the next execution waits for it to settle (observing how long it has been
 * pending) before starting its own, so a hung server does not collect one
 * more abandoned operation per execution.
 */
export class OneAtATime {
  #pending: { readonly settled: Promise<void>; readonly startedAt: number } | undefined;

  /**
   * Waits (within the context's signal) for the previous operation, then
   * starts `operation`.
   *
   * @param context - The execution's context: its signal bounds the wait, and
   *   the age of a previous operation still pending is observed under `pendingKey`.
   * @param pendingKey - The observation key for that age, in ms.
   * @param operation - Starts the operation.
   * @returns The operation's promise and its `performance.now()` start.
   */
  async start<T>(context: CheckContext, pendingKey: string, operation: () => T | PromiseLike<T>): Promise<{ readonly promise: Promise<T>; readonly startedAt: number }> {
    const pending = this.#pending;
    if (pending !== undefined) {
      context.observe(pendingKey, elapsedMs(pending.startedAt), 'ms');
      await untilAborted(pending.settled, context.signal);
    }
    const startedAt = performance.now();
    const promise = attempt(operation);
    const settled = promise.then(noop, noop);
    const tracked = { settled, startedAt };
    this.#pending = tracked;
    void settled.then(() => {
      if (this.#pending === tracked) this.#pending = undefined;
    });
    return { promise, startedAt };
  }
}
