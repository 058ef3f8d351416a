// Scenario "peers" (issue 23), one process per group (see sideBySideGroups): `peers` holds pulsecheck (defaults),
// @adonisjs/health, @nestjs/terminus and a bare Promise.all floor; `configurations` holds pulsecheck's
// configurations (defaults, fresh, every feature on; the answers from the cache and background mode at the
// largest N) with adonis and the floor. In each, the runners are measured in alternating rounds (the order
// rotates each round), at N = 1, 10, 100 trivial async checks that all pass. Per round and configuration, each
// runner does a batch of sequential run() calls for `batchMs`; the figure is the median over the rounds of
// CPU-µs per run (process CPU time: on a shared machine, what the library itself costs), with wall-clock µs
// beside it. Also: bytes allocated per run() at the largest N.
//
//   node --expose-gc src/scenarios/sideBySideChild.js [sizes=1,10,100] [rounds=5] [batchMs=100] [group=peers]
//
// prints a table to stderr and the JSON result on the last line of stdout. PULSECHECK_DIST selects the build.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { create as createAdonis } from '../adapters/adonisHealth.js';
import { create as createNest } from '../adapters/nestTerminus.js';
import { bytesAllocatedPerCall } from '../allocation.js';
import { pulsecheckBuildLabel } from '../pulsecheckBuild.js';
import { createVariant, startReceiver } from '../pulsecheckServices.js';
import { answerLibs, formatSideBySide, sideBySideGroups, sideBySideLibs } from '../sideBySideFormat.js';
import { median, round } from '../stats.js';
import { trivialChecks } from '../works.js';

/** The floor: Promise.all over the checks, each caught into a result, as a hand-written handler would. */
function promiseAllFloor(works) {
  const one = async ({ name, work }) => {
    try {
      await work();
      return { name, status: 'pass' };
    } catch (error) {
      return { name, status: 'fail', message: error instanceof Error ? error.message : String(error) };
    }
  };
  return {
    run: async () => {
      const results = await Promise.all(works.map(one));
      return { healthy: results.every((result) => result.status === 'pass'), results };
    },
    close: async () => {},
  };
}

async function createRunner(key, works, receiverUrl) {
  switch (key) {
    case 'bare':
      return promiseAllFloor(works);
    case 'adonis':
      return createAdonis({ checks: works });
    case 'nest':
      return createNest({ checks: works, timeoutMs: 800, style: 'attempt' });
    case 'nest-updown':
      return createNest({ checks: works, style: 'updown' });
    default: {
      const variant = key === 'pulsecheck' ? 'defaults' : key.slice('pulsecheck-'.length);
      return createVariant(variant, works, { receiverUrl });
    }
  }
}

/**
 * One batch of sequential runs for `batchMs`. It starts after a full collection and `settleMs` of runs, neither
 * measured: each batch then pays for the collection of its own garbage only, never for what the batch before
 * it left (terminus's attempt().withTimeout() leaves over 1 MB per run of 100 checks, which the next runner in
 * the rotation would otherwise collect on its own clock), and is measured in the steady state it reaches again
 * after that collection (the first runs after a major collection re-optimize what it discarded).
 */
async function batch(run, batchMs, settleMs = 20) {
  globalThis.gc?.();
  const settleUntil = performance.now() + settleMs;
  do await run();
  while (performance.now() < settleUntil);
  let count = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const until = t0 + batchMs;
  do {
    await run();
    count += 1;
  } while (performance.now() < until);
  const wallUs = (performance.now() - t0) * 1000;
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: (cpu.user + cpu.system) / count, wallUs: wallUs / count, runs: count };
}

