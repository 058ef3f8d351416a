import type { CheckDefinition } from '../core/CheckDefinition.js';
import { CheckSelector } from '../core/CheckSelector.js';
import type { CheckSlot } from '../core/CheckSlot.js';
import { DEFAULT_TIMEOUT_MS } from '../core/HealthServiceOptions.js';
import type { RunOptions } from '../core/RunOptions.js';
import { BACKSTOP_GRACE_MS } from '../core/settleAll.js';

/** @internal The checks a run selects and the longest a fresh run of them can take. */
export interface RunBudget {
  /** The names of the selected checks. */
  readonly checks: readonly string[];
  /** The largest timeout of the selected checks plus the run's backstop grace (0 when none is selected). */
  readonly ms: number;
}

/**
 * @internal Which checks `options` selects among `definitions`, by the
 * service's own selection rules ({@link CheckSelector}, which also validates
 * `options` and throws as `run()` would), and how long a fresh run of them
 * can take: the largest effective timeout plus {@link BACKSTOP_GRACE_MS}.
 *
 * The effective timeout of a check that sets none is taken as
 * {@link DEFAULT_TIMEOUT_MS}: `HealthService.definitions()` does not yet
 * answer effective values (a service built with another `defaultTimeoutMs`
 * is under- or over-estimated). TODO(lead): point this at the one
 * selection/effective-timeout function core gains this round.
 */
export function runBudget(definitions: readonly CheckDefinition[], options: RunOptions): RunBudget {
  // CheckSelector reads only each slot's definition.
  const selector = new CheckSelector(definitions.map((definition) => ({ definition }) as CheckSlot));
  const selected = selector.select(options).map((slot) => slot.definition);
  let largest = -1;
  for (const definition of selected) largest = Math.max(largest, definition.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return { checks: selected.map((definition) => definition.name), ms: largest < 0 ? 0 : largest + BACKSTOP_GRACE_MS };
}
