import type { CheckError } from '../report/CheckError.js';
import type { CheckErrorKind } from '../report/CheckErrorKind.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { Observation } from '../report/Observation.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { DeadlineState } from './Deadline.js';
import { ExecutionContext } from './ExecutionContext.js';
import { ExecutionScope } from './ExecutionScope.js';
import type { HealthCheck } from './HealthCheck.js';
import { keepShapes } from './keepShapes.js';
import { PendingExecution } from './PendingExecution.js';
import { makeCheckError, toCheckError } from './toCheckError.js';
import { sanitizeObservation } from './sanitizeObservation.js';
import { roundMs } from './roundMs.js';
import { redactSplitSecrets } from './redactSplitSecrets.js';

const noErrors: readonly CheckError[] = Object.freeze([]);
// eslint-disable-next-line @typescript-eslint/unbound-method -- compared by identity, never called unbound
const nativeThen: unknown = Promise.prototype.then;
const noObservations: Readonly<Record<string, Observation>> = Object.freeze({});

/**
 * The observation recorded on a result whose deadline passed while the event
 * loop was blocked: how many milliseconds past the check's deadline the loop
 * was still busy, so the verdict could only be given that late.
 */
export const EVENT_LOOP_BLOCKED_KEY = 'eventLoopBlockedMs';

/**
 * A check that settles this little past its deadline, before the deadline
 * timer could run, still counts as on time; lateness beyond it is a stall
 * worth recording.
 */
const stallToleranceMs = 10;

/**
 * @internal Runs one execution of a check under its timeout and turns
 * whatever happens into a frozen {@link CheckResult}. It never throws, and
 * what it returns never rejects, whatever the check throws, returns or
 * rejects with (a hostile thenable included): for a check that returned a
 * thenable, the {@link PendingExecution} itself (a run listens to it, with
 * no promise per execution; {@link PendingExecution.promised} makes one for
 * whoever needs it); for a check that returned or threw synchronously, a
 * promise of its verdict.
 *
 * The execution's deadline is its own start plus its own timeout. The context
 * it hands the check is fresh, carries only what the public
 * `CheckContext` names (never this execution's record), and is closed when the verdict is given, so a
 * check that keeps running past its timeout can no longer record anything. On
 * timeout the context's signal is aborted and the execution ends
 * without waiting for the check; a later settlement of the check is observed
 * (no unhandled rejection) and ignored.
 *
 * Blame under a blocked event loop:
 * - a check whose synchronous part alone outlasts its timeout is a `timeout`,
 *   with its real duration;
 * - a check that settles past its deadline before the deadline timer could
 *   run (its own continuation blocked the loop) is a `timeout`, with its real
 *   duration, unless that lateness is already explained by a check blamed
 *   just before in the same `scope` (then it is the victim, and its own
 *   outcome stands; another service's block explains nothing);
 * - when the deadline timer fires, the verdict waits one turn of the loop
 *   (`setImmediate`), so a reply that arrived while the loop was blocked is
 *   processed first and its check keeps its own outcome.
 * Every result whose deadline passed during a stall of more than a few
 * milliseconds carries the observation `eventLoopBlockedMs` (a number; unit
 * `ms`) saying how long past its deadline the loop was busy.
 *
 * Cheap on the hot path: the AbortController is made only when the check
 * reads `context.signal`; a check that returns synchronously arms no timer;
 * all executions in flight in one `scope` share one timer ({@link DeadlineTimer}).
 *
 * `sink`, when given (with the `key` it is told of), hears of the
 * execution: `started` with what it returns as soon as that exists,
 * before anything can settle it, and `finish`, which turns the verdict into
 * what the execution ends with (the service records the execution there;
 * it receives the verdict's `performance.now()`, so recording reads no clock
 * of its own), in the same microtask as the verdict for a check that
 * returned a thenable: no promise of its own to chain on (should it throw,
 * as it must not, the result is an `unknown error`). For a check that
 * returned synchronously it runs a microtask later, as a chained `then`
 * would. One sink serves every execution of a service: no closure per
 * execution.
 *
 * `exposeAbort`, when given, receives a function that aborts the context's
 * signal with a reason (a failed dependency; see {@link DependencyGate})
 * unless the verdict is given already; the execution still ends by its own
 * rules.
 */
