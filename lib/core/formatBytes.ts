const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * @internal A byte count for people: `512 B` under a KiB, then binary units
 * with two decimals under 10 and one beyond (`1.50 KiB`, `78.6 GiB`); anything
 * that is not a finite number as given (`NaN B`). The one byte format of
 * check messages and the HTML page.
 *
 * @param bytes - A count of bytes.
 */
export function formatBytes(bytes: number): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || Math.abs(bytes) < 1024) return `${String(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} ${units[unit] ?? 'KiB'}`;
}
