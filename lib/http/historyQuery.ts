/**
 * @internal The values of the built-in routes' `history` query parameter,
 * read by {@link parseHistoryQuery}, worded by {@link HISTORY_QUERY_REFUSAL}
 * and described by the OpenAPI document: `on` asks for each check's history
 * (a bare `?history` is `''`), `off` leaves it out; anything else is
 * answered 400.
 */
export const HISTORY_QUERY_VALUES = Object.freeze({ on: Object.freeze(['', '1', 'true']), off: Object.freeze(['0', 'false']) });

/** The values a user types after `history=`, in order (the bare `?history` is not one), as prose: `1, true, 0 or false`. */
function typedValues(): string {
  const typed = [...HISTORY_QUERY_VALUES.on, ...HISTORY_QUERY_VALUES.off].filter((value) => value !== '');
  return typed.length < 2 ? typed.join('') : `${typed.slice(0, -1).join(', ')} or ${typed.at(-1) ?? ''}`;
}

/**
 * @internal The text of the 400 that answers a `history` value outside
 * {@link HISTORY_QUERY_VALUES} (`history must be 1, true, 0 or false`),
 * derived from them: a value added there is named here.
 */
export const HISTORY_QUERY_REFUSAL = `history must be ${typedValues()}`;

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
