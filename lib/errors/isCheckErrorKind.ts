import type { CheckErrorKind } from '../report/CheckErrorKind.js';

/** @internal The five kinds of {@link CheckErrorKind}, in the order the docs list them. */
export const checkErrorKinds: readonly CheckErrorKind[] = Object.freeze(['unavailable', 'unexpected result', 'warning', 'timeout', 'unknown error']);

/** @internal Whether `value` is one of the five {@link CheckErrorKind}s. */
export function isCheckErrorKind(value: unknown): value is CheckErrorKind {
  return typeof value === 'string' && (checkErrorKinds as readonly string[]).includes(value);
}
