import type { CheckResult } from '../report/CheckResult.js';

/** @internal A result answered again instead of executing its check: frozen, `cached: true`, with its age. */
export function reuseResult(result: CheckResult, ageMs: number): CheckResult {
  return Object.freeze({ ...result, cached: true as const, ageMs });
}
