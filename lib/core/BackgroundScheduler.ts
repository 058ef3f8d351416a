import type { CheckResult } from '../report/CheckResult.js';
import { BACKGROUND_OPTION_SCHEMA, type BackgroundOptions } from './BackgroundOptions.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './buildResult.js';
import type { LatestResult } from './ResultCache.js';
import { reuseResult } from './reuseResult.js';
import { roundMs } from './roundMs.js';
import type { SlotKey } from './SlotState.js';
import { makeCheckError } from './toCheckError.js';
import { MAX_TIMER_MS } from '../options/maxTimerMs.js';
import { validateOptions } from '../options/validateOptions.js';

/** @internal One check as the scheduler runs it: its own interval and initial delay, if any, and its timeout. */
export interface ScheduledCheck<K> {
  readonly key: K;
  readonly intervalMs: number | undefined;
  readonly initialDelayMs: number | undefined;
  readonly timeoutMs: number;
}

/** One check's schedule while running. */
interface Loop {
  readonly key: SlotKey;
  readonly intervalMs: number;
  readonly staleAfterMs: number;
  timer: NodeJS.Timeout | undefined;
  execution: Promise<unknown> | undefined;
  /** When the first execution is due (`performance.now()`), until it starts; then `undefined`. */
  firstDueAt: number | undefined;
}

interface Background {
  /** Every loop of this start(), each also in its key's SlotState while it runs. */
  readonly loops: Loop[];
}

/**
 * @internal Background mode: each check on its own schedule, until stopped.
 * A check runs after its initial delay (`0`: at once), then again its
 * interval (its own, else the service-wide one) after each of its
 * executions ends, so it never overlaps itself and a slow check never
 * delays another. One `unref`ed timer per waiting check; each execution
 * keeps its own deadline (its own start plus its own timeout), whatever the
 * schedule. Also the rules for answering from the latest results meanwhile:
 * staleness judged per check, and a `pending` answer during an initial
 * delay. An execution must never reject (the service's are backstopped by
 * settleAll); should one, its schedule goes on anyway.
 */
export class BackgroundScheduler<K extends SlotKey> {
  readonly #execute: (key: K) => Promise<unknown>;
  #background: Background | undefined;

  /** @param execute - Runs one execution of a check; must not throw nor reject. */
  constructor(execute: (key: K) => Promise<unknown>) {
    this.#execute = execute;
  }

  /** Whether background mode is running. */
  get running(): boolean {
    return this.#background !== undefined;
  }