export function executeCheck<K>(
  scope: ExecutionScope,
  definition: CheckDefinition,
  instance: HealthCheck,
  timeoutMs: number,
  exposeAbort?: (abort: (reason: DOMException) => void) => void,
  sink?: ExecutionSink<K>,
  key?: K,
): Promise<CheckResult> | PendingExecution {
  const execution = new Execution(scope, definition, timeoutMs, sink, key);
  // dependsOn: the caller may abort the check's signal when a dependency fails (and discard its verdict)
  if (exposeAbort !== undefined) {
    exposeAbort((reason) => {
      execution.abortBy(reason);
    });
  }
  // Within a run's pass, the previous execution's last reading (see ExecutionScope.startTime).
  const started = scope.startTime();
  execution.started = started;
  let pending: unknown;
  try {
    pending = instance.check(new ExecutionContext(execution));
  } catch (error) {
    return execution.settledSync(execution.finishSync(error, true));
  }
  let then: unknown;
  try {
    then = (typeof pending === 'object' || typeof pending === 'function') && pending !== null ? (pending as { then?: unknown }).then : undefined;
  } catch (error) {
    // a `then` getter that throws: the check failed with that error
    return execution.settledSync(execution.finishSync(error, true));
  }
  if (typeof then !== 'function') return execution.settledSync(execution.finishSync(undefined, false));

  const returned = scope.clock.now();
  if (returned - started > timeoutMs) {
    // The synchronous part alone outlasted the timeout: blamed now, not waited for.
    ignoreSettlement(pending, then);
    return execution.settledSync(execution.overranSynchronously(returned));
  }
  execution.deadline = started + timeoutMs;
  // Told before the thenable is subscribed: one that settles inside its own then() is recorded as ended at once.
  sink?.started(key as K, execution);
  try {
    (then as PromiseLike<unknown>['then']).call(
      pending,
      () => {
        execution.settle(undefined, false);
      },
      (error: unknown) => {
        execution.settle(error, true);
      },
    );
  } catch (error) {
    // a `then` that throws: the check failed with that error (unless it already settled)
    execution.settle(error, true);
  }
  if (execution.state !== DeadlineState.settled) {
    scope.timer.add(execution, returned);
    // No user code ran since `returned` (a native promise's then): the next execution of the pass may start then.
    if (then === nativeThen) scope.handOff(returned);
  }
  return execution;
}

/**
 * @internal What hears of each execution of a service (see {@link executeCheck}):
 * one object for all of them, each told with its `key`.
 */
export interface ExecutionSink<K> {
  /** `execution` (what executeCheck returns) of `key` exists; nothing has settled it yet. */
  started(key: K, execution: Promise<CheckResult> | PendingExecution): void;
  /** The verdict of `execution` of `key`, given at `now`: returns what `execution` ends with. */
  finish(key: K, result: CheckResult, now: number, execution: Promise<CheckResult> | PendingExecution): CheckResult;
}

/** Observes a settlement nobody waits for any more, so a rejection is never unhandled. */
function ignoreSettlement(pending: unknown, then: unknown): void {
  try {
    (then as PromiseLike<unknown>['then']).call(pending, ignore, ignore);
  } catch {
    // a hostile thenable: nothing to observe
  }
}

function ignore(): void {
  // deliberately empty
}

/** {@link toCheckError}, but total: a value that cannot be described still becomes an error. */
function safeCheckError(value: unknown, fallbackForString?: CheckErrorKind): CheckError {
  try {
    return toCheckError(value, fallbackForString);
  } catch {
    return makeCheckError('unknown error', 'threw a value that could not be described');
  }
}

