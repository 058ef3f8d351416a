// The runners of scenario "peers" (src/scenarios/sideBySideChild.js) and its plain-text summary, apart from the
// child so that run.js can print the summary without loading any library.
import { median, round } from './stats.js';

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
/**
 * Which runners each process of the scenario holds. `peers`: the peers, the floor and pulsecheck with its
 * defaults only, the one configuration a service runs (issue 23's comparison). `configurations`: pulsecheck's
 * configurations beside its defaults, with adonis and the floor: the engine's functions then serve five
 * configurations at once (a dependsOn chain, metrics, background answers...), which costs the defaults about a
 * fifth (measured when the two groups shared one process), so that process reports that cost too and compares
 * each configuration with the defaults measured beside it.
 */
export const sideBySideGroups = {
  peers: { keys: ['bare', 'adonis', 'nest-updown', 'nest', 'pulsecheck'], answers: false },
  configurations: { keys: ['bare', 'adonis', 'pulsecheck', 'pulsecheck-fresh', 'pulsecheck-features'], answers: true },
};
/** Answers without execution, at the largest N only. */
export const answerLibs = [
  { key: 'pulsecheck-cache', label: 'pulsecheck, answer from the cache (defaultCacheTtlMs 1 h)' },
  { key: 'pulsecheck-background', label: 'pulsecheck, answer from background mode (start({ intervalMs: 60 s }))' },
  { key: 'pulsecheck-features-background', label: 'pulsecheck, every feature on, answer from background mode (per-check intervalMs)' },
];

/**
 * One group's results from several processes, merged: each figure (CPU and wall µs per run, each ratio, bytes per
 * run) is the median over the processes of that figure, every ratio having been measured within one process;
 * `processes` counts them, and `ratiosPerProcess` keeps each one's ratios.
 */
export function mergeSideBySide(results) {
  const [first] = results;
  if (results.length === 1) return { ...first, processes: 1, ratiosPerProcess: [first.ratios] };
  const mid = (values) => {
    const finite = values.filter((value) => typeof value === 'number' && Number.isFinite(value));
    return finite.length === 0 ? null : round(median(finite), 3);
  };
  const rows = first.rows.map((row) => {
    const same = results.map((result) => result.rows.find((other) => other.key === row.key && other.n === row.n));
    return {
      key: row.key,
      n: row.n,
      cpuUsPerRun: mid(same.map((other) => other?.cpuUsPerRun)),
      wallUsPerRun: mid(same.map((other) => other?.wallUsPerRun)),
      cpuUsRounds: same.flatMap((other) => other?.cpuUsRounds ?? []),
    };
  });
  const mergeFields = (objects) => Object.fromEntries(Object.keys(objects[0]).map((field) => [field, field === 'n' ? objects[0].n : mid(objects.map((object) => object[field]))]));
  const ratios = first.ratios.map((ratio) => mergeFields(results.map((result) => result.ratios.find((other) => other.n === ratio.n))));
  const answers = first.answers === undefined ? undefined : mergeFields(results.map((result) => result.answers));
  const bytesPerRun = mergeFields(results.map((result) => result.bytesPerRun));
  return { ...first, rows, ratios, answers, bytesPerRun, processes: results.length, ratiosPerProcess: results.map((result) => result.ratios) };
}

/** The result of one process (one group) as plain-text lines (the standalone output, and what run.js logs). */
export function formatSideBySide(result) {
  const keys = sideBySideLibs.map((lib) => lib.key).filter((key) => result.rows.some((row) => row.key === key));
  const lines = [`${result.group}: pulsecheck build: ${result.build}; ${result.rounds} rounds of ${result.batchMs} ms per configuration; CPU-µs per run() (median)`];
  lines.push(['N', ...keys].join('\t'));
  for (const n of result.sizes) {
    lines.push([n, ...keys.map((key) => result.rows.find((row) => row.key === key && row.n === n)?.cpuUsPerRun)].join('\t'));
  }
  for (const ratio of result.ratios) {
    const parts = Object.entries(ratio)
      .filter(([name, value]) => name !== 'n' && value !== null && Number.isFinite(value))
      .map(([name, value]) => `${name} ${value}`);
    lines.push(`N=${ratio.n}: ${parts.join(', ')}`);
  }
  const { answers } = result;
  if (answers !== undefined) {
    lines.push(`N=${answers.n} answers: ${Object.entries(answers).filter(([name]) => name !== 'n').map(([name, value]) => `${name} ${value}x`).join(', ')}`);
    for (const lib of answerLibs) lines.push(`  ${lib.key}: ${result.rows.find((row) => row.key === lib.key)?.cpuUsPerRun} µs`);
  }
  lines.push(`bytes allocated per run() of ${Math.max(...result.sizes)} checks: ${Object.entries(result.bytesPerRun).map(([key, bytes]) => `${key} ${bytes.toLocaleString('en-US')}`).join(', ')}`);
  if (result.attached.length > 0) lines.push(`features attached: ${result.attached.join(', ')}`);
  return lines;
}
