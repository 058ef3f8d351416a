import type { HealthStatus } from '../../report/HealthStatus.js';

/**
 * @internal A status as the dashboard shows it: anything that is neither
 * `pass` nor `warn` (a hand-made report may hold any value) is shown as
 * failing, so that no check goes missing.
 */
export function stateOf(status: unknown): HealthStatus {
  return status === 'pass' || status === 'warn' ? status : 'fail';
}
