// `node bench/soloRuns.js <runner> [n=100]`: CPU µs per run() of n trivial passing checks, one runner alone in this
// process (the side-by-side scenario `peers` runs them all in one process, alternating, as issue 23 asks; this is
// the same measurement without neighbours). Runners: adonis, pulsecheck-<variant> (see src/pulsecheckServices.js:
// defaults, fresh, cache, background, features, ...). Warm-up, then the median of 7 batches of 2,000,000 / n / 10 runs.
import { create as createAdonis } from './src/adapters/adonisHealth.js';

const [lib = 'pulsecheck-defaults', nArg] = process.argv.slice(2);
const n = Number(nArg ?? 100);
const works = Array.from({ length: n }, (_, index) => ({ name: `check${index}`, work: async () => {} }));
let runner;
if (lib === 'adonis') {
  runner = await createAdonis({ checks: works });
} else if (lib.startsWith('pulsecheck-')) {
  const services = await import('./src/pulsecheckServices.js');
  runner = await services.createVariant(lib.slice('pulsecheck-'.length), works);
} else {
  throw new Error(`soloRuns: unknown runner '${lib}' (adonis or pulsecheck-<variant>)`);
}
const total = Math.round(2_000_000 / n);
for (let index = 0; index < total / 4; index += 1) await runner.run();
const batches = [];
for (let batch = 0; batch < 7; batch += 1) {
  const before = process.cpuUsage();
  for (let index = 0; index < total / 10; index += 1) await runner.run();
  const used = process.cpuUsage(before);
  batches.push((used.user + used.system) / (total / 10));
}
batches.sort((a, b) => a - b);
console.log(`${lib} N=${n}: ${batches[3].toFixed(2)} µs/run (median of 7 batches)`);
await runner.close?.();
process.exit(0);
