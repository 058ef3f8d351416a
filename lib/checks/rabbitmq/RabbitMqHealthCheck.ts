import { inject, injectable } from 'inversify';
import type { CheckContext } from '../../core/CheckContext.js';
import { describeThrown } from '../../core/describeThrown.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { describeKind } from '../shared/describeKind.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { noop } from '../shared/noop.js';
import { OneAtATime } from '../shared/OneAtATime.js';
import { untilAborted } from '../shared/untilAborted.js';
import type { AmqpCallbackConnectionLike, AmqpConnectionLike, AmqpConnectionSource } from './AmqpConnectionLike.js';
import { openProbeChannel, type ProbeChannel } from './openProbeChannel.js';
import { AMQP_CONNECTION } from './tokens.js';
import { trackConnection } from './trackConnection.js';
import type { CheckTraits } from '../../core/CheckTraits.js';

/**
 * Checks a RabbitMQ broker through the application's own amqplib connection
 * (promise API, or `amqplib/callback_api`), injected under
 * {@link AMQP_CONNECTION}, or through a function
 * returning the current connection ({@link AmqpConnectionProvider}, for
 * applications that reconnect by replacing their connection): it opens a
 * channel and closes it again, which proves the broker answers on this
 * connection, and observes the round trip as `latencyMs` (ms).
 *
 * It reports at once, without a round trip, a connection that is closed
 * (`unavailable: RabbitMQ connection is closed: <reason>`), lost and
 * reconnecting (with amqplib's `recovery` option), or blocked by the broker
 * (`unavailable: RabbitMQ blocked the connection: <reason>`, e.g. a memory or
 * disk alarm: publishing would hang). It listens to the connection's events
 * for that, once per connection object, and removes its listeners when the
 * connection is closed for good.
 *
 * With an `amqplib/callback_api` connection it opens the channel with a
 * callback and waits for the broker's answer the same way, so a frozen
 * broker times out instead of passing. A connection whose `createChannel()`
 * returns something other than a promise, and takes no callback, is never
 * reported working: the check fails with a `TypeError` naming what to bind.
 *
 * It closes every channel it opens, also one that opens only after the
 * check's timeout. While an abandoned channel open is still pending (a broker
 * that stopped answering), later executions wait for it instead of opening
 * more.
 *
 * Opening a channel does not prove that a queue or exchange exists, that
 * consumers are attached, or that messages can be published (a blocked
 * connection is reported, a full disk before the alarm is not).
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass. To check a second connection, give the subclass its own
 * constructor and token.
 *
 * @example
 * ```ts
 * import amqp from 'amqplib';
 * import { Container } from 'inversify';
 * import { HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 * import { AMQP_CONNECTION, RabbitMqHealthCheck } from 'pulsecheck/rabbitmq';
 *
 * @registerHealthCheck({ name: 'QueueHealthCheck', timeoutMs: 500 })
 * class QueueHealthCheck extends RabbitMqHealthCheck {}
 *
 * const connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://127.0.0.1');
 * connection.on('error', (error: Error) => {
 *   console.error('AMQP connection error', error.message);
 * });
 * const container = new Container();
 * container.bind(AMQP_CONNECTION).toConstantValue(connection);
 * container.load(healthModule());
 * const report = await container.get(HealthService).run();
 * ```
 */
@injectable()
export class RabbitMqHealthCheck extends HealthCheck {
  /** A `component`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };

  readonly #source: AmqpConnectionSource;
  readonly #opens = new OneAtATime();

  /**
   * @param connection - The application's amqplib connection (promise API or
   *   `amqplib/callback_api`), or a function
   *   returning the current one; the check never closes a connection.
   * @throws TypeError when `connection` is neither a function nor an object
   *   with a `createChannel` method.
   */
  constructor(@inject(AMQP_CONNECTION) connection: AmqpConnectionSource) {
    super();
    if (typeof connection !== 'function' && !isConnection(connection)) {
      throw new TypeError(
        `${new.target.name}: expected an amqplib connection (promise API or callback_api), an object with a createChannel() method, or a function returning the current connection (bound under AMQP_CONNECTION), got ${describeKind(connection)}`,
      );
    }
    this.#source = connection;
    // Listen from the start, so that a connection lost before the first execution is known.
    if (typeof connection !== 'function') trackConnection(connection);
  }

  /**
   * Opens and closes a channel once; see the class description.
   *
   * @param context - The check's signal and recorders.
   * @throws ServiceUnavailable when there is no usable connection or the
   *   channel cannot be opened or closed.
   */
  async check(context: CheckContext): Promise<void> {
    const { signal } = context;
    const connection = this.#current();
    const state = trackConnection(connection);
    if (state.closed !== undefined) throw new ServiceUnavailable(`RabbitMQ connection is closed: ${state.closed}`);
    if (state.down !== undefined) throw new ServiceUnavailable(`RabbitMQ ${state.down}`);
    if (state.blocked !== undefined) throw new ServiceUnavailable(`RabbitMQ blocked the connection: ${state.blocked}`);

    const { promise: opening, startedAt } = await this.#opens.start(context, 'pendingOpenMs', () => openProbeChannel(connection));
    let channel: ProbeChannel;
    try {
      channel = await untilAborted(opening, signal);
    } catch (error) {
      if (signal.aborted) {
        // The channel may still open after the timeout: close it then.
        opening.then(closeQuietly, noop);
        throw error;
      }
      if (error instanceof TypeError && error.message.startsWith('createChannel')) {
        throw new TypeError(`${this.constructor.name}: the connection's ${error.message}`, { cause: error });
      }
      throw new ServiceUnavailable(`RabbitMQ could not open a channel: ${describeThrown(error)}`, { cause: error });
    }
    const closing = closeChannel(channel);
    try {
      await untilAborted(closing, signal);
    } catch (error) {
      closing.catch(noop);
      throw signal.aborted ? error : new ServiceUnavailable(`RabbitMQ could not close the probe channel: ${describeThrown(error)}`, { cause: error });
    }
    context.observe('latencyMs', elapsedMs(startedAt), 'ms');
  }

  #current(): AmqpConnectionLike | AmqpCallbackConnectionLike {
    const source = this.#source;
    if (typeof source !== 'function') return source;
    let connection: unknown;
    try {
      connection = source();
    } catch (error) {
      throw new ServiceUnavailable(`no RabbitMQ connection: ${describeThrown(error)}`, { cause: error });
    }
    if (connection === undefined || connection === null) {
      throw new ServiceUnavailable(`no RabbitMQ connection (the connection provider returned ${String(connection)})`);
    }
    if (!isConnection(connection)) {
      throw new TypeError(`${this.constructor.name}: the connection provider returned ${describeKind(connection)}, not an object with a createChannel() method`);
    }
    return connection;
  }
}

function isConnection(value: unknown): value is AmqpConnectionLike | AmqpCallbackConnectionLike {
  return typeof value === 'object' && value !== null && typeof (value as { createChannel?: unknown }).createChannel === 'function';
}

function closeChannel(channel: ProbeChannel): Promise<void> {
  return new Promise<void>((resolve) => {
    resolve(channel.close());
  });
}

function closeQuietly(channel: ProbeChannel): void {
  closeChannel(channel).catch(noop);
}
