import { CHECK_ERROR_KINDS, type CheckErrorKind } from '../report/CheckErrorKind.js';

/** @internal Whether `value` is one of the five {@link CheckErrorKind}s. */
export function isCheckErrorKind(value: unknown): value is CheckErrorKind {
  return typeof value === 'string' && (CHECK_ERROR_KINDS as readonly string[]).includes(value);
}
