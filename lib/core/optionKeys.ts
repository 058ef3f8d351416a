/**
 * @internal The keys of an options type as a frozen list, from a table that
 * must name every key of `T` and nothing else (the compiler checks both), so
 * the list the validators use cannot drift from the documented interface.
 * For example, `optionKeys<{ a?: number; b?: string }>({ a: true, b: true })`
 * is `['a', 'b']`.
 */
export function optionKeys<T>(table: { readonly [K in keyof Required<T>]: true }): readonly (keyof T & string)[] {
  return Object.freeze(Object.keys(table)) as readonly (keyof T & string)[];
}
