import type { ServiceIdentifier } from 'inversify';
import type { AmqpConnectionSource } from './AmqpConnectionLike.js';

/**
 * The service identifier {@link RabbitMqHealthCheck} is injected with: bind
 * the application's amqplib connection (promise API) under it, or a function
 * that returns the current connection (see {@link AmqpConnectionProvider}).
 * The check reuses it and never opens a connection of its own.
 *
 * It is `Symbol.for('pulsecheck.AmqpConnection')`, so two copies of the
 * package agree on it.
 *
 * @example
 * ```ts
 * import amqp from 'amqplib';
 * import { Container } from 'inversify';
 * import { AMQP_CONNECTION } from 'pulsecheck/rabbitmq';
 *
 * const container = new Container();
 * container.bind(AMQP_CONNECTION).toConstantValue(await amqp.connect(process.env.AMQP_URL ?? 'amqp://127.0.0.1'));
 * ```
 */
export const AMQP_CONNECTION: ServiceIdentifier<AmqpConnectionSource> = Symbol.for('pulsecheck.AmqpConnection');
