#!/usr/bin/env node
// @ts-check
/**
 * The performance regression guard (issue 23): counts, with valgrind's
 * callgrind, the machine instructions one `run()` of 100 trivial passing
 * checks costs pulsecheck (defaults: history 60, timeouts, single-flight) and
 * `@adonisjs/health` (the fastest peer, from bench/node_modules), and fails
 * when pulsecheck's count passes {@link BOUND} times adonis's.
 *
 * Instruction counts do not depend on how busy the machine is, unlike
 * wall-clock time: the same build gives the same count within a fraction of
 * a percent whatever else runs (Node runs with `--single-threaded`, so no
 * background compiler or GC thread adds its own schedule-dependent work).
 *
 * How start-up is kept out of the count, cheaply: each library runs in one
 * process under `valgrind --tool=callgrind --instr-atstart=no`, so start-up
 * and the warm-up runs execute uninstrumented (fast); the guard then switches
 * instrumentation on (`vgdb instrumentation on`) and the child calls
 * `os.setPriority()` before and after each window of K measured runs, which
 * makes callgrind write a dump (`--dump-before=uv_os_setpriority`) holding
 * exactly those K runs; the figure is the median window divided by K. Node
 * runs with `--single-threaded --predictable-gc-schedule` (no background
 * threads; fixed new-space size and heap growing, no idle-time or
 * memory-reducer GC), and each window starts after a full collection (not
 * counted), so every window holds the same scavenges (and promotions) of
 * the garbage its runs make. Not counted: the amortised cost of the major
 * collections that a long-running process would eventually make of what was
 * promoted (the allocation figure of `npm run bench` covers memory).
 * See bench/src/guardChild.js.
 *
 * Usage: npm run perf:guard   (after `npm run build` and `npm ci --prefix bench`)
 * Environment: PULSECHECK_DIST=<dist directory> measures another build
 * (see bench/src/pulsecheckBuild.js); PERF_GUARD_RUNS sets K (default 20);
 * PERF_GUARD_CHECKS sets the checks per run (default 100, the size the bound was set for; 1 and 10 show the
 * fixed cost per run);
 * PERF_GUARD_KEEP=1 keeps the callgrind dumps (read them with callgrind_annotate);
 * PERF_GUARD_ALSO=bare,nest-updown,nest,pulsecheck-fresh,pulsecheck-features,... also counts those runners
 * (reported, never bounded; nest is slow; pulsecheck-<variant>: see bench/src/pulsecheckServices.js).
 * Output: a line, e.g.
 * `perf-guard: pulsecheck 1,234k instr/run, adonis 914k, ratio 1.35 (bound 1.6)`,
 * then the L1 cache misses per run that callgrind's cache simulation counts
 * (`--cache-sim=yes`; reported, not bounded: CPU time follows them where
 * instructions alone do not, see CONTRIBUTING.md, "Performance guard").
 * Exit status: 0 within the bound, 1 past it, 2 when it could not measure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bound on pulsecheck's instructions per run over @adonisjs/health's
 * (100 trivial checks, defaults). Why this number: CONTRIBUTING.md,
 * "Performance guard". Change it there and here together.
 */
export const BOUND = 0.57;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bench = join(root, 'bench');
const child = join(bench, 'src', 'guardChild.js');
const checks = Number(process.env.PERF_GUARD_CHECKS ?? 100);
const warmup = 1_000;
const runs = Number(process.env.PERF_GUARD_RUNS ?? 20);
const windows = 5;
const timeoutMs = 600_000;
/** Every valgrind started, so that a failure of one never leaves another spinning. */
const started = new Set();

/** @param {string} message */
function cannotMeasure(message) {
  console.error(`perf-guard: cannot measure: ${message}`);
  process.exit(2);
}

