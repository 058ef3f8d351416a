import type { HealthCheckClass } from './CheckDefinition.js';
import { defaultRegistry } from './defaultRegistry.js';
import type { HealthModuleOptions } from './healthModule.js';

/**
 * @internal The check classes a health module binds: `checks` as given,
 * else every class of `registry` (the default registry when neither is
 * given), in order. The registry is read now.
 */
export function checkClasses(options: Pick<HealthModuleOptions, 'checks' | 'registry'>): readonly HealthCheckClass[] {
  return options.checks ?? (options.registry ?? defaultRegistry).list().map((definition) => definition.target);
}
