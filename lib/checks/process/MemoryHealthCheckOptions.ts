import type { Threshold } from './Threshold.js';

/**
 * The limits of a {@link MemoryHealthCheck}. Each is a {@link Threshold}
 * (`warn` ≤ `fail`: more memory is worse); an empty object turns a limit off
 * while the value is still observed. Leave a field out for its default.
 *
 * @example
 * ```ts
 * import type { MemoryHealthCheckOptions } from 'pulsecheck';
 *
 * const options: MemoryHealthCheckOptions = {
 *   heapUsedPercent: { warn: 75, fail: 90 },
 *   rssBytes: { warn: 1.5 * 1024 ** 3, fail: 1.8 * 1024 ** 3 },
 * };
 * ```
 */
export interface MemoryHealthCheckOptions {
  /**
   * V8 heap in use, in percent of the heap size limit (`--max-old-space-size`):
   * past the limit the process dies with "JavaScript heap out of memory".
   * @defaultValue `{ warn: 85, fail: 95 }`
   */
  readonly heapUsedPercent?: Threshold;
  /**
   * V8 heap in use, in bytes.
   * @defaultValue `{}` (observed, no limit)
   */
  readonly heapUsedBytes?: Threshold;
  /**
   * Resident set size, in percent of the memory the process may use: the
   * container's (cgroup) limit when there is one, else the machine's memory.
   * @defaultValue `{ warn: 85, fail: 95 }`
   */
  readonly rssPercent?: Threshold;
  /**
   * Resident set size, in bytes.
   * @defaultValue `{}` (observed, no limit)
   */
  readonly rssBytes?: Threshold;
}