function preflight() {
  for (const tool of ['valgrind', 'vgdb']) {
    if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).error !== undefined) cannotMeasure(`${tool} is not installed (apt-get install valgrind)`);
  }
  if (!existsSync(join(bench, 'node_modules', '@adonisjs', 'health'))) cannotMeasure('bench/node_modules has no @adonisjs/health (run `npm ci --prefix bench`)');
  if (process.env.PULSECHECK_DIST === undefined && !existsSync(join(root, 'dist', 'index.js'))) cannotMeasure('no dist/ (run `npm run build`)');
  if (!Number.isInteger(checks) || checks < 1) cannotMeasure(`PERF_GUARD_CHECKS must be a positive integer, got '${process.env.PERF_GUARD_CHECKS}'`);
  if (!Number.isInteger(runs) || runs < 1) cannotMeasure(`PERF_GUARD_RUNS must be a positive integer, got '${process.env.PERF_GUARD_RUNS}'`);
}

/**
 * The `totals:` line of a callgrind dump, by event (`Ir`, instructions, first;
 * with `--cache-sim=yes` also `I1mr`, `D1mr`, `D1mw`, ...: simulated L1 misses).
 * @param {string} file
 * @returns {Record<string, number>}
 */
function totalsOf(file) {
  const text = readFileSync(file, 'utf8');
  const events = /^events:\s+(.+)$/m.exec(text)?.[1]?.trim().split(/\s+/);
  const totals = /^totals:\s+(.+)$/m.exec(text)?.[1]?.trim().split(/\s+/).map(Number);
  if (events === undefined || totals === undefined || events[0] !== 'Ir') throw new Error(`no events and totals lines in ${file}`);
  return Object.fromEntries(events.map((event, index) => [event, totals[index] ?? 0]));
}

/**
 * Instructions of one run of `lib` (see the file comment).
 * @param {string} lib
 * @param {string} dir - a private temporary directory
 * @returns {Promise<{ lib: string, perRun: number, spread: number, misses: { instruction: number, dataRead: number, dataWrite: number } }>}
 */
