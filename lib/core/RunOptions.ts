import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { PROBES, isProbe, type Probe } from './Probe.js';

/**
 * Which checks {@link HealthService.run} runs, and how. With several
 * selectors, a check must match all of them.
 *
 * @example
 * ```ts
 * import type { RunOptions } from 'pulsecheck';
 *
 * const readiness: RunOptions = { probe: 'readiness' };
 * const databaseOnly: RunOptions = { names: ['DatabaseHealthCheck'], fresh: true };
 * const tagged: RunOptions = { tags: ['db', 'cache'] };
 * ```
 */
export interface RunOptions {
  /** Only checks that have at least one of these tags. */
  readonly tags?: readonly string[];
  /**
   * Only the checks with these names.
   * @throws RangeError (as a rejection of `run()`) for a name no check has.
   */
  readonly names?: readonly string[];
  /** Only the checks of this Kubernetes probe (see {@link Probe}). */
  readonly probe?: Probe;
  /**
   * Execute every selected check now: skip the result cache, background
   * results and any in-flight execution (which it replaces for later joiners).
   * @defaultValue `false`
   */
  readonly fresh?: boolean;
  /**
   * Attach each check's recent executions to its result
   * ({@link CheckResult.history}: a frozen copy, oldest first, that includes
   * the execution the result comes from), so that the detailed JSON and the
   * HTML dashboard show them. Nothing is attached when the service keeps no
   * history (`historySize: 0`), nor to the reports of the shutdown gate and
   * the startup latch, which run nothing.
   * @defaultValue `false`
   */
  readonly history?: boolean;
}

/**
 * @internal The schema of {@link RunOptions}: the one rule for run options,
 * read by `HealthService.run` (through {@link assertRunOptions}) and by every
 * route table (`healthEndpoints`, the OpenAPI description, the Postman
 * collection, `verify-probes`, gRPC's `services`), so a bad value gets the
 * same words wherever it is given. A probe that is not one of
 * {@link PROBES} is a RangeError, as an unknown check name is.
 */
export const RUN_OPTIONS_SCHEMA = {
  tags: optionRules.nonEmptyStrings,
  names: optionRules.nonEmptyStrings,
  probe: optionRules.custom(`one of ${PROBES.join(', ')}`, isProbe, RangeError),
  fresh: optionRules.boolean,
  history: optionRules.boolean,
} as const satisfies OptionSchema<RunOptions>;
