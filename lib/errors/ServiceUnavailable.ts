import { HealthCheckError, type HealthCheckErrorOptions } from './HealthCheckError.js';

/**
 * The dependency could not be reached, or refused to do its work. Reported as kind `unavailable`; fails the check.
 *
 * @example
 * ```ts
 * import { ServiceUnavailable } from 'pulsecheck';
 *
 * throw new ServiceUnavailable('database unreachable', { cause: new Error('connect ECONNREFUSED') });
 * ```
 */
export class ServiceUnavailable extends HealthCheckError {
  /** The class name, `"ServiceUnavailable"`. */
  override name = 'ServiceUnavailable';

  /**
   * Creates an error of kind `unavailable`.
   *
   * @param message - A readable, one-line description of the problem.
   * @param options - `cause`: the underlying error, kept for logs.
   */
  constructor(message: string, options?: HealthCheckErrorOptions) {
    super(message, options, 'unavailable');
  }
}
