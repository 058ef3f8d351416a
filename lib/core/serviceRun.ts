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
 */
export async function serviceRun(units: ServiceRunUnits, options: RunOptions): Promise<HealthReport> {
  const startedAt = Date.now();
  const t0 = performance.now();
  const selected = units.selector.select(options);
  const closed = units.gate.answer(options);
  if (closed !== undefined) return buildReport(startedAt, t0, [closed], true, units.service);
  const replayed = units.latch.replay(options, selected);
  if (replayed !== undefined) return buildReport(startedAt, t0, replayed, true, units.service);

  const executor = units.executor;
  const pending = executor.answer(selected, options.fresh === true);
  // Cached and background results are ready at once: skip the wait only when every one is.
  const settled = executor.allKnown ? (pending as CheckResult[]) : await executor.settle(selected, pending);
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
