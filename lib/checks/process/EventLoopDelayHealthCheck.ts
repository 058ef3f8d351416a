import { injectable, preDestroy, unmanaged } from 'inversify';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CheckContext } from '../../core/CheckContext.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import { abortReason } from '../shared/untilAborted.js';
import type { EventLoopDelayHealthCheckOptions } from './EventLoopDelayHealthCheckOptions.js';
import { describeValue } from '../../options/describeValue.js';
import type { OptionRule } from '../../options/OptionRule.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionRules } from '../../options/optionRules.js';
import { validateOptions } from '../../options/validateOptions.js';
import { formatMs } from '../../core/formatMs.js';
import { applyThreshold, orderThreshold, round2, thresholdRule, type ThresholdSpec } from './thresholds.js';
import type { CheckTraits } from '../../core/CheckTraits.js';

/**
 * The delay histogram `monitorEventLoopDelay()` returns, named structurally: its
 * type's name differs between `@types/node` versions (`IntervalHistogram` is gone in 26).
 */
type EventLoopDelayMonitor = ReturnType<typeof monitorEventLoopDelay>;

const nsPerMs = 1e6;

/** A whole number of milliseconds, at least 1: the histogram's sampling resolution. */
const resolutionRule: OptionRule<number> = Object.freeze({
  expected: 'a positive integer number of milliseconds',
  check(value: unknown, option: string, where: string): void {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new RangeError(`${where}: ${option} must be a positive integer number of milliseconds, got ${typeof value === 'number' ? String(value) : describeValue(value)}`);
    }
    optionRules.positiveMs.check(value, option, where);
  },
});

const p99Spec: ThresholdSpec = { option: 'p99Ms', direction: 'above', percent: false };

/** The schema of {@link EventLoopDelayHealthCheckOptions}: rules and defaults. */
const EVENT_LOOP_DELAY_HEALTH_CHECK_SCHEMA = {
  p99Ms: thresholdRule(p99Spec, { warn: 100, fail: 500 }),
  resolutionMs: optionRules.withDefault(resolutionRule, 10),
  sampleMs: optionRules.withDefault(optionRules.positiveMs, 100),
} as const satisfies OptionSchema<EventLoopDelayHealthCheckOptions>;

/**
 * Checks this process's event-loop delay (`perf_hooks.monitorEventLoopDelay`):
 * the 99th percentile of the delay since the previous execution against a
 * warn and a fail {@link Threshold} in milliseconds (see
 * {@link EventLoopDelayHealthCheckOptions} for the defaults). A loop that
 * is often blocked answers every request late, health checks included.
 *
 * Observes `p99Ms`, `maxMs`, `meanMs` (ms, the delay beyond the monitor's
 * resolution) and `samples`.
 *
 * **Sampling.** The monitor starts with the first execution, not in the
 * constructor, and then keeps running, so each execution reports the whole
 * interval since the previous one (a short stall between two probes is not
 * missed) and resets it. The first execution has no history yet: it samples
 * for `sampleMs` before it reports. The running monitor is one libuv timer
 * (`unref`ed: it never keeps the process alive) waking every `resolutionMs`;
 * {@link EventLoopDelayHealthCheck.stop} stops it (the container also calls
 * `stop()` when it deactivates the check, e.g. on `unbind`), and the next
 * execution starts it again. The alternative, sampling only inside each
 * execution, would leave nothing running but would see only `sampleMs` out
 * of every probe interval. One blind spot remains: Node's histogram does not
 * record the first tick after a reset, so a stall that begins within
 * `resolutionMs` after an execution goes unseen.
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass, with no constructor for the defaults, or with one that passes
 * options to `super`. Options are validated when the check is constructed.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { EventLoopDelayHealthCheck, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 *
 * @registerHealthCheck({ tags: ['live'] })
 * class EventLoopHealthCheck extends EventLoopDelayHealthCheck {
 *   constructor() {
 *     super({ p99Ms: { warn: 50, fail: 200 } });
 *   }
 * }
 *
 * const container = new Container();
 * container.load(healthModule());
 * console.log((await container.get(HealthService).run()).status);
 * container.get(EventLoopHealthCheck).stop(); // on shutdown
 * ```
 */
