/**
 * The shared services the integration specs run against, their URLs (from
 * the environment, with loopback defaults) and the skip logic: a service that
 * does not answer is skipped with a loud message, except on CI
 * (`CI=true`), where its specs must run and therefore fail.
 */
import { connect } from 'node:net';

/** A service the integration specs need. */
export type ServiceName = 'postgres' | 'redis' | 'rabbitmq' | 'mysql' | 'nats' | 'mqtt';

const services: Record<ServiceName, { readonly label: string; readonly variable: string; readonly fallback: string; readonly port: number }> = {
  postgres: { label: 'PostgreSQL', variable: 'PULSECHECK_PG_URL', fallback: 'postgres://postgres@127.0.0.1:5432/postgres', port: 5432 },
  redis: { label: 'Redis', variable: 'PULSECHECK_REDIS_URL', fallback: 'redis://127.0.0.1:6379', port: 6379 },
  rabbitmq: { label: 'RabbitMQ', variable: 'PULSECHECK_AMQP_URL', fallback: 'amqp://guest:guest@127.0.0.1:5672', port: 5672 },
  mysql: { label: 'MySQL/MariaDB', variable: 'PULSECHECK_MYSQL_URL', fallback: 'mysql://root@127.0.0.1:3306/test', port: 3306 },
  nats: { label: 'NATS', variable: 'PULSECHECK_NATS_URL', fallback: 'nats://127.0.0.1:4222', port: 4222 },
  mqtt: { label: 'MQTT (Mosquitto)', variable: 'PULSECHECK_MQTT_URL', fallback: 'mqtt://127.0.0.1:1883', port: 1883 },
};

/** The URL of a service: its environment variable, else the loopback default. */
export function serviceUrl(name: ServiceName): string {
  const service = services[name];
  const fromEnv = process.env[service.variable];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : service.fallback;
}

/** The service's URL with another port (on 127.0.0.1: a proxy or a closed port), user or password. */
export function serviceUrlWith(name: ServiceName, changes: { port?: number; user?: string; password?: string }): string {
  const url = new URL(serviceUrl(name));
  if (changes.port !== undefined) {
    url.hostname = '127.0.0.1';
    url.port = String(changes.port);
  }
  if (changes.user !== undefined) url.username = changes.user;
  if (changes.password !== undefined) url.password = changes.password;
  return url.toString();
}

/** The service's URL with its password masked, for messages. */
export function displayUrl(name: ServiceName): string {
  const url = new URL(serviceUrl(name));
  if (url.password !== '') url.password = '***';
  return url.toString();
}

const reachability = new Map<ServiceName, Promise<string | undefined>>();

/** Resolves to `undefined` when the service accepts a TCP connection within 1.5 s, else to the reason. */
export function probeService(name: ServiceName): Promise<string | undefined> {
  let known = reachability.get(name);
  if (known === undefined) {
    const url = new URL(serviceUrl(name));
    const host = url.hostname === '' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
    const port = url.port === '' ? services[name].port : Number(url.port);
    known = new Promise((resolve) => {
      const socket = connect({ host, port });
      const finish = (reason: string | undefined): void => {
        socket.destroy();
        resolve(reason);
      };
      socket.setTimeout(1500, () => {
        finish('no answer within 1500 ms');
      });
      socket.once('connect', () => {
        finish(undefined);
      });
      socket.once('error', (error) => {
        finish(error.message === '' ? (error as NodeJS.ErrnoException).code ?? 'connection error' : error.message);
      });
    });
    reachability.set(name, known);
  }
  return known;
}

/**
 * For a `before` hook: skips the suite, loudly, when the service does not
 * answer; on CI (`CI=true`) fails instead, because there the services must be
 * there.
 */
export async function requireService(context: Mocha.Context, name: ServiceName): Promise<void> {
  const reason = await probeService(name);
  if (reason === undefined) return;
  const message = `${services[name].label} not reachable at ${displayUrl(name)} (${reason})`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true, so its integration specs must run`);
  console.warn(`SKIPPED: ${message}; set ${services[name].variable} to run its integration specs`);
  context.skip();
}
