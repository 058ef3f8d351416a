/**
 * @internal The longest delay a Node timer can hold: 2,147,483,647 ms (2^31 - 1,
 * about 24.8 days). Node fires a timer given more after 1 ms, so a larger
 * timeout would expire at once and a larger interval would spin. Every
 * millisecond option is held to it (see {@link optionRules}).
 */
export const MAX_TIMER_MS = 2_147_483_647;