/**
 * What one execution records, and the entry its scope's deadline timer
 * tracks while it is in flight. The check never sees it: it gets an
 * {@link ExecutionContext} that forwards to it. A class, so that every
 * execution has the same shape (an object literal with a `signal` getter
 * costs microseconds per execution); `signal` makes the AbortController on
 * first use.
 */
class Execution extends PendingExecution {
  #errors: CheckError[] | undefined;
  #observations: Record<string, Observation> | undefined;
  #controller: AbortController | undefined;
  #abortReason: DOMException | undefined;
  /** How far past its deadline the loop was blocked (see EVENT_LOOP_BLOCKED_KEY); undefined (any value in place, see Deadline) until a stall. */
  #blockedMs: number | undefined = undefined;
  readonly #definition: CheckDefinition;
  readonly #scope: ExecutionScope;
  readonly #sink: ExecutionSink<unknown> | undefined;
  readonly #key: unknown;
  /** When the check was called (`performance.now()`). */
  started = Number.NaN;

  constructor(scope: ExecutionScope, definition: CheckDefinition, timeoutMs: number, sink: ExecutionSink<unknown> | undefined, key: unknown) {
    super();
    this.#scope = scope;
    this.#sink = sink;
    this.#key = key;
    this.#definition = definition;
    this.timeoutMs = timeoutMs;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#abortReason !== undefined) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  addError(error: unknown): void {
    if (this.state !== DeadlineState.settled) this.#record(safeCheckError(error, 'unavailable'));
  }

  addWarning(message: string): void {
    if (this.state !== DeadlineState.settled) this.#record(typeof message === 'string' ? makeCheckError('warning', message) : safeWarning(message));
  }

