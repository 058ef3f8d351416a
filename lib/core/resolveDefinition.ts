import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';
import { assertCount, assertFailAfter, freezeFailAfter } from './FlapRule.js';
import { assertNonNegativeMs, assertPositiveMs, assertTags, describeClass } from './validateOptions.js';

/** @internal What a definition may be given as: the class, and any of its options (the rest default). */
export type DefinitionInput = Pick<CheckDefinition, 'target'> & { readonly [K in Exclude<keyof CheckDefinition, 'target'>]?: CheckDefinition[K] };

/**
 * @internal The one place a check's options are checked and defaulted
 * (for the decorator and for {@link HealthCheckRegistry.add}): name (the
 * class name), critical (`true`), tags (`[]`, without duplicates); timeout,
 * description and cache TTL stay `undefined` when not given; failAfter,
 * recoverAfter, intervalMs and initialDelayMs are left out when not given.
 *
 * @param target - The check class (already checked to extend HealthCheck).
 * @param options - The options as given.
 * @param api - Who asks, for error messages: `registerHealthCheck` or `HealthCheckRegistry.add`.
 * @returns A frozen definition.
 * @throws TypeError or RangeError naming the check and the option.
 */
export function resolveDefinition(target: HealthCheckClass, options: Omit<DefinitionInput, 'target'>, api: string): CheckDefinition {
  const name = options.name ?? target.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`${api}(${describeClass(target)}): name must be a non-empty string${target.name === '' ? ' (the class is anonymous, so give it a name)' : ''}`);
  }
  const named = `${api}('${name}')`;
  if (options.critical !== undefined && typeof options.critical !== 'boolean') {
    throw new TypeError(`${named}: critical must be a boolean, got ${typeof options.critical}`);
  }
  if (options.timeoutMs !== undefined) assertPositiveMs(options.timeoutMs, 'timeoutMs', named);
  if (options.cacheTtlMs !== undefined) assertNonNegativeMs(options.cacheTtlMs, 'cacheTtlMs', named);
  if (options.failAfter !== undefined) assertFailAfter(options.failAfter, 'failAfter', named);
  if (options.recoverAfter !== undefined) assertCount(options.recoverAfter, 'recoverAfter', named);
  if (options.intervalMs !== undefined) assertPositiveMs(options.intervalMs, 'intervalMs', named);
  if (options.initialDelayMs !== undefined) assertNonNegativeMs(options.initialDelayMs, 'initialDelayMs', named);
  if (options.tags !== undefined) assertTags(options.tags, 'tags', named);
  if (options.description !== undefined && typeof options.description !== 'string') {
    throw new TypeError(`${named}: description must be a string`);
  }
  if (options.dependsOn !== undefined) assertTags(options.dependsOn, 'dependsOn', named);
  return Object.freeze({
    target,
    name,
    critical: options.critical ?? true,
    timeoutMs: options.timeoutMs,
    tags: Object.freeze([...new Set(options.tags ?? [])]),
    description: options.description,
    cacheTtlMs: options.cacheTtlMs,
    // present only when given, so definitions without them are as before
    ...(options.failAfter === undefined ? {} : { failAfter: freezeFailAfter(options.failAfter) }),
    ...(options.recoverAfter === undefined ? {} : { recoverAfter: options.recoverAfter }),
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.initialDelayMs === undefined ? {} : { initialDelayMs: options.initialDelayMs }),
    ...(options.dependsOn === undefined || options.dependsOn.length === 0 ? {} : { dependsOn: Object.freeze([...new Set(options.dependsOn)]) }),
  });
}
