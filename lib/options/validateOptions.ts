import { assertKnownKeys } from './assertKnownKeys.js';
import { assertOptionsObject } from './assertOptionsObject.js';
import { describeValue } from './describeValue.js';
import type { OptionRule } from './OptionRule.js';
import type { OptionSchema } from './OptionSchema.js';
import { validatedBy } from './validatedBy.js';

/**
 * @internal Validates an options object against its {@link OptionSchema}
 * and returns a frozen copy with the keys given (values `undefined` left
 * out). This is the one way options are validated, so the same option gets
 * the same error text whichever function it was given to.
 *
 * In order: `options` must be `undefined` (read as `{}`, unless a key is
 * required) or a plain object
 * (TypeError `<where>: options must be an object, got ...`); every key must
 * be in the schema (TypeError `<where>: unknown option 'timout' (expected
 * one of: ...)`, which catches typos); then each rule checks its value (see
 * {@link OptionRule.check}), in the schema's order. An object this function
 * returned for the same schema is returned as is, unchecked.
 *
 * Converting an owner: declare `const FOO_SCHEMA: OptionSchema<FooOptions>
 * = { a: optionRules.positiveMs, b: optionRules.boolean }` next to the
 * interface, then `const valid = validateOptions(FOO_SCHEMA, options,
 * 'theFunctionTheUserCalled')` as the owner's first line.
 *
 * @param schema - The table of the options type.
 * @param options - What the user gave.
 * @param where - The function the user called, as errors name it (`PulsecheckModule.forRoot`).
 * @param prefix - For nested options: the parent option and a dot (`background.`), put before each key in errors.
 * @returns A frozen copy, typed as the options.
 * @throws TypeError or RangeError worded by the schema.
 */
export function validateOptions<T extends object>(schema: OptionSchema<T>, options: unknown, where: string, prefix = ''): Readonly<T> {
  const option = prefix === '' ? 'options' : prefix.slice(0, -1);
  // An options object with a required key is required itself.
  const required = Object.values(schema as Readonly<Record<string, OptionRule>>).some((rule) => rule.required === true);
  assertOptionsObject(options === undefined && required ? null : options, where, undefined, option, describeValue(options));
  if (typeof options === 'object' && validatedBy.get(options as object)?.schema === (schema as object)) return options as Readonly<T>;
  const given = (options ?? {}) as Record<string, unknown>;
  const known = Object.keys(schema);
  assertKnownKeys(given, known, where, prefix);
  const valid: Record<string, unknown> = {};
  for (const key of known) {
    const rule = (schema as Readonly<Record<string, OptionRule | undefined>>)[key];
    const value = given[key];
    if (value === undefined && rule?.required !== true) continue;
    rule?.check(value, `${prefix}${key}`, where);
    if (value !== undefined) valid[key] = rule?.schema === undefined ? value : validateOptions(rule.schema, value, where, `${prefix}${key}.`);
  }
  Object.freeze(valid);
  validatedBy.set(valid, { schema, where });
  return valid as Readonly<T>;
}
