/**
 * What {@link NatsHealthCheck} needs from the application's `nats`
 * connection (the `NatsConnection` that `connect()` resolves to): its state
 * and a round trip. A test can hand in a small fake.
 *
 * @example
 * ```ts
 * import { connect } from 'nats';
 * import type { NatsConnectionLike } from 'pulsecheck/nats';
 *
 * const nc: NatsConnectionLike = await connect({ servers: '127.0.0.1:4222' });
 * ```
 */
export interface NatsConnectionLike {
  /** Whether the connection was closed (by `close()`, a drain, or running out of reconnect attempts). */
  isClosed(): boolean;
  /** Whether the connection is draining (closing once its subscriptions are drained). */
  isDraining(): boolean;
  /** Sends a PING and resolves at the PONG. */
  flush(): Promise<void>;
  /** Like `flush()`, resolving with the round trip in ms; rejects at once while disconnected (reconnecting). */
  rtt?(): Promise<number>;
  /**
   * Opens a JetStream manager; by default it checks the JetStream API with a
   * request (`$JS.API.INFO`) bounded by `timeout` (ms), and rejects when
   * JetStream is not enabled for the account.
   */
  jetstreamManager?(options?: { timeout?: number }): Promise<unknown>;
}
