// Scenario 4: a probe storm. (a) 500 concurrent probes, counting the calls that reach each dependency's
// client, over HTTP and in-process; (b) requests per second of the cached endpoint against a bare
// node:http handler that answers a constant, both measured with autocannon in the same run.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { config } from '../config.js';
import { startServer } from '../serverHandle.js';
import { median, round } from '../stats.js';

/** The variants of the storm: which library, with which cache. */
export const stormVariants = [
  { key: 'pulsecheck', lib: 'pulsecheck', cacheTtlMs: 0, label: 'pulsecheck (single-flight, no cache)' },
  { key: 'pulsecheck-cached', lib: 'pulsecheck', cacheTtlMs: config.stormCacheTtlMs, label: `pulsecheck (defaultCacheTtlMs ${config.stormCacheTtlMs})` },
  { key: 'nest', lib: 'nest', cacheTtlMs: 0, label: '@nestjs/terminus (attempt, no cache)' },
  { key: 'nest-cached', lib: 'nest', cacheTtlMs: config.stormCacheTtlMs, label: `@nestjs/terminus (attempt.cacheFor(${config.stormCacheTtlMs}))` },
  { key: 'adonis', lib: 'adonis', cacheTtlMs: 0, label: '@adonisjs/health (no cache)' },
  { key: 'adonis-cached', lib: 'adonis', cacheTtlMs: config.stormCacheTtlMs, label: `@adonisjs/health (cacheFor('${config.stormCacheTtlMs}ms'))` },
  { key: 'godaddy', lib: 'godaddy', cacheTtlMs: 0, label: '@godaddy/terminus (no cache, no single-flight)' },
];

function get(url, agent) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, timeout: 10_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve(undefined));
  });
}

/**
 * `probes` GETs at once. The connections are opened first (one 404 each on keep-alive sockets), so that
 * the storm itself is 500 requests on open connections, not 500 TCP handshakes spread over a second.
 */
async function storm(url, probes) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: probes, maxFreeSockets: probes });
  const warm = new URL(url);
  warm.pathname = '/warm-up';
  await Promise.all(Array.from({ length: probes }, () => get(warm, agent)));
  const t0 = performance.now();
  const statuses = await Promise.all(Array.from({ length: probes }, () => get(url, agent)));
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { wallMs, ok: statuses.filter((status) => status === 200).length, failed: statuses.filter((status) => status !== 200).length };
}

/** (a) Dependency calls per storm of `config.stormProbes` concurrent probes, for each variant. */
export async function stormCounts(variants = stormVariants, rounds = config.rounds) {
  const results = [];
  for (const variant of variants) {
    const server = await startServer({ lib: variant.lib, role: `storm-${variant.key}`, timeoutMs: config.checkTimeoutMs, cacheTtlMs: variant.cacheTtlMs });
    try {
      const http = [];
      const inProcess = [];
      for (let round = 0; round < rounds; round += 1) {
        // Let any cached result expire, so that each storm starts cold.
        if (variant.cacheTtlMs > 0) await sleep(variant.cacheTtlMs + 100);
        await server.request('reset-counts');
        const outcome = await storm(server.url, config.stormProbes);
        const { counts } = await server.stats();
        http.push({ ...outcome, counts });
        if (variant.cacheTtlMs > 0) await sleep(variant.cacheTtlMs + 100);
        const local = await server.request('storm-inprocess', { probes: config.stormProbes });
        inProcess.push(local.counts);
      }
      const med = (rows, field) => median(rows.map((row) => row.counts?.[field] ?? row[field]));
      results.push({
        key: variant.key,
        label: variant.label,
        probes: config.stormProbes,
        http: {
          pg: med(http, 'pg'),
          redis: med(http, 'redis'),
          amqp: med(http, 'amqp'),
          wallMs: round(median(http.map((row) => row.wallMs))),
          ok: median(http.map((row) => row.ok)),
          failed: median(http.map((row) => row.failed)),
        },
        inProcess: { pg: med(inProcess, 'pg'), redis: med(inProcess, 'redis'), amqp: med(inProcess, 'amqp') },
        raw: { http, inProcess },
      });
    } finally {
      await server.close();
    }
  }
  return results;
}

