import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';
import { componentTypeOf } from './componentTypeOf.js';
import { HealthCheckRegistry } from './HealthCheckRegistry.js';

/**
 * @internal The definition of a check class: the one its registry holds
 * (recorded by {@link registerHealthCheck} or {@link HealthCheckRegistry.add};
 * the registry is the only place a definition lives), or defaults (its
 * class name, critical, no tags, the componentType of its `traits`) for a
 * class no registry holds. A subclass
 * does not inherit its base class's definition.
 */
export function definitionOf(target: HealthCheckClass): CheckDefinition {
  return (
    HealthCheckRegistry.holding(target)?.get(target) ??
    Object.freeze({
      target,
      name: target.name === '' ? 'AnonymousHealthCheck' : target.name,
      critical: true,
      timeoutMs: undefined,
      tags: Object.freeze([]),
      description: undefined,
      cacheTtlMs: undefined,
      ...componentTypeOf(target),
    })
  );
}
