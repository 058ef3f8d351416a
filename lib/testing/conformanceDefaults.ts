import { optionDefaults } from '../options/optionDefaults.js';
import { CONFORMANCE_SCHEMA, type ConformanceOptions } from './ConformanceOptions.js';

/**
 * The defaults of {@link ConformanceOptions} that {@link assertCheckConforms}
 * uses for an option left out, read off the options' schema (their one
 * home). The options' TSDoc links here, and the testing guide quotes them; a
 * spec holds the guide to this table.
 *
 * @example
 * ```ts
 * import { CONFORMANCE_DEFAULTS } from 'pulsecheck/testing';
 *
 * const { abortedRuns, concurrency } = CONFORMANCE_DEFAULTS;
 * console.log(`under hang, ${abortedRuns} runs time out, ${concurrency} at a time`);
 * ```
 */
export const CONFORMANCE_DEFAULTS: Readonly<Required<Pick<ConformanceOptions, 'faults' | 'expect' | 'abortedRuns' | 'concurrency' | 'graceMs' | 'passTimeoutMs' | 'settleMs'>>> =
  optionDefaults(CONFORMANCE_SCHEMA);
