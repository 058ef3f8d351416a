import type { CheckError } from '../report/CheckError.js';
import type { CheckErrorKind } from '../report/CheckErrorKind.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { Observation } from '../report/Observation.js';
import { buildResult } from './buildResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { DeadlineState, type Deadline } from './Deadline.js';
import { ExecutionContext } from './ExecutionContext.js';
import { ExecutionScope } from './ExecutionScope.js';
import type { ExecutionSink } from './executeCheck.js';
import { keepShapes } from './keepShapes.js';
import type { ExecutionWaiter, PendingExecution } from './PendingExecution.js';
import { makeCheckError, toCheckError } from './toCheckError.js';
import { sanitizeObservation } from './sanitizeObservation.js';
import { timeoutError } from './timeoutError.js';
import { roundMs } from './roundMs.js';

const noObservations: Readonly<Record<string, Observation>> = Object.freeze({});

/**
 * The observation recorded on a result whose deadline passed while the event
 * loop was blocked: how many milliseconds past the check's deadline the loop
 * was still busy, so the verdict could only be given that late.
 */
const EVENT_LOOP_BLOCKED_KEY = 'eventLoopBlockedMs';

/**
 * A check that settles this little past its deadline, before the deadline
 * timer could run, still counts as on time; lateness beyond it is a stall
 * worth recording.
 */
const stallToleranceMs = 10;

/** {@link toCheckError}, but total: a value that cannot be described still becomes an error. */
function safeCheckError(value: unknown, fallbackForString?: CheckErrorKind): CheckError {
  try {
    return toCheckError(value, fallbackForString);
  } catch {
    return makeCheckError('unknown error', 'threw a value that could not be described');
  }
}

/**
 * @internal What one execution records, and the entry its scope's deadline timer
 * tracks while it is in flight; the {@link PendingExecution} that
 * {@link executeCheck} returns for a check that returned a thenable (its
 * verdict handed to each waiter, and to a promise only when one is asked
 * for). The check never sees it: it gets an {@link ExecutionContext} that
 * forwards to it. A class, so that every execution has the same shape (an
 * object literal with a `signal` getter costs microseconds per execution),
 * and one with no base class (each level of a derived class's construction
 * cost about 180 instructions per execution); `signal` makes the
 * AbortController on first use.
 */
export class Execution implements PendingExecution {
  // Hidden-class care (executeCheck keeps one execution alive for its shape, see keepShapes): a field that
  // starts as a small integer and later holds a fraction changes the object's hidden class, leaving the kept
  // shape behind. So each field starts as the kind of value it keeps: a number always written with a fraction
  // (`deadline`) starts as NaN, and one written only on a rare path (`dueAt`) as undefined, which takes any value.
  // The Deadline fields (see Deadline):
  deadline = Number.NaN;
  timeoutMs = 0;
  previous: Deadline | undefined = undefined;
  next: Deadline | undefined = undefined;
  state: DeadlineState = DeadlineState.running;
  dueAt: number | undefined = undefined;
  // Who waits for its verdict (see PendingExecution):
  #waiter: ExecutionWaiter | undefined = undefined;
  #index = 0;
  #others: { readonly waiter: ExecutionWaiter; readonly index: number }[] | undefined = undefined;
  #resolve: ((result: CheckResult) => void) | undefined = undefined;
  #promise: Promise<CheckResult> | undefined = undefined;
  #delivered: CheckResult | undefined = undefined;
  // What the execution records:
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
    this.#scope = scope;
    this.#sink = sink;
    this.#key = key;
    this.#definition = definition;
    this.timeoutMs = timeoutMs;
  }

  /** Tells `waiter` the verdict (as item `index`): when it is delivered, or now if it was. */
  listen(waiter: ExecutionWaiter, index: number): void {
    const delivered = this.#delivered;
    if (delivered !== undefined) {
      waiter.settled(index, delivered);
      return;
    }
    if (this.#waiter === undefined) {
      this.#waiter = waiter;
      this.#index = index;
    } else {
      (this.#others ??= []).push({ waiter, index });
    }
  }

  /** A promise of the verdict, made on first request; it never rejects. */
  promise(): Promise<CheckResult> {
    let promise = this.#promise;
    if (promise !== undefined) return promise;
    const delivered = this.#delivered;
    promise =
      delivered === undefined
        ? new Promise<CheckResult>((resolve) => {
            this.#resolve = resolve;
          })
        : Promise.resolve(delivered);
    this.#promise = promise;
    return promise;
  }

  /** Awaitable, as the promise of its verdict ({@link PendingExecution.promise}). */
  then<Fulfilled = CheckResult, Rejected = never>(
    onFulfilled?: ((result: CheckResult) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.promise().then(onFulfilled, onRejected);
  }

  /** Hands the verdict to every waiter and to the promise, if one was made (only the first call counts). */
  #handOver(result: CheckResult): void {
    if (this.#delivered !== undefined) return;
    this.#delivered = result;
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      this.#waiter = undefined;
      waiter.settled(this.#index, result);
    }
    const others = this.#others;
    if (others !== undefined) {
      this.#others = undefined;
      for (const other of others) other.waiter.settled(other.index, result);
    }
    const resolve = this.#resolve;
    if (resolve !== undefined) {
      this.#resolve = undefined;
      resolve(result);
    }
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

  /**
   * The check's thenable settled (called at most once; later calls are ignored). `inReactionJob`: called by a
   * native promise's reaction job, so the verdict may take the reading shared by those queued before it
   * ({@link ExecutionScope.settleTime}).
   */
  settle(thrown: unknown, failed: boolean, inReactionJob = false): void {
    const state = this.state;
    if (state === DeadlineState.settled) return;
    // A native promise's reaction: the reading that verdicts queued before it share (see ExecutionScope.settleTime).
    const now = inReactionJob ? this.#scope.settleTime() : this.#scope.clock.now();
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
      this.#handOver(result);
      return;
    }
    let finished: CheckResult;
    try {
      finished = sink.finish(this.#key, result, now, this);
    } catch (error) {
      finished = buildResult(this.#definition, 0, [safeCheckError(error)], noObservations);
    }
    this.#handOver(finished);
  }

  /** This execution itself kept the loop busy past its deadline. */
  #blame(now: number, overrunMs: number): void {
    this.#scope.blame(now);
    if (overrunMs >= stallToleranceMs) this.#blockedMs = overrunMs;
    this.#timedOut();
  }

  #timedOut(): void {
    this.#record(timeoutError(this.timeoutMs));
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
    return buildResult(this.#definition, now - this.started, this.#errors, frozen);
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