function cannon(url) {
  return autocannon({ url, connections: config.autocannonConnections, duration: config.autocannonSeconds, pipelining: 1 });
}

/** (b) Requests per second: the constant handler and each cached endpoint, interleaved, `rounds` times. */
export async function stormThroughput(rounds = config.rounds) {
  const targets = [
    { key: 'constant', label: 'bare node:http constant handler', spec: { lib: 'constant', role: 'constant' } },
    { key: 'constant-async', label: 'reference: the constant from an async function (4 awaits)', spec: { lib: 'constant-async', role: 'constant-async' } },
    ...stormVariants
      .filter((variant) => variant.cacheTtlMs > 0)
      .map((variant) => ({ key: variant.key, label: variant.label, spec: { lib: variant.lib, role: `cannon-${variant.key}`, timeoutMs: config.checkTimeoutMs, cacheTtlMs: variant.cacheTtlMs } })),
  ];
  const servers = [];
  try {
    for (const target of targets) servers.push({ target, server: await startServer(target.spec) });
    const measure = async ({ target, server }) => {
      await server.request('reset-counts');
      const cpu0 = (await server.request('cpu')).cpuUs;
      const result = await cannon(server.url);
      const cpuUs = (await server.request('cpu')).cpuUs - cpu0;
      const { counts } = await server.stats();
      return {
        rps: result.requests.average,
        // Requests per CPU-second of the endpoint process: its capacity, whoever else used the machine meanwhile.
        rpsPerCpuSec: result.requests.total / (cpuUs / 1e6),
        cpuUsPerRequest: cpuUs / result.requests.total,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        total: result.requests.total,
        counts,
        key: target.key,
      };
    };
    // C, E1, C, E2, C, …: each endpoint is compared with the constant handler measured right before and right after it.
    const [constant, ...endpoints] = servers;
    const perRound = [];
    for (let round = 0; round < rounds; round += 1) {
      const row = { constant: [await measure(constant)] };
      for (const endpoint of endpoints) {
        const measured = await measure(endpoint);
        const after = await measure(constant);
        row.constant.push(after);
        const neighbours = (row.constant.at(-2).rps + after.rps) / 2;
        const neighboursCpu = (row.constant.at(-2).rpsPerCpuSec + after.rpsPerCpuSec) / 2;
        row[endpoint.target.key] = { ...measured, ratio: measured.rps / neighbours, cpuRatio: measured.rpsPerCpuSec / neighboursCpu };
      }
      perRound.push(row);
    }
    return targets.map((target) => {
      const rows = target.key === 'constant' ? perRound.flatMap((row) => row.constant) : perRound.map((row) => row[target.key]);
      return {
        key: target.key,
        label: target.label,
        rps: round(median(rows.map((row) => row.rps)), 0),
        ratioToConstant: target.key === 'constant' ? 1 : round(median(rows.map((row) => row.ratio)), 3),
        rpsPerCpuSec: round(median(rows.map((row) => row.rpsPerCpuSec)), 0),
        cpuUsPerRequest: round(median(rows.map((row) => row.cpuUsPerRequest)), 2),
        cpuRatioToConstant: target.key === 'constant' ? 1 : round(median(rows.map((row) => row.cpuRatio)), 3),
        latencyP50: median(rows.map((row) => row.latencyP50)),
        latencyP99: median(rows.map((row) => row.latencyP99)),
        non2xx: rows.reduce((sum, row) => sum + row.non2xx, 0),
        errors: rows.reduce((sum, row) => sum + row.errors, 0),
        raw: rows,
      };
    });
  } finally {
    for (const { server } of servers) await server.close();
  }
}
