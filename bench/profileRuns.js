// `node bench/profileRuns.js [runs=20000] [variant=defaults]`: a CPU profile (node --cpu-prof) of `runs` sequential
// run() calls over 100 trivial passing checks, pulsecheck only (the build PULSECHECK_DIST selects), and its top
// frames by self time. The profile is written to bench/results/runs-<variant>.cpuprofile (git-ignored).
// Issue 23 measured 20,000 runs of the defaults this way. Variants: see src/pulsecheckServices.js.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runChild } from './src/child.js';
import { summarise } from './src/profile.js';
import { pulsecheckBuildLabel } from './src/pulsecheckBuild.js';

const runs = Number(process.argv[2] ?? 20_000);
const variant = process.argv[3] ?? 'defaults';
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const file = `runs-${variant}.cpuprofile`;
await mkdir(resultsDir, { recursive: true });
await rm(`${resultsDir}${file}`, { force: true });
const { ms } = await runChild('scenarios/runsChild.js', [runs, 100, variant], {
  execArgv: ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`, `--cpu-prof-name=${file}`, '--cpu-prof-interval=100'],
  timeoutMs: 900_000,
});
const summary = summarise(JSON.parse(await readFile(`${resultsDir}${file}`, 'utf8')));
console.log(`${runs} runs of 100 checks (${variant}, ${pulsecheckBuildLabel()}): ${(ms / 1000).toFixed(1)} s wall under the profiler, ${summary.totalMs.toFixed(0)} ms sampled`);
for (const frame of summary.topSelf.slice(0, 15)) console.log(`${frame.selfPct.toFixed(1).padStart(5)}% self  ${frame.frame}`);
console.log('-- pulsecheck inclusive');
for (const frame of summary.pulsecheckInclusive.slice(0, 10)) console.log(`${frame.totalPct.toFixed(1).padStart(5)}% incl  ${frame.frame}`);
