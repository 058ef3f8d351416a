// Scenario "history", in its own process (run with --expose-gc): `runs` run({ fresh: true }) calls over
// `checks` trivial checks (every execution is new: runs × checks executions), with the service's history on
// (historySize 60, the default) and, for comparison, off (historySize 0). Half the checks fail every other
// execution with a long message (4 KiB: the history keeps 240 characters of it). The heap after GC is taken
// after 10,000 runs and at the end; flat means the ratio end / 10k stays near 1.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Container } from 'inversify';
import { loadPulsecheck } from '../pulsecheckBuild.js';

const { HealthCheck, HealthCheckRegistry, HealthService, ServiceUnavailable, healthModule, registerHealthCheck } = await loadPulsecheck();

const [runsArg, checksArg, historySizeArg] = process.argv.slice(2);
const runs = Number(runsArg);
const checks = Number(checksArg);
const historySize = Number(historySizeArg);
const checkpoint = 10_000;
if (typeof globalThis.gc !== 'function') throw new Error('historyChild: run with --expose-gc');

const registry = new HealthCheckRegistry();
const longMessage = 'connect ECONNREFUSED 127.0.0.1:5432 '.repeat(120); // ~4 KiB
for (let index = 0; index < checks; index += 1) {
  let executions = 0;
  const flaky = index % 2 === 1;
  registerHealthCheck({ registry, name: `Check${index}` })(
    class extends HealthCheck {
      check() {
        executions += 1;
        // a fresh string each time, so that nothing is shared between entries
        if (flaky && executions % 2 === 0) throw new ServiceUnavailable(`#${executions} ${longMessage}`);
      }
    },
  );
}
const container = new Container();
container.load(healthModule({ registry, historySize }));
const health = container.get(HealthService);

async function collect() {
  for (let index = 0; index < 3; index += 1) {
    globalThis.gc();
    await sleep(20);
  }
  return process.memoryUsage().heapUsed;
}

let done = 0;
let unhealthy = 0;
async function runUntil(total) {
  for (; done < total; done += 1) {
    const report = await health.run({ fresh: true });
    if (report.status !== 'pass') unhealthy += 1;
  }
}

const t0 = performance.now();
await runUntil(checkpoint);
const heapAt10k = await collect();
const trend = [];
const step = (runs - checkpoint) / 4;
for (let quarter = 1; quarter <= 4; quarter += 1) {
  await runUntil(checkpoint + step * quarter);
  trend.push(await collect());
}
const elapsedMs = performance.now() - t0;
const heapAtEnd = trend[trend.length - 1];
const kept = health.history();
const withHistory = await health.run({ history: true });
console.log(
  JSON.stringify({
    runs,
    checks,
    executions: runs * checks + checks,
    historySize,
    runsPerSec: runs / (elapsedMs / 1000),
    unhealthy,
    heapAt10k,
    heapAtEnd,
    heapTrend: trend,
    ratio: heapAtEnd / heapAt10k,
    entriesPerCheck: kept.map((history) => history.entries.length),
    longestOutput: Math.max(0, ...kept.flatMap((history) => history.entries.map((item) => item.output.length))),
    reportBytesWithHistory: JSON.stringify(withHistory).length,
  }),
);
