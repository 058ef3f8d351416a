/**
 * What {@link RabbitMqHealthCheck} needs from the application's AMQP
 * connection: `createChannel()` resolving to something it can `close()`. An
 * amqplib connection from the promise API (`ChannelModel`, or the
 * `RecoveringChannelModel` that `connect(url, { recovery: true })` returns)
 * has it, and a test can hand in a small fake.
 *
 * A connection from `amqplib/callback_api` is accepted too: its
 * `createChannel(options, callback)` declares a callback parameter, so the
 * check passes a callback and waits for the broker's answer, then closes the
 * channel with `close(callback)`.
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
  /**
   * Opens a channel (the check closes it again at once). With the promise
   * API it resolves to the channel; with `amqplib/callback_api` (a
   * `createChannel` declaring two parameters) the check calls it with a
   * callback instead, and does not use its return value.
   */
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
 * An `amqplib/callback_api` connection (`Connection` or
 * `RecoveringConnection`) as {@link RabbitMqHealthCheck} uses it: it opens a
 * channel with a callback, waits for the broker's answer, and closes the
 * channel again. The check tells it from a promise-API connection by its
 * `createChannel` declaring two parameters (`options, callback`), as
 * amqplib's does.
 *
 * @example
 * ```ts
 * import amqp from 'amqplib/callback_api';
 * import type { AmqpCallbackConnectionLike } from 'pulsecheck/rabbitmq';
 *
 * amqp.connect(process.env.AMQP_URL ?? 'amqp://127.0.0.1', (error, connection) => {
 *   if (error !== null) throw error;
 *   const checked: AmqpCallbackConnectionLike = connection;
 *   console.log(typeof checked.createChannel);
 * });
 * ```
 */
export interface AmqpCallbackConnectionLike {
  /**
   * Opens a channel and calls `callback` once the broker has answered.
   *
   * @param callback - Called with `null` and the channel, or with the error.
   */
  createChannel(callback: (error: Error | null, channel: AmqpCallbackChannelLike) => void): unknown;
  /**
   * Adds an event listener.
   *
   * @param event - The event name.
   * @param listener - Called with the event's arguments.
   */
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  /**
   * Removes an event listener.
   *
   * @param event - The event name.
   * @param listener - The listener to remove.
   */
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * A channel opened by an `amqplib/callback_api` connection, as
 * {@link RabbitMqHealthCheck} closes it.
 *
 * @example
 * ```ts
 * import type { AmqpCallbackChannelLike } from 'pulsecheck/rabbitmq';
 *
 * const channel: AmqpCallbackChannelLike = {
 *   close: (callback) => {
 *     callback(null);
 *   },
 * };
 * ```
 */
export interface AmqpCallbackChannelLike {
  /**
   * Closes the channel.
   *
   * @param callback - Called with `null` once closed, or with the error.
   */
  close(callback: (error?: unknown) => void): unknown;
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
export type AmqpConnectionProvider = () => AmqpConnectionLike | AmqpCallbackConnectionLike | undefined | null;

/**
 * What can be bound under {@link AMQP_CONNECTION}: a connection (promise API
 * or `amqplib/callback_api`), or a function returning the current one.
 *
 * @example
 * ```ts
 * import type { AmqpConnectionSource } from 'pulsecheck/rabbitmq';
 *
 * const source: AmqpConnectionSource = () => undefined; // not connected yet
 * ```
 */
export type AmqpConnectionSource = AmqpConnectionLike | AmqpCallbackConnectionLike | AmqpConnectionProvider;
