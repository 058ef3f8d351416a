import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { DeadlineState } from './Deadline.js';
import { Execution } from './Execution.js';
import { ExecutionContext } from './ExecutionContext.js';
import type { ExecutionScope } from './ExecutionScope.js';
import type { HealthCheck } from './HealthCheck.js';
import type { PendingExecution } from './PendingExecution.js';

// eslint-disable-next-line @typescript-eslint/unbound-method -- compared by identity, never called unbound
const nativeThen: unknown = Promise.prototype.then;

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
 * A pending execution can be aborted from outside (`abortBy`: a failed
 * dependency, see {@link DependencyGate}): the context's signal is aborted
 * with that reason unless the verdict is given already; the execution still
 * ends by its own rules.
 */
export function executeCheck<K>(
  scope: ExecutionScope,
  definition: CheckDefinition,
  instance: HealthCheck,
  timeoutMs: number,
  sink?: ExecutionSink<K>,
  key?: K,
): Promise<CheckResult> | PendingExecution {
  const execution = new Execution(scope, definition, timeoutMs, sink, key);
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
  // A native promise calls these only from reaction jobs, queued as it settles (see ExecutionScope.settleTime).
  const native = then === nativeThen;
  try {
    (then as PromiseLike<unknown>['then']).call(
      pending,
      () => {
        execution.settle(undefined, false, native);
      },
      (error: unknown) => {
        execution.settle(error, true, native);
      },
    );
  } catch (error) {
    // a `then` that throws: the check failed with that error (unless it already settled)
    execution.settle(error, true);
  }
  if (execution.state !== DeadlineState.settled) {
    scope.timer.add(execution, returned);
    // No user code ran since `returned` (a native promise's then): the next execution of the pass may start then.
    if (native) scope.handOff(returned);
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
