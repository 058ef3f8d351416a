import { assertOptions } from './assertOptions.js';
import { freezeValidated } from './freezeValidated.js';
import type { OptionSchema } from './OptionSchema.js';
import { validatedBy } from './validatedBy.js';

/**
 * @internal Validates an options object against its {@link OptionSchema}
 * and returns a frozen copy with the keys given (values `undefined` left
 * out). This is the one way options are validated, so the same option gets
 * the same error text whichever function it was given to.
 *
 * The checks are {@link assertOptions}'s, in its order and its words:
 * `options` must be `undefined` (read as `{}`, unless a key is required)
 * or a plain object (TypeError `<where>: options must be an object, got
 * ...`); every key must be in the schema (TypeError `<where>: unknown
 * option 'timout' (expected one of: ...)`, which catches typos); then each
 * rule checks its value (see {@link OptionRule.check}), in the schema's
 * order, nested schemas included; then it makes the copy with
 * {@link freezeValidated}, which checks nothing again. An object this
 * function returned for the same schema is returned as is, unchecked.
 *
 * Converting an owner: declare `const FOO_SCHEMA: OptionSchema<FooOptions>
 * = { a: optionRules.positiveMs, b: optionRules.boolean }` next to the
 * interface, then `const valid = validateOptions(FOO_SCHEMA, options,
 * 'theFunctionTheUserCalled')` as the owner's first line. Defaults come
 * from the schema too: {@link optionDefaults}.
 *
 * @param schema - The table of the options type.
 * @param options - What the user gave.
 * @param where - The function the user called, as errors name it (`PulsecheckModule.forRoot`).
 * @param prefix - For nested options: the parent option and a dot (`background.`), put before each key in errors.
 * @returns A frozen copy, typed as the options.
 * @throws TypeError or RangeError worded by the schema.
 */
export function validateOptions<T extends object>(schema: OptionSchema<T>, options: unknown, where: string, prefix = ''): Readonly<T> {
  if (typeof options === 'object' && options !== null && validatedBy.get(options)?.schema === (schema as object)) return options as Readonly<T>;
  assertOptions(schema, options, where, prefix);
  return freezeValidated(schema, options, where);
}
