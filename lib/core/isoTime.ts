/** The last time formatted, and its text. */
let lastMs = Number.NaN;
let lastText = '';

/**
 * @internal `new Date(epochMs).toISOString()`, remembering the last one:
 * successive runs within one millisecond (a run of a few checks takes
 * microseconds) share the text instead of formatting it again.
 *
 * @param epochMs - Milliseconds since the epoch (`Date.now()`).
 */
export function isoTime(epochMs: number): string {
  if (epochMs !== lastMs) {
    lastText = new Date(epochMs).toISOString();
    lastMs = epochMs;
  }
  return lastText;
}
