// A fixed number of sequential run() calls of one pulsecheck variant over `n` trivial passing checks (for a CPU
// profile of a given amount of work: `node bench/profileRuns.js`). Prints { runs, ms } as JSON.
//
//   node src/scenarios/runsChild.js <runs> <n> [variant=defaults]
import { performance } from 'node:perf_hooks';
import { createVariant } from '../pulsecheckServices.js';
import { trivialChecks } from '../works.js';

const [runsArg, nArg, variant = 'defaults'] = process.argv.slice(2);
const runs = Number(runsArg);
const { run, close } = await createVariant(variant, trivialChecks(Number(nArg), 'pass'));
const t0 = performance.now();
for (let index = 0; index < runs; index += 1) await run();
const ms = performance.now() - t0;
await close();
console.log(JSON.stringify({ runs, ms }));
