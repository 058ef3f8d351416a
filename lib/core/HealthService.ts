import { inject, injectable, multiInject, optional } from 'inversify';
import type { CheckHistory } from '../report/CheckHistory.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { BackgroundOptions } from './BackgroundOptions.js';
import type { CheckDefinition } from './CheckDefinition.js';
import type { HealthCheck } from './HealthCheck.js';
import { SERVICE_OPTION_SCHEMA, type HealthServiceOptions } from './HealthServiceOptions.js';
import type { ResultListener } from './ResultListener.js';
import type { RunOptions } from './RunOptions.js';
import { NO_RUN_OPTIONS } from './noRunOptions.js';
import { serviceRun } from './serviceRun.js';
import { serviceUnits, type ServiceUnits } from './serviceUnits.js';
import type { StatusChangeListener } from './StatusChangeListener.js';
import { HEALTH_CHECK, HEALTH_SERVICE_OPTIONS } from './tokens.js';
import { describeValue } from '../options/describeValue.js';
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
 * It is a facade over one small unit per responsibility (see
 * `serviceUnits`): selection and probe rules, the TTL cache, single-flight,
 * background scheduling and staleness, the startup latch, the shutdown gate
 * and the listeners; a run goes through them in `serviceRun`.
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
  /** One unit per responsibility (see serviceUnits); the methods below delegate to them. */
  readonly #units: ServiceUnits;

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
    this.#units = serviceUnits(checks, validateOptions(SERVICE_OPTION_SCHEMA, options, 'HealthService'));
  }

  /**
   * The definitions of the checks this service runs, in registration order,
   * with their effective values: `timeoutMs` is the timeout each runs under
   * (its own, else the service's `defaultTimeoutMs`), so that tools that
   * describe the service (OpenAPI, Postman, `verify-probes`) never recompute it.
   *
   * @returns A new array of frozen definitions.
   */
  definitions(): CheckDefinition[] {
    return this.#units.selector.all.map((slot) => Object.freeze({ ...slot.definition, timeoutMs: slot.timeoutMs }));
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
  run(options: RunOptions = NO_RUN_OPTIONS): Promise<HealthReport> {
    return serviceRun(this.#units, options);
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
    let slots = this.#units.selector.all;
    if (name !== undefined) {
      slots = slots.filter((slot) => slot.definition.name === name);
      if (slots.length === 0) throw new RangeError(`HealthService.history: no check is named ${typeof name === 'string' ? `'${name.slice(0, 200)}'` : describeValue(name)}`);
    }
    return Object.freeze(slots.map((slot) => this.#units.history.snapshot(slot, slot.definition.name)));
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
    return this.#units.listeners.add(listener);
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
    return this.#units.listeners.addResult(listener);
  }

  /**
   * Marks the service as shutting down: from now on readiness and the whole
   * service (a `run()` with no probe, tags nor names, which `/health`
   * serves) report `fail` (HTTP 503) with `unavailable: shutting down`,
   * without running checks, so load balancers stop sending traffic whichever
   * route they probe. Liveness is unaffected (a draining pod must not be
   * restarted), and so are the startup probe and runs that select checks by
   * tag or name. Call it on SIGTERM, before closing the server.
   */
  beginShutdown(): void {
    this.#units.gate.close();
  }

  /** Whether {@link HealthService.beginShutdown} was called. */
  get shuttingDown(): boolean {
    return this.#units.gate.closed;
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
    this.#units.scheduler.start(
      options,
      this.#units.selector.all.map((slot) => ({ key: slot, intervalMs: slot.definition.intervalMs, initialDelayMs: slot.definition.initialDelayMs, timeoutMs: slot.timeoutMs })),
    );
  }

  /**
   * Stops background mode and waits for the executions in progress, if any
   * (they end by their timeouts at the latest). Afterwards no timer of
   * this service is left (the deadline timer, kept unreferenced between runs,
   * is cleared too, unless a run is still executing). Safe to call when not
   * started.
   */
  async stop(): Promise<void> {
    await this.#units.scheduler.stop();
    this.#units.executor.scope.timer.release();
  }

  /** Whether background mode is running. */
  get running(): boolean {
    return this.#units.scheduler.running;
  }
}
