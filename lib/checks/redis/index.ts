/**
 * `pulsecheck/redis`: a health check for Redis through the application's own
 * ioredis client. Importing it loads no driver: `ioredis` is an optional
 * peer dependency, used here for types only.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export { RedisHealthCheck } from './RedisHealthCheck.js';
export type { RedisPingable } from './RedisPingable.js';
export { REDIS_CLIENT } from './tokens.js';
