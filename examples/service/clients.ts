/**
 * The example service's connections to its dependencies, made once at start-up
 * and shared with the health checks (a check never opens its own connection).
 * Each address comes from the environment, with the loopback default.
 */
import amqp from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { AmqpConnectionProvider } from 'pulsecheck/rabbitmq';

/** Where the dependencies are; override with PULSECHECK_PG_URL, PULSECHECK_REDIS_URL, PULSECHECK_AMQP_URL. */
export const urls = {
  postgres: process.env.PULSECHECK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: process.env.PULSECHECK_REDIS_URL ?? 'redis://127.0.0.1:6379',
  amqp: process.env.PULSECHECK_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
};

/** The clients, plus a way to close them all on shutdown. */
export interface Clients {
  readonly pool: pg.Pool;
  readonly redis: Redis;
  /** The current RabbitMQ connection, or the reason there is none (the app reconnects in the background). */
  readonly amqp: AmqpConnectionProvider;
  close(): Promise<void>;
}

/** Logs a dependency's error once, not once per reconnection attempt. */
function quietLogger(name: string): (error: Error) => void {
  let last = '';
  return (error) => {
    if (error.message === last) return;
    last = error.message;
    console.warn(`[example] ${name}: ${error.message}`);
  };
}

/** Makes the clients. Nothing here waits for a dependency: a dead one is the health check's to report. */
export function createClients(): Clients {
  const pool = new pg.Pool({ connectionString: urls.postgres, max: 4, connectionTimeoutMillis: 2_000, application_name: 'pulsecheck-example' });
  pool.on('error', quietLogger('postgres')); // an idle client lost its connection; the pool replaces it

  const redis = new Redis(urls.redis, {
    connectionName: 'pulsecheck-example',
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  redis.on('error', quietLogger('redis'));

  let connection: amqp.ChannelModel | undefined;
  let lastError: Error = new Error('not connected yet');
  let closing = false;
  let retry: NodeJS.Timeout | undefined;
  const logAmqp = quietLogger('rabbitmq');
  const reconnectSoon = (): void => {
    if (!closing) retry = setTimeout(() => void connect(), 1_000);
  };
  const connect = async (): Promise<void> => {
    try {
      const opened = await amqp.connect(urls.amqp, { clientProperties: { connection_name: 'pulsecheck-example' } });
      if (closing) {
        await opened.close();
        return;
      }
      opened.on('error', (error: Error) => {
        lastError = error;
        logAmqp(error);
      });
      opened.on('close', () => {
        connection = undefined;
        reconnectSoon();
      });
      connection = opened;
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
      logAmqp(lastError);
      reconnectSoon();
    }
  };
  void connect();

  return {
    pool,
    redis,
    amqp: () => {
      if (connection === undefined) throw lastError;
      return connection;
    },
    async close() {
      closing = true;
      clearTimeout(retry);
      const current = connection;
      connection = undefined;
      // quit() waits for the server's reply: only ask a connected client; disconnect() stops reconnecting at once.
      let redisClosed: Promise<unknown> = Promise.resolve();
      if (redis.status === 'ready') {
        redisClosed = redis.quit().catch(() => {
          redis.disconnect();
        });
      } else {
        redis.disconnect();
      }
      await Promise.allSettled([pool.end(), redisClosed, current?.close()]);
    },
  };
}
