import { COMPONENT_TYPES, type ComponentType } from '../report/ComponentType.js';
import type { HealthCheckClass } from './CheckDefinition.js';
import type { CheckTraits } from './CheckTraits.js';

/**
 * @internal `{ componentType }` for a check class whose static `traits`
 * ({@link CheckTraits}, inherited by subclasses) declare a {@link ComponentType}
 * other than `component` (`datastore`, `system`); `{}` for any other (a `component`, the default, or a value the
 * draft does not define). Read once, when the class's definition is made,
 * so that a run never looks at it.
 */
export function componentTypeOf(target: HealthCheckClass): { readonly componentType?: Exclude<ComponentType, 'component'> } {
  let declared: unknown;
  try {
    declared = (target as { readonly traits?: CheckTraits | undefined }).traits?.componentType;
  } catch {
    return {};
  }
  return declared !== 'component' && (COMPONENT_TYPES as readonly unknown[]).includes(declared) ? { componentType: declared as Exclude<ComponentType, 'component'> } : {};
}