export async function sideBySide({ sizes = [1, 10, 100], rounds = 5, batchMs = 100, warmupMs = 150, allocationMs = 300, group = 'peers', log = () => {} } = {}) {
  const chosen = sideBySideGroups[group];
  if (chosen === undefined) throw new Error(`sideBySide: unknown group '${group}' (${Object.keys(sideBySideGroups).join(', ')})`);
  const libs = sideBySideLibs.filter((lib) => chosen.keys.includes(lib.key));
  const receiver = await startReceiver();
  const largest = Math.max(...sizes);
  const runners = [];
  for (const n of sizes) {
    const works = trivialChecks(n, 'pass');
    for (const lib of [...libs, ...(n === largest && chosen.answers ? answerLibs : [])]) {
      runners.push({ key: lib.key, n, runner: await createRunner(lib.key, works, receiver.url), perRound: [] });
    }
  }
  // Warm-up: every runner, in the same order, so that each is optimised before the first timed batch.
  for (const entry of runners) await batch(entry.runner.run, warmupMs);
  for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
    for (const n of sizes) {
      const group = runners.filter((entry) => entry.n === n);
      for (let index = 0; index < group.length; index += 1) {
        const entry = group[(index + roundIndex) % group.length];
        entry.perRound.push(await batch(entry.runner.run, batchMs));
      }
    }
    log(`peers (${group}): round ${roundIndex + 1}/${rounds} done`);
  }
  // Bytes per run at the largest N: about `allocationMs` of runs each (at least 50), from the CPU time measured.
  const allocation = {};
  const allocationRuns = {};
  for (const entry of runners.filter((candidate) => candidate.n === largest)) {
    const runs = Math.max(50, Math.min(5_000, Math.round((allocationMs * 1000) / median(entry.perRound.map((batchResult) => batchResult.cpuUs)))));
    allocationRuns[entry.key] = runs;
    allocation[entry.key] = round(await bytesAllocatedPerCall(entry.runner.run, runs), 0);
  }
  const attached = runners.find((entry) => entry.key === 'pulsecheck-features')?.runner.attached ?? [];
  for (const entry of runners) await entry.runner.close();
  await receiver.close();

  const rows = runners.map(({ key, n, perRound }) => ({
    key,
    n,
    cpuUsPerRun: round(median(perRound.map((entry) => entry.cpuUs)), 2),
    wallUsPerRun: round(median(perRound.map((entry) => entry.wallUs)), 2),
    cpuUsRounds: perRound.map((entry) => round(entry.cpuUs, 2)),
  }));
  const at = (key, n) => rows.find((row) => row.key === key && row.n === n)?.cpuUsPerRun;
  const has = (key) => chosen.keys.includes(key);
  const ratios = sizes.map((n) => ({
    n,
    pulsecheckToAdonis: round(at('pulsecheck', n) / at('adonis', n), 2),
    ...(has('nest') ? { pulsecheckToNest: round(at('pulsecheck', n) / at('nest', n), 2), pulsecheckToNestUpdown: round(at('pulsecheck', n) / at('nest-updown', n), 2) } : {}),
    ...(has('pulsecheck-fresh') ? { freshToAdonis: round(at('pulsecheck-fresh', n) / at('adonis', n), 2), featuresToDefaults: round(at('pulsecheck-features', n) / at('pulsecheck', n), 2) } : {}),
    pulsecheckOverFloorUsPerCheck: round((at('pulsecheck', n) - at('bare', n)) / n, 3),
    adonisOverFloorUsPerCheck: round((at('adonis', n) - at('bare', n)) / n, 3),
  }));
  const answers = chosen.answers
    ? {
        n: largest,
        freshToCache: round(at('pulsecheck-fresh', largest) / at('pulsecheck-cache', largest), 1),
        freshToBackground: round(at('pulsecheck-fresh', largest) / at('pulsecheck-background', largest), 1),
        defaultsToBackground: round(at('pulsecheck', largest) / at('pulsecheck-background', largest), 1),
        featuresToFeaturesBackground: round(at('pulsecheck-features', largest) / at('pulsecheck-features-background', largest), 1),
        featuresBackgroundToDefaults: round(at('pulsecheck-features-background', largest) / at('pulsecheck', largest), 2),
      }
    : undefined;
  return { group, build: pulsecheckBuildLabel(), sizes, rounds, batchMs, attached, rows, ratios, answers, allocationRuns, bytesPerRun: allocation };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [sizesArg, roundsArg, batchArg, groupArg] = process.argv.slice(2);
  const result = await sideBySide({
    group: groupArg,
    sizes: sizesArg === undefined ? undefined : sizesArg.split(',').map(Number),
    rounds: roundsArg === undefined ? undefined : Number(roundsArg),
    batchMs: batchArg === undefined ? undefined : Number(batchArg),
    log: (message) => console.error(message),
  });
  for (const line of formatSideBySide(result)) console.error(line);
  console.log(JSON.stringify(result));
}
