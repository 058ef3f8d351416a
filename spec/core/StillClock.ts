import { sleep } from './fixtures.js';

/**
 * A hand-written clock for `performance.now()`: it stands still at a whole
 * millisecond (the real time when made) and moves only by {@link advance}, so
 * a block of the event loop can be simulated to the exact millisecond. Timers
 * stay real: the deadline timer still fires after the timeout in real time,
 * and reads this clock when it does.
 */
export class StillClock {
  #now = Math.ceil(performance.now());
  readonly #own = Object.getOwnPropertyDescriptor(performance, 'now');

  constructor() {
    Object.defineProperty(performance, 'now', { configurable: true, writable: true, value: () => this.#now });
  }

  /** Moves the clock forward by `ms`, as a synchronous block of that length would. */
  advance(ms: number): void {
    this.#now += ms;
  }

  /**
   * Gives `performance.now()` back, then waits until real time has passed the
   * time this clock reached (the blame of a blocked loop is remembered in
   * `performance.now()` time, and must not reach into the next spec).
   */
  async restore(): Promise<void> {
    if (this.#own === undefined) delete (performance as { now?: unknown }).now;
    else Object.defineProperty(performance, 'now', this.#own);
    while (performance.now() <= this.#now) await sleep(5);
  }
}
