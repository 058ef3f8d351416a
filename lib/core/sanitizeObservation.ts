import type { Observation } from '../report/Observation.js';
import { displayText } from './displayText.js';

/** The longest observation key or unit a report shows. */
const keyLimit = 200;

/**
 * @internal Validates one `observe(key, value, unit)` call and makes it safe
 * to report: the key, a string value and the unit are put on one line,
 * secret-redacted and cut (keys and units to 200 characters, values to the
 * 500 of messages), in time linear in their length.
 *
 * @returns The key to record the observation under, and the frozen observation.
 * @throws TypeError when the key is not a non-empty string, the value is not a
 *   number, string or boolean, or the unit is given and not a string or number.
 */
export function sanitizeObservation(key: unknown, value: unknown, unit: unknown): { readonly key: string; readonly observation: Observation } {
  if (typeof key !== 'string' || key === '') throw new TypeError('observe: key must be a non-empty string');
  const safeKey = displayText(key, keyLimit);
  if (safeKey === '') throw new TypeError('observe: key must be a non-empty string, not only whitespace');
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
    throw new TypeError(`observe('${safeKey}'): value must be a number, string or boolean, got ${value === null ? 'null' : typeof value}`);
  }
  const safeValue = typeof value === 'string' ? displayText(value) : value;
  if (unit === undefined) return { key: safeKey, observation: Object.freeze({ value: safeValue }) };
  if (typeof unit !== 'string' && typeof unit !== 'number') {
    throw new TypeError(`observe('${safeKey}'): unit must be a string, got ${unit === null ? 'null' : typeof unit}`);
  }
  return { key: safeKey, observation: Object.freeze({ value: safeValue, unit: displayText(String(unit), keyLimit) }) };
}