  /**
   * Validates `options`, then starts every check's schedule: those without
   * an initial delay execute now.
   *
   * @param options - The service-wide interval and the staleness limit.
   * @param checks - The checks, each with its own interval and initial
   *   delay (already validated) and its timeout. A check's staleness limit
   *   is `3 *` its interval plus its timeout (capped at
   *   {@link MAX_TIMER_MS}); a given `staleAfterMs` replaces that for the
   *   checks on the service-wide interval, and is a floor for the others.
   * @throws TypeError, RangeError or Error (already running) before anything starts.
   */
  start(options: BackgroundOptions, checks: readonly ScheduledCheck<K>[]): void {
    const { intervalMs, staleAfterMs } = validateOptions(BACKGROUND_OPTION_SCHEMA, options, 'HealthService.start');
    if (this.#background !== undefined) throw new Error('HealthService.start: background mode is already running; call stop() first');
    const now = performance.now();
    const background: Background = { loops: [] };
    for (const check of checks) {
      const own = check.intervalMs;
      const checkIntervalMs = own ?? intervalMs;
      const defaultLimit = Math.min(MAX_TIMER_MS, 3 * checkIntervalMs + check.timeoutMs);
      const limit = staleAfterMs === undefined ? defaultLimit : own === undefined ? staleAfterMs : Math.max(staleAfterMs, defaultLimit);
      const delayMs = check.initialDelayMs ?? 0;
      const loop: Loop = { key: check.key, intervalMs: checkIntervalMs, staleAfterMs: limit, timer: undefined, execution: undefined, firstDueAt: delayMs > 0 ? now + delayMs : undefined };
      background.loops.push(loop);
      check.key.state.loop = loop;
    }
    this.#background = background;
    try {
      for (const check of checks) {
        const loop = loopOf(check.key);
        if (loop === undefined) continue;
        if (loop.firstDueAt === undefined) this.#run(background, check.key, loop);
        else this.#wait(background, check.key, loop, check.initialDelayMs ?? 0);
      }
    } catch (error) {
      // #run and #wait never throw by design; should one ever, leave nothing running.
      this.#background = undefined;
      for (const loop of background.loops) {
        clearTimeout(loop.timer);
        loop.key.state.loop = undefined;
      }
      throw error;
    }
  }

  /** Stops every schedule, then waits for the executions in progress, if any. No timer is left. Safe when not started. */
  async stop(): Promise<void> {
    const background = this.#background;
    if (background === undefined) return;
    this.#background = undefined;
    const loops = background.loops;
    for (const loop of loops) {
      clearTimeout(loop.timer);
      loop.timer = undefined;
      loop.key.state.loop = undefined;
    }
    // Every execution is already under way: waiting for each in turn waits for all of them.
    for (const loop of loops) await loop.execution?.catch(noop);
  }

  /** The staleness limit of `key` in force, or `undefined` when not running or not scheduled. */
  staleAfterMsOf(key: K): number | undefined {
    return loopOf(key)?.staleAfterMs;
  }

  /**
   * What a run answers for a check while running: its latest result, reused
   * with its age; an `unavailable: stale` failure when that is older than
   * the check's limit; or, while the check waits for its initial delay and
   * has no fresh result, a `warning: pending` result (`warn`, never a 503).
   * `undefined` when not running or the check has no result yet, or only one
   * recorded after `now` (a clock turned back by fake timers) (the run
   * then joins or starts an execution as outside background mode).
   */
  answer(key: K, definition: CheckDefinition, latest: LatestResult | undefined, now: number): CheckResult | undefined {
    const loop = loopOf(key);
    if (loop === undefined) return undefined;
    // A result recorded after `now` (fake timers turned the clock back) has no age to give: as if none, as in ResultCache.
    if (latest !== undefined && latest.finishedAt <= now) {
      const ageMs = roundMs(now - latest.finishedAt);
      if (ageMs <= loop.staleAfterMs) return reuseResult(latest.result, ageMs);
      if (loop.firstDueAt === undefined) {
        const error = makeCheckError('unavailable', `stale: the latest background result is ${Math.round(ageMs)} ms old (limit ${loop.staleAfterMs} ms)`);
        return buildResult(definition, 0, [error], {});
      }
    }
    if (loop.firstDueAt === undefined) return undefined;
    const inMs = Math.max(0, Math.round(loop.firstDueAt - now));
    return buildResult(definition, 0, [makeCheckError('warning', `pending: the first background execution is due in ${inMs} ms (initialDelayMs)`)], {});
  }

  /** Arms the timer for the next execution of `key`, `delayMs` from now. */
  #wait(background: Background, key: K, loop: Loop, delayMs: number): void {
    loop.timer = setTimeout(() => {
      loop.timer = undefined;
      this.#run(background, key, loop);
    }, delayMs);
    loop.timer.unref();
  }

  /** Starts one execution of `key`; when it ends, waits the check's interval for the next (unless stopped meanwhile). */
  #run(background: Background, key: K, loop: Loop): void {
    if (this.#background !== background) return;
    loop.firstDueAt = undefined;
    const next = (): void => {
      loop.execution = undefined;
      if (this.#background !== background) return;
      this.#wait(background, key, loop, loop.intervalMs);
    };
    let execution: Promise<unknown>;
    try {
      execution = this.#execute(key);
    } catch {
      execution = Promise.resolve();
    }
    // The second handler is the belt to the execution's braces: the schedule goes on whatever happens.
    loop.execution = execution.then(next, next);
  }
}

function noop(): void {}

/** `key`'s loop while background mode runs (only this unit writes the field, always with a Loop). */
function loopOf(key: SlotKey): Loop | undefined {
  return key.state.loop as Loop | undefined;
}
