import { redactSecrets } from './redactSecrets.js';

/** The longest message a report shows (the `…` included). */
const displayLimit = 500;

/** How much of a longer text is looked at at all: enough to fill the display limit, small enough to keep every later step cheap. */
const inputCap = 8 * 1024;

/** A run of whitespace: replaced by one space when it holds a line break. NEL (U+0085) is a line break but not `\s`. */
const whitespaceRun = /[\s\u0085]+/g;
const lineBreak = /[\n\v\f\r\u0085\u2028\u2029]/;

/**
 * @internal Makes text safe to show in a report, in this order, each step
 * linear in the length of the text: caps it (only the first 8 KiB is looked
 * at), puts it on one line, redacts secrets ({@link redactSecrets}), then cuts
 * it to `limit` characters (`…` included). Redacting before cutting means a
 * URL cut in half by the limit never shows half a password.
 *
 * @param text - The text to make safe.
 * @param limit - The longest result.
 * @returns A single-line, redacted string of at most `limit` characters.
 */
export function displayText(text: string, limit: number = displayLimit): string {
  const truncated = text.length > inputCap;
  const capped = truncated ? text.slice(0, inputCap) : text;
  const flat = capped.replace(whitespaceRun, (run) => (lineBreak.test(run) ? ' ' : run)).trim();
  return cut(redactSecrets(flat, truncated), limit);
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // never split a surrogate pair
  return `${text.slice(0, end)}…`;
}
