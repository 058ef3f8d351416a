import type { HealthCheckClass } from './CheckDefinition.js';
import type { CheckSlot } from './CheckSlot.js';
import { DeferredCheck } from './DeferredCheck.js';
import { definitionOf } from './definitionOf.js';
import { effectiveTimeoutMs } from './effectiveTimeoutMs.js';
import { flapRule } from './FlapRule.js';
import { HealthCheck } from './HealthCheck.js';
import { SlotState } from './SlotState.js';
import { SERVICE_OPTION_SCHEMA, type HealthServiceOptions } from './HealthServiceOptions.js';

/**
 * @internal The slots a {@link HealthService} runs, in the order of
 * `checks`: each instance with its definition (from the registry that holds
 * its class) and the timeout, cache TTL and flap rule that apply to it,
 * the service's defaults filling what the check left out.
 *
 * @param checks - The check instances (none when `undefined`).
 * @param settings - The service's validated options.
 * @throws TypeError when an entry is not a {@link HealthCheck}, naming its index.
 */
export function checkSlots(checks: readonly HealthCheck[] | undefined, settings: Readonly<HealthServiceOptions>): CheckSlot[] {
  const defaultTimeoutMs = settings.defaultTimeoutMs ?? SERVICE_OPTION_SCHEMA.defaultTimeoutMs.defaultValue;
  const defaultCacheTtlMs = settings.defaultCacheTtlMs ?? SERVICE_OPTION_SCHEMA.defaultCacheTtlMs.defaultValue;
  return (checks === undefined ? [] : checks).map((instance, index): CheckSlot => {
    if (!(instance instanceof HealthCheck)) {
      throw new TypeError(`HealthService: check #${index} is not a HealthCheck instance (got ${instance === null ? 'null' : typeof instance})`);
    }
    // A deferred check (the Nest bridge's) stands for its target class until the instance exists.
    const definition = definitionOf(instance instanceof DeferredCheck ? instance.target : (instance.constructor as HealthCheckClass));
    return {
      definition,
      instance,
      timeoutMs: effectiveTimeoutMs(definition, defaultTimeoutMs),
      cacheTtlMs: definition.cacheTtlMs ?? defaultCacheTtlMs,
      flap: flapRule(definition.failAfter ?? settings.defaultFailAfter, definition.recoverAfter ?? settings.defaultRecoverAfter),
      state: new SlotState(),
    };
  });
}

