/**
 * @internal The longest delay a Node timer can hold: 2,147,483,647 ms (2^31 - 1,
 * about 24.8 days). Node fires a timer given more after 1 ms, so a larger
 * timeout would expire at once and a larger interval would spin. The one
 * home of this limit (the lowest layer that needs it): option validation,
 * the deadline timer, the run's backstop and the CLI's millisecond flags all
 * import it.
 */
export const MAX_TIMER_MS = 2_147_483_647;
