/**
 * The pulsecheck example service: `npm run example`.
 *
 * Serves the health of PostgreSQL, Redis, RabbitMQ and the process itself on
 * http://127.0.0.1:3000 (PORT and HOST override it; a taken port is a one-line
 * error and exit code 1):
 *   /health         every check (JSON for `Accept: application/json`, HTML for a browser)
 *   /health/live    liveness: the process checks only
 *   /health/ready   readiness: the dependencies (503 "shutting down" once SIGTERM or SIGINT arrived)
 *   /health/startup startup
 * `?format=json|html|health+json|openmetrics|prometheus` overrides the Accept header.
 * The same health is served over gRPC (grpc.health.v1.Health: Check and Watch, for Kubernetes
 * `grpc:` probes and grpc_health_probe) on GRPC_PORT (default 3001; 0 picks a free port): service
 * names "" (every check), "liveness", "readiness", "startup".
 * With a dependency down, /health answers 503 and names it. The HTML page
 * draws each check's recent results (history); `DEMO_OUTAGE=1` takes Redis
 * down for 20 s of every minute to show one (see outage.ts).
 * On SIGTERM or SIGINT, readiness and /health answer 503 "shutting down" for
 * DRAIN_MS milliseconds (default 0), then the server closes and every client is
 * released. A second signal does not cut the drain short (Ctrl-C under npm is
 * two: the terminal's and npm's copy); a third stops at once.
 * With BACKGROUND_MS set (e.g. 5000), the checks run in background mode on
 * that interval (the disk check on its own, slower one) and /health answers
 * from their latest results.
 * With PULSECHECK_WEBHOOK_URL set, status changes are posted to it
 * (PULSECHECK_WEBHOOK_FORMAT: json, slack or teams; default json).
 * `npm run example` runs node directly (the build is its `preexample`), so a
 * SIGTERM to npm's PID reaches this process.
 */
import { createServer } from 'node:http';
import { Server as GrpcServer, ServerCredentials } from '@grpc/grpc-js';
import { Container } from 'inversify';
import { attachNotifier, createHealthListener, HealthService, healthModule, WebhookNotifier, type WebhookFormat } from 'pulsecheck';
import { addGrpcHealthService } from 'pulsecheck/grpc';
import { PG_POOL } from 'pulsecheck/postgres';
import { AMQP_CONNECTION } from 'pulsecheck/rabbitmq';
import { REDIS_CLIENT } from 'pulsecheck/redis';
import './checks.js';
import { createClients, urls } from './clients.js';
import { startOutageDemo } from './outage.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const drainMs = Number(process.env.DRAIN_MS ?? 0);
const grpcPort = Number(process.env.GRPC_PORT ?? 3001);

const outage = await startOutageDemo(urls); // DEMO_OUTAGE=1: Redis goes down and comes back (outage.ts)
const clients = createClients();
const container = new Container();
container.bind(PG_POOL).toConstantValue(clients.pool);
container.bind(REDIS_CLIENT).toConstantValue(clients.redis);
container.bind(AMQP_CONNECTION).toConstantValue(clients.amqp);
container.load(healthModule());
const health = container.get(HealthService);
outage?.run(health);

const backgroundMs = Number(process.env.BACKGROUND_MS ?? 0);
if (backgroundMs > 0 && !health.running) health.start({ intervalMs: backgroundMs }); // DEMO_OUTAGE started it already

health.onStatusChange((check, previous, current) => {
  if (previous === undefined && current === 'pass') return;
  console.log(`[example] ${check.name}: ${previous ?? 'unknown'} -> ${current}${current === 'pass' ? '' : ` (${check.output.replaceAll('\n', '; ')})`}`);
});

// Notifications: only when a webhook is configured (the URL is a secret: it is never logged).
const webhookUrl = process.env.PULSECHECK_WEBHOOK_URL;
const notifier =
  webhookUrl === undefined || webhookUrl === ''
    ? undefined
    : new WebhookNotifier({ url: webhookUrl, format: (process.env.PULSECHECK_WEBHOOK_FORMAT ?? 'json') as WebhookFormat, service: 'pulsecheck-example' });
