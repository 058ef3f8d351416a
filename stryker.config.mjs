// @ts-check
/**
 * Mutation testing with StrykerJS: `npm run mutate` (see CONTRIBUTING.md).
 * Not part of CI.
 *
 * How it fits this repo: the specs run against the built dist/ (package.json
 * maps #lib/* to ./dist/*), so Stryker instruments lib/*.ts in its sandbox,
 * the build command compiles the instrumented library into the sandbox's dist/
 * and the specs into its build/, and the mocha runner loads the compiled specs
 * in-process. Every mutant is compiled in at once (mutant switching), so there
 * is one build per run, and with per-test coverage each mutant runs only the
 * tests that reach it.
 *
 * Narrow a run with Stryker's own flag, or with environment variables:
 *   npm run mutate -- --mutate lib/core/describeThrown.ts
 *   MUTATE=lib/core/describeThrown.ts,lib/core/redactSecrets.ts npm run mutate
 *   MUTATE_SPECS='build/spec/core/describeThrown.spec.js' npm run mutate
 * MUTATE and MUTATE_SPECS are comma-separated lists of globs. MUTATE_TAG=<name> gives a run its own
 * sandbox (.stryker-tmp-<name>) and its own reports/<name>/, so that two narrowed runs can go side by side.
 */

/** @param {string | undefined} value */
const list = (value) =>
  value
    ?.split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/**
 * The default: the run, execution, deadline and redaction code in lib/core
 * (executeCheck, HealthService and whatever units it is split into,
 * describeThrown, redactSecrets, the deadline timer) and content negotiation and
 * respond() in lib/render. New files in lib/core are included unless listed
 * below as registration, wiring or type-only code.
 */
const defaultMutate = [
  'lib/core/**/*.ts',
  '!lib/core/checkDefinitions.ts',
  '!lib/core/defaultRegistry.ts',
  '!lib/core/healthModule.ts',
  '!lib/core/HealthCheckRegistry.ts',
  '!lib/core/registerHealthCheck.ts',
  '!lib/core/tokens.ts',
  'lib/render/negotiate.ts',
  'lib/render/respond.ts',
];

/**
 * The specs that exercise the default files (spec/notify for attachNotifier, through the service's listeners). More specs
 * make the first (dry) run slower.
 */
const defaultSpecs = ['build/spec/core/**/*.spec.js', 'build/spec/render/**/*.spec.js', 'build/spec/notify/**/*.spec.js'];

/** Names a run's sandbox and reports (MUTATE_TAG); the default run keeps the usual paths. */
const tag = process.env.MUTATE_TAG?.trim() || undefined;
if (tag !== undefined && !/^[\w.-]+$/.test(tag)) throw new Error(`MUTATE_TAG must be letters, digits, '.', '_' or '-' (got '${tag}')`);
const reports = tag === undefined ? 'reports' : `reports/${tag}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  plugins: ['@stryker-mutator/mocha-runner'],
  testRunner: 'mocha',
  mutate: list(process.env.MUTATE) ?? defaultMutate,
  // One build of the instrumented library and of the specs, in the sandbox (not run in a shell: one command).
  buildCommand: 'node scripts/build-once.mjs --test',
  mochaOptions: {
    config: '.mocharc.json',
    spec: list(process.env.MUTATE_SPECS) ?? defaultSpecs,
    // Compares run times of growing inputs: instrumented code on a busy machine breaks its ratios,
    // and Stryker needs a green first run. Backtracking mutants still end as timeouts.
    ignore: ['build/spec/core/linearTime.spec.js'],
  },
  coverageAnalysis: 'perTest',
  // The machine is shared; raise with --concurrency on a machine of your own.
  concurrency: 1,
  // Several specs wait on real timers (timeouts, deadlines, background rounds).
  timeoutMS: 10000,
  timeoutFactor: 2,
  // A fresh mocha process for every mutant. Reusing one is about twice as fast, but a mutant that
  // breaks stop() or a timer's cleanup leaves a schedule or a ref'ed timer behind in that process,
  // and the next mutants' specs that count timers then fail for it: kills that are not theirs.
  // Pass --maxTestRunnerReuse 0 for a quick look; keep 1 for a score.
  maxTestRunnerReuse: 1,
  // Reuse the results of mutants whose code and covering tests did not change.
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/mutation/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // Nothing built or generated needs copying: the build command recreates dist/ and build/.
  ignorePatterns: ['dist', 'build', 'docs/api', 'bench/node_modules', 'bench/results', 'reports', 'scratch', '*.tgz', '.stryker-tmp*'],
  tempDirName: tag === undefined ? '.stryker-tmp' : `.stryker-tmp-${tag}`,
  cleanTempDir: true,
};

export default config;
