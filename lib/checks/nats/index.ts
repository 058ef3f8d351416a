/**
 * `pulsecheck/nats`: a health check for NATS through the application's own
 * `nats` connection. Importing it loads no driver: `nats` is an optional peer
 * dependency, used here for types only.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export type { NatsConnectionLike } from './NatsConnectionLike.js';
export { NatsHealthCheck } from './NatsHealthCheck.js';
export type { NatsHealthCheckOptions } from './NatsHealthCheckOptions.js';
export { NATS_CONNECTION } from './tokens.js';
