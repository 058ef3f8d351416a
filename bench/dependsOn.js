// `npm run build && node bench/dependsOn.js`: what dependsOn costs a run, as a ratio in one process.
// Three services of 10 synchronous checks (the worst case: no I/O to hide the bookkeeping), measured
// in alternation: no dependsOn; 9 checks depending on one that passes; the same with it failing
// (its dependents blocked); and, for scale, no dependsOn with all 10 failing on their own. Prints microseconds per run and the ratios to the first.
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { HealthCheck, HealthCheckRegistry, HealthService, ServiceUnavailable, registerHealthCheck } from '../dist/index.js';

function service(withDependencies, rootFails, allFail = false) {
  const registry = new HealthCheckRegistry();
  const instances = [];
  for (let index = 0; index < 10; index += 1) {
    const Check = class extends HealthCheck {
      check() {
        if ((index === 0 && rootFails) || allFail) throw new ServiceUnavailable('down');
      }
    };
    Object.defineProperty(Check, 'name', { value: `Check${index}` });
    registerHealthCheck({ registry, ...(withDependencies && index > 0 ? { dependsOn: ['Check0'] } : {}) })(Check);
    instances.push(new Check());
  }
  return new HealthService(instances, { latchStartup: false });
}

const services = { none: service(false, false), passing: service(true, false), blocked: service(true, true), allFailing: service(false, true, true) };
async function time(health, runs) {
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) await health.run();
  return performance.now() - started;
}
for (const health of Object.values(services)) await time(health, 3_000); // warm-up
const totals = { none: 0, passing: 0, blocked: 0, allFailing: 0 };
const rounds = 10;
const runs = 4_000;
for (let round = 0; round < rounds; round += 1) {
  for (const [key, health] of Object.entries(services)) totals[key] += await time(health, runs);
}
const perRun = (key) => (totals[key] * 1_000) / (rounds * runs);
console.log(
  `µs per run: none ${perRun('none').toFixed(1)}, dependsOn passing ${perRun('passing').toFixed(1)}, dependsOn blocked ${perRun('blocked').toFixed(1)}, all failing without dependsOn ${perRun('allFailing').toFixed(1)}`,
);
console.log(
  `ratio to none: passing ${(totals.passing / totals.none).toFixed(2)}, blocked ${(totals.blocked / totals.none).toFixed(2)}, all failing without dependsOn ${(totals.allFailing / totals.none).toFixed(2)}`,
);