if (notifier !== undefined) attachNotifier(health, notifier);

const index = `<!doctype html><html lang="en"><meta charset="utf-8"><title>pulsecheck example</title>
<h1>pulsecheck example</h1><ul>
<li><a href="/health">/health</a> (<a href="/health?format=json">json</a>, <a href="/health?format=health+json">health+json</a>, <a href="/health?format=openmetrics">openmetrics</a>)</li>
<li><a href="/health/live">/health/live</a></li><li><a href="/health/ready">/health/ready</a></li><li><a href="/health/startup">/health/startup</a></li></ul>`;

const server = createServer(
  createHealthListener(health, {
    refreshSeconds: 10,
    fallback: (request, response) => {
      if (request.url === '/') response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(index);
      else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    },
  }),
);

server.once('error', (error: NodeJS.ErrnoException) => {
  // A taken port is a one-line message, not a stack trace; anything else is a real bug.
  const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT to another one)` : error.code === 'EACCES' ? `no permission to listen on port ${port}` : undefined;
  if (reason === undefined) throw error;
  console.error(`[example] cannot serve http://${host}:${port}: ${reason}`);
  process.exitCode = 1;
  void release();
});

server.listen(port, host, () => {
  console.log(`[example] serving http://${host}:${port}/health (PostgreSQL ${redactUrl(urls.postgres)}, Redis ${redactUrl(urls.redis)}, RabbitMQ ${redactUrl(urls.amqp)})`);
});

// The same health over gRPC: grpc.health.v1.Health on a second port.
const grpcServer = new GrpcServer();
const grpcHealth = addGrpcHealthService(grpcServer, health);
grpcServer.bindAsync(`${host}:${grpcPort}`, ServerCredentials.createInsecure(), (error, bound) => {
  if (error === null) {
    console.log(`[example] serving grpc.health.v1.Health on ${host}:${bound} (services "", "liveness", "readiness", "startup")`);
    return;
  }
  console.error(`[example] cannot serve gRPC on ${host}:${grpcPort}: ${error.message.includes('EADDRINUSE') || error.message.includes('No address added') ? `port ${grpcPort} is already in use (set GRPC_PORT to another one)` : error.message}`);
  process.exitCode = 1;
  void release();
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[example] ${signal}: readiness and /health now answer 503 (gRPC: NOT_SERVING); draining for ${drainMs} ms`);
  grpcHealth.beginShutdown(); // health.beginShutdown(), and every gRPC Watch stream hears it at once
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
  grpcHealth.close(); // ends the Watch streams, so that tryShutdown can finish
  await new Promise<void>((resolve) => {
    grpcServer.tryShutdown(() => {
      resolve();
    });
  });
  await release();
  console.log('[example] stopped');
}

/** Stops the checks and closes the clients; the process then ends by itself. */
async function release(): Promise<void> {
  grpcHealth.close();
  grpcServer.forceShutdown();
  await health.stop();
  await notifier?.close(2_000); // drains what is queued, within 2 s
  container.unbindAll(); // stops the event-loop monitor (@preDestroy)
  await clients.close();
  await outage?.close();
  // Everything is closed, so the process ends by itself; if a driver still holds a handle, do not hang the deploy.
  setTimeout(() => {
    console.error('[example] still running 5 s after shutdown:', process.getActiveResourcesInfo().join(', '));
    process.exit(1);
  }, 5_000).unref();
}
// Ctrl-C sends SIGINT to the whole process group, and npm may forward its own copy: one key press can be
// two signals. So the first signal starts the drain, the second is only acknowledged, and a third stops at
// once, for a user who really wants out.
let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals === 1) {
      shutdown(signal).catch((error: unknown) => {
        console.error('[example] shutdown failed', error);
        process.exitCode = 1;
      });
    } else if (signals === 2) {
      console.log(`[example] ${signal}: already draining (another signal stops at once)`);
    } else {
      console.log(`[example] ${signal}: stopping at once`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  });
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
