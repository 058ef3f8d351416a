// The real clients, named so that this bench's connections can be told apart from everyone else's.
import pg from 'pg';
import { Redis } from 'ioredis';
import amqplib from 'amqplib';
import { assertLoopback, config, connectionName } from './config.js';

/**
 * Opens a pg Pool, an ioredis client and an amqplib connection against the shared services.
 *
 * @param role - part of each connection's name
 * @param overrides - `pgPort` to route PostgreSQL through another local port (the stall proxy)
 */
export async function openClients(role, overrides = {}) {
  const name = connectionName(role);
  const pgUrl = new URL(assertLoopback(config.pgUrl));
  if (overrides.pgPort !== undefined) pgUrl.port = String(overrides.pgPort);
  const pool = new pg.Pool({
    connectionString: pgUrl.toString(),
    application_name: name,
    max: 10,
    // A pool that waits forever for a connection would queue one request per probe while the server hangs.
    connectionTimeoutMillis: overrides.pgConnectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's error (server restart) must not crash the bench.
  pool.on('error', () => {});

  const redis = new Redis(assertLoopback(config.redisUrl), {
    connectionName: name,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
  });
  redis.on('error', () => {});
  const amqp = await amqplib.connect(assertLoopback(config.amqpUrl), { clientProperties: { connection_name: name } });
  amqp.on('error', () => {});
  try {
    await redis.connect();
    await pool.query('SELECT 1');
  } catch (error) {
    await closeClients({ pool, redis, amqp });
    throw error;
  }
  return { name, pool, redis, amqp };
}

/** Closes what `openClients` opened; never rejects. */
export async function closeClients(clients) {
  await Promise.allSettled([
    clients.pool?.end(),
    clients.redis !== undefined ? clients.redis.quit().catch(() => clients.redis.disconnect()) : undefined,
    clients.amqp?.close(),
  ]);
}

/**
 * The same clients, each wrapped so that every dependency call the bundled pulsecheck checks make is
 * counted like the calls of `dependencyChecks` (pg Pool `connect`, ioredis `ping`, amqplib `createChannel`);
 * everything else passes through to the real client.
 */
export function countingClients(clients, counts) {
  const counting = (target, method, key) =>
    new Proxy(target, {
      get(object, property) {
        if (property === method) {
          return (...args) => {
            counts[key] += 1;
            return object[method](...args);
          };
        }
        const value = Reflect.get(object, property, object);
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
  return { pool: counting(clients.pool, 'connect', 'pg'), redis: counting(clients.redis, 'ping', 'redis'), amqp: counting(clients.amqp, 'createChannel', 'amqp') };
}
