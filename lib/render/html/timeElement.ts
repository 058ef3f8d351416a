/**
 * @internal A time as a `<time>` element carrying the full ISO string:
 * `2025-01-02 03:04:05 UTC`, or `03:04:05 UTC` when `sameDayAs` (epoch ms)
 * falls on the same UTC day; `an unknown time` for a time no `Date` can hold.
 */
export function timeElement(ms: number, sameDayAs?: number): string {
  if (Number.isNaN(new Date(ms).getTime())) return 'an unknown time';
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10);
  const shown = sameDayAs !== undefined && !Number.isNaN(new Date(sameDayAs).getTime()) && new Date(sameDayAs).toISOString().slice(0, 10) === day ? iso.slice(11, 19) : `${day} ${iso.slice(11, 19)}`;
  return `<time datetime="${iso}">${shown} UTC</time>`;
}
