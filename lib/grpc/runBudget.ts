import type { CheckDefinition } from '../core/CheckDefinition.js';
import { assertRunOptions } from '../core/assertRunOptions.js';
import { effectiveTimeoutMs } from '../core/effectiveTimeoutMs.js';
import { DEFAULT_TIMEOUT_MS } from '../core/HealthServiceOptions.js';
import { BACKSTOP_GRACE_MS } from '../core/backstopGraceMs.js';
import { selectChecks } from '../core/selectChecks.js';

/** @internal The checks a run selects and the longest a fresh run of them can take. */
export interface RunBudget {
  /** The names of the selected checks. */
  readonly checks: readonly string[];
  /** The largest timeout of the selected checks plus the run's backstop grace (0 when none is selected). */
  readonly ms: number;
}

/**
 * @internal Which checks `options` selects among `definitions`, by the
 * service's own rules (validated by {@link assertRunOptions}, as `run()`
 * validates them, errors naming `where`; selected by {@link selectChecks}),
 * and how long a fresh run of them
 * can take: the largest effective timeout plus {@link BACKSTOP_GRACE_MS}.
 *
 * `definitions` are `HealthService.definitions()`, which answer each
 * check's effective timeout (its own, else the service's default); the
 * fallback to {@link DEFAULT_TIMEOUT_MS} (through {@link effectiveTimeoutMs},
 * the rule's one home) only serves definitions read off a registry.
 */
export function runBudget(definitions: readonly CheckDefinition[], options: unknown, where: string): RunBudget {
  assertRunOptions(options, where, new Set(definitions.map((definition) => definition.name)));
  const selected = selectChecks(definitions, options, (definition) => definition);
  let largest = -1;
  for (const definition of selected) largest = Math.max(largest, effectiveTimeoutMs(definition, DEFAULT_TIMEOUT_MS));
  return { checks: selected.map((definition) => definition.name), ms: largest < 0 ? 0 : largest + BACKSTOP_GRACE_MS };
}
