import { DeadlineState, type Deadline } from './Deadline.js';
import { MAX_TIMER_MS as maxDelayMs } from '../options/maxTimerMs.js';

/** The deadlines with one timeout, in start order (hence in deadline order). */
class Lane {
  head: Deadline | undefined = undefined;
  tail: Deadline | undefined = undefined;
}

/** Executions tracked by every timer of the process (for leak specs). */
let pendingInProcess = 0;

/**
 * @internal One timer for every execution in flight of one service (each
 * {@link ExecutionScope} has its own), armed for the earliest pending
 * deadline and re-armed as executions end. Each execution keeps its own
 * deadline (its own start plus its own timeout); only the timer is shared.
 *
 * Once nothing is pending, the timer is not cleared but `unref`ed (idle): it
 * no longer keeps the process alive, and the next execution reuses it when it
 * fires no later than that execution's deadline (it is then `ref`ed again),
 * so a service probed run after run sets and clears no timer per run (that
 * was a quarter of the engine's cost of a run of one check). An idle timer
 * that fires finds nothing due and is gone; {@link DeadlineTimer.release}
 * clears it at once (`HealthService.stop()`, `runCheck`). Fake timers without
 * `unref` get the timer cleared as before.
 *
 * A timer made with `keepsAlive` false (a service's) is referenced only while
 * an execution that asked for it ({@link DeadlineTimer.holdProcess}: a
 * background round's) is pending: a run keeps the process alive with its own
 * backstop (a referenced timer, see settleAll) for as long as it waits, so
 * its executions need not; referencing and unreferencing the timer around
 * every run cost a run of one check a tenth of its time.
 *
 * Executions with equal timeouts are queued together: they start in order,
 * so their deadlines are in order, and adding or removing one is O(1). The
 * earliest deadline is the earliest among the queues' heads (one queue per
 * distinct timeout).
 *
 * When the timer fires, every execution whose deadline has passed is marked
 * `due`, and its verdict is deferred by one `setImmediate`: if the event loop
 * was blocked past the deadline, the I/O that arrived meanwhile is processed
 * first, so a check whose reply had already arrived is not reported timed out.
 */
