import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { CHECK_OPTION_SCHEMA } from './RegisterOptions.js';
import { resolveDefinition, type DefinitionInput } from './resolveDefinition.js';
import { describeValue } from '../options/describeValue.js';
import { assertHealthCheckClass } from './assertHealthCheckClass.js';

/** The schema of what {@link HealthCheckRegistry.add} takes: the class (checked first) and a check's options. */
const DEFINITION_SCHEMA = {
  ...CHECK_OPTION_SCHEMA,
  target: optionRules.custom('a class extending HealthCheck', (value): value is HealthCheckClass => typeof value === 'function'),
} as const satisfies OptionSchema<DefinitionInput>;

/**
 * Which registry holds each class: an index of the registries, not of the
 * definitions (those live in the registries only). It enforces "a class is
 * recorded in one registry" and lets a service built from bare instances
 * find a class's definition.
 */
const holders = new WeakMap<HealthCheckClass, HealthCheckRegistry>();

/**
 * Where {@link registerHealthCheck} records check classes, in registration
 * order. Recording binds nothing: {@link healthModule} reads a registry when
 * it is loaded into a container.
 *
 * Create a fresh one in tests (`registry: new HealthCheckRegistry()`) so that
 * nothing leaks into {@link defaultRegistry}.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 *
 * const registry = new HealthCheckRegistry();
 *
 * @registerHealthCheck({ registry })
 * class AlwaysWorking extends HealthCheck { check(): void {} }
 *
 * const container = new Container();
 * container.load(healthModule({ registry }));
 * const report = await container.get(HealthService).run();
 * console.log(report.status); // "pass"
 * ```
 */
export class HealthCheckRegistry {
  readonly #byName = new Map<string, CheckDefinition>();

  /**
   * Records a check class with its options: what {@link registerHealthCheck}
   * does, for a class registered without the decorator. Options not given
   * take the decorator's defaults (the class name, critical, no tags, the
   * module's timeout and cache TTL).
   *
   * @param definition - The class (`target`) and any of `name`, `critical`,
   *   `timeoutMs`, `tags`, `description`, `cacheTtlMs`, `failAfter`,
   *   `recoverAfter`, `intervalMs`, `initialDelayMs`, `dependsOn`,
   *   `affectedEndpoints` (a `componentType` is ignored: it comes from the
   *   class's static `traits`).
   * @returns The definition as recorded, every option resolved.
   * @throws TypeError or RangeError for a malformed option, an unknown key,
   *   or a `target` that does not extend {@link HealthCheck}.
   * @throws Error when another class is already recorded under the same
   *   name, the same class is already recorded (under any name), or the
   *   class is recorded in another registry.
   *
   * @example
   * ```ts
   * import { HealthCheck, HealthCheckRegistry } from 'pulsecheck';
   *
   * class DatabaseCheck extends HealthCheck { check(): void {} }
   * const registry = new HealthCheckRegistry();
   * registry.add({ target: DatabaseCheck, name: 'database', critical: false });
   * ```
   */
  add(definition: Pick<CheckDefinition, 'target'> & Partial<Omit<CheckDefinition, 'target'>>): CheckDefinition {
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
      throw new TypeError(`HealthCheckRegistry.add: expected { target, name?, critical?, ... }, got ${describeValue(definition)}`);
    }
    assertHealthCheckClass(definition.target, 'HealthCheckRegistry.add: target');
    const { target } = definition;
    // componentType is the class's own (its static traits), never an option: a recorded definition given back is taken without it
    const { componentType: _fromTraits, ...options } = definition;
    const resolved = resolveDefinition(target, options, 'HealthCheckRegistry.add', DEFINITION_SCHEMA);
    const holder = holders.get(target);
    if (holder !== undefined && holder !== this && holder.has(target)) {
      throw new Error(
        `Health check class ${target.name || '(anonymous)'} is already registered in another registry as '${holder.get(target)?.name ?? ''}'; a class is recorded in one registry only (list it in healthModule({ checks }) to run it elsewhere)`,
      );
    }
    for (const recorded of this.#byName.values()) {
      if (recorded.target === target && recorded.name !== resolved.name) {
        throw new Error(
          `Health check class ${target.name || '(anonymous)'} is already registered in this registry as '${recorded.name}'; a class is decorated once (to run it twice, make a subclass with its own name).`,
        );
      }
    }
    const existing = this.#byName.get(resolved.name);
    if (existing !== undefined) {
      const which = existing.target === target ? 'it is already registered' : `class ${existing.target.name} already uses that name`;
      throw new Error(`Health check name '${resolved.name}' is already registered in this registry: ${which}. Give one of them another name with registerHealthCheck({ name }).`);
    }
    this.#byName.set(resolved.name, resolved);
    holders.set(target, this);
    return resolved;
  }

  /**
   * @internal The registry that recorded `target` itself (not a base class)
   * and still holds it, if any.
   */
  static holding(target: HealthCheckClass): HealthCheckRegistry | undefined {
    const holder = holders.get(target);
    return holder?.has(target) === true ? holder : undefined;
  }

  /**
   * The recorded checks, in registration order.
   *
   * @returns A new array of definitions.
   */
  list(): CheckDefinition[] {
    return [...this.#byName.values()];
  }

  /**
   * The definition recorded under `nameOrClass` (a check name or a check
   * class), if any.
   *
   * @param nameOrClass - A check name or class.
   */
  get(nameOrClass: string | HealthCheckClass): CheckDefinition | undefined {
    if (typeof nameOrClass === 'string') return this.#byName.get(nameOrClass);
    for (const definition of this.#byName.values()) if (definition.target === nameOrClass) return definition;
    return undefined;
  }

  /**
   * Whether `nameOrClass` (a check name or a check class) is recorded here.
   *
   * @param nameOrClass - A check name or class.
   */
  has(nameOrClass: string | HealthCheckClass): boolean {
    return this.get(nameOrClass) !== undefined;
  }

  /**
   * Forgets the check recorded under `name`.
   *
   * @param name - A check name.
   * @returns Whether a check was removed.
   */
  delete(name: string): boolean {
    return this.#byName.delete(name);
  }

  /** Forgets every recorded check. */
  clear(): void {
    this.#byName.clear();
  }

  /** How many checks are recorded. */
  get size(): number {
    return this.#byName.size;
  }
}
