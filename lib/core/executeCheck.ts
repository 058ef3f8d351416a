import type { CheckError } from '../report/CheckError.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { Observation } from '../report/Observation.js';
import type { CheckContext } from './CheckContext.js';
import type { CheckDefinition } from './CheckDefinition.js';
import type { HealthCheck } from './HealthCheck.js';
import { makeCheckError, toCheckError } from './toCheckError.js';
import { redactSecrets } from './redactSecrets.js';

const timedOut = Symbol('timed out');

/**
 * @internal Runs one execution of a check under its timeout and turns
 * whatever happens into a frozen {@link CheckResult}; never rejects.
 *
 * The context it hands the check is fresh and is closed when the execution
 * ends, so a check that keeps running past its timeout can no longer record
 * anything. On timeout the context's signal is aborted and the returned
 * promise settles without waiting for the check; a later rejection of the
 * check is observed (no unhandled rejection) and ignored.
 */
export async function executeCheck(definition: CheckDefinition, instance: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const controller = new AbortController();
  const errors: CheckError[] = [];
  const observations: Record<string, Observation> = Object.create(null) as Record<string, Observation>;
  let open = true;

  const context: CheckContext = {
    signal: controller.signal,
    addError(error: unknown): void {
      if (open) errors.push(toCheckError(error, 'unavailable'));
    },
    addWarning(message: string): void {
      if (open) errors.push(makeCheckError('warning', typeof message === 'string' ? message : String(message)));
    },
    observe(key: string, value: number | string | boolean, unit?: string): void {
      if (!open) return;
      if (typeof key !== 'string' || key === '') throw new TypeError('observe: key must be a non-empty string');
      const kind = typeof value;
      if (kind !== 'number' && kind !== 'string' && kind !== 'boolean') {
        throw new TypeError(`observe('${key}'): value must be a number, string or boolean, got ${value === null ? 'null' : kind}`);
      }
      const safe = typeof value === 'string' ? redactSecrets(value) : value;
      observations[key] = Object.freeze(unit === undefined ? { value: safe } : { value: safe, unit: String(unit) });
    },
  };

  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const outcome = await new Promise<unknown>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, timedOut);
    let pending: unknown;
    try {
      pending = instance.check(context);
    } catch (error) {
      resolve({ thrown: error });
      return;
    }
    Promise.resolve(pending).then(
      () => {
        resolve(undefined);
      },
      (error: unknown) => {
        resolve({ thrown: error });
      },
    );
  });
  clearTimeout(timer);
  open = false;
  const durationMs = performance.now() - started;

  if (outcome === timedOut) {
    errors.push(makeCheckError('timeout', `did not finish within ${timeoutMs} ms`));
    controller.abort(new DOMException(`health check '${definition.name}' timed out after ${timeoutMs} ms`, 'TimeoutError'));
  } else if (outcome !== undefined) {
    errors.push(toCheckError((outcome as { thrown: unknown }).thrown));
  }
  return buildResult(definition, durationMs, errors, observations);
}

/** @internal Freezes the outcome of one execution into a CheckResult. */
export function buildResult(
  definition: CheckDefinition,
  durationMs: number,
  errors: readonly CheckError[],
  observations: Readonly<Record<string, Observation>>,
): CheckResult {
  return Object.freeze({
    name: definition.name,
    status: statusOf(errors),
    critical: definition.critical,
    tags: definition.tags,
    durationMs: Math.round(durationMs * 1000) / 1000,
    output: errors.length === 0 ? 'working' : errors.map((error) => `${error.kind}: ${error.message}`).join('\n'),
    errors: Object.freeze([...errors]),
    observations: Object.freeze({ ...observations }),
  });
}

function statusOf(errors: readonly CheckError[]): HealthStatus {
  if (errors.length === 0) return 'pass';
  return errors.some((error) => error.kind !== 'warning') ? 'fail' : 'warn';
}
