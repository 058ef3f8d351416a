import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';

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
   * Records a definition. Used by {@link registerHealthCheck}; call it
   * directly only to register a class without the decorator.
   *
   * @param definition - The check class and its resolved options.
   * @throws Error when another class is already recorded under the same
   *   name, or the same class is already recorded (under any name).
   */
  add(definition: CheckDefinition): void {
    for (const recorded of this.#byName.values()) {
      if (recorded.target === definition.target && recorded.name !== definition.name) {
        throw new Error(
          `Health check class ${definition.target.name || '(anonymous)'} is already registered in this registry as '${recorded.name}'; a class is decorated once (to run it twice, make a subclass with its own name).`,
        );
      }
    }
    const existing = this.#byName.get(definition.name);
    if (existing !== undefined) {
      const which = existing.target === definition.target ? 'it is already registered' : `class ${existing.target.name} already uses that name`;
      throw new Error(`Health check name '${definition.name}' is already registered in this registry: ${which}. Give one of them another name with registerHealthCheck({ name }).`);
    }
    this.#byName.set(definition.name, definition);
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
   * The definition recorded under `name`, if any.
   *
   * @param name - A check name.
   */
  get(name: string): CheckDefinition | undefined {
    return this.#byName.get(name);
  }

  /**
   * Whether `nameOrClass` (a check name or a check class) is recorded here.
   *
   * @param nameOrClass - A check name or class.
   */
  has(nameOrClass: string | HealthCheckClass): boolean {
    if (typeof nameOrClass === 'string') return this.#byName.has(nameOrClass);
    for (const definition of this.#byName.values()) if (definition.target === nameOrClass) return true;
    return false;
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
