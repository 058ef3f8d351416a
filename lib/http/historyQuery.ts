/**
 * @internal The values of the built-in routes' `history` query parameter,
 * read by {@link parseHistoryQuery} and described by the OpenAPI document:
 * `on` asks for each check's history (a bare `?history` is `''`), `off`
 * leaves it out; anything else is answered 400.
 */
export const HISTORY_QUERY_VALUES = Object.freeze({ on: Object.freeze(['', '1', 'true']), off: Object.freeze(['0', 'false']) });

/**
 * @internal The `history` query parameter as the route reads it: `true` or
 * `false` for a value of {@link HISTORY_QUERY_VALUES}, `undefined` when it is
 * absent, `'invalid'` for anything else.
 */
export function parseHistoryQuery(value: string | null | undefined): boolean | undefined | 'invalid' {
  if (value === null || value === undefined) return undefined;
  if (HISTORY_QUERY_VALUES.on.includes(value)) return true;
  if (HISTORY_QUERY_VALUES.off.includes(value)) return false;
  return 'invalid';
}
