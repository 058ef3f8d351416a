import { DeadlineTimer } from './DeadlineTimer.js';

/** A settled promise: a reaction to it is queued at once, behind every microtask queued so far (see settleTime). */
const settled = Promise.resolve();

/** @internal A run whose backstop the scope's sweep arms (see {@link ExecutionScope.awaitBackstop}). */
export interface Backstopped {
  armBackstop(): void;
  /**
   * Its place among the runs awaiting the sweep (see {@link ExecutionScope.awaitBackstop}), written by the scope
   * only: a list through the runs themselves, so that joining and leaving it hashes nothing.
   */
  backstopPrevious: Backstopped | undefined;
  backstopNext: Backstopped | undefined;
  backstopAwaited: boolean;
}

/**
 * @internal What the executions of one service share, and nothing else does:
 * the deadline timer, the blame state and the sweep that arms the runs'
 * backstops. Each `HealthService` has its own scope (and `runCheck` one per
 * call), so one service's blocked event loop never explains another's
 * lateness, and one service's timer never fires for another's deadlines.
 */
export class ExecutionScope {
  /** The one timer for this scope's executions in flight. */
  readonly timer: DeadlineTimer;
  /**
   * The clock this scope's executions read (`performance`), looked up once per run or background round
   * ({@link ExecutionScope.refreshClock}) rather than at each reading: in Node, `globalThis.performance` is an
   * accessor (loaded lazily), and looking it up cost about as much as reading the clock (170 instructions, twice per
   * execution). A clock replaced by fakes (sinon's `toFake: ['performance']`) counts from the next run on; a
   * stubbed `performance.now` at once.
   */
  clock: { now(): number } = performance;
  /**
   * Until when the event loop's lateness is already explained: the time at
   * which a check of this scope was last blamed for blocking the loop past
   * its deadline. A check whose reply is processed right after that block is
   * its victim, not a culprit.
   */
  explainedUntil = Number.NEGATIVE_INFINITY;
  /**
   * While a run starts its executions (one synchronous pass, {@link ExecutionScope.beginPass}): the clock
   * reading that ended the previous execution's synchronous part, which is the next execution's start, so
   * that each execution reads the clock twice rather than three times (on this VM a reading costs about
   * 50 ns, a quarter of the engine's cost per check). Only engine code runs between two executions of a pass;
   * a path that runs user code in between (a status-change listener hearing of a blocked check) calls
   * {@link ExecutionScope.interrupt}. `NaN`: read the clock.
   */
  #handoff = Number.NaN;
  #inPass = false;
  /** Within a pass, the one clock reading that answers from known results use (see passTime); NaN: none yet. */
  #passTime = Number.NaN;
  /** The reading that verdicts given in reaction jobs share (see settleTime); NaN: none. */
  #settleReading = Number.NaN;
  readonly #forgetSettleReading = (): void => {
    this.#settleReading = Number.NaN;
  };
  /**
   * The runs whose backstops the next sweep arms, oldest first (a list through the runs: a set's add and delete per
   * run were a twentieth of a run of one check), and that sweep (one setImmediate for every run of a turn).
   */
  #firstAwaiting: Backstopped | undefined = undefined;
  #lastAwaiting: Backstopped | undefined = undefined;
  #sweep: NodeJS.Immediate | undefined;
  readonly #armBackstops = (): void => {
    this.#sweep = undefined;
    const runs: Backstopped[] = [];
    for (let run = this.#firstAwaiting; run !== undefined; run = run.backstopNext) runs.push(run);
    for (const run of runs) this.cancelBackstop(run);
    for (const run of runs) run.armBackstop();
  };

  /**
   * @param keepsAlive - Whether the deadline timer keeps the process alive while any execution is pending: not for
   *   a service's scope, whose runs wait under their own backstop and whose background rounds ask for it
   *   ({@link DeadlineTimer.holdProcess}); `runCheck`'s does.
   */
  constructor(keepsAlive = true) {
    this.timer = new DeadlineTimer(keepsAlive);
  }

  /**
   * A run starts its executions now: from the second on, each starts when the previous one's synchronous part ended.
   *
   * @param now - The run's own start (`performance.now()`), when only engine code ran since it was read: the first
   *   execution starts then and known results answer at that time, rather than each reading the clock again.
   */
  beginPass(now = Number.NaN): void {
    this.refreshClock();
    this.#inPass = true;
    this.#handoff = now;
    this.#passTime = now;
  }

  /** Looks the clock up again (see {@link ExecutionScope.clock}): a run's pass or a background round starts. */
  refreshClock(): void {
    this.clock = performance;
  }

  /** The run has started its executions (always called, however the pass ended): no reading is handed on. */
  endPass(): void {
    this.#inPass = false;
    this.#handoff = Number.NaN;
    this.#passTime = Number.NaN;
  }

  /** User code may have run: the next execution reads the clock. */
  interrupt(): void {
    this.#handoff = Number.NaN;
    this.#passTime = Number.NaN;
  }

  /**
   * The time at which an execution whose check's native promise settled is given its verdict, in a reaction job
   * (see executeCheck): one clock reading serves every such verdict until the microtasks queued before it have run.
   *
   * Why that is exact: a promise's reaction is queued when the promise settles, and the microtask queue runs in
   * order. The reading is taken, and a reaction that forgets it queued at once, by the first verdict; every verdict
   * that still finds it was queued before that reaction, so its check's promise had settled before the reading
   * was taken. The reading is thus no earlier than the check's end, and no later than a reading of its own would be
   * (it would be later still whenever other microtasks ran in between: a check that ended on time is not found late
   * because code queued behind it kept the loop busy). A check run after run of trivial checks settles a hundred
   * verdicts in one stretch: one reading instead of a hundred (a fifth of the engine's cost per check was its two
   * readings). A verdict given any other way (a thenable of the check's own, a synchronous return) reads the clock.
   */
  settleTime(): number {
    const reading = this.#settleReading;
    if (!Number.isNaN(reading)) return reading;
    const now = this.clock.now();
    this.#settleReading = now;
    void settled.then(this.#forgetSettleReading);
    return now;
  }

  /**
   * The time at which a run answers from known results (cached or background ones: their age, their
   * staleness): within a pass, one clock reading for every check of the run (answering 100 checks from
   * background mode read the clock 100 times, a fifth of its cost); outside one, the clock's.
   */
  passTime(): number {
    if (!this.#inPass) return this.clock.now();
    const time = this.#passTime;
    if (!Number.isNaN(time)) return time;
    return (this.#passTime = this.clock.now());
  }

  /** When an execution starts (`performance.now()` milliseconds): the reading handed on, else the clock's. */
  startTime(): number {
    const handoff = this.#handoff;
    if (Number.isNaN(handoff)) return this.clock.now();
    this.#handoff = Number.NaN;
    return handoff;
  }

  /** An execution's synchronous part ended at `now`: within a pass, the next execution starts then. */
  handOff(now: number): void {
    if (this.#inPass) this.#handoff = now;
  }

  /** A check of this scope blocked the loop until `now`: lateness up to then is explained. */
  blame(now: number): void {
    this.explainedUntil = now;
  }

  /** Calls `run.armBackstop()` at the next sweep (once the microtasks of this turn have drained), unless cancelled; once. */
  awaitBackstop(run: Backstopped): void {
    if (run.backstopAwaited) return;
    run.backstopAwaited = true;
    const last = this.#lastAwaiting;
    run.backstopPrevious = last;
    run.backstopNext = undefined;
    if (last === undefined) this.#firstAwaiting = run;
    else last.backstopNext = run;
    this.#lastAwaiting = run;
    if (this.#sweep === undefined) this.#sweep = setImmediate(this.#armBackstops);
  }

  /** `run` needs no backstop any more (it ended): out of the list, if in it. */
  cancelBackstop(run: Backstopped): void {
    if (!run.backstopAwaited) return;
    run.backstopAwaited = false;
    const previous = run.backstopPrevious;
    const next = run.backstopNext;
    if (previous === undefined) this.#firstAwaiting = next;
    else previous.backstopNext = next;
    if (next === undefined) this.#lastAwaiting = previous;
    else next.backstopPrevious = previous;
    run.backstopPrevious = undefined;
    run.backstopNext = undefined;
  }

  /** How many runs await the next sweep (for specs: none is kept once it ended). */
  get backstopsAwaited(): number {
    let count = 0;
    for (let run = this.#firstAwaiting; run !== undefined; run = run.backstopNext) count += 1;
    return count;
  }
}
