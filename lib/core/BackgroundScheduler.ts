import type { CheckResult } from '../report/CheckResult.js';
import { BACKGROUND_OPTION_KEYS, type BackgroundOptions } from './BackgroundOptions.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './executeCheck.js';
import type { LatestResult } from './ResultCache.js';
import { reuseResult } from './reuseResult.js';
import { roundMs } from './roundMs.js';
import { makeCheckError } from './toCheckError.js';
import { MAX_TIMER_MS, assertKnownKeys, assertPositiveMs } from './validateOptions.js';

interface Background {
  readonly intervalMs: number;
  readonly staleAfterMs: number;
  timer: NodeJS.Timeout | undefined;
  round: Promise<void> | undefined;
}

/**
 * @internal Background mode: runs a round now and again `intervalMs` after
 * each round ends (timers `unref`ed), until stopped; and the staleness rule
 * for answering from the latest results meanwhile. A round must never
 * reject (the service's rounds are backstopped by settleAll); should one,
 * the schedule goes on anyway.
 */
export class BackgroundScheduler {
  readonly #round: () => Promise<unknown>;
  #background: Background | undefined;

  /** @param round - Runs one round of every check; must not throw nor reject. */
  constructor(round: () => Promise<unknown>) {
    this.#round = round;
  }

  /** Whether background mode is running. */
  get running(): boolean {
    return this.#background !== undefined;
  }

  /**
   * Validates `options`, then starts: the first round runs now.
   *
   * @param options - The interval and the staleness limit.
   * @param largestTimeoutMs - The largest check timeout, for the default
   *   staleness limit: `3 * intervalMs` plus it, capped at {@link MAX_TIMER_MS}.
   * @throws TypeError, RangeError or Error (already running) before anything starts.
   */
  start(options: BackgroundOptions, largestTimeoutMs: number): void {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new TypeError('HealthService.start: options must be an object with intervalMs');
    }
    assertKnownKeys(options, BACKGROUND_OPTION_KEYS, 'HealthService.start');
    const { intervalMs, staleAfterMs: givenStaleAfterMs } = options;
    assertPositiveMs(intervalMs, 'intervalMs', 'HealthService.start');
    if (givenStaleAfterMs !== undefined) assertPositiveMs(givenStaleAfterMs, 'staleAfterMs', 'HealthService.start');
    if (this.#background !== undefined) throw new Error('HealthService.start: background mode is already running; call stop() first');
    const staleAfterMs = givenStaleAfterMs ?? Math.min(MAX_TIMER_MS, 3 * intervalMs + largestTimeoutMs);
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

  /** Stops, then waits for the round in progress, if any. No timer is left. Safe when not started. */
  async stop(): Promise<void> {
    const background = this.#background;
    if (background === undefined) return;
    this.#background = undefined;
    clearTimeout(background.timer);
    background.timer = undefined;
    await background.round?.catch(noop);
  }

  /** The staleness limit in force, or `undefined` when not running. */
  get staleAfterMs(): number | undefined {
    return this.#background?.staleAfterMs;
  }

  /**
   * What a run answers for a check while running: its latest result, reused
   * with its age, or an `unavailable: stale` failure when it is older than
   * the limit. `undefined` when not running or the check has no result yet.
   */
  answer(definition: CheckDefinition, latest: LatestResult | undefined, now: number): CheckResult | undefined {
    const background = this.#background;
    if (background === undefined || latest === undefined) return undefined;
    const ageMs = roundMs(now - latest.finishedAt);
    if (ageMs <= background.staleAfterMs) return reuseResult(latest.result, ageMs);
    const error = makeCheckError('unavailable', `stale: the latest background result is ${Math.round(ageMs)} ms old (limit ${background.staleAfterMs} ms)`);
    return buildResult(definition, 0, [error], {});
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
    // The second handler is the belt to the round's braces: the schedule goes on whatever happens.
    background.round = this.#round().then(schedule, schedule);
  }
}

function noop(): void {}
