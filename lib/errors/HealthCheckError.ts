import type { CheckErrorKind } from '../report/CheckErrorKind.js';

/**
 * Options for {@link HealthCheckError} and its subclasses.
 *
 * @example
 * ```ts
 * import { ServiceUnavailable, type HealthCheckErrorOptions } from 'pulsecheck';
 *
 * const options: HealthCheckErrorOptions = { cause: new Error('ECONNREFUSED') };
 * throw new ServiceUnavailable('database unreachable', options);
 * ```
 */
export interface HealthCheckErrorOptions {
  /** The underlying error, kept on `error.cause` (never rendered in a report). */
  readonly cause?: unknown;
}

const brand = Symbol.for('pulsecheck.HealthCheckError');

/**
 * The base of the errors a check throws (or passes to
 * {@link CheckContext.addError}) to say what went wrong. Each subclass maps to
 * one {@link CheckErrorKind}; the message goes into the report, secrets
 * redacted, and `cause` is kept for logs only.
 *
 * Throwing anything that is not a `HealthCheckError` is reported as
 * `unknown error`.
 *
 * @example
 * ```ts
 * import { HealthCheckError, ServiceUnavailable } from 'pulsecheck';
 *
 * const error: unknown = new ServiceUnavailable('queue broker unreachable');
 * if (HealthCheckError.is(error)) console.log(error.kind); // "unavailable"
 * ```
 */
export class HealthCheckError extends Error {
  /** The class name (`'HealthCheckError'`, or the subclass's, such as `'ServiceUnavailable'`). */
  override name = 'HealthCheckError';

  /** The kind of problem, as it appears in the report. */
  readonly kind: CheckErrorKind;

  /**
   * Creates an error of the given kind (`unknown error` when none is
   * given). Prefer a subclass, which fixes the kind.
   *
   * @param message - A readable, one-line description of the problem.
   * @param options - `cause`: the underlying error.
   * @param kind - The report kind; subclasses fix it.
   * @defaultValue kind: `'unknown error'`
   */
  constructor(message: string, options?: HealthCheckErrorOptions, kind: CheckErrorKind = 'unknown error') {
    super(message, options !== undefined && 'cause' in options ? { cause: options.cause } : undefined);
    this.kind = kind;
    Object.defineProperty(this, brand, { value: true });
  }

  /**
   * Whether `value` is a `HealthCheckError`, also across copies of the
   * package loaded twice (where `instanceof` would say no).
   *
   * @param value - Anything.
   * @returns `true` when `value` is a `HealthCheckError` (or subclass).
   */
  static is(value: unknown): value is HealthCheckError {
    return value instanceof HealthCheckError || (typeof value === 'object' && value !== null && brand in value);
  }
}
