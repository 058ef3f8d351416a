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
 * deadline (its own start plus its own timeout); only the timer is shared,
 * and it is cleared as soon as nothing is pending, so nothing is left behind.
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
  // The timer functions that armed `#timer`: when a test installs or removes fake timers (sinon, jest) while
  // executions are pending, the timer is re-armed with the functions now in place, never orphaned.
  #armedWith: typeof setTimeout | undefined;
  #clearWith: typeof clearTimeout = clearTimeout;
  readonly #fire = (): void => {
    this.#fired();
  };

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
    // then for the earliest deadline pending, this one or the one the lost timer was armed for.
    if (entry.deadline < this.#armedFor || this.#armedWith !== setTimeout) this.#arm(Math.min(entry.deadline, this.#armedFor), now);
  }

  /** Stops tracking `entry` (it ended); clears the timer when nothing is left. */
  remove(entry: Deadline): void {
    if (entry.state !== DeadlineState.queued) return;
    this.#unlink(entry, this.#laneOf(entry.timeoutMs)); // a queued entry's lane exists
    if (this.#pending === 0) {
      this.#clearWith(this.#timer);
      this.#timer = undefined;
      this.#armedFor = Number.POSITIVE_INFINITY;
    }
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
    this.#armedFor = deadline;
    this.#armedWith = setTimeout;
    this.#clearWith = clearTimeout;
    // Round up, so the timer does not fire before the deadline.
    const delay = Math.min(maxDelayMs, Math.max(1, Math.ceil(deadline - now)));
    this.#timer = setTimeout(this.#fire, delay);
  }

  #fired(): void {
    this.#timer = undefined;
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
    if (this.#pending > 0) this.#arm(earliest, now);
    if (due.length > 0) {
      setImmediate(() => {
        for (const entry of due) entry.expire();
      });
    }
  }
}
