import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import { reuseResult } from './reuseResult.js';
import { roundMs } from './roundMs.js';
import type { RunOptions } from './RunOptions.js';

/**
 * @internal The startup latch: once a whole startup run (no `tags`, no
 * `names`) did not fail, later startup runs answer from it (`cached: true`,
 * with its age) instead of executing checks, as Kubernetes stops calling
 * the startup probe once it passed. It answers startup runs only, never a
 * `fresh` one, and a run that selects fewer checks gets only those.
 */
export class StartupLatch {
  #latched: { readonly report: HealthReport; readonly at: number } | undefined;

  /** @param enabled - Whether a passing startup report is latched at all. */
  constructor(readonly enabled: boolean) {}

  /** Whether a startup report is latched. */
  get latched(): boolean {
    return this.#latched !== undefined;
  }

  /**
   * The latched results for a run, if the latch answers it.
   *
   * @param options - The run's (validated) options.
   * @param selected - The checks the run selects (their names are read only when the latch answers).
   * @returns The selected results of the latched report, or `undefined`
   *   when the run is not a startup run, is `fresh`, or nothing is latched.
   */
  replay(options: RunOptions, selected: readonly { readonly definition: { readonly name: string } }[]): CheckResult[] | undefined {
    const latched = this.#latched;
    if (options.probe !== 'startup' || options.fresh === true || latched === undefined) return undefined;
    const ageMs = roundMs(performance.now() - latched.at);
    const wanted = new Set(selected.map((slot) => slot.definition.name));
    return latched.report.checks.filter((result) => wanted.has(result.name)).map((result) => reuseResult(result, ageMs));
  }

  /** Latches `report` when it is a whole startup run's and did not fail. */
  keep(options: RunOptions, report: HealthReport): void {
    if (!this.enabled || options.probe !== 'startup' || options.tags !== undefined || options.names !== undefined) return;
    if (report.status !== 'fail') this.#latched = { report, at: performance.now() };
  }
}
