// Whether the shared services answer, so that scenarios 3–5 can be skipped with a clear line instead of crashing.
import net from 'node:net';
import { assertLoopback, config } from './config.js';

function reachable(url, defaultPort, timeoutMs = 2_000) {
  const parsed = new URL(assertLoopback(url));
  const port = Number(parsed.port || defaultPort);
  return new Promise((resolve) => {
    const socket = net.connect({ host: parsed.hostname, port });
    const done = (ok, reason) => {
      socket.destroy();
      resolve({ ok, where: `${parsed.hostname}:${port}`, reason });
    };
    socket.setTimeout(timeoutMs, () => done(false, `no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(true, undefined));
    socket.once('error', (error) => done(false, error.code ?? error.message));
  });
}

/** { postgres, redis, rabbitmq }: each { ok, where, reason }. */
export async function probeServices() {
  const [postgres, redis, rabbitmq] = await Promise.all([reachable(config.pgUrl, 5432), reachable(config.redisUrl, 6379), reachable(config.amqpUrl, 5672)]);
  return { postgres, redis, rabbitmq };
}

/** Why scenarios that need the services cannot run, or undefined when they can. */
export function unreachableReason(services) {
  const down = Object.entries(services).filter(([, state]) => !state.ok);
  if (down.length === 0) return undefined;
  return down.map(([name, state]) => `${name} not reachable at ${state.where} (${state.reason})`).join('; ');
}
