/** @internal Rounds a duration in milliseconds to the microsecond, as every report figure is. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
