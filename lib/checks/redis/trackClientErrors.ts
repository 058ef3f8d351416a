import { describeThrown } from '../../core/describeThrown.js';
import type { RedisPingable } from './RedisPingable.js';

/** @internal What the check remembers about one client's connection. */
export interface ClientErrors {
  /** The last connection error since the client was last ready, described. */
  lastError: string | undefined;
  /**
   * True while the client is still making its first connection: it was
   * waiting or connecting when first seen and has since had no `ready`,
   * `error`, `close` or `end`. Only then is a client that is not ready
   * waited for; afterwards a status other than `ready` fails at once.
   */
  firstConnection: boolean;
}

const tracked = new WeakMap<object, ClientErrors>();

/** @internal The statuses of an ioredis client (or cluster) that has not connected yet, and has not failed. */
export const connectingStatuses: ReadonlySet<string> = new Set(['wait', 'connecting', 'connect']);

/**
 * @internal Listens, once per client object however many checks share it, to
 * the client's `error` (remembered) and `ready` (forgotten) events, and to
 * whatever ends its first connection. Returns `undefined` for a client that
 * is not an event emitter.
 *
 * ioredis prints `[ioredis] Unhandled error event: ...` when an `error` has
 * no listener; adding one would silence that for an application that relies
 * on it, so while the check's listener is the only one it prints the same.
 */
export function trackClientErrors(client: RedisPingable): ClientErrors | undefined {
  if (typeof client.on !== 'function') return undefined;
  const known = tracked.get(client);
  if (known !== undefined) return known;
  const errors: ClientErrors = { lastError: undefined, firstConnection: connectingStatuses.has(String(client.status)) };
  tracked.set(client, errors);
  client.on('error', (error: unknown) => {
    errors.lastError = describeThrown(error);
    errors.firstConnection = false;
    if (typeof client.listenerCount === 'function' && client.listenerCount('error') === 1 && error instanceof Error) {
      console.error('[ioredis] Unhandled error event:', error.stack);
    }
  });
  client.on('ready', () => {
    errors.lastError = undefined;
    errors.firstConnection = false;
  });
  const ended = (): void => {
    errors.firstConnection = false;
  };
  client.on('close', ended);
  client.on('end', ended);
  return errors;
}
