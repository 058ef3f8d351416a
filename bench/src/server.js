// An HTTP health endpoint in its own process (started by `startServer`), for one library:
// GET /health runs that library's checks over the real clients; anything else is 404.
// `constant` is the bare node:http handler that answers a constant, the ceiling of requests per second.
// It answers IPC messages: `stats` (after a GC), `reset-counts`, `storm-inprocess`, `close`.
import http from 'node:http';
import { Buffer } from 'node:buffer';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { library } from './adapters/index.js';
import { closeClients, countingClients, openClients } from './clients.js';
import { dependencyChecks, newCounts } from './works.js';

const spec = JSON.parse(process.env.BENCH_SERVER_SPEC ?? '{}');
const counts = newCounts();
let clients;
let runner;
const server = http.createServer();
server.keepAliveTimeout = 5_000;

function notFound(_request, response) {
  response.writeHead(404).end();
}

// Every endpoint answers with the same headers; only the body and the status differ.
function send(response, statusCode, body) {
  response.writeHead(statusCode, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) }).end(body);
}

// Server-side duration of each /health request: [start (ms since the epoch), duration ms], and how late
// this process's event loop ran meanwhile (a timer cannot fire on time in a process that is not scheduled).
const timings = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
if (spec.recordTimings) loopDelay.enable();
function timed(request, response) {
  if (!spec.recordTimings) return;
  const t0 = performance.now();
  response.once('finish', () => {
    if (timings.length < 100_000) timings.push([performance.timeOrigin + t0, performance.now() - t0]);
  });
}

if (spec.lib === 'constant') {
  const body = '{"status":"pass"}';
  server.on('request', (_request, response) => {
    send(response, 200, body);
  });
} else if (spec.lib === 'constant-async') {
  // The same constant, answered from an async function after a few awaits: what any handler that awaits pays.
  const answer = async () => {
    for (let index = 0; index < 4; index += 1) await null;
    return JSON.stringify({ postgres: 'working', redis: 'working', rabbitmq: 'working' });
  };
  server.on('request', (_request, response) => {
    answer().then((body) => send(response, 200, body));
  });
} else {
  let checks;
  if (spec.checks === 'trivial') {
    // No client open: the same endpoint over three trivial checks (to tell the library's cost from the clients').
    const { trivialChecks } = await import('./works.js');
    checks = trivialChecks(3, 'pass');
  } else {
    clients = await openClients(spec.role ?? spec.lib, { pgPort: spec.pgPort });
    checks = dependencyChecks(clients, counts);
  }
  runner = await library(spec.lib).create({
    checks,
    timeoutMs: spec.timeoutMs,
    cacheTtlMs: spec.cacheTtlMs ?? 0,
    clients: clients === undefined ? undefined : countingClients(clients, counts),
  });
  if (spec.lib === 'godaddy') {
    const { createTerminus, HealthCheckError } = await import('@godaddy/terminus');
    const { aggregate } = await import('./adapters/bare.js');
    const run = aggregate(checks);
    server.on('request', notFound);
    server.prependListener('request', timed);
    createTerminus(server, {
      healthChecks: {
        '/health': async () => {
          const { healthy, info } = await run();
          if (!healthy) throw new HealthCheckError('health check failed', info);
          return info;
        },
      },
      logger: () => {},
    });
  } else {
    server.on('request', (request, response) => {
      if (request.url !== '/health') {
        notFound(request, response);
        return;
      }
      timed(request, response);
      runner.respond().then(
        ({ statusCode, body }) => {
          send(response, statusCode, body);
        },
        (error) => {
          send(response, 500, JSON.stringify(String(error)));
        },
      );
    });
  }
}

function activeResources() {
  const byType = {};
  for (const type of process.getActiveResourcesInfo()) byType[type] = (byType[type] ?? 0) + 1;
  return byType;
}

function snapshot() {
  globalThis.gc?.();
  globalThis.gc?.();
  const resources = activeResources();
  return {
    heapUsed: process.memoryUsage().heapUsed,
    rss: process.memoryUsage().rss,
    handles: Object.values(resources).reduce((sum, count) => sum + count, 0),
    resources,
    counts: { ...counts },
    pool: clients === undefined ? undefined : { total: clients.pool.totalCount, idle: clients.pool.idleCount, waiting: clients.pool.waitingCount },
  };
}

process.on('message', (message) => {
  switch (message.type) {
    case 'stats':
      process.send({ type: 'stats', id: message.id, stats: snapshot() });
      break;
    case 'cpu': {
      const { user, system } = process.cpuUsage();
      process.send({ type: 'cpu', id: message.id, cpuUs: user + system });
      break;
    }
    case 'timings': {
      const eventLoopDelayMs = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
      loopDelay.reset();
      process.send({ type: 'timings', id: message.id, timings: timings.splice(0), eventLoopDelayMs });
      break;
    }
    case 'reset-counts':
      Object.assign(counts, newCounts());
      process.send({ type: 'reset-counts', id: message.id });
      break;
    case 'storm-inprocess': {
      // `probes` concurrent run() calls in this process: how often is each dependency called?
      Object.assign(counts, newCounts());
      Promise.all(Array.from({ length: message.probes }, () => runner.run())).then(() => {
        process.send({ type: 'storm-inprocess', id: message.id, counts: { ...counts } });
      });
      break;
    }
    case 'close':
      loopDelay.disable();
      server.closeAllConnections?.();
      server.close();
      Promise.resolve(runner?.close())
        .then(() => (clients === undefined ? undefined : closeClients(clients)))
        .finally(() => {
          process.send({ type: 'close', id: message.id }, () => process.exit(0));
        });
      break;
    default:
      break;
  }
});

server.listen(0, '127.0.0.1', () => {
  process.send({ type: 'ready', port: server.address().port });
});
