// Scenario 3: PostgreSQL hangs (a proxy in front of the real server stops answering: new connections are
// accepted and never answered, open ones freeze), while Redis and RabbitMQ answer. A prober calls the
// endpoint 10 times a second, like a load balancer; then PostgreSQL answers again.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { config } from '../config.js';
import { startServer } from '../serverHandle.js';
import { StallProxy } from '../stallProxy.js';
import { max, median, quantile, round } from '../stats.js';

/** One GET with a client-side deadline; resolves { statusCode | undefined, ms }. */
function probe(url, timeoutMs) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk) => {
        if (body.length < 400) body += chunk;
      });
      response.on('end', () => resolve({ statusCode: response.statusCode, ms: performance.now() - t0, answeredAt: performance.now(), body: body.slice(0, 400) }));
      response.on('error', () => resolve({ statusCode: undefined, ms: performance.now() - t0 }));
    });
    request.on('timeout', () => request.destroy(new Error('probe timeout')));
    request.on('error', () => resolve({ statusCode: undefined, ms: performance.now() - t0 }));
  });
}

function summarise(probes) {
  const answered = probes.filter((entry) => entry.statusCode !== undefined);
  const ms = answered.map((entry) => entry.ms);
  return {
    probes: probes.length,
    answered: answered.length,
    unanswered: probes.length - answered.length,
    status200: answered.filter((entry) => entry.statusCode === 200).length,
    status503: answered.filter((entry) => entry.statusCode === 503).length,
    medianMs: round(median(ms)),
    p99Ms: round(quantile(ms, 0.99)),
    maxMs: round(max(ms)),
  };
}

/**
 * @param lib - library key
 * @param timeoutMs - the per-check timeout given to libraries that have one
 */
