import type { CheckError } from '../report/CheckError.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { Observation } from '../report/Observation.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { roundMs } from './roundMs.js';
import { redactSplitSecrets } from './redactSplitSecrets.js';

const noErrors: readonly CheckError[] = Object.freeze([]);


/** @internal Freezes the outcome of one execution into a CheckResult. */
export function buildResult(
  definition: CheckDefinition,
  durationMs: number,
  recorded: readonly CheckError[] | undefined,
  observations: Readonly<Record<string, Observation>>,
): CheckResult {
  const errors = recorded === undefined ? noErrors : redactSplitSecrets(recorded);
  const status = statusOf(errors);
  const output = errors.length === 0 ? 'working' : errors.map((error) => `${error.kind}: ${error.message}`).join('\n');
  const frozenErrors = errors.length === 0 ? noErrors : Object.freeze([...errors]);
  // Two literals rather than a spread of an optional member: one object per result, of one of two shapes.
  const description = definition.description;
  const result: { -readonly [K in keyof CheckResult]: CheckResult[K] } =
    description === undefined
      ? { name: definition.name, status, critical: definition.critical, tags: definition.tags, durationMs: roundMs(durationMs), output, errors: frozenErrors, observations }
      : { name: definition.name, status, critical: definition.critical, tags: definition.tags, durationMs: roundMs(durationMs), output, errors: frozenErrors, observations, description };
  // Declared by the class or registered (both frozen in the definition), after description, where the detailed
  // JSON writes them: set on the one object before it is frozen, not copied into a second one.
  const { componentType, affectedEndpoints } = definition;
  if (componentType !== undefined) result.componentType = componentType;
  if (affectedEndpoints !== undefined) result.affectedEndpoints = affectedEndpoints;
  return Object.freeze(result);
}

function statusOf(errors: readonly CheckError[]): HealthStatus {
  if (errors.length === 0) return 'pass';
  return errors.some((error) => error.kind !== 'warning') ? 'fail' : 'warn';
}
