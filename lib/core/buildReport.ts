import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { ServiceInfo } from '../report/ServiceInfo.js';
import { isoTime } from './isoTime.js';
import { roundMs } from './roundMs.js';

/**
 * @internal Aggregates results into a frozen report: `fail` (HTTP 503) when
 * a critical check failed, else `warn` when any check is not `pass`, else
 * `pass`; its duration is the time since `t0` (`performance.now()`).
 * With `adopt`, `checks` (an array nobody else holds) is frozen and used
 * itself instead of a copy. It carries `service` (last, as the detailed JSON
 * writes it) when one is given.
 */
export function buildReport(startedAt: number, t0: number, checks: readonly CheckResult[], adopt = false, service?: ServiceInfo): HealthReport {
  let status: HealthStatus = 'pass';
  for (const check of checks) {
    if (check.status === 'fail' && check.critical) {
      status = 'fail';
      break;
    }
    if (check.status !== 'pass') status = 'warn';
  }
  const report: { -readonly [K in keyof HealthReport]: HealthReport[K] } = {
    status,
    httpStatus: status === 'fail' ? 503 : 200,
    startedAt: isoTime(startedAt),
    durationMs: roundMs(performance.now() - t0),
    checks: Object.freeze(adopt ? checks : [...checks]),
  };
  // Set on the one object before it is frozen, not copied into a second one.
  if (service !== undefined) report.service = service;
  return Object.freeze(report);
}
