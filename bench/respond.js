// A micro-benchmark of respond(): CPU-µs per call for the requests a health endpoint sees (a probe with
// no Accept, a monitor's application/json, a browser, a Prometheus 3 scrape), on a 3-check report.
//
//   node bench/respond.js [path/to/dist] [label]
//
// Run it against two builds to compare a change (e.g. a copy of dist/ from before it). It is short on
// purpose (a few hundred ms per request shape): the machine may be shared. Not part of `npm run bench`.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);
const label = process.argv[3] ?? dist;
// The module itself, not the barrel: a copied dist/ outside the repository has no node_modules for the peers.
const { respond } = await import(pathToFileURL(`${dist}/render/respond.js`).href);

const at = '2026-11-30T10:00:00.000Z';
const check = (name, status, output, errors) => ({
  name,
  status,
  critical: true,
  tags: ['ready'],
  durationMs: 1.5,
  output,
  errors,
  observations: { latency: { value: 1.2, unit: 'ms' } },
  checkedAt: at,
});
const report = {
  status: 'fail',
  httpStatus: 503,
  startedAt: at,
  durationMs: 3.2,
  checks: [
    check('DatabaseHealthCheck', 'pass', 'working', []),
    check('QueueHealthCheck', 'fail', 'unavailable: connect ECONNREFUSED 127.0.0.1:5672', [{ kind: 'unavailable', message: 'connect ECONNREFUSED 127.0.0.1:5672' }]),
    check('CacheHealthCheck', 'pass', 'working', []),
  ],
};

const requests = {
  'probe (no Accept)': { method: 'GET' },
  'monitor (application/json)': { accept: 'application/json', method: 'GET' },
  'browser (Chrome Accept), refresh 30': {
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
    method: 'GET',
    refreshSeconds: 30,
  },
  'Prometheus 3 scrape': {
    accept: 'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1',
    method: 'GET',
  },
};

/** CPU-µs per call over `calls` calls. */
function measure(request, calls) {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i += 1) respond(report, request);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
for (const [name, request] of Object.entries(requests)) {
  measure(request, 5_000); // warm up
  results[name] = median(Array.from({ length: 5 }, () => measure(request, 10_000)));
}
console.log(JSON.stringify({ label, microsecondsPerCall: Object.fromEntries(Object.entries(results).map(([name, us]) => [name, Number(us.toFixed(2))])) }));
