import type { Threshold } from './Threshold.js';

/**
 * The limits and sampling of an {@link EventLoopDelayHealthCheck}. Leave a
 * field out for its default.
 *
 * @example
 * ```ts
 * import type { EventLoopDelayHealthCheckOptions } from 'pulsecheck';
 *
 * const options: EventLoopDelayHealthCheckOptions = {
 *   p99Ms: { warn: 50, fail: 250 },
 *   resolutionMs: 20,
 *   sampleMs: 200,
 * };
 * ```
 */
export interface EventLoopDelayHealthCheckOptions {
  /**
   * The 99th percentile of the event-loop delay since the previous execution,
   * in milliseconds (`warn` ≤ `fail`: more delay is worse). An empty object
   * turns the limit off while the value is still observed.
   * @defaultValue `{ warn: 100, fail: 500 }`
   */
  readonly p99Ms?: Threshold;
  /**
   * The sampling interval of the delay monitor, in milliseconds (a positive
   * integer, at most 2,147,483,647): the finer, the more precise and the more timer wake-ups.
   * @defaultValue `10`
   */
  readonly resolutionMs?: number;
  /**
   * How long the first execution (after construction or
   * {@link EventLoopDelayHealthCheck.stop}) samples before it reports, in
   * milliseconds (positive, at most 2,147,483,647); keep it well below the
   * check's timeout.
   * @defaultValue `100`
   */
  readonly sampleMs?: number;
}