export class DeadlineTimer {
  readonly #lanes = new Map<number, Lane>();
  /** The queue found last, and its timeout: most services give most checks one timeout, so most lookups end here. */
  #lastTimeoutMs = Number.NaN;
  #lastLane: Lane | undefined = undefined;
  #pending = 0;
  #timer: NodeJS.Timeout | undefined;
  #armedFor = Number.POSITIVE_INFINITY;
  /** Whether `#timer` is armed with nothing pending (unref'ed; see the class comment). */
  #idle = false;
  // The timer functions that armed `#timer`: when a test installs or removes fake timers (sinon, jest) while
  // executions are pending, the timer is re-armed with the functions now in place, never orphaned.
  #armedWith: typeof setTimeout | undefined;
  #clearWith: typeof clearTimeout = clearTimeout;
  readonly #fire = (): void => {
    this.#fired();
  };
  readonly #keepsAlive: boolean;
  /** Whether the pending executions keep the process alive (always with `keepsAlive`; else once held, until none is left). */
  #holding: boolean;
  /** Whether `#timer` is referenced. */
  #referenced = false;

  /** @param keepsAlive - Whether the timer keeps the process alive while any execution is pending (see the class comment). */
  constructor(keepsAlive = true) {
    this.#keepsAlive = keepsAlive;
    this.#holding = keepsAlive;
  }

  /**
   * The executions pending now keep the process alive until none is left (the timer is referenced until then):
   * a background round's, which nothing else waits for. A no-op when nothing is pending.
   */
  holdProcess(): void {
    if (this.#pending === 0) return;
    this.#holding = true;
    this.#reference();
  }

  /**
   * Tracks `entry` until `remove(entry)`; if its deadline passes first,
   * `entry.expire()` is called (one turn of the loop after the timer fired).
   *
   * @param now - The current `performance.now()`, to compute the delay.
   */
  add(entry: Deadline, now: number): void {
    const lane = this.#laneOf(entry.timeoutMs);
    const tail = lane.tail;
    entry.previous = tail;
    entry.next = undefined;
    if (tail === undefined) lane.head = entry;
    else tail.next = entry;
    lane.tail = entry;
    entry.state = DeadlineState.queued;
    this.#pending += 1;
    pendingInProcess += 1;
    // Only for an earlier deadline (with no timer, `#armedFor` is Infinity), or when the timer functions changed:
    // then for the earliest deadline pending, this one or the one the lost timer was armed for. An idle timer
    // armed for an earlier time is kept: it fires, finds nothing due yet, and re-arms for the earliest pending.
    if (entry.deadline < this.#armedFor || this.#armedWith !== setTimeout) {
      this.#arm(this.#idle ? entry.deadline : Math.min(entry.deadline, this.#armedFor), now);
    } else if (this.#idle) {
      this.#idle = false;
      if (this.#holding) this.#reference();
    }
  }

  /** Stops tracking `entry` (it ended); leaves the timer idle (unref'ed) when nothing is left. */
  remove(entry: Deadline): void {
    if (entry.state !== DeadlineState.queued) return;
    this.#unlink(entry, this.#laneOf(entry.timeoutMs)); // a queued entry's lane exists
    if (this.#pending > 0) return;
    const timer = this.#timer;
    this.#holding = this.#keepsAlive;
    if (timer !== undefined && typeof timer.unref === 'function') {
      if (this.#referenced) {
        timer.unref();
        this.#referenced = false;
      }
      this.#idle = true;
    } else {
      this.release();
    }
  }

  /** Clears the timer if nothing is pending (an idle timer, see the class comment); a no-op otherwise. */
  release(): void {
    if (this.#pending > 0) return;
    this.#clearWith(this.#timer); // a no-op for undefined
    this.#timer = undefined;
    this.#referenced = false;
    this.#armedFor = Number.POSITIVE_INFINITY;
    this.#idle = false;
  }

  /** Whether a timer is armed with nothing pending (for specs). */
  get idle(): boolean {
    return this.#idle;
  }

  /** How many executions this timer tracks. */
  get size(): number {
    return this.#pending;
  }

  /** How many queues exist, empty ones included (for specs): at most 8 are kept once empty. */
  get lanes(): number {
    return this.#lanes.size;
  }

  /** How many executions every timer of the process tracks (for specs: 0 once every run has ended). */
  static get pending(): number {
    return pendingInProcess;
  }

  /** The queue of executions with this timeout, made on first use. */
  #laneOf(timeoutMs: number): Lane {
    if (timeoutMs === this.#lastTimeoutMs) return this.#lastLane as Lane;
    let lane = this.#lanes.get(timeoutMs);
    if (lane === undefined) {
      lane = new Lane();
      this.#lanes.set(timeoutMs, lane);
    }
    this.#lastTimeoutMs = timeoutMs;
    this.#lastLane = lane;
    return lane;
  }

  /** Takes `entry` out of `lane`, its queue; drops the queue once empty if more than 8 queues exist. */
  #unlink(entry: Deadline, lane: Lane): void {
    const { previous, next } = entry;
    if (previous === undefined) lane.head = next;
    else previous.next = next;
    if (next === undefined) lane.tail = previous;
    else next.previous = previous;
    entry.previous = undefined;
    entry.next = undefined;
    this.#pending -= 1;
    pendingInProcess -= 1;
    if (lane.head === undefined && this.#lanes.size > 8) {
      this.#lanes.delete(entry.timeoutMs);
      if (this.#lastLane === lane) {
        this.#lastTimeoutMs = Number.NaN;
        this.#lastLane = undefined;
      }
    }
  }

  #arm(deadline: number, now: number): void {
    this.#clearWith(this.#timer); // a no-op for undefined
    this.#idle = false;
    this.#armedFor = deadline;
    this.#armedWith = setTimeout;
    this.#clearWith = clearTimeout;
    // Round up, so the timer does not fire before the deadline.
    const delay = Math.min(maxDelayMs, Math.max(1, Math.ceil(deadline - now)));
    const timer = setTimeout(this.#fire, delay);
    this.#timer = timer;
    // A new timer is referenced; fake timers may have no unref (such a timer is cleared once idle, see remove).
    this.#referenced = true;
    if (!this.#holding && typeof timer.unref === 'function') {
      timer.unref();
      this.#referenced = false;
    }
  }

  #reference(): void {
    const timer = this.#timer;
    if (this.#referenced || timer === undefined || typeof timer.ref !== 'function') return;
    timer.ref();
    this.#referenced = true;
  }

  #fired(): void {
    this.#timer = undefined;
    this.#referenced = false;
    if (this.#idle) {
      // Nothing was pending: an idle timer ends here.
      this.#idle = false;
      this.#armedFor = Number.POSITIVE_INFINITY;
      return;
    }
    const clock = performance.now();
    const earlyMs = this.#armedFor - clock;
    if (earlyMs > 0 && earlyMs <= 2) {
      // libuv counts whole milliseconds, so a timer can fire a fraction early: a deadline is never early.
      this.#arm(this.#armedFor, clock);
      return;
    }
    // Otherwise the timer firing proves its deadline has come, even if `performance.now()` disagrees
    // entirely (fake timers without a fake clock, as in a user's tests).
    const now = Math.max(clock, this.#armedFor);
    this.#armedFor = Number.POSITIVE_INFINITY;
    const due: Deadline[] = [];
    let earliest = Number.POSITIVE_INFINITY;
    for (const lane of this.#lanes.values()) {
      let head = lane.head;
      while (head !== undefined && head.deadline <= now) {
        const next: Deadline | undefined = head.next;
        this.#unlink(head, lane);
        head.state = DeadlineState.due;
        head.dueAt = now;
        due.push(head);
        head = next;
      }
      if (head !== undefined) earliest = Math.min(earliest, head.deadline);
    }
    // What was held ends with the last pending execution (their verdicts come from the setImmediate below).
    if (this.#pending > 0) this.#arm(earliest, now);
    else this.#holding = this.#keepsAlive;
    if (due.length > 0) {
      setImmediate(() => {
        for (const entry of due) entry.expire();
      });
    }
  }
}
