import type { ReadEntry } from './readHistory.js';

/** @internal The one time span every history strip of a page is drawn over. */
export interface HistoryWindow {
  /** The left end (epoch ms): the oldest time any check's history shows. */
  readonly startMs: number;
  /** The right end (epoch ms): "now", the end of the report's run (or its newest entry, if later). */
  readonly endMs: number;
}

/** The shortest window drawn, so that one entry still makes a visible strip. */
const minimumSpanMs = 1_000;

/**
 * @internal The window shared by every check's history on one page: from
 * the oldest entry any check shows to the end of the report's run, so that
 * the same instant is at the same place on every tile and outages line up.
 * `undefined` when no entry has a time.
 *
 * @param histories - Each check's read history.
 * @param reportEndMs - When the report's run ended (its `startedAt` plus
 *   `durationMs`), when known.
 */
export function historyWindow(histories: readonly (readonly ReadEntry[])[], reportEndMs: number | undefined): HistoryWindow | undefined {
  let start = Number.POSITIVE_INFINITY;
  let end = reportEndMs ?? Number.NEGATIVE_INFINITY;
  for (const entries of histories) {
    for (const entry of entries) {
      if (entry.timeMs === undefined) continue;
      if (entry.timeMs < start) start = entry.timeMs;
      if (entry.timeMs > end) end = entry.timeMs;
    }
  }
  if (!Number.isFinite(start) || !Number.isFinite(end)) return undefined;
  const widened = end - minimumSpanMs;
  // a time at the very edge of what a Date holds (a hand-made report) is not widened past it
  return { startMs: Number.isNaN(new Date(widened).getTime()) ? Math.min(start, end) : Math.min(start, widened), endMs: end };
}
