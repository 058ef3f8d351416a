import { Container } from 'inversify';
import sinon from 'sinon';
import {
  HealthCheck,
  HealthCheckRegistry,
  HealthService,
  healthModule,
  registerHealthCheck,
  type CheckContext,
  type HealthModuleOptions,
  type RegisterOptions,
} from 'pulsecheck';
import { activeResourcesAfterATurn } from '../support/activeResources.js';

/** The body of a check made by {@link checkClass}. */
export type CheckBody = (context: CheckContext) => void | Promise<void>;

/** Makes (and registers in `registry`) a check class named `name` whose check() calls `body`. */
export function checkClass(
  registry: HealthCheckRegistry,
  name: string,
  body: CheckBody,
  options: Omit<RegisterOptions, 'name' | 'registry'> = {},
): typeof HealthCheck {
  const made = class extends HealthCheck {
    check(context: CheckContext): void | Promise<void> {
      return body(context);
    }
  };
  registerHealthCheck({ ...options, name, registry })(made);
  return made;
}

/** Loads `healthModule({ registry, ...options })` into a fresh container and returns its HealthService. */
export function serviceFor(registry: HealthCheckRegistry, options: Omit<HealthModuleOptions, 'registry' | 'checks'> = {}): HealthService {
  const container = new Container();
  container.load(healthModule({ ...options, registry }));
  return container.get(HealthService);
}

export { deferred } from '../support/deferred.js';

/** Resolves after `ms` milliseconds of real time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * How many ref'ed timers are active, counted after one turn of the event loop
 * (mocha arms its own per-test timer once the test returns its promise, so a
 * count taken synchronously at the start of a test would miss it; see
 * {@link activeResourcesAfterATurn}).
 */
export async function activeTimers(): Promise<number> {
  return (await activeResourcesAfterATurn()).get('Timeout') ?? 0;
}

/**
 * Fakes timers, `performance` and `Date`, starting neither `Date.now()` nor
 * `performance.now()` at zero (sinon starts `performance.now()` at 0), so
 * that a duration computed as `now + started` cannot pass for `now - started`.
 */
export function installClock(): sinon.SinonFakeTimers {
  const clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  clock.tick(1_000_000);
  return clock;
}
