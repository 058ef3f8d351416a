import { assertKnownKeys } from './assertKnownKeys.js';
import { assertOptionsObject } from './assertOptionsObject.js';
import { describeValue } from './describeValue.js';
import type { OptionRule } from './OptionRule.js';
import type { OptionSchema } from './OptionSchema.js';
import { validatedBy } from './validatedBy.js';

/** What {@link assertOptions} reads of a schema on every call, computed once per schema. */
interface SchemaShape {
  readonly known: readonly string[];
  readonly rules: readonly (OptionRule | undefined)[];
  /** Whether a key is required, which makes the options object required too. */
  readonly required: boolean;
}

const shapes = new WeakMap<object, SchemaShape>();

function shapeOf(schema: object): SchemaShape {
  let shape = shapes.get(schema);
  if (shape === undefined) {
    const known = Object.freeze(Object.keys(schema));
    const rules = Object.freeze(known.map((key) => (schema as Readonly<Record<string, OptionRule | undefined>>)[key]));
    shape = Object.freeze({ known, rules, required: rules.some((rule) => rule?.required === true) });
    shapes.set(schema, shape);
  }
  return shape;
}

/**
 * @internal Checks an options object against its {@link OptionSchema}
 * without copying it: the checks of {@link validateOptions} (which calls
 * it), in the same order and the same words, for a path that runs often
 * (`HealthService.run`'s options) and must not allocate a copy. An object
 * {@link validateOptions} returned for the same schema passes unchecked.
 *
 * In order: `options` must be `undefined` (read as `{}`, unless a key is
 * required) or a plain object (TypeError `<where>: options must be an
 * object, got ...`); every key must be in the schema (TypeError `<where>:
 * unknown option 'timout' (expected one of: ...)`); then each rule checks
 * its value, in the schema's order, nested schemas included.
 *
 * @param schema - The table of the options type.
 * @param options - What the user gave.
 * @param where - The function the user called, as errors name it.
 * @param prefix - For nested options: the parent option and a dot (`background.`).
 * @throws TypeError or RangeError worded by the schema.
 */
export function assertOptions<T extends object>(schema: OptionSchema<T>, options: unknown, where: string, prefix = ''): asserts options is Readonly<T> | undefined {
  const shape = shapeOf(schema);
  if (options === undefined && !shape.required) return;
  assertOptionsObject(options === undefined ? null : options, where, undefined, prefix === '' ? 'options' : prefix.slice(0, -1), describeValue(options));
  if (validatedBy.get(options as object)?.schema === (schema as object)) return;
  assertKnownKeys(options as object, shape.known, where, prefix);
  const { known, rules } = shape;
  for (let index = 0; index < known.length; index++) {
    const rule = rules[index];
    const key = known[index] as string;
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined && rule?.required !== true) continue;
    rule?.check(value, `${prefix}${key}`, where);
    if (rule?.schema !== undefined) assertOptions(rule.schema, value, where, `${prefix}${key}.`);
  }
}
