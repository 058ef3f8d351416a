// Every knob of the bench, read once from the environment. BENCH_QUICK=1 gives a ~1-minute smoke run.
const quick = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';

function num(name, full, short) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return quick ? short : full;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`bench: ${name} must be a non-negative number, got '${raw}'`);
  return value;
}

function list(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

export const config = Object.freeze({
  quick,
  /** Which scenarios to run ('peers' (side by side, issue 23), 1..5, 'nest' (the NestJS endpoint), 'history' and 'profile'). */
  scenarios: list('BENCH_SCENARIOS', ['peers', '1', '2', '3', '4', 'nest', '5', 'history', 'profile']),
  /** How many times each measurement is repeated; figures are medians over these rounds. */
  rounds: num('BENCH_ROUNDS', 3, 1),

  // Scenario history: memory of the per-check history over many runs.
  historyRuns: num('BENCH_HISTORY_RUNS', 200_000, 20_000),
  historyChecks: num('BENCH_HISTORY_CHECKS', 4, 4),

  // Scenario peers (issue 23): each group in one process, alternating rounds; each group in this many processes,
  // its figures the medians over them (a process's ratios move by a tenth from one process to the next).
  peersProcesses: num('BENCH_PEERS_PROCESSES', 3, 1),
  peersRounds: num('BENCH_PEERS_ROUNDS', 5, 3),
  peersBatchMs: num('BENCH_PEERS_BATCH_MS', 100, 60),

  // Scenario 1: aggregation overhead.
  aggregationSizes: [1, 10, 100],
  aggregationWarmupMs: num('BENCH_AGG_WARMUP_MS', 300, 150),
  aggregationBatches: num('BENCH_AGG_BATCHES', 5, 3),
  aggregationBatchMs: num('BENCH_AGG_BATCH_MS', 160, 100),

  // Scenario 2: concurrency.
  concurrencyChecks: 10,
  concurrencySleepMs: 50,
  concurrencyRuns: num('BENCH_CONC_RUNS', 15, 7),

  // Scenario 3: one dependency hangs.
  hangRatePerSec: 10,
  hangHealthyMs: num('BENCH_HANG_HEALTHY_MS', 2_000, 1_000),
  hangMs: num('BENCH_HANG_MS', 30_000, 3_000),
  hangRecoveryMs: num('BENCH_HANG_RECOVERY_MS', 2_000, 1_500),
  /** The per-check timeout given to every library that has one. */
  checkTimeoutMs: num('BENCH_CHECK_TIMEOUT_MS', 500, 500),
  /** How long the prober waits for an answer before giving up (a Kubernetes probe's timeoutSeconds). */
  probeClientTimeoutMs: num('BENCH_PROBE_TIMEOUT_MS', 2_000, 2_000),

  // Scenario 4: probe storm.
  stormProbes: 500,
  stormCacheTtlMs: num('BENCH_STORM_CACHE_TTL_MS', 1_000, 1_000),
  autocannonSeconds: num('BENCH_AUTOCANNON_SECONDS', 4, 2),
  autocannonConnections: num('BENCH_AUTOCANNON_CONNECTIONS', 50, 50),

  // Scenario 5: soak.
  soakRuns: num('BENCH_SOAK_RUNS', 200_000, 10_000),
  soakConcurrency: num('BENCH_SOAK_CONCURRENCY', 20, 20),
  soakPeerRuns: num('BENCH_SOAK_PEER_RUNS', 5_000, 500),

  // Profile of scenario 1 at 100 checks.
  profileMs: num('BENCH_PROFILE_MS', 3_000, 1_500),

  // The shared services (loopback only).
  pgUrl: process.env.PULSECHECK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.PULSECHECK_REDIS_URL ?? 'redis://127.0.0.1:6379',
  amqpUrl: process.env.PULSECHECK_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
});

/** The name every connection of this bench carries (pg application_name, Redis CLIENT SETNAME, AMQP connection_name). */
export function connectionName(role) {
  return `pulsecheck-bench-${role}-${process.pid}`;
}

/** Throws unless `url` points at this machine: the bench never sends traffic anywhere else. */
export function assertLoopback(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new Error(`bench: ${url} is not a loopback address; the bench only talks to 127.0.0.1`);
  }
  return url;
}
