/** The last time formatted, and its text. */
let lastMs = Number.NaN;
let lastText = '';
/** The start of the minute formatted last (epoch ms), and its text up to the seconds (`2026-12-08T01:02:`). */
let minuteStart = Number.NaN;
let minutePrefix = '';

const MINUTE_MS = 60_000;
/** The last millisecond `toISOString` writes with a four-digit year (9999-12-31T23:59:59.999Z). */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/**
 * @internal `new Date(epochMs).toISOString()`, cheaply: successive runs
 * within one millisecond (a run of a few checks takes microseconds) share
 * the text, and within one minute only the seconds and milliseconds are
 * written (the date and the hour and minute are kept from the last call).
 * V8's `toISOString` goes through `snprintf`, about 7,000 instructions a
 * call, which was a seventh of a whole run of one check, every probe.
 * Times outside years 1970-9999, or not whole milliseconds, are left to
 * `toISOString` itself (which throws a RangeError for an invalid time).
 * Leap seconds do not exist for `Date`: every minute is 60,000 ms.
 *
 * @param epochMs - Milliseconds since the epoch (`Date.now()`).
 */
export function isoTime(epochMs: number): string {
  if (epochMs === lastMs) return lastText;
  let text: string;
  if (Number.isInteger(epochMs) && epochMs >= 0 && epochMs <= LAST_FOUR_DIGIT_YEAR_MS) {
    let intoMinute = epochMs - minuteStart;
    if (!(intoMinute >= 0 && intoMinute < MINUTE_MS)) {
      intoMinute = epochMs % MINUTE_MS;
      minuteStart = epochMs - intoMinute;
      minutePrefix = new Date(minuteStart).toISOString().slice(0, 17);
    }
    const seconds = Math.floor(intoMinute / 1000);
    const millis = intoMinute - seconds * 1000;
    text = `${minutePrefix}${seconds < 10 ? '0' : ''}${seconds}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
  } else {
    text = new Date(epochMs).toISOString();
  }
  lastMs = epochMs;
  lastText = text;
  return text;
}