export async function hangScenario(lib, { timeoutMs = config.checkTimeoutMs } = {}) {
  const pgUrl = new URL(config.pgUrl);
  const proxy = new StallProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
  await proxy.listen();
  let server;
  try {
    server = await startServer({ lib, role: `hang-${lib}`, pgPort: proxy.port, timeoutMs, recordTimings: true });
    const intervalMs = 1000 / config.hangRatePerSec;
    const phases = [
      ['healthy', config.hangHealthyMs],
      ['hang', config.hangMs],
      ['recovery', config.hangRecoveryMs],
    ];
    const probes = [];
    const inFlight = [];
    const samples = {};
    const start = performance.now();
    let resumedAt = Number.POSITIVE_INFINITY;
    let stalledAtEpoch = Number.NaN;
    let hangLoopDelay;
    const allTimings = [];
    let resumedAtEpoch = Number.NaN;
    let tick = 0;
    let phaseEnd;
    // A forced GC in the endpoint (to measure its heap) stalls it: probes whose lifetime overlaps one of
    // these windows are counted apart from the latency bar, and listed.
    const gcWindows = [];
    const sampleDuringHang = async () => {
      const from = performance.now();
      const stats = await server.stats();
      gcWindows.push([from, performance.now()]);
      return stats;
    };
    for (const [phase, durationMs] of phases) {
      if (phase === 'hang') {
        // Let the last healthy probes finish (the stats call runs a GC in the server), then stall.
        samples.beforeHang = await server.stats();
        await Promise.all(inFlight);
        allTimings.push(...(await server.request('timings')).timings); // also resets the event-loop delay histogram
        proxy.stall();
        stalledAtEpoch = performance.timeOrigin + performance.now();
      }
      if (phase === 'recovery') {
        // Every hang probe has its answer, or has given up, before anything is measured or resumed.
        await Promise.all(inFlight);
        const atResume = await server.request('timings');
        allTimings.push(...atResume.timings);
        hangLoopDelay = atResume.eventLoopDelayMs;
        samples.endOfHang = await server.stats();
        proxy.resume();
        resumedAt = performance.now();
        resumedAtEpoch = performance.timeOrigin + resumedAt;
      }
      // Each phase starts on the next tick after whatever was done above (no burst of overdue probes).
      tick = Math.ceil((performance.now() - start) / intervalMs);
      const phaseStart = start + tick * intervalMs;
      phaseEnd = phaseStart + durationMs;
      const phaseOrigin = phase === 'recovery' ? resumedAt : phaseStart;
      let sampledEarly = false;
      for (;;) {
        const due = start + tick * intervalMs;
        if (due >= phaseEnd) break;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const entry = { phase, sentAt: performance.now(), sentAtMs: round(performance.now() - phaseOrigin), statusCode: undefined, ms: Number.NaN, body: undefined };
        probes.push(entry);
        inFlight.push(
          probe(server.url, config.probeClientTimeoutMs).then((outcome) => {
            Object.assign(entry, outcome);
          }),
        );
        tick += 1;
        // A first sample once the hang has settled in (5 s, or a third of a short hang).
        if (phase === 'hang' && !sampledEarly && performance.now() - phaseStart >= Math.min(5_000, durationMs / 3)) {
          sampledEarly = true;
          samples.earlyHang = await sampleDuringHang();
        }
      }
    }
    await Promise.all(inFlight);
    samples.afterRecovery = await server.stats();
    // Server-side durations of the requests that started while PostgreSQL hung (no client, no network in them).
    allTimings.push(...(await server.request('timings')).timings);
    const gcWindowsEpoch = gcWindows.map(([from, to]) => [performance.timeOrigin + from, performance.timeOrigin + to]);
    const serverHang = allTimings
      .filter(([startedAt, ms]) => startedAt >= stalledAtEpoch && startedAt < resumedAtEpoch && !gcWindowsEpoch.some(([from, to]) => startedAt < to && startedAt + ms > from))
      .map(([, ms]) => ms);

    const inPhase = (phase) => probes.filter((entry) => entry.phase === phase);
    const recovery = inPhase('recovery');
    const firstOk = recovery.findIndex((entry) => entry.statusCode === 200);
    const hang = inPhase('hang');
    const endOf = (entry) => entry.sentAt + (Number.isNaN(entry.ms) ? config.probeClientTimeoutMs : entry.ms);
    const disturbed = (entry) => gcWindows.some(([from, to]) => entry.sentAt < to && endOf(entry) > from);
    const undisturbed = hang.filter((entry) => !disturbed(entry));
    const withinBudget = undisturbed.filter((entry) => entry.statusCode !== undefined && entry.ms <= timeoutMs + 20).length;
    return {
      lib,
      timeoutMs,
      phases: Object.fromEntries(phases.map(([phase]) => [phase, summarise(inPhase(phase))])),
      hangWithinTimeoutPlus20: withinBudget,
      hangUndisturbed: undisturbed.length,
      hangDisturbedByGc: hang.filter(disturbed).map((entry) => [Math.round(entry.sentAtMs), entry.statusCode === undefined ? null : round(entry.ms, 1)]),
      // Answered before PostgreSQL answered again (a library without a timeout answers only then).
      hangAnsweredBeforeResume: hang.filter((entry) => entry.statusCode !== undefined && entry.answeredAt <= resumedAt).length,
      serverSide: {
        requests: serverHang.length,
        medianMs: round(median(serverHang)),
        maxMs: round(max(serverHang)),
        withinTimeoutPlus20: serverHang.filter((ms) => ms <= timeoutMs + 20).length,
        // How late the endpoint's event loop ran during the hang (the histogram's 10 ms resolution subtracted).
        eventLoopDelayMs:
          hangLoopDelay === undefined
            ? undefined
            : { p50: round(Math.max(0, hangLoopDelay.p50 - 10)), p99: round(Math.max(0, hangLoopDelay.p99 - 10)), max: round(Math.max(0, hangLoopDelay.max - 10)) },
      },
      // Every hang-phase probe: [sent (ms into the hang), client-side ms or null, status or null].
      hangProbes: hang.map((entry) => [Math.round(entry.sentAtMs), entry.statusCode === undefined ? null : round(entry.ms, 1), entry.statusCode ?? null]),
      recovery: {
        firstProbeStatus: recovery[0]?.statusCode ?? null,
        firstProbeMs: round(recovery[0]?.ms ?? Number.NaN),
        probesUntilHealthy: firstOk === -1 ? null : firstOk + 1,
      },
      memory: {
        heapBeforeHang: samples.beforeHang.heapUsed,
        heapEarlyHang: samples.earlyHang?.heapUsed,
        heapEndOfHang: samples.endOfHang.heapUsed,
        heapAfterRecovery: samples.afterRecovery.heapUsed,
      },
      handles: {
        beforeHang: samples.beforeHang.handles,
        earlyHang: samples.earlyHang?.handles,
        endOfHang: samples.endOfHang.handles,
        afterRecovery: samples.afterRecovery.handles,
        endOfHangResources: samples.endOfHang.resources,
      },
      pool: { endOfHang: samples.endOfHang.pool, afterRecovery: samples.afterRecovery.pool },
      pgCallsDuringRun: samples.afterRecovery.counts.pg,
      // What the endpoint said: the first unhealthy answer before the hang, during it, and the first answer after it.
      sampleBodies: {
        healthyPhaseFailure: inPhase('healthy').find((entry) => entry.statusCode !== undefined && entry.statusCode !== 200)?.body ?? null,
        hang: hang.find((entry) => entry.statusCode !== undefined && entry.answeredAt <= resumedAt && entry.sentAtMs > 1_000)?.body ?? null,
        firstAfterResume: recovery[0]?.body ?? null,
      },
      proxyConnectionsAccepted: proxy.accepted,
    };
  } finally {
    await server?.close();
    await proxy.close();
  }
}
