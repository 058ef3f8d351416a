import { HealthCheckError, type HealthCheckErrorOptions } from './HealthCheckError.js';

/**
 * The dependency works, with a caveat worth attention (high latency, a disk filling up). Reported as kind `warning`: the check is `warn`, not `fail`, and the report stays HTTP 200.
 *
 * @example
 * ```ts
 * import { ServiceWarning } from 'pulsecheck';
 *
 * throw new ServiceWarning('replica lag is 12 s');
 * ```
 */
export class ServiceWarning extends HealthCheckError {
  /** The class name, `"ServiceWarning"`. */
  override name = 'ServiceWarning';

  /**
   * Creates an error of kind `warning`.
   *
   * @param message - A readable, one-line description of the problem.
   * @param options - `cause`: the underlying error, kept for logs.
   */
  constructor(message: string, options?: HealthCheckErrorOptions) {
    super(message, options, 'warning');
  }
}
