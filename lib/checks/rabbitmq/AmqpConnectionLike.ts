/**
 * What {@link RabbitMqHealthCheck} needs from the application's AMQP
 * connection: `createChannel()` resolving to something it can `close()`. An
 * amqplib connection from the promise API (`ChannelModel`, or the
 * `RecoveringChannelModel` that `connect(url, { recovery: true })` returns)
 * has it, and a test can hand in a small fake.
 *
 * When the connection is also an event emitter (`on`), the check listens
 * (once per connection object) to `close`, `blocked` and `unblocked`, and, for
 * a recovering connection, `disconnect`, `connect`, `connect-failed` and
 * `reconnect-failed`, to report a closed, lost or blocked connection at once.
 *
 * @example
 * ```ts
 * import amqp from 'amqplib';
 * import type { AmqpConnectionLike } from 'pulsecheck/rabbitmq';
 *
 * const connection: AmqpConnectionLike = await amqp.connect(process.env.AMQP_URL ?? 'amqp://127.0.0.1');
 * ```
 */
export interface AmqpConnectionLike {
  /** Opens a channel (the check closes it again at once). */
  createChannel(): Promise<AmqpChannelLike>;
  /**
   * Adds an event listener.
   *
   * @param event - The event name.
   * @param listener - Called with the event's arguments.
   */
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  /**
   * Removes an event listener (the check removes its own once the connection
   * is closed for good).
   *
   * @param event - The event name.
   * @param listener - The listener to remove.
   */
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * A channel as {@link RabbitMqHealthCheck} uses it: opened, then closed.
 *
 * @example
 * ```ts
 * import type { AmqpChannelLike } from 'pulsecheck/rabbitmq';
 *
 * const channel: AmqpChannelLike = { close: () => Promise.resolve() };
 * ```
 */
export interface AmqpChannelLike {
  /** Closes the channel. */
  close(): Promise<void>;
}

/**
 * Returns the application's *current* AMQP connection, for applications that
 * replace their connection when it drops (amqplib's plain connections do not
 * reconnect). Return `undefined` (or throw the last connection error, whose
 * message becomes the reason) while there is none.
 *
 * @example
 * ```ts
 * import amqp from 'amqplib';
 * import type { AmqpConnectionProvider } from 'pulsecheck/rabbitmq';
 *
 * let current: amqp.ChannelModel | undefined;
 * let lastError: Error | undefined;
 * const provider: AmqpConnectionProvider = () => {
 *   if (current === undefined && lastError !== undefined) throw lastError;
 *   return current;
 * };
 * ```
 */
export type AmqpConnectionProvider = () => AmqpConnectionLike | undefined | null;

/**
 * What can be bound under {@link AMQP_CONNECTION}: a connection, or a
 * function returning the current one.
 *
 * @example
 * ```ts
 * import type { AmqpConnectionSource } from 'pulsecheck/rabbitmq';
 *
 * const source: AmqpConnectionSource = () => undefined; // not connected yet
 * ```
 */
export type AmqpConnectionSource = AmqpConnectionLike | AmqpConnectionProvider;