  observe(key: string, value: number | string | boolean, unit?: string): void {
    if (this.state === DeadlineState.settled) return;
    const safe = sanitizeObservation(key, value, unit);
    (this.#observations ??= Object.create(null) as Record<string, Observation>)[safe.key] = safe.observation;
  }

  /** A verdict given synchronously, as a promise: through the sink's `finish` (a microtask later) when there is one. */
  settledSync(result: CheckResult): Promise<CheckResult> {
    const ready = Promise.resolve(result);
    const sink = this.#sink;
    if (sink === undefined) return ready;
    const key = this.#key;
    const finished: Promise<CheckResult> = ready.then((verdict) => sink.finish(key, verdict, this.#scope.clock.now(), finished));
    sink.started(key, finished);
    return finished;
  }

  /** The check returned (or threw) without a thenable: the verdict now, a timeout if that took too long. */
  finishSync(thrown: unknown, failed: boolean): CheckResult {
    const now = this.#scope.clock.now();
    this.#scope.handOff(now);
    this.state = DeadlineState.settled;
    if (failed) this.#record(safeCheckError(thrown));
    const overrunMs = now - this.started - this.timeoutMs;
    if (overrunMs > 0) this.#blame(now, overrunMs);
    return this.#result(now);
  }

  /** The check returned a thenable, but only after its timeout had passed. */
  overranSynchronously(now: number): CheckResult {
    this.state = DeadlineState.settled;
    this.#blame(now, now - this.started - this.timeoutMs);
    return this.#result(now);
  }

  /** The check's thenable settled (called at most once; later calls are ignored). */
  settle(thrown: unknown, failed: boolean): void {
    const state = this.state;
    if (state === DeadlineState.settled) return;
    const now = this.#scope.clock.now();
    this.#scope.timer.remove(this); // a no-op unless it is queued
    this.state = DeadlineState.settled;
    if (state === DeadlineState.queued) {
      // Past the deadline (lateMs > 0), the deadline timer has not run yet: the loop was busy until now.
      // (On time, lateMs <= 0, and so is unexplainedMs: neither test below can pass.)
      const lateMs = now - this.deadline;
      const unexplainedMs = now - Math.max(this.deadline, this.#scope.explainedUntil);
      if (unexplainedMs > stallToleranceMs) {
        if (failed) this.#record(safeCheckError(thrown));
        this.#blame(now, lateMs);
        this.#deliver(this.#result(now), now);
        return;
      }
      if (lateMs >= stallToleranceMs) this.#blockedMs = lateMs;
    } else if (state === DeadlineState.due) {
      // The timer found the deadline passed, but the reply was processed before the verdict.
      const lateMs = (this.dueAt ?? this.deadline) - this.deadline;
      if (lateMs >= stallToleranceMs) this.#blockedMs = lateMs;
    }
    if (failed) this.#record(safeCheckError(thrown));
    this.#deliver(this.#result(now), now);
  }

  /** The deadline passed and the check had not settled a turn of the loop later: a timeout. */
  expire(): void {
    if (this.state === DeadlineState.settled) return;
    this.state = DeadlineState.settled;
    const lateMs = (this.dueAt ?? this.deadline) - this.deadline;
    if (lateMs >= stallToleranceMs) this.#blockedMs = lateMs;
    this.#timedOut();
    const now = this.#scope.clock.now();
    this.#deliver(this.#result(now), now);
  }

  /** Aborts the check's signal from outside (a failed dependency), unless its verdict is given already. */
  abortBy(reason: DOMException): void {
    if (this.state === DeadlineState.settled || this.#abortReason !== undefined) return;
    this.#abortReason = reason;
    try {
      this.#controller?.abort(this.#abortReason);
    } catch {
      // the check replaced its signal's dispatchEvent with one that throws (a listener's error is not thrown here)
    }
  }

  /** Delivers the verdict (given at `now`) to whoever waits for this execution, through the sink's `finish` when there is one. */
  #deliver(result: CheckResult, now: number): void {
    const sink = this.#sink;
    if (sink === undefined) {
      this.deliver(result);
      return;
    }
    let finished: CheckResult;
    try {
      finished = sink.finish(this.#key, result, now, this);
    } catch (error) {
      finished = buildResult(this.#definition, 0, [safeCheckError(error)], noObservations);
    }
    this.deliver(finished);
  }

  /** This execution itself kept the loop busy past its deadline. */
  #blame(now: number, overrunMs: number): void {
    this.#scope.blame(now);
    if (overrunMs >= stallToleranceMs) this.#blockedMs = overrunMs;
    this.#timedOut();
  }

  #timedOut(): void {
    this.#record(makeCheckError('timeout', `did not finish within ${this.timeoutMs} ms`));
    this.#abortReason = new DOMException(`health check '${this.#definition.name}' timed out after ${this.timeoutMs} ms`, 'TimeoutError');
    try {
      this.#controller?.abort(this.#abortReason);
    } catch {
      // the check replaced its signal's dispatchEvent with one that throws: the verdict stands
    }
  }

  #record(error: CheckError): void {
    (this.#errors ??= []).push(error);
  }

  #result(now: number): CheckResult {
    let observations = this.#observations;
    const blockedMs = this.#blockedMs;
    if (blockedMs !== undefined && blockedMs > 0) {
      observations ??= Object.create(null) as Record<string, Observation>;
      observations[EVENT_LOOP_BLOCKED_KEY] = Object.freeze({ value: roundMs(blockedMs), unit: 'ms' });
    }
    const frozen = observations === undefined ? noObservations : Object.freeze({ ...observations });
    return buildResult(this.#definition, now - this.started, this.#errors ?? noErrors, frozen);
  }
}

// An execution and its context kept for their shapes (see keepShapes): built as every execution is,
// in a scope and with a definition of their own, never run.
keepShapes(new ExecutionContext(new Execution(new ExecutionScope(), Object.freeze({ name: 'shape' }) as CheckDefinition, 1, undefined, undefined)));

/** A warning from a non-string message, described without ever throwing. */
function safeWarning(message: unknown): CheckError {
  const described = safeCheckError(message);
  return makeCheckError('warning', described.message);
}

/** @internal Freezes the outcome of one execution into a CheckResult. */
export function buildResult(
  definition: CheckDefinition,
  durationMs: number,
  recorded: readonly CheckError[],
  observations: Readonly<Record<string, Observation>>,
): CheckResult {
  const errors = redactSplitSecrets(recorded);
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
