// The NestJS endpoint: the same three checks served in the same Nest 11 app shape (Express platform) through
// pulsecheck/nest (with and without single-flight) and through @nestjs/terminus, each app in its own process
// (src/nestServer.js), measured with autocannon one after the other in each round (the order rotates); each
// round's ratio compares the runs of that round, and the figure is the median (with the range) of the
// per-round ratios.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { config } from '../config.js';
import { startChild } from '../serverHandle.js';
import { median, round } from '../stats.js';

const script = fileURLToPath(new URL('../nestServer.js', import.meta.url));
const rootRequire = createRequire(new URL('../../../package.json', import.meta.url));

/** The versions the two apps run on: the repository's own devDependencies, where pulsecheck/nest resolves its peers. */
function versions() {
  return Object.fromEntries(['@nestjs/core', '@nestjs/platform-express', '@nestjs/terminus'].map((name) => [name, rootRequire(`${name}/package.json`).version]));
}
export const nestLibs = [
  { key: 'pulsecheck', label: 'pulsecheck/nest (PulsecheckModule.forRoot)' },
  { key: 'pulsecheck-nosf', label: 'pulsecheck/nest, singleFlight: false' },
  { key: 'terminus', label: '@nestjs/terminus (@HealthCheck() controller, attempt().withTimeout(800))' },
];

function startNestServer(lib) {
  return startChild(script, { label: `nest server ${lib}`, env: { BENCH_NEST_LIB: lib }, startTimeoutMs: 30_000 });
}

async function measure(server) {
  const cpu0 = (await server.request('cpu')).cpuUs;
  const result = await autocannon({
    url: server.url,
    connections: config.autocannonConnections,
    duration: config.autocannonSeconds,
    pipelining: 1,
    headers: { accept: 'application/json' },
  });
  const cpuUs = (await server.request('cpu')).cpuUs - cpu0;
  return {
    rps: result.requests.average,
    rpsPerCpuSec: result.requests.total / (cpuUs / 1e6),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Runs the two apps alternately `rounds` times (after one warm-up run each). */
export async function nestEndpoint(rounds = config.rounds, log = () => {}) {
  const servers = {};
  try {
    for (const { key } of nestLibs) servers[key] = await startNestServer(key);
    for (const { key } of nestLibs) await measure(servers[key]); // warm-up: JIT, connections
    const perRound = [];
    for (let index = 0; index < rounds; index += 1) {
      // The order rotates each round, so that no app always runs right after the same one.
      const order = nestLibs.map((_, position) => nestLibs[(position + index) % nestLibs.length]);
      const measured = {};
      for (const { key } of order) measured[key] = await measure(servers[key]);
      perRound.push(measured);
      log(`nest endpoint: round ${index + 1}/${rounds}: ${nestLibs.map(({ key }) => `${key} ${round(measured[key].rps, 0)} req/s`).join(', ')}`);
    }
    const ratios = (field, key = 'pulsecheck') => perRound.map((measured) => measured[key][field] / measured.terminus[field]);
    const summary = (values) => ({ median: round(median(values), 2), min: round(Math.min(...values), 2), max: round(Math.max(...values), 2) });
    return {
      versions: versions(),
      connections: config.autocannonConnections,
      seconds: config.autocannonSeconds,
      rounds: perRound.map((measured) => Object.fromEntries(Object.entries(measured).map(([key, value]) => [key, { ...value, rps: round(value.rps, 0), rpsPerCpuSec: round(value.rpsPerCpuSec, 0) }]))),
      rows: nestLibs.map(({ key, label }) => ({
        key,
        label,
        rps: round(median(perRound.map((measured) => measured[key].rps)), 0),
        rpsPerCpuSec: round(median(perRound.map((measured) => measured[key].rpsPerCpuSec)), 0),
        latencyP50: median(perRound.map((measured) => measured[key].latencyP50)),
        latencyP99: median(perRound.map((measured) => measured[key].latencyP99)),
        non2xx: perRound.reduce((sum, measured) => sum + measured[key].non2xx, 0),
        errors: perRound.reduce((sum, measured) => sum + measured[key].errors, 0),
      })),
      ratio: { rps: summary(ratios('rps')), rpsPerCpuSec: summary(ratios('rpsPerCpuSec')) },
      ratioWithoutSingleFlight: { rps: summary(ratios('rps', 'pulsecheck-nosf')), rpsPerCpuSec: summary(ratios('rpsPerCpuSec', 'pulsecheck-nosf')) },
    };
  } finally {
    for (const server of Object.values(servers)) await server.close().catch(() => {});
  }
}

// `node src/scenarios/nestEndpoint.js [rounds]`: this scenario alone, printing its JSON.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await nestEndpoint(Number(process.argv[2] ?? config.rounds), (line) => console.error(line));
  console.log(JSON.stringify(result, null, 2));
}
