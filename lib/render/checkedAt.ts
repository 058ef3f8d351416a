import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';

/**
 * @internal When a check's result was produced, as an ISO 8601 UTC string:
 * the report's `startedAt`, or `startedAt - ageMs` for a reused (`cached`)
 * result. `undefined` when `startedAt` is not a parseable date.
 */
export function checkedAt(report: HealthReport, check: CheckResult): string | undefined {
  const started = Date.parse(report.startedAt);
  if (Number.isNaN(started)) return undefined;
  const ageMs = check.cached === true && typeof check.ageMs === 'number' && Number.isFinite(check.ageMs) ? check.ageMs : 0;
  const time = new Date(started - ageMs);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
