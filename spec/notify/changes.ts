/** Hand-made status changes and notifications for the notifier specs. */
import type { CheckResult, HealthNotification, HealthStatus, StatusChange } from 'pulsecheck';

/** A result as the service would report it. */
export function result(name: string, status: HealthStatus, output: string, extra: Partial<CheckResult> = {}): CheckResult {
  return {
    name,
    status,
    critical: true,
    tags: [],
    durationMs: 1,
    output,
    errors: status === 'pass' ? [] : [{ kind: status === 'warn' ? 'warning' : 'unavailable', message: output.replace(/^[a-z ]+: /, '') }],
    observations: {},
    ...extra,
  };
}

export type Change = [CheckResult, HealthStatus | undefined];

export function notification(...changes: Change[]): HealthNotification {
  return { at: new Date().toISOString(), changes: changes.map(([check, previous]): StatusChange => ({ check, previous, current: check.status })) };
}

export const failed = (name: string, output = 'unavailable: down', extra: Partial<CheckResult> = {}): Change => [result(name, 'fail', output, extra), 'pass'];
export const recovered = (name: string): Change => [result(name, 'pass', 'working'), 'fail'];
