import { inject, injectable, multiInject, optional } from 'inversify';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { BackgroundOptions } from './BackgroundOptions.js';
import type { CheckDefinition, HealthCheckClass } from './CheckDefinition.js';
import { definitionOf } from './checkDefinitions.js';
import { buildResult, executeCheck } from './executeCheck.js';
import { HealthCheck } from './HealthCheck.js';
import { DEFAULT_TIMEOUT_MS, type HealthServiceOptions } from './HealthServiceOptions.js';
import { roundMs } from './roundMs.js';
import type { Probe, RunOptions } from './RunOptions.js';
import type { ResultListener } from './ResultListener.js';
import type { StatusChangeListener } from './StatusChangeListener.js';
import { HEALTH_CHECK, HEALTH_SERVICE_OPTIONS } from './tokens.js';
import { makeCheckError } from './toCheckError.js';
import { describeSafely, internalFailure } from './internalFailure.js';
import { settleAll } from './settleAll.js';
import { MAX_TIMER_MS, assertKnownKeys, assertNonNegativeMs, assertOptionalBoolean, assertOptionsObject, assertPositiveMs, assertTags } from './validateOptions.js';

const probeTags = ['live', 'ready', 'startup'] as const;
const probes: readonly Probe[] = ['liveness', 'readiness', 'startup'];
const runOptionKeys = ['tags', 'names', 'probe', 'fresh'] as const;
const serviceOptionKeys = ['defaultTimeoutMs', 'defaultCacheTtlMs', 'singleFlight', 'latchStartup'] as const;

/** One check as the service holds it: its definition, instance and latest outcome. */
interface Slot {
  readonly definition: CheckDefinition;
  readonly instance: HealthCheck;
  readonly timeoutMs: number;
  readonly cacheTtlMs: number;
  inFlight: Promise<CheckResult> | undefined;
  latest: { readonly result: CheckResult; readonly finishedAt: number } | undefined;
  lastStatus: HealthStatus | undefined;
}