function measure(lib, dir) {
  const out = join(dir, `callgrind.${lib}`);
  const flag = join(dir, `go.${lib}`);
  return new Promise((resolve, reject) => {
    const valgrind = spawn(
      'valgrind',
      [
        '--tool=callgrind',
        // L1 misses, reported beside the instructions (not bounded): what the code and the objects it touches cost the caches.
        '--cache-sim=yes',
        '--instr-atstart=no',
        '--dump-before=uv_os_setpriority',
        '--dump-instr=no',
        '--compress-strings=no',
        `--callgrind-out-file=${out}`,
        process.execPath,
        '--single-threaded',
        '--predictable-gc-schedule',
        '--expose-gc',
        '--random-seed=1',
        child,
        lib,
        String(checks),
        String(warmup),
        String(runs),
        String(windows),
        flag,
      ],
      {
        cwd: bench,
        stdio: ['ignore', 'pipe', 'pipe'],
        // A relative PULSECHECK_DIST means relative to where the guard was started, not to bench/.
        env: process.env.PULSECHECK_DIST ? { ...process.env, PULSECHECK_DIST: resolvePath(process.env.PULSECHECK_DIST) } : process.env,
      },
    );
    started.add(valgrind);
    let stdout = '';
    let stderr = '';
    let switched = false;
    const timer = setTimeout(() => valgrind.kill('SIGKILL'), timeoutMs);
    valgrind.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    valgrind.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (switched || !stdout.includes('ready')) return;
      switched = true;
      const vgdb = spawnSync('vgdb', [`--pid=${valgrind.pid}`, 'instrumentation', 'on'], { encoding: 'utf8', timeout: 120_000 });
      if (vgdb.status !== 0) {
        valgrind.kill('SIGKILL');
        reject(new Error(`vgdb could not switch instrumentation on for ${lib}: ${(vgdb.stderr || vgdb.stdout || String(vgdb.error)).trim()}`));
        return;
      }
      writeFileSync(flag, '');
    });
    valgrind.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    valgrind.on('close', (code, signal) => {
      started.delete(valgrind);
      clearTimeout(timer);
      if (code !== 0 || !stdout.includes('done')) {
        reject(new Error(`${lib} under callgrind exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-6).join(' | ')}`));
        return;
      }
      try {
        const totals = Array.from({ length: windows }, (_, index) => totalsOf(`${out}.${2 * index + 2}`)).sort((a, b) => a.Ir - b.Ir);
        const middle = totals[Math.floor(windows / 2)];
        const median = middle.Ir;
        // The spread leaves out the costliest window: one window holding a rare event (a major GC, a late
        // optimisation) is expected, and the median ignores it.
        const misses = { instruction: middle.I1mr / runs, dataRead: middle.D1mr / runs, dataWrite: middle.D1mw / runs };
        resolve({ lib, perRun: median / runs, spread: (totals[windows - 2].Ir - totals[0].Ir) / median, misses });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** @param {number} instructions */
function thousands(instructions) {
  return `${Math.round(instructions / 1000).toLocaleString('en-US')}k`;
}

async function main() {
  preflight();
  const dir = mkdtempSync(join(tmpdir(), 'perf-guard-'));
  const startedAt = Date.now();
  try {
    // Both at once: the counts do not care, and CI waits for the slower one only.
    const also = (process.env.PERF_GUARD_ALSO ?? '').split(',').filter((lib) => lib !== '');
    const [pulsecheck, adonis, ...others] = await Promise.all(['pulsecheck', 'adonis', ...also].map((lib) => measure(lib, dir)));
    const ratio = pulsecheck.perRun / adonis.perRun;
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
    const unsteady = [pulsecheck, adonis].filter((entry) => entry.spread > 0.1);
    console.log(
      `perf-guard: pulsecheck ${thousands(pulsecheck.perRun)} instr/run, adonis ${thousands(adonis.perRun)}, ratio ${ratio.toFixed(2)} (bound ${BOUND}); ${checks} checks, median of ${windows} windows of ${runs} runs (spread ${(100 * pulsecheck.spread).toFixed(1)}% / ${(100 * adonis.spread).toFixed(1)}%), ${seconds} s`,
    );
    const l1 = (/** @type {{ misses: { instruction: number, dataRead: number, dataWrite: number } }} */ entry) =>
      `${Math.round(entry.misses.instruction).toLocaleString('en-US')} instruction / ${Math.round(entry.misses.dataRead).toLocaleString('en-US')} data read / ${Math.round(entry.misses.dataWrite).toLocaleString('en-US')} data write`;
    console.log(`perf-guard: simulated L1 cache misses per run (not bounded): pulsecheck ${l1(pulsecheck)}, adonis ${l1(adonis)}`);
    for (const entry of others) console.log(`perf-guard: also ${entry.lib} ${thousands(entry.perRun)} instr/run (spread ${(100 * entry.spread).toFixed(1)}%)`);
    for (const entry of unsteady) {
      console.log(`perf-guard: note: ${entry.lib}'s ${windows} windows of ${runs} runs spread over ${(100 * entry.spread).toFixed(1)}% of the median, the costliest left out (not steady; the median is reported)`);
    }
    if (ratio > BOUND) {
      console.error(`perf-guard: FAILED: pulsecheck costs ${ratio.toFixed(2)}x the instructions of @adonisjs/health per run, above the bound of ${BOUND} (CONTRIBUTING.md, "Performance guard")`);
      process.exitCode = 1;
    }
  } catch (error) {
    for (const valgrind of started) valgrind.kill('SIGKILL');
    console.error(`perf-guard: cannot measure: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  } finally {
    if (process.env.PERF_GUARD_KEEP === '1') console.log(`perf-guard: callgrind dumps kept in ${dir} (callgrind_annotate <file>)`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
