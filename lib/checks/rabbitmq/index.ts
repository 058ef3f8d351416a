/**
 * `pulsecheck/rabbitmq`: a health check for RabbitMQ through the
 * application's own amqplib connection. Importing it loads no driver:
 * `amqplib` is an optional peer dependency, used here for types only.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export type { AmqpCallbackChannelLike, AmqpCallbackConnectionLike, AmqpChannelLike, AmqpConnectionLike, AmqpConnectionProvider, AmqpConnectionSource } from './AmqpConnectionLike.js';
export { RabbitMqHealthCheck } from './RabbitMqHealthCheck.js';
export { AMQP_CONNECTION } from './tokens.js';
