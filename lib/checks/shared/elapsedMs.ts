/** @internal Milliseconds since `startedAt` (a `performance.now()` value), rounded to the microsecond. */
export function elapsedMs(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000;
}
