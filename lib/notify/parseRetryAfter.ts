/**
 * @internal A `Retry-After` header as milliseconds from `now`: delta-seconds
 * or an HTTP date; `undefined` when absent or malformed. Linear in the
 * header's length.
 */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // an HTTP date names its day and month; anything else (`-1`, a bare year) is not one, whatever Date.parse makes of it
  if (text.length > 64 || !/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
