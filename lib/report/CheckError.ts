import type { CheckErrorKind } from './CheckErrorKind.js';

/**
 * One problem found by one execution of a check. Plain data: a kind and a
 * one-line, secret-redacted message. Never a stack trace.
 *
 * @example
 * ```ts
 * import type { CheckError } from 'pulsecheck';
 *
 * const error: CheckError = { kind: 'unavailable', message: 'connect ECONNREFUSED 127.0.0.1:5432' };
 * console.log(`${error.kind}: ${error.message}`);
 * ```
 */
export interface CheckError {
  /** What kind of problem this is. */
  readonly kind: CheckErrorKind;
  /** A readable, single-line description, with credentials redacted. */
  readonly message: string;
}
