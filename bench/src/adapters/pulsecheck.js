// pulsecheck, from the built package (../dist, or the build BENCH_PULSECHECK_DIST points at, to compare a
// patch): one HealthCheck subclass per check, registered with registerHealthCheck() called as a plain
// function, bound by healthModule() into an Inversify container.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Container } from 'inversify';

const dist = process.env.BENCH_PULSECHECK_DIST;
const { HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } = await import(
  dist === undefined || dist === '' ? new URL('../../../dist/index.js', import.meta.url).href : pathToFileURL(resolve(dist)).href
);


/**
 * @param spec - `checks` ({ name, work }[]), `timeoutMs`, `cacheTtlMs` (0 = off), `singleFlight`
 */
export async function create({ checks, timeoutMs = 800, cacheTtlMs = 0, singleFlight = true }) {
  const registry = new HealthCheckRegistry();
  for (const { name, work } of checks) {
    const WorkCheck = class extends HealthCheck {
      // The clients under test take no AbortSignal, so the check does not read context.signal.
      async check() {
        await work();
      }
    };
    registerHealthCheck({ registry, name, timeoutMs })(WorkCheck);
  }
  const container = new Container();
  await container.load(healthModule({ registry, defaultCacheTtlMs: cacheTtlMs, singleFlight }));
  const health = container.get(HealthService);
  return {
    health,
    /** The library's own call: what a probe handler awaits. */
    run: () => health.run(),
    /** What an HTTP endpoint sends: status code and the flat JSON map existing monitors parse. */
    async respond() {
      const report = await health.run();
      const body = {};
      for (const check of report.checks) body[check.name] = check.output;
      return { statusCode: report.httpStatus, body: JSON.stringify(body) };
    },
    async close() {
      await health.stop();
      await container.unbindAll();
    },
  };
}
