import type { CheckError } from '../report/CheckError.js';
import { makeCheckError } from './toCheckError.js';

/**
 * @internal The error of a check that did not finish within `timeoutMs`: the
 * one wording of a timeout, whether the check's own deadline gave the
 * verdict or a run's backstop gave up on it
 * (`timeout: did not finish within 300 ms`).
 */
export function timeoutError(timeoutMs: number): CheckError {
  return makeCheckError('timeout', `did not finish within ${timeoutMs} ms`);
}
