import { ContainerModule } from 'inversify';
import type { HealthCheckClass } from './CheckDefinition.js';
import type { HealthCheck } from './HealthCheck.js';
import { defaultRegistry } from './defaultRegistry.js';
import { HealthCheckRegistry } from './HealthCheckRegistry.js';
import { HealthService } from './HealthService.js';
import { assertCount, assertFailAfter } from './FlapRule.js';
import { ensureInjectable } from './ensureInjectable.js';
import { SERVICE_OPTION_KEYS, SERVICE_OPTION_TABLE, type HealthServiceOptions } from './HealthServiceOptions.js';
import { optionKeys } from './optionKeys.js';
import { HEALTH_CHECK, HEALTH_SERVICE_OPTIONS } from './tokens.js';
import { assertHealthCheckClass, assertKnownKeys, assertNonNegativeMs, assertOptionalBoolean, assertPositiveMs } from './validateOptions.js';

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

/** @internal The keys of {@link HealthModuleOptions} as a table: the service's options, the registry and the checks. */
export const MODULE_OPTION_TABLE = { ...SERVICE_OPTION_TABLE, registry: true, checks: true } as const satisfies { readonly [K in keyof Required<HealthModuleOptions>]: true };

/** Every key of {@link HealthModuleOptions}, checked against it by the compiler. */
const moduleOptionKeys = optionKeys<HealthModuleOptions>(MODULE_OPTION_TABLE);

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
  if (typeof options !== 'object' || options === null) throw new TypeError('healthModule: options must be an object');
  assertKnownKeys(options, moduleOptionKeys, 'healthModule');
  if (options.registry !== undefined && options.checks !== undefined) {
    throw new TypeError('healthModule: give either registry or checks, not both');
  }
  if (options.registry !== undefined && !(options.registry instanceof HealthCheckRegistry)) {
    throw new TypeError('healthModule: registry must be a HealthCheckRegistry');
  }
  if (options.checks !== undefined && !Array.isArray(options.checks)) throw new TypeError('healthModule: checks must be an array of HealthCheck classes');
  const classes: readonly HealthCheckClass[] = options.checks ?? (options.registry ?? defaultRegistry).list().map((definition) => definition.target);
  classes.forEach((target, index) => {
    assertHealthCheckClass(target, `healthModule: checks[${index}]`);
  });
  if (new Set(classes).size !== classes.length) throw new TypeError('healthModule: checks lists the same class twice');
  const serviceOptions: Record<string, unknown> = {};
  for (const key of SERVICE_OPTION_KEYS) {
    if (options[key] !== undefined) serviceOptions[key] = options[key];
  }
  if (options.defaultTimeoutMs !== undefined) assertPositiveMs(options.defaultTimeoutMs, 'defaultTimeoutMs', 'healthModule');
  if (options.defaultCacheTtlMs !== undefined) assertNonNegativeMs(options.defaultCacheTtlMs, 'defaultCacheTtlMs', 'healthModule');
  assertOptionalBoolean(options.singleFlight, 'singleFlight', 'healthModule');
  assertOptionalBoolean(options.latchStartup, 'latchStartup', 'healthModule');
  if (options.defaultFailAfter !== undefined) assertFailAfter(options.defaultFailAfter, 'defaultFailAfter', 'healthModule');
  if (options.defaultRecoverAfter !== undefined) assertCount(options.defaultRecoverAfter, 'defaultRecoverAfter', 'healthModule');

  // Every decorator has run by now, so this never precedes a user's own @injectable().
  for (const target of classes) ensureInjectable(target);

  return new ContainerModule(({ bind }) => {
    for (const target of classes) {
      // HealthCheckClass is an abstract constructor type; every class that reaches here is concrete.
      const concrete = target as unknown as new () => HealthCheck;
      bind(concrete).toSelf().inSingletonScope();
      bind(HEALTH_CHECK).toService(concrete);
    }
    bind(HEALTH_SERVICE_OPTIONS).toConstantValue(Object.freeze(serviceOptions));
    bind(HealthService).toSelf().inSingletonScope();
  });
}
