import type { ContainerModule } from 'inversify';
import { bindHealthModule } from './bindHealthModule.js';
import type { HealthCheckClass } from './CheckDefinition.js';
import type { HealthCheckRegistry } from './HealthCheckRegistry.js';
import type { HealthServiceOptions } from './HealthServiceOptions.js';
import { HEALTH_MODULE_SCHEMA, validateHealthModuleOptions } from './validateHealthModuleOptions.js';

/**
 * What {@link healthModule} binds: the checks of one registry or an explicit
 * list, plus the {@link HealthServiceOptions} for the service.
 *
 * @example
 * ```ts
 * import { HealthCheck, type HealthModuleOptions } from 'pulsecheck';
 *
 * class AlwaysWorking extends HealthCheck { check(): void {} }
 * const options: HealthModuleOptions = { checks: [AlwaysWorking], defaultTimeoutMs: 500 };
 * ```
 */
export interface HealthModuleOptions extends HealthServiceOptions {
  /**
   * The registry whose checks to bind.
   * @defaultValue {@link defaultRegistry} (when `checks` is not given either)
   */
  readonly registry?: HealthCheckRegistry;
  /**
   * An explicit list of check classes to bind instead of a registry's, in
   * this order (the default registry is then left untouched). A class
   * recorded in a registry (by {@link registerHealthCheck} or
   * {@link HealthCheckRegistry.add}) keeps the options recorded there; any
   * other gets default options (its class name, critical, no tags).
   */
  readonly checks?: readonly HealthCheckClass[];
}

/**
 * An Inversify `ContainerModule` that binds every check of a registry (or
 * an explicit `checks` list) as a singleton under its class and under
 * {@link HEALTH_CHECK}, and binds {@link HealthService} as a singleton.
 * Bind the checks' own dependencies (database pools, clients) in the same
 * container.
 *
 * The registry is read when the module is created, so create it after the
 * check classes are imported.
 *
 * @param options - Which checks, and defaults for the service.
 * @returns The module, for `container.load(...)`.
 * @throws TypeError when both `registry` and `checks` are given, an entry of
 *   `checks` does not extend {@link HealthCheck}, an option is unknown, or
 *   `singleFlight` or `latchStartup` is not a boolean.
 * @throws RangeError for a malformed `defaultTimeoutMs` or `defaultCacheTtlMs`
 *   (including one above 2,147,483,647 ms), or a count of `defaultFailAfter`
 *   or `defaultRecoverAfter` that is not a positive integer.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { HealthService, healthModule } from 'pulsecheck';
 *
 * const container = new Container();
 * container.load(healthModule({ defaultTimeoutMs: 500 }));
 * const report = await container.get(HealthService).run();
 * console.log(report.status);
 * ```
 */
export function healthModule(options: HealthModuleOptions = {}): ContainerModule {
  return bindHealthModule(validateHealthModuleOptions(HEALTH_MODULE_SCHEMA, options, 'healthModule'));
}
