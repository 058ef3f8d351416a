import { roundMs } from '../../core/roundMs.js';

/** @internal Milliseconds since `startedAt` (a `performance.now()` value), rounded to the microsecond. */
export function elapsedMs(startedAt: number): number {
  return roundMs(performance.now() - startedAt);
}
