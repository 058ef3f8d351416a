/**
 * @internal A time from a report the dashboard did not build (an ISO string
 * or epoch milliseconds) as epoch milliseconds, or `undefined` when it is
 * not a valid date.
 */
export function isoTime(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const time = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) return undefined;
  return Number.isNaN(new Date(time).getTime()) ? undefined : time;
}
