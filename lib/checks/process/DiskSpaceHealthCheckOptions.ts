import type { Threshold } from './Threshold.js';

/**
 * What a {@link DiskSpaceHealthCheck} watches and its limits. The limits are
 * {@link Threshold}s on *free* space (`fail` ≤ `warn`: less free space is
 * worse); an empty object turns a limit off while the value is still
 * observed. Leave a field out for its default.
 *
 * @example
 * ```ts
 * import type { DiskSpaceHealthCheckOptions } from 'pulsecheck';
 *
 * const options: DiskSpaceHealthCheckOptions = {
 *   path: '/var/lib/app/uploads',
 *   freePercent: { warn: 15, fail: 5 },
 *   freeBytes: { fail: 2 * 1024 ** 3 },
 * };
 * ```
 */
export interface DiskSpaceHealthCheckOptions {
  /**
   * A file or directory on the file system to watch.
   * @defaultValue the working directory when the check is constructed (`process.cwd()`)
   */
  readonly path?: string;
  /**
   * Space available to the process (not counting blocks reserved for root),
   * in percent of the file system's size.
   * @defaultValue `{ warn: 10, fail: 5 }`
   */
  readonly freePercent?: Threshold;
  /**
   * Space available to the process, in bytes.
   * @defaultValue `{}` (observed, no limit)
   */
  readonly freeBytes?: Threshold;
}
