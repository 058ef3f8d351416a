import { optionDefaults } from '../options/optionDefaults.js';
import { FAULT_PROXY_SCHEMA, type FaultProxyOptions } from './FaultProxy.js';

/**
 * The defaults of {@link FaultProxyOptions} that {@link FaultProxy.start}
 * uses for an option left out, read off the options' schema (their one
 * home). The options' TSDoc links here, and the testing guide quotes them; a
 * spec holds the guide to this table.
 *
 * @example
 * ```ts
 * import { FAULT_PROXY_DEFAULTS } from 'pulsecheck/testing';
 *
 * console.log(`slow forwards each chunk ${FAULT_PROXY_DEFAULTS.delayMs} ms late`);
 * ```
 */
export const FAULT_PROXY_DEFAULTS: Readonly<Required<Omit<FaultProxyOptions, 'target'>>> = optionDefaults(FAULT_PROXY_SCHEMA);
