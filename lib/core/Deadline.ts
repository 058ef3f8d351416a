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
 */
export abstract class Deadline {
  // Hidden-class care (executeCheck keeps one execution alive for its shape, see keepShapes): a field that
  // starts as a small integer and later holds a fraction changes the object's hidden class, leaving the kept
  // shape behind. So a number always written with a fraction (`deadline`) starts as NaN, and one written only
  // on a rare path (`dueAt`) starts as undefined, which takes any value in place.
  /** When it is due, in `performance.now()` milliseconds: its own start plus its own timeout. */
  deadline = Number.NaN;
  /** The timeout its deadline was computed from (the timer queues equal timeouts together). */
  timeoutMs = 0;
  /** @internal Queue links, owned by DeadlineTimer. */
  previous: Deadline | undefined = undefined;
  /** @internal Queue links, owned by DeadlineTimer. */
  next: Deadline | undefined = undefined;
  /**
   * Where it stands: running (not tracked), queued (tracked by the timer),
   * due (the timer found its deadline passed; the verdict is given one turn
   * of the event loop later, see {@link DeadlineTimer}) or settled (the
   * verdict is given).
   */
  state: DeadlineState = DeadlineState.running;
  /** The time the timer found it due (after a blocked event loop, later than `deadline`); undefined until then. */
  dueAt: number | undefined = undefined;

  /**
   * Called one turn of the event loop after the timer found the deadline
   * passed (so I/O that had already arrived was processed first), unless
   * `DeadlineTimer.remove` was called before the timer fired.
   */
  abstract expire(): void;
}
