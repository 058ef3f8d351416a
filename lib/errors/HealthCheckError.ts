import { CHECK_ERROR_KINDS, type CheckErrorKind } from '../report/CheckErrorKind.js';
import { isCheckErrorKind } from './isCheckErrorKind.js';

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

  /** Marks pulsecheck errors across copies of the package (see {@link HealthCheckError.is}). */
  get [brand](): true {
    return true;
  }

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
   * @throws TypeError when `kind` is not one of the five {@link CheckErrorKind}s.
   */
  constructor(message: string, options?: HealthCheckErrorOptions, kind: CheckErrorKind = 'unknown error') {
    if (!isCheckErrorKind(kind)) {
      throw new TypeError(`HealthCheckError: kind must be one of ${CHECK_ERROR_KINDS.map((known) => `'${known}'`).join(', ')}, got ${describeKind(kind)}`);
    }
    super(message, options !== undefined && 'cause' in options ? { cause: options.cause } : undefined);
    this.kind = kind;
  }

  /**
   * Whether `value` is a `HealthCheckError`, also across copies of the
   * package loaded twice (where `instanceof` would say no).
   *
   * @param value - Anything.
   * @returns `true` when `value` is a `HealthCheckError` (or subclass).
   *   Never throws: a Proxy whose traps throw, or a revoked one, is not one.
   */
  static is(value: unknown): value is HealthCheckError {
    if (typeof value !== 'object' || value === null) return false;
    try {
      return value instanceof HealthCheckError || brand in value;
    } catch {
      return false;
    }
  }
}

function describeKind(kind: unknown): string {
  if (typeof kind === 'string') return `'${kind.length > 40 ? `${kind.slice(0, 40)}…` : kind}'`;
  if (kind === null) return 'null';
  return typeof kind;
}
