import type { OptionRule } from './OptionRule.js';
import type { OptionSchema } from './OptionSchema.js';
import { validatedBy } from './validatedBy.js';

/**
 * @internal The frozen copy that {@link validateOptions} returns, made from
 * options that have already passed {@link assertOptions} for `schema`,
 * without checking them again: the keys given (values `undefined` left
 * out), each nested options object copied alike (one already validated for
 * its schema kept as is), every copy recorded in {@link validatedBy} with
 * `schema` and `where`, so that the next owner does not check it either.
 *
 * `validateOptions` is `assertOptions` then this; an owner whose check is a
 * rule of its own built on `assertOptions` (a route table's run options,
 * checked by `assertRunOptions`) calls it after that check, so that each
 * value is checked once.
 *
 * @param schema - The schema `options` passed.
 * @param options - Options that passed `assertOptions(schema, options, where)` (`undefined` reads as `{}`).
 * @param where - The function the user called, recorded for the errors reported later (see {@link callerOf}).
 * @returns A frozen copy, typed as the options.
 */
export function freezeValidated<T extends object>(schema: OptionSchema<T>, options: Readonly<T> | undefined, where: string): Readonly<T> {
  const given = (options ?? {}) as Record<string, unknown>;
  const valid: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(schema as Readonly<Record<string, OptionRule | undefined>>)) {
    const value = given[key];
    if (value === undefined) continue;
    const nested = rule?.schema;
    valid[key] = nested === undefined || validatedBy.get(value as object)?.schema === nested ? value : freezeValidated(nested, value as object, where);
  }
  Object.freeze(valid);
  validatedBy.set(valid, { schema, where });
  return valid as Readonly<T>;
}
