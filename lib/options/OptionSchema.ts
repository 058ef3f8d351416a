import type { OptionRule } from './OptionRule.js';

/**
 * @internal One declarative table per options type: every key of `T`
 * (the compiler refuses a missing or an extra one) with the
 * {@link OptionRule} that validates it, says its error text and holds its
 * default. {@link validateOptions} reads it; so does every function that
 * accepts the options, whatever its name.
 *
 * @typeParam T - The documented options interface.
 */
export type OptionSchema<T> = { readonly [K in keyof Required<T>]-?: OptionRule<Exclude<T[K], undefined>> };
