import { inject, injectable, multiInject, optional } from 'inversify';
import type { CheckHistory } from '../report/CheckHistory.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import { BackgroundScheduler } from './BackgroundScheduler.js';
import type { BackgroundOptions } from './BackgroundOptions.js';
import { blockedResult } from './blockedResult.js';
import { buildReport } from './buildReport.js';
import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';
import { CheckSelector } from './CheckSelector.js';
import type { CheckSlot } from './CheckSlot.js';
import { definitionOf } from './definitionOf.js';
import { DependencyGate, type Answer } from './DependencyGate.js';
import { executeCheck } from './executeCheck.js';
import { FlapFilter } from './FlapFilter.js';
import { flapRule } from './FlapRule.js';
import { HealthCheck } from './HealthCheck.js';
import { SERVICE_OPTION_SCHEMA, type HealthServiceOptions } from './HealthServiceOptions.js';
import { internalFailure } from './internalFailure.js';
import { ResultCache } from './ResultCache.js';
import { ResultHistory } from './ResultHistory.js';
import type { ResultListener } from './ResultListener.js';
import type { RunOptions } from './RunOptions.js';
import type { Notifier } from '../notify/Notifier.js';
import { NotifierHub } from '../notify/NotifierHub.js';
import { settleAll } from './settleAll.js';
import { ShutdownGate } from './ShutdownGate.js';
import { SingleFlight } from './SingleFlight.js';
import { StartupLatch } from './StartupLatch.js';
import type { StatusChangeListener } from './StatusChangeListener.js';
import { StatusListeners } from './StatusListeners.js';
import { HEALTH_CHECK, HEALTH_SERVICE_OPTIONS } from './tokens.js';
import { describeValue } from './validateOptions.js';
import { validateOptions } from '../options/validateOptions.js';

/**
 * Runs the checks and aggregates their results into a {@link HealthReport}.
 * Bound by {@link healthModule}; get it from the container.
 *
 * Guarantees:
 * - checks run concurrently, each under its own timeout, so a run takes at
 *   most about the largest timeout, however many dependencies hang;
 * - each execution has its own deadline (its own start plus its own
 *   timeout); when the event loop was blocked, the check that overran is the
 *   one reported `timeout`, and a check whose reply had already arrived keeps
 *   its outcome (with an `eventLoopBlockedMs` observation saying why it was
 *   late; see the writing-checks guide);
 * - `run()` never rejects because of a check or a status-change listener:
 *   throws, rejections and timeouts become results, a listener's throw a
 *   `PulsecheckListenerWarning`, and a run settles even if an execution
 *   never does (250 ms after the largest timeout at the latest);
 * - concurrent runs share in-flight executions (single-flight) but never each
 *   other's reports; a returned report is frozen.
 *
 * It is a facade over one small unit per responsibility: selection and
 * probe rules, the TTL cache, single-flight, background scheduling and
 * staleness, the startup latch, the shutdown gate and the listeners.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 *
 * const registry = new HealthCheckRegistry();
 *
 * @registerHealthCheck({ registry, tags: ['ready'] })
 * class ClockHealthCheck extends HealthCheck {
 *   check(): void {
 *     if (Number.isNaN(Date.now())) throw new Error('no clock');
 *   }
 * }
 *
 * const container = new Container();
 * container.load(healthModule({ registry }));
 * const health = container.get(HealthService);
 * const report = await health.run({ probe: 'readiness' });
 * console.log(report.httpStatus, report.checks.map((check) => `${check.name}: ${check.output}`));
 * ```
 */
@injectable()
export class HealthService {
  readonly #selector: CheckSelector;
  readonly #cache = new ResultCache<CheckSlot>();
  readonly #singleFlight: SingleFlight<CheckSlot, CheckResult>;
  readonly #listeners = new StatusListeners<CheckSlot>();
  readonly #latch: StartupLatch;
  readonly #gate = new ShutdownGate();
  readonly #history: ResultHistory<CheckSlot>;
  readonly #flap = new FlapFilter<CheckSlot>();
  readonly #scheduler = new BackgroundScheduler<CheckSlot>((slot) => this.#background(slot));
  readonly #dependencies: DependencyGate<CheckSlot>;
  readonly #notifiers = new NotifierHub((listener) => this.#listeners.add(listener));

