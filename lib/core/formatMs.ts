/**
 * @internal A duration for people, with the precision that matters at its
 * scale: `3.37 ms` under 10 ms, `150.0 ms` under a second, `1.50 s` under a
 * minute, `2.5 min` beyond; anything that is not a finite number as given
 * (`NaN ms`). The one duration format of check messages and the HTML page.
 *
 * @param ms - Milliseconds.
 */
export function formatMs(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return `${String(ms)} ms`;
  if (Math.abs(ms) < 10) return `${ms.toFixed(2)} ms`;
  if (Math.abs(ms) < 1000) return `${ms.toFixed(1)} ms`;
  if (Math.abs(ms) < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
