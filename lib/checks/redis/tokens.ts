import type { ServiceIdentifier } from 'inversify';
import type { RedisPingable } from './RedisPingable.js';

/**
 * The service identifier {@link RedisHealthCheck} is injected with: bind the
 * application's ioredis `Redis` or `Cluster` (or anything
 * {@link RedisPingable}) under it. The check reuses it and never opens a
 * connection of its own.
 *
 * It is `Symbol.for('pulsecheck.RedisClient')`, so two copies of the package
 * agree on it.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { Redis } from 'ioredis';
 * import { REDIS_CLIENT } from 'pulsecheck/redis';
 *
 * const container = new Container();
 * container.bind(REDIS_CLIENT).toConstantValue(new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'));
 * ```
 */
export const REDIS_CLIENT: ServiceIdentifier<RedisPingable> = Symbol.for('pulsecheck.RedisClient');
