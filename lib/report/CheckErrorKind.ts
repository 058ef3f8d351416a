/**
 * What kind of problem a {@link CheckError} describes. It is also the prefix
 * of each line of a check's `output` (`"unavailable: connection refused"`).
 *
 * - `unavailable`: the dependency could not be reached or refused to work
 *   ({@link ServiceUnavailable}).
 * - `unexpected result`: it answered, but wrongly
 *   ({@link ServiceReturnedUnexpectedResult}).
 * - `warning`: working, with a caveat ({@link ServiceWarning},
 *   {@link CheckContext.addWarning}); makes the check `warn`, not `fail`.
 * - `timeout`: the check did not finish within its timeout.
 * - `unknown error`: the check threw something that is not a
 *   {@link HealthCheckError}.
 *
 * @example
 * ```ts
 * import type { CheckErrorKind } from 'pulsecheck';
 *
 * const kind: CheckErrorKind = 'timeout';
 * console.log(kind);
 * ```
 */
export type CheckErrorKind = (typeof CHECK_ERROR_KINDS)[number];

/**
 * The five {@link CheckErrorKind}s, in the order the docs list them: the one
 * list error validation and the OpenAPI schemas read.
 *
 * @example
 * ```ts
 * import { CHECK_ERROR_KINDS } from 'pulsecheck';
 *
 * console.log(CHECK_ERROR_KINDS.includes('timeout')); // true
 * ```
 */
export const CHECK_ERROR_KINDS = Object.freeze(['unavailable', 'unexpected result', 'warning', 'timeout', 'unknown error'] as const);
