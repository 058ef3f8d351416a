// The pulsecheck services the side-by-side scenario and the perf guard measure, built on the build under test
// (../pulsecheckBuild.js) with the HealthService constructor itself (no container: one copy of pulsecheck, no
// inversify resolution per run, and the same code path whatever build PULSECHECK_DIST selects).
//
// - `defaults`: what `new HealthService(checks)` gives (history 60, timeouts 800 ms, single-flight on);
// - `fresh`: the measurement, `singleFlight: false` and `run({ fresh: true })`;
// - `features`: every feature configured on every check (failAfter/recoverAfter, a dependsOn chain,
//   per-check intervalMs), a status-change listener, a WebhookNotifier posting to a local receiver, and
//   registerHealthMetrics on an OpenTelemetry MeterProvider with a manual reader;
// - `cache`: the defaults with a long defaultCacheTtlMs (after the first run, every run answers from the cache);
// - background mode (`startBackground`): start({ intervalMs: 60 s }) on a service, then run() answers from the latest results.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { loadPulsecheck, loadPulsecheckSubpath } from './pulsecheckBuild.js';

const pulsecheck = await loadPulsecheck();
const { HealthCheck, HealthCheckRegistry, HealthService, WebhookNotifier, registerHealthCheck } = pulsecheck;

/**
 * Attaches `notifier` to `service` with whichever API this build has: `attachNotifier(service, notifier)`
 * (exported from pulsecheck after the notifier API moved out of HealthService) or `service.addNotifier(notifier)`.
 * Returns the function that detaches it, or undefined when the build has neither (a branch between the two:
 * the features row then says the notifier was not attached).
 */
export function attachNotifierCompat(service, notifier) {
  if (typeof pulsecheck.attachNotifier === 'function') return pulsecheck.attachNotifier(service, notifier);
  if (typeof service.addNotifier === 'function') return service.addNotifier(notifier);
  return undefined;
}

/** `n` HealthCheck instances over `works` ({ name, work }[]), each registered with `options(index)`. */
function instances(works, options = () => ({})) {
  const registry = new HealthCheckRegistry();
  return works.map(({ name, work }, index) => {
    const WorkCheck = class extends HealthCheck {
      async check() {
        await work();
      }
    };
    registerHealthCheck({ registry, name, ...options(index) })(WorkCheck);
    return new WorkCheck();
  });
}

/** A local webhook receiver (127.0.0.1, any port) that answers 204 and counts what it got. */
export async function startReceiver() {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/hook`,
    get received() {
      return received;
    },
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A MeterProvider whose only reader collects on demand (no timer), or undefined without the SDK or the subpath. */
async function meterProvider() {
  try {
    const { MeterProvider, MetricReader } = await import('@opentelemetry/sdk-metrics');
    class ManualReader extends MetricReader {
      async onForceFlush() {}
      async onShutdown() {}
    }
    const reader = new ManualReader();
    return { provider: new MeterProvider({ readers: [reader] }), reader };
  } catch {
    return undefined;
  }
}

/**
 * Builds one pulsecheck variant over `works`. Resolves with { health, run, close, attached } where `run()` is
 * the call measured and `attached` lists the features that could be attached on this build.
 *
 * @param variant - 'defaults' | 'fresh' | 'features' | 'cache' | 'background' | 'features-background'
 * @param receiverUrl - the WebhookNotifier's target (features variants)
 */
export async function createVariant(variant, works, { receiverUrl } = {}) {
  const features = variant === 'features' || variant === 'features-background';
  const checks = instances(works, (index) =>
    features
      ? { failAfter: 3, recoverAfter: 2, intervalMs: 60_000 + index, ...(index > 0 ? { dependsOn: [works[index - 1].name] } : {}) }
      : {},
  );
  const options = variant === 'fresh' ? { singleFlight: false } : variant === 'cache' ? { defaultCacheTtlMs: 3_600_000 } : {};
  const health = new HealthService(checks, options);
  const cleanups = [];
  const attached = [];
  if (features) {
    cleanups.push(health.onStatusChange(() => {}));
    attached.push('onStatusChange');
    if (receiverUrl !== undefined) {
      const notifier = new WebhookNotifier({ url: receiverUrl });
      const detach = attachNotifierCompat(health, notifier);
      cleanups.push(() => notifier.close?.());
      if (detach === undefined) {
        attached.push('no WebhookNotifier (this build has neither attachNotifier nor addNotifier)');
      } else {
        cleanups.push(detach);
        attached.push(typeof pulsecheck.attachNotifier === 'function' ? 'attachNotifier(WebhookNotifier)' : 'addNotifier(WebhookNotifier)');
      }
    }
    const otel = await loadPulsecheckSubpath('opentelemetry');
    const meters = otel === undefined ? undefined : await meterProvider();
    if (meters !== undefined) {
      cleanups.push(otel.registerHealthMetrics(health, { meterProvider: meters.provider }), () => meters.provider.shutdown());
      attached.push('registerHealthMetrics');
    }
  }
  const background = variant === 'background' || variant === 'features-background';
  if (background) {
    health.start({ intervalMs: 60_000 });
    // Wait for the first background round: from then on run() answers every check from its latest result.
    let report = await health.run();
    for (let attempt = 0; attempt < 400 && !(report.status === 'pass' && report.checks.every((check) => check.cached === true)); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      report = await health.run();
    }
    if (!report.checks.every((check) => check.cached === true)) throw new Error(`bench: pulsecheck ${variant}: background mode never answered from its latest results`);
  }
  const run = variant === 'fresh' ? () => health.run({ fresh: true }) : () => health.run();
  // The first run fills the cache (cache variant) and settles the listeners' initial state. Under valgrind (the
  // perf guard) on a busy machine, the very first runs can overrun the 800 ms deadlines while the code is being
  // compiled and translated (the checks are then reported timed out, rightly): a few more runs are allowed
  // to reach the steady state, which is all that is measured.
  let first = await run();
  for (let attempt = 0; attempt < 5 && first.status !== 'pass'; attempt += 1) first = await run();
  if (first.status !== 'pass') throw new Error(`bench: pulsecheck ${variant} over ${works.length} passing checks reported ${first.status}: ${first.checks.find((check) => check.status !== 'pass')?.output}`);
  return {
    health,
    run,
    attached,
    async close() {
      await health.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
