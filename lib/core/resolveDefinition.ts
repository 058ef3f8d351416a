import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { validateOptions } from '../options/validateOptions.js';
import { componentTypeOf } from './componentTypeOf.js';
import { freezeFailAfter } from './FlapRule.js';
import { CHECK_OPTION_SCHEMA } from './RegisterOptions.js';
import { describeClass } from './describeClass.js';

/** @internal What a definition may be given as: the class, and any of its options (the rest default). */
export type DefinitionInput = Pick<CheckDefinition, 'target'> & { readonly [K in Exclude<keyof CheckDefinition, 'target' | 'componentType'>]?: CheckDefinition[K] };

/**
 * @internal The one place a check's options are checked and defaulted
 * (for the decorator and for {@link HealthCheckRegistry.add}): name (the
 * class name), critical (`true`), tags (`[]`, without duplicates); timeout,
 * description and cache TTL stay `undefined` when not given; failAfter,
 * recoverAfter, intervalMs, initialDelayMs and affectedEndpoints are left
 * out when not given; componentType comes from the class's static `traits`.
 *
 * @param target - The check class (already checked to extend HealthCheck).
 * @param options - The options as given (with `registry` or `target` when the schema has it).
 * @param api - Who asks, for error messages: `registerHealthCheck` or `HealthCheckRegistry.add`.
 * @param schema - {@link CHECK_OPTION_SCHEMA}, or a larger schema that includes it.
 * @returns A frozen definition.
 * @throws TypeError or RangeError naming the check and the option.
 */
export function resolveDefinition(target: HealthCheckClass, options: object, api: string, schema: OptionSchema<Omit<DefinitionInput, 'target'>> = CHECK_OPTION_SCHEMA): CheckDefinition {
  const named = (options as { name?: unknown }).name;
  const given: unknown = named === undefined ? target.name : named;
  // The name is checked before the other options, whose errors quote it.
  if (!CHECK_OPTION_SCHEMA.name.accepts(given)) {
    if (given === '' && target.name === '') {
      throw new TypeError(`${api}(${describeClass(target)}): name must be ${CHECK_OPTION_SCHEMA.name.expected} (the class is anonymous, so give it a name)`);
    }
    CHECK_OPTION_SCHEMA.name.check(given, 'name', `${api}(${describeClass(target)})`);
  }
  const name = given as string;
  const valid: Omit<DefinitionInput, 'target'> = validateOptions(schema, options, `${api}('${name}')`);
  return Object.freeze({
    target,
    name,
    critical: valid.critical ?? CHECK_OPTION_SCHEMA.critical.defaultValue,
    timeoutMs: valid.timeoutMs,
    tags: Object.freeze([...new Set(valid.tags ?? [])]),
    description: valid.description,
    cacheTtlMs: valid.cacheTtlMs,
    // present only when given, so definitions without them are as before
    ...(valid.failAfter === undefined ? {} : { failAfter: freezeFailAfter(valid.failAfter) }),
    ...(valid.recoverAfter === undefined ? {} : { recoverAfter: valid.recoverAfter }),
    ...(valid.intervalMs === undefined ? {} : { intervalMs: valid.intervalMs }),
    ...(valid.initialDelayMs === undefined ? {} : { initialDelayMs: valid.initialDelayMs }),
    ...(valid.dependsOn === undefined || valid.dependsOn.length === 0 ? {} : { dependsOn: Object.freeze([...new Set(valid.dependsOn)]) }),
    ...(valid.affectedEndpoints === undefined || valid.affectedEndpoints.length === 0 ? {} : { affectedEndpoints: Object.freeze([...new Set(valid.affectedEndpoints)]) }),
    ...componentTypeOf(target),
  });
}
