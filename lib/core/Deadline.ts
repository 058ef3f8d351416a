/** @internal Where a {@link Deadline} stands. */
export enum DeadlineState {
  running,
  queued,
  due,
  settled,
}

/**
 * @internal Something in flight with a deadline (an execution of a check),
 * as {@link DeadlineTimer} tracks it: its deadline and the links of the
 * timer's queue live on the object itself, so tracking allocates nothing.
 * An interface, not a base class: {@link PendingExecution} declares these
 * fields itself, and an execution is built by two constructors, not three
 * (each level of a derived class's construction cost about 180 instructions
 * per execution).
 */
export interface Deadline {
  /** When it is due, in `performance.now()` milliseconds: its own start plus its own timeout. */
  deadline: number;
  /** The timeout its deadline was computed from (the timer queues equal timeouts together). */
  timeoutMs: number;
  /** Queue links, owned by DeadlineTimer. */
  previous: Deadline | undefined;
  /** Queue links, owned by DeadlineTimer. */
  next: Deadline | undefined;
  /**
   * Where it stands: running (not tracked), queued (tracked by the timer),
   * due (the timer found its deadline passed; the verdict is given one turn
   * of the event loop later, see {@link DeadlineTimer}) or settled (the
   * verdict is given).
   */
  state: DeadlineState;
  /** The time the timer found it due (after a blocked event loop, later than `deadline`); undefined until then. */
  dueAt: number | undefined;

  /**
   * Called one turn of the event loop after the timer found the deadline
   * passed (so I/O that had already arrived was processed first), unless
   * `DeadlineTimer.remove` was called before the timer fired.
   */
  expire(): void;
}
