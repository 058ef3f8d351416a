import { create as createAdonis } from '../src/adapters/adonisHealth.js';
import { create as createNest } from '../src/adapters/nestTerminus.js';
import { createVariant, startReceiver } from '../src/pulsecheckServices.js';
import { trivialChecks } from '../src/works.js';
import { performance } from 'node:perf_hooks';
const receiver = await startReceiver();
const works = trivialChecks(100, 'pass');
const heavy = process.argv[2] === 'heavy';
const runners = { adonis: await createAdonis({ checks: works }), defaults: await createVariant('defaults', works), fresh: await createVariant('fresh', works) };
if (process.argv[3] === 'nest') { runners.nest = await createNest({ checks: works, timeoutMs: 800, style: 'attempt' }); runners.updown = await createNest({ checks: works, style: 'updown' }); }
if (process.argv[3] === 'bg') { runners.bg = await createVariant('background', works); runners.fbg = await createVariant('features-background', works, { receiverUrl: receiver.url }); runners.cache = await createVariant('cache', works); }
if (process.argv[3] === 'cacheonly') { runners.cache = await createVariant('cache', works); }
if (process.argv[3] === 'fbgonly') { runners.fbg = await createVariant('features-background', works, { receiverUrl: receiver.url }); }
if (heavy) { runners.features = await createVariant('features', works, { receiverUrl: receiver.url }); runners.adonis2 = await createAdonis({ checks: works }); }
async function batch(run, ms) {
  let n = 0; const c0 = process.cpuUsage(); const t0 = performance.now();
  do { await run(); n++; } while (performance.now() < t0 + ms);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}
const results = {};
for (let round = 0; round < 6; round++) {
  for (const [k, r] of Object.entries(runners)) {
    const x = await batch(r.run, 150);
    if (round > 0) (results[k] ??= []).push(x);
  }
}
const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [k, v] of Object.entries(results)) console.log(k.padEnd(9), med(v).toFixed(1), (med(v) / med(results.adonis)).toFixed(2));
process.exit(0);
