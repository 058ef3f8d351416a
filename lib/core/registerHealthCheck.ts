import 'reflect-metadata';
import { injectable, injectFromBase } from 'inversify';
import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';
import { rememberDefinition } from './checkDefinitions.js';
import { defaultRegistry } from './defaultRegistry.js';
import { HealthCheck } from './HealthCheck.js';
import { HealthCheckRegistry } from './HealthCheckRegistry.js';
import type { RegisterOptions } from './RegisterOptions.js';
import { assertHealthCheckClass, assertKnownKeys, assertNonNegativeMs, assertOptionsObject, assertPositiveMs, assertTags, describeClass } from './validateOptions.js';

const registeredIn = new WeakMap<HealthCheckClass, HealthCheckRegistry>();
const madeInjectable = new WeakSet<HealthCheckClass>();
/** The metadata key inversify 8 sets on a class decorated with `@injectable()`; applying it twice throws. */
const injectableFlagKey = '@inversifyjs/core/classIsInjectableFlagReflectKey';

const knownOptions = ['name', 'critical', 'timeoutMs', 'tags', 'description', 'cacheTtlMs', 'registry'] as const;

/**
 * Class decorator that makes a {@link HealthCheck} subclass injectable (no
 * `@injectable()` needed) and records it, with its options, in a
 * {@link HealthCheckRegistry}. It binds nothing: {@link healthModule} does,
 * when loaded into a container.
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
    const definition = resolveDefinition(target, options);
    const registry = options.registry ?? defaultRegistry;
    const previous = registeredIn.get(target);
    if (previous !== undefined && previous !== registry && previous.has(target)) {
      throw new Error(
        `registerHealthCheck('${definition.name}'): class ${target.name} is already registered in another registry; a class is recorded in one registry only (list it in healthModule({ checks }) to run it elsewhere)`,
      );
    }
    registry.add(definition);
    registeredIn.set(target, registry);
    makeInjectable(target);
    rememberDefinition(definition);
    return target;
  };
}

function resolveDefinition(target: HealthCheckClass, options: RegisterOptions): CheckDefinition {
  const owner = `registerHealthCheck(${describeClass(target)})`;
  assertKnownKeys(options, knownOptions, owner);
  const name = options.name ?? target.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`${owner}: name must be a non-empty string${target.name === '' ? ' (the class is anonymous, so give it a name)' : ''}`);
  }
  const named = `registerHealthCheck('${name}')`;
  if (options.critical !== undefined && typeof options.critical !== 'boolean') {
    throw new TypeError(`${named}: critical must be a boolean, got ${typeof options.critical}`);
  }
  if (options.timeoutMs !== undefined) assertPositiveMs(options.timeoutMs, 'timeoutMs', named);
  if (options.cacheTtlMs !== undefined) assertNonNegativeMs(options.cacheTtlMs, 'cacheTtlMs', named);
  if (options.tags !== undefined) assertTags(options.tags, 'tags', named);
  if (options.description !== undefined && typeof options.description !== 'string') {
    throw new TypeError(`${named}: description must be a string`);
  }
  if (options.registry !== undefined && !(options.registry instanceof HealthCheckRegistry)) {
    throw new TypeError(`${named}: registry must be a HealthCheckRegistry`);
  }
  return Object.freeze({
    target,
    name,
    critical: options.critical ?? true,
    timeoutMs: options.timeoutMs,
    tags: Object.freeze([...new Set(options.tags ?? [])]),
    description: options.description,
    cacheTtlMs: options.cacheTtlMs,
  });
}

/**
 * Applies inversify's `@injectable()` and, for a subclass of another check
 * that declares no constructor of its own, `@injectFromBase()`, so that it
 * receives its base class's constructor injections (inversify would
 * otherwise pass `undefined` for each of them).
 */
function makeInjectable(target: HealthCheckClass): void {
  if (madeInjectable.has(target)) return;
  madeInjectable.add(target);
  if (!isInjectable(target)) injectable()(target);
  const base: unknown = Object.getPrototypeOf(target);
  if (base === HealthCheck || typeof base !== 'function') return;
  const ownConstructor = Reflect.getOwnMetadata('design:paramtypes', target) !== undefined;
  injectFromBase({ extendConstructorArguments: !ownConstructor, extendProperties: true })(target);
}

/** Whether inversify already has class metadata for `target` itself (the user also wrote `@injectable()`). */
function isInjectable(target: HealthCheckClass): boolean {
  return Reflect.getOwnMetadata(injectableFlagKey, target) === true;
}
