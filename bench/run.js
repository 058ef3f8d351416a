// `npm run bench`: runs every scenario against pulsecheck and its peers, in the same run, and writes
// docs/benchmarks.md (medians, ratios, bars) and bench/results/benchmarks.json (the raw numbers).
// BENCH_QUICK=1 for a ~1-minute smoke run; BENCH_SCENARIOS=1,2 to run some scenarios only (the others are carried
// over from the previous run). `node src/scenarios/nestEndpoint.js [rounds]` runs the NestJS endpoint alone and prints its JSON.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runChild } from './src/child.js';
import { config } from './src/config.js';
import { machineInfo } from './src/machine.js';
import { profileAggregation } from './src/profile.js';
import { usesBundledChecks } from './src/adapters/pulsecheck.js';
import { renderMarkdown } from './src/report.js';
import { hangScenario } from './src/scenarios/hang.js';
import { formatSideBySide, mergeSideBySide } from './src/sideBySideFormat.js';
import { nestEndpoint } from './src/scenarios/nestEndpoint.js';
import { stormCounts, stormThroughput, stormVariants } from './src/scenarios/storm.js';
import { probeServices, unreachableReason } from './src/services.js';
import { median, quantile, round } from './src/stats.js';

const docsFile = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const jsonFile = fileURLToPath(new URL('./results/benchmarks.json', import.meta.url));
const inProcessLibs = ['pulsecheck', 'nest', 'nest-updown', 'adonis', 'bare'];
const httpLibs = ['pulsecheck', 'nest', 'adonis', 'godaddy'];
const soakPeers = ['nest', 'adonis'];
const started = Date.now();

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${seconds}s] ${message}`);
}

async function scenario1() {
  const rows = [];
  const perRound = {};
  const configs = config.aggregationSizes.flatMap((n) => [`${n}:pass`, `${n}:half`]).join(',');
  for (let roundIndex = 0; roundIndex < config.rounds; roundIndex += 1) {
    // One process per library and round, every configuration in the same order; the library order
    // rotates each round, so that no library always runs right after the same one.
    const order = inProcessLibs.map((_, index) => inProcessLibs[(index + roundIndex) % inProcessLibs.length]);
    for (const key of order) {
      const measured = await runChild('scenarios/aggregationChild.js', [key, configs]);
      for (const { n, mode, runsPerSec, runsPerCpuSec } of measured) {
        (perRound[`${key}|${n}|${mode}`] ??= []).push({ wall: median(runsPerSec), cpu: median(runsPerCpuSec) });
      }
    }
    log(`scenario 1: round ${roundIndex + 1}/${config.rounds} done`);
  }
  for (const n of config.aggregationSizes) {
    for (const mode of ['pass', 'half']) {
      const bare = median(perRound[`bare|${n}|${mode}`].map((entry) => entry.cpu));
      for (const key of inProcessLibs) {
        const rounds = perRound[`${key}|${n}|${mode}`];
        const runsPerCpuSec = median(rounds.map((entry) => entry.cpu));
        const usPerRun = 1e6 / runsPerCpuSec;
        rows.push({
          key,
          n,
          mode,
          runsPerCpuSec: round(runsPerCpuSec, 1),
          runsPerSec: round(median(rounds.map((entry) => entry.wall)), 1),
          usPerCheck: round(usPerRun / n, 3),
          overheadUsPerCheck: round((usPerRun - 1e6 / bare) / n, 3),
          rounds: rounds.map((entry) => ({ wall: round(entry.wall, 1), cpu: round(entry.cpu, 1) })),
        });
      }
    }
  }
  return { rows };
}

/**
 * Two groups (see sideBySideGroups): the peers with pulsecheck's defaults, then pulsecheck's configurations; each
 * in `peersProcesses` processes, one after the other, its figures the medians over them (mergeSideBySide).
 */
async function scenarioPeers() {
  const result = {};
  for (const group of ['peers', 'configurations']) {
    const runs = [];
    for (let process = 0; process < config.peersProcesses; process += 1) {
      runs.push(await runChild('scenarios/sideBySideChild.js', [config.aggregationSizes.join(','), config.peersRounds, config.peersBatchMs, group], { timeoutMs: 900_000, execArgv: ['--expose-gc'] }));
      log(`${group}, process ${process + 1}/${config.peersProcesses}: pulsecheck/adonis ${runs.at(-1).ratios.map((ratio) => `${ratio.pulsecheckToAdonis} (N=${ratio.n})`).join(', ')}`);
    }
    result[group] = mergeSideBySide(runs);
    for (const line of formatSideBySide(result[group])) log(line);
  }
  return result;
}

async function scenario2() {
  const results = [];
  const byKey = {};
  for (let roundIndex = 0; roundIndex < config.rounds; roundIndex += 1) {
    for (const key of inProcessLibs) {
      const { wallMs } = await runChild('scenarios/concurrencyChild.js', [key]);
      (byKey[key] ??= []).push(...wallMs);
    }
  }
  for (const key of inProcessLibs) {
    const wall = byKey[key];
    results.push({ key, runs: wall.length, medianMs: round(median(wall)), p90Ms: round(quantile(wall, 0.9)), maxMs: round(Math.max(...wall)), minMs: round(Math.min(...wall)) });
  }
  return { checks: config.concurrencyChecks, sleepMs: config.concurrencySleepMs, rows: results };
}

async function scenario3() {
  const rows = [];
  for (const key of httpLibs) {
    log(`scenario 3: ${key} (${(config.hangHealthyMs + config.hangMs + config.hangRecoveryMs) / 1000} s)`);
    rows.push(await hangScenario(key));
  }
  return { rows, timeoutMs: config.checkTimeoutMs, ratePerSec: config.hangRatePerSec, hangMs: config.hangMs, probeClientTimeoutMs: config.probeClientTimeoutMs };
}

async function scenario4() {
  log('scenario 4: dependency calls per storm');
  const counts = await stormCounts(stormVariants, config.rounds);
  log('scenario 4: autocannon');
  const throughput = await stormThroughput(config.rounds);
  return { probes: config.stormProbes, cacheTtlMs: config.stormCacheTtlMs, connections: config.autocannonConnections, seconds: config.autocannonSeconds, counts, throughput };
}

async function scenario5() {
  const rows = [];
  for (const [key, runs] of [['pulsecheck', config.soakRuns], ...soakPeers.map((peer) => [peer, config.soakPeerRuns])]) {
    log(`scenario 5: ${key}, ${runs} runs`);
    rows.push(await runChild('scenarios/soakChild.js', [key, runs, config.soakConcurrency], { execArgv: ['--expose-gc'], timeoutMs: 600_000 }));
  }
  return { concurrency: config.soakConcurrency, rows };
}

async function scenarioHistory() {
  const rows = [];
  for (const historySize of [60, 0]) {
    log(`scenario history: ${config.historyRuns} runs over ${config.historyChecks} checks, historySize ${historySize}`);
    rows.push(await runChild('scenarios/historyChild.js', [config.historyRuns, config.historyChecks, historySize], { execArgv: ['--expose-gc'], timeoutMs: 1_800_000 }));
  }
  return { rows };
}

/** The previous run's results, if any: scenarios not run this time are carried over from it (and marked so). */
async function previousResults() {
  try {
    return JSON.parse(await readFile(jsonFile, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  const results = { machine: await machineInfo(), config: { ...config }, scenarios: {}, skipped: {}, errors: {} };
  // Scenarios 3–5 run pulsecheck's own PostgresHealthCheck, RedisHealthCheck and RabbitMqHealthCheck when the build has them.
  results.pulsecheckDependencyChecks = (await usesBundledChecks()) ? 'bundled' : 'bench';
  const services = await probeServices();
  results.services = services;
  const down = unreachableReason(services);
  const wanted = new Set(config.scenarios);
  const steps = [
    ['peers', 'sideBySide', scenarioPeers, false],
    ['1', 'aggregation', scenario1, false],
    ['2', 'concurrency', scenario2, false],
    ['3', 'hang', scenario3, true],
    ['4', 'storm', scenario4, true],
    ['nest', 'nestEndpoint', () => nestEndpoint(config.rounds, log), false],
    ['5', 'soak', scenario5, true],
    ['history', 'history', scenarioHistory, false],
    ['profile', 'profile', () => profileAggregation({ durationMs: config.profileMs }), false],
  ];
  for (const [id, name, fn, needsServices] of steps) {
    if (!wanted.has(id)) continue;
    if (needsServices && down !== undefined) {
      results.skipped[name] = `skipped: ${down}`;
      log(`scenario ${id} (${name}) SKIPPED: ${down}`);
      continue;
    }
    log(`scenario ${id} (${name})`);
    try {
      results.scenarios[name] = await fn();
    } catch (error) {
      // One scenario failing must not lose the others: record it and go on.
      results.errors[name] = error instanceof Error ? error.stack ?? error.message : String(error);
      log(`scenario ${id} (${name}) FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // BENCH_SCENARIOS=history (say) re-measures one scenario and keeps the others' previous figures, marked as such.
  const previous = await previousResults();
  results.carriedOver = {};
  for (const [id, name] of steps) {
    if (wanted.has(id) || previous?.scenarios?.[name] === undefined) continue;
    results.scenarios[name] = previous.scenarios[name];
    results.carriedOver[name] = previous.carriedOver?.[name] ?? previous.machine?.date ?? 'an earlier run';
  }
  results.durationSeconds = round((Date.now() - started) / 1000, 1);
  await mkdir(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  await mkdir(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await writeFile(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(docsFile, renderMarkdown(results));
  log(`wrote ${docsFile} and ${jsonFile}`);
  if (Object.keys(results.errors).length > 0) process.exitCode = 1;
}

await main();
