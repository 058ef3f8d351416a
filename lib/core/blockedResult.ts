import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './executeCheck.js';
import { makeCheckError } from './toCheckError.js';

/**
 * @internal The result of a check blocked by a failed dependency: `fail`
 * (the check keeps its own `critical` flag, so a non-critical one only makes
 * the report `warn`) with one `unavailable` error, `blocked by <dependency>`,
 * or `blocked by <dependency> (root cause <root>)` when the dependency was
 * itself blocked; `blockedBy` names the root cause, the check at the bottom
 * of the chain that failed on its own.
 *
 * @param definition - The blocked check.
 * @param durationMs - How long it ran before it was blocked (0 when it was not started).
 * @param dependency - The failed result of the dependency that blocked it.
 */
export function blockedResult(definition: CheckDefinition, durationMs: number, dependency: CheckResult): CheckResult {
  const root = dependency.blockedBy ?? dependency.name;
  const message = root === dependency.name ? `blocked by ${dependency.name}` : `blocked by ${dependency.name} (root cause ${root})`;
  return Object.freeze({ ...buildResult(definition, durationMs, [makeCheckError('unavailable', message)], {}), blockedBy: root });
}
