// The runners of scenario "peers" (src/scenarios/sideBySideChild.js) and its plain-text summary, apart from the
// child so that run.js can print the summary without loading any library.

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

