import 'reflect-metadata';
import { injectFromBase } from 'inversify';
import type { HealthCheckClass } from './CheckDefinition.js';
import { defaultRegistry } from './defaultRegistry.js';
import { ensureInjectable } from './ensureInjectable.js';
import { HealthCheck } from './HealthCheck.js';
import { HealthCheckRegistry } from './HealthCheckRegistry.js';
import { CHECK_OPTION_SCHEMA, type RegisterOptions } from './RegisterOptions.js';
import { REGISTRY_RULE } from './registryRule.js';
import { resolveDefinition } from './resolveDefinition.js';
import { assertOptionsObject } from '../options/assertOptionsObject.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { assertHealthCheckClass } from './assertHealthCheckClass.js';

/** The schema of {@link RegisterOptions}: a check's options and the registry to record it in. */
const REGISTER_OPTION_SCHEMA = { ...CHECK_OPTION_SCHEMA, registry: REGISTRY_RULE } as const satisfies OptionSchema<RegisterOptions>;

/**
 * Class decorator that records a {@link HealthCheck} subclass, with its
 * options, in a {@link HealthCheckRegistry} (the only place its definition
 * lives). It binds nothing: {@link healthModule} does, when loaded into a
 * container, and makes the class injectable then (no `@injectable()`
 * needed; written anyway, above or below this decorator, it is fine).
 *
 * A subclass of another check (a bundled one such as `PostgresHealthCheck`,
 * or one of yours) that declares no constructor of its own inherits its base
 * class's constructor injections.
 *
 * @param options - Name, criticality, timeout, tags, description, cache TTL
 *   and registry; see {@link RegisterOptions} for each default.
 * @returns The class decorator.
 * @throws TypeError when `options` is not a plain object (an array, say), the
 *   class does not extend {@link HealthCheck}, or an option has the wrong
 *   type or an unknown key.
 * @throws RangeError when `timeoutMs` is not a positive finite number, or
 *   `cacheTtlMs` not a non-negative one, or either exceeds 2,147,483,647 ms
 *   (the longest delay a timer can hold).
 * @throws Error when the registry already holds a check with the same name,
 *   or already holds this class (a class is decorated once).
 *
 * @example
 * ```ts
 * import { inject } from 'inversify';
 * import { HealthCheck, registerHealthCheck, type CheckContext } from 'pulsecheck';
 *
 * interface Cache { ping(): Promise<void> }
 * const CACHE = Symbol('Cache');
 *
 * @registerHealthCheck({ name: 'cache', critical: false, timeoutMs: 300, tags: ['ready'] })
 * class CacheHealthCheck extends HealthCheck {
 *   constructor(@inject(CACHE) private readonly cache: Cache) {
 *     super();
 *   }
 *
 *   async check(_context: CheckContext): Promise<void> {
 *     await this.cache.ping();
 *   }
 * }
 * ```
 */
export function registerHealthCheck(options: RegisterOptions = {}): <T extends HealthCheckClass>(target: T) => T {
  assertOptionsObject(options, 'registerHealthCheck');
  return <T extends HealthCheckClass>(target: T): T => {
    assertHealthCheckClass(target, 'registerHealthCheck');
    const definition = resolveDefinition(target, options, 'registerHealthCheck', REGISTER_OPTION_SCHEMA);
    const registry = options.registry ?? defaultRegistry;
    const holder = HealthCheckRegistry.holding(target);
    if (holder !== undefined && holder !== registry) {
      throw new Error(
        `registerHealthCheck('${definition.name}'): class ${target.name} is already registered in another registry; a class is recorded in one registry only (list it in healthModule({ checks }) to run it elsewhere)`,
      );
    }
    const firstTime = holder === undefined;
    registry.add(definition);
    if (firstTime) inheritInjections(target);
    return target;
  };
}

/**
 * For a subclass of another check that declares no constructor of its own,
 * applies inversify's `@injectFromBase()`, so that it receives its base
 * class's constructor injections (inversify would otherwise pass `undefined`
 * for each of them). The base class is complete by now, so it is made
 * injectable first (its parameter types are then known).
 */
function inheritInjections(target: HealthCheckClass): void {
  const base: unknown = Object.getPrototypeOf(target);
  if (base === HealthCheck || typeof base !== 'function') return;
  ensureInjectable(base as HealthCheckClass);
  const ownConstructor = Reflect.getOwnMetadata('design:paramtypes', target) !== undefined;
  injectFromBase({ extendConstructorArguments: !ownConstructor, extendProperties: true })(target);
}
