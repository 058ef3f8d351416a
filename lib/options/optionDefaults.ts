import type { OptionRule } from './OptionRule.js';

/** The keys of schema `S` whose rule holds a default. */
type DefaultedKeys<S> = { [K in keyof S]: S[K] extends { readonly defaultValue: unknown } ? K : never }[keyof S];

/**
 * @internal The defaults an `OptionSchema` holds ({@link OptionRule.defaultValue}),
 * as a frozen object: the one place an owner, a public `..._DEFAULTS`
 * table and the docs' spec read them from. Keys without a default are left
 * out.
 *
 * For example, `optionDefaults({ a: optionRules.withDefault(optionRules.positiveMs, 5), b: optionRules.boolean })`
 * is `{ a: 5 }`.
 */
export function optionDefaults<S extends object>(schema: S): Readonly<{ [K in DefaultedKeys<S>]: S[K] extends { readonly defaultValue: infer V } ? V : never }> {
  const defaults: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(schema as Readonly<Record<string, OptionRule>>)) {
    if ('defaultValue' in rule) defaults[key] = rule.defaultValue;
  }
  return Object.freeze(defaults) as never;
}
