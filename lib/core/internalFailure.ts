import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { describeThrown } from './describeThrown.js';
import { buildResult } from './buildResult.js';
import { makeCheckError } from './toCheckError.js';

const undescribable = 'a value that cannot be described';

/**
 * @internal A result for an execution that went wrong inside pulsecheck
 * rather than inside the check (it must not happen; if it does, it is
 * reported as an `unknown error` of that check, never as a rejection).
 */
export function internalFailure(definition: CheckDefinition, error: unknown): CheckResult {
  const message = `the execution failed unexpectedly: ${describeSafely(error)}`;
  try {
    return buildResult(definition, 0, [makeCheckError('unknown error', message)], {});
  } catch {
    return buildResult(definition, 0, [Object.freeze({ kind: 'unknown error' as const, message: 'the execution failed unexpectedly' })], {});
  }
}

/** @internal {@link describeThrown}, made total: should describing the value fail, a constant. */
export function describeSafely(thrown: unknown): string {
  try {
    const text: unknown = describeThrown(thrown);
    return typeof text === 'string' ? text : undescribable;
  } catch {
    return undescribable;
  }
}
