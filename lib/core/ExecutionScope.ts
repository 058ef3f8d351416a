import { DeadlineTimer } from './DeadlineTimer.js';

/**
 * @internal What the executions of one service share, and nothing else does:
 * the deadline timer, the blame state and the sweep that arms the runs'
 * backstops. Each `HealthService` has its own scope (and `runCheck` one per
 * call), so one service's blocked event loop never explains another's
 * lateness, and one service's timer never fires for another's deadlines.
 */
export class ExecutionScope {
  /** The one timer for this scope's executions in flight. */
  readonly timer = new DeadlineTimer();
  /**
   * Until when the event loop's lateness is already explained: the time at
   * which a check of this scope was last blamed for blocking the loop past
   * its deadline. A check whose reply is processed right after that block is
   * its victim, not a culprit.
   */
  explainedUntil = Number.NEGATIVE_INFINITY;
  /** The backstops to arm at the next sweep, and that sweep (one setImmediate for every run of a turn). */
  readonly #awaitingBackstop = new Set<() => void>();
  #sweep: NodeJS.Immediate | undefined;
  readonly #armBackstops = (): void => {
    this.#sweep = undefined;
    const arms = [...this.#awaitingBackstop];
    this.#awaitingBackstop.clear();
    for (const arm of arms) arm();
  };

  /** A check of this scope blocked the loop until `now`: lateness up to then is explained. */
  blame(now: number): void {
    this.explainedUntil = now;
  }

  /** Calls `arm` at the next sweep (once the microtasks of this turn have drained), unless cancelled. */
  awaitBackstop(arm: () => void): void {
    this.#awaitingBackstop.add(arm);
    if (this.#sweep === undefined) this.#sweep = setImmediate(this.#armBackstops);
  }

  /** `arm` is not needed any more (its run ended). */
  cancelBackstop(arm: () => void): void {
    this.#awaitingBackstop.delete(arm);
  }
}
