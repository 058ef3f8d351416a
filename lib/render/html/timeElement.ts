/**
 * @internal A time as a `<time>` element carrying the full ISO string:
 * `2025-01-02 03:04:05 UTC`, or `03:04:05 UTC` when `sameDayAs` (epoch ms)
 * falls on the same UTC day.
 */
export function timeElement(ms: number, sameDayAs?: number): string {
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10);
  const shown = sameDayAs !== undefined && Number.isFinite(sameDayAs) && new Date(sameDayAs).toISOString().slice(0, 10) === day ? iso.slice(11, 19) : `${day} ${iso.slice(11, 19)}`;
  return `<time datetime="${iso}">${shown} UTC</time>`;
}
