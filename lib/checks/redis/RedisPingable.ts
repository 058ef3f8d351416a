/**
 * What {@link RedisHealthCheck} needs from the application's Redis client:
 * its connection `status` and a `ping()` method. An ioredis `Redis` or
 * `Cluster` has both, and a test can hand in a small fake.
 *
 * When the client is also an event emitter (`on`), the check listens to its
 * `error`, `ready`, `close` and `end` events (once per client object) to name
 * the last connection error while the client is not ready, and to know
 * whether it is still making its first connection; with `removeListener`
 * too, it waits for that first connection (its own listeners are removed
 * however the wait ends).
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import type { RedisPingable } from 'pulsecheck/redis';
 *
 * const client: RedisPingable = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
 * const fake: RedisPingable = { status: 'ready', ping: () => Promise.resolve('PONG') };
 * ```
 */
export interface RedisPingable {
  /** The connection status; commands are only sent when it is `'ready'`. */
  readonly status: string;
  /** Sends `PING`; a healthy server answers `PONG`. */
  ping(): Promise<string>;
  /**
   * Adds an event listener (ioredis emits `error` for each failed connection
   * attempt and `ready` once connected).
   *
   * @param event - The event name.
   * @param listener - Called with the event's arguments.
   */
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  /**
   * Removes an event listener the check added while waiting for the first
   * connection.
   *
   * @param event - The event name.
   * @param listener - The listener to remove.
   */
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
  /**
   * How many listeners an event has (used to keep ioredis's own report of an
   * unhandled `error` event when the check's listener is the only one).
   *
   * @param event - The event name.
   */
  listenerCount?(event: string): number;
}
