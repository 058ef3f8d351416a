import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';

const definitions = new WeakMap<HealthCheckClass, CheckDefinition>();

/** @internal Remembers the definition a decorated class was recorded with. */
export function rememberDefinition(definition: CheckDefinition): void {
  definitions.set(definition.target, definition);
}

/**
 * @internal The definition of a check class: the one it was decorated with,
 * or defaults (its class name, critical, no tags) for an undecorated class.
 */
export function definitionOf(target: HealthCheckClass): CheckDefinition {
  return (
    definitions.get(target) ?? {
      target,
      name: target.name === '' ? 'AnonymousHealthCheck' : target.name,
      critical: true,
      timeoutMs: undefined,
      tags: [],
      description: undefined,
      cacheTtlMs: undefined,
    }
  );
}

/** @internal Whether the class itself (not a base class) was decorated. */
export function isDecorated(target: HealthCheckClass): boolean {
  return definitions.has(target);
}
