import { HealthCheckRegistry } from './HealthCheckRegistry.js';

/**
 * The registry {@link registerHealthCheck} records into when no `registry`
 * option is given, and that {@link healthModule} reads when given neither
 * `registry` nor `checks`.
 *
 * @example
 * ```ts
 * import { defaultRegistry } from 'pulsecheck';
 *
 * console.log(defaultRegistry.list().map((definition) => definition.name));
 * ```
 */
export const defaultRegistry: HealthCheckRegistry = new HealthCheckRegistry();
