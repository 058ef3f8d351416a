import { isLowerCaseWord } from './isLowerCaseWord.js';

/** The suffixes of a key that repeat its unit (`latencyMs` with `ms`), in camelCase; snake and kebab case are derived. */
const unitSuffixes: Readonly<Record<string, readonly string[]>> = {
  ms: ['Ms', 'Millis', 'Milliseconds'],
  s: ['Sec', 'Secs', 'Seconds'],
  seconds: ['Seconds', 'Secs'],
  bytes: ['Bytes'],
  '%': ['Percent', 'Pct', 'Percentage'],
};

/**
 * @internal An observation's key without the unit its value is shown with:
 * `latencyMs` (ms) → `latency`, `freeBytes` (bytes) → `free`,
 * `heapUsedPercent` (%) → `heapUsed`, `pool_clients` (clients) → `pool`.
 * The key is kept whole when it is nothing but the unit, or when the unit is
 * not a suffix after a word boundary (`items` in `problems` is not one).
 */
export function observationLabel(key: string, unit: string | undefined): string {
  if (typeof unit !== 'string' || unit === '' || key.length > 200) return key;
  const camel = unitSuffixes[unit] ?? (isLowerCaseWord(unit) ? [`${unit.charAt(0).toUpperCase()}${unit.slice(1)}`] : []);
  const lowerKey = key.toLowerCase();
  for (const suffix of camel) {
    if (key.length > suffix.length && key.endsWith(suffix)) {
      const before = key.charCodeAt(key.length - suffix.length - 1);
      // a camelCase boundary: a lower-case letter or a digit before the capital
      if ((before >= 0x61 && before <= 0x7a) || (before >= 0x30 && before <= 0x39)) return key.slice(0, -suffix.length);
    }
    const lower = suffix.toLowerCase();
    for (const separator of ['_', '-', ' ']) {
      const tail = `${separator}${lower}`;
      if (key.length > tail.length && lowerKey.endsWith(tail)) return key.slice(0, -tail.length);
    }
  }
  return key;
}
