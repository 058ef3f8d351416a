import { HISTORY_OUTPUT_MAX_LENGTH } from './HistoryEntry.js';

/**
 * @internal The history's output rule, in one place: `text` when it has at
 * most {@link HISTORY_OUTPUT_MAX_LENGTH} characters, else its first
 * characters and `…`, {@link HISTORY_OUTPUT_MAX_LENGTH} in all, never cut
 * between the two halves of a surrogate pair. The service keeps history
 * entries so (`ResultHistory`); the dashboard reads a hand-made report's
 * entries so.
 */
export function cutHistoryOutput(text: string): string {
  if (text.length <= HISTORY_OUTPUT_MAX_LENGTH) return text;
  let end = HISTORY_OUTPUT_MAX_LENGTH - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
