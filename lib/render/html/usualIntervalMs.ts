import type { ReadEntry } from './readHistory.js';

/**
 * @internal How often a check runs, as its history shows: the median gap
 * between the ends of its consecutive executions (its interval in
 * background mode, the polling period on demand). `undefined` with fewer
 * than two timed entries.
 */
export function usualIntervalMs(entries: readonly ReadEntry[]): number | undefined {
  const gaps: number[] = [];
  let previous: number | undefined;
  for (const entry of entries) {
    if (entry.timeMs === undefined) continue;
    if (previous !== undefined && entry.timeMs >= previous) gaps.push(entry.timeMs - previous);
    previous = entry.timeMs;
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)];
}
