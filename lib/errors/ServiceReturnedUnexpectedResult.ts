import { HealthCheckError, type HealthCheckErrorOptions } from './HealthCheckError.js';

/**
 * The dependency answered, but not with what was expected. Reported as kind `unexpected result`; fails the check.
 *
 * @example
 * ```ts
 * import { ServiceReturnedUnexpectedResult } from 'pulsecheck';
 *
 * throw new ServiceReturnedUnexpectedResult('SELECT 1 returned 0 rows');
 * ```
 */
export class ServiceReturnedUnexpectedResult extends HealthCheckError {
  /** The class name, `"ServiceReturnedUnexpectedResult"`. */
  override name = 'ServiceReturnedUnexpectedResult';

  /**
   * Creates an error of kind `unexpected result`.
   *
   * @param message - A readable, one-line description of the problem.
   * @param options - `cause`: the underlying error, kept for logs.
   */
  constructor(message: string, options?: HealthCheckErrorOptions) {
    super(message, options, 'unexpected result');
  }
}
