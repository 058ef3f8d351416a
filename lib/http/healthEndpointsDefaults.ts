import { optionDefaults } from '../options/optionDefaults.js';
import { HEALTH_ENDPOINTS_SCHEMA, type HealthEndpointsOptions } from './HealthEndpointsOptions.js';

/**
 * The defaults of {@link HealthEndpointsOptions} that {@link healthEndpoints}
 * (and `PulsecheckModule.forRoot`) use for an option left out, read off the
 * options' schema (their one home); the routes' default is
 * {@link DEFAULT_HEALTH_ROUTES}. The options' TSDoc links here, and the HTTP
 * guide quotes them; a spec holds the guide to this table.
 *
 * @example
 * ```ts
 * import { HEALTH_ENDPOINTS_DEFAULTS } from 'pulsecheck';
 *
 * console.log(`a detail() function has ${HEALTH_ENDPOINTS_DEFAULTS.detailTimeoutMs} ms to answer`);
 * ```
 */
export const HEALTH_ENDPOINTS_DEFAULTS: Readonly<Required<Pick<HealthEndpointsOptions, 'detail' | 'detailTimeoutMs'>>> = optionDefaults(HEALTH_ENDPOINTS_SCHEMA);
