// One library's measurement for the perf guard (scripts/perf-guard.mjs), run under valgrind's callgrind with
// instrumentation off at start:
//   1. builds `lib`'s runner over `n` trivial passing checks and does `warmup` run() calls (start-up, module
//      loading, JIT tiering: all uninstrumented, so they cost the guard little time and nothing in the count);
//   2. prints "ready" and spins until `flag` exists (a spin, not a blocking wait: valgrind serves the guard's
//      `vgdb instrumentation on` between basic blocks of a running process);
//   3. `windows` times: a full GC (gc(), so run with --expose-gc), os.setPriority() (callgrind runs with
//      --dump-before=uv_os_setpriority: odd dumps hold the spin and the GC), `runs` run() calls and
//      os.setPriority() again (even dumps 2, 4, ...: exactly K runs each, scavenges and promotions included).
// The guard takes the median window: start-up never counts, and a window that happened to hold a rare event
// (a late optimisation) does not move the figure.
//
//   node --single-threaded --expose-gc src/guardChild.js pulsecheck[-<variant>]|adonis|bare|nest|nest-updown <n> <warmup> <runs> <windows> <flag file>
import { existsSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { create as createAdonis } from './adapters/adonisHealth.js';

const [lib, nArg, warmupArg, runsArg, windowsArg, flag] = process.argv.slice(2);
const n = Number(nArg);
const warmup = Number(warmupArg);
const runs = Number(runsArg);
const windows = Number(windowsArg);
const works = Array.from({ length: n }, (_, index) => ({ name: `check${index}`, work: async () => {} }));

async function runner() {
  if (lib === 'adonis') return createAdonis({ checks: works });
  if (lib === 'nest' || lib === 'nest-updown') {
    const { create } = await import('./adapters/nestTerminus.js');
    return create({ checks: works, timeoutMs: 800, style: lib === 'nest' ? 'attempt' : 'updown' });
  }
  if (lib === 'pulsecheck' || lib.startsWith('pulsecheck-')) {
    // pulsecheck-fresh, pulsecheck-features, pulsecheck-cache, ...: the variants of src/pulsecheckServices.js
    // (reported, never bounded; the features variants post their webhooks to a local receiver).
    const services = await import('./pulsecheckServices.js');
    const variant = lib === 'pulsecheck' ? 'defaults' : lib.slice('pulsecheck-'.length);
    const receiver = variant.startsWith('features') ? await services.startReceiver() : undefined;
    const built = await services.createVariant(variant, works, { receiverUrl: receiver?.url });
    return {
      run: built.run,
      close: async () => {
        await built.close();
        await receiver?.close();
      },
    };
  }
  if (lib === 'bare') {
    const one = async ({ name, work }) => {
      try {
        await work();
        return { name, status: 'pass' };
      } catch (error) {
        return { name, status: 'fail', message: String(error) };
      }
    };
    return { run: async () => ({ results: await Promise.all(works.map(one)) }), close: async () => {} };
  }
  throw new Error(`guardChild: unknown library '${lib}' (expected pulsecheck, pulsecheck-<variant>, adonis, bare, nest or nest-updown)`);
}

const priority = getPriority();
const { run, close } = await runner();
for (let index = 0; index < warmup; index += 1) await run();
console.log('ready');
const giveUpAt = Date.now() + 600_000;
while (!existsSync(flag)) {
  // spin until the guard has switched callgrind's instrumentation on (or has gone: then give up)
  if (Date.now() > giveUpAt) throw new Error('guardChild: no go from the guard in 10 minutes');
}
for (let window = 0; window < windows; window += 1) {
  // A full collection before each window, outside it: every window starts from the same empty new space and
  // holds the same number of scavenges, and no major GC left over from earlier work falls into one window only.
  globalThis.gc({ type: 'minor' });
  setPriority(priority); // dump 2w + 1: the spin (first window), the collection
  for (let index = 0; index < runs; index += 1) await run();
  setPriority(priority); // dump 2w + 2: exactly `runs` runs
}
await close();
console.log('done');
