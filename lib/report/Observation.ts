/**
 * A value a check measured, recorded with {@link CheckContext.observe}: a
 * latency, a queue depth, a version string.
 *
 * @example
 * ```ts
 * import type { Observation } from 'pulsecheck';
 *
 * const latency: Observation = { value: 1.8, unit: 'ms' };
 * console.log(latency.value, latency.unit);
 * ```
 */
export interface Observation {
  /** The measured value. */
  readonly value: number | string | boolean;
  /** The unit of `value` (`"ms"`, `"bytes"`, `"%"`), when it has one. */
  readonly unit?: string;
}
