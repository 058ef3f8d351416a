// Scenario 1, one library in its own process: for each configuration `n:mode` (in the given order, each
// with a fresh runner), sequential `run()` calls over `n` trivial async checks, all passing or half
// failing; prints runs per wall-clock second and per CPU-second, per batch.
// With a third argument (milliseconds), runs one untimed batch that long instead (for the CPU profile).
import { performance } from 'node:perf_hooks';
import { library } from '../adapters/index.js';
import { config } from '../config.js';
import { trivialChecks } from '../works.js';

const [key, configsArg, profileMsArg] = process.argv.slice(2);
const lib = library(key);
const profileMs = profileMsArg === undefined ? undefined : Number(profileMsArg);

async function measure(n, mode) {
  const runner = await lib.create({ checks: trivialChecks(n, mode), timeoutMs: 800 });
  // Prove the path measured is the one meant: all pass → healthy, half fail → unhealthy.
  const probe = await runner.respond();
  const expected = mode === 'half' && n > 1 ? 503 : 200;
  if (probe.statusCode !== expected) throw new Error(`${key}: expected HTTP ${expected} for ${n} checks (${mode}), got ${probe.statusCode}`);

  const batchMs = profileMs ?? config.aggregationBatchMs;
  const batches = profileMs === undefined ? config.aggregationBatches : 1;
  let until = performance.now() + (profileMs === undefined ? config.aggregationWarmupMs : 0);
  while (performance.now() < until) await runner.run();

  // Runs per wall-clock second, and per CPU-second of this process (user + system, all its threads, GC
  // included): on a shared machine the second is what the library itself costs, whoever else wants the CPU.
  const runsPerSec = [];
  const runsPerCpuSec = [];
  for (let batch = 0; batch < batches; batch += 1) {
    let count = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    until = t0 + batchMs;
    do {
      await runner.run();
      count += 1;
    } while (performance.now() < until);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    runsPerSec.push(count / (wallMs / 1000));
    runsPerCpuSec.push(count / ((cpu.user + cpu.system) / 1e6));
  }
  await runner.close();
  return { key, n, mode, runsPerSec, runsPerCpuSec };
}

const results = [];
for (const item of configsArg.split(',')) {
  const [n, mode] = item.split(':');
  results.push(await measure(Number(n), mode));
}
console.log(JSON.stringify(results));
