import type { OptionRule } from '../options/OptionRule.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { describeValue } from '../options/describeValue.js';
import { validateOptions } from '../options/validateOptions.js';
import type { HealthCheckClass } from './CheckDefinition.js';
import type { HealthModuleOptions } from './healthModule.js';
import { SERVICE_OPTION_SCHEMA } from './HealthServiceOptions.js';
import { REGISTRY_RULE } from './registryRule.js';
import { assertHealthCheckClass } from './assertHealthCheckClass.js';

/** The rule of `checks`: an array of distinct classes that extend HealthCheck. */
const CHECKS_RULE: OptionRule<readonly HealthCheckClass[]> = Object.freeze({
  expected: 'an array of HealthCheck classes',
  check(value: unknown, option: string, where: string): void {
    if (!Array.isArray(value)) throw new TypeError(`${where}: ${option} must be an array of HealthCheck classes, got ${describeValue(value)}`);
    value.forEach((target: unknown, index) => {
      assertHealthCheckClass(target, `${where}: ${option}[${index}]`);
    });
    if (new Set(value).size !== value.length) throw new TypeError(`${where}: ${option} lists the same class twice`);
  },
});

/**
 * @internal The schema of {@link HealthModuleOptions}: the service's options
 * ({@link SERVICE_OPTION_SCHEMA}, the same rules), the registry and the checks.
 */
export const HEALTH_MODULE_SCHEMA = { ...SERVICE_OPTION_SCHEMA, registry: REGISTRY_RULE, checks: CHECKS_RULE } as const satisfies OptionSchema<HealthModuleOptions>;

/**
 * @internal Validates {@link HealthModuleOptions} by {@link HEALTH_MODULE_SCHEMA},
 * and that `registry` and `checks` are not both given, naming `where` (the
 * function the user called: `healthModule`, `PulsecheckModule.forRoot`).
 *
 * @returns A frozen, validated copy.
 * @throws TypeError or RangeError worded by the schema.
 */
export function validateHealthModuleOptions<T extends HealthModuleOptions>(schema: OptionSchema<T>, options: unknown, where: string): Readonly<T> {
  const valid = validateOptions(schema, options, where);
  if (valid.registry !== undefined && valid.checks !== undefined) throw new TypeError(`${where}: give either registry or checks, not both`);
  return valid;
}
