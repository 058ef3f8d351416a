// Scenario 2, one library in its own process: `run()` over 10 checks that each take 50 ms;
// prints the wall time of each run.
import { performance } from 'node:perf_hooks';
import { library } from '../adapters/index.js';
import { config } from '../config.js';
import { sleepingChecks } from '../works.js';

const [key] = process.argv.slice(2);
const runner = await library(key).create({ checks: sleepingChecks(config.concurrencyChecks, config.concurrencySleepMs), timeoutMs: 800 });
const probe = await runner.respond();
if (probe.statusCode !== 200) throw new Error(`${key}: expected HTTP 200 from the sleeping checks, got ${probe.statusCode}`);

const wallMs = [];
for (let index = 0; index < config.concurrencyRuns; index += 1) {
  const t0 = performance.now();
  await runner.run();
  wallMs.push(performance.now() - t0);
}
await runner.close();
console.log(JSON.stringify({ key, wallMs }));
