/**
 * Runs check instances the way an application does, through a real
 * HealthService, and returns one check's result.
 */
import { HealthService, type CheckResult, type HealthCheck } from 'pulsecheck';

/**
 * Runs `check` once under `timeoutMs` (through a HealthService of its own, stopped afterwards, so that its idle
 * deadline timer is not left behind) and returns its result.
 */
export async function runCheck(check: HealthCheck, timeoutMs = 1000): Promise<CheckResult> {
  const service = new HealthService([check], { defaultTimeoutMs: timeoutMs });
  const report = await service.run();
  await service.stop();
  const result = report.checks[0];
  if (result === undefined) throw new Error('runCheck: the report has no result');
  return result;
}

/** The kinds of a result's errors, in order. */
export function kinds(result: CheckResult): string[] {
  return result.errors.map((error) => error.kind);
}
