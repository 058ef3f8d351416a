// Engine micro-benchmark (issue 23, helper "engine"): µs per run() and bytes allocated per run of N trivial async
// checks, for one or more pulsecheck builds side by side in one process, next to a bare Promise.all floor.
// Usage: node --expose-gc --max-semi-space-size=128 bench/engine-micro.js main=/path/to/dist/index.js now=dist/index.js
// Env: NS=1,10,100  ROUNDS=5  MODE=defaults|fresh|cached|features. Bytes: used_heap_size delta over a batch of runs
// with no scavenge in between (a semi-space large enough), divided by the runs.

import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { setImmediate } from 'node:timers';
import { PerformanceObserver } from 'node:perf_hooks';
const libs = [];
for (const arg of process.argv.slice(2).filter((a) => a.includes('='))) {
  const [label, path] = arg.split('=');
  const mod = await import(pathToFileURL(path).href);
  libs.push({ label, mod });
}
const Ns = (process.env.NS ?? '1,10,100').split(',').map(Number);
const rounds = Number(process.env.ROUNDS ?? 5);
const mode = process.env.MODE ?? 'defaults'; // defaults | fresh | cached | features
async function make(mod, n) {
  const { Container } = await import('inversify');
  const { HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } = mod;
  const registry = new HealthCheckRegistry();
  for (let i = 0; i < n; i++) {
    const C = class extends HealthCheck { async check() {} };
    const opts = { registry, name: `c${i}`, timeoutMs: 800 };
    if (mode === 'features') { opts.failAfter = 2; opts.recoverAfter = 2; if (i > 0) opts.dependsOn = [`c${i - 1}`]; }
    registerHealthCheck(opts)(C);
  }
  const container = new Container();
  const svcOpts = { registry };
  if (mode === 'cached') svcOpts.defaultCacheTtlMs = 60_000;
  await container.load(healthModule(svcOpts));
  const health = container.get(HealthService);
  if (mode === 'features') {
    health.onStatusChange(() => {});
    health.onResult(() => {});
  }
  const runOpts = mode === 'fresh' ? { fresh: true } : undefined;
  if (mode === 'cached') await health.run();
  return () => health.run(runOpts);
}
function bare(n) {
  const fns = Array.from({ length: n }, () => async () => {});
  return () => Promise.all(fns.map((f) => f()));
}
let gcs = 0;
new PerformanceObserver((list) => { gcs += list.getEntries().length; }).observe({ entryTypes: ['gc'] });
async function time(run, iters) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) await run();
  return Number(process.hrtime.bigint() - t0) / 1e3 / iters;
}
async function alloc(run, iters) {
  for (let attempt = 0; attempt < 5; attempt++) {
    globalThis.gc(); await new Promise((r) => setImmediate(r));
    const before = gcs; const h0 = v8.getHeapStatistics().used_heap_size;
    for (let i = 0; i < iters; i++) await run();
    const h1 = v8.getHeapStatistics().used_heap_size;
    await new Promise((r) => setImmediate(r));
    if (gcs === before || h1 > h0) { if (h1 > h0) return (h1 - h0) / iters; }
  }
  return NaN;
}
for (const n of Ns) {
  const runners = [{ label: 'bare', run: bare(n) }];
  for (const { label, mod } of libs) runners.push({ label, run: await make(mod, n) });
  const iters = Math.max(200, Math.round(200000 / n / 10));
  for (const r of runners) { await time(r.run, iters); r.samples = []; }
  for (let k = 0; k < rounds; k++) for (const r of runners) r.samples.push(await time(r.run, iters));
  const line = [`N=${n} mode=${mode}`];
  for (const r of runners) {
    r.samples.sort((a, b) => a - b);
    const med = r.samples[Math.floor(r.samples.length / 2)];
    const bytes = typeof globalThis.gc === 'function' ? await alloc(r.run, Math.max(5, Math.round(2000 / n))) : NaN;
    line.push(`${r.label}: ${med.toFixed(1)}µs (${(med / runners[0].samples[Math.floor(rounds / 2)]).toFixed(1)}x bare) ${Math.round(bytes)}B/run`);
  }
  console.log(line.join(' | '));
}
process.exit(0);
