import type { OptionSchema } from './OptionSchema.js';
import { validatedBy } from './validatedBy.js';

/**
 * @internal The part of an already validated options object that `schema`
 * describes (a `PulsecheckModule`'s options hold a `HealthService`'s), as a
 * frozen object known to be valid for `schema`, so its next owner does not
 * validate it again. Only keys whose rule is the very same rule object in
 * both schemas can be carried over; for any other key this throws, as a
 * programming error of pulsecheck's own.
 *
 * @param schema - The schema of the part wanted.
 * @param from - An object returned by {@link validateOptions} for a larger schema.
 * @returns A frozen object with the keys of `schema` that `from` has.
 */
export function pickOptions<T extends object>(schema: OptionSchema<T>, from: object): Readonly<T> {
  const validated = validatedBy.get(from);
  const source = validated?.schema as Record<string, unknown> | undefined;
  const picked: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(schema)) {
    if (source?.[key] !== rule) throw new Error(`pickOptions: '${key}' was not validated by the same rule`);
    const value = (from as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  Object.freeze(picked);
  validatedBy.set(picked, { schema, where: validated?.where ?? 'pickOptions' });
  return picked as Readonly<T>;
}