interface Background {
  readonly intervalMs: number;
  readonly staleAfterMs: number;
  timer: NodeJS.Timeout | undefined;
  round: Promise<void> | undefined;
}

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
  readonly #slots: readonly Slot[];
  readonly #byName: ReadonlyMap<string, Slot>;
  readonly #singleFlight: boolean;
  readonly #latchStartup: boolean;
  readonly #listeners = new Set<StatusChangeListener>();
  readonly #resultListeners = new Set<ResultListener>();
  #shuttingDown = false;
  #latchedStartup: { readonly report: HealthReport; readonly at: number } | undefined;
  #background: Background | undefined;

  /**
   * @param checks - The check instances (the container passes every
   *   {@link HEALTH_CHECK} binding). Each one's name, criticality, timeout and
   *   tags come from its class's {@link registerHealthCheck} options.
   * @param options - Defaults for every check; see {@link HealthServiceOptions}.
   * @throws TypeError when an entry is not a {@link HealthCheck}, `options`
   *   is not a plain object, an option is unknown, or `singleFlight` or
   *   `latchStartup` is not a boolean.
   * @throws RangeError when `defaultTimeoutMs` or `defaultCacheTtlMs` is
   *   malformed or exceeds 2,147,483,647 ms (the longest delay a timer can hold).
   * @throws Error when two checks share a name.
   */
  constructor(
    @multiInject(HEALTH_CHECK) @optional() checks: readonly HealthCheck[] = [],
    @inject(HEALTH_SERVICE_OPTIONS) @optional() options: HealthServiceOptions = {},
  ) {
    assertOptionsObject(options, 'HealthService', serviceOptionKeys);
    const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    assertPositiveMs(defaultTimeoutMs, 'defaultTimeoutMs', 'HealthService');
    const defaultCacheTtlMs = options.defaultCacheTtlMs ?? 0;
    assertNonNegativeMs(defaultCacheTtlMs, 'defaultCacheTtlMs', 'HealthService');
    assertOptionalBoolean(options.singleFlight, 'singleFlight', 'HealthService');
    assertOptionalBoolean(options.latchStartup, 'latchStartup', 'HealthService');
    this.#singleFlight = options.singleFlight ?? true;
    this.#latchStartup = options.latchStartup ?? true;

    const byName = new Map<string, Slot>();
    this.#slots = checks.map((instance, index) => {
      if (!(instance instanceof HealthCheck)) {
        throw new TypeError(`HealthService: check #${index} is not a HealthCheck instance (got ${instance === null ? 'null' : typeof instance})`);
      }
      const definition = definitionOf(instance.constructor as HealthCheckClass);
      if (byName.has(definition.name)) {
        throw new Error(`HealthService: two checks are named '${definition.name}'; give one of them another name with registerHealthCheck({ name })`);
      }
      const slot: Slot = {
        definition,
        instance,
        timeoutMs: definition.timeoutMs ?? defaultTimeoutMs,
        cacheTtlMs: definition.cacheTtlMs ?? defaultCacheTtlMs,
        inFlight: undefined,
        latest: undefined,
        lastStatus: undefined,
      };
      byName.set(definition.name, slot);
      return slot;
    });
    this.#byName = byName;
  }

  /**
   * The definitions of the checks this service runs, in registration order.
   *
   * @returns A new array.
   */
  definitions(): CheckDefinition[] {
    return this.#slots.map((slot) => slot.definition);
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
    const selected = this.#select(options);
    const fresh = options.fresh === true;

    if (options.probe === 'readiness' && this.#shuttingDown) {
      return buildReport(startedAt, t0, [shutdownResult()]);
    }
    if (options.probe === 'startup' && this.#latchedStartup !== undefined && !fresh) {
      const { report, at } = this.#latchedStartup;
      const ageMs = roundMs(performance.now() - at);
      return buildReport(startedAt, t0, report.checks.map((result) => reuse(result, ageMs)));
    }

    const pending = selected.map((slot) => this.#resultFor(slot, fresh));
    // Cached and background results are ready at once: skip the wait for them.
    const results = pending.every((result) => !(result instanceof Promise)) ? (pending as CheckResult[]) : await settleAll(selected, pending);
    const report = buildReport(startedAt, t0, results);
    if (options.probe === 'startup' && this.#latchStartup && report.status !== 'fail' && options.tags === undefined && options.names === undefined) {
      this.#latchedStartup = { report, at: performance.now() };
    }
    return report;
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
    if (typeof listener !== 'function') throw new TypeError('onStatusChange: listener must be a function');
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
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
    if (typeof listener !== 'function') throw new TypeError('onResult: listener must be a function');
    this.#resultListeners.add(listener);
    return () => {
      this.#resultListeners.delete(listener);
    };
  }

  /**
   * Marks the service as shutting down: from now on readiness reports `fail`
   * (HTTP 503) with `unavailable: shutting down`, without running checks, so
   * load balancers stop sending traffic; liveness is unaffected. Call it on
   * SIGTERM, before closing the server.
   */
  beginShutdown(): void {
    this.#shuttingDown = true;
  }

  /** Whether {@link HealthService.beginShutdown} was called. */
  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /**
   * Starts background mode: every check runs now and then again
   * `intervalMs` after each round ends (timers are `unref`ed, so they never
   * keep the process alive). Meanwhile `run()` answers from the latest
   * results (`cached: true`), instantly; a result older than `staleAfterMs`
   * is reported as a failure.
   *
   * @param options - The interval and the staleness limit.
   * Everything is validated before anything starts: when `start()` throws,
   * nothing is left running. Once started, a round never stops the schedule,
   * whatever the checks or the status-change listeners throw, and
   * {@link HealthService.stop} always settles.
   *
   * @throws TypeError when `options` is not an object or has an unknown key.
   * @throws RangeError for a malformed interval or limit, or one above
   *   2,147,483,647 ms (Node would fire such a timer after 1 ms).
   * @throws Error when background mode is already running.
   */
  start(options: BackgroundOptions): void {
    // Everything is checked before anything changes: a start() that throws leaves nothing running.
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new TypeError('HealthService.start: options must be an object with intervalMs');
    }
    assertKnownKeys(options, ['intervalMs', 'staleAfterMs'], 'HealthService.start');
    const { intervalMs, staleAfterMs: givenStaleAfterMs } = options;
    assertPositiveMs(intervalMs, 'intervalMs', 'HealthService.start');
    if (givenStaleAfterMs !== undefined) assertPositiveMs(givenStaleAfterMs, 'staleAfterMs', 'HealthService.start');
    if (this.#background !== undefined) throw new Error('HealthService.start: background mode is already running; call stop() first');
    const largestTimeout = Math.max(0, ...this.#slots.map((slot) => slot.timeoutMs));
    const staleAfterMs = givenStaleAfterMs ?? Math.min(MAX_TIMER_MS, 3 * intervalMs + largestTimeout);
    const background: Background = { intervalMs, staleAfterMs, timer: undefined, round: undefined };
    this.#background = background;
    try {
      this.#tick(background);
    } catch (error) {
      // #tick never throws by design; should it ever, leave nothing running.
      if (this.#background === background) this.#background = undefined;
      clearTimeout(background.timer);
      throw error;
    }
  }

  /**
   * Stops background mode and waits for the round in progress, if any (its
   * executions end by their timeouts at the latest). Afterwards no timer of
   * this service is left. Safe to call when not started.
   */
  async stop(): Promise<void> {
    const background = this.#background;
    if (background === undefined) return;
    this.#background = undefined;
    clearTimeout(background.timer);
    background.timer = undefined;
    // A round never rejects and always settles (settleAll's backstop); stop() waits for it and no longer.
    await background.round?.catch(noop);
  }

  /** Whether background mode is running. */
  get running(): boolean {
    return this.#background !== undefined;
  }

  #tick(background: Background): void {
    background.timer = undefined;
    const schedule = (): void => {
      background.round = undefined;
      if (this.#background !== background) return;
      background.timer = setTimeout(() => {
        this.#tick(background);
      }, background.intervalMs);
      background.timer.unref();
    };
    // settleAll never rejects; the second handler is the belt to its braces, so the schedule goes on whatever happens.
    background.round = settleAll(
      this.#slots,
      this.#slots.map((slot) => this.#execute(slot)),
      true,
    ).then(schedule, schedule);
  }

  #select(options: RunOptions): readonly Slot[] {
    if (typeof options !== 'object' || options === null) throw new TypeError('HealthService.run: options must be an object');
    assertKnownKeys(options, runOptionKeys, 'HealthService.run');
    let slots = this.#slots;
    if (options.names !== undefined) {
      assertTags(options.names, 'names', 'HealthService.run');
      const unknown = options.names.filter((name) => !this.#byName.has(name));
      if (unknown.length > 0) {
        const known = [...this.#byName.keys()].join(', ') || '(none)';
        throw new RangeError(`HealthService.run: no check named ${unknown.map((name) => `'${name}'`).join(', ')} (known: ${known})`);
      }
      const wanted = new Set(options.names);
      slots = slots.filter((slot) => wanted.has(slot.definition.name));
    }
    if (options.tags !== undefined) {
      assertTags(options.tags, 'tags', 'HealthService.run');
      const wanted = options.tags;
      slots = slots.filter((slot) => slot.definition.tags.some((tag) => wanted.includes(tag)));
    }
    if (options.probe !== undefined) {
      if (!probes.includes(options.probe)) {
        throw new RangeError(`HealthService.run: probe must be one of ${probes.join(', ')}, got ${String(options.probe)}`);
      }
      slots = this.#probeSlots(options.probe, slots);
    }
    if (options.fresh !== undefined && typeof options.fresh !== 'boolean') throw new TypeError('HealthService.run: fresh must be a boolean');
    return slots;
  }

  #probeSlots(probe: Probe, slots: readonly Slot[]): readonly Slot[] {
    const has = (slot: Slot, tag: string): boolean => slot.definition.tags.includes(tag);
    const untagged = (slot: Slot): boolean => !probeTags.some((tag) => has(slot, tag));
    switch (probe) {
      case 'liveness':
        return slots.filter((slot) => has(slot, 'live'));
      case 'readiness':
        return slots.filter((slot) => has(slot, 'ready') || untagged(slot));
      case 'startup':
        return this.#slots.some((slot) => has(slot, 'startup'))
          ? slots.filter((slot) => has(slot, 'startup'))
          : this.#probeSlots('readiness', slots);
    }
  }

  #resultFor(slot: Slot, fresh: boolean): CheckResult | Promise<CheckResult> {
    if (fresh) return this.#execute(slot);
    const now = performance.now();
    const latest = slot.latest;
    const background = this.#background;
    if (background !== undefined && latest !== undefined) {
      const ageMs = roundMs(now - latest.finishedAt);
      return ageMs > background.staleAfterMs ? staleResult(slot.definition, ageMs, background.staleAfterMs) : reuse(latest.result, ageMs);
    }
    if (slot.cacheTtlMs > 0 && latest !== undefined && now - latest.finishedAt < slot.cacheTtlMs) {
      return reuse(latest.result, roundMs(now - latest.finishedAt));
    }
    if (this.#singleFlight && slot.inFlight !== undefined) return slot.inFlight;
    return this.#execute(slot);
  }

  /**
   * One execution of `slot`, recorded as its latest result. Never rejects:
   * should executeCheck itself throw or reject (it must not), that becomes
   * an `unknown error` result too. Should it never settle, {@link settleAll}
   * stops waiting for it, and forgets it as the slot's in-flight execution.
   */
  #execute(slot: Slot): Promise<CheckResult> {
    let started: Promise<CheckResult>;
    try {
      started = executeCheck(slot.definition, slot.instance, slot.timeoutMs);
    } catch (error) {
      started = Promise.resolve(internalFailure(slot.definition, error));
    }
    const record = (result: CheckResult): CheckResult => {
      if (slot.inFlight === execution) slot.inFlight = undefined;
      slot.latest = { result, finishedAt: performance.now() };
      this.#notify(slot, result);
      return result;
    };
    const execution: Promise<CheckResult> = started.then(record, (error: unknown) => record(internalFailure(slot.definition, error)));
    slot.inFlight = execution;
    return execution;
  }

  /**
   * Tells the listeners subscribed when the notification starts, in
   * subscription order; one unsubscribed meanwhile (by itself or another
   * listener) is skipped, one subscribed meanwhile hears from the next
   * change on. A listener that throws, whatever it throws, becomes a
   * `PulsecheckListenerWarning` and the others are still called.
   */
  #notify(slot: Slot, result: CheckResult): void {
    const previous = slot.lastStatus;
    slot.lastStatus = result.status;
    if (previous !== result.status) {
      for (const listener of [...this.#listeners]) {
        if (!this.#listeners.has(listener)) continue;
        try {
          listener(result, previous, result.status);
        } catch (thrown) {
          warnListenerThrew(thrown);
        }
      }
    }
    for (const listener of [...this.#resultListeners]) {
      if (!this.#resultListeners.has(listener)) continue;
      try {
        listener(result);
      } catch (thrown) {
        warnListenerThrew(thrown, 'result');
      }
    }
  }
}

function noop(): void {}

/** Reports a listener's throw as a process warning; building and emitting it can never throw. */
function warnListenerThrew(thrown: unknown, kind: 'status-change' | 'result' = 'status-change'): void {
  try {
    process.emitWarning(`pulsecheck: a ${kind} listener threw: ${describeSafely(thrown)}`, 'PulsecheckListenerWarning');
  } catch {
    // a process 'warning' handler cannot break a run either
  }
}


function reuse(result: CheckResult, ageMs: number): CheckResult {
  return Object.freeze({ ...result, cached: true as const, ageMs });
}

function staleResult(definition: CheckDefinition, ageMs: number, limitMs: number): CheckResult {
  const error = makeCheckError('unavailable', `stale: the latest background result is ${Math.round(ageMs)} ms old (limit ${limitMs} ms)`);
  return buildResult(definition, 0, [error], {});
}

const shutdownDefinition: CheckDefinition = Object.freeze({
  target: HealthCheck,
  name: 'shutdown',
  critical: true,
  timeoutMs: undefined,
  tags: Object.freeze(['ready']),
  description: 'The service is draining before it stops.',
  cacheTtlMs: undefined,
});

function shutdownResult(): CheckResult {
  return buildResult(shutdownDefinition, 0, [makeCheckError('unavailable', 'shutting down')], {});
}

function buildReport(startedAt: Date, t0: number, checks: readonly CheckResult[]): HealthReport {
  let status: HealthStatus = 'pass';
  for (const check of checks) {
    if (check.status === 'fail' && check.critical) {
      status = 'fail';
      break;
    }
    if (check.status !== 'pass') status = 'warn';
  }
  return Object.freeze({
    status,
    httpStatus: status === 'fail' ? 503 : 200,
    startedAt: startedAt.toISOString(),
    durationMs: roundMs(performance.now() - t0),
    checks: Object.freeze([...checks]),
  });
}
