import type { ReadEntry } from './readHistory.js';

/** @internal How long a check has been failing, as its history tells. */
export interface FailingSince {
  /** The end of the first failed execution of the current streak (epoch ms). */
  readonly sinceMs: number;
  /** From `sinceMs` to now. */
  readonly forMs: number;
  /** The streak reaches back to the oldest entry kept: it may have begun earlier. */
  readonly atLeast: boolean;
}

/**
 * @internal When the current failure streak of a check began: walking back
 * from its newest history entry over the entries that found a failure
 * ({@link ReadEntry.failed}: `fail`, or a failure flap suppression reported
 * as `warn`), the time of the oldest of them. `undefined` when the newest
 * timed entry did not fail, or there is none.
 *
 * @param entries - The check's read history, oldest first.
 * @param nowMs - The page's now (the end of the report's run).
 */
export function failingSince(entries: readonly ReadEntry[], nowMs: number): FailingSince | undefined {
  let since: number | undefined;
  let index = entries.length - 1;
  for (; index >= 0; index -= 1) {
    const entry = entries[index];
    if (entry === undefined || !entry.failed) break;
    if (entry.timeMs !== undefined) since = entry.timeMs;
  }
  if (since === undefined) return undefined;
  return { sinceMs: since, forMs: Math.max(0, nowMs - since), atLeast: index < 0 };
}
