// pulsecheck, from the built package (../dist, or the build PULSECHECK_DIST points at, to compare a
// patch; see ../pulsecheckBuild.js): one HealthCheck subclass per check, registered with registerHealthCheck()
// called as a plain function, bound by healthModule() into an Inversify container.
import { pathToFileURL } from 'node:url';
import { Container } from 'inversify';
import { pulsecheckEntryPath } from '../pulsecheckBuild.js';

const entry = pathToFileURL(pulsecheckEntryPath());
const pulsecheck = await import(entry.href);
const { HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } = pulsecheck;

/** The bundled dependency checks, if this build has them (pulsecheck/postgres, /redis, /rabbitmq). */
async function bundledChecks() {
  try {
    const [postgres, redis, rabbitmq] = await Promise.all(
      ['postgres', 'redis', 'rabbitmq'].map((name) => import(new URL(`./checks/${name}/index.js`, entry).href)),
    );
    return {
      postgres: { base: postgres.PostgresHealthCheck, token: postgres.PG_POOL, client: 'pool' },
      redis: { base: redis.RedisHealthCheck, token: redis.REDIS_CLIENT, client: 'redis' },
      rabbitmq: { base: rabbitmq.RabbitMqHealthCheck, token: rabbitmq.AMQP_CONNECTION, client: 'amqp' },
    };
  } catch {
    return undefined;
  }
}

/** Whether the checks under test are pulsecheck's bundled ones (else the bench's own HealthCheck subclasses). */
export async function usesBundledChecks() {
  return process.env.BENCH_PULSECHECK_OWN_CHECKS !== '1' && (await bundledChecks()) !== undefined && typeof pulsecheck.respond === 'function';
}


/**
 * @param spec - `checks` ({ name, work }[]), `timeoutMs`, `cacheTtlMs` (0 = off), `singleFlight`, and
 *   `clients` (counting clients from `countingClients()`): when given and the build has the bundled checks,
 *   the checks named postgres, redis and rabbitmq are pulsecheck's PostgresHealthCheck, RedisHealthCheck and
 *   RabbitMqHealthCheck bound to those clients, and the response body is rendered by pulsecheck's respond().
 */
export async function create({ checks, timeoutMs = 800, cacheTtlMs = 0, singleFlight = true, clients }) {
  const registry = new HealthCheckRegistry();
  const bundled = clients !== undefined && (await usesBundledChecks()) ? await bundledChecks() : undefined;
  const bindings = [];
  for (const { name, work } of checks) {
    const builtIn = bundled?.[name];
    if (builtIn !== undefined) {
      // The documented way to register a bundled check: a subclass with the decorator alone.
      const Bundled = class extends builtIn.base {};
      registerHealthCheck({ registry, name, timeoutMs })(Bundled);
      bindings.push([builtIn.token, clients[builtIn.client]]);
      continue;
    }
    const WorkCheck = class extends HealthCheck {
      // The clients under test take no AbortSignal, so the check does not read context.signal.
      async check() {
        await work();
      }
    };
    registerHealthCheck({ registry, name, timeoutMs })(WorkCheck);
  }
  const container = new Container();
  for (const [token, client] of bindings) container.bind(token).toConstantValue(client);
  await container.load(healthModule({ registry, defaultCacheTtlMs: cacheTtlMs, singleFlight }));
  const health = container.get(HealthService);
  const render = bundled !== undefined ? pulsecheck.respond : undefined;
  return {
    health,
    /** The library's own call: what a probe handler awaits. */
    run: () => health.run(),
    /** What an HTTP endpoint sends: status code and the flat JSON map existing monitors parse. */
    async respond() {
      const report = await health.run();
      if (render !== undefined) {
        const { statusCode, body } = render(report, { accept: 'application/json' });
        return { statusCode, body };
      }
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
