// Scenario "peers" (issue 23): pulsecheck, @adonisjs/health, @nestjs/terminus and a bare Promise.all floor in
// ONE process, measured in alternating rounds (the order rotates each round), at N = 1, 10, 100 trivial async
// checks that all pass. Per round and configuration, each runner does a batch of sequential run() calls for
// `batchMs`; the figure is the median over the rounds of CPU-µs per run (process CPU time: on a shared machine,
// what the library itself costs), with wall-clock µs beside it. Also: every pulsecheck feature on, the answer
// from the cache and from background mode (100 checks), and bytes allocated per run() of 100 checks.
//
//   node src/scenarios/sideBySideChild.js [sizes=1,10,100] [rounds=5] [batchMs=100]
//
// prints a table to stderr and the JSON result on the last line of stdout. PULSECHECK_DIST selects the build.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { create as createAdonis } from '../adapters/adonisHealth.js';
import { create as createNest } from '../adapters/nestTerminus.js';
import { bytesAllocatedPerCall } from '../allocation.js';
import { pulsecheckBuildLabel } from '../pulsecheckBuild.js';
import { createVariant, startReceiver } from '../pulsecheckServices.js';
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

/** The runners, by key: what the table's columns are. */
export const sideBySideLibs = [
  { key: 'bare', label: 'bare Promise.all (floor)' },
  { key: 'adonis', label: '@adonisjs/health' },
  { key: 'nest-updown', label: '@nestjs/terminus (up()/down(), no timeout: the figure issue 23 quotes)' },
  { key: 'nest', label: '@nestjs/terminus (attempt().withTimeout(800))' },
  { key: 'pulsecheck', label: 'pulsecheck, defaults (history 60, timeouts, single-flight)' },
  { key: 'pulsecheck-fresh', label: 'pulsecheck, singleFlight: false, run({ fresh: true })' },
  { key: 'pulsecheck-features', label: 'pulsecheck, every feature on' },
];
/** Answers without execution, at the largest N only. */
export const answerLibs = [
  { key: 'pulsecheck-cache', label: 'pulsecheck, answer from the cache (defaultCacheTtlMs 1 h)' },
  { key: 'pulsecheck-background', label: 'pulsecheck, answer from background mode (start({ intervalMs: 60 s }))' },
  { key: 'pulsecheck-features-background', label: 'pulsecheck, every feature on, answer from background mode (per-check intervalMs)' },
];

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

async function batch(run, batchMs) {
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

export async function sideBySide({ sizes = [1, 10, 100], rounds = 5, batchMs = 100, warmupMs = 150, allocationMs = 300, log = () => {} } = {}) {
  const receiver = await startReceiver();
  const largest = Math.max(...sizes);
  const runners = [];
  for (const n of sizes) {
    const works = trivialChecks(n, 'pass');
    for (const lib of [...sideBySideLibs, ...(n === largest ? answerLibs : [])]) {
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
    log(`peers: round ${roundIndex + 1}/${rounds} done`);
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
  const ratios = sizes.map((n) => ({
    n,
    pulsecheckToAdonis: round(at('pulsecheck', n) / at('adonis', n), 2),
    pulsecheckToNest: round(at('pulsecheck', n) / at('nest', n), 2),
    pulsecheckToNestUpdown: round(at('pulsecheck', n) / at('nest-updown', n), 2),
    freshToAdonis: round(at('pulsecheck-fresh', n) / at('adonis', n), 2),
    featuresToDefaults: round(at('pulsecheck-features', n) / at('pulsecheck', n), 2),
    pulsecheckOverFloorUsPerCheck: round((at('pulsecheck', n) - at('bare', n)) / n, 3),
    adonisOverFloorUsPerCheck: round((at('adonis', n) - at('bare', n)) / n, 3),
  }));
  const answers = {
    n: largest,
    freshToCache: round(at('pulsecheck-fresh', largest) / at('pulsecheck-cache', largest), 1),
    freshToBackground: round(at('pulsecheck-fresh', largest) / at('pulsecheck-background', largest), 1),
    defaultsToBackground: round(at('pulsecheck', largest) / at('pulsecheck-background', largest), 1),
    featuresToFeaturesBackground: round(at('pulsecheck-features', largest) / at('pulsecheck-features-background', largest), 1),
  };
  return { build: pulsecheckBuildLabel(), sizes, rounds, batchMs, attached, rows, ratios, answers, allocationRuns, bytesPerRun: allocation };
}

/** The result as plain-text lines (the standalone output, and what run.js logs). */
export function formatSideBySide(result) {
  const lines = [`pulsecheck build: ${result.build}; ${result.rounds} rounds of ${result.batchMs} ms per configuration; CPU-µs per run() (median)`];
  const header = ['N', ...sideBySideLibs.map((lib) => lib.key)];
  lines.push(header.join('\t'));
  for (const n of result.sizes) {
    lines.push([n, ...sideBySideLibs.map((lib) => result.rows.find((row) => row.key === lib.key && row.n === n)?.cpuUsPerRun)].join('\t'));
  }
  for (const ratio of result.ratios) {
    lines.push(
      `N=${ratio.n}: pulsecheck/adonis ${ratio.pulsecheckToAdonis}, pulsecheck/terminus up-down ${ratio.pulsecheckToNestUpdown}, pulsecheck/terminus withTimeout ${ratio.pulsecheckToNest}, fresh/adonis ${ratio.freshToAdonis}, features/defaults ${ratio.featuresToDefaults}, pulsecheck above the floor ${ratio.pulsecheckOverFloorUsPerCheck} µs per check`,
    );
  }
  const { answers } = result;
  lines.push(`N=${answers.n} answers: fresh/cache ${answers.freshToCache}x, fresh/background ${answers.freshToBackground}x, defaults/background ${answers.defaultsToBackground}x, features/features-background ${answers.featuresToFeaturesBackground}x`);
  for (const lib of answerLibs) lines.push(`  ${lib.key}: ${result.rows.find((row) => row.key === lib.key)?.cpuUsPerRun} µs`);
  lines.push(`bytes allocated per run() of ${answers.n} checks: ${Object.entries(result.bytesPerRun).map(([key, bytes]) => `${key} ${bytes.toLocaleString('en-US')}`).join(', ')}`);
  lines.push(`features attached: ${result.attached.join(', ')}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [sizesArg, roundsArg, batchArg] = process.argv.slice(2);
  const result = await sideBySide({
    sizes: sizesArg === undefined ? undefined : sizesArg.split(',').map(Number),
    rounds: roundsArg === undefined ? undefined : Number(roundsArg),
    batchMs: batchArg === undefined ? undefined : Number(batchArg),
    log: (message) => console.error(message),
  });
  for (const line of formatSideBySide(result)) console.error(line);
  console.log(JSON.stringify(result));
}
