import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import { buildReport } from './buildReport.js';
import type { CheckSlot } from './CheckSlot.js';
import type { ResultHistory } from './ResultHistory.js';
import type { RunOptions } from './RunOptions.js';
import type { ServiceUnits } from './serviceUnits.js';

/** @internal The units one run goes through, in order. */
export type ServiceRunUnits = Pick<ServiceUnits, 'selector' | 'gate' | 'latch' | 'executor' | 'history' | 'service'>;

/**
 * @internal One `HealthService.run()`: selects the checks (validating the
 * options), lets the shutdown gate and the startup latch answer first, then
 * answers each check (known, shared or executed: `CheckExecutor`),
 * waits only when some answer is still to come, attaches the history when
 * asked, and builds the frozen report (the startup latch keeps it when it
 * latches). Rejects only for malformed options.
 *
 * Not an async function: the report is made by one `then` on the wait
 * (an async function's frame and its resumption cost more, measured at
 * one check per run). The first execution starts at the run's own start
 * (only engine code runs between the two readings), which the backstop
 * counts from too: two clock readings per run fewer. The run's start is read
 * once the options are read (its duration leaves their validation out), so
 * that no code of the caller's (a getter of its options) runs between it and
 * the first execution.
 */
export function serviceRun(units: ServiceRunUnits, options: RunOptions): Promise<HealthReport> {
  try {
    // Everything read of the options (the caller's object: a getter is the caller's code) is read before the
    // run's start, which the first execution starts at.
    const selected = units.selector.select(options);
    const closed = units.gate.answer(options);
    if (closed !== undefined) return Promise.resolve(buildReport(Date.now(), performance.now(), [closed], true, units.service));
    const replayed = units.latch.replay(options, selected);
    if (replayed !== undefined) return Promise.resolve(buildReport(Date.now(), performance.now(), replayed, true, units.service));
    const fresh = options.fresh === true;

    const startedAt = Date.now();
    const t0 = performance.now();
    const executor = units.executor;
    const pending = executor.answer(selected, fresh, t0);
    // Cached and background results are ready at once: skip the wait only when every one is.
    if (executor.allKnown) return Promise.resolve(reportOf(units, options, selected, pending as CheckResult[], startedAt, t0));
    return executor.settle(selected, pending, t0).then((settled) => reportOf(units, options, selected, settled, startedAt, t0));
  } catch (error) {
    // Malformed options (or a defect): a rejection with what was thrown, as from an async function, never a throw.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the thrown value itself
    return Promise.reject(error);
  }
}

/** The run's report of `settled` (the results of `selected`, adopted), with their history when asked. */
function reportOf(units: ServiceRunUnits, options: RunOptions, selected: readonly CheckSlot[], settled: CheckResult[], startedAt: number, t0: number): HealthReport {
  const history = units.history;
  const results = options.history === true && history.capacity > 0 ? settled.map((result, index) => withHistory(history, result, selected[index])) : settled;
  const report = buildReport(startedAt, t0, results, true, units.service);
  units.latch.keep(options, report);
  return report;
}

/** `result` with `slot`'s history attached, frozen. */
function withHistory(history: ResultHistory<CheckSlot>, result: CheckResult, slot: CheckSlot | undefined): CheckResult {
  return slot === undefined ? result : Object.freeze({ ...result, history: history.snapshot(slot, slot.definition.name) });
}
