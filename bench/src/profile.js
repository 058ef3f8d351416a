// Profiles scenario 1 at 100 checks (all passing, and half failing) with `node --cpu-prof` and
// summarises the hottest frames by self time, and the pulsecheck functions by inclusive time.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runChild } from './child.js';

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

function shortUrl(url) {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const distAt = path.indexOf('/dist/');
  if (distAt !== -1 && !path.includes('node_modules')) return `pulsecheck${path.slice(distAt)}`;
  const modulesAt = path.lastIndexOf('node_modules/');
  if (modulesAt !== -1) return path.slice(modulesAt + 'node_modules/'.length);
  const benchAt = path.indexOf('/bench/src/');
  if (benchAt !== -1) return `bench${path.slice(benchAt + '/bench'.length)}`;
  return path.startsWith('node:') ? path : path.split('/').slice(-2).join('/');
}

/** Self and inclusive time per function (ms) from a .cpuprofile. */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfById = new Map();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index];
    selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  }
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const total = [...selfById.values()].reduce((sum, ms) => sum + ms, 0);
  const frames = new Map();
  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName === '' ? '(anonymous)' : functionName} ${shortUrl(url)}${url === '' ? '' : `:${lineNumber + 1}`}`;
  };
  for (const [id, ms] of selfById) {
    // Self time to the frame itself; inclusive time to each distinct frame on its stack.
    const node = byId.get(id);
    const key = keyOf(node);
    const entry = frames.get(key) ?? { frame: key, selfMs: 0, totalMs: 0 };
    entry.selfMs += ms;
    frames.set(key, entry);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const stackKey = keyOf(byId.get(at));
      if (seen.has(stackKey)) continue;
      seen.add(stackKey);
      const stackEntry = frames.get(stackKey) ?? { frame: stackKey, selfMs: 0, totalMs: 0 };
      stackEntry.totalMs += ms;
      frames.set(stackKey, stackEntry);
    }
  }
  const all = [...frames.values()].map((entry) => ({ ...entry, selfPct: (100 * entry.selfMs) / total, totalPct: (100 * entry.totalMs) / total }));
  return {
    totalMs: total,
    topSelf: [...all].sort((a, b) => b.selfMs - a.selfMs).slice(0, 20),
    pulsecheckInclusive: all.filter((entry) => entry.frame.includes('pulsecheck/dist/')).sort((a, b) => b.totalMs - a.totalMs).slice(0, 12),
  };
}

/** Runs the profile for each mode and returns the summaries. */
export async function profileAggregation({ durationMs, modes = ['pass', 'half'] }) {
  await mkdir(resultsDir, { recursive: true });
  const out = {};
  for (const mode of modes) {
    // bench/results/*.cpuprofile is git-ignored: the profiles stay on the machine that made them.
    const file = `aggregation-100-${mode}.cpuprofile`;
    await rm(`${resultsDir}${file}`, { force: true });
    const [result] = await runChild('scenarios/aggregationChild.js', ['pulsecheck', `100:${mode}`, durationMs], {
      execArgv: ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`, `--cpu-prof-name=${file}`, '--cpu-prof-interval=100'],
    });
    const profile = JSON.parse(await readFile(`${resultsDir}${file}`, 'utf8'));
    out[mode] = { runsPerSec: result.runsPerSec[0], file: `bench/results/${file}`, ...summarise(profile) };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const summary = await profileAggregation({ durationMs: Number(process.argv[2] ?? 3000) });
  for (const [mode, data] of Object.entries(summary)) {
    console.log(`\n== ${mode}: ${data.runsPerSec.toFixed(0)} runs/s under the profiler, ${data.totalMs.toFixed(0)} ms sampled`);
    for (const frame of data.topSelf) console.log(`${frame.selfPct.toFixed(1).padStart(5)}% self  ${frame.frame}`);
    console.log('-- pulsecheck inclusive');
    for (const frame of data.pulsecheckInclusive) console.log(`${frame.totalPct.toFixed(1).padStart(5)}% incl  ${frame.frame}`);
  }
}