@injectable()
export class EventLoopDelayHealthCheck extends HealthCheck {
  /** A `system`, in-process (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'system', externalDependency: false };

  /** The limits and sampling in force: the options given, each missing one at its default. */
  readonly options: Readonly<Required<EventLoopDelayHealthCheckOptions>>;
  #monitor: EventLoopDelayMonitor | undefined;
  #warmUp: Promise<void> | undefined;

  /**
   * @param options - The limits and sampling; each one left out keeps its default.
   * @throws TypeError when `options` is not an object or has an unknown key,
   *   or `p99Ms` is not an object with only `warn` and `fail`.
   * @throws RangeError when a limit or `sampleMs` is not a positive finite
   *   number, `resolutionMs` not a positive integer, either of those two
   *   exceeds 2,147,483,647 ms, or `warn` exceeds `fail`.
   */
  constructor(@unmanaged() options: EventLoopDelayHealthCheckOptions = {}) {
    super();
    const owner = new.target.name;
    const valid = validateOptions(EVENT_LOOP_DELAY_HEALTH_CHECK_SCHEMA, options, owner);
    const schema = EVENT_LOOP_DELAY_HEALTH_CHECK_SCHEMA;
    this.options = Object.freeze({
      p99Ms: orderThreshold(valid.p99Ms ?? schema.p99Ms.defaultValue, p99Spec, owner),
      resolutionMs: valid.resolutionMs ?? schema.resolutionMs.defaultValue,
      sampleMs: valid.sampleMs ?? schema.sampleMs.defaultValue,
    });
  }

  /** Whether the delay monitor is running (from the first execution until {@link EventLoopDelayHealthCheck.stop}). */
  get running(): boolean {
    return this.#monitor !== undefined;
  }

  /**
   * Reports the delay since the previous execution (the first one samples
   * for `sampleMs` first) and starts a new interval.
   *
   * @param context - Receives the observations, warnings and errors; an
   *   abort during the first sampling ends the wait at once.
   */
  async check(context: CheckContext): Promise<void> {
    let monitor = this.#monitor;
    if (monitor === undefined) {
      monitor = this.createMonitor(this.options.resolutionMs);
      monitor.enable();
      this.#monitor = monitor;
      this.#warmUp = delay(this.options.sampleMs, context.signal);
    }
    const warmUp = this.#warmUp;
    if (warmUp !== undefined) {
      try {
        await untilAbortedOrDone(warmUp, context.signal);
      } finally {
        if (this.#warmUp === warmUp) this.#warmUp = undefined;
      }
    }

    const samples = monitor.count;
    const resolution = this.options.resolutionMs;
    const beyondResolution = (ns: number): number => Math.max(0, ns / nsPerMs - resolution);
    const p99 = beyondResolution(monitor.percentile(99));
    const max = beyondResolution(monitor.max);
    const mean = samples > 0 ? beyondResolution(monitor.mean) : 0;
    monitor.reset();

    context.observe('samples', samples);
    if (samples === 0) return; // executions closer together than the resolution: nothing to judge yet
    context.observe('p99Ms', round2(p99), 'ms');
    context.observe('maxMs', round2(max), 'ms');
    context.observe('meanMs', round2(mean), 'ms');
    applyThreshold(context, 'event-loop delay p99', p99, this.options.p99Ms, 'above', formatMs, ` (max ${formatMs(max)}, ${samples} samples)`);
  }

  /**
   * Stops the delay monitor, if it runs; the next execution starts it again.
   * Safe to call at any time, any number of times.
   */
  @preDestroy()
  stop(): void {
    const monitor = this.#monitor;
    this.#monitor = undefined;
    this.#warmUp = undefined;
    monitor?.disable();
  }

  /**
   * Creates the (disabled) delay monitor; the check enables it. Override it
   * to substitute a fake in tests.
   *
   * @param resolutionMs - The sampling interval.
   * @returns A histogram of delays in nanoseconds.
   */
  protected createMonitor(resolutionMs: number): ReturnType<typeof monitorEventLoopDelay> {
    return monitorEventLoopDelay({ resolution: resolutionMs });
  }
}

/** Resolves after `ms`, or rejects with the abort reason as soon as `signal` aborts (clearing its timer). */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `promise` within `signal` (another execution's warm-up may be aborted by that execution's own signal). */
function untilAbortedOrDone(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      reject(abortReason(signal));
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    promise.then(done, done);
  });
}
