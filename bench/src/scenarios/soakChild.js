// Scenario 5, one library in its own process (run with --expose-gc): `runs` run() calls, `concurrency`
// at a time, over the three real dependency checks plus two process checks. Compares the heap after GC,
// the active handles and the server-side connections of this process before and after.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { library } from '../adapters/index.js';
import { closeClients, countingClients, openClients } from '../clients.js';
import { processChecks } from '../processChecks.js';
import { dependencyChecks, newCounts } from '../works.js';

const [key, runsArg, concurrencyArg] = process.argv.slice(2);
const runs = Number(runsArg);
const concurrency = Number(concurrencyArg);
if (typeof globalThis.gc !== 'function') throw new Error('soakChild: run with --expose-gc');

const clients = await openClients(`soak-${key}`);
const counts = newCounts();
const process_ = processChecks();
const runner = await library(key).create({
  checks: [...dependencyChecks(clients, counts), ...process_.checks],
  timeoutMs: 800,
  clients: countingClients(clients, counts),
});

async function collect() {
  for (let index = 0; index < 3; index += 1) {
    globalThis.gc();
    await sleep(20);
  }
  return process.memoryUsage().heapUsed;
}

async function serverConnections() {
  const pg = await clients.pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [clients.name]);
  const list = await clients.redis.client('LIST');
  const redis = String(list)
    .split('\n')
    .filter((line) => line.includes(` name=${clients.name} `)).length;
  let amqp;
  try {
    const { stdout } = await promisify(execFile)('rabbitmqctl', ['-q', 'list_connections', 'client_properties', 'channels'], { timeout: 15_000 });
    const mine = stdout.split('\n').filter((line) => line.includes(clients.name));
    amqp = { connections: mine.length, channels: mine.reduce((sum, line) => sum + Number(line.trim().split(/\s+/).pop() ?? 0), 0) };
  } catch {
    amqp = null; // rabbitmqctl unavailable: reported as not measured
  }
  return { pg: pg.rows[0].n, redis, amqp };
}

function handles() {
  return process.getActiveResourcesInfo().length;
}

async function soak(total) {
  let started = 0;
  let unhealthy = 0;
  async function worker() {
    while (started < total) {
      started += 1;
      const outcome = await runner.run();
      const healthy = outcome.httpStatus === 200 || outcome.statusCode === 200 || outcome.isHealthy === true;
      if (!healthy) unhealthy += 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return unhealthy;
}

// Warm up (JIT, pools, caches), then measure the baseline.
await soak(Math.min(2_000, Math.max(200, runs / 100)));
const before = { heap: await collect(), handles: handles(), server: await serverConnections() };
const t0 = performance.now();
const heapTrend = [];
let unhealthy = 0;
const slices = 4;
for (let slice = 0; slice < slices; slice += 1) {
  unhealthy += await soak(runs / slices);
  heapTrend.push(await collect());
}
const elapsedMs = performance.now() - t0;
await sleep(200);
const after = { heap: await collect(), handles: handles(), server: await serverConnections() };
const resources = process.getActiveResourcesInfo();

await runner.close();
process_.stop();
await closeClients(clients);
console.log(
  JSON.stringify({
    key,
    runs,
    concurrency,
    elapsedMs,
    runsPerSec: runs / (elapsedMs / 1000),
    unhealthy,
    dependencyCalls: counts,
    before,
    after,
    heapTrend,
    heapGrowthBytes: after.heap - before.heap,
    handleGrowth: after.handles - before.handles,
    resourcesAfter: resources,
  }),
);
