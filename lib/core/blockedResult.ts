import type { CheckError } from '../report/CheckError.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './buildResult.js';
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
  return Object.freeze({ ...buildResult(definition, durationMs, [blockedError(dependency.name, root)], {}), blockedBy: root });
}

/** The errors made so far, by dependency and root cause: names are few, and making one redacts its text. */
const errors = new Map<string, CheckError>();

function blockedError(dependency: string, root: string): CheckError {
  const key = `${dependency}\u0000${root}`;
  let error = errors.get(key);
  if (error === undefined) {
    error = makeCheckError('unavailable', root === dependency ? `blocked by ${dependency}` : `blocked by ${dependency} (root cause ${root})`);
    if (errors.size >= 1_000) errors.clear(); // bounded, whatever names a process makes up
    errors.set(key, error);
  }
  return error;
}