  /**
   * @param checks - The check instances (the container passes every
   *   {@link HEALTH_CHECK} binding). Each one's name, criticality, timeout and
   *   tags come from the registry that holds its class (recorded by
   *   {@link registerHealthCheck} or {@link HealthCheckRegistry.add}); a class
   *   no registry holds gets defaults (its class name, critical, no tags).
   * @param options - Defaults for every check; see {@link HealthServiceOptions}.
   * @throws TypeError when an entry is not a {@link HealthCheck}, `options`
   *   is not a plain object, an option is unknown, or `singleFlight` or
   *   `latchStartup` is not a boolean.
   * @throws RangeError when `defaultTimeoutMs` or `defaultCacheTtlMs` is
   *   malformed or exceeds 2,147,483,647 ms (the longest delay a timer can
   *   hold), `historySize` is not a whole number from 0 to
   *   {@link MAX_HISTORY_SIZE}, or a count of `defaultFailAfter` or `defaultRecoverAfter` is
   *   not a positive integer (TypeError when `defaultFailAfter` is neither
   *   a number nor an object).
   * @throws Error when two checks share a name, or a check's `dependsOn`
   *   names a check the service does not have or makes a cycle (the message
   *   names the check and the cycle's path).
   */
  // No parameter defaults here: a decorated parameter with a default loses its decorators when StrykerJS
  // instruments this file (@babel/generator 7.29 drops them), and then the container injects no check.
  constructor(
    @multiInject(HEALTH_CHECK) @optional() checks?: readonly HealthCheck[],
    @inject(HEALTH_SERVICE_OPTIONS) @optional() options?: HealthServiceOptions,
  ) {
    // Validated here only when not already validated by the function the user called (healthModule, PulsecheckModule.forRoot).
    const settings = validateOptions(SERVICE_OPTION_SCHEMA, options, 'HealthService');
    const defaultTimeoutMs = settings.defaultTimeoutMs ?? SERVICE_OPTION_SCHEMA.defaultTimeoutMs.defaultValue;
    const defaultCacheTtlMs = settings.defaultCacheTtlMs ?? SERVICE_OPTION_SCHEMA.defaultCacheTtlMs.defaultValue;
    this.#singleFlight = new SingleFlight(settings.singleFlight ?? SERVICE_OPTION_SCHEMA.singleFlight.defaultValue);
    this.#latch = new StartupLatch(settings.latchStartup ?? SERVICE_OPTION_SCHEMA.latchStartup.defaultValue);
    this.#history = new ResultHistory(settings.historySize);
    this.#selector = new CheckSelector(
      (checks === undefined ? [] : checks).map((instance, index): CheckSlot => {
        if (!(instance instanceof HealthCheck)) {
          throw new TypeError(`HealthService: check #${index} is not a HealthCheck instance (got ${instance === null ? 'null' : typeof instance})`);
        }
        const definition = definitionOf(instance.constructor as HealthCheckClass);
        return {
          definition,
          instance,
          timeoutMs: definition.timeoutMs ?? defaultTimeoutMs,
          cacheTtlMs: definition.cacheTtlMs ?? defaultCacheTtlMs,
          flap: flapRule(definition.failAfter ?? settings.defaultFailAfter, definition.recoverAfter ?? settings.defaultRecoverAfter),
        };
      }),
    );
    this.#dependencies = new DependencyGate(this.#selector.all);
  }

  /**
   * The definitions of the checks this service runs, in registration order.
   *
   * @returns A new array.
   */
  definitions(): CheckDefinition[] {
    return this.#selector.all.map((slot) => slot.definition);
  }

  /**
   * Runs the selected checks (all, by default) concurrently and reports.
   * Never rejects because of a check; rejects only for malformed options.
   *
   * @param options - Which checks, and whether to force fresh executions.
   * @returns A frozen report, checks in registration order.
   * @throws TypeError or RangeError (as a rejection) for malformed options or
   *   an unknown check name.
   */
  async run(options: RunOptions = {}): Promise<HealthReport> {
    const startedAt = new Date();
    const t0 = performance.now();
    const selected = this.#selector.select(options);
    const closed = this.#gate.answer(options.probe);
    if (closed !== undefined) return buildReport(startedAt, t0, [closed]);
    const replayed = this.#latch.replay(
      options,
      selected.map((slot) => slot.definition.name),
    );
    if (replayed !== undefined) return buildReport(startedAt, t0, replayed);

    const fresh = options.fresh === true;
    const pending = this.#dependencies.answer(
      selected,
      (slot, dependencies) => this.#resultFor(slot, fresh, dependencies),
      (slot) => this.#known(slot),
    );
    // Cached and background results are ready at once: skip the wait only when every one is.
    const settled = pending.every(isReady) ? pending : await settleAll(selected, pending, false, this.#abandoned(selected));
    const results = options.history === true && this.#history.capacity > 0 ? settled.map((result, index) => this.#withHistory(result, selected[index])) : settled;
    const report = buildReport(startedAt, t0, results);
    this.#latch.keep(options, report);
    return report;
  }

  /**
   * The recent executions of every check (or of the one named), oldest
   * first: at most `historySize` each (see {@link HealthServiceOptions}),
   * one entry per execution: a result answered again from the cache, from
   * background mode or from a shared in-flight execution adds none; each
   * background round adds one per check. Each entry has the status the run
   * reported, the duration, when the execution ended and its output (cut
   * to {@link HISTORY_OUTPUT_MAX_LENGTH} characters). `uptimePercent` is the
   * share of entries that are not `fail`.
   *
   * @param name - One check's name; every check when left out.
   * @returns Frozen copies, in registration order (empty entries when the
   *   service keeps no history or the check has not run yet).
   * @throws RangeError for a name no check has.
   */
  history(name?: string): readonly CheckHistory[] {
    let slots = this.#selector.all;
    if (name !== undefined) {
      slots = slots.filter((slot) => slot.definition.name === name);
      if (slots.length === 0) throw new RangeError(`HealthService.history: no check is named ${typeof name === 'string' ? `'${name.slice(0, 200)}'` : describeValue(name)}`);
    }
    return Object.freeze(slots.map((slot) => this.#history.snapshot(slot, slot.definition.name)));
  }

  /**
   * Calls `listener` whenever an execution of a check ends in a different
   * status than that check's previous execution.
   *
   * A notification goes to the listeners subscribed when it starts, in
   * subscription order; one removed meanwhile (by itself or by another
   * listener) is not called, one added meanwhile hears from the next change
   * on. Whatever a listener throws becomes a process warning of type
   * `PulsecheckListenerWarning`; it never makes `run()` reject, nor stops
   * background mode, nor keeps the other listeners from being called.
   *
   * @param listener - Receives the new result, the previous and the current status.
   * @returns A function that removes the listener.
   */
  onStatusChange(listener: StatusChangeListener): () => void {
    return this.#listeners.add(listener);
  }

  /**
   * Calls `listener` after every execution of a check, whatever its status
   * (not for results reused from the cache or background mode, which were
   * not executed again). Same rules as {@link HealthService.onStatusChange}:
   * called in subscription order, after the status-change listeners; a
   * throw becomes a `PulsecheckListenerWarning` and never makes `run()`
   * reject.
   *
   * @param listener - Receives each execution's result.
   * @returns A function that removes the listener.
   * @throws TypeError when `listener` is not a function.
   */
  onResult(listener: ResultListener): () => void {
    return this.#listeners.addResult(listener);
  }

  /**
   * Sends status changes to `notifier` (a {@link WebhookNotifier}, or your
   * own {@link Notifier}): the changes of one turn of the event loop
   * together, after the run that produced them, so a failed dependency and
   * the checks it blocks (`dependsOn`) arrive in one notification. A
   * notifier never delays nor breaks a run: whatever it throws or rejects
   * with becomes a `PulsecheckNotifierWarning`. Costs nothing until the
   * first notifier is added.
   *
   * @param notifier - Receives each batch of changes.
   * @returns A function that removes it (aborting the signal it was given);
   *   close a {@link WebhookNotifier} yourself to drain its queue.
   * @throws TypeError when `notifier` has no `notify` method.
   * @throws Error when it was added already.
   */
  addNotifier(notifier: Notifier): () => void {
    return this.#notifiers.add(notifier);
  }

  /**
   * Marks the service as shutting down: from now on readiness reports `fail`
   * (HTTP 503) with `unavailable: shutting down`, without running checks, so
   * load balancers stop sending traffic; liveness is unaffected. Call it on
   * SIGTERM, before closing the server.
   */
  beginShutdown(): void {
    this.#gate.close();
  }

  /** Whether {@link HealthService.beginShutdown} was called. */
  get shuttingDown(): boolean {
    return this.#gate.closed;
  }

  /**
   * Starts background mode: each check runs now (or after its own
   * `initialDelayMs`) and then again its interval after each of its
   * executions ends: its own `intervalMs` if it set one, else the
   * `intervalMs` given here. A check never overlaps itself, and a slow
   * check never delays another (timers are `unref`ed, so they never keep
   * the process alive). Meanwhile `run()` answers from the latest results
   * (`cached: true`), instantly; a result older than the check's staleness
   * limit (see {@link BackgroundOptions.staleAfterMs}) is reported as a
   * failure, and a check still waiting for its initial delay as `warn`
   * (`warning: pending: ...`).
   *
   * @param options - The service-wide interval and the staleness limit.
   * Everything is validated before anything starts: when `start()` throws,
   * nothing is left running. Once started, an execution never stops the schedule,
   * whatever the checks or the status-change listeners throw, and
   * {@link HealthService.stop} always settles.
   *
   * @throws TypeError when `options` is not an object or has an unknown key.
   * @throws RangeError for a malformed interval or limit, or one above
   *   2,147,483,647 ms (Node would fire such a timer after 1 ms).
   * @throws Error when background mode is already running.
   */
  start(options: BackgroundOptions): void {
    this.#scheduler.start(
      options,
      this.#selector.all.map((slot) => ({ key: slot, intervalMs: slot.definition.intervalMs, initialDelayMs: slot.definition.initialDelayMs, timeoutMs: slot.timeoutMs })),
    );
  }

  /**
   * Stops background mode and waits for the executions in progress, if any
   * (they end by their timeouts at the latest). Afterwards no timer of
   * this service is left. Safe to call when not started.
   */
  stop(): Promise<void> {
    return this.#scheduler.stop();
  }

  /** Whether background mode is running. */
  get running(): boolean {
    return this.#scheduler.running;
  }

  /**
   * One background execution of `slot`, backstopped (timer unref'ed); never
   * rejects. Each check keeps its own schedule, so its dependencies are
   * consulted as they stand: a dependency known failed (its latest
   * background result) blocks it without running; one executing right now
   * (on its own schedule) is joined, and blocks it the moment it fails.
   */
  #background(slot: CheckSlot): Promise<CheckResult[]> {
    return settleAll(
      [slot],
      this.#dependencies.answer([slot], (own, dependencies) => this.#execute(own, dependencies), (other) => this.#known(other) ?? this.#singleFlight.join(other)),
      true,
      this.#abandoned([slot]),
    );
  }

  /**
   * What a run answers for `slot`: a background or cached result, a shared
   * execution, or a new one; blocked when one of `dependencies` (what its
   * dependencies answer in this run) fails.
   */
  #resultFor(slot: CheckSlot, fresh: boolean, dependencies: readonly Answer[]): Answer {
    if (fresh) return this.#execute(slot, dependencies);
    const reused = this.#known(slot) ?? this.#singleFlight.join(slot);
    if (reused === undefined) return this.#execute(slot, dependencies);
    const settledBlocked = !(reused instanceof Promise) && reused.blockedBy !== undefined;
    return dependencies.length === 0 || settledBlocked ? reused : DependencyGate.combine(slot.definition, reused, dependencies, performance.now());
  }

  /** What the service knows of `slot` without executing it: its background or cached result. */
  #known(slot: CheckSlot): CheckResult | undefined {
    const now = performance.now();
    return this.#scheduler.answer(slot, slot.definition, this.#cache.latest(slot), now) ?? this.#cache.reuse(slot, slot.cacheTtlMs, now);
  }

  /**
   * One execution of `slot`, through flap suppression (once per execution,
   * whoever shares it), recorded as its latest result. Never rejects:
   * should executeCheck itself throw or reject (it must not), that becomes
   * an `unknown error` result too. Should it never settle, {@link settleAll}
   * stops waiting for it, and it is no longer offered to later runs.
   */
  #execute(slot: CheckSlot, dependencies: readonly Answer[]): Answer {
    const blocked = DependencyGate.knownFailure(dependencies);
    if (blocked !== undefined) {
      // a dependency's failure is known already: not started, blocked (and recorded like an execution)
      const result = blockedResult(slot.definition, 0, blocked);
      this.#cache.record(slot, result, performance.now());
      this.#history.record(slot, result);
      this.#listeners.notify(slot, result);
      return result;
    }
    const gated = dependencies.length > 0;
    const startedAt = gated ? performance.now() : 0;
    let abort: ((reason: DOMException) => void) | undefined;
    let started: Promise<CheckResult>;
    try {
      started = executeCheck(slot.definition, slot.instance, slot.timeoutMs, gated ? (given) => (abort = given) : undefined);
    } catch (error) {
      started = Promise.resolve(internalFailure(slot.definition, error));
    }
    if (gated) {
      const combined = DependencyGate.combine(slot.definition, started, dependencies, startedAt, () => {
        abort?.(new DOMException(`health check '${slot.definition.name}' is blocked by a failed dependency`, 'AbortError'));
      });
      started = combined instanceof Promise ? combined : Promise.resolve(combined);
    }
    const record = (executed: CheckResult): CheckResult => {
      this.#singleFlight.forget(slot, execution);
      // A blocked result is the dependency's failure, not this check's: flap suppression neither holds it back nor counts it.
      const result = executed.blockedBy === undefined ? this.#flap.apply(slot, slot.flap, executed, performance.now()) : executed;
      this.#cache.record(slot, result, performance.now());
      this.#history.record(slot, result);
      this.#listeners.notify(slot, result);
      return result;
    };
    const execution: Promise<CheckResult> = started.then(record, (error: unknown) => record(internalFailure(slot.definition, error)));
    this.#singleFlight.set(slot, execution);
    return execution;
  }

  /** `result` with `slot`'s history attached, frozen. */
  #withHistory(result: CheckResult, slot: CheckSlot | undefined): CheckResult {
    return slot === undefined ? result : Object.freeze({ ...result, history: this.#history.snapshot(slot, slot.definition.name) });
  }

  #abandoned(slots: readonly CheckSlot[]): (index: number, execution: Promise<CheckResult>) => void {
    return (index, execution) => {
      const slot = slots[index];
      if (slot !== undefined) this.#singleFlight.forget(slot, execution);
    };
  }
}

function isReady(result: CheckResult | Promise<CheckResult>): result is CheckResult {
  return !(result instanceof Promise);
}
