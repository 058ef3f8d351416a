import type { CheckError } from '../report/CheckError.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { Observation } from '../report/Observation.js';
import type { CheckContext } from './CheckContext.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { DeadlineGroup } from './DeadlineGroup.js';
import type { HealthCheck } from './HealthCheck.js';
import { makeCheckError, toCheckError } from './toCheckError.js';
import { sanitizeObservation } from './sanitizeObservation.js';
import { roundMs } from './roundMs.js';

const noErrors: readonly CheckError[] = Object.freeze([]);
const noObservations: Readonly<Record<string, Observation>> = Object.freeze({});

/**
 * @internal Runs one execution of a check under its timeout and turns
 * whatever happens into a frozen {@link CheckResult}; never rejects.
 *
 * The context it hands the check is fresh and is closed when the execution
 * ends, so a check that keeps running past its timeout can no longer record
 * anything. On timeout the context's signal is aborted and the returned
 * promise settles without waiting for the check; a later rejection of the
 * check is observed (no unhandled rejection) and ignored.
 *
 * Cheap on the hot path: the AbortController is made only when the check
 * reads `context.signal`; a check that returns synchronously arms no timer;
 * concurrent executions with the same timeout share one ({@link DeadlineGroup}).
 */
export function executeCheck(definition: CheckDefinition, instance: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const execution = new Execution(definition, timeoutMs);
  const started = performance.now();
  let pending: unknown;
  try {
    pending = instance.check(execution);
  } catch (error) {
    return Promise.resolve(execution.finish(started, error, true));
  }
  if (!isThenable(pending)) return Promise.resolve(execution.finish(started, undefined, false));

  return new Promise<CheckResult>((resolve) => {
    let settled = false;
    const leave = DeadlineGroup.join(timeoutMs, () => {
      if (settled) return;
      settled = true;
      resolve(execution.expire(started));
    });
    pending.then(
      () => {
        if (settled) return;
        settled = true;
        leave();
        resolve(execution.finish(started, undefined, false));
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        leave();
        resolve(execution.finish(started, error, true));
      },
    );
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * What one execution records; it is also the context handed to the check.
 * A class, so that every execution has the same shape: building the context
 * as an object literal with a `signal` getter cost about 4 µs per execution,
 * mostly in garbage collection. `addError`, `addWarning` and `observe` are
 * arrow-function fields, so they keep working when a check destructures them;
 * `signal` is a prototype getter that makes the AbortController on first use.
 */
class Execution implements CheckContext {
  #errors: CheckError[] | undefined;
  #observations: Record<string, Observation> | undefined;
  #controller: AbortController | undefined;
  #abortReason: DOMException | undefined;
  #open = true;
  readonly #definition: CheckDefinition;
  readonly #timeoutMs: number;

  constructor(definition: CheckDefinition, timeoutMs: number) {
    this.#definition = definition;
    this.#timeoutMs = timeoutMs;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#abortReason !== undefined) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  readonly addError = (error: unknown): void => {
    if (this.#open) this.#record(toCheckError(error, 'unavailable'));
  };

  readonly addWarning = (message: string): void => {
    if (this.#open) this.#record(makeCheckError('warning', typeof message === 'string' ? message : String(message)));
  };

  readonly observe = (key: string, value: number | string | boolean, unit?: string): void => {
    if (!this.#open) return;
    const safe = sanitizeObservation(key, value, unit);
    (this.#observations ??= Object.create(null) as Record<string, Observation>)[safe.key] = safe.observation;
  };

  finish(started: number, thrown: unknown, failed: boolean): CheckResult {
    this.#open = false;
    if (failed) this.#record(toCheckError(thrown));
    return this.#result(started);
  }

  expire(started: number): CheckResult {
    this.#open = false;
    this.#record(makeCheckError('timeout', `did not finish within ${this.#timeoutMs} ms`));
    this.#abortReason = new DOMException(`health check '${this.#definition.name}' timed out after ${this.#timeoutMs} ms`, 'TimeoutError');
    this.#controller?.abort(this.#abortReason);
    return this.#result(started);
  }

  #record(error: CheckError): void {
    (this.#errors ??= []).push(error);
  }

  #result(started: number): CheckResult {
    const observations = this.#observations === undefined ? noObservations : Object.freeze({ ...this.#observations });
    return buildResult(this.#definition, performance.now() - started, this.#errors ?? noErrors, observations);
  }
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
    durationMs: roundMs(durationMs),
    output: errors.length === 0 ? 'working' : errors.map((error) => `${error.kind}: ${error.message}`).join('\n'),
    errors: errors.length === 0 ? noErrors : Object.freeze([...errors]),
    observations,
  });
}

function statusOf(errors: readonly CheckError[]): HealthStatus {
  if (errors.length === 0) return 'pass';
  return errors.some((error) => error.kind !== 'warning') ? 'fail' : 'warn';
}
