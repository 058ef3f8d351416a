import type { CheckResult } from '../report/CheckResult.js';
import { blockedResult } from './blockedResult.js';
import type { CheckSlot } from './CheckSlot.js';
import { DependencyGate, type Answer, type Pending, type Promised } from './DependencyGate.js';
import { executeCheck, type ExecutionSink } from './executeCheck.js';
import type { ExecutionRecorder } from './ExecutionRecorder.js';
import { ExecutionScope } from './ExecutionScope.js';
import { internalFailure } from './internalFailure.js';
import { settleAll } from './settleAll.js';
import type { SingleFlight } from './SingleFlight.js';
import { PendingExecution } from './PendingExecution.js';

/**
 * @internal How a service answers for one check: a result it knows without
 * executing (`known`: background or cached), a shared execution in flight
 * (single-flight), or a new execution in the service's own
 * {@link ExecutionScope}, gated by its dependencies (`dependsOn`) and ended
 * on the {@link ExecutionRecorder}'s path.
 */
export class CheckExecutor {
  /**
   * This service's deadline timer and blame state: another service's blocked loop explains nothing here. Its
   * timer keeps the process alive for a background round's executions only: a run waits under its own backstop.
   */
  readonly scope = new ExecutionScope(false);
  readonly #dependencies: DependencyGate<CheckSlot>;
  readonly #recorder: ExecutionRecorder;
  readonly #singleFlight: SingleFlight<CheckSlot, Pending>;
  readonly #known: (slot: CheckSlot) => CheckResult | undefined;
  /** How many answers of the current `answer()` were known results, and whether all of the last one's were. */
  #knownAnswers = 0;
  #allKnown = false;
  /**
   * Where every ungated execution is offered to joiners as soon as it exists (so one whose thenable settles
   * inside its own then() is forgotten at once, never left offered) and recorded as its verdict is given.
   */
  readonly #sink: ExecutionSink<CheckSlot> = {
    started: (slot, execution) => {
      this.#singleFlight.set(slot, execution);
    },
    finish: (slot, executed, now, execution) => this.#recorder.record(slot, executed, execution, now),
  };

  /**
   * @param known - What the service knows of a check without executing it
   *   (its background or cached result), if anything.
   */
  constructor(
    dependencies: DependencyGate<CheckSlot>,
    recorder: ExecutionRecorder,
    singleFlight: SingleFlight<CheckSlot, Pending>,
    known: (slot: CheckSlot) => CheckResult | undefined,
  ) {
    this.#dependencies = dependencies;
    this.#recorder = recorder;
    this.#singleFlight = singleFlight;
    this.#known = known;
  }

  /**
   * What a run answers for each of `selected`, in order: ready results, or
   * executions to wait for ({@link settleAll}, with {@link CheckExecutor.settle}).
   * With `fresh`, every check executes anew. `startedAt`, the run's own
   * start (`performance.now()`, read with only engine code run since), is
   * when the first execution starts and the known results are answered (see
   * {@link ExecutionScope.beginPass}).
   */
  answer(selected: readonly CheckSlot[], fresh: boolean, startedAt = Number.NaN): Answer[] {
    const scope = this.scope;
    scope.beginPass(startedAt);
    this.#knownAnswers = 0;
    try {
      const answers = this.#dependencies.answer(
        selected,
        (slot, dependencies) => this.#resultFor(slot, fresh, dependencies),
        this.#known,
      );
      this.#allKnown = this.#knownAnswers === answers.length;
      return answers;
    } finally {
      scope.endPass();
    }
  }

  /**
   * Whether every answer of the last {@link CheckExecutor.answer} was a known result (cached or background): then
   * there is nothing to wait for, and the run need not look at each answer to find out.
   */
  get allKnown(): boolean {
    return this.#allKnown;
  }

  /**
   * Waits for `pending` (answered for `slots`), backstopped; never rejects.
   *
   * @param startedAt - When the run started (`performance.now()`), for its backstop; read now when left out.
   */
  settle(slots: readonly CheckSlot[], pending: readonly Answer[], startedAt = Number.NaN, unref = false): Promise<CheckResult[]> {
    return settleAll(
      this.scope,
      slots,
      pending,
      unref,
      (index, execution) => {
        const slot = slots[index];
        if (slot !== undefined) this.#singleFlight.forget(slot, execution);
      },
      startedAt,
    );
  }

  /**
   * One background execution of `slot`, backstopped (timer unref'ed); never
   * rejects. Each check keeps its own schedule, so its dependencies are
   * consulted as they stand: a dependency known failed (its latest
   * background result) blocks it without running; one executing right now
   * (on its own schedule) is joined, and blocks it the moment it fails.
   */
  background(slot: CheckSlot): Promise<CheckResult[]> {
    this.scope.refreshClock();
    const answers = this.#dependencies.answer(
      [slot],
      (own, dependencies) => this.#execute(own, dependencies),
      (other) => this.#known(other) ?? this.#singleFlight.join(other),
    );
    // Nothing else waits for a background execution: it keeps the process alive until its own deadline.
    this.scope.timer.holdProcess();
    return this.settle([slot], answers, Number.NaN, true);
  }

  /**
   * What a run answers for `slot`: a background or cached result, a shared
   * execution, or a new one; blocked when one of `dependencies` (what its
   * dependencies answer in this run) fails.
   */
  #resultFor(slot: CheckSlot, fresh: boolean, dependencies: readonly Promised[]): Answer {
    if (fresh) return this.#execute(slot, dependencies);
    const known = this.#known(slot);
    // A known result already blocked stands as it is.
    if (known !== undefined && (dependencies.length === 0 || known.blockedBy !== undefined)) {
      this.#knownAnswers += 1;
      return known;
    }
    const reused = known ?? this.#singleFlight.join(slot);
    if (reused === undefined) return this.#execute(slot, dependencies);
    return dependencies.length === 0 ? reused : DependencyGate.combine(slot.definition, reused, dependencies, this.scope.clock.now());
  }

  /**
   * One execution of `slot`, recorded once whoever shares it. Never
   * rejects: should executeCheck itself throw or reject (it must not), that
   * becomes an `unknown error` result too. Should it never settle,
   * {@link settleAll} stops waiting for it, and it is no longer offered to
   * later runs.
   */
  #execute(slot: CheckSlot, dependencies: readonly Promised[]): Answer {
    if (dependencies.length > 0) return this.#executeGated(slot, dependencies);
    // The record path runs as the verdict is given, through this executor's one sink: no promise chained,
    // no closure made, per execution.
    try {
      return executeCheck(this.scope, slot.definition, slot.instance, slot.timeoutMs, this.#sink, slot);
    } catch (error) {
      const recorder = this.#recorder;
      const failed: Promise<CheckResult> = Promise.resolve(internalFailure(slot.definition, error)).then((failure) => recorder.record(slot, failure, failed));
      this.#singleFlight.set(slot, failed);
      return failed;
    }
  }

  /**
   * An execution of `slot` gated by its `dependencies` (see {@link DependencyGate.combine}): not started when
   * one is known failed already (blocked, and recorded as an execution is). A function of its own, apart from
   * the ungated path every check without dependencies takes, so that the engine optimizes that one for itself
   * (a service with a dependsOn chain in the same process made it a fifth slower).
   */
  #executeGated(slot: CheckSlot, dependencies: readonly Promised[]): Answer {
    const blocked = DependencyGate.knownFailure(dependencies);
    // a dependency's failure is known already: not started, blocked (and recorded like an execution)
    if (blocked !== undefined) {
      // Recorded at once: the status-change listeners (user code) run now, so the next execution reads the clock.
      const recorded = this.#recorder.record(slot, blockedResult(slot.definition, 0, blocked), undefined);
      this.scope.interrupt();
      return recorded;
    }
    const clock = this.scope.clock;
    const startedAt = clock.now();
    const recorder = this.#recorder;
    let own: Pending;
    try {
      own = executeCheck(this.scope, slot.definition, slot.instance, slot.timeoutMs);
    } catch (error) {
      own = Promise.resolve(internalFailure(slot.definition, error));
    }
    // Still pending (not settled synchronously): what a failed dependency aborts.
    const execution = own instanceof Promise ? undefined : own;
    let started: Promise<CheckResult> = PendingExecution.promised(own);
    const combined = DependencyGate.combine(slot.definition, started, dependencies, startedAt, () => {
      execution?.abortBy(new DOMException(`health check '${slot.definition.name}' is blocked by a failed dependency`, 'AbortError'));
    });
    started = combined instanceof Promise ? combined : Promise.resolve(combined);
    const gatedExecution: Promise<CheckResult> = started.then(
      (executed) => recorder.record(slot, executed, gatedExecution, clock.now()),
      (error: unknown) => recorder.record(slot, internalFailure(slot.definition, error), gatedExecution, clock.now()),
    );
    this.#singleFlight.set(slot, gatedExecution);
    return gatedExecution;
  }
}
